import Foundation

/// A three-way merge of plans by id, in domain terms (`pilotwave merge`, the git merge driver):
/// what each side changed since BASE survives; where both changed the same thing differently the
/// result keeps OURS' value and records a ``MergeConflict``. The result is always a plan that
/// loads.
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
        // Whole plans only, for now: one side unchanged takes the other.
        if theirs == base || theirs == ours { return Result(plan: ours, conflicts: []) }
        if ours == base { return Result(plan: theirs, conflicts: []) }
        let conflict = MergeConflict(id: "plan", what: "The plan", ours: nil, theirs: nil, base: nil)
        var plan = ours
        plan.conflicts.append(conflict)
        return Result(plan: plan, conflicts: [conflict])
    }
}
