import Foundation
import PilotwaveCore
import TerminalUI

extension Reducer {
    /// Runs a command if it is available now; a disabled one explains itself in a toast.
    static func run(_ state: inout AppState, _ id: CommandID, _ env: Environment) -> [Effect] {
        guard let command = CommandRegistry.command(id) else { return [] }
        switch command.availability(state) {
        case .enabled: break
        case .disabled(let reason):
            toast(&state, "\(command.title): \(reason)", env, kind: .error)
            return []
        case .hidden:
            return []
        }
        let page = Layout.teams(state.size, showDetail: state.teams.showDetail).visibleRows
        switch id {
        case "app.quit": return quit(&state, env)
        case "app.help": state.overlay = .help(scroll: 0)
        case "app.palette": state.overlay = .palette(PaletteState())
        case "app.undo", "app.redo":
            var plan = state.plan
            let undo = id == "app.undo"
            if let step = undo ? state.history.undo(&plan) : state.history.redo(&plan) {
                state.replacePlan(plan)
                edited(&state, env)
                // Says where the change was made (the view stays: undo may be pressed from anywhere).
                let place = step.view.map { " (\($0.title), \($0.number))" } ?? ""
                toast(&state, (undo ? "Undid: " : "Redid: ") + step.title + place, env)
            }
        case "app.redraw": return [.redraw]
        case "app.suspend": return [.suspend]
        case "file.save":
            return [.save(state.plan, revision: state.revision, overwrite: false, thenQuit: false)]
        case "file.saveAs":
            state.overlay = .saveAs(TextInput(state.file.map { Self.copyName($0) } ?? "plan.json", limit: 400))
        case "file.toggleAutosave":
            state.autosave.toggle()
            toast(&state, state.autosave ? "Autosave on" : "Autosave off: save with Ctrl-S; quitting asks about unsaved edits", env)
            if state.autosave { return autosave(&state, now: env.now().addingTimeInterval(3600), env) }
        case "file.export": openExport(&state)
        case "view.next", "view.previous":
            let all = ViewID.allCases
            let i = all.firstIndex(of: state.view)!
            state.view = all[(i + (id == "view.next" ? 1 : all.count - 1)) % all.count]
        case "view.overview": state.view = .overview
        case "view.teams": state.view = .teams
        case "view.pilots": state.view = .pilots
        case "view.readiness": state.view = .readiness
        case "view.resistance": state.view = .resistance
        case "view.waves": state.view = .waves
        case "view.blockers": state.view = .blockers
        case "view.workshop": state.view = .workshop

        case "overview.down", "overview.up", "overview.pageDown", "overview.pageUp", "overview.first", "overview.last", "overview.jump":
            runOverview(&state, id, env)

        case "teams.down": moveSelection(&state, by: 1)
        case "teams.up": moveSelection(&state, by: -1)
        case "teams.pageDown":
            moveSelection(&state, by: page)
            state.teams.top += page
        case "teams.pageUp":
            moveSelection(&state, by: -page)
            state.teams.top = max(0, state.teams.top - page)
        case "teams.first": state.teams.selected = 0
        case "teams.last": state.teams.selected = max(0, state.derived.rows.count - 1)
        case "teams.nextMatch", "teams.previousMatch":
            let n = state.derived.rows.count
            guard n > 0 else { break }
            state.teams.selected = (state.teams.selected + (id == "teams.nextMatch" ? 1 : n - 1)) % n
        case "teams.filter":
            state.teams.filterInput = TextInput(state.teams.filter, limit: 80)
        case "teams.clearFilter":
            state.teams.filter = ""
        case "teams.sort":
            let all = TeamSort.allCases
            state.teams.sort = all[(all.firstIndex(of: state.teams.sort)! + 1) % all.count]
            state.teams.descending = state.teams.sort.naturalDescending
            toast(&state, "Sorted by \(state.teams.sort.title)", env, kind: .info)
        case "teams.reverse":
            state.teams.descending.toggle()
        case "teams.toggleDetail":
            state.teams.showDetail.toggle()
        case "teams.add":
            let template = Team(id: TeamID("new"), name: "")
            state.overlay = .form(TeamForm(mode: .add, team: template, plan: state.plan, indexByID: state.derived.indexByID))
        case "teams.edit", "teams.duplicate":
            guard let index = state.derived.teamIndex(row: state.teams.selected) else { break }
            let team = state.plan.teams[index]
            if id == "teams.edit" {
                state.overlay = .form(TeamForm(mode: .edit(team.id), team: team, plan: state.plan, indexByID: state.derived.indexByID))
            } else {
                var copy = team
                copy.name = uniqueCopyName(team.name, in: state.plan)
                copy.status = team.status == .outOfScope ? .outOfScope : .candidate
                state.overlay = .form(TeamForm(mode: .duplicate(of: team.id), team: copy, plan: state.plan, indexByID: state.derived.indexByID))
            }
        case _ where wavePickCommands.contains(id):
            return runWavePick(&state, id, env)
        case "room.show":
            state.overlay = .room(RoomOverlay())
        case "conflicts.show":
            state.overlay = .conflicts(ConflictsOverlay())
        case "readiness.openRound":
            openRoundForm(&state, kind: .readiness, env)
        case "resistance.openRound":
            openRoundForm(&state, kind: .concerns, env)
        case "workshop.openRound":
            openRoundForm(&state, kind: nil, env)
        case _ where id.rawValue.hasPrefix("pilots."):
            return runPilots(&state, id, env)
        case _ where id.rawValue.hasPrefix("readiness."):
            return runReadiness(&state, id, env)
        case _ where id.rawValue.hasPrefix("resistance."):
            return runResistance(&state, id, env)
        case _ where id.rawValue.hasPrefix("waves."):
            return runWaves(&state, id, env)
        case _ where id.rawValue.hasPrefix("workshop."):
            return runWorkshop(&state, id, env)
        case _ where id.rawValue.hasPrefix("blockers."):
            return runBlockers(&state, id, env)
        case _ where id.rawValue.hasPrefix("timeline.") || id.rawValue.hasPrefix("scenarios.") || id.rawValue.hasPrefix("compare."):
            return runWavesMode(&state, id, env)
        case "teams.delete":
            guard let index = state.derived.teamIndex(row: state.teams.selected) else { break }
            let team = state.plan.teams[index]
            apply(&state, .removeTeam(team.id), env)
            toast(&state, "Deleted \(team.name) — u to undo", env)
        default:
            break
        }
        return []
    }

    /// `plan.json` → `plan-copy.json`: a starting point for Save as…
    static func copyName(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path + "-copy" }
        return String(path[..<dot]) + "-copy" + String(path[dot...])
    }

    static func uniqueCopyName(_ name: String, in plan: Plan) -> String {
        let taken = Set(plan.teams.map { $0.name.lowercased() })
        var candidate = "\(name) (copy)"
        var n = 2
        while taken.contains(candidate.lowercased()) {
            candidate = "\(name) (copy \(n))"
            n += 1
        }
        return candidate
    }

    /// Applies a named edit, records it for undo and marks the plan unsaved. A refused edit leaves
    /// the plan as it was and says why.
    @discardableResult
    static func apply(_ state: inout AppState, _ edit: PlanEdit, _ env: Environment) -> Bool {
        if let blocker = state.editBlocker {
            toast(&state, blocker, env, kind: .error)
            return false
        }
        // A capture made while a workshop runs, in whichever view, belongs to that workshop.
        let edit = runningWorkshop(state).map { Workshops.linking(edit, to: $0.id) } ?? edit
        let title = edit.title(in: state.plan)
        let old = state.plan
        var new = old
        do {
            try edit.apply(to: &new)
        } catch {
            toast(&state, "\(title): \(error.message)", env, kind: .error)
            return false
        }
        state.history.record(title, from: old, to: new, view: state.view)
        state.replacePlan(new)
        edited(&state, env)
        return true
    }

    /// After any change to the plan: unsaved until autosave or a save writes it — unless undo or
    /// redo brought it back to the version on disk.
    static func edited(_ state: inout AppState, _ env: Environment) {
        state.lastEditAt = env.now()
        if let saved = state.savedPosition, saved == state.history.position { state.savedRevision = state.revision }
        if state.file != nil { state.saveStatus = state.isDirty ? .unsaved : state.saveStatus }
        if !state.isDirty, state.file != nil { state.saveStatus = .saved(at: nil) }
    }

    static func commitForm(_ state: inout AppState, _ env: Environment) -> [Effect] {
        guard case .form(var form) = state.overlay else { return [] }
        let id: TeamID
        switch form.mode {
        case .edit(let existing): id = existing
        case .add, .duplicate: id = TeamID(env.newID("team"))
        }
        guard let team = form.build(plan: state.plan, id: id) else {
            state.overlay = .form(form)
            return []
        }
        let ok: Bool
        switch form.mode {
        case .add, .duplicate:
            var added = team
            let status = team.status
            if status == .inWave { added.status = .candidate }
            ok = apply(&state, .batch("Add team \(team.name)", [.addTeam(added)]), env)
            if ok { toast(&state, "Added \(team.name)", env) }
        case .edit:
            if team == form.original {
                state.overlay = nil
                toast(&state, "No changes", env, kind: .info)
                return []
            }
            var edits: [PlanEdit] = []
            var updated = team
            if team.status != form.original.status {
                updated.status = form.original.status
                updated.outOfScopeReason = form.original.outOfScopeReason
                edits.append(.updateTeam(updated))
                edits.append(.setTeamStatus(team.id, team.status, reason: team.outOfScopeReason))
            } else {
                edits.append(.updateTeam(team))
            }
            ok = apply(&state, edits.count == 1 ? edits[0] : .batch("Edit team \(team.name)", edits), env)
            if ok { toast(&state, "Changed \(team.name) — u to undo", env) }
        }
        if ok {
            state.overlay = nil
            state.teams.selectedID = team.id
            if let index = state.plan.teams.firstIndex(where: { $0.id == team.id }) {
                state.derived.refresh(plan: state.plan, revision: state.revision, teams: &state.teams,
                                      needFindings: false, today: Day(env.now()))
                if let row = state.derived.rows.firstIndex(of: Int32(index)) { state.teams.selected = row }
            }
        } else {
            state.overlay = .form(form)
        }
        return []
    }

    // MARK: Saving and quitting

    static func quit(_ state: inout AppState, _ env: Environment) -> [Effect] {
        // A running workshop timer: its time so far goes into the plan before leaving.
        flushTimer(&state, env)
        guard state.isDirty, state.readOnlyReason == nil else {
            state.quitting = true
            return [.quit]
        }
        if state.file != nil, state.autosave, !isFailed(state.saveStatus) {
            return [.save(state.plan, revision: state.revision, overwrite: false, thenQuit: true)]
        }
        state.overlay = .confirmQuit
        return []
    }

    static func isFailed(_ status: SaveStatus) -> Bool {
        if case .failed = status { return true }
        return false
    }

    static func autosave(_ state: inout AppState, now: Date, _ env: Environment) -> [Effect] {
        guard state.autosave, state.file != nil, state.readOnlyReason == nil, state.isDirty,
            state.overlay != .externalChange, !isFailed(state.saveStatus),
            let last = state.lastEditAt, now.timeIntervalSince(last) >= env.autosaveDelay
        else { return [] }
        state.lastEditAt = nil
        return [.save(state.plan, revision: state.revision, overwrite: false, thenQuit: false)]
    }

    static func saveFinished(_ state: inout AppState, revision: Int, _ outcome: SaveOutcome, _ env: Environment) -> [Effect] {
        switch outcome {
        case .saved(let at):
            if revision == state.revision { state.savedPosition = state.history.position }
            state.savedRevision = max(state.savedRevision, revision)
            state.saveStatus = state.isDirty ? .unsaved : .saved(at: at)
            if state.isDirty { state.lastEditAt = at }
        case .failed(let message):
            state.saveStatus = .failed(message)
            toast(&state, "Not saved: \(message)", env, kind: .error)
            if state.quitting { state.quitting = false }
        case .changedOnDisk:
            state.overlay = .externalChange
        }
        return []
    }
}
