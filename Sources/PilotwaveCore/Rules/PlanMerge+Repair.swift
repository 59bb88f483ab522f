import Foundation

extension PlanMerge {
    /// After the lists are merged: whatever names something the merge left out (a note for a team
    /// deleted on the other side, a wave naming a deleted blocker) is dropped, a team in two waves
    /// stays in OURS' wave, a team in a wave gets a status that allows it, and each such repair is a
    /// conflict that says what was dropped. The result keeps the plan validator's rules.
    struct Repair {
        let ours: Plan
        let theirs: Plan
        let base: Plan
        var found: [MergeConflict]

        mutating func note(_ id: String, _ what: String, ours: String?, theirs: String?, base: String?) {
            if let i = found.firstIndex(where: { $0.id == id }) {
                found[i].ours = ours
                found[i].what += "; " + what
            } else {
                found.append(MergeConflict(id: id, what: what, ours: ours, theirs: theirs, base: base))
            }
        }

        /// Where a missing thing went: `deleted here`, `deleted there`.
        func whereGone(_ inOurs: Bool, _ inTheirs: Bool) -> String {
            !inOurs ? "deleted here" : !inTheirs ? "deleted there" : "deleted"
        }

        func teamGone(_ id: TeamID) -> String {
            let name = (base.team(id) ?? ours.team(id) ?? theirs.team(id))?.name ?? id.raw
            return "team \(quoted(name)) was " + whereGone(ours.team(id) != nil, theirs.team(id) != nil)
        }

        func named<T: MergeElement>(_ noun: String, _ id: String, _ lists: (Plan) -> [T]) -> String {
            func find(_ plan: Plan) -> T? { lists(plan).first { $0.mergeID == id } }
            let label = (find(base) ?? find(ours) ?? find(theirs))?.mergeLabel ?? id
            return "\(noun) \(quoted(label)) was " + whereGone(find(ours) != nil, find(theirs) != nil)
        }

        func baseText<T: MergeElement>(_ list: [T], _ id: String) -> String? {
            MergeCoding.text(list.first { $0.mergeID == id })
        }

        /// Drops an element that names something gone.
        mutating func dropped<T: MergeElement>(_ e: T, because why: String, baseList: [T]) {
            note("\(T.listKey)/\(e.mergeID)", "\(describe(e)) dropped: \(why)", ours: nil,
                 theirs: MergeCoding.text(e), base: baseText(baseList, e.mergeID))
        }

        /// Notes that one field of an element lost references.
        mutating func trimmed<T: MergeElement>(_ e: T, _ field: String, from old: some Encodable, to new: some Encodable,
                                               because why: String, baseList: [T]) {
            let b = baseList.first { $0.mergeID == e.mergeID }.flatMap { MergeCoding.json($0).object?[field] }
            note("\(T.listKey)/\(e.mergeID)/\(field)", "\(describe(e)): \(fieldWords(field)) — \(why)",
                 ours: MergeCoding.text(new), theirs: MergeCoding.text(old), base: MergeCoding.text(b))
        }

        mutating func run(_ plan: inout Plan) {
            let teams = Set(plan.teams.map(\.id))
            let coaches = Set(plan.coaches.map(\.id))
            let stakeholders = Set(plan.stakeholders.map(\.id))
            let blockers = Set(plan.blockers.map(\.id))
            let workshops = Set(plan.workshops.map(\.id))
            let dimensions = Set(plan.dimensions.map(\.id))
            let criteria = Set(plan.criteria.map(\.id))

            for i in plan.teams.indices {
                let team = plan.teams[i]
                if let coach = team.coach, !coaches.contains(coach) {
                    plan.teams[i].coach = nil
                    trimmed(team, "coach", from: coach, to: nil as CoachID?,
                            because: named("coach", coach.raw, \.coaches), baseList: base.teams)
                }
                if team.dependsOn.contains(where: { !teams.contains($0) || $0 == team.id }) {
                    let gone = team.dependsOn.filter { !teams.contains($0) }
                    plan.teams[i].dependsOn = team.dependsOn.filter { teams.contains($0) && $0 != team.id }
                    trimmed(team, "dependsOn", from: team.dependsOn, to: plan.teams[i].dependsOn,
                            because: gone.map(teamGone).joined(separator: ", "), baseList: base.teams)
                }
                if team.ratings.keys.contains(where: { !criteria.contains($0) }) {
                    plan.teams[i].ratings = team.ratings.filter { criteria.contains($0.key) }
                    let gone = team.ratings.keys.filter { !criteria.contains($0) }.sorted()
                    trimmed(team, "ratings", from: team.ratings, to: plan.teams[i].ratings,
                            because: gone.map { named("criterion", $0, \.criteria) }.joined(separator: ", "),
                            baseList: base.teams)
                }
            }
            for i in plan.coaches.indices {
                if let seed = plan.coaches[i].seededFrom, !teams.contains(seed) {
                    let coach = plan.coaches[i]
                    plan.coaches[i].seededFrom = nil
                    trimmed(coach, "seededFrom", from: seed, to: nil as TeamID?, because: teamGone(seed), baseList: base.coaches)
                }
            }
            plan.signals = plan.signals.filter { s in
                if let team = s.team, !teams.contains(team) {
                    dropped(s, because: teamGone(team), baseList: base.signals)
                    return false
                }
                if !dimensions.contains(s.dimension) {
                    dropped(s, because: named("readiness dimension", s.dimension, \.dimensions), baseList: base.signals)
                    return false
                }
                return true
            }
            repairNotes(&plan, teams: teams, stakeholders: stakeholders, workshops: workshops)
            repairWaves(&plan, teams: teams, blockers: blockers, dimensions: dimensions)
            for i in plan.blockers.indices where plan.blockers[i].surfacedBy.contains(where: { !teams.contains($0) }) {
                let blocker = plan.blockers[i]
                plan.blockers[i].surfacedBy = blocker.surfacedBy.filter { teams.contains($0) }
                trimmed(blocker, "surfacedBy", from: blocker.surfacedBy, to: plan.blockers[i].surfacedBy,
                        because: blocker.surfacedBy.filter { !teams.contains($0) }.map(teamGone).joined(separator: ", "),
                        baseList: base.blockers)
            }
            for i in plan.decisions.indices {
                if let w = plan.decisions[i].workshop, !workshops.contains(w) {
                    let d = plan.decisions[i]
                    plan.decisions[i].workshop = nil
                    trimmed(d, "workshop", from: w, to: nil as WorkshopID?, because: named("workshop", w.raw, \.workshops),
                            baseList: base.decisions)
                }
            }
            for i in plan.actions.indices {
                if let w = plan.actions[i].workshop, !workshops.contains(w) {
                    let a = plan.actions[i]
                    plan.actions[i].workshop = nil
                    trimmed(a, "workshop", from: w, to: nil as WorkshopID?, because: named("workshop", w.raw, \.workshops),
                            baseList: base.actions)
                }
            }
            for i in plan.workshops.indices {
                let n = plan.workshops[i].steps.count
                if n == 0 ? plan.workshops[i].current != 0 : !(0..<n).contains(plan.workshops[i].current) {
                    plan.workshops[i].current = max(0, min(plan.workshops[i].current, n - 1))
                }
            }
            repairVotes(&plan, teams: teams)
            repairRounds(&plan, teams: teams, dimensions: dimensions, workshops: workshops)
            repairScenarios(&plan, teams: teams, coaches: coaches, blockers: blockers, dimensions: dimensions)
        }
    }
}
