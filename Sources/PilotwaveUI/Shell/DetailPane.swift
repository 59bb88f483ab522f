import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// The selected team in full: its score breakdown (unrated criteria named, never counted as zero),
/// hard flags with the reason behind them, outcome and links.
enum DetailPane {
    static func draw(_ frame: inout Frame, _ state: AppState, _ rect: Rect, _ options: Render.Options) {
        frame.canvas.box(rect, role: .border, title: "Detail", titleRole: .title)
        let inner = rect.inset(dx: 2, dy: 1)
        guard inner.width > 10, inner.height > 2,
            let index = state.derived.teamIndex(row: state.teams.selected)
        else { return }
        let plan = state.plan
        let team = plan.teams[index]
        var lines: [(String, StyleRole)] = []
        func add(_ text: String, _ role: StyleRole = .normal) {
            for line in TextWidth.wrap(text, width: inner.width) { lines.append((line, role)) }
        }
        add(team.name, .title)
        add([team.area.isEmpty ? nil : team.area, team.stage.label, team.status.label,
             team.size == 0 ? "roles unknown" : "\(team.size) people"].compactMap { $0 }.joined(separator: " · "), .dim)
        if team.status == .outOfScope, let reason = team.outOfScopeReason { add("Out of scope: \(reason)", .dim) }
        lines.append(("", .normal))
        let score = Scoring.score(team, in: plan)
        add("Score \(score.summary)", .accent)
        for item in score.items where item.weight > 0 {
            let points = item.value == nil ? "unrated" : String(format: "+%.1f", item.points)
            let name = TextWidth.fit(item.name, to: max(6, inner.width - 24))
            let weight = TextWidth.fit("×\(item.weight)", to: 3, alignRight: true)
            let input = TextWidth.fit(item.input, to: 9)
            lines.append(("\(name) \(weight) \(input) \(TextWidth.fit(points, to: 8, alignRight: true))",
                          item.value == nil ? .dim : .normal))
        }
        let flags = HardFlag.flags(team, settings: plan.settings)
        if !flags.isEmpty {
            lines.append(("", .normal))
            for flag in flags {
                add("! \(flag.label)", .warning)
                add("  \(flag.guidance)", .dim)
            }
        }
        lines.append(("", .normal))
        if let outcome = team.outcome, !outcome.statement.isEmpty {
            add("Outcome: \(outcome.statement)")
            let measure = [outcome.metric, outcome.baseline.isEmpty ? "" : "from \(outcome.baseline)",
                           outcome.target.isEmpty ? "" : "to \(outcome.target)"].filter { !$0.isEmpty }.joined(separator: " ")
            if !measure.isEmpty { add("  \(measure)", .dim) }
        } else if team.status == .pilot || team.status == .inWave {
            add("! No outcome yet: a pilot owns a change in customer or business behaviour.", .warning)
        } else {
            add("Outcome: not set", .dim)
        }
        if let activity = state.derived.activity[team.id] {
            if !activity.readiness.isEmpty {
                let parts = activity.readiness.prefix(4).map { item in
                    "\(plan.dimension(item.dimension)?.name ?? item.dimension) \(item.trend.latest.rating)\(item.trend.direction.symbol)"
                }
                add("Readiness: " + parts.joined(separator: ", ") + (activity.readiness.count > 4 ? " …" : ""))
            }
            if activity.openNotes > 0 {
                add("Resistance: \(activity.openNotes) open" + (activity.overdueNotes > 0 ? ", ! \(activity.overdueNotes) overdue" : "")
                    + (activity.loudest.map { " — " + Words.quote($0, max: 40) } ?? ""), activity.overdueNotes > 0 ? .warning : .normal)
            }
        }
        if let coach = team.coach, let c = state.derived.coach(coach, in: plan) { add("Coach: \(c.name)") }
        if !team.dependsOn.isEmpty {
            let names = team.dependsOn.compactMap { id in state.derived.indexByID[id].map { plan.teams[$0].name } }
            add("Depends on: \(names.joined(separator: ", "))")
        }
        if !team.tags.isEmpty { add("Tags: \(team.tags.joined(separator: ", "))", .dim) }
        if !team.notes.isEmpty { add("Notes: \(team.notes)", .dim) }
        for (i, line) in lines.prefix(inner.height).enumerated() {
            frame.canvas.text(line.0, x: inner.x, y: inner.y + i, role: line.1, width: inner.width)
        }
    }
}
