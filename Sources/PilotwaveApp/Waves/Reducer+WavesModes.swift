import Foundation
import PilotwaveCore
import TerminalUI

// The Waves view beyond the board: the timeline, the scenarios and a comparison of two, and the
// board's own extra keys (edit or add a wave, seed a coach, switch mode).
extension Reducer {
    static func runWavesExtras(_ state: inout AppState, _ id: CommandID, _ env: Environment) -> [Effect] {
        let d = state.derived.waves
        let c = state.waves.column
        switch id {
        case "waves.findingBlocker":
            let findings = d.findings
            let chosen = state.waves.finding >= 0 && state.waves.finding < findings.count ? [findings[state.waves.finding]] : findings
            let known = Set(state.plan.blockers.map(\.id))
            guard let blocker = chosen.lazy.flatMap(\.concerns).map({ BlockerID($0) }).first(where: known.contains) else {
                toast(&state, state.waves.finding >= 0 ? "This finding names no blocker" : "No wave finding names a blocker", env, kind: .error)
                break
            }
            state.view = .blockers
            state.blockers.filter = ""
            state.blockers.filterInput = nil
            refreshBlockers(&state, env)
            if let row = state.derived.blockers.rows.firstIndex(where: { state.plan.blockers[$0].id == blocker }) {
                state.blockers.selected = row
                refreshBlockers(&state, env)
            }
        case "waves.viewTimeline":
            state.waves.mode = .timeline
            if let wave = c < d.columns.count ? d.columns[c].wave : nil,
                let row = d.board.orderedWaves.firstIndex(where: { $0.id == wave }) {
                state.waves.timelineRow = row
            }
            refreshWaves(&state, env)
        case "waves.viewScenarios":
            state.waves.mode = .scenarios
            state.waves.scenarioRow = state.waves.scenario.flatMap { id in state.plan.scenarios.firstIndex { $0.id == id }.map { $0 + 1 } } ?? 0
            refreshWaves(&state, env)
        case "waves.editWave":
            guard let waveID = c < d.columns.count ? d.columns[c].wave : nil, let wave = d.board.wave(waveID) else {
                toast(&state, "Choose a wave column first (h/l)", env, kind: .error)
                break
            }
            state.overlay = .editForm(.wave(wave))
        case "waves.addWave":
            if let refusal = scenarioRefusal(state, "adding a wave") {
                toast(&state, refusal, env, kind: .error)
                break
            }
            state.overlay = .editForm(.wave(nil, suggestedName: "Wave \(state.plan.waves.count)"))
        case "waves.seedCoach":
            if let refusal = scenarioRefusal(state, "seeding a coach") {
                toast(&state, refusal, env, kind: .error)
                break
            }
            guard let team = selectedWaveTeam(state) else { break }
            guard d.columns[c].wave != nil else {
                toast(&state, "\(team.name) is in no wave: a coach is seeded from a team of an earlier wave to coach a later one", env, kind: .error)
                break
            }
            state.overlay = .editForm(.seedCoach(team))
        default:
            runBoardFind(&state, id, env)
        }
        return []
    }

    static func runWavesMode(_ state: inout AppState, _ id: CommandID, _ env: Environment) -> [Effect] {
        let d = state.derived.waves
        switch id {
        // The timeline.
        case "timeline.down": state.waves.timelineRow = min(max(0, d.board.waves.count - 1), state.waves.timelineRow + 1)
        case "timeline.up": state.waves.timelineRow = max(0, state.waves.timelineRow - 1)
        case "timeline.later":
            let count = d.timeline?.quarters.count ?? 0
            state.waves.timelineFirst = min(max(0, count - 1), state.waves.timelineFirst + 1)
        case "timeline.earlier": state.waves.timelineFirst = max(0, state.waves.timelineFirst - 1)
        case "timeline.editWave":
            let waves = d.board.orderedWaves
            guard state.waves.timelineRow < waves.count else { break }
            state.overlay = .editForm(.wave(waves[state.waves.timelineRow]))
        case "timeline.board":
            let waves = d.board.orderedWaves
            state.waves.mode = .board
            if state.waves.timelineRow < waves.count,
                let column = d.columns.firstIndex(where: { $0.wave == waves[state.waves.timelineRow].id }) {
                state.waves.column = column
            }
        // The scenarios.
        case "scenarios.down": state.waves.scenarioRow = min(state.plan.scenarios.count, state.waves.scenarioRow + 1)
        case "scenarios.up": state.waves.scenarioRow = max(0, state.waves.scenarioRow - 1)
        case "scenarios.board":
            state.waves.mode = .board
            state.waves.compareFirst = nil
        case "scenarios.open":
            let chosen = selectedScenario(state)
            state.waves.scenario = chosen?.id
            state.waves.mode = .board
            state.waves.compareFirst = nil
            state.waves.marked = []
            refreshWaves(&state, env)
            toast(&state, chosen.map { "Editing scenario \($0.name) on the board: moves and coaches change the scenario, not the plan — s to switch back" }
                ?? "Back on the plan itself", env)
        case "scenarios.duplicate":
            state.overlay = .editForm(.newScenario(from: selectedScenario(state), plan: state.plan))
        case "scenarios.rename":
            guard let s = selectedScenario(state) else {
                toast(&state, "The current plan is named in the plan file; choose a scenario to rename", env, kind: .error)
                break
            }
            state.overlay = .editForm(.renameScenario(s))
        case "scenarios.delete":
            guard let s = selectedScenario(state) else {
                toast(&state, "The current plan cannot be deleted; choose a scenario", env, kind: .error)
                break
            }
            if apply(&state, .removeScenario(s.id), env) {
                state.waves.scenarioRow = min(state.waves.scenarioRow, state.plan.scenarios.count)
                toast(&state, "Deleted scenario \(s.name) — u to undo", env)
            }
        case "scenarios.adopt":
            guard let s = selectedScenario(state) else {
                toast(&state, "The current plan is already the plan; choose a scenario to adopt", env, kind: .error)
                break
            }
            state.overlay = .editForm(.adoptScenario(s))
        case "scenarios.compare":
            let chosen = selectedScenario(state)?.id
            guard let first = state.waves.compareFirst else {
                state.waves.compareFirst = .some(chosen)
                let name = selectedScenario(state)?.name ?? "Current plan"
                toast(&state, "Compare \(name) with…: choose another and press c again", env, kind: .info)
                break
            }
            guard first != chosen else {
                toast(&state, "Choose a different wave plan to compare with", env, kind: .error)
                break
            }
            state.waves.comparing = CompareSides(a: first, b: chosen)
            state.waves.compareFirst = nil
            state.waves.compareScroll = 0
            state.waves.mode = .compare
            state.toast = nil
        // A comparison.
        case "compare.down": state.waves.compareScroll += 1
        case "compare.up": state.waves.compareScroll = max(0, state.waves.compareScroll - 1)
        case "compare.swap":
            if let sides = state.waves.comparing { state.waves.comparing = CompareSides(a: sides.b, b: sides.a) }
        case "compare.back":
            state.waves.mode = .scenarios
        default: break
        }
        refreshWaves(&state, env)
        return []
    }

    /// The scenario on the selected row of the list (nil: row 0, the current plan).
    static func selectedScenario(_ state: AppState) -> Scenario? {
        let row = state.waves.scenarioRow - 1
        return row >= 0 && row < state.plan.scenarios.count ? state.plan.scenarios[row] : nil
    }

    static func commitWavesForm(_ state: inout AppState, _ form: EditForm, _ env: Environment) {
        var form = form
        form.clearErrors()
        switch form.purpose {
        case .gateOverride(let waveID):
            let reason = form.text("reason").trimmingWhitespace()
            let by = form.text("by").trimmingWhitespace()
            if reason.isEmpty { form.setError("reason", "say why the gate is overridden") }
            if by.isEmpty { form.setError("by", "say who decides") }
            guard form.focusFirstError(), let wave = state.plan.wave(waveID) else {
                state.overlay = .editForm(form)
                return
            }
            let unmet = (state.derived.waves.gates[waveID] ?? []).filter { !$0.met }
            guard let edit = WavePlanning.activate(wave, unmet: unmet, reason: reason, by: by, at: env.now(),
                                                   decisionID: DecisionID(env.newID("decision"))) else { return }
            if apply(&state, edit, env) {
                state.overlay = nil
                toast(&state, "\(wave.name) started over its gate; the reason is in the decision log — u to undo", env, kind: .warning)
            }
        case .wave(let waveID):
            let board = state.derived.waves.board
            let existing = waveID.flatMap { board.wave($0) }
            guard let wave = form.buildWave(existing, plan: board, id: WaveID(env.newID("wave")), gate: existing.map { state.derived.waves.gates[$0.id] ?? [] } ?? [], today: state.today) else {
                state.overlay = .editForm(form)
                return
            }
            if wave == existing {
                state.overlay = nil
                toast(&state, "No changes", env, kind: .info)
                return
            }
            let edit: PlanEdit = existing == nil ? .addWave(wave) : .updateWave(wave)
            if applyBoard(&state, edit, env) {
                state.overlay = nil
                if existing == nil, let column = state.derived.waves.columns.firstIndex(where: { $0.wave == wave.id }) {
                    refreshWaves(&state, env)
                    state.waves.column = column
                }
                toast(&state, existing == nil ? "Added \(wave.name) — u to undo" : "Saved \(wave.name) — u to undo", env)
            }
        case .seedCoach(let teamID):
            let name = form.text("name").trimmingWhitespace()
            let capacity = Int(form.text("capacity").trimmingWhitespace()) ?? 0
            if name.isEmpty { form.setError("name", "who becomes the coach") }
            if capacity < 1 || capacity > 20 { form.setError("capacity", "1 to 20 teams") }
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            do {
                let edit = try WavePlanning.seedCoach(from: teamID, name: name, capacity: capacity,
                                                      id: CoachID(env.newID("coach")), plan: state.plan)
                if apply(&state, edit, env) {
                    state.overlay = nil
                    let team = state.plan.team(teamID)?.name ?? ""
                    toast(&state, "\(name) seeded from \(team): free to coach from the next wave on (c assigns) — u to undo", env)
                }
            } catch {
                form.setError("name", error.message)
                state.overlay = .editForm(form)
            }
        case .newScenario(let from):
            let name = form.text("name").trimmingWhitespace()
            if name.isEmpty { form.setError("name", "a name to tell it apart") }
            if state.plan.scenarios.contains(where: { $0.name == name }) { form.setError("name", "a scenario has that name already") }
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            let source = from.flatMap { id in state.plan.scenarios.first { $0.id == id } }.map { Scenarios.apply($0, to: state.plan) } ?? state.plan
            let scenario = Scenarios.snapshot(of: source, id: ScenarioID(env.newID("scenario")), name: name,
                                              note: form.text("note").trimmingWhitespace(), at: env.now())
            if apply(&state, .addScenario(scenario), env) {
                state.overlay = nil
                state.waves.scenarioRow = state.plan.scenarios.count
                toast(&state, "Scenario \(name) created — Enter edits it on the board", env)
            }
        case .renameScenario(let id):
            guard var scenario = state.plan.scenarios.first(where: { $0.id == id }) else { return }
            let name = form.text("name").trimmingWhitespace()
            if name.isEmpty { form.setError("name", "a name to tell it apart") }
            if state.plan.scenarios.contains(where: { $0.name == name && $0.id != id }) { form.setError("name", "a scenario has that name already") }
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            scenario.name = name
            scenario.note = form.text("note").trimmingWhitespace()
            if apply(&state, .updateScenario(scenario), env) {
                state.overlay = nil
                toast(&state, "Saved scenario \(name)", env)
            }
        case .adoptScenario(let id):
            guard let scenario = state.plan.scenarios.first(where: { $0.id == id }) else { return }
            let by = form.text("by").trimmingWhitespace()
            if by.isEmpty { form.setError("by", "say who decides") }
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            let edit = Scenarios.adopt(scenario, plan: state.plan, decisionID: DecisionID(env.newID("decision")), by: by,
                                       at: env.now(), keepCurrentAs: ScenarioID(env.newID("scenario")),
                                       reason: form.text("reason").trimmingWhitespace())
            if apply(&state, edit, env) {
                state.overlay = nil
                state.waves.scenario = nil
                state.waves.mode = .board
                refreshWaves(&state, env)
                toast(&state, "Adopted \(scenario.name): the plan's waves and coaches are its own, the decision is in the log, the old plan is kept as a scenario — u to undo", env)
            }
        default:
            commitWorkshopForm(&state, form, env)
        }
    }
}
