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
                toast(&state, "No workshop yet: w makes one from a template", env, error: true)
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
                toast(&state, "No actions yet: a captures one", env)
                break
            }
            state.workshop.actionsFocused.toggle()
            state.workshop.action = min(state.workshop.action, max(0, list.count - 1))
            if state.workshop.actionsFocused { toast(&state, "Actions: j/k move, c done or open, Enter edits, A back to the agenda", env) }
        case "workshop.toggleAction":
            let list = actionList(state, workshop)
            guard state.workshop.actionsFocused, state.workshop.action < list.count else {
                toast(&state, "A first, to choose an action", env, error: true)
                break
            }
            var action = list[state.workshop.action]
            action.done.toggle()
            if apply(&state, .updateAction(action), env) {
                toast(&state, "\(action.done ? "Done" : "Open again"): \(action.text.prefix(40)) — u to undo", env)
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
                toast(&state, "That was the last step: x finishes the workshop", env)
                break
            }
            enterStep(&state, workshop, next, markDone: true, env)
        case "workshop.back":
            let back = (running ? workshop.current : state.workshop.step) - 1
            guard back >= 0 else { break }
            enterStep(&state, workshop, back, markDone: false, env)
        case "workshop.pause":
            guard running, let session = state.workshop.session else {
                toast(&state, "The timer is not running: Enter starts the selected step", env, error: true)
                break
            }
            let pausing = session.runningSince != nil
            let w = withTimer(&state, workshop) { pausing ? $0.pause(at: now) : $0.resume(at: now) }
            if w != workshop { _ = apply(&state, .batch(pausing ? "Pause the timer" : "Resume the timer", [.updateWorkshop(w)]), env) }
            toast(&state, pausing ? "Paused — Space resumes" : "Timer running", env)
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
                toast(&state, workshop.status == .done ? "\(workshop.title) is finished already" : "\(workshop.title) has not started: Enter starts it", env, error: true)
                break
            }
            var t = timer(state, workshop)
            let w = t.finish(at: now)
            if apply(&state, .batch("Finish \(w.title)", [.updateWorkshop(w)]), env) {
                if running { state.workshop.session = nil }
                state.workshop.presenter = false
                let open = w.steps.filter { !$0.done }.count
                toast(&state, "\(w.title) finished" + (open > 0 ? "; \(Words.count(open, "step")) not done carry over to the next one" : "")
                    + " — E exports the record", env)
            }
        case "workshop.presenter":
            state.workshop.presenter.toggle()
        case "workshop.mute":
            state.workshop.muted.toggle()
            toast(&state, state.workshop.muted ? "Bell muted: the screen still shows when time runs out" : "Bell on", env)
        case "workshop.view":
            let step = running ? workshop.current : state.workshop.step
            guard step < workshop.steps.count, let view = ViewID(rawValue: workshop.steps[step].view), view != .workshop else {
                toast(&state, "This step has no view of its own", env)
                break
            }
            state.view = view
            toast(&state, "\(view.title) for \"\(workshop.steps[step].title)\" — 8 returns to the workshop; the timer keeps running", env)
        case "workshop.decision":
            state.overlay = .editForm(.workshopDecision(workshop))
        case "workshop.action":
            state.overlay = .editForm(.action(nil, workshop: workshop.id))
        case "workshop.park":
            state.overlay = .editForm(.parking(workshop))
        case "workshop.export":
            let base = exportBase(state.plan.name + "-" + (workshop.date.map(\.description) ?? "") + "-" + workshop.title)
            state.overlay = .editForm(.export(workshop, base: base))
        default: break
        }
        return []
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

    static func commitWorkshopForm(_ state: inout AppState, _ form: EditForm, _ env: Environment) {
        var form = form
        form.clearErrors()
        switch form.purpose {
        case .newWorkshop:
            let templates = WorkshopTemplates.all
            let template = templates[min(form.choiceIndex("template"), templates.count - 1)]
            let title = form.text("title").trimmingWhitespace()
            let dateText = form.text("date").trimmingWhitespace()
            let date = dateText.isEmpty ? nil : Day(iso: dateText)
            if !dateText.isEmpty && date == nil { form.setError("date", "a date as YYYY-MM-DD") }
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            var w = WorkshopTemplates.make(template.key, id: WorkshopID(env.newID("workshop")), date: date)
            if !title.isEmpty { w.title = title }
            if apply(&state, .addWorkshop(w), env) {
                state.overlay = nil
                state.workshop.selectedID = w.id
                state.workshop.step = 0
                toast(&state, "\(w.title): \(Words.count(w.steps.count, "step")), \(w.steps.reduce(0) { $0 + $1.minutes }) minutes — Enter starts the first", env)
            }
        case .workshopDecision(let id):
            let text = form.text("text").trimmingWhitespace()
            let by = form.text("by").trimmingWhitespace()
            if text.isEmpty { form.setError("text", "what was decided") }
            if by.isEmpty { form.setError("by", "who decides (or suggests)") }
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            let kind: DecisionKind = form.choiceIndex("kind") == 0 ? .decision : .suggestion
            let decision = Decision(id: DecisionID(env.newID("decision")), text: text, kind: kind, decidedBy: by, at: env.now(), workshop: id)
            if apply(&state, .recordDecision(decision), env) {
                state.overlay = nil
                toast(&state, "\(kind == .decision ? "Decision" : "Suggestion") logged — u to undo", env)
            }
        case .action(let existing, let workshop):
            let text = form.text("text").trimmingWhitespace()
            let owner = form.text("owner").trimmingWhitespace()
            let dueText = form.text("due").trimmingWhitespace()
            if text.isEmpty { form.setError("text", "what is to be done") }
            if owner.isEmpty { form.setError("owner", "an action without an owner is a wish") }
            let due = dueText.isEmpty ? nil : Day(iso: dueText)
            if !dueText.isEmpty && due == nil { form.setError("due", "a date as YYYY-MM-DD") }
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            let old = existing.flatMap { id in state.plan.actions.first { $0.id == id } }
            var action = old ?? ActionItem(id: ActionID(env.newID("action")), text: text, owner: owner, workshop: workshop, createdAt: env.now())
            action.text = text
            action.owner = owner
            action.due = due
            action.done = form.choiceIndex("done") == 1
            if apply(&state, old == nil ? .addAction(action) : .updateAction(action), env) {
                state.overlay = nil
                toast(&state, (old == nil ? "Action for \(owner)" : "Action saved") + (due.map { ", due \($0)" } ?? "") + " — u to undo", env)
            }
        case .parking(let id):
            let text = form.text("text").trimmingWhitespace()
            if text.isEmpty { form.setError("text", "what to come back to") }
            guard form.focusFirstError(), var w = state.plan.workshops.first(where: { $0.id == id }) else {
                state.overlay = .editForm(form)
                return
            }
            w.parkingLot.append(ParkingItem(text: text, at: env.now()))
            if apply(&state, .batch("Park \"\(text.prefix(30))\"", [.updateWorkshop(w)]), env) {
                state.overlay = nil
                toast(&state, "Parked; it stays on the workshop's list — u to undo", env)
            }
        case .export(let id):
            let formats = EditForm.exportFormats
            let format = formats[min(form.choiceIndex("format"), formats.count - 1)]
            var path = form.text("path").trimmingWhitespace()
            if path.isEmpty { form.setError("path", "where to write it") }
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            // The extension follows the format when the name still has another format's.
            let ext = ["markdown": ".md", "html": ".html", "csv": "", "json": ".json"][format] ?? ""
            for other in [".md", ".html", ".json"] where path.hasSuffix(other) && other != ext {
                path = String(path.dropLast(other.count)) + ext
            }
            let workshop = id != nil && form.choiceIndex("scope") == 0 ? id : nil
            state.overlay = nil
            flushTimer(&state, env)
            state.pending.append(.export(state.plan, format: format, path: path, workshop: workshop, today: state.today))
        default:
            break
        }
    }

    /// A file name from a title: letters, digits and dashes.
    static func exportBase(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if !out.hasSuffix("-") { out.append("-") }
        }
        return String(out.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(60))
    }
}
