import Foundation
import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// Wave-plan scenarios: the list (the current plan first), and two of them side by side.
enum ScenariosView {
    static func list(_ frame: inout Frame, _ state: AppState, _ rect: Rect) {
        let d = state.derived.waves
        var y = rect.y
        frame.canvas.text("Wave-plan scenarios", x: rect.x + 1, y: y, role: .title, width: rect.width - 2)
        let editing = state.waves.scenario.flatMap { id in state.plan.scenarios.first { $0.id == id }?.name }
        frame.canvas.text(editing.map { "board: editing \($0)" } ?? "board: the plan itself",
                          x: rect.x + 22, y: y, role: editing == nil ? .dim : .accent, width: max(0, rect.width - 24))
        y += 2
        if state.plan.scenarios.isEmpty {
            for line in TextWidth.wrap("No scenarios yet. n copies the current plan into a scenario you can change on the board "
                + "without touching the plan; c compares two wave plans; a adopts one as the plan, as a decision.", width: rect.width - 4) {
                frame.canvas.text(line, x: rect.x + 2, y: y, role: .dim)
                y += 1
            }
            y += 1
        }
        let pending = state.waves.compareFirst
        let narrow = rect.width < 110
        let rowHeight = narrow ? 3 : 2
        for (i, s) in d.summaries.enumerated() {
            guard y + rowHeight <= rect.maxY else { break }
            let selected = i == state.waves.scenarioRow
            let base: StyleRole = selected ? (state.overlay == nil ? .selected : .selectedMuted) : .normal
            if selected { frame.canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: rowHeight), role: base) }
            var mark = "  "
            if let pending, pending == s.id { mark = "A " }
            if s.id == state.waves.scenario && s.id != nil { mark = "▶ " }
            frame.canvas.text(mark, x: rect.x + 1, y: y, role: selected ? base : .accent)
            var head = s.name
            if let at = s.createdAt { head += "  (\(Day(at)))" }
            frame.canvas.text(head, x: rect.x + 3, y: y, role: selected ? base : .title, width: narrow ? rect.width - 4 : rect.width / 2)
            var facts = ["\(s.unplanned) on the project model"]
            facts.append(s.overQuarters.isEmpty ? "coaches within capacity" : "! coach over capacity " + s.overQuarters.prefix(3).map(\.shortLabel).joined(separator: ", ")
                            + (s.overQuarters.count > 3 ? "…" : ""))
            if s.openBlockers > 0 { facts.append(Words.count(s.openBlockers, "open blocker")) }
            let factText = facts.joined(separator: " · ")
            let fx = narrow ? rect.x + 5 : rect.x + 3 + min(rect.width / 2, TextWidth.of(head) + 2)
            let fy = narrow ? y + 1 : y
            frame.canvas.text(factText, x: fx, y: fy, role: selected ? base : (s.overQuarters.isEmpty ? .dim : .warning), width: max(0, rect.maxX - fx - 1))
            let waves = s.waves.map { "\($0.name) \($0.teams)" }.joined(separator: " · ")
            frame.canvas.text((s.note.isEmpty ? "" : s.note + " — ") + waves, x: rect.x + 5, y: y + rowHeight - 1, role: selected ? base : .dim, width: rect.width - 6)
            frame.hits.append(HitRegion(Rect(x: rect.x, y: y, width: rect.width, height: rowHeight), "scenario:\(i)"))
            y += rowHeight + 1
        }
    }

    static func compare(_ frame: inout Frame, _ state: AppState, _ rect: Rect) {
        let d = state.derived.waves
        guard let cmp = d.comparison else {
            frame.canvas.text("That scenario is gone. Esc returns to the list.", x: rect.x + 1, y: rect.y, role: .dim)
            return
        }
        let (nameA, nameB) = d.comparisonNames
        let labelWidth = max(14, min(26, rect.width / 4))
        let colWidth = max(10, (rect.width - labelWidth - 3) / 2)
        let xa = rect.x + labelWidth + 1
        let xb = xa + colWidth + 1
        var lines: [[(String, StyleRole)]] = []
        func row(_ label: String, _ a: String, _ b: String, _ ra: StyleRole = .normal, _ rb: StyleRole = .normal, label role: StyleRole = .normal) {
            lines.append([(label, role), (a, ra), (b, rb)])
        }
        func heading(_ text: String) { lines.append([(text, .header)]) }
        heading("Teams per wave")
        for w in cmp.waves {
            let label = w.position == 0 ? "pilots (wave 0)" : "wave \(w.position)"
            let change = w.change == 0 ? "" : w.change > 0 ? "  (+\(w.change))" : "  (\(w.change))"
            row(label, w.a.map { "\($0.name): \($0.teams)" } ?? "—", (w.b.map { "\($0.name): \($0.teams)" } ?? "—") + change)
        }
        let moved = cmp.waves.count(where: \.datesChanged)
        heading(moved == 0 ? "Wave dates (the same on both sides)" : "Wave dates (\(Words.count(moved, "wave")) with other dates)")
        for w in cmp.waves {
            let label = w.position == 0 ? "pilots (wave 0)" : "wave \(w.position)"
            row(label, w.a?.dates ?? "—", (w.b?.dates ?? "—") + (w.datesChanged ? " !" : ""),
                .normal, w.datesChanged ? .warning : .normal)
        }
        heading("Coach load per quarter (teams / capacity; ! over)")
        for l in cmp.load where l.a.teams > 0 || l.b.teams > 0 {
            func text(_ q: WaveTimeline.QuarterLoad) -> String {
                guard q.teams > 0 else { return "—" }
                let over = q.over.map { "\($0.name) \($0.teams)/\($0.capacity)" }
                return "\(q.teams) teams" + (over.isEmpty ? ", within capacity" : " ! " + over.joined(separator: ", "))
                    + (q.uncoached > 0 ? " · \(q.uncoached) no coach" : "")
            }
            row(l.quarter.label, text(l.a), text(l.b), l.a.isOver ? .warning : .normal, l.b.isOver ? .warning : .normal)
        }
        heading("Blockers each depends on")
        if cmp.blockers.isEmpty { row("", "none", "none", .dim, .dim) }
        for b in cmp.blockers {
            let status = b.status == .resolved ? "resolved" : b.status.label
            row(b.title, b.inA ? "gates a wave (\(status))" : "—", b.inB ? "gates a wave (\(status))" : "—",
                b.inA && b.status != .resolved ? .warning : .normal, b.inB && b.status != .resolved ? .warning : .normal)
        }
        heading("Left on the project model")
        func left(_ p: ScenarioComparison.ProjectModel) -> String {
            p.count == 0 ? "none" : "\(p.count): " + p.names.joined(separator: ", ") + (p.count > p.names.count ? ", …" : "")
        }
        row("teams in no wave", left(cmp.leftA), left(cmp.leftB))
        heading(cmp.moves.isEmpty ? "No team sits in a different wave" : "Teams in a different wave (\(cmp.moves.count))")
        for m in cmp.moves {
            row(m.name, m.from?.name ?? "not planned", m.to?.name ?? "not planned")
        }
        // Header and the scrolled body.
        let height = rect.height - 2
        let scroll = max(0, min(state.waves.compareScroll, lines.count - height))
        let corner = lines.count > height ? "\(scroll + 1)–\(min(lines.count, scroll + height)) of \(lines.count) j/k" : "Comparing"
        frame.canvas.text(corner, x: rect.x + 1, y: rect.y, role: .dim, width: labelWidth - 1)
        frame.canvas.field(nameA, x: xa, y: rect.y, width: colWidth, role: .title)
        frame.canvas.field(nameB, x: xb, y: rect.y, width: colWidth, role: .title)
        frame.canvas.hline(x: rect.x, y: rect.y + 1, width: rect.width)
        for (i, line) in lines.dropFirst(scroll).prefix(height).enumerated() {
            let y = rect.y + 2 + i
            if line.count == 1 {
                frame.canvas.text(line[0].0, x: rect.x + 1, y: y, role: line[0].1, width: rect.width - 2)
                continue
            }
            frame.canvas.text(line[0].0, x: rect.x + 2, y: y, role: line[0].1, width: labelWidth - 2)
            frame.canvas.text(line[1].0, x: xa, y: y, role: line[1].1, width: colWidth)
            frame.canvas.text(line[2].0, x: xb, y: y, role: line[2].1, width: colWidth)
        }
    }
}
