import Foundation
import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// The Blockers view (DOMAIN.md §6): the systemic blockers the pilots surfaced, grouped by status
/// (the one holding up the earliest wave first), with who owns each and which waves wait for it;
/// below, the selected blocker in full — each gated wave's start and whether this blocker is the
/// last thing in its gate — and what fixing a blocker of its category usually takes.
enum BlockersView {
    static func draw(_ frame: inout Frame, _ state: AppState, _ options: Render.Options) {
        let layout = Layout.blockers(state.size, showDetail: state.blockers.showDetail, blockers: state.plan.blockers.count)
        info(&frame, state, layout.info)
        list(&frame, state, layout.list)
        let blocker = Reducer.selectedBlocker(state)
        if let rect = layout.detail {
            detail(&frame, state, rect, blocker, withGuidance: layout.guidance == nil)
        }
        if let rect = layout.guidance {
            guidance(&frame, rect, blocker)
        }
    }

    // MARK: Info line

    static func info(_ frame: inout Frame, _ state: AppState, _ rect: Rect) {
        let b = state.blockers
        let d = state.derived.blockers
        var x = rect.x + 1
        if let input = b.filterInput {
            x += frame.canvas.text("/", x: x, y: rect.y, role: .hintKey)
            let (text, col) = input.visible(width: 24)
            frame.canvas.field(text, x: x, y: rect.y, width: 24, role: .inputFocused)
            frame.cursor = Point(x: x + col, y: rect.y)
            frame.cursorVisible = true
            x += 26
        } else if !b.filter.isEmpty {
            x += frame.canvas.text("filter: \(b.filter)  ", x: x, y: rect.y, role: .match, width: max(0, rect.maxX - x))
        }
        let total = state.plan.blockers.count
        /// From the fullest wording (0) to the tightest (3).
        func segments(_ tier: Int) -> [(String, StyleRole)] {
            var s: [(String, StyleRole)] = []
            if tier == 0 { s.append((Words.count(total, "blocker"), .normal)) }
            s.append(("\(d.open) open", d.open > 0 ? .warning : .normal))
            s.append((tier < 3 ? "\(d.inProgress) in progress" : "\(d.inProgress) in prog", .normal))
            s.append((tier < 3 ? "\(d.resolved) resolved" : "\(d.resolved) res", d.resolved > 0 ? .good : .normal))
            if d.unowned > 0 { s.append(("! \(d.unowned) unowned", .warning)) }
            if d.wavesHeld > 0 {
                let waves = Words.count(d.wavesHeld, "wave")
                s.append((tier <= 1 ? "\(waves) held by unresolved blockers" : tier == 2 ? "\(waves) held" : "\(d.wavesHeld) held", .warning))
            } else if !d.waves.isEmpty {
                s.append(("no wave held", .good))
            }
            if tier <= 1 { s.append((tier == 0 ? "grouped by \(b.grouping.label) (s)" : "by \(b.grouping.label) (s)", .dim)) }
            return s
        }
        let room = rect.maxX - x - 1
        let width: ([(String, StyleRole)]) -> Int = { $0.reduce(0) { $0 + TextWidth.of($1.0) } + max(0, $0.count - 1) * 3 }
        var parts = segments(0)
        for tier in 1...3 where width(parts) > room { parts = segments(tier) }
        for (i, part) in parts.enumerated() {
            if i > 0 { x += frame.canvas.text(" · ", x: x, y: rect.y, role: .dim, width: max(0, rect.maxX - x)) }
            x += frame.canvas.text(part.0, x: x, y: rect.y, role: part.1, width: max(0, rect.maxX - x))
        }
    }

    // MARK: The list

    struct Columns {
        var status = 13
        var title = 20
        var category = 15
        var shortCategory = false
        var owner = 16
        var surfaced = 18
        var gates = 20

        init(width: Int) {
            switch width {
            case 140...: break
            case 110..<140:
                (category, shortCategory, owner, surfaced, gates) = (12, true, 15, 17, 14)
            case 90..<110:
                (category, shortCategory, owner, surfaced, gates) = (12, true, 15, 0, 14)
            case 72..<90:
                (category, shortCategory, owner, surfaced, gates) = (12, true, 13, 0, 14)
            default:
                (category, owner, surfaced, gates) = (0, 10, 0, 10)
            }
            let fixed = 2 + (status + 1) + (category > 0 ? category + 1 : 0) + (owner + 1) + (surfaced > 0 ? surfaced + 1 : 0) + gates + 1
            title = max(8, width - fixed)
        }
    }

    static func statusText(_ status: BlockerStatus) -> (String, StyleRole) {
        switch status {
        case .open: ("○ open", .warning)
        case .inProgress: ("◐ in progress", .accent)
        case .resolved: ("● resolved", .good)
        }
    }

    static func list(_ frame: inout Frame, _ state: AppState, _ rect: Rect) {
        guard rect.height > 1 else { return }
        let d = state.derived.blockers
        let b = state.blockers
        let cols = Columns(width: rect.width)
        // Column header.
        frame.canvas.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .header)
        var headers: [(String, Int)] = [("Status", cols.status), ("Blocker", cols.title)]
        if cols.category > 0 { headers.append(("Category", cols.category)) }
        headers.append(("Owner", cols.owner))
        if cols.surfaced > 0 { headers.append(("Surfaced by", cols.surfaced)) }
        headers.append(("Gates", cols.gates))
        var hx = rect.x + 2
        for (title, w) in headers {
            frame.canvas.field(title, x: hx, y: rect.y, width: w, role: .header)
            hx += w + 1
        }
        let top = rect.y + 1
        let height = rect.height - 1
        if d.rows.isEmpty {
            let text = state.plan.blockers.isEmpty
                ? "No systemic blockers recorded yet. a adds one; b in the Readiness view raises one from a pattern the pilots share."
                : "No blocker matches \"\(b.filterInput?.text ?? b.filter)\". Esc clears the filter."
            for (i, line) in TextWidth.wrap(text, width: max(10, rect.width - 4)).prefix(max(0, height - 1)).enumerated() {
                frame.canvas.text(line, x: rect.x + 2, y: top + 1 + i, role: .dim, width: rect.width - 4)
            }
            return
        }
        let names = state.plan.teams
        let index = state.derived.indexByID
        for (i, line) in d.lines.dropFirst(b.top).prefix(height).enumerated() {
            let y = top + i
            switch line {
            case .heading(let title, let count):
                frame.canvas.text("\(title) (\(count))", x: rect.x + 1, y: y, role: .title, width: rect.width - 2)
            case .row(let row):
                let blocker = state.plan.blockers[d.rows[row]]
                let selected = row == b.selected
                let base: StyleRole = selected ? (state.overlay == nil ? .selected : .selectedMuted) : .normal
                if selected { frame.canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: base) }
                frame.canvas.text(selected ? "▶" : " ", x: rect.x, y: y, role: base)
                var x = rect.x + 2
                func cell(_ text: String, _ width: Int, _ role: StyleRole) {
                    frame.canvas.field(text, x: x, y: y, width: width, role: selected ? base : role)
                    x += width + 1
                }
                let status = statusText(blocker.status)
                cell(status.0, cols.status, status.1)
                cell(blocker.title, cols.title, .normal)
                if cols.category > 0 {
                    cell(cols.shortCategory ? BlockerGuidance.shortLabel(blocker.category) : blocker.category.label, cols.category, .dim)
                }
                if let owner = blocker.owner {
                    cell(owner, cols.owner, .normal)
                } else {
                    cell(blocker.status == .resolved ? "—" : "no owner", cols.owner, blocker.status == .resolved ? .dim : .warning)
                }
                if cols.surfaced > 0 {
                    let teams = blocker.surfacedBy.compactMap { id in index[id].map { names[$0].name } }
                    cell(teamsText(teams, width: cols.surfaced), cols.surfaced, teams.isEmpty ? .dim : .normal)
                }
                // Only as many names as the column can show (a blocker may gate dozens of waves).
                let gated = d.gates[d.rows[row]].prefix(6).map { d.waves[$0].short }
                cell(gated.isEmpty ? (cols.gates >= 13 ? "gates nothing" : "none") : gated.joined(separator: ", "), cols.gates, gated.isEmpty ? .dim : .normal)
                frame.hits.append(HitRegion(Rect(x: rect.x, y: y, width: rect.width, height: 1), "blocker:\(row)"))
            }
        }
        if d.lines.count > height {
            let more = " \(b.top + 1)–\(min(d.lines.count, b.top + height)) of \(d.lines.count) lines "
            frame.canvas.text(more, x: rect.maxX - TextWidth.of(more) - 1, y: rect.maxY - 1, role: .dim)
        }
    }

    /// "Claims Intake +1" when the names do not all fit, else every name.
    static func teamsText(_ teams: [String], width: Int) -> String {
        guard let first = teams.first else { return "—" }
        let all = teams.joined(separator: ", ")
        if TextWidth.of(all) <= width || teams.count == 1 { return all }
        let more = " +\(teams.count - 1)"
        return TextWidth.fit(first, to: max(3, width - TextWidth.of(more))).trimmingWhitespace() + more
    }

    // MARK: Detail

    static func detail(_ frame: inout Frame, _ state: AppState, _ rect: Rect, _ blocker: Blocker?, withGuidance: Bool) {
        frame.canvas.box(rect, role: .border, title: "Blocker", titleRole: .title)
        let inner = rect.inset(dx: 2, dy: 1)
        guard inner.height > 0, inner.width > 10, let blocker else { return }
        let d = state.derived.blockers
        let today = state.today
        var lines: [(String, StyleRole)] = []
        func add(_ text: String, _ role: StyleRole = .normal) {
            for part in TextWidth.wrap(text, width: inner.width) { lines.append((part, role)) }
        }
        func sub(_ text: String, _ role: StyleRole) {
            for part in TextWidth.wrap(text, width: inner.width - 2) { lines.append(("  " + part, role)) }
        }
        add(blocker.title, .title)
        let status = statusText(blocker.status)
        let meaning = blocker.status == .open ? " (nobody is on it yet)" : ""
        if let owner = blocker.owner {
            add("\(status.0)\(meaning) · \(blocker.category.label) · owner \(owner)", blocker.status == .open ? .warning : .normal)
        } else if blocker.status != .resolved {
            add("\(status.0)\(meaning) · \(blocker.category.label) · ! no owner — o names one", .warning)
        } else {
            add("\(status.0) · \(blocker.category.label) · no owner recorded", .dim)
        }
        let teams = blocker.surfacedBy.compactMap { id in state.derived.indexByID[id].map { state.plan.teams[$0].name } }
        add("Surfaced by: " + (teams.isEmpty ? "no team recorded" : teams.joined(separator: ", ")), teams.isEmpty ? .dim : .normal)
        let position = state.plan.blockers.firstIndex { $0.id == blocker.id }
        let gated = position.map { d.gates[$0] } ?? []
        if gated.isEmpty {
            add("Gates no wave — Enter adds it to a wave's entry gate.", .dim)
        } else {
            add("Gates \(Words.count(gated.count, "wave")):", .header)
        }
        // Only the waves that fit: the rest are counted, not laid out.
        for (k, w) in gated.enumerated() {
            if lines.count >= inner.height - 1 {
                lines = Array(lines.prefix(inner.height - 1))
                add("… and \(Words.count(gated.count - k, "more wave")) (the Waves view has them all)", .dim)
                break
            }
            let wave = d.waves[w]
            var when = ""
            if let start = wave.start {
                let days = start.ordinal - today.ordinal
                switch wave.status {
                case .planned:
                    when = days > 0 ? " · starts \(start) (in \(Words.count(days, "day")))" : days == 0 ? " · starts today" : " · was due \(start) (\(Words.count(-days, "day")) ago)"
                case .active: when = " · active since \(start)"
                case .done: when = " · done"
                }
            } else {
                when = wave.status == .planned ? " · no start date" : " · \(wave.status.label)"
            }
            let unmet = wave.gate.enumerated().filter { !$0.element.met }
            let mine = wave.blockers.firstIndex(of: blocker.id)
            let blockingHere = blocker.status != .resolved
            add("\(wave.unmet == 0 ? "✓" : "✗") \(wave.name)\(when)",
                wave.status == .done ? .dim : wave.unmet == 0 ? .good : (blockingHere && wave.status == .planned && wave.start.map { $0 <= today } == true ? .warning : .normal))
            let others = unmet.filter { $0.offset != mine }.map(\.element.text)
            if wave.status == .done { continue }
            if blockingHere {
                if others.isEmpty {
                    sub("The last thing in its gate: resolving it meets the gate.", .accent)
                } else {
                    sub("Also unmet in its gate: " + Words.short(others.map { TextWidth.truncate($0, to: 36) }, limit: 3), .dim)
                }
            } else {
                sub(others.isEmpty ? "Gate met." : "Still unmet in its gate: " + Words.short(others.map { TextWidth.truncate($0, to: 36) }, limit: 3),
                    others.isEmpty ? .good : .dim)
            }
        }
        if withGuidance {
            lines.append(("", .normal))
            add("Fixing \(blocker.category.label): " + BlockerGuidance.fix(blocker.category), .dim)
            add("Usually owned by \(BlockerGuidance.owner(blocker.category)).", .dim)
        }
        for (i, line) in lines.prefix(inner.height).enumerated() {
            frame.canvas.text(line.0, x: inner.x, y: inner.y + i, role: line.1, width: inner.width)
        }
    }

    static func guidance(_ frame: inout Frame, _ rect: Rect, _ blocker: Blocker?) {
        let category = blocker?.category
        frame.canvas.box(rect, role: .border, title: category.map { "Fixing \($0.label)" } ?? "Fixing systemic blockers", titleRole: .title)
        let inner = rect.inset(dx: 2, dy: 1)
        guard inner.height > 0, inner.width > 10 else { return }
        var lines: [(String, StyleRole)] = []
        func add(_ text: String, _ role: StyleRole = .normal) {
            for part in TextWidth.wrap(text, width: inner.width) { lines.append((part, role)) }
        }
        if let category {
            add(BlockerGuidance.fix(category))
            lines.append(("", .normal))
            add("Usually owned by \(BlockerGuidance.owner(category)).", .accent)
            lines.append(("", .normal))
        }
        add(BlockerGuidance.why, .dim)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            frame.canvas.text(line.0, x: inner.x, y: inner.y + i, role: line.1, width: inner.width)
        }
    }

    // MARK: Overlays

    /// The notes under the blocker forms: the guidance for the category chosen.
    static func formNotes(_ state: AppState, _ form: EditForm) -> [(String, StyleRole)] {
        switch form.purpose {
        case .blocker:
            let category = BlockerCategory.allCases[min(form.choiceIndex("category"), BlockerCategory.allCases.count - 1)]
            var notes: [(String, StyleRole)] = [("Fixing \(category.label): " + BlockerGuidance.fix(category), .dim),
                                                ("Usually owned by \(BlockerGuidance.owner(category)).", .dim)]
            let waves = state.derived.blockers.waves
            if !waves.isEmpty {
                notes.append(("Waves: " + Words.short(waves.map(\.short), limit: 6), .dim))
            }
            return notes
        case .blockerOwner(let id, _):
            guard let blocker = state.plan.blocker(id) else { return [] }
            return [("Fixing \(blocker.category.label): " + BlockerGuidance.fix(blocker.category), .dim)]
        default:
            return []
        }
    }

    static func confirm(_ frame: inout Frame, _ state: AppState, _ confirmation: Confirmation) {
        Dialogs.box(&frame, state, title: confirmation.title, lines: confirmation.lines + ["", confirmation.keys])
    }
}
