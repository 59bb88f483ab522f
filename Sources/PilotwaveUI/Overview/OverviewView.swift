import Foundation
import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// The Overview: the organisation and its size, recommended against chosen pilots, the readiness
/// headline, the next workshop, and every plan check with the guidance behind it.
/// From 100 columns the checks sit beside the rest; below that they come under the facts, which
/// are then set compactly (readiness in two columns) so that the checks keep room at 80×24.
enum OverviewView {
    static func draw(_ frame: inout Frame, _ state: AppState, _ options: Render.Options) {
        let main = Layout.main(state.size)
        let wide = main.width >= 100
        let leftWidth = wide ? 50 : main.width
        let left = Rect(x: main.x + 1, y: main.y + (wide ? 1 : 0), width: leftWidth - 2, height: main.height - (wide ? 1 : 0))
        var y = left.y
        facts(&frame, state, left, compact: !wide, y: &y)
        if wide {
            decisionLog(&frame, state, left, y: &y, options)
            checks(&frame, state, Rect(x: main.x + leftWidth, y: main.y, width: main.width - leftWidth, height: main.height))
            return
        }
        // Under the facts: the checks, as tall as they need (at least 4 rows), then the log if room is left.
        let room = main.maxY - y
        guard room >= 3 else { return }
        let needed = checkLines(state, width: main.width - 4, guidance: true).count + 2
        let height = room - needed >= 4 ? needed : room
        checks(&frame, state, Rect(x: main.x, y: y, width: main.width, height: height))
        y += height + 1
        if main.maxY - y >= 2 { decisionLog(&frame, state, left, y: &y, options) }
    }

    /// The organisation, pilots against the recommendation, readiness, the next workshop and actions.
    static func facts(_ frame: inout Frame, _ state: AppState, _ left: Rect, compact: Bool, y: inout Int) {
        let plan = state.plan
        let d = state.derived
        func line(_ text: String, _ role: StyleRole = .normal, x: Int? = nil) {
            guard y < left.maxY else { return }
            frame.canvas.text(text, x: x ?? left.x, y: y, role: role, width: left.width - ((x ?? left.x) - left.x))
            y += 1
        }
        func gap() { if !compact { y += 1 } }
        line(plan.organisation.name, .title)
        if let rec = d.recommendation {
            line("\(rec.size.label) organisation, \(plan.teams.count) teams" + (rec.inferred ? " (inferred)" : ""), .dim)
            gap()
            let chosen = d.pilotsChosen
            let verdict: (String, StyleRole)
            if chosen == 0 {
                verdict = ("· no pilots chosen yet", .dim)
            } else if chosen > rec.range.upperBound {
                verdict = ("! more pilots than recommended", .warning)
            } else if chosen < rec.range.lowerBound {
                verdict = ("· fewer than recommended", .dim)
            } else {
                verdict = ("✓ within the recommendation", .good)
            }
            let pilots = "Pilots: \(chosen) chosen, \(rec.rangeText) recommended"
            if compact {
                let used = frame.canvas.text(pilots, x: left.x, y: y, role: .normal, width: left.width)
                frame.canvas.text("  " + verdict.0, x: left.x + used, y: y, role: verdict.1, width: max(0, left.width - used))
                y += 1
            } else {
                line(pilots)
                line(verdict.0, verdict.1, x: left.x + 2)
            }
        }
        y += 1
        line("Readiness (organisation)", .header)
        readiness(&frame, state, left, columns: compact && left.width >= 56 ? 2 : 1, y: &y)
        y += 1
        // The next workshop (a planned one whose day has passed is overdue) and the actions still open.
        let open = plan.actions.filter { !$0.done }
        let overdueActions = open.filter { $0.due.map { $0 < state.today } ?? false }.count
        var any = false
        if let next = OverviewFacts.nextWorkshop(plan, today: state.today) {
            line("Next workshop: \(next.title)" + (next.date.map { " · \($0)" } ?? "") + " · \(next.status.label) (8)")
            any = true
        }
        for late in OverviewFacts.overdueWorkshops(plan, today: state.today) {
            line("! \(late.title): overdue — planned for \(late.date.map(\.description) ?? "")", .warning)
            any = true
        }
        if !open.isEmpty {
            line("Actions: \(open.count) open" + (overdueActions > 0 ? " · ! \(overdueActions) overdue" : ""), overdueActions > 0 ? .warning : .normal)
            any = true
        }
        if any { y += 1 }
    }

    /// Each organisation-level dimension with its latest rating and trend, in one or two columns.
    static func readiness(_ frame: inout Frame, _ state: AppState, _ left: Rect, columns: Int, y: inout Int) {
        let rows = state.derived.orgReadiness
        guard rows.contains(where: { $0.1 != nil }) else {
            if y < left.maxY { frame.canvas.text("No readiness signals yet.", x: left.x, y: y, role: .dim, width: left.width) }
            y += 1
            return
        }
        let colWidth = columns == 1 ? left.width : (left.width - 2) / 2
        let perColumn = (rows.count + columns - 1) / columns
        for (i, (dimension, trend)) in rows.enumerated() {
            let row = y + i % perColumn
            guard row < left.maxY else { continue }
            let x = left.x + (i / perColumn) * (colWidth + 2)
            let nameWidth = columns == 1 ? max(8, colWidth - 16) : max(8, colWidth - 10)
            let name = TextWidth.fit(dimension.name, to: nameWidth)
            frame.canvas.text(name, x: x, y: row, role: .normal)
            let gx = x + (columns == 1 ? TextWidth.of(name) + 1 : nameWidth + 1)
            if let trend {
                let r = trend.latest.rating
                let low = r <= Readiness.barrierRating && dimension.group == .precondition
                frame.canvas.text(String(repeating: "■", count: r), x: gx, y: row, role: low ? .warning : .gaugeFull)
                frame.canvas.text(String(repeating: "□", count: 5 - r), x: gx + r, y: row, role: .gaugeEmpty)
                frame.canvas.text(" \(r) \(trend.direction.symbol)", x: gx + 5, y: row, role: low ? .warning : .normal)
            } else {
                frame.canvas.text("not rated", x: gx, y: row, role: .dim)
            }
        }
        y += perColumn
    }

    static func decisionLog(_ frame: inout Frame, _ state: AppState, _ left: Rect, y: inout Int, _ options: Render.Options) {
        let plan = state.plan
        func line(_ text: String, _ role: StyleRole = .normal, x: Int? = nil) {
            guard y < left.maxY else { return }
            frame.canvas.text(text, x: x ?? left.x, y: y, role: role, width: left.width - ((x ?? left.x) - left.x))
            y += 1
        }
        line("Decision log", .header)
        if plan.decisions.isEmpty {
            line("No decisions yet (Pilots view: D records the selection).", .dim)
            return
        }
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.timeZone = options.timeZone
        for decision in plan.decisions.suffix(4).reversed() {
            guard y < left.maxY else { break }
            line("\(f.string(from: decision.at)) \(decision.decidedBy): \(decision.text)", decision.kind == .decision ? .normal : .dim)
            if let sel = decision.selection, !sel.tally.isEmpty || !sel.weights.isEmpty {
                line("weights " + sel.weights.map { "\($0.name.prefix(4)) \($0.weight)" }.joined(separator: " ")
                    + (sel.tally.isEmpty ? "" : " · \(sel.tally.reduce(0) { $0 + $1.votes }) votes"), .dim, x: left.x + 2)
            }
        }
    }

    /// The lines of the checks box: each finding (the selected one highlighted) with, when
    /// `guidance`, the reason behind it; `finding` is the index of the finding each line belongs to.
    static func checkLines(_ state: AppState, width: Int, guidance: Bool, selectedGuidance: Bool = true) -> [(text: String, role: StyleRole, finding: Int)] {
        let findings = state.derived.findings
        let selected = min(state.overviewFinding, max(0, findings.count - 1))
        var lines: [(String, StyleRole, Int)] = []
        for (i, f) in findings.enumerated() {
            let (marker, severityRole): (String, StyleRole) = switch f.severity {
            case .critical: ("✗ CRITICAL", .critical)
            case .warning: ("! WARNING", .warning)
            case .info: ("· INFO", .accent)
            }
            let role: StyleRole = i == selected && state.overlay == nil ? .selected : severityRole
            for (j, l) in TextWidth.wrap("\(marker)  \(f.message)", width: width).enumerated() {
                lines.append((l, j == 0 || i == selected ? role : .normal, i))
            }
            if guidance || (i == selected && selectedGuidance) {
                for l in TextWidth.wrap("why: \(f.guidance)", width: width - 4) { lines.append(("    " + l, .dim, i)) }
            }
            if guidance { lines.append(("", .normal, i)) }
        }
        return lines
    }

    /// The plan checks: counts by severity in the title, then the findings, most severe first.
    static func checks(_ frame: inout Frame, _ state: AppState, _ rect: Rect) {
        let findings = state.derived.findings
        let counts = FindingSeverity.allCases.reversed().compactMap { sev -> String? in
            let n = findings.filter { $0.severity == sev }.count
            return n == 0 ? nil : "\(n) \(sev.label)"
        }
        let title = findings.isEmpty ? "Plan checks" : "Plan checks — " + counts.joined(separator: ", ")
        frame.canvas.box(rect, role: .border, title: title)
        let inner = rect.inset(dx: 2, dy: 1)
        guard inner.height > 0, inner.width > 10 else { return }
        if findings.isEmpty {
            frame.canvas.text("✓ No findings: nothing in the plan contradicts the guidance.", x: inner.x, y: inner.y, role: .good, width: inner.width)
            return
        }
        // Every reason when all fit; otherwise only the selected check's, so more checks show.
        var lines = checkLines(state, width: inner.width, guidance: true)
        // On a short box (80×24) the checks themselves come first: the reason waits for more room.
        if lines.count > inner.height {
            lines = checkLines(state, width: inner.width, guidance: false, selectedGuidance: inner.height >= 10)
        }
        let selected = min(state.overviewFinding, findings.count - 1)
        let firstOfSelected = lines.firstIndex { $0.finding == selected } ?? 0
        let lastOfSelected = lines.lastIndex { $0.finding == selected } ?? 0
        let maxTop = max(0, lines.count - inner.height)
        let top = min(maxTop, max(0, min(firstOfSelected, lastOfSelected - inner.height + 1)))
        for (i, l) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            frame.canvas.text(l.text, x: inner.x, y: inner.y + i, role: l.role, width: inner.width)
        }
        let more = " j/k select · Enter goes to it · \(selected + 1) of \(findings.count) "
        if TextWidth.of(more) + 4 <= rect.width {
            frame.canvas.text(more, x: rect.maxX - TextWidth.of(more) - 2, y: rect.maxY - 1, role: .dim)
        }
    }
}
