import Foundation

/// A three-way merge of plans by id, in domain terms (`pilotwave merge`, the git merge driver):
/// what each side changed since BASE survives; where both changed the same thing differently the
/// result keeps OURS' value and records a ``MergeConflict``. The result is always a plan that
/// loads: nothing in it names a team, coach, blocker… that the merge left out.
///
/// Elements of the plan's lists are matched by id and merged field by field (a field is one of
/// the element's JSON keys). Lists of ids inside an element (a wave's teams, a team's tags) merge
/// as sets; histories inside one (a round's ballots) as unions; counts (ballots cast) add up.
public enum PlanMerge {
    public struct Result: Sendable, Equatable {
        /// The merged plan; `plan.conflicts` holds the conflicts (earlier ones kept).
        public var plan: Plan
        /// The conflicts this merge found.
        public var conflicts: [MergeConflict]

        public init(plan: Plan, conflicts: [MergeConflict]) {
            self.plan = plan
            self.conflicts = conflicts
        }
    }

    /// Merges THEIRS' changes since BASE into OURS.
    public static func merge(base: Plan, ours: Plan, theirs: Plan) -> Result {
        var found: [MergeConflict] = []
        var plan = ours
        plan.name = mergeField("name", "Plan name", base.name, ours.name, theirs.name, &found)
        plan.organisation = mergeField("organisation", "Organisation", base.organisation, ours.organisation,
                                       theirs.organisation, &found)
        plan.settings = mergeField("settings", "Plan settings", base.settings, ours.settings, theirs.settings, &found)
        plan.criteria = mergeList(base.criteria, ours.criteria, theirs.criteria, &found)
        plan.teams = mergeList(base.teams, ours.teams, theirs.teams, &found)
        plan.stakeholders = mergeList(base.stakeholders, ours.stakeholders, theirs.stakeholders, &found)
        plan.coaches = mergeList(base.coaches, ours.coaches, theirs.coaches, &found)
        plan.dimensions = mergeList(base.dimensions, ours.dimensions, theirs.dimensions, &found)
        plan.signals = mergeList(base.signals, ours.signals, theirs.signals, &found)
        plan.resistance = mergeList(base.resistance, ours.resistance, theirs.resistance, &found)
        plan.waves = mergeList(base.waves, ours.waves, theirs.waves, &found)
        plan.blockers = mergeList(base.blockers, ours.blockers, theirs.blockers, &found)
        plan.decisions = mergeList(base.decisions, ours.decisions, theirs.decisions, &found)
        plan.workshops = mergeList(base.workshops, ours.workshops, theirs.workshops, &found)
        plan.actions = mergeList(base.actions, ours.actions, theirs.actions, &found)
        plan.votes = mergeList(base.votes, ours.votes, theirs.votes, &found)
        plan.scenarios = mergeList(base.scenarios, ours.scenarios, theirs.scenarios, &found)
        plan.rounds = mergeList(base.rounds, ours.rounds, theirs.rounds, &found)

        var repair = Repair(ours: ours, theirs: theirs, base: base, found: dedupe(found))
        repair.run(&plan)
        found = repair.found

        // Conflicts still open on either side stay; those resolved on one side go.
        var ignored: [MergeConflict] = []
        plan.conflicts = mergeList(base.conflicts, ours.conflicts, theirs.conflicts, &ignored)
        for conflict in found {
            if let i = plan.conflicts.firstIndex(where: { $0.id == conflict.id }) {
                plan.conflicts[i] = conflict
            } else {
                plan.conflicts.append(conflict)
            }
        }
        return Result(plan: plan, conflicts: found)
    }

    /// One of the plan's own fields: merged key by key when it is a record (settings).
    static func mergeField<T: Codable & Equatable>(_ id: String, _ what: String, _ b: T, _ o: T, _ t: T,
                                                    _ found: inout [MergeConflict]) -> T {
        if o == t || t == b { return o }
        if o == b { return t }
        let bj = MergeCoding.json(b), oj = MergeCoding.json(o), tj = MergeCoding.json(t)
        let m = merge3(bj, oj, tj, key: id)
        guard let json = m.ours, let value = try? MergeCoding.value(T.self, from: json) else { return o }
        if m.conflict {
            found.append(MergeConflict(id: id, what: what, ours: MergeCoding.text(m.ours),
                                       theirs: MergeCoding.text(m.theirs), base: MergeCoding.text(bj)))
        }
        return value
    }

    /// One conflict per id (the first found), in the order found.
    static func dedupe(_ conflicts: [MergeConflict]) -> [MergeConflict] {
        var seen = Set<String>()
        return conflicts.filter { seen.insert($0.id).inserted }
    }
}
