import Foundation
import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// The Overview: the organisation and its size, recommended against chosen pilots, the readiness
/// headline, and every plan check with the guidance behind it.
enum OverviewView {
    static func draw(_ frame: inout Frame, _ state: AppState, _ options: Render.Options) {
        let main = Layout.main(state.size)
        let plan = state.plan
        let d = state.derived
        let leftWidth = main.width >= 100 ? 50 : main.width
        let left = Rect(x: main.x + 1, y: main.y + 1, width: leftWidth - 2, height: main.height - 1)
        var y = left.y
        func line(_ text: String, _ role: StyleRole = .normal, x: Int? = nil) {
            guard y < left.maxY else { return }
            frame.canvas.text(text, x: x ?? left.x, y: y, role: role, width: left.width - ((x ?? left.x) - left.x))
            y += 1
        }
        line(plan.organisation.name, .title)
        if let rec = d.recommendation {
            line("\(rec.size.label) organisation, \(plan.teams.count) teams" + (rec.inferred ? " (inferred)" : ""), .dim)
            y += 1
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
            line("Pilots: \(chosen) chosen, \(rec.rangeText) recommended", .normal)
            line(verdict.0, verdict.1, x: left.x + 2)
        }
        y += 1
        line("Readiness (organisation)", .header)
        var any = false
        for (dimension, trend) in d.orgReadiness {
            guard y < left.maxY else { break }
            let name = TextWidth.fit(dimension.name, to: max(8, left.width - 16))
            frame.canvas.text(name, x: left.x, y: y, role: .normal)
            let gx = left.x + TextWidth.of(name) + 1
            if let trend {
                any = true
                let r = trend.latest.rating
                let low = r <= Readiness.barrierRating && dimension.group == .precondition
                frame.canvas.text(String(repeating: "■", count: r), x: gx, y: y, role: low ? .warning : .gaugeFull)
                frame.canvas.text(String(repeating: "□", count: 5 - r), x: gx + r, y: y, role: .gaugeEmpty)
                frame.canvas.text(" \(r) \(trend.direction.symbol)", x: gx + 5, y: y, role: low ? .warning : .normal)
            } else {
                frame.canvas.text("not rated", x: gx, y: y, role: .dim)
            }
            y += 1
        }
        if !any { line("No readiness signals yet.", .dim) }
        y += 1
        // The next workshop and the actions still open (8 runs it).
        let open = plan.actions.filter { !$0.done }
        let overdue = open.filter { $0.due.map { $0 < state.today } ?? false }.count
        if let next = plan.workshops.last(where: { $0.status != .done }) {
            line("Next workshop: \(next.title)" + (next.date.map { " · \($0)" } ?? "") + " · \(next.status.label) (8)", .normal)
        }
        if !open.isEmpty {
            line("Actions: \(open.count) open" + (overdue > 0 ? " · ! \(overdue) overdue" : ""), overdue > 0 ? .warning : .normal)
        }
        if !open.isEmpty || plan.workshops.contains(where: { $0.status != .done }) { y += 1 }
        line("Decision log", .header)
        if plan.decisions.isEmpty {
            line("No decisions yet (Pilots view: D records the selection).", .dim)
        } else {
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
        if main.width >= 100 {
            let right = Rect(x: main.x + leftWidth, y: main.y, width: main.width - leftWidth, height: main.height)
            checks(&frame, state, right)
        } else {
            let rest = Rect(x: main.x, y: y + 1, width: main.width, height: main.maxY - y - 1)
            if rest.height >= 4 { checks(&frame, state, rest) }
        }
    }

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
            frame.canvas.text("✓ No findings: nothing in the plan contradicts the guidance.", x: inner.x, y: inner.y, role: .good)
            return
        }
        var lines: [(String, StyleRole)] = []
        for f in findings {
            let (marker, role): (String, StyleRole) = switch f.severity {
            case .critical: ("✗ CRITICAL", .critical)
            case .warning: ("! WARNING", .warning)
            case .info: ("· INFO", .accent)
            }
            let first = TextWidth.wrap("\(marker)  \(f.message)", width: inner.width)
            for (i, l) in first.enumerated() { lines.append((l, i == 0 ? role : .normal)) }
            for l in TextWidth.wrap("why: \(f.guidance)", width: inner.width - 4) { lines.append(("    " + l, .dim)) }
            lines.append(("", .normal))
        }
        let maxScroll = max(0, lines.count - inner.height)
        let top = min(state.overviewScroll, maxScroll)
        for (i, l) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            frame.canvas.text(l.0, x: inner.x, y: inner.y + i, role: l.1, width: inner.width)
        }
        if maxScroll > 0 {
            let more = " j/k scroll · \(top + 1)–\(min(lines.count, top + inner.height)) of \(lines.count) lines "
            frame.canvas.text(more, x: rect.maxX - TextWidth.of(more) - 2, y: rect.maxY - 1, role: .dim)
        }
    }
}
