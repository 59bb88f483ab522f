import Foundation
import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// Draws the whole screen for a state: pure, so every view can be tested without a terminal.
public enum Render {
    /// Settings that are not part of the state.
    public struct Options: Sendable {
        public var keymap: Keymap
        /// The terminal can show `…`, `●`, box drawing (a UTF-8 locale).
        public var unicode: Bool
        /// How times in the status line are written (tests pass a fixed zone).
        public var timeZone: TimeZone

        public init(keymap: Keymap = .standard, unicode: Bool = true, timeZone: TimeZone = .current) {
            self.keymap = keymap
            self.unicode = unicode
            self.timeZone = timeZone
        }
    }

    public static func frame(_ state: AppState, _ options: Options = Options()) -> Frame {
        var frame = Frame(size: state.size)
        frame.canvas.ellipsis = options.unicode ? "…" : "~"
        if Layout.isTooSmall(state.size) {
            tooSmall(&frame, state.size)
            return frame
        }
        let presenting = state.view == .workshop && state.workshop.presenter
        if !presenting { tabBar(&frame, state) }
        // A form covers the whole view: nothing underneath is drawn (or paid for).
        switch state.overlay {
        case .form, .compare: break
        case _ where presenting: PresenterView.draw(&frame, state)
        default:
            switch state.view {
            case .overview: OverviewView.draw(&frame, state, options)
            case .teams: TeamsView.draw(&frame, state, options)
            case .pilots: PilotsView.draw(&frame, state, options)
            case .readiness: ReadinessView.draw(&frame, state, options)
            case .resistance: ResistanceView.draw(&frame, state, options)
            case .waves: WavesView.draw(&frame, state, options)
            case .blockers: BlockersView.draw(&frame, state, options)
            case .workshop: WorkshopView.draw(&frame, state, options)
            }
        }
        statusLine(&frame, state, options)
        if !presenting { HintBar.draw(&frame, state, options) }
        switch state.overlay {
        case .help(let scroll): HelpView.draw(&frame, state, scroll: scroll, options)
        case .palette(let palette): PaletteView.draw(&frame, state, palette, options)
        case .form(let form): FormView.draw(&frame, form, options, today: state.today)
        case .confirmQuit: Dialogs.confirmQuit(&frame, state)
        case .externalChange: Dialogs.externalChange(&frame, state)
        case .saveAs(let input): Dialogs.saveAs(&frame, state, input)
        case .editForm(let form): FormView.draw(&frame, form, options, notes: PilotsOverlays.notes(state, form), compact: true, today: state.today)
        case .ballot(let draft): PilotsOverlays.ballot(&frame, state, draft)
        case .rate(let picker): PilotsOverlays.rate(&frame, state, picker)
        case .compare(let ids): PilotsOverlays.compare(&frame, state, ids)
        case .history(let h): ReadinessView.history(&frame, state, h)
        case .confirm(let c): BlockersView.confirm(&frame, state, c)
        case .wavePicker(let picker): WavePickerView.draw(&frame, state, picker, options)
        case .room(let room): RoomView.draw(&frame, state, room, options)
        case .conflicts(let conflicts): ConflictsView.draw(&frame, state, conflicts, options)
        case nil: break
        }
        return frame
    }

    static func tooSmall(_ frame: inout Frame, _ size: Size) {
        let need = Layout.minimum
        let lines = [
            "terminal too small",
            "need \(need.width)×\(need.height), have \(size.width)×\(size.height)",
            "enlarge the window, or press q to quit",
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (size.width - TextWidth.of(line)) / 2)
            frame.canvas.text(line, x: x, y: top + i, role: i == 0 ? .warning : .normal)
        }
    }

    static func tabBar(_ frame: inout Frame, _ state: AppState) {
        let bar = Layout.tabBar(state.size)
        frame.canvas.fill(bar, role: .tab)
        // Every tab stays reachable on a narrow screen: the title goes first, then the gaps between
        // the tabs (each label keeps a space either side), then the tabs shorten.
        let count = ViewID.allCases.count
        let full = ViewID.allCases.reduce(0) { $0 + TextWidth.of($1.title) + 5 }
        let withTitle = full + 12 <= bar.width
        let gap = full <= bar.width ? 1 : 0
        let short = full - count > bar.width
        // Shortened, the tab in use keeps its whole name and the others share what is left.
        let activeWidth = TextWidth.of(state.view.title) + 5
        let titleLength = max(3, (bar.width - activeWidth) / max(1, count - 1) - 5)
        var x = withTitle ? frame.canvas.text(" pilotwave ", x: 0, y: 0, role: .title) + 1 : 0
        for view in ViewID.allCases {
            let title = short && view != state.view ? String(view.title.prefix(titleLength)) : view.title
            let label = " \(view.number) \(title) "
            let role: StyleRole = view == state.view ? .tabActive : .tab
            let w = frame.canvas.text(label, x: x, y: 0, role: role)
            frame.hits.append(HitRegion(Rect(x: x, y: 0, width: w, height: 1), "tab:\(view.rawValue)"))
            x += w + (short ? 1 : gap)
        }
        let name = state.plan.name
        let room = bar.width - x - 1
        if room > 8 {
            let w = min(TextWidth.of(name), room)
            frame.canvas.text(name, x: bar.width - w - 1, y: 0, role: .dim, width: w)
        }
    }

    static func statusLine(_ frame: inout Frame, _ state: AppState, _ options: Options) {
        let rect = Layout.status(state.size)
        frame.canvas.fill(rect, role: .statusBar)
        let name = " " + (state.file.map { ($0 as NSString).lastPathComponent } ?? "demo plan")
        var left = name, short = name
        var role = StyleRole.statusBar
        if state.readOnlyReason != nil {
            left += " · READ-ONLY (open for writing in another pilotwave)"
            short += " · READ-ONLY"
            role = .statusAlert
        } else {
            left += " · " + saveText(state, options)
            if case .failed = state.saveStatus {
                role = .statusAlert
                short += " · ✗ NOT SAVED"
            }
        }
        let timer = timerText(state)
        let right: String
        var rightRole = StyleRole.statusBar
        if let toast = state.toast {
            right = toast.kind.mark + " " + toast.text + " "
            switch toast.kind {
            case .done: rightRole = .toast
            case .info: rightRole = .statusBar
            case .warning: rightRole = .warning
            case .error: rightRole = .toastError
            }
            // A message is what the user just caused: it gets the room, the save state steps back to
            // its essentials (the file, read-only or not saved) rather than the message being cut.
            let timerWidth = timer.map { 2 + TextWidth.of($0.0) } ?? 0
            if TextWidth.of(left) + timerWidth + 2 + TextWidth.of(right) > rect.width { left = short }
        } else if let conflicts = ConflictsView.summary(state, options) {
            right = conflicts
            rightRole = .warning
        } else {
            let pilots = state.derived.pilotsChosen
            right = RoomView.summary(state) ?? "\(state.plan.teams.count) teams · \(pilots) pilot\(pilots == 1 ? "" : "s") "
        }
        var used = frame.canvas.text(left, x: 0, y: rect.y, role: role)
        if let timer {
            used += frame.canvas.text("  " + timer.0, x: used, y: rect.y, role: timer.1)
        }
        let room = rect.width - used - 2
        guard room > 4 else { return }
        let w = min(TextWidth.of(right), room)
        frame.canvas.text(right, x: rect.width - w, y: rect.y, role: rightRole, width: w)
    }

    /// The running workshop step on the status line, in every view: "⏱ 2/8 Dot voting 04:12".
    static func timerText(_ state: AppState) -> (String, StyleRole)? {
        guard let session = state.workshop.session,
            let w = state.plan.workshops.first(where: { $0.id == session.workshop }), w.current < w.steps.count,
            let clock = Reducer.stepClock(state, w, step: w.current, now: state.clock) else { return nil }
        let paused = session.runningSince == nil
        let text = (paused ? "‖ " : "⏱ ") + "\(w.current + 1)/\(w.steps.count) \(TextWidth.truncate(w.steps[w.current].title, to: 24)) \(clock.text)"
        return (text, clock.remaining < 0 ? .statusAlert : .statusBar)
    }

    static func saveText(_ state: AppState, _ options: Options) -> String {
        let dot = options.unicode ? "●" : "*"
        var text: String
        switch state.saveStatus {
        case .inMemory: text = state.isDirty ? "\(dot) edits in memory only (: save as keeps them)" : "in memory (: save as keeps it)"
        case .unsaved: text = "\(dot) unsaved"
        case .saved(let at?):
            let f = DateFormatter()
            f.dateFormat = "HH:mm"
            f.timeZone = options.timeZone
            text = "saved \(f.string(from: at))"
        case .saved(nil): text = "saved"
        case .failed(let message): text = "✗ NOT SAVED: \(message)"
        }
        if state.file != nil && !state.autosave { text += " · autosave off" }
        return text
    }
}
