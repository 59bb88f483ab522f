import Foundation
import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// The Waves board: a column per wave in order (wave 0 = pilots), then "not yet planned" and "out
/// of scope"; a card per team (name, size, score, open resistance, coach). Under it the selected
/// wave: dates, status, capacity per coach, the entry gate item by item, and the wave findings.
enum WavesView {
    static func draw(_ frame: inout Frame, _ state: AppState, _ options: Render.Options) {
        switch state.waves.mode {
        case .board: break
        case .timeline: return TimelineView.draw(&frame, state, Layout.main(state.size))
        case .scenarios: return ScenariosView.list(&frame, state, Layout.main(state.size))
        case .compare: return ScenariosView.compare(&frame, state, Layout.main(state.size))
        }
        let layout = Layout.waves(state)
        let d = state.derived.waves
        let w = state.waves
        let board = layout.board
        guard !d.columns.isEmpty else { return }
        // As many columns as fit at 18+ cells each, scrolled to keep the selected one in view.
        let fit = max(1, min(d.columns.count, board.width / 18))
        let first = max(0, min(w.column - fit / 2, d.columns.count - fit))
        let colWidth = board.width / fit
        let rows = Layout.wavesCardRows(state)
        for i in 0..<fit {
            let c = first + i
            let column = d.columns[c]
            let x = board.x + i * colWidth
            let width = colWidth - 1
            let selectedColumn = c == w.column
            frame.canvas.field(column.title, x: x, y: board.y, width: width, role: selectedColumn ? .tabActive : .header)
            var sub = Words.count(column.teams.count, "team")
            // The order, when not the wave's own: "6 teams · by score" ("812 · by score" when narrow).
            if let order = column.order {
                sub = TextWidth.of(sub + " · " + order) <= width ? sub + " · " + order : "\(column.teams.count) · \(order)"
            }
            var subRole: StyleRole = .dim
            if let id = column.wave, let cap = d.capacity[id] {
                let wave = d.board.wave(id)
                sub = "\(wave?.status.label ?? "") · " + subtitle(cap)
                if cap.isOver || cap.needsCoaches { subRole = .warning }
            }
            frame.canvas.field(sub, x: x, y: board.y + 1, width: width, role: subRole)
            let top = w.tops[c] ?? 0
            for r in 0..<rows {
                let row = top + r
                guard row < column.teams.count else { break }
                let t = Int(column.teams[row])
                let team = d.board.teams[t]
                let y = board.y + 2 + r
                let selected = selectedColumn && row == (w.rows[c] ?? 0)
                let base: StyleRole = selected ? (state.overlay == nil ? .selected : .selectedMuted) : .normal
                if selected { frame.canvas.fill(Rect(x: x, y: y, width: width, height: 1), role: base) }
                let mark = w.marked.contains(team.id) ? "◆" : " "
                frame.canvas.text(mark, x: x, y: y, role: selected ? base : .accent)
                // The score as the Pilots view shows it ("?" when less than half the weight is rated).
                let score = t < d.standings.count && d.standings[t].value >= 0
                    ? "\(Int(d.standings[t].value.rounded(.toNearestOrAwayFromZero)))" + (d.standings[t].thin ? "?" : "") : "–"
                let notes = d.openNotes[team.id].map { " !\($0)" } ?? ""
                let coach = team.coach == nil && column.wave != nil ? " ?c" : ""
                let tail = " \(score)\(notes)\(coach)"
                let tailWidth = TextWidth.of(tail)
                let found = !selected && d.matches(team: t)
                frame.canvas.text(team.name, x: x + 1, y: y, role: found ? .match : base, width: max(1, width - 1 - tailWidth))
                frame.canvas.text(tail, x: x + width - tailWidth, y: y, role: selected ? base : (notes.isEmpty && coach.isEmpty ? .dim : .warning))
                frame.hits.append(HitRegion(Rect(x: x, y: y, width: width, height: 1), "card:\(c):\(row)"))
            }
            if column.teams.count > rows {
                let more = " \(top + 1)–\(min(column.teams.count, top + rows)) of \(column.teams.count) "
                frame.canvas.text(more, x: x + max(0, width - TextWidth.of(more)), y: board.maxY - 1, role: .dim)
            }
        }
        panel(&frame, state, layout.panel)
        searchLine(&frame, state, layout.panel)
    }

    /// The board's search on the panel's top line: the text being typed (or kept) and how many teams fit.
    static func searchLine(_ frame: inout Frame, _ state: AppState, _ rect: Rect) {
        let w = state.waves
        guard w.searchInput != nil || !w.search.isEmpty, rect.height > 0 else { return }
        let d = state.derived.waves
        // Over the left box's top edge only (the findings box has its own title beside it).
        let maxX = rect.x + (rect.width >= 100 ? rect.width / 2 : rect.width) - 1
        var x = rect.x + 1
        let y = rect.y
        x += frame.canvas.text(" /", x: x, y: y, role: .hintKey)
        if let input = w.searchInput {
            let (text, col) = input.visible(width: 24)
            frame.canvas.field(text, x: x, y: y, width: 24, role: .inputFocused)
            frame.cursor = Point(x: x + col, y: y)
            frame.cursorVisible = true
            x += 25
        } else {
            x += frame.canvas.text(w.search + " ", x: x, y: y, role: .match, width: max(0, min(24, maxX - x)))
        }
        let total = d.columns.reduce(0) { $0 + $1.teams.count }
        let n = d.matches.count
        let text = w.searchText.trimmingWhitespace().isEmpty ? " type part of a team's name "
            : n == 0 ? " no team's name contains \"\(w.searchText)\" "
            : " \(n) of \(total) teams match "
        frame.canvas.text(text, x: x, y: y, role: n == 0 ? .warning : .dim, width: max(0, maxX - x))
    }

    /// A wave column's load under its title: "6/8", "6/8 · 1 ?c" (teams without a coach, as their cards
    /// say), "6 ?c" with no coach yet, "! over" when a coach carries too many (overlapping waves counted).
    static func subtitle(_ cap: WavePlanning.Capacity) -> String {
        var text = cap.coaches.isEmpty ? "\(cap.teams)" : "\(cap.teams)/\(cap.capacity)"
        if cap.uncoached > 0 { text += cap.coaches.isEmpty ? " ?c" : " · \(cap.uncoached) ?c" }
        if cap.isOver { text += " ! over" } else if cap.coaches.contains(where: { !$0.isFree }) { text += " ! seed" }
        return text
    }

    static func panel(_ frame: inout Frame, _ state: AppState, _ rect: Rect) {
        let d = state.derived.waves
        let w = state.waves
        let column = d.columns[w.column]
        let leftWidth = rect.width >= 100 ? rect.width / 2 : rect.width
        let left = Rect(x: rect.x, y: rect.y, width: leftWidth, height: rect.height)
        let scenario = state.waves.scenario.flatMap { id in state.plan.scenarios.first { $0.id == id }?.name }
        frame.canvas.box(left, role: .border, title: scenario.map { "Scenario \($0) · \(column.title)" } ?? column.title,
                         titleRole: scenario == nil ? .title : .accent)
        let inner = left.inset(dx: 2, dy: 1)
        // What the panel says, in order; on a short screen the optional lines (each coach's gauge,
        // the gate items already met) give way first, then long lines are cut to one row each, so
        // the gate's verdict and every unmet item show at 80×24.
        var entries: [PanelLine] = []
        func add(_ text: String, _ role: StyleRole = .normal, optional: Bool = false) {
            entries.append(PanelLine(text: text, role: role, optional: optional))
        }
        if let id = column.wave, let wave = d.board.wave(id) {
            let dates = [wave.start.map { "from \($0)" }, wave.end.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
            add("\(wave.status.label)\(dates.isEmpty ? "" : " · " + dates)"
                + (wave.checkIns.isEmpty ? "" : " · check-ins " + wave.checkIns.map(\.description).joined(separator: ", ")), .dim)
            if let cap = d.capacity[id] {
                add("Capacity: " + cap.summary, cap.isOver ? .warning : .normal)
                for load in cap.coaches {
                    if let notFree = load.notFreeText {
                        add("  \(load.name): \(load.teams) here, ! \(notFree)", .warning, optional: true)
                        continue
                    }
                    let gauge = String(repeating: "■", count: min(load.total, 12)) + String(repeating: "·", count: max(0, min(12, load.capacity) - load.total))
                    add("  \(load.name): \(gauge) \(load.ratio)" + (load.isOver ? " ! over capacity" : ""), load.isOver ? .warning : .normal, optional: true)
                }
            }
            let gate = d.gates[id] ?? []
            if gate.isEmpty {
                add("Entry gate: no criteria set.", .dim)
            } else {
                let unmet = gate.filter { !$0.met }.count
                add(unmet == 0 ? "Entry gate: met" : "Entry gate: \(unmet) of \(gate.count) unmet" + (wave.status == .planned ? " (A starts it with a reason)" : ""),
                    unmet == 0 ? .good : .warning)
                for item in gate {
                    add("  \(item.met ? "✓" : "✗") \(item.text)" + (item.evidence.isEmpty ? "" : " — \(item.evidence)"), item.met ? .normal : .warning, optional: item.met)
                }
            }
        } else if column.isUnplanned {
            add("Teams still on the project model, best pilot score first (the Pilots ranking). < moves the selected (or marked) teams into the last wave.", .dim)
        } else {
            add("Out-of-scope teams stay project-shaped (regulation, a one-off migration); the team form brings one back.", .dim)
        }
        if !w.marked.isEmpty {
            add("\(w.marked.count) marked: > < move them, P puts them in a wave, M clears", .accent)
        }
        if let team = Reducer.selectedWaveTeam(state) {
            let coach = team.coach.flatMap { id in d.board.coaches.first { $0.id == id }?.name } ?? "no coach"
            add("\(team.name): \(team.size == 0 ? "?" : "\(team.size)") people · \(coach)"
                + (d.openNotes[team.id].map { " · \($0) open resistance" } ?? ""), .title)
        }
        for (i, line) in fit(entries, width: inner.width, height: inner.height).enumerated() {
            frame.canvas.text(line.0, x: inner.x, y: inner.y + i, role: line.1, width: inner.width)
        }
        guard rect.width >= 100 else { return }
        let right = Rect(x: rect.x + leftWidth, y: rect.y, width: rect.width - leftWidth, height: rect.height)
        let title = d.findings.isEmpty ? "Wave findings" : "Wave findings (\(d.findings.count)) — n jumps"
        frame.canvas.box(right, role: .border, title: title, titleRole: .title)
        let rin = right.inset(dx: 2, dy: 1)
        // Only the findings that can show are wrapped: from the one before the selected finding on,
        // and back up if the list ends before the box does.
        func wrapped(_ i: Int) -> [(String, StyleRole)] {
            let f = d.findings[i]
            let marker = f.severity == .critical ? "✗" : f.severity == .warning ? "!" : "·"
            let role: StyleRole = i == w.finding ? .selected : f.severity == .critical ? .critical : f.severity == .warning ? .warning : .accent
            var out = TextWidth.wrap("\(marker) \(f.message)", width: rin.width).map { ($0, role) }
            if i == w.finding { out += TextWidth.wrap("  why: \(f.guidance)", width: rin.width).map { ($0, StyleRole.dim) } }
            return out
        }
        var flines: [(String, StyleRole)] = []
        if d.findings.isEmpty { flines.append(("✓ No wave findings.", .good)) }
        var first = max(0, min(w.finding - 1, d.findings.count - 1))
        var next = first
        while next < d.findings.count && flines.count < rin.height {
            flines += wrapped(next)
            next += 1
        }
        var start = 0
        while first > 0 && flines.count < rin.height {
            first -= 1
            flines = wrapped(first) + flines
            start = max(0, flines.count - rin.height)
        }
        for (i, line) in flines.dropFirst(start).prefix(rin.height).enumerated() {
            frame.canvas.text(line.0, x: rin.x, y: rin.y + i, role: line.1, width: rin.width)
        }
    }

    struct PanelLine {
        var text: String
        var role: StyleRole
        var optional: Bool
    }

    /// The panel's rows: everything wrapped if it fits; else without the optional lines; else those
    /// cut to one row each; else the first rows that fit.
    static func fit(_ entries: [PanelLine], width: Int, height: Int) -> [(String, StyleRole)] {
        func wrapped(_ list: [PanelLine]) -> [(String, StyleRole)] {
            list.flatMap { e in TextWidth.wrap(e.text, width: width).map { ($0, e.role) } }
        }
        let all = wrapped(entries)
        if all.count <= height { return all }
        let needed = entries.filter { !$0.optional }
        let some = wrapped(needed)
        if some.count <= height { return some }
        return Array(needed.map { (TextWidth.truncate($0.text, to: width, ellipsis: "…"), $0.role) }.prefix(max(0, height)))
    }
}
