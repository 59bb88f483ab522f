import PilotwaveCore

/// The Conflicts overlay (X): what a merge left in the plan for someone to decide.
public struct ConflictsOverlay: Sendable, Equatable {
    /// The selected conflict, an index into `plan.conflicts`.
    public var selected = 0
    public init(selected: Int = 0) { self.selected = selected }
}

extension AppState {
    /// The overlay a plan opens with: the Conflicts overlay over the Overview when a merge left
    /// conflicts in it.
    mutating func showConflictsOnOpen() {
        guard !plan.conflicts.isEmpty else { return }
        view = .overview
        overlay = .conflicts(ConflictsOverlay())
    }
}

/// One conflict as the overlay shows it: what, and the three values in words.
public struct ConflictRow: Sendable, Equatable {
    public var id: String
    public var what: String
    public var ours: String
    public var theirs: String
    public var base: String

    /// The plan's conflicts, in order, with ids of things in the plan shown as their names.
    public static func rows(_ plan: Plan) -> [ConflictRow] {
        guard !plan.conflicts.isEmpty else { return [] }
        let names = PlanNames(plan)
        return plan.conflicts.map { c in
            ConflictRow(id: c.id, what: c.what,
                        ours: ConflictWords.value(c.ours, names: names, absent: "deleted", max: 200),
                        theirs: ConflictWords.value(c.theirs, names: names, absent: "deleted", max: 200),
                        base: ConflictWords.value(c.base, names: names, absent: "not there", max: 200))
        }
    }
}
