import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// `?`: every key of the current view and the global ones, from the command registry.
enum HelpView {
    static let keyColumn = 16

    /// The help text, wrapped to `width`: a heading per context, then one entry per command with
    /// its keys in a column and its description wrapped beside them.
    static func lines(_ state: AppState, width: Int, _ options: Render.Options) -> [(String, StyleRole)] {
        let context = state.keyContext
        var lines: [(String, StyleRole)] = []
        let indent = String(repeating: " ", count: keyColumn)
        for ctx in [context, .global, .form] {
            lines.append((ctx.title, .header))
            for command in CommandRegistry.all where command.context == ctx {
                let keys = options.keymap.keys(command.id).map(\.label).joined(separator: " ")
                let text = command.title + " — " + command.help
                let wrapped = TextWidth.wrap(text, width: max(10, width - keyColumn))
                for (i, part) in wrapped.enumerated() {
                    lines.append(((i == 0 ? TextWidth.fit(keys.isEmpty ? "(palette)" : keys, to: keyColumn - 1) + " " : indent) + part,
                                  i == 0 ? .normal : .normal))
                }
            }
            lines.append(("", .normal))
        }
        return lines
    }

    static func draw(_ frame: inout Frame, _ state: AppState, scroll: Int, _ options: Render.Options) {
        let main = Layout.main(state.size)
        let rect = main.centred(Size(width: min(100, main.width), height: main.height))
        frame.canvas.fill(rect, role: .modal)
        frame.canvas.box(rect, role: .border, title: "Keys — \(state.view.title)", titleRole: .modalTitle)
        let inner = rect.inset(dx: 2, dy: 1)
        let all = lines(state, width: inner.width, options)
        let top = min(scroll, max(0, all.count - inner.height))
        for (i, l) in all.dropFirst(top).prefix(inner.height).enumerated() {
            frame.canvas.text(l.0, x: inner.x, y: inner.y + i, role: l.1, width: inner.width)
            if l.1 == .normal, !l.0.hasPrefix(" ") {
                // Keys stand out from the description.
                frame.canvas.paint(Rect(x: inner.x, y: inner.y + i, width: keyColumn - 1, height: 1), role: .hintKey)
            }
        }
    }
}

/// `:` / Ctrl-P: type to find a command; each shows its key, disabled ones say why.
enum PaletteView {
    static func draw(_ frame: inout Frame, _ state: AppState, _ palette: PaletteState, _ options: Render.Options) {
        let main = Layout.main(state.size)
        let width = min(72, main.width - 4)
        let items = PaletteState.items(palette.query.text, state: state, keymap: options.keymap)
        let height = min(main.height - 2, max(5, items.count + 3))
        let rect = Rect(x: main.x + (main.width - width) / 2, y: main.y + 1, width: width, height: height)
        frame.canvas.fill(rect, role: .modal)
        frame.canvas.box(rect, role: .border, title: "Command", titleRole: .modalTitle)
        let inner = rect.inset(dx: 2, dy: 1)
        frame.canvas.text(":", x: inner.x, y: inner.y, role: .hintKey)
        let (text, col) = palette.query.visible(width: inner.width - 2)
        frame.canvas.field(text, x: inner.x + 2, y: inner.y, width: inner.width - 2, role: .inputFocused)
        frame.cursor = Point(x: inner.x + 2 + col, y: inner.y)
        frame.cursorVisible = true
        let listHeight = inner.height - 1
        guard listHeight > 0 else { return }
        if items.isEmpty {
            frame.canvas.text("no command matches", x: inner.x, y: inner.y + 1, role: .dim)
            return
        }
        let top = max(0, palette.selected - listHeight + 1)
        for (i, item) in items.dropFirst(top).prefix(listHeight).enumerated() {
            let y = inner.y + 1 + i
            let selected = top + i == palette.selected
            let enabled = item.availability == .enabled
            let base: StyleRole = selected ? .selected : enabled ? .modal : .dim
            frame.canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: base)
            let keys = item.keys.map(\.label).joined(separator: " ")
            var title = item.title
            if case .disabled(let reason) = item.availability { title += " — \(reason)" }
            let keyWidth = min(14, TextWidth.of(keys))
            frame.canvas.text(title, x: inner.x + 1, y: y, role: base, width: inner.width - keyWidth - 3)
            if !selected && enabled {
                for p in item.matched where p < item.title.count {
                    let prefix = String(item.title.prefix(p))
                    let ch = item.title[item.title.index(item.title.startIndex, offsetBy: p)]
                    frame.canvas.text(String(ch), x: inner.x + 1 + TextWidth.of(prefix), y: y, role: .match)
                }
            }
            frame.canvas.text(keys, x: inner.maxX - keyWidth, y: y, role: selected ? base : .hintKey, width: keyWidth)
            frame.hits.append(HitRegion(Rect(x: inner.x, y: y, width: inner.width, height: 1), "cmd:\(item.id.rawValue)"))
        }
    }
}

/// Questions that need an answer before anything else happens.
enum Dialogs {
    static func confirmQuit(_ frame: inout Frame, _ state: AppState) {
        var lines: [String]
        var keys: String
        if state.file == nil {
            lines = ["The demo plan's edits live only in memory.", "Quit and discard them?",
                     "(To keep them: Esc, then \"Save as…\" in the command palette, : save as.)"]
            keys = "y quit and discard · Esc stay"
        } else {
            if case .failed(let message) = state.saveStatus {
                lines = ["The last save failed:", message, "Your edits are only in memory."]
            } else {
                lines = ["There are edits that are not saved (autosave is off)."]
            }
            keys = "s save and quit · y quit without saving · Esc stay"
        }
        lines.append("")
        lines.append(keys)
        box(&frame, state, title: "Quit?", lines: lines)
    }

    static func externalChange(_ frame: inout Frame, _ state: AppState) {
        let name = state.file ?? "the file"
        box(&frame, state, title: "Changed on disk", lines: [
            "\(name) was changed by someone else since pilotwave loaded or saved it.",
            "Nothing has been overwritten.",
            "",
            "r reload theirs (your unsaved edits are dropped)",
            "k keep mine (save over it; theirs is kept as \(name).bak)",
            "Esc decide later (autosave pauses)",
        ])
    }

    static func saveAs(_ frame: inout Frame, _ state: AppState, _ input: TextInput) {
        let main = Layout.main(state.size)
        let width = min(main.width - 4, 72)
        let rect = main.centred(Size(width: width, height: 6))
        frame.canvas.fill(rect, role: .modal)
        frame.canvas.box(rect, role: .border, title: "Save as", titleRole: .modalTitle)
        frame.canvas.text("Write the plan to a new file (an existing file is never replaced):",
                          x: rect.x + 2, y: rect.y + 1, role: .modal, width: width - 4)
        let (text, col) = input.visible(width: width - 4)
        frame.canvas.field(text, x: rect.x + 2, y: rect.y + 3, width: width - 4, role: .inputFocused)
        frame.cursor = Point(x: rect.x + 2 + col, y: rect.y + 3)
        frame.cursorVisible = true
    }

    static func box(_ frame: inout Frame, _ state: AppState, title: String, lines: [String]) {
        let main = Layout.main(state.size)
        let width = min(main.width - 4, max(40, (lines.map { TextWidth.of($0) }.max() ?? 0) + 6))
        var wrapped: [String] = []
        for l in lines { wrapped += l.isEmpty ? [""] : TextWidth.wrap(l, width: width - 4) }
        let rect = main.centred(Size(width: width, height: wrapped.count + 2))
        frame.canvas.fill(rect, role: .modal)
        frame.canvas.box(rect, role: .warning, title: title, titleRole: .modalTitle)
        for (i, l) in wrapped.enumerated() where i < rect.height - 2 {
            frame.canvas.text(l, x: rect.x + 2, y: rect.y + 1 + i, role: .modal, width: width - 4)
        }
        frame.cursor = Point(x: rect.x + 2, y: rect.maxY - 2)
    }
}
