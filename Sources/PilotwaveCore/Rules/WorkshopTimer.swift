import Foundation

/// The clock of a workshop being run (DOMAIN.md §7): which step is being timed and since when, with
/// the rules for moving between steps, pausing, extending a timebox and finishing. Pure: every time
/// is passed in, so a test (or a replay) drives it with any clock.
///
/// **What is kept, and what a crash loses.** Time is kept in the workshop itself, in each step's
/// `spentSeconds`; the timer adds only the stretch since ``Running/since``. Every transition
/// (``enter(step:at:)``, ``pause(at:)``, ``finish(at:)``, …) first *flushes* that stretch into the
/// step, and ``flush(at:)`` does so without stopping the clock, for the app to call before each
/// save and now and then while a step runs. The returned workshop is what to store in the plan. A
/// session cut short (the app killed, the machine asleep for good) therefore loses at most the
/// running seconds since the last flush: the plan holds every second flushed before it. A workshop
/// stored as `running` comes back *paused* on its current step (``init(workshop:)``): how long the
/// app was gone is not the room's time, so the facilitator resumes it.
///
/// Moving between steps keeps each step's time: going back to a step carries on from what it had.
/// Whole seconds are flushed and the clock's start moves on by exactly those seconds, so frequent
/// flushes lose nothing to rounding; a pause drops the fraction of a second still running.
public struct WorkshopTimer: Hashable, Sendable {
    /// The step being timed and since when.
    public struct Running: Hashable, Sendable {
        /// Index into the workshop's steps; always its `current` step.
        public var step: Int
        public var since: Date

        public init(step: Int, since: Date) {
            self.step = step
            self.since = since
        }
    }

    /// The workshop as it stands, with every flushed second in its steps' `spentSeconds`.
    ///
    /// Set it to the plan's copy when the workshop was edited elsewhere while the timer held it (a
    /// parking-lot item, a step renamed, an undo), so that the next transition does not write an
    /// older copy back. The running stretch stays with the step being timed, which stays the
    /// current one; if that step is gone, the clock stops (losing the unflushed stretch).
    public var workshop: Workshop {
        didSet {
            guard let running else { return }
            if workshop.steps.indices.contains(running.step) {
                workshop.current = running.step
            } else {
                self.running = nil
            }
        }
    }
    /// The running stretch; nil while paused (or before the session starts, or once it is done).
    public private(set) var running: Running?

    /// The timer of `workshop`, paused on its current step (also after a restart: see the type's
    /// notes).
    public init(workshop: Workshop) {
        self.workshop = workshop
        self.running = nil
    }

    /// The timer of `workshop` with `running` under way (its step becomes the current one).
    public init(workshop: Workshop, running: Running?) {
        self.workshop = workshop
        self.running = nil
        if let running, workshop.steps.indices.contains(running.step) {
            self.workshop.current = running.step
            self.running = running
        }
    }

    public var isRunning: Bool { running != nil }

    // MARK: Reading the clock

    /// Whole seconds of the running stretch at `now` (0 if the clock reads earlier than `since`).
    private func runningSeconds(at now: Date) -> Int {
        guard let running else { return 0 }
        let seconds = now.timeIntervalSince(running.since)
        return seconds > 0 ? Int(seconds.rounded(.down)) : 0
    }

    /// Seconds spent in `step` at `now`: its `spentSeconds` plus the running stretch if it is the
    /// step being timed (``Workshops/usedSeconds(ofStep:in:running:at:)``). 0 for a step the
    /// workshop does not have.
    public func elapsedSeconds(of step: Int, at now: Date) -> Int {
        Workshops.usedSeconds(ofStep: step, in: workshop, running: running, at: now)
    }

    /// Seconds spent in the whole workshop at `now`, the running stretch included.
    public func usedSeconds(at now: Date) -> Int {
        Workshops.usedSeconds(of: workshop, running: running, at: now)
    }

    /// Seconds left in `step`'s timebox (with its extensions) at `now`; negative once it overruns.
    public func remainingSeconds(of step: Int, at now: Date) -> Int {
        guard workshop.steps.indices.contains(step) else { return 0 }
        return workshop.steps[step].boxSeconds - elapsedSeconds(of: step, at: now)
    }

    /// Whether `step`'s time is up at `now`: as much time spent as its timebox holds (a step with
    /// no timebox is never over).
    public func isOver(step: Int, at now: Date) -> Bool {
        guard workshop.steps.indices.contains(step) else { return false }
        let box = workshop.steps[step].boxSeconds
        return box > 0 && elapsedSeconds(of: step, at: now) >= box
    }

    /// Seconds `step` has run past its timebox at `now` (0 while within it).
    public func overrunSeconds(of step: Int, at now: Date) -> Int {
        max(0, -remainingSeconds(of: step, at: now))
    }

    /// When the running step's timebox runs out: nil when paused, or when the step has no timebox
    /// or has already used it up (it ran out before; resuming an overrun step does not ring again).
    public var runsOutAt: Date? {
        guard let running, workshop.steps.indices.contains(running.step) else { return nil }
        let step = workshop.steps[running.step]
        let left = step.boxSeconds - step.spentSeconds
        guard step.boxSeconds > 0, left > 0 else { return nil }
        return running.since.addingTimeInterval(TimeInterval(left))
    }

    /// Whether the running step ran out between two readings of the clock, `previous` (excluded)
    /// and `now` (included): true for exactly one of a run of consecutive readings, so a UI that
    /// asks on every tick rings its bell once. Extending the step gives it a new end, which rings
    /// again when reached.
    public func justRanOut(previous: Date, now: Date) -> Bool {
        guard let end = runsOutAt else { return false }
        return previous < end && end <= now
    }

    // MARK: Transitions (each returns the workshop to store)

    /// Moves the running stretch into its step's `spentSeconds` (whole seconds; `since` moves on by
    /// as many, so nothing is lost to rounding). The clock keeps running.
    @discardableResult
    public mutating func flush(at now: Date) -> Workshop {
        guard var run = running else { return workshop }
        let seconds = runningSeconds(at: now)
        if seconds > 0, workshop.steps.indices.contains(run.step) {
            workshop.steps[run.step].spentSeconds += seconds
            run.since = run.since.addingTimeInterval(TimeInterval(seconds))
            running = run
        }
        return workshop
    }

    /// Goes to `step` and times it from `now`: the step being timed keeps its time so far, `step`
    /// carries on from its own; the workshop's `current` becomes `step` and its status `running`
    /// (a finished workshop is reopened). A step the workshop does not have changes nothing.
    @discardableResult
    public mutating func enter(step: Int, at now: Date) -> Workshop {
        guard workshop.steps.indices.contains(step) else { return workshop }
        stop(at: now)
        workshop.current = step
        workshop.status = .running
        running = Running(step: step, since: now)
        return workshop
    }

    /// Marks the current step done and goes to the next one; from the last step, finishes the
    /// workshop with that step done (``finish(at:currentDone:)``).
    @discardableResult
    public mutating func next(at now: Date) -> Workshop {
        guard workshop.steps.indices.contains(workshop.current) else { return finish(at: now) }
        let next = workshop.current + 1
        guard next < workshop.steps.count else { return finish(at: now, currentDone: true) }
        workshop.steps[workshop.current].done = true
        return enter(step: next, at: now)
    }

    /// Stops the clock, keeping the time so far. The workshop stays `running` (the session goes on
    /// after the break).
    @discardableResult
    public mutating func pause(at now: Date) -> Workshop {
        stop(at: now)
        return workshop
    }

    /// Starts the clock again on the current step (also the first start of a planned workshop);
    /// already running, nothing changes. A workshop without steps has nothing to time.
    @discardableResult
    public mutating func resume(at now: Date) -> Workshop {
        guard running == nil else { return workshop }
        let step = workshop.steps.indices.contains(workshop.current) ? workshop.current : 0
        return enter(step: step, at: now)
    }

    /// Adds `minutes` to the current step's timebox (negative minutes take back what was added,
    /// never below the planned timebox). The clock is not touched.
    @discardableResult
    public mutating func extend(minutes: Int) -> Workshop {
        guard workshop.steps.indices.contains(workshop.current) else { return workshop }
        let extra = workshop.steps[workshop.current].extraMinutes
        workshop.steps[workshop.current].extraMinutes = max(0, extra + minutes)
        return workshop
    }

    /// Ends the session: the time so far is kept and the workshop is `done`. Only steps marked done
    /// are done: the current step too when `currentDone` says the room finished it; otherwise it
    /// carries over to the next workshop with the other steps not done.
    @discardableResult
    public mutating func finish(at now: Date, currentDone: Bool = false) -> Workshop {
        stop(at: now)
        if currentDone, workshop.steps.indices.contains(workshop.current) { workshop.steps[workshop.current].done = true }
        workshop.status = .done
        return workshop
    }

    /// Flushes and stops the clock.
    private mutating func stop(at now: Date) {
        flush(at: now)
        running = nil
    }
}
