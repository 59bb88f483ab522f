import Foundation
@testable import PilotwaveCore

/// A small plan to merge, edits applied to copies of it, and a checker for what the plan
/// validator refuses (PilotwaveCoreTests cannot use PilotwaveStorage): ids that repeat or name
/// nothing, a team in two waves, a team in a wave that is not a pilot or in a wave.
enum MergeFixture {
    static let when = Date(timeIntervalSince1970: 1_780_000_000)

    static func base() -> Plan {
        var p = Plan.empty(id: "plan-1", name: "Lindenhof", organisation: "Lindenhof")
        p.coaches = [Coach(id: "coach-1", name: "Ana"), Coach(id: "coach-2", name: "Ben"), Coach(id: "coach-3", name: "Cleo")]
        p.teams = [
            Team(id: "team-a", name: "Claims Intake", status: .pilot, coach: "coach-1"),
            Team(id: "team-b", name: "Quote & Buy", dependsOn: ["team-a"], tags: ["web"]),
            Team(id: "team-c", name: "Pricing Engine"),
            Team(id: "team-d", name: "Broker Hub"),
        ]
        p.waves = [Wave(id: "wave-0", name: "Pilots", order: 0, teams: ["team-a"]),
                   Wave(id: "wave-1", name: "Wave 1", order: 1, entry: EntryCriteria(blockers: ["blk-1"])),
                   Wave(id: "wave-2", name: "Wave 2", order: 2), Wave(id: "wave-3", name: "Wave 3", order: 3)]
        p.blockers = [Blocker(id: "blk-1", title: "Annual budgets", category: .funding, surfacedBy: ["team-a"])]
        p.stakeholders = [Stakeholder(id: "sh-1", name: "COO")]
        p.workshops = [Workshop(id: "ws-1", title: "Pilot selection")]
        p.votes = [VoteRound(id: "vote-1", title: "Pilots", budget: 5, attributed: true, openedAt: when)]
        p.scenarios = [Scenario(id: "sc-1", name: "Faster", createdAt: when)]
        return p
    }

    static func edited(_ plan: Plan, _ edits: PlanEdit...) throws -> Plan {
        var p = plan
        for e in edits { try e.apply(to: &p) }
        return p
    }

    /// What the plan validator would refuse, in words; empty when the plan would load.
    static func problems(_ plan: Plan) -> [String] {
        var out: [String] = []
        func unique<T>(_ items: [T], _ name: String, _ id: (T) -> String) -> Set<String> {
            var seen = Set<String>()
            for i in items where !seen.insert(id(i)).inserted { out.append("duplicate \(name) \(id(i))") }
            return seen
        }
        let teams = unique(plan.teams, "team") { $0.id.raw }
        let coaches = unique(plan.coaches, "coach") { $0.id.raw }
        let stakeholders = unique(plan.stakeholders, "stakeholder") { $0.id.raw }
        let blockers = unique(plan.blockers, "blocker") { $0.id.raw }
        let workshops = unique(plan.workshops, "workshop") { $0.id.raw }
        let dimensions = unique(plan.dimensions, "dimension") { $0.id }
        let criteria = unique(plan.criteria, "criterion") { $0.id }
        _ = unique(plan.signals, "signal") { $0.id.raw }
        _ = unique(plan.resistance, "note") { $0.id.raw }
        _ = unique(plan.waves, "wave") { $0.id.raw }
        _ = unique(plan.decisions, "decision") { $0.id.raw }
        _ = unique(plan.actions, "action") { $0.id.raw }
        _ = unique(plan.votes, "vote") { $0.id.raw }
        _ = unique(plan.scenarios, "scenario") { $0.id.raw }
        _ = unique(plan.rounds, "round") { $0.id.raw }
        func ref(_ set: Set<String>, _ id: String?, _ at: String) {
            if let id, !set.contains(id) { out.append("\(at) names missing \(id)") }
        }
        for t in plan.teams {
            ref(coaches, t.coach?.raw, "team \(t.id) coach")
            t.dependsOn.forEach { ref(teams, $0.raw, "team \(t.id) dependsOn") }
            t.ratings.keys.forEach { ref(criteria, $0, "team \(t.id) ratings") }
        }
        plan.coaches.forEach { ref(teams, $0.seededFrom?.raw, "coach \($0.id) seededFrom") }
        for s in plan.signals { ref(teams, s.team?.raw, "signal \(s.id)"); ref(dimensions, s.dimension, "signal \(s.id)") }
        for n in plan.resistance {
            if (n.team == nil) == (n.stakeholder == nil) { out.append("note \(n.id) needs one source") }
            ref(teams, n.team?.raw, "note \(n.id)"); ref(stakeholders, n.stakeholder?.raw, "note \(n.id)")
            ref(workshops, n.workshop?.raw, "note \(n.id)")
        }
        var placed = Set<TeamID>()
        for w in plan.waves {
            for t in w.teams {
                ref(teams, t.raw, "wave \(w.id)")
                if !placed.insert(t).inserted { out.append("team \(t) in two waves") }
                if let s = plan.team(t)?.status, s == .candidate || s == .outOfScope { out.append("team \(t) in wave \(w.id) is \(s)") }
            }
            w.entry.blockers.forEach { ref(blockers, $0.raw, "wave \(w.id) entry") }
            w.entry.readiness.forEach { ref(dimensions, $0.dimension, "wave \(w.id) entry") }
        }
        plan.blockers.forEach { b in b.surfacedBy.forEach { ref(teams, $0.raw, "blocker \(b.id)") } }
        plan.decisions.forEach { ref(workshops, $0.workshop?.raw, "decision \($0.id)") }
        plan.actions.forEach { ref(workshops, $0.workshop?.raw, "action \($0.id)") }
        for v in plan.votes {
            (v.totals + v.ballots.flatMap(\.votes)).forEach { ref(teams, $0.team.raw, "vote \(v.id)") }
            if let cap = v.capPerTeam, cap > v.budget { out.append("vote \(v.id) cap over budget") }
        }
        for s in plan.scenarios {
            var inScenario = Set<TeamID>()
            for w in s.waves {
                w.teams.forEach { ref(teams, $0.raw, "scenario \(s.id)"); if !inScenario.insert($0).inserted { out.append("scenario \(s.id) twice \($0)") } }
                w.entry.blockers.forEach { ref(blockers, $0.raw, "scenario \(s.id)") }
            }
            s.assignments.forEach { ref(teams, $0.team.raw, "scenario \(s.id)"); ref(coaches, $0.coach.raw, "scenario \(s.id)") }
        }
        for r in plan.rounds {
            ref(teams, r.team?.raw, "round \(r.id)"); ref(workshops, r.workshop?.raw, "round \(r.id)")
            r.dimensions.forEach { ref(dimensions, $0, "round \(r.id)") }
        }
        for w in plan.workshops where w.steps.isEmpty ? w.current != 0 : !w.steps.indices.contains(w.current) {
            out.append("workshop \(w.id) current step out of range")
        }
        return out
    }
}
