import Foundation
import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// The waves on a quarter-by-quarter axis: a bar per wave from its start to its end quarter
/// (█ active, ▒ planned, ░ done), ◆ at its check-ins, ┊ today; under it each coach's load per
/// quarter against capacity. A quarter takes as many cells as fit, from ``minimumCell`` (its label
/// and a load like "12/4!" with a space between neighbours: 9 quarters at 80 columns) to
/// ``maximumCell``; h/l scroll when the plan spans longer.
enum TimelineView {
    static let minimumCell = 6
    static let maximumCell = 10

    /// Cells per quarter for `quarters` quarters on an axis `axisWidth` wide.
    static func cellWidth(axisWidth: Int, quarters: Int) -> Int {
        max(minimumCell, min(maximumCell, axisWidth / max(1, quarters)))
    }

    static func draw(_ frame: inout Frame, _ state: AppState, _ rect: Rect) {
        let d = state.derived.waves
        guard let timeline = d.timeline, rect.height >= 6 else { return }
        let labelWidth = max(22, min(30, rect.width / 5))
        let quarters = timeline.quarters
        let axisWidth = max(minimumCell, rect.width - labelWidth - 2)
        let cell = cellWidth(axisWidth: axisWidth, quarters: quarters.count)
        let fit = max(1, axisWidth / cell)
        let first = max(0, min(state.waves.timelineFirst, max(0, quarters.count - fit)))
        let shown = Array(quarters[first..<min(quarters.count, first + fit)])
        let x0 = rect.x + labelWidth + 1
        var y = rect.y
        let today = state.today
        let todayQuarter = Quarter(today)
        // Title line.
        let span = quarters.isEmpty ? "" : "\(quarters[0].label) to \(quarters[quarters.count - 1].label)"
        var title = "Timeline · \(span) · today \(today)"
        if shown.count < quarters.count { title += " · showing \(shown.first!.shortLabel)–\(shown.last!.shortLabel) (h/l)" }
        frame.canvas.text(title, x: rect.x + 1, y: y, role: .title, width: rect.width - 2)
        y += 1
        // The axis.
        frame.canvas.text("Wave", x: rect.x + 1, y: y, role: .header, width: labelWidth - 1)
        for (i, q) in shown.enumerated() {
            let role: StyleRole = q == todayQuarter ? .accent : .header
            frame.canvas.field(q.shortLabel, x: x0 + i * cell, y: y, width: cell, role: role)
        }
        y += 1
        // Room: waves first, the coach load below, two lines of detail at the bottom.
        let loads = d.quarterLoads
        let coachRows = coachRowsNeeded(loads)
        let detailRows = rect.width < 100 ? 3 : 2
        let available = rect.maxY - y - detailRows
        let waveRows = max(1, min(timeline.waves.count, available - (coachRows > 0 ? min(coachRows + 1, available / 2) : 0)))
        let selected = min(state.waves.timelineRow, max(0, timeline.waves.count - 1))
        let top = max(0, min(selected - waveRows + 1, timeline.waves.count - waveRows))
        for r in 0..<waveRows {
            let i = top + r
            guard i < timeline.waves.count else { break }
            let s = timeline.waves[i]
            let isSelected = i == selected
            let base: StyleRole = isSelected ? (state.overlay == nil ? .selected : .selectedMuted) : .normal
            if isSelected { frame.canvas.fill(Rect(x: rect.x, y: y, width: labelWidth, height: 1), role: base) }
            let status = s.isLate ? "late" : s.status == .active ? "act" : s.status == .done ? "done" : "plan"
            frame.canvas.text(s.name, x: rect.x + 1, y: y, role: base, width: labelWidth - 7)
            frame.canvas.text(status, x: rect.x + labelWidth - 5, y: y, role: isSelected ? base : (s.isLate ? .warning : .dim))
            bar(&frame, s, checkIns: d.board.wave(s.wave)?.checkIns ?? [], shown, x0: x0, y: y, cell: cell, today: today)
            frame.hits.append(HitRegion(Rect(x: rect.x, y: y, width: rect.width, height: 1), "timeline:\(i)"))
            y += 1
        }
        if timeline.waves.isEmpty {
            frame.canvas.text("No waves yet. N on the board adds one; W sets its dates.", x: rect.x + 1, y: y, role: .dim, width: rect.width - 2)
            y += 1
        }
        // Coach load per quarter.
        if coachRows > 0, y < rect.maxY - detailRows - 1 {
            frame.canvas.text("Coach load", x: rect.x + 1, y: y, role: .header, width: labelWidth - 1)
            frame.canvas.text("teams carried / capacity in each quarter", x: x0, y: y, role: .dim, width: rect.maxX - x0)
            y += 1
            for line in loadLines(loads, state.derived.waves.board) {
                guard y < rect.maxY - detailRows else { break }
                frame.canvas.text(line.name, x: rect.x + 1, y: y, role: .normal, width: labelWidth - 2)
                for i in shown.indices {
                    guard let value = line.cells[first + i] else { continue }
                    frame.canvas.field(value.text, x: x0 + i * cell, y: y, width: cell - 1, role: value.over ? .warning : .normal)
                }
                y += 1
            }
        }
        // The selected wave in words.
        if selected < timeline.waves.count {
            let s = timeline.waves[selected]
            var words = "\(s.name): \(s.status.label)"
            if s.isLate { words += " · ! late: its end (\(s.end!)) has passed" }
            words += s.start.map { " · from \($0)" } ?? " · no start date"
            words += s.end.map { " to \($0)" } ?? ""
            if let wave = d.board.wave(s.wave) {
                words += " · \(Words.count(wave.teams.count, "team"))"
                if !wave.checkIns.isEmpty { words += " · check-ins " + wave.checkIns.map(\.description).joined(separator: ", ") }
                let unmet = (d.gates[s.wave] ?? []).filter { !$0.met }.count
                if unmet > 0 { words += " · gate: \(unmet) unmet" }
            }
            if s.isUndated { words += " · W sets its dates" }
            let lines = TextWidth.wrap(words, width: rect.width - 2)
            for (i, line) in lines.prefix(detailRows).enumerated() {
                frame.canvas.text(line, x: rect.x + 1, y: rect.maxY - detailRows + i, role: s.isLate ? .warning : .dim, width: rect.width - 2)
            }
        }
    }

    /// The wave's bar over the quarters shown, its check-ins and today's mark.
    static func bar(_ frame: inout Frame, _ s: WaveTimeline.Span, checkIns: [Day], _ shown: [Quarter], x0: Int, y: Int, cell: Int, today: Day) {
        let glyph: Character = s.status == .active ? "█" : s.status == .done ? "░" : "▒"
        let role: StyleRole = s.isLate ? .warning : s.status == .active ? .good : s.status == .done ? .dim : .accent
        for (i, q) in shown.enumerated() {
            let x = x0 + i * cell
            // Start and end days cut the bar inside their quarters.
            guard s.covers(q) else {
                if q.contains(today) { frame.canvas.text("┊", x: x + offset(today, in: q, cell: cell), y: y, role: .dim) }
                continue
            }
            var from = 0, to = cell - 1
            if let start = s.start, q.contains(start) { from = offset(start, in: q, cell: cell) }
            if let end = s.end, q.contains(end) { to = offset(end, in: q, cell: cell) }
            if s.start == nil || s.end == nil, s.quarters?.lowerBound == q, s.quarters?.upperBound == q { from = 0; to = cell - 1 }
            if to >= from { frame.canvas.text(String(repeating: glyph, count: to - from + 1), x: x + from, y: y, role: role) }
        }
        // Check-ins go on top of the bar, at their day.
        for (i, q) in shown.enumerated() {
            for day in checkIns where q.contains(day) {
                frame.canvas.text("◆", x: x0 + i * cell + offset(day, in: q, cell: cell), y: y, role: .title)
            }
        }
    }

    /// Where in a quarter's `cell` columns `day` falls.
    static func offset(_ day: Day, in q: Quarter, cell: Int) -> Int {
        let length = q.last.ordinal - q.first.ordinal + 1
        return max(0, min(cell - 1, (day.ordinal - q.first.ordinal) * cell / max(1, length)))
    }

    struct LoadCell { var text: String; var over: Bool }
    struct LoadLine { var name: String; var cells: [LoadCell?] }

    static func coachRowsNeeded(_ loads: [WaveTimeline.QuarterLoad]) -> Int {
        var coaches = Set<CoachID>()
        var uncoached = false
        for l in loads {
            for c in l.coaches { coaches.insert(c.coach) }
            if l.uncoached > 0 { uncoached = true }
        }
        return coaches.count + (uncoached ? 1 : 0)
    }

    /// A line per coach carrying teams in some quarter (plan order), then "no coach".
    static func loadLines(_ loads: [WaveTimeline.QuarterLoad], _ plan: Plan) -> [LoadLine] {
        var lines: [LoadLine] = []
        for coach in plan.coaches {
            var cells: [LoadCell?] = []
            var any = false
            for l in loads {
                if let c = l.coaches.first(where: { $0.coach == coach.id }) {
                    cells.append(LoadCell(text: "\(c.teams)/\(c.capacity)" + (c.isOver ? "!" : ""), over: c.isOver))
                    any = true
                } else {
                    cells.append(nil)
                }
            }
            if any { lines.append(LoadLine(name: coach.name + (coach.seededFrom != nil ? " (seeded)" : ""), cells: cells)) }
        }
        if loads.contains(where: { $0.uncoached > 0 }) {
            lines.append(LoadLine(name: "no coach", cells: loads.map { $0.uncoached > 0 ? LoadCell(text: "\($0.uncoached)!", over: true) : nil }))
        }
        return lines
    }
}
