import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// The Conflicts overlay (X): each conflict a merge left in the plan, in words, with our value,
/// theirs and the one both started from.
enum ConflictsView {
    static func draw(_ frame: inout Frame, _ state: AppState, _ overlay: ConflictsOverlay, _ options: Render.Options) {
        let main = Layout.main(state.size)
        let width = min(main.width - 2, 96)
        let inner = width - 4
        let rows = ConflictRow.rows(state.plan)
        var lines: [(String, StyleRole, Bool)] = []   // text, role, selected
        if rows.isEmpty {
            lines.append(("No merge conflicts left.", .title, false))
            lines.append(("u undoes the last decision; Esc closes.", .dim, false))
        } else {
            lines.append((Words.count(rows.count, "merge conflict") + " to resolve", .title, false))
            lines += TextWidth.wrap("Both sides of a merge changed these differently. The plan holds ours until you decide; "
                                    + "each decision is one edit that u undoes.", width: inner - 2).map { ($0, .dim, false) }
        }
        for (i, row) in rows.enumerated() {
            lines.append(("", .normal, false))
            lines.append((row.what, .normal, i == overlay.selected))
            lines.append(("    ours    " + row.ours, .normal, false))
            lines.append(("    theirs  " + row.theirs, .normal, false))
            lines.append(("    base    " + row.base, .dim, false))
        }
        let help = "j/k move · Enter take theirs · o keep ours · u undo · Esc close"
        let height = min(main.height, lines.count + 4)
        let rect = main.centred(Size(width: width, height: height))
        let visible = LineBox.visible(rect)
        // The selected conflict shows whole (its line and its three values).
        let selectedLine = lines.firstIndex { $0.2 } ?? 0
        let top = max(0, min(selectedLine, selectedLine + 4 - visible))
        LineBox.draw(&frame, rect, title: "Merge conflicts", lines: lines, top: top, help: help, options)
    }

    /// The status line's reminder while conflicts remain: "2 conflicts · X".
    static func summary(_ state: AppState, _ options: Render.Options) -> String? {
        guard !state.plan.conflicts.isEmpty else { return nil }
        let key = options.keymap.keys("conflicts.show").first?.label ?? ":"
        return Words.count(state.plan.conflicts.count, "conflict") + " · " + key + " "
    }
}
