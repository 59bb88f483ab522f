import PilotwaveCore

/// Undo and redo of plan edits. Each step keeps only what changed (a ``PlanDelta``), so the
/// history stays small even for very large plans; the oldest steps are dropped beyond a budget.
public struct UndoHistory: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public var title: String
        /// The view the edit was made on (undo goes back there).
        public var view: ViewID?
        var delta: PlanDelta
        /// Unique in this history: tells whether the plan is back at a saved version.
        var id: Int
    }

    private var nextID = 1

    /// The step the plan is at now (0: the version it was loaded as).
    public var position: Int { done.last?.id ?? 0 }

    public private(set) var done: [Step] = []
    public private(set) var undone: [Step] = []
    /// At most this many steps are kept.
    public var maxSteps = 500
    /// At most this many changed list elements are kept across all steps.
    public var maxWeight = 400_000

    public init() {}

    public var canUndo: Bool { !done.isEmpty }
    public var canRedo: Bool { !undone.isEmpty }
    public var nextUndoTitle: String? { done.last?.title }
    public var nextRedoTitle: String? { undone.last?.title }

    /// Records an edit that turned `old` into `new`; clears the redo stack.
    public mutating func record(_ title: String, from old: Plan, to new: Plan, view: ViewID? = nil) {
        let delta = PlanDelta(from: old, to: new)
        guard !delta.isEmpty else { return }
        done.append(Step(title: title, view: view, delta: delta, id: nextID))
        nextID += 1
        undone.removeAll()
        var weight = done.reduce(0) { $0 + $1.delta.weight }
        while done.count > 1 && (done.count > maxSteps || weight > maxWeight) {
            weight -= done.removeFirst().delta.weight
        }
    }

    /// Undoes the last step on `plan`; the step, or nil when there is nothing to undo.
    public mutating func undo(_ plan: inout Plan) -> Step? {
        guard let step = done.popLast() else { return nil }
        step.delta.revert(&plan)
        undone.append(step)
        return step
    }

    /// Redoes the last undone step on `plan`; the step, or nil when there is nothing to redo.
    public mutating func redo(_ plan: inout Plan) -> Step? {
        guard let step = undone.popLast() else { return nil }
        step.delta.reapply(&plan)
        done.append(step)
        return step
    }
}
