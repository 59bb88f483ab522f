import Foundation

/// The names people know the things in a plan by, looked up by id: findings carry ids
/// (``Finding/concerns``) for tools; what people read names them instead.
public struct PlanNames: Sendable {
    private var names: [String: String] = [:]

    /// The names of everything in `plan` that a finding can concern.
    public init(_ plan: Plan) {
        let dimensions = Dictionary(plan.dimensions.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func add(_ id: String, _ name: String) { if names[id] == nil { names[id] = name } }
        for team in plan.teams { add(team.id.raw, team.name) }
        for wave in plan.waves { add(wave.id.raw, wave.name) }
        for coach in plan.coaches { add(coach.id.raw, coach.name) }
        for stakeholder in plan.stakeholders { add(stakeholder.id.raw, stakeholder.name) }
        for blocker in plan.blockers { add(blocker.id.raw, "blocker " + Words.quote(blocker.title, max: 40)) }
        for note in plan.resistance { add(note.id.raw, "note " + Words.quote(note.words, max: 40)) }
        for signal in plan.signals {
            let dimension = dimensions[signal.dimension] ?? "readiness"
            add(signal.id.raw, "\(dimension) \(signal.rating)/5 of \(Day(signal.recordedAt))")
        }
        for workshop in plan.workshops { add(workshop.id.raw, "workshop " + Words.quote(workshop.title, max: 40)) }
        for decision in plan.decisions { add(decision.id.raw, "decision " + Words.quote(decision.text, max: 40)) }
        for action in plan.actions { add(action.id.raw, "action " + Words.quote(action.text, max: 40)) }
        for scenario in plan.scenarios { add(scenario.id.raw, "scenario " + Words.quote(scenario.name, max: 40)) }
    }

    /// The name of the thing with `id`, or nil when the plan has nothing with that id.
    public func name(_ id: String) -> String? { names[id] }

    /// The names of what `finding` concerns, in its order, each at most `max` characters; ids the
    /// plan does not know are left out.
    public func concerns(of finding: Finding, max: Int = 60) -> [String] {
        finding.concerns.compactMap { names[$0].map { Words.clip($0, max: max) } }
    }
}
