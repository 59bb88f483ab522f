import Foundation
import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// The Resistance view: the log grouped by kind, status or source, overdue follow-ups standing
/// out; beside it the selected note in full with the kind's playbook. `t` switches to the
/// stakeholders.
enum ResistanceView {
    static func draw(_ frame: inout Frame, _ state: AppState, _ options: Render.Options) {
        let layout = Layout.resistance(state.size)
        let r = state.resistance
        let today = state.today
        if r.stakeholders {
            stakeholders(&frame, state, layout)
            return
        }
        // Info line.
        var x = layout.info.x + 1
        if let input = r.filterInput {
            x += frame.canvas.text("/", x: x, y: layout.info.y, role: .hintKey)
            let (text, col) = input.visible(width: 30)
            frame.canvas.field(text, x: x, y: layout.info.y, width: 30, role: .inputFocused)
            frame.cursor = Point(x: x + col, y: layout.info.y)
            frame.cursorVisible = true
            x += 32
        } else if !r.filter.isEmpty {
            x += frame.canvas.text("filter: \(r.filter)  ", x: x, y: layout.info.y, role: .match)
        }
        let notes = state.plan.resistance
        let overdue = state.derived.overdueNotes
        let summary = "\(Words.count(notes.count, "note")) · \(state.derived.noteCounts.phrase)" + (overdue > 0 ? " · ! \(overdue) follow-up\(overdue == 1 ? "" : "s") overdue" : "")
            + " · grouped by \(r.grouping.label) (s)"
        frame.canvas.text(summary, x: x, y: layout.info.y, role: overdue > 0 ? .warning : .dim, width: max(0, layout.info.maxX - x))
        // The log.
        let list = layout.list
        let groups = state.derived.noteGroups
        if groups.isEmpty {
            let text = notes.isEmpty ? "No resistance noted yet. ! captures a note from any view: the words and the kind."
                : "No note matches \"\(r.filterInput?.text ?? r.filter)\". Esc clears the filter."
            frame.canvas.text(text, x: list.x + 2, y: list.y + 1, role: .dim, width: list.width - 4)
        }
        var line = 0, row = 0
        let width = list.width
        for group in groups {
            // Groups wholly above the window cost one step each.
            if line + 1 + group.notes.count <= r.top {
                line += 1 + group.notes.count
                row += group.notes.count
                continue
            }
            if line - r.top >= list.height { break }
            drawLine(line) { y in
                frame.canvas.text("\(group.title) (\(group.notes.count))", x: list.x + 1, y: y, role: .header, width: width - 2)
            }
            line += 1
            // Skip the notes above the window without drawing; stop below it.
            let skip = max(0, min(group.notes.count, r.top - line))
            line += skip
            row += skip
            for index in group.notes.dropFirst(skip) {
                if line - r.top >= list.height { break }
                let note = notes[index]
                let thisRow = row
                drawLine(line) { y in
                    let selected = thisRow == r.selected
                    let base: StyleRole = selected ? (state.overlay == nil ? .selected : .selectedMuted) : .normal
                    if selected { frame.canvas.fill(Rect(x: list.x, y: y, width: width, height: 1), role: base) }
                    frame.canvas.text(selected ? "▶" : " ", x: list.x, y: y, role: base)
                    let sev = note.severity == .high ? "HIGH" : note.severity == .medium ? "med" : "low"
                    frame.canvas.field(sev, x: list.x + 2, y: y, width: 4, role: selected ? base : note.severity == .high ? .critical : .dim)
                    let status = note.status == .beingAddressed ? "addressing" : note.status.label
                    frame.canvas.field(status, x: list.x + 7, y: y, width: 10, role: selected ? base : note.status == .resolved ? .good : .normal)
                    var rest = Words.quote(note.words, max: 60)
                    let source = note.team.flatMap { id in state.derived.indexByID[id].map { state.plan.teams[$0].name } }
                        ?? note.stakeholder.flatMap { state.plan.stakeholder($0)?.name }
                    if let source { rest += " — \(source)" }
                    var tail = ""
                    if let days = ResistanceRules.daysOverdue(note, today: today) {
                        tail = "! overdue \(days)d"
                    } else if let due = note.followUp, note.status != .resolved {
                        tail = "follow up \(due)"
                    }
                    let tailW = TextWidth.of(tail)
                    frame.canvas.text(rest, x: list.x + 18, y: y, role: base, width: max(0, width - 18 - tailW - 2))
                    if !tail.isEmpty {
                        frame.canvas.text(tail, x: list.maxX - tailW - 1, y: y, role: selected ? base : tail.hasPrefix("!") ? .warning : .dim)
                    }
                    frame.hits.append(HitRegion(Rect(x: list.x, y: y, width: width, height: 1), "note:\(thisRow)"))
                }
                line += 1
                row += 1
            }
        }
        detail(&frame, state, layout.detail, today: today)

        func drawLine(_ l: Int, _ body: (Int) -> Void) {
            let y = list.y + l - r.top
            guard y >= list.y, y < list.maxY else { return }
            body(y)
        }
    }

    static func detail(_ frame: inout Frame, _ state: AppState, _ rect: Rect, today: Day) {
        frame.canvas.box(rect, role: .border, title: "Note", titleRole: .title)
        let inner = rect.inset(dx: 2, dy: 1)
        guard inner.height > 0, inner.width > 10 else { return }
        let rows = state.derived.noteRows
        guard state.resistance.selected < rows.count else { return }
        let note = state.plan.resistance[rows[state.resistance.selected]]
        var lines: [(String, StyleRole)] = []
        func add(_ text: String, _ role: StyleRole = .normal) {
            for part in TextWidth.wrap(text, width: inner.width) { lines.append((part, role)) }
        }
        add(Words.quote(note.words, max: 400), .title)
        let source = [note.team.flatMap { id in state.derived.indexByID[id].map { state.plan.teams[$0].name } },
                      note.stakeholder.flatMap { state.plan.stakeholder($0).map { "\($0.name) (\($0.stance.label), wanted \($0.desiredStance.label))" } }]
            .compactMap { $0 }.joined(separator: " · ")
        add("\(note.kind.label) · \(note.severity.label) · \(note.status.label)" + (source.isEmpty ? "" : " · \(source)"), .dim)
        add("Noted \(Day(note.recordedAt))", .dim)
        if let cause = note.rootCause { add("Behind it: \(cause)") }
        lines.append(("", .normal))
        if let response = note.response {
            add("Response: \(response)")
        } else {
            add("No response yet — Enter completes the note.", .warning)
        }
        add("Owner: \(note.owner ?? "—")" + (note.followUp.map { " · follow up \($0)" } ?? ""),
            ResistanceRules.daysOverdue(note, today: today) != nil ? .warning : .normal)
        if let days = ResistanceRules.daysOverdue(note, today: today) { add("! The follow-up is \(days) day\(days == 1 ? "" : "s") overdue.", .warning) }
        lines.append(("", .normal))
        add("Playbook for \(note.kind.label) (typically from \(note.kind.typicalSource)):", .header)
        for item in note.kind.playbook { add("• \(item)", note.response == item ? .good : .dim) }
        add("Treat it as an objection to understand, not an obstacle to remove.", .dim)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            frame.canvas.text(line.0, x: inner.x, y: inner.y + i, role: line.1, width: inner.width)
        }
    }

    static func stakeholders(_ frame: inout Frame, _ state: AppState, _ layout: Layout.Resistance) {
        let list = Rect(x: layout.list.x, y: layout.info.y, width: layout.list.width + layout.detail.width, height: layout.list.height + 1)
        frame.canvas.text("Stakeholders (t back to the notes · a add · Enter edit · d delete)", x: list.x + 1, y: list.y, role: .dim, width: list.width - 2)
        let header = list.y + 1
        frame.canvas.fill(Rect(x: list.x, y: header, width: list.width, height: 1), role: .header)
        let cols = [("Name", 26), ("Role", 26), ("Stance now", 12), ("Wanted", 12), ("Open notes", 10)]
        var x = list.x + 2
        for (title, w) in cols {
            frame.canvas.field(title, x: x, y: header, width: w, role: .header)
            x += w + 1
        }
        let people = state.plan.stakeholders
        if people.isEmpty {
            frame.canvas.text("No stakeholders yet: a adds one, so that leaders' resistance can be attached to a person.",
                              x: list.x + 2, y: header + 2, role: .dim, width: list.width - 4)
            return
        }
        var open: [StakeholderID: Int] = [:]
        for n in state.plan.resistance where n.status == .open { if let s = n.stakeholder { open[s, default: 0] += 1 } }
        // The list takes what it needs (at most half when notes follow); the selected person's notes below.
        let room = list.maxY - header - 1
        let visible = min(people.count, max(room / 2, room - 1 - stakeholderNotes(state).count))
        let first = max(0, min(state.resistance.stakeholderRow - visible / 2, people.count - visible))
        for (i, s) in people.enumerated().dropFirst(first).prefix(visible) {
            let y = header + 1 + i - first
            let selected = i == state.resistance.stakeholderRow
            let base: StyleRole = selected ? .selected : .normal
            if selected { frame.canvas.fill(Rect(x: list.x, y: y, width: list.width, height: 1), role: base) }
            frame.canvas.text(selected ? "▶" : " ", x: list.x, y: y, role: base)
            let gap = s.stance != s.desiredStance
            let cells = [s.name, s.role, s.stance.label, s.desiredStance.label + (gap ? " ←" : ""), "\(open[s.id] ?? 0)"]
            var cx = list.x + 2
            for (j, (_, w)) in cols.enumerated() {
                let role: StyleRole = selected ? base : (j == 2 && s.stance == .resistant ? .warning : .normal)
                frame.canvas.field(cells[j], x: cx, y: y, width: w, role: role)
                cx += w + 1
            }
        }
        // What the selected stakeholder said: their notes, newest first.
        let selected = people[min(state.resistance.stakeholderRow, people.count - 1)]
        var y = header + 1 + visible + 1
        guard y < list.maxY else { return }
        let notes = stakeholderNotes(state)
        if let history = selected.stanceHistory, !history.isEmpty {
            // How their stance got here: kept, never overwritten.
            let steps = history.suffix(4).map { "\($0.from.label) → \($0.to.label) on \(Day($0.at))" }
            frame.canvas.text("Stance of \(selected.name): " + steps.joined(separator: " · "), x: list.x + 1, y: y, role: .dim, width: list.width - 2)
            y += 1
            guard y < list.maxY else { return }
        }
        frame.canvas.text(notes.isEmpty ? "No notes from \(selected.name) yet (! captures one)."
                                        : "Notes from \(selected.name) (\(ResistanceRules.statusCounts(notes).phrase)):",
                          x: list.x + 1, y: y, role: .dim, width: list.width - 2)
        y += 1
        for note in notes where y < list.maxY {
            let text = "\(Day(note.recordedAt))  \(note.status.label.padding(toLength: 15, withPad: " ", startingAt: 0))  \(note.words)"
            frame.canvas.text(text, x: list.x + 2, y: y, role: note.status == .resolved ? .dim : .normal, width: list.width - 4)
            y += 1
        }
    }

    /// The notes of the selected stakeholder, newest first.
    static func stakeholderNotes(_ state: AppState) -> [ResistanceNote] {
        let people = state.plan.stakeholders
        guard !people.isEmpty else { return [] }
        let id = people[min(state.resistance.stakeholderRow, people.count - 1)].id
        return state.plan.resistance.filter { $0.stakeholder == id }.sorted { $0.recordedAt > $1.recordedAt }
    }
}

