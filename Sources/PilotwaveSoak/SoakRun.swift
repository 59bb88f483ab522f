import Foundation
import PilotwaveApp
import PilotwaveCore
import PilotwaveStorage
import PilotwaveUI
import TerminalUI

/// Runs a session of ``SoakStep``s through the reducer and the renderer as the runtime does,
/// checking after each step that what the app holds is consistent with its plan.
public final class SoakRun {
    public private(set) var state: AppState
    public let start: Plan
    let env: Environment
    let clock: Clock
    let options = Render.Options(keymap: .standard, unicode: true, timeZone: TimeZone(identifier: "UTC")!)
    /// Every view rendered at these sizes by the full check.
    public static let checkSizes = [Size(width: 100, height: 30), Size(width: 52, height: 14)]

    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var value = Date(timeIntervalSince1970: 1_795_424_400)
        private var ids = 0
        var now: Date { lock.withLock { value } }
        func advance(_ seconds: TimeInterval) { lock.withLock { value = value.addingTimeInterval(seconds) } }
        func nextID(_ prefix: String) -> String { lock.withLock { ids += 1; return "\(prefix)-s\(ids)" } }
    }

    public init(plan: Plan, size: Size = Size(width: 100, height: 30)) {
        let clock = Clock()
        self.clock = clock
        env = Environment(now: { clock.now }, newID: { clock.nextID($0) })
        start = plan
        state = AppState(plan: plan, file: "plan.json", size: size)
        _ = Reducer.reduce(&state, .event(.resize(size)), env)
    }

    /// Sends one step; quitting is cancelled so the session goes on.
    public func send(_ step: SoakStep) {
        switch step {
        case .keys(let story):
            for key in Key.story(story) { reduce(.event(.key(key))) }
        case .resize(let w, let h): reduce(.event(.resize(Size(width: w, height: h))))
        case .reload(.original): reduce(.reloaded(start))
        case .reload(.trimmed):
            var plan = state.plan
            if let last = plan.teams.last { try? PlanEdit.removeTeam(last.id).apply(to: &plan) }
            reduce(.reloaded(plan))
        case .click(let target): reduce(.click(target))
        case .scroll(let n): reduce(.scroll(n))
        case .paste(let text): reduce(.event(.paste(text)))
        case .tick(let s):
            clock.advance(TimeInterval(s))
            reduce(.tick(clock.now))
        case .inbox(let seed):
            reduce(.inbox(SoakInbox.delivery(seed: seed, plan: state.plan, at: clock.now)))
        }
    }

    /// The views on screen when the plan was replaced under them (an edit, undo, redo, reload).
    public private(set) var replacedUnder: Set<ViewID> = []

    private func reduce(_ action: Action) {
        let (view, revision) = (state.view, state.revision)
        let effects = Reducer.reduce(&state, action, env)
        if state.revision != revision && state.view == view { replacedUnder.insert(view) }
        if state.quitting || effects.contains(.quit) { state.quitting = false }
        // A save answers at once, as the runtime's would when it finishes.
        for case .save(_, let revision, _, _) in effects {
            _ = Reducer.reduce(&state, .saveFinished(revision: revision, .saved(at: clock.now)), env)
        }
    }

    /// What the runtime does after each action: draw the frame.
    @discardableResult
    public func render() -> Frame { Render.frame(state, options) }

    /// The checks that cost little: selections inside what their view shows. Nil when all hold.
    public func quickViolation() -> String? {
        let s = state, d = s.derived
        if d.rowsRevision == s.revision, !d.rows.isEmpty, !(0..<d.rows.count).contains(s.teams.selected) {
            return "Teams selection \(s.teams.selected) outside \(d.rows.count) rows"
        }
        for row in d.rows where Int(row) >= s.plan.teams.count { return "Teams row names team \(row) of \(s.plan.teams.count)" }
        switch s.view {
        case .pilots where d.pilots.rowCount > 0 && !(0..<d.pilots.rowCount).contains(s.pilots.selected):
            return "Pilots selection \(s.pilots.selected) outside \(d.pilots.rowCount) rows"
        case .blockers where !d.blockers.rows.isEmpty && !(0..<d.blockers.rows.count).contains(s.blockers.selected):
            return "Blockers selection \(s.blockers.selected) outside \(d.blockers.rows.count) rows"
        case .resistance where !d.noteRows.isEmpty && !(0..<d.noteRows.count).contains(s.resistance.selected):
            return "Resistance selection \(s.resistance.selected) outside \(d.noteRows.count) rows"
        case .readiness where !d.readiness.dimensions.isEmpty && !(0..<d.readiness.dimensions.count).contains(s.readiness.row):
            return "Readiness row \(s.readiness.row) outside \(d.readiness.dimensions.count) dimensions"
        case .workshop:
            let steps = Reducer.selectedWorkshop(s)?.steps.count ?? 0
            if steps > 0 && !(0..<steps).contains(s.workshop.step) { return "Workshop step \(s.workshop.step) outside \(steps) steps" }
        default: break
        }
        return nil
    }

    /// Everything: the quick checks; the screen equal to the one a fresh start on the same plan
    /// and settings draws (caches built anew); another view drawn at another size without a crash
    /// (`turn` picks which: each of the eight views at each check size in turn).
    public func fullViolation(turn: Int = 0) -> String? {
        if let v = quickViolation() { return v }
        let fresh = Reducer.rebuiltFromScratch(state, env)
        if render() != Render.frame(fresh, options) {
            return "the \(state.view.title) screen differs from a fresh start on the same plan (a cache is stale)"
        }
        let views = ViewID.allCases
        var copy = state
        copy.view = views[turn % views.count]
        _ = Reducer.reduce(&copy, .event(.resize(Self.checkSizes[turn / views.count % Self.checkSizes.count])), env)
        _ = Render.frame(copy, options)
        return nil
    }

    /// After a session: the plan names nothing that is gone, and undo back to the start restores it.
    public func planViolation() -> String? {
        let plan = state.plan
        let ids = plan.teams.map(\.id)
        if Set(ids).count != ids.count { return "duplicate team ids" }
        // What the loader would refuse: the next save would write a file that does not load.
        if let problem = PlanValidator.validate(plan).first { return "the plan would not load: \(problem)" }
        let known = Set(ids)
        for t in plan.teams where !t.dependsOn.allSatisfy(known.contains) { return "\(t.name) depends on a missing team" }
        for w in plan.waves where !w.teams.allSatisfy(known.contains) { return "wave \(w.name) holds a missing team" }
        for s in plan.signals where s.team.map(known.contains) == false { return "signal \(s.id) for a missing team" }
        let blockers = Set(plan.blockers.map(\.id))
        for w in plan.waves where !w.entry.blockers.allSatisfy(blockers.contains) { return "wave \(w.name) is gated by a missing blocker" }
        for b in plan.blockers where !b.surfacedBy.allSatisfy(known.contains) { return "blocker \(b.title) was surfaced by a missing team" }
        return nil
    }

    public struct Failure: Error, CustomStringConvertible {
        public var step: Int
        public var message: String
        public var description: String { "step \(step): \(message)" }
    }

    /// Runs `steps` from a fresh start; the first broken invariant, if any. `fullEvery`: how often
    /// the full check runs (1: after every step), the quick one runs after every step.
    public static func replay(_ plan: Plan, _ steps: [SoakStep], fullEvery: Int = 1,
                              progress: ((Int) -> Void)? = nil) -> Failure? {
        let run = SoakRun(plan: plan)
        for (i, step) in steps.enumerated() {
            progress?(i)
            CrashNote.at(step: i)
            run.send(step)
            run.render()
            let broken = (i + 1) % fullEvery == 0 || i == steps.count - 1 ? run.fullViolation(turn: i / fullEvery) : run.quickViolation()
            if let broken { return Failure(step: i, message: broken) }
        }
        return run.planViolation().map { Failure(step: steps.count - 1, message: $0) }
    }

    /// The shortest failing prefix, then steps dropped one chunk at a time while it still fails
    /// (at most `budget` replays): a sequence short enough to read.
    public static func shrink(_ steps: [SoakStep], budget: Int = 400, fails: ([SoakStep]) -> Bool) -> [SoakStep] {
        var low = 1, high = steps.count, tries = 0
        while low < high && tries < budget {
            let mid = (low + high) / 2
            tries += 1
            if fails(Array(steps.prefix(mid))) { high = mid } else { low = mid + 1 }
        }
        var current = Array(steps.prefix(high))
        var chunk = max(1, current.count / 2)
        while chunk >= 1 && tries < budget {
            var i = 0, removed = false
            while i < current.count - 1 && tries < budget {
                var candidate = current
                candidate.removeSubrange(i..<min(i + chunk, current.count - 1))
                tries += 1
                if fails(candidate) {
                    current = candidate
                    removed = true
                } else {
                    i += chunk
                }
            }
            if !removed { chunk /= 2 }
        }
        return current
    }
}
