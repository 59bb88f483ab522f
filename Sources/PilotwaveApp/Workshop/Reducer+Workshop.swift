import Foundation
import PilotwaveCore
import TerminalUI

// The Workshop view: agendas run live — steps entered, timed, extended and paused; decisions,
// actions, parking-lot items captured without leaving the step; presenter mode for the room.
extension Reducer {
    /// The workshop the view shows: the chosen one, else the one running, else the latest not done.
    public static func selectedWorkshop(_ state: AppState) -> Workshop? {
        let all = state.plan.workshops
        if let id = state.workshop.selectedID, let w = all.first(where: { $0.id == id }) { return w }
        if let id = state.workshop.session?.workshop, let w = all.first(where: { $0.id == id }) { return w }
        return all.last { $0.status != .done } ?? all.last
    }

    /// The workshop being run (``Workshops/running(in:session:)``): every capture made while it
    /// runs, in any view, is linked to it.
    public static func runningWorkshop(_ state: AppState) -> Workshop? {
        Workshops.running(in: state.plan, session: state.workshop.session?.workshop)
    }

    /// Time used in `workshop` at `now`, the running step's live seconds included: what the view,
    /// presenter mode and the export show (``Workshops/usedSeconds(of:running:at:)``).
    public static func usedSeconds(_ state: AppState, _ workshop: Workshop, now: Date) -> Int {
        timer(state, workshop).usedSeconds(at: now)
    }

    /// Keeps the selected step within the shown workshop's agenda (an undo or reload may have
    /// shortened it or taken the workshop away).
    static func refreshWorkshop(_ state: inout AppState) {
        let steps = selectedWorkshop(state)?.steps.count ?? 0
        state.workshop.step = min(max(0, state.workshop.step), max(0, steps - 1))
        state.workshop.action = max(0, state.workshop.action)
    }

    /// The timer of `workshop` as the session runs it (paused when it is not the running one).
    static func timer(_ state: AppState, _ workshop: Workshop) -> WorkshopTimer {
        guard let session = state.workshop.session, session.workshop == workshop.id, let since = session.runningSince else {
            return WorkshopTimer(workshop: workshop)
        }
        return WorkshopTimer(workshop: workshop, running: .init(step: workshop.current, since: since))
    }

    /// The clock of `step` of `workshop` at `now`: its time so far plus the running stretch.
    public static func stepClock(_ state: AppState, _ workshop: Workshop, step: Int, now: Date) -> StepClock? {
        guard step >= 0, step < workshop.steps.count else { return nil }
        let t = timer(state, workshop)
        return StepClock(elapsed: t.elapsedSeconds(of: step, at: now), box: workshop.steps[step].boxSeconds,
                         running: t.running?.step == step)
    }

    /// Runs `change` on the timer of the session's workshop and keeps the session in step with it.
    static func withTimer(_ state: inout AppState, _ workshop: Workshop, _ change: (inout WorkshopTimer) -> Workshop) -> Workshop {
        var t = timer(state, workshop)
        let w = change(&t)
        if let running = t.running {
            var session = state.workshop.session?.workshop == w.id ? state.workshop.session! : WorkshopSession(workshop: w.id, runningSince: nil)
            session.runningSince = running.since
            state.workshop.session = session
        } else if state.workshop.session?.workshop == w.id {
            state.workshop.session?.runningSince = nil
        }
        return w
    }

    /// The running workshop with the time since the timer last started added to its current step;
    /// the timer counts on. Nil when nothing runs.
    static func flushed(_ state: inout AppState, now: Date) -> Workshop? {
        guard let session = state.workshop.session, session.runningSince != nil,
            let w = state.plan.workshops.first(where: { $0.id == session.workshop }) else { return nil }
        return withTimer(&state, w) { $0.flush(at: now) }
    }

    /// Keeps the running step's time in the plan (before a save, quitting, a signal).
    static func flushTimer(_ state: inout AppState, _ env: Environment) {
        let now = env.now()
        guard let w = flushed(&state, now: now), let old = state.plan.workshops.first(where: { $0.id == w.id }), w != old else { return }
        _ = apply(&state, .updateWorkshop(w), env)
    }

    /// Once a second while a timer runs: redraw, and ring (once) when the timebox runs out.
    static func tickWorkshop(_ state: inout AppState, now: Date, previous: Date) -> [Effect] {
        guard var session = state.workshop.session, session.runningSince != nil,
            let w = state.plan.workshops.first(where: { $0.id == session.workshop }) else { return [] }
        let t = timer(state, w)
        session.shownSecond = t.elapsedSeconds(of: w.current, at: now)
        var effects: [Effect] = []
        if t.justRanOut(previous: previous, now: now) {
            session.signalled = true
            if !state.workshop.muted { effects.append(.bell) }
        }
        state.workshop.session = session
        return effects
    }

    static func runWorkshop(_ state: inout AppState, _ id: CommandID, _ env: Environment) -> [Effect] {
        let now = env.now()
        if id == "workshop.flush" {
            flushTimer(&state, env)
            return []
        }
        guard let workshop = selectedWorkshop(state) else {
            if id == "workshop.new" { state.overlay = .editForm(.newWorkshop(date: state.today)) } else {
                toast(&state, "No workshop yet: w makes one from a template", env, kind: .error)
            }
            return []
        }
        let running = state.workshop.session?.workshop == workshop.id
        switch id {
        case "workshop.down" where state.workshop.actionsFocused:
            state.workshop.action = min(max(0, actionList(state, workshop).count - 1), state.workshop.action + 1)
        case "workshop.up" where state.workshop.actionsFocused:
            state.workshop.action = max(0, state.workshop.action - 1)
        case "workshop.enter" where state.workshop.actionsFocused:
            let list = actionList(state, workshop)
            guard state.workshop.action < list.count else { break }
            state.overlay = .editForm(.action(list[state.workshop.action], workshop: list[state.workshop.action].workshop))
        case "workshop.down": state.workshop.step = min(max(0, workshop.steps.count - 1), state.workshop.step + 1)
        case "workshop.up": state.workshop.step = max(0, state.workshop.step - 1)
        case "workshop.actions":
            let list = actionList(state, workshop)
            guard !list.isEmpty || state.workshop.actionsFocused else {
                toast(&state, "No actions yet: a captures one", env, kind: .info)
                break
            }
            state.workshop.actionsFocused.toggle()
            state.workshop.action = min(state.workshop.action, max(0, list.count - 1))
            if state.workshop.actionsFocused { toast(&state, "Actions: j/k move, c done or open, Enter edits, A back to the agenda", env, kind: .info) }
        case "workshop.toggleAction":
            let list = actionList(state, workshop)
            guard state.workshop.actionsFocused, state.workshop.action < list.count else {
                toast(&state, "A first, to choose an action", env, kind: .error)
                break
            }
            var action = list[state.workshop.action]
            action.done.toggle()
            if apply(&state, .updateAction(action), env) {
                toast(&state, "\(action.done ? "Done" : "Open again"): \(TextWidth.truncate(action.text, to: 40)) — u to undo", env)
            }
        case "workshop.nextWorkshop", "workshop.previousWorkshop":
            let all = state.plan.workshops
            guard let i = all.firstIndex(where: { $0.id == workshop.id }) else { break }
            let j = i + (id == "workshop.nextWorkshop" ? 1 : -1)
            guard j >= 0, j < all.count else { break }
            state.workshop.selectedID = all[j].id
            state.workshop.step = all[j].current
        case "workshop.new":
            state.overlay = .editForm(.newWorkshop(date: state.today))
        case "workshop.enter":
            enterStep(&state, workshop, state.workshop.step, markDone: false, env)
        case "workshop.next":
            let next = (running ? workshop.current : state.workshop.step) + 1
            guard next < workshop.steps.count else {
                toast(&state, "That was the last step: x finishes the workshop", env, kind: .info)
                break
            }
            enterStep(&state, workshop, next, markDone: true, env)
        case "workshop.back":
            let back = (running ? workshop.current : state.workshop.step) - 1
            guard back >= 0 else { break }
            enterStep(&state, workshop, back, markDone: false, env)
        case "workshop.pause":
            guard running, let session = state.workshop.session else {
                toast(&state, "The timer is not running: Enter starts the selected step", env, kind: .error)
                break
            }
            let pausing = session.runningSince != nil
            let w = withTimer(&state, workshop) { pausing ? $0.pause(at: now) : $0.resume(at: now) }
            if w != workshop { _ = apply(&state, .batch(pausing ? "Pause the timer" : "Resume the timer", [.updateWorkshop(w)]), env) }
            toast(&state, pausing ? "Paused — Space resumes" : "Timer running", env, kind: .info)
        case "workshop.extend":
            let step = running ? workshop.current : state.workshop.step
            guard step < workshop.steps.count else { break }
            var w = workshop
            w.steps[step].extraMinutes += 5
            if apply(&state, .batch("5 more minutes for \(w.steps[step].title)", [.updateWorkshop(w)]), env) {
                toast(&state, "\(w.steps[step].title): 5 more minutes (\(w.steps[step].minutes + w.steps[step].extraMinutes) in all)", env)
            }
        case "workshop.finish":
            guard workshop.status == .running else {
                toast(&state, workshop.status == .done ? "\(workshop.title) is finished already" : "\(workshop.title) has not started: Enter starts it", env, kind: .error)
                break
            }
            state.overlay = .confirm(finishConfirmation(state, workshop, now: now))
        case "workshop.presenter":
            state.workshop.presenter.toggle()
        case "workshop.mute":
            state.workshop.muted.toggle()
            toast(&state, state.workshop.muted ? "Bell muted: the screen still shows when time runs out" : "Bell on", env, kind: .info)
        case "workshop.view":
            let step = running ? workshop.current : state.workshop.step
            guard step < workshop.steps.count, let view = ViewID(rawValue: workshop.steps[step].view), view != .workshop else {
                toast(&state, "This step has no view of its own", env, kind: .info)
                break
            }
            state.view = view
            toast(&state, "\(view.title) for \"\(workshop.steps[step].title)\" — 8 returns to the workshop; the timer keeps running", env)
        case "workshop.decision":
            state.overlay = .editForm(.workshopDecision(workshop, by: state.plan.decisions.last?.decidedBy ?? ""))
        case "workshop.action":
            state.overlay = .editForm(.action(nil, workshop: workshop.id))
        case "workshop.park":
            state.overlay = .editForm(.parking(workshop))
        default: break
        }
        return []
    }

    /// What `x` asks before finishing: the step the room is on, how long it ran, and what carries over.
    static func finishConfirmation(_ state: AppState, _ w: Workshop, now: Date) -> Confirmation {
        let current = w.steps.indices.contains(w.current) ? w.current : nil
        let open = w.steps.indices.filter { !w.steps[$0].done && $0 != current }.map { w.steps[$0].title }
        var lines: [String] = []
        if let current {
            let s = w.steps[current]
            lines.append("On step \(current + 1) of \(w.steps.count), \(Words.quote(s.title, max: 50)): "
                + "\(Workshops.clock(timer(state, w).elapsedSeconds(of: current, at: now))) used of \(s.minutes + s.extraMinutes) minutes.")
        }
        lines.append(open.isEmpty ? "Every other step is done."
            : "Not done, carried over to the next workshop: " + Words.short(open.map { Words.quote($0, max: 30) }, limit: 4) + ".")
        lines.append("The time used is kept; u undoes finishing.")
        let step = current.map { "step \($0 + 1)" } ?? "the step"
        return Confirmation(action: .finishWorkshop(w.id), title: "Finish \(TextWidth.truncate(w.title, to: 50))?", lines: lines,
                            keys: "y finish (\(step) not done, it carries over) · d finish, \(step) done · Esc keep going")
    }

    /// The answer to `x`'s question: y/Enter finishes with the current step as it is (not done
    /// unless n marked it), d finishes with it done, Esc/n keeps the workshop running.
    static func handleFinishConfirm(_ state: inout AppState, _ id: WorkshopID, _ key: Key, _ env: Environment) {
        let currentDone: Bool
        switch key {
        case .char("y"), .char("Y"), .enter: currentDone = false
        case .char("d"), .char("D"): currentDone = true
        case .escape, .char("n"), .char("N"), .char("q"), .ctrl("c"):
            state.overlay = nil
            toast(&state, "Not finished; the workshop goes on", env, kind: .info)
            return
        default: return
        }
        state.overlay = nil
        guard let workshop = state.plan.workshops.first(where: { $0.id == id }), workshop.status == .running else { return }
        var t = timer(state, workshop)
        let w = t.finish(at: env.now(), currentDone: currentDone)
        if apply(&state, .batch("Finish \(w.title)", [.updateWorkshop(w)]), env) {
            if state.workshop.session?.workshop == id { state.workshop.session = nil }
            state.workshop.presenter = false
            let open = w.steps.filter { !$0.done }.count
            toast(&state, "\(w.title) finished" + (open > 0 ? "; \(Words.count(open, "step")) not done carry over to the next one" : "")
                + " — E exports the record", env)
        }
    }

    /// The actions the Workshop view lets you work through: those carried over from earlier
    /// workshops, then this workshop's own, each once.
    public static func actionList(_ state: AppState, _ workshop: Workshop,
                                  carry: Workshops.CarryOver? = nil) -> [ActionItem] {
        let carried = (carry ?? Workshops.carryOver(for: workshop, plan: state.plan, today: state.today)).openActions
        var seen = Set(carried.map(\.id))
        let own = state.plan.actions.filter { $0.workshop == workshop.id && seen.insert($0.id).inserted }
        return carried + own
    }

    /// Times `step` from now on: the running step's time is kept in the plan first; `markDone`
    /// marks the step being left as done. Starts the session if the workshop was not running.
    static func enterStep(_ state: inout AppState, _ workshop: Workshop, _ step: Int, markDone: Bool, _ env: Environment) {
        let now = env.now()
        guard step >= 0, step < workshop.steps.count else { return }
        if let other = state.workshop.session, other.workshop != workshop.id {
            flushTimer(&state, env)
            state.workshop.session = nil
            let name = state.plan.workshops.first { $0.id == other.workshop }?.title ?? ""
            toast(&state, "Stopped the timer of \(name)", env)
        }
        let current = state.plan.workshops.first { $0.id == workshop.id } ?? workshop
        let first = current.status != .running
        let w = withTimer(&state, current) { t in
            if markDone, t.workshop.current < t.workshop.steps.count, step == t.workshop.current + 1 { return t.next(at: now) }
            return t.enter(step: step, at: now)
        }
        let title = markDone ? "Next step: \(w.steps[step].title)" : "Step: \(w.steps[step].title)"
        guard apply(&state, .batch(title, [.updateWorkshop(w)]), env) else {
            state.workshop.session = nil
            return
        }
        state.workshop.session?.signalled = false
        state.workshop.selectedID = w.id
        state.workshop.step = step
        let clock = stepClock(state, w, step: step, now: now)
        toast(&state, (first ? "\(w.title) started · " : "") + "\(step + 1)/\(w.steps.count) \(w.steps[step].title): "
            + (clock.map { $0.remaining >= 0 ? "\($0.text) left" : "over by \($0.text.dropFirst())" } ?? ""), env)
    }

}
