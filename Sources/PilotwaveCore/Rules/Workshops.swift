import Foundation

/// Workshops in sequence (DOMAIN.md §7): what one leaves open for the next (actions not done, steps
/// not finished, parked items), and what each produced (its actions and decisions, its time).
///
/// Workshops are ordered by date, then by their order in the plan's list; a workshop without a
/// date comes after every dated one (it is not scheduled yet), in list order among its kind. "The
/// previous workshop" is the latest earlier one that was actually held (running or done): one
/// only planned, never run, left nothing unfinished.
public enum Workshops {
    /// What a workshop takes over from before it.
    public struct CarryOver: Hashable, Sendable {
        /// The previous workshop held (``Workshops/previous(to:in:)``), if any.
        public var previous: Workshop?
        /// Actions not done that were agreed in an earlier workshop or outside any, oldest first (by
        /// `createdAt`, then list order).
        public var openActions: [ActionItem]
        /// The open actions whose due day is before the `today` given.
        public var overdue: Set<ActionID>
        /// The previous workshop's steps not marked done, in agenda order.
        public var unfinished: [UnfinishedStep]
        /// The previous workshop's parking-lot items not closed, in the order parked.
        public var openParking: [ParkingItem]

        public init(previous: Workshop? = nil, openActions: [ActionItem] = [], overdue: Set<ActionID> = [],
                    unfinished: [UnfinishedStep] = [], openParking: [ParkingItem] = []) {
            self.previous = previous
            self.openActions = openActions
            self.overdue = overdue
            self.unfinished = unfinished
            self.openParking = openParking
        }

        /// Nothing to carry over.
        public var isEmpty: Bool { openActions.isEmpty && unfinished.isEmpty && openParking.isEmpty }

        public func isOverdue(_ action: ActionItem) -> Bool { overdue.contains(action.id) }
    }

    /// A step of an earlier workshop that was not finished.
    public struct UnfinishedStep: Hashable, Sendable {
        public var workshop: WorkshopID
        /// Its index in that workshop's steps.
        public var index: Int
        public var step: AgendaStep

        public init(workshop: WorkshopID, index: Int, step: AgendaStep) {
            self.workshop = workshop
            self.index = index
            self.step = step
        }
    }

    /// How far a workshop got and how long it took.
    public struct Summary: Hashable, Sendable {
        public var stepsDone: Int
        public var stepCount: Int
        /// Time spent in all steps, in seconds.
        public var spentSeconds: Int
        /// The agenda's planned time (the steps' timeboxes without extensions), in seconds.
        public var plannedSeconds: Int
        /// Minutes added to timeboxes during the session, all steps together.
        public var extraMinutes: Int
        /// Steps that took longer than their timebox with its extensions (a step without a timebox
        /// never overruns).
        public var overrunSteps: Int

        /// Time spent beyond the planned time, in seconds (negative: finished early).
        public var overSeconds: Int { spentSeconds - plannedSeconds }
    }

    // MARK: Order

    /// Where `workshop` stands in time among the plan's workshops: its date (undated last), then its
    /// position in the list (after all of them if it is not in the plan).
    private static func rank(_ workshop: Workshop, at index: Int?, in plan: Plan) -> (Int, Int, Int) {
        let position = index ?? plan.workshops.count
        guard let date = workshop.date else { return (1, 0, position) }
        return (0, date.ordinal, position)
    }

    /// The plan's workshops in time order (by date, undated last, then list order).
    public static func ordered(_ plan: Plan) -> [Workshop] {
        plan.workshops.enumerated()
            .sorted { rank($0.element, at: $0.offset, in: plan) < rank($1.element, at: $1.offset, in: plan) }
            .map(\.element)
    }

    /// The workshops before `workshop` in time order (by date, then list order), with their
    /// positions in the list; not `workshop` itself nor any later one.
    private static func earlier(than workshop: Workshop, in plan: Plan) -> [(offset: Int, element: Workshop)] {
        let own = rank(workshop, at: plan.workshops.firstIndex { $0.id == workshop.id }, in: plan)
        return plan.workshops.enumerated().filter { $0.element.id != workshop.id && rank($0.element, at: $0.offset, in: plan) < own }
    }

    /// Whether `workshop` was actually run (or is being run): a workshop only planned was never held.
    public static func wasHeld(_ workshop: Workshop) -> Bool { workshop.status != .planned }

    /// The latest workshop held before `workshop`: by date, then by order in the plan's list (of
    /// two on the same day, the one listed first is earlier); workshops only planned, never run, are
    /// passed over. Nil when none was held before it.
    public static func previous(to workshop: Workshop, in plan: Plan) -> Workshop? {
        earlier(than: workshop, in: plan)
            .filter { wasHeld($0.element) }
            .max { rank($0.element, at: $0.offset, in: plan) < rank($1.element, at: $1.offset, in: plan) }?
            .element
    }

    // MARK: Carry-over

    /// What `workshop` takes over: the open actions of every earlier workshop and those agreed
    /// outside any workshop (oldest first; overdue against `today`), and the previous workshop's
    /// unfinished steps and open parking-lot items. Actions agreed in `workshop` itself or in a
    /// later one are not carried over.
    public static func carryOver(for workshop: Workshop, plan: Plan, today: Day) -> CarryOver {
        let before = earlier(than: workshop, in: plan)
        let earlierIDs = Set(before.map(\.element.id))
        let known = Set(plan.workshops.map(\.id))
        let open = plan.actions.enumerated().filter { _, action in
            guard !action.done else { return false }
            guard let from = action.workshop, known.contains(from) else { return true }  // none (or gone)
            return earlierIDs.contains(from)
        }
        .sorted { ($0.element.createdAt, $0.offset) < ($1.element.createdAt, $1.offset) }
        .map(\.element)
        let overdue = Set(open.filter { $0.due.map { $0 < today } ?? false }.map(\.id))

        let previous = previous(to: workshop, in: plan)
        let unfinished = previous.map { w in
            w.steps.enumerated().filter { !$0.element.done }.map {
                UnfinishedStep(workshop: w.id, index: $0.offset, step: $0.element)
            }
        } ?? []
        let parking = previous?.parkingLot.filter { !$0.closed } ?? []
        return CarryOver(previous: previous, openActions: open, overdue: overdue, unfinished: unfinished,
                         openParking: parking)
    }

    // MARK: What a workshop produced

    /// The actions agreed in `workshop`, in the order agreed.
    public static func actions(of workshop: WorkshopID, in plan: Plan) -> [ActionItem] {
        plan.actions.filter { $0.workshop == workshop }
    }

    /// The decisions taken in `workshop`, in the log's order.
    public static func decisions(of workshop: WorkshopID, in plan: Plan) -> [Decision] {
        plan.decisions.filter { $0.workshop == workshop }
    }

    /// Steps done of all, time spent against the planned time, extensions and overruns; with
    /// `running`, the stretch under way at `now` counts (``usedSeconds(ofStep:in:running:at:)``).
    public static func summary(of workshop: Workshop, running: WorkshopTimer.Running? = nil, at now: Date? = nil) -> Summary {
        var summary = Summary(stepsDone: 0, stepCount: workshop.steps.count, spentSeconds: 0, plannedSeconds: 0,
                              extraMinutes: 0, overrunSteps: 0)
        for (i, step) in workshop.steps.enumerated() {
            let used = usedSeconds(ofStep: i, in: workshop, running: running, at: now)
            if step.done { summary.stepsDone += 1 }
            summary.spentSeconds += used
            summary.plannedSeconds += max(0, step.minutes) * 60
            summary.extraMinutes += step.extraMinutes
            if step.boxSeconds > 0, used > step.boxSeconds { summary.overrunSteps += 1 }
        }
        return summary
    }

    // MARK: Time used (the one source for the view, the status line, presenter mode and reports)

    /// Seconds used in step `index` of `workshop`: the seconds kept in the step, plus — when
    /// `running` times that step — the whole seconds since `running.since` at `now`. 0 for a step
    /// the workshop does not have.
    public static func usedSeconds(ofStep index: Int, in workshop: Workshop, running: WorkshopTimer.Running? = nil,
                                   at now: Date? = nil) -> Int {
        guard workshop.steps.indices.contains(index) else { return 0 }
        var used = max(0, workshop.steps[index].spentSeconds)
        if let running, running.step == index, let now {
            let live = now.timeIntervalSince(running.since)
            if live > 0 { used += Int(live.rounded(.down)) }
        }
        return used
    }

    /// Seconds used in the whole workshop: the sum of its steps' (``usedSeconds(ofStep:in:running:at:)``).
    public static func usedSeconds(of workshop: Workshop, running: WorkshopTimer.Running? = nil, at now: Date? = nil) -> Int {
        workshop.steps.indices.reduce(0) { $0 + usedSeconds(ofStep: $1, in: workshop, running: running, at: now) }
    }

    /// Seconds as minutes and seconds, the way every workshop time is written: `0:35`, `12:05`,
    /// `95:00`.
    public static func clock(_ seconds: Int) -> String {
        let s = max(0, seconds)
        return "\(s / 60):" + (s % 60 < 10 ? "0" : "") + "\(s % 60)"
    }

    // MARK: The running workshop, and what is captured while it runs

    /// The workshop being run: `session` (the workshop whose timer the app holds, running or
    /// paused) when the plan has it; else the plan's workshop stored as running (a session from
    /// before a restart, resumed from its current step), the latest of them if several. Every
    /// capture made while it runs — in any view — belongs to it (``linking(_:to:)``).
    public static func running(in plan: Plan, session: WorkshopID?) -> Workshop? {
        if let session, let w = plan.workshops.first(where: { $0.id == session }) { return w }
        return ordered(plan).last { $0.status == .running }
    }

    /// `edit` with every capture it makes that names no workshop — a decision recorded, an action
    /// added, a resistance note captured — linked to `workshop` (inside batches too). Captures that
    /// name a workshop keep it; other edits are unchanged.
    public static func linking(_ edit: PlanEdit, to workshop: WorkshopID) -> PlanEdit {
        switch edit {
        case .recordDecision(var d) where d.workshop == nil:
            d.workshop = workshop
            return .recordDecision(d)
        case .addAction(var a) where a.workshop == nil:
            a.workshop = workshop
            return .addAction(a)
        case .addNote(var n) where n.workshop == nil:
            n.workshop = workshop
            return .addNote(n)
        case .batch(let title, let edits):
            return .batch(title, edits.map { linking($0, to: workshop) })
        default:
            return edit
        }
    }
}
