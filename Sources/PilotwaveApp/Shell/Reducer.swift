import Foundation
import PilotwaveCore
import TerminalUI

/// The only place the state changes: pure, given the environment; all I/O comes back as effects.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: Action, _ env: Environment) -> [Effect] {
        var effects: [Effect] = []
        let viewBefore = state.view
        let toastBefore = state.toast
        state.clock = env.now()
        if state.lastTick == .distantPast { state.lastTick = state.clock }
        switch action {
        case .event(.resize(let size)):
            state.size = size
        case .event(.key(let key)):
            effects = handleKey(&state, key, env)
        case .event(.paste(let text)):
            paste(&state, text)
        case .event(.mouse):
            break  // the runtime turns mouse events into clicks and scrolls using the frame's regions
        case .click(let target):
            effects = click(&state, target, env)
        case .scroll(let lines):
            scroll(&state, lines)
        case .command(let id):
            effects = run(&state, id, env)
        case .tick(let now):
            if let toast = state.toast, toast.expires <= now { state.toast = nil }
            effects = autosave(&state, now: now, env) + tickWorkshop(&state, now: now, previous: state.lastTick)
            state.lastTick = now
        case .saveFinished(let revision, let outcome):
            effects = saveFinished(&state, revision: revision, outcome, env)
            if case .saved = outcome { effects += savedInbox(&state, revision: revision) }
        case .inbox(let delivery):
            effects = receiveInbox(&state, delivery, env)
        case .fileChangedOnDisk:
            if state.overlay == nil || state.overlay == .confirmQuit { state.overlay = .externalChange }
        case .reloaded(let plan):
            reloadedInbox(&state)
            state.replacePlan(plan)
            state.savedRevision = state.revision
            state.saveStatus = .saved(at: env.now())
            state.history = UndoHistory()
            state.savedPosition = 0
            state.overlay = state.plan.conflicts.isEmpty ? nil : .conflicts(ConflictsOverlay())
            toast(&state, "Reloaded \(state.file ?? "the plan") from disk", env)
        case .savedAs(let path, let revision, let at, let readOnly):
            state.file = path
            state.readOnlyReason = readOnly
            state.savedRevision = revision
            state.savedPosition = revision == state.revision ? state.history.position : nil
            state.saveStatus = state.isDirty ? .unsaved : .saved(at: at)
            toast(&state, "Saved as \(path); edits now go to this file", env)
        case .saveAsFailed(let message):
            toast(&state, "Not saved: \(message)", env, kind: .error)
        case .exported(.success(let files)):
            toast(&state, "Exported " + (files.count == 1 ? files[0] : "\(files.count) files: " + Words.short(files, limit: 3)), env)
        case .exported(.failure(let failure)):
            toast(&state, "Not exported: \(failure.message)", env, kind: .error)
        case .notSuspended:
            toast(&state, "Ctrl-Z: cannot suspend here (no job control)", env, kind: .error)
        case .reloadFailed(let message):
            state.overlay = nil
            state.autosave = false
            toast(&state, "Could not reload: \(message). Autosave is off; your version is kept in memory.", env, kind: .error)
        }
        switch action {
        case .event(.key), .event(.paste): echoTeamNames(&state)
        default: break
        }
        // A message belongs to the view it was shown on: switching views drops it, unless the
        // action that switched said something new.
        if state.view != viewBefore && state.toast == toastBefore { state.toast = nil }
        refresh(&state, env)
        if !state.pending.isEmpty {
            effects += state.pending
            state.pending = []
        }
        return effects
    }

    /// Brings derived data and scroll positions up to date after any action.
    static func refresh(_ state: inout AppState, _ env: Environment) {
        let now = env.now()
        if abs(now.timeIntervalSince(state.todayAt)) >= 60 {
            state.today = Day(now)
            state.todayAt = now
        }
        state.derived.refresh(plan: state.plan, revision: state.revision, teams: &state.teams,
                              needFindings: state.view == .overview, today: state.today,
                              needTeams: state.view == .teams || state.view == .overview)
        // Only the shown view's caches are brought up to date; the others', if built for an
        // older plan, are dropped so that nothing reads their indices against this one.
        state.derived.forgetStale(revision: state.revision, showing: state.view)
        if state.view == .teams || state.view == .pilots { state.derived.membership.refresh(state.plan) }
        switch state.view {
        case .pilots:
            refreshPilots(&state)
            return
        case .readiness:
            refreshReadiness(&state, env)
            return
        case .resistance:
            refreshResistance(&state, env)
            return
        case .waves:
            refreshWaves(&state, env)
            return
        case .blockers:
            refreshBlockers(&state, env)
            return
        case .workshop:
            refreshWorkshop(&state)
            return
        case .overview, .teams: break
        }
        if state.view == .teams && state.teams.showDetail && state.derived.activityRevision != state.revision {
            state.derived.activity = TeamActivity.all(state.plan, today: state.today)
            state.derived.activityRevision = state.revision
        }
        let layout = Layout.teams(state.size, showDetail: state.teams.showDetail)
        let visible = layout.visibleRows
        var t = state.teams
        if t.selected < t.top { t.top = t.selected }
        if t.selected >= t.top + visible { t.top = t.selected - visible + 1 }
        t.top = max(0, min(t.top, max(0, state.derived.rows.count - visible)))
        if let index = state.derived.teamIndex(row: t.selected) { t.selectedID = state.plan.teams[index].id }
        if !t.marked.isEmpty { t.marked = t.marked.filter { state.derived.indexByID[$0] != nil } }
        state.teams = t
    }

    // MARK: Keys

    static func handleKey(_ state: inout AppState, _ key: Key, _ env: Environment) -> [Effect] {
        if Layout.isTooSmall(state.size) {
            if key == .char("q") || key == .ctrl("c") { return run(&state, "app.quit", env) }
            return []
        }
        switch state.overlay {
        case .help(let scroll):
            switch key {
            case .escape, .char("q"), .char("?"), .function(1), .enter: state.overlay = nil
            case .char("j"), .down: state.overlay = .help(scroll: scroll + 1)
            case .char("k"), .up: state.overlay = .help(scroll: max(0, scroll - 1))
            case .pageDown, .char(" "): state.overlay = .help(scroll: scroll + 10)
            case .pageUp: state.overlay = .help(scroll: max(0, scroll - 10))
            case .ctrl("c"): state.overlay = nil
            default: break
            }
            return []
        case .palette(var palette):
            let items = PaletteState.items(palette.query.text, state: state, keymap: env.keymap)
            switch key {
            case .escape, .ctrl("c"):
                state.overlay = nil
            case .down, .ctrl("n"):
                palette.selected = items.isEmpty ? 0 : (palette.selected + 1) % items.count
                state.overlay = .palette(palette)
            case .up, .ctrl("p"):
                palette.selected = items.isEmpty ? 0 : (palette.selected + items.count - 1) % items.count
                state.overlay = .palette(palette)
            case .enter:
                state.overlay = nil
                if let typed = PaletteState.typed(palette.query.text) { return runTyped(&state, typed.id, typed.arguments, env) }
                guard palette.selected < items.count else { return [] }
                return run(&state, items[palette.selected].id, env)
            default:
                if palette.query.handle(key) == .edited { palette.selected = 0 }
                state.overlay = .palette(palette)
            }
            return []
        case .form(var form):
            switch form.handle(key, keymap: env.keymap) {
            case .cancel:
                state.overlay = nil
                toast(&state, "Cancelled; nothing changed", env, kind: .info)
            case .commit:
                state.overlay = .form(form)
                return commitForm(&state, env)
            case .stay:
                state.overlay = .form(form)
            }
            return []
        case .confirmQuit:
            switch key {
            case .char("y"), .char("Y"):
                state.quitting = true
                return [.quit]
            case .char("s"), .char("S"):
                guard state.file != nil, state.readOnlyReason == nil else { return [] }
                state.overlay = nil
                return [.save(state.plan, revision: state.revision, overwrite: false, thenQuit: true)]
            case .escape, .char("n"), .char("N"), .ctrl("c"):
                state.overlay = nil
            default: break
            }
            return []
        case .saveAs(var input):
            switch key {
            case .escape, .ctrl("c"):
                state.overlay = nil
            case .enter:
                let path = input.text.trimmingWhitespace()
                guard !path.isEmpty else { return [] }
                state.overlay = nil
                return [.saveAs(state.plan, path: path, revision: state.revision)]
            default:
                input.handle(key)
                state.overlay = .saveAs(input)
            }
            return []
        case .editForm, .ballot, .rate, .compare:
            return handlePilotsOverlay(&state, key, env) ?? []
        case .wavePicker(let picker):
            handleWavePicker(&state, picker, key, env)
            return []
        case .room(let room):
            handleRoom(&state, room, key, env)
            return []
        case .conflicts(let conflicts):
            handleConflicts(&state, conflicts, key, env)
            return []
        case .history(let history):
            handleHistory(&state, history, key, env)
            return []
        case .confirm(let confirmation):
            handleConfirm(&state, confirmation, key, env)
            return []
        case .externalChange:
            switch key {
            case .char("r"), .char("R"):
                return [.reload]
            case .char("k"), .char("K"):
                state.overlay = nil
                return [.save(state.plan, revision: state.revision, overwrite: true, thenQuit: false)]
            case .escape:
                state.overlay = nil
                state.autosave = false
                toast(&state, "Autosave is off until you choose; the file on disk is not overwritten", env, kind: .info)
            default: break
            }
            return []
        case nil:
            break
        }
        if state.view == .teams, var input = state.teams.filterInput {
            switch filterKey(key, &input, applied: &state.teams.filter) {
            case .closed: state.teams.filterInput = nil
            case .move(let by): moveSelection(&state, by: by)
            case .edited:
                state.teams.filterInput = input
                state.teams.selected = 0
                state.teams.top = 0
            }
            return []
        }
        if state.view == .resistance, var input = state.resistance.filterInput {
            switch filterKey(key, &input, applied: &state.resistance.filter) {
            case .closed: state.resistance.filterInput = nil
            case .move(let by): state.resistance.selected = max(0, state.resistance.selected + by)
            case .edited:
                state.resistance.filterInput = input
                state.resistance.selected = 0
                state.resistance.top = 0
            }
            return []
        }
        if state.view == .blockers, state.blockers.filterInput != nil {
            blockersFilterKey(&state, key)
            return []
        }
        if state.view == .waves, state.waves.mode == .board, state.waves.searchInput != nil {
            boardSearchKey(&state, key, env)
            return []
        }
        guard let id = env.keymap.command(for: key, in: state.keyContext) else { return [] }
        return run(&state, id, env)
    }

    enum FilterKey {
        /// Enter kept the text as the filter, or Esc cleared it: the filter line closes.
        case closed
        /// ↑/↓ move through the matches while typing.
        case move(Int)
        case edited
    }

    /// A key on a filter line being typed: Enter keeps it, Esc clears it, ↑/↓ move, the rest edits.
    static func filterKey(_ key: Key, _ input: inout TextInput, applied: inout String) -> FilterKey {
        switch key {
        case .enter:
            applied = input.text
            return .closed
        case .escape, .ctrl("c"):
            applied = ""
            return .closed
        case .down: return .move(1)
        case .up: return .move(-1)
        default:
            input.handle(key)
            return .edited
        }
    }

    static func paste(_ state: inout AppState, _ text: String) {
        switch state.overlay {
        case .form(var form):
            form.paste(text)
            state.overlay = .form(form)
        case .palette(var palette):
            palette.query.insert(text)
            state.overlay = .palette(palette)
        case .saveAs(var input):
            input.insert(text)
            state.overlay = .saveAs(input)
        case .editForm(var form):
            form.paste(text)
            state.overlay = .editForm(form)
        case .ballot(var draft) where draft.editingVoter:
            draft.voter.insert(text)
            state.overlay = .ballot(draft)
        default:
            if state.view == .teams, var input = state.teams.filterInput {
                input.insert(text)
                state.teams.filterInput = input
            } else if state.view == .resistance, var input = state.resistance.filterInput {
                input.insert(text)
                state.resistance.filterInput = input
            } else if state.view == .blockers, var input = state.blockers.filterInput {
                input.insert(text)
                state.blockers.filterInput = input
            } else if state.view == .waves, var input = state.waves.searchInput {
                input.insert(text)
                state.waves.searchInput = input
            }
        }
    }

    static func click(_ state: inout AppState, _ target: String, _ env: Environment) -> [Effect] {
        if target.hasPrefix("tab:"), let view = ViewID(rawValue: String(target.dropFirst(4))) {
            guard state.overlay == nil else { return [] }
            state.view = view
        } else if target.hasPrefix("rank:"), let row = Int(target.dropFirst(5)), state.overlay == nil {
            if row == state.pilots.selected { return run(&state, "pilots.edit", env) }
            state.pilots.selected = max(0, min(row, state.derived.pilots.rowCount - 1))
        } else if target.hasPrefix("cell:"), state.overlay == nil {
            let parts = target.split(separator: ":").compactMap { Int($0) }
            if parts.count == 2 {
                if parts[0] == state.readiness.row && parts[1] == state.readiness.column { return run(&state, "readiness.history", env) }
                state.readiness.row = parts[0]
                state.readiness.column = parts[1]
            }
        } else if target.hasPrefix("card:"), state.overlay == nil {
            let parts = target.split(separator: ":").compactMap { Int($0) }
            if parts.count == 2 {
                if parts[0] == state.waves.column && parts[1] == state.waves.row { return run(&state, "waves.edit", env) }
                state.waves.column = parts[0]
                state.waves.rows[parts[0]] = parts[1]
            }
        } else if target.hasPrefix("step:"), let row = Int(target.dropFirst(5)), state.overlay == nil {
            if row == state.workshop.step { return run(&state, "workshop.enter", env) }
            state.workshop.step = row
        } else if target.hasPrefix("timeline:"), let row = Int(target.dropFirst(9)), state.overlay == nil {
            if row == state.waves.timelineRow { return run(&state, "timeline.editWave", env) }
            state.waves.timelineRow = row
        } else if target.hasPrefix("scenario:"), let row = Int(target.dropFirst(9)), state.overlay == nil {
            if row == state.waves.scenarioRow { return run(&state, "scenarios.open", env) }
            state.waves.scenarioRow = row
        } else if target.hasPrefix("note:"), let row = Int(target.dropFirst(5)), state.overlay == nil {
            if row == state.resistance.selected { return run(&state, "resistance.edit", env) }
            state.resistance.selected = row
        } else if target.hasPrefix("blocker:"), let row = Int(target.dropFirst(8)) {
            return clickBlocker(&state, row: row, env)
        } else if target.hasPrefix("criterion:"), let c = Int(target.dropFirst(10)), state.overlay == nil {
            state.pilots.criterion = c
        } else if target.hasPrefix("row:"), let row = Int(target.dropFirst(4)), state.overlay == nil {
            if row == state.teams.selected && state.view == .teams { return run(&state, "teams.edit", env) }
            state.teams.selected = max(0, min(row, state.derived.rows.count - 1))
        } else if target.hasPrefix("field:"), let index = Int(target.dropFirst(6)), case .form(var form) = state.overlay {
            form.focus = max(0, min(index, form.fields.count - 1))
            state.overlay = .form(form)
        } else if target.hasPrefix("cmd:") {
            return run(&state, CommandID(rawValue: String(target.dropFirst(4))), env)
        }
        return []
    }

    static func scroll(_ state: inout AppState, _ lines: Int) {
        switch state.overlay {
        case .help(let s): state.overlay = .help(scroll: max(0, s + lines))
        case nil:
            switch state.view {
            case .teams: moveSelection(&state, by: lines)
            case .pilots:
                state.pilots.selected = max(0, min(state.derived.pilots.rowCount - 1, state.pilots.selected + lines))
            case .overview: state.overviewFinding = max(0, min(state.derived.findings.count - 1, state.overviewFinding + lines))
            case .readiness: state.readiness.row = max(0, state.readiness.row + lines)
            case .resistance: state.resistance.selected = max(0, state.resistance.selected + lines)
            case .waves: state.waves.rows[state.waves.column] = max(0, state.waves.row + lines)
            case .blockers: state.blockers.selected = max(0, state.blockers.selected + lines)
            case .workshop: state.workshop.step = max(0, state.workshop.step + lines)
            }
        default: break
        }
    }

    static func moveSelection(_ state: inout AppState, by delta: Int) {
        let count = state.derived.rows.count
        guard count > 0 else { return }
        state.teams.selected = max(0, min(count - 1, state.teams.selected + delta))
    }

    /// Shows a message; `kind` says whether it reports a change (done), a no-op or hint (info),
    /// a change with a caveat (warning) or a failure (error). Warnings and errors stay longer.
    static func toast(_ state: inout AppState, _ text: String, _ env: Environment, kind: ToastKind = .done) {
        let seconds: Double = kind == .error || kind == .warning ? 6 : 3
        state.toast = Toast(text: text, kind: kind, expires: env.now().addingTimeInterval(seconds))
    }
}
