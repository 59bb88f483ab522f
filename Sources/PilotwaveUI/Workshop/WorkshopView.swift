import Foundation
import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// The Workshop view: the agenda with each step's time, the step being run with its question and
/// timer, what the workshop captured, and what carries over from the previous one.
enum WorkshopView {
    typealias Line = (String, StyleRole)

    static func draw(_ frame: inout Frame, _ state: AppState, _ options: Render.Options) {
        let rect = Layout.main(state.size)
        guard let w = Reducer.selectedWorkshop(state) else {
            var y = rect.y + 1
            for line in TextWidth.wrap("No workshop yet. w makes one from a template — pilot selection, readiness check-in, wave "
                + "planning or a discovery–delivery demo review — with timeboxed steps, a timer per step, presenter mode (P) and "
                + "capture keys for decisions, actions and the parking lot.", width: rect.width - 4) {
                frame.canvas.text(line, x: rect.x + 2, y: y, role: .dim)
                y += 1
            }
            return
        }
        let now = state.clock
        let all = state.plan.workshops
        let index = all.firstIndex { $0.id == w.id } ?? 0
        var head = "\(w.title)"
        if let date = w.date { head += " · \(date)" }
        head += " · \(w.status.label)"
        frame.canvas.text(head, x: rect.x + 1, y: rect.y, role: .title, width: rect.width - 2)
        if all.count > 1 {
            let nav = "[ ] workshop \(index + 1) of \(all.count) "
            frame.canvas.text(nav, x: rect.maxX - TextWidth.of(nav), y: rect.y, role: .dim)
        }
        let wide = rect.width >= 100
        let focusActions = state.workshop.actionsFocused
        // Worked out once a frame: what carries over, and the actions A works through.
        let carried = Workshops.carryOver(for: w, plan: state.plan, today: state.today)
        let actionIndex = Dictionary(Reducer.actionList(state, w, carry: carried).enumerated().map { ($1.id, $0) },
                                     uniquingKeysWith: { a, _ in a })
        let leftWidth = wide ? min(50, rect.width * 2 / 5) : rect.width
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        var left: [Line] = agenda(state, w, now: now, width: leftWidth - 2)
        let rightWidth = wide ? rect.width - leftWidth - 6 : rect.width - 2
        var right: [Line] = current(state, w, now: now, width: rightWidth)
        right += captured(state, w, width: rightWidth, index: actionIndex)
        let carry = carryOver(state, carried, width: leftWidth - 2, index: actionIndex)
        if wide {
            left += carry
            draw(&frame, left, Rect(x: body.x, y: body.y, width: leftWidth, height: body.height),
                 selectedStep: focusActions ? nil : state.workshop.step, selectedAction: focusActions ? state.workshop.action : nil)
            let r = Rect(x: body.x + leftWidth, y: body.y, width: body.width - leftWidth, height: body.height)
            frame.canvas.box(r, role: .border)
            draw(&frame, right, r.inset(dx: 2, dy: 1), selectedStep: nil, selectedAction: focusActions ? state.workshop.action : nil)
        } else {
            draw(&frame, left + right + carry, body, selectedStep: focusActions ? nil : state.workshop.step,
                 selectedAction: focusActions ? state.workshop.action : nil)
        }
    }

    /// Lines with a leading "\u{1}N:" mark the agenda row of step N (drawn selected when it is).
    static func draw(_ frame: inout Frame, _ lines: [Line], _ rect: Rect, selectedStep: Int?, selectedAction: Int? = nil) {
        for (i, line) in lines.prefix(rect.height).enumerated() {
            var text = line.0
            var role = line.1
            if text.hasPrefix("\u{2}"), let colon = text.firstIndex(of: ":") {
                let action = Int(text[text.index(after: text.startIndex)..<colon]) ?? -1
                text = String(text[text.index(after: colon)...])
                if action == selectedAction {
                    frame.canvas.fill(Rect(x: rect.x, y: rect.y + i, width: rect.width, height: 1), role: .selected)
                    role = .selected
                }
            }
            if text.hasPrefix("\u{1}"), let colon = text.firstIndex(of: ":") {
                let step = Int(text[text.index(after: text.startIndex)..<colon]) ?? -1
                text = String(text[text.index(after: colon)...])
                if step == selectedStep {
                    frame.canvas.fill(Rect(x: rect.x, y: rect.y + i, width: rect.width, height: 1), role: .selected)
                    role = .selected
                }
                frame.hits.append(HitRegion(Rect(x: rect.x, y: rect.y + i, width: rect.width, height: 1), "step:\(step)"))
            }
            frame.canvas.text(text, x: rect.x + 1, y: rect.y + i, role: role, width: rect.width - 2)
        }
    }

    /// Each step's time used (m:ss, the running step's live seconds included) against its
    /// timebox, and the workshop's: the same seconds as presenter mode, the status line and the
    /// export (``Reducer/usedSeconds(_:_:now:)``).
    static func agenda(_ state: AppState, _ w: Workshop, now: Date, width: Int) -> [Line] {
        var lines: [Line] = [("Agenda", .header)]
        var planned = 0
        for (i, s) in w.steps.enumerated() {
            let clock = Reducer.stepClock(state, w, step: i, now: now)
            let elapsed = clock?.elapsed ?? s.spentSeconds
            planned += s.boxSeconds
            let running = clock?.running == true
            let marker = running ? "▶" : (w.status == .running && w.current == i) ? "‖" : s.done ? "✓" : "·"
            let time = "\(Workshops.clock(elapsed))/\(s.minutes + s.extraMinutes)m"
            let name = "\(marker) \(i + 1). \(s.title)"
            let room = max(1, width - TextWidth.of(time) - 1)
            let shown = TextWidth.truncate(name, to: room)
            let over = elapsed > s.boxSeconds && s.boxSeconds > 0
            lines.append(("\u{1}\(i):" + shown + String(repeating: " ", count: max(1, width - TextWidth.of(shown) - TextWidth.of(time))) + time,
                          running ? .accent : over ? .warning : s.done ? .dim : .normal))
        }
        let used = Reducer.usedSeconds(state, w, now: now)
        lines.append(("Used \(Workshops.clock(used)) of \(planned / 60) minutes", used > planned ? .warning : .dim))
        return lines
    }

    static func current(_ state: AppState, _ w: Workshop, now: Date, width: Int) -> [Line] {
        var lines: [Line] = []
        let session = state.workshop.session
        let running = session?.workshop == w.id
        let step = running ? w.current : min(state.workshop.step, max(0, w.steps.count - 1))
        guard step < w.steps.count else { return [("This workshop has no steps.", .dim)] }
        let s = w.steps[step]
        lines.append(("Step \(step + 1) of \(w.steps.count) · \(ViewID(rawValue: s.view)?.title ?? s.view) (v opens it)", .dim))
        lines.append((s.title.uppercased(), .title))
        for part in TextWidth.wrap(s.question.isEmpty ? "—" : s.question, width: width) { lines.append((part, .normal)) }
        lines.append(("", .normal))
        if let clock = Reducer.stepClock(state, w, step: step, now: now) {
            let role: StyleRole = clock.remaining < 0 ? .critical : clock.remaining <= 120 ? .warning : .good
            var status: String
            if running && session?.runningSince != nil {
                status = clock.remaining >= 0 ? "⏱ \(clock.text) left" : "⏱ over by \(clock.text.dropFirst()) — + adds 5 minutes, n moves on"
            } else if running {
                status = "‖ paused at \(clock.text) \(clock.remaining >= 0 ? "left" : "over") — Space resumes"
            } else {
                status = w.status == .done ? "Workshop finished" : "Not running — Enter starts this step"
            }
            lines.append((status, running ? role : .dim))
            let box = max(1, clock.box)
            let filled = min(width, clock.elapsed * width / box)
            lines.append((String(repeating: "█", count: filled) + String(repeating: "░", count: max(0, width - filled)), running ? role : .dim))
        }
        if step + 1 < w.steps.count { lines.append(("Next: \(w.steps[step + 1].title)", .dim)) }
        lines.append(("", .normal))
        return lines
    }

    /// The marker that lets `draw` highlight an action of the list `A` works through.
    static func mark(_ id: ActionID, _ index: [ActionID: Int]) -> String { index[id].map { "\u{2}\($0):" } ?? "" }

    static func captured(_ state: AppState, _ w: Workshop, width: Int, index: [ActionID: Int]) -> [Line] {
        var lines: [Line] = []
        let decisions = state.plan.decisions.filter { $0.workshop == w.id }
        let actions = state.plan.actions.filter { $0.workshop == w.id }
        let notes = state.plan.resistance.filter { $0.workshop == w.id }
        lines.append(("Captured here: \(Words.count(decisions.count, "decision")) (d) · \(Words.count(actions.count, "action")) (a) · "
            + "\(w.parkingLot.count) parked (p)", .header))
        if !notes.isEmpty { lines.append(("Resistance heard here: \(Words.count(notes.count, "note")) (! captures one)", .dim)) }
        for d in decisions.suffix(3) {
            for part in TextWidth.wrap("◆ \(d.kind == .decision ? "" : "suggestion: ")\(d.text) — \(d.decidedBy)", width: width) { lines.append((part, .normal)) }
        }
        for a in actions.suffix(state.workshop.actionsFocused ? 8 : 3) {
            let due = a.due.map { " · due \($0)" } ?? ""
            for (k, part) in TextWidth.wrap("\(a.done ? "✓" : "→") \(a.text) — \(a.owner)\(due)", width: width).enumerated() {
                lines.append(((k == 0 ? mark(a.id, index) : "") + part, a.done ? .dim : .normal))
            }
        }
        for p in w.parkingLot.suffix(3) {
            for part in TextWidth.wrap("P \(p.text)", width: width) { lines.append((part, p.closed ? .dim : .normal)) }
        }
        return lines
    }

    /// Unfinished steps (and open parked items) listed from last time before "and N more".
    static let maxListed = 4

    static func carryOver(_ state: AppState, _ carry: Workshops.CarryOver, width: Int, index: [ActionID: Int]) -> [Line] {
        guard !carry.isEmpty else { return [] }
        var lines: [Line] = [("", .normal), ("From last time" + (carry.previous.map { " (\($0.title))" } ?? ""), .header)]
        for a in carry.openActions.prefix(state.workshop.actionsFocused ? 12 : 6) {
            let late = carry.isOverdue(a)
            let text = "→ \(a.text) — \(a.owner)" + (a.due.map { late ? " · ! due \($0)" : " · due \($0)" } ?? "")
            for (k, part) in TextWidth.wrap(text, width: width).enumerated() {
                lines.append(((k == 0 ? mark(a.id, index) : "") + part, late ? .warning : .normal))
            }
        }
        let shown = state.workshop.actionsFocused ? 12 : 6
        if carry.openActions.count > shown { lines.append(("  and \(carry.openActions.count - shown) more open actions", .dim)) }
        // Every unfinished step and open parked item is counted: what is not listed is "and N more".
        let steps = carry.unfinished.count > maxListed ? maxListed - 1 : maxListed
        for u in carry.unfinished.prefix(steps) {
            for part in TextWidth.wrap("· not finished: \(u.step.title)", width: width) { lines.append((part, .accent)) }
        }
        if carry.unfinished.count > steps {
            lines.append(("  and \(carry.unfinished.count - steps) more not finished", .dim))
        }
        let parked = carry.openParking.count > maxListed ? maxListed - 1 : maxListed
        for p in carry.openParking.prefix(parked) {
            for part in TextWidth.wrap("P \(p.text)", width: width) { lines.append((part, .normal)) }
        }
        if carry.openParking.count > parked {
            lines.append(("  and \(carry.openParking.count - parked) more parked", .dim))
        }
        return lines
    }
}
