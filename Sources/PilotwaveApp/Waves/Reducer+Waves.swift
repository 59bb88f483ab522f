import Foundation
import PilotwaveCore
import TerminalUI

extension Reducer {
    static func refreshWaves(_ state: inout AppState, _ env: Environment) {
        let scenario = state.waves.scenario.flatMap { id in state.plan.scenarios.first { $0.id == id } }
        if scenario == nil { state.waves.scenario = nil }
        state.derived.waves.refresh(plan: state.plan, scenario: scenario, revision: state.revision, scores: state.derived.scores,
                                    indexByID: state.derived.indexByID, today: state.today)
        switch state.waves.mode {
        case .board: break
        case .timeline: state.derived.waves.refreshTimeline(today: state.today)
        case .scenarios: state.derived.waves.refreshSummaries(plan: state.plan, revision: state.revision, today: state.today)
        case .compare:
            if let sides = state.waves.comparing {
                state.derived.waves.refreshComparison(plan: state.plan, sides: sides, revision: state.revision)
            }
        }
        if state.waves.mode == .board {
            state.derived.waves.refreshMatches(text: state.waves.searchText, names: state.derived.sortNames)
        }
        let d = state.derived.waves
        var w = state.waves
        w.column = min(max(0, w.column), max(0, d.columns.count - 1))
        let visible = max(1, Layout.wavesCardRows(state))
        for (c, column) in d.columns.enumerated() {
            let row = min(max(0, w.rows[c] ?? 0), max(0, column.teams.count - 1))
            w.rows[c] = row
            var top = w.tops[c] ?? 0
            if row < top { top = row }
            if row >= top + visible { top = row - visible + 1 }
            w.tops[c] = max(0, min(top, max(0, column.teams.count - visible)))
        }
        w.marked = w.marked.filter { state.derived.indexByID[$0] != nil }
        state.waves = w
    }

    public static func selectedWaveTeam(_ state: AppState) -> Team? {
        state.derived.waves.teamIndex(column: state.waves.column, row: state.waves.row).map { state.derived.waves.board.teams[$0] }
    }

    /// Applies a board edit: to the plan, or — while a scenario is edited — to the plan as the
    /// scenario makes it, whose waves and coaches then go back into the scenario (one undoable edit).
    static func applyBoard(_ state: inout AppState, _ edit: PlanEdit, _ env: Environment) -> Bool {
        guard let id = state.waves.scenario, let scenario = state.plan.scenarios.first(where: { $0.id == id }) else {
            return apply(&state, edit, env)
        }
        var board = state.derived.waves.board
        let title = edit.title(in: board)
        do {
            try edit.apply(to: &board)
        } catch {
            toast(&state, "\(title): \(error.message)", env, kind: .error)
            return false
        }
        let updated = Scenarios.capture(from: board, into: scenario)
        return apply(&state, .batch("\(title) (scenario \(scenario.name))", [.updateScenario(updated)]), env)
    }

    /// Selects `team` on the board, wherever it now is.
    static func follow(_ state: inout AppState, _ team: TeamID, _ env: Environment) {
        refreshWaves(&state, env)
        guard let index = state.derived.indexByID[team] else { return }
        for (c, column) in state.derived.waves.columns.enumerated() {
            if let r = column.teams.firstIndex(of: Int32(index)) {
                state.waves.column = c
                state.waves.rows[c] = r
                refreshWaves(&state, env)
                return
            }
        }
    }

    static func runWaves(_ state: inout AppState, _ id: CommandID, _ env: Environment) -> [Effect] {
        let d = state.derived.waves
        let board = d.board
        let c = state.waves.column
        let count = c < d.columns.count ? d.columns[c].teams.count : 0
        switch id {
        case "waves.down": state.waves.rows[c] = min(max(0, count - 1), state.waves.row + 1)
        case "waves.up": state.waves.rows[c] = max(0, state.waves.row - 1)
        case "waves.first": state.waves.rows[c] = 0
        case "waves.last": state.waves.rows[c] = max(0, count - 1)
        case "waves.right": state.waves.column = min(d.columns.count - 1, c + 1)
        case "waves.left": state.waves.column = max(0, c - 1)
        case "waves.mark":
            guard let team = selectedWaveTeam(state) else { break }
            if state.waves.marked.remove(team.id) == nil { state.waves.marked.insert(team.id) }
            state.waves.rows[c] = min(max(0, count - 1), state.waves.row + 1)
        case "waves.moveLater", "waves.moveEarlier":
            let by = id == "waves.moveLater" ? 1 : -1
            let waveColumns = d.columns.filter { $0.wave != nil }.count
            if c > waveColumns {
                toast(&state, "Out-of-scope teams stay out of the waves; bring one back in the team form (Enter)", env, kind: .error)
                break
            }
            let ids: [TeamID] = state.waves.marked.isEmpty
                ? selectedWaveTeam(state).map { [$0.id] } ?? []
                : d.columns.flatMap(\.teams).map { board.teams[Int($0)].id }.filter { state.waves.marked.contains($0) }
            guard !ids.isEmpty else { break }
            let edits = ids.compactMap { WavePlanning.step($0, by: by, plan: board) }
            guard !edits.isEmpty else {
                toast(&state, by > 0 ? "Not yet planned is the last step; out of scope needs a reason (team form)" : "Already in the first wave", env, kind: .error)
                break
            }
            let followed = selectedWaveTeam(state)?.id
            let name = ids.count == 1 ? board.team(ids[0])?.name ?? "" : Words.count(ids.count, "team")
            let target = by > 0 ? min(c + 1, waveColumns) : max(0, c - 1)
            let targetTitle = d.columns[target].title
            guard applyBoard(&state, .batch("Move \(name) to \(targetTitle)", edits), env) else { break }
            state.waves.marked = []
            if let followed { follow(&state, followed, env) }
            var text = "Moved \(name) to \(targetTitle) — u to undo"
            var kind = ToastKind.done
            if let wave = d.columns[target].wave, let cap = state.derived.waves.capacity[wave], cap.isOver || cap.needsCoaches {
                text += "; ! \(cap.summary)"
                kind = .warning
            }
            // Into the pilots' wave: the same hard-flag warning as choosing a pilot with p.
            if let wave = d.columns[target].wave.flatMap(board.wave), wave.order == 0 {
                for id in ids {
                    guard let team = board.team(id), let flag = HardFlag.flags(team, settings: board.settings).first else { continue }
                    text += "; ! \(ids.count == 1 ? "" : team.name + ": ")\(flag.label)"
                    kind = .warning
                }
            }
            toast(&state, text, env, kind: kind)
        case "waves.reorderUp", "waves.reorderDown":
            guard let waveID = d.columns[c].wave, var wave = board.wave(waveID), let team = selectedWaveTeam(state),
                let i = wave.teams.firstIndex(of: team.id) else { break }
            let j = i + (id == "waves.reorderDown" ? 1 : -1)
            guard j >= 0, j < wave.teams.count else { break }
            wave.teams.swapAt(i, j)
            if applyBoard(&state, .updateWave(wave), env) { follow(&state, team.id, env) }
        case "waves.coach":
            guard var team = selectedWaveTeam(state) else { break }
            let coaches = board.coaches
            guard !coaches.isEmpty else {
                toast(&state, "No coaches in the plan yet", env, kind: .error)
                break
            }
            let current = team.coach.flatMap { id in coaches.firstIndex { $0.id == id } } ?? -1
            let next = current + 1
            team.coach = next < coaches.count ? coaches[next].id : nil
            if applyBoard(&state, .updateTeam(team), env) {
                var text = "\(team.name): " + (team.coach.map { id in "coach \(coaches.first { $0.id == id }!.name)" } ?? "no coach") + " — c again for the next"
                // The coach's load in the team's wave, by the rule the board and the checks use.
                refreshWaves(&state, env)
                let now = state.derived.waves
                if let coach = team.coach, let wave = now.board.orderedWaves.first(where: { $0.teams.contains(team.id) }),
                    let load = now.capacity[wave.id]?.coaches.first(where: { $0.coach == coach }) {
                    if let notFree = load.notFreeText { text += "; ! \(load.name) is seeded, \(notFree)" }
                    if load.isOver { text += "; ! \(load.name) over capacity: \(load.ratio)" }
                }
                toast(&state, text, env, kind: text.contains("; ! ") ? .warning : .done)
            }
        case "waves.start":
            if let refusal = scenarioRefusal(state, "starting a wave") {
                toast(&state, refusal, env, kind: .error)
                break
            }
            guard let waveID = d.columns[c].wave, let wave = state.plan.wave(waveID) else {
                toast(&state, "Choose a wave column first", env, kind: .error)
                break
            }
            guard wave.status == .planned else {
                toast(&state, "\(wave.name) is \(wave.status.label) already", env, kind: .info)
                break
            }
            let unmet = (d.gates[waveID] ?? []).filter { !$0.met }
            if unmet.isEmpty {
                if let edit = WavePlanning.activate(wave, unmet: [], reason: nil, by: "", at: env.now(), decisionID: DecisionID(env.newID("decision"))),
                    apply(&state, edit, env) {
                    toast(&state, "\(wave.name) started: its entry gate is met — u to undo", env)
                }
            } else {
                state.overlay = .editForm(.gateOverride(wave, unmet: unmet))
            }
        case "waves.nextFinding":
            let findings = d.findings
            guard !findings.isEmpty else {
                toast(&state, "No wave findings", env, kind: .info)
                break
            }
            state.waves.finding = (state.waves.finding + 1) % findings.count
            let f = findings[state.waves.finding]
            // Jump to the first team the finding names, else to the wave.
            if let team = f.concerns.lazy.compactMap({ TeamID($0) }).first(where: { state.derived.indexByID[$0] != nil }) {
                follow(&state, team, env)
            } else if let w = f.concerns.compactMap({ WaveID($0) }).first(where: { id in d.columns.contains { $0.wave == id } }) {
                state.waves.column = d.columns.firstIndex { $0.wave == w } ?? c
            }
        case "waves.edit":
            if let refusal = scenarioRefusal(state, "the team form") {
                toast(&state, refusal, env, kind: .error)
                break
            }
            guard let team = selectedWaveTeam(state) else { break }
            state.overlay = .form(TeamForm(mode: .edit(team.id), team: team, plan: state.plan, indexByID: state.derived.indexByID))
        default:
            return runWavesExtras(&state, id, env)
        }
        return []
    }

    /// While a scenario is edited, what only the plan itself takes is refused in words.
    static func scenarioRefusal(_ state: AppState, _ what: String) -> String? {
        guard let id = state.waves.scenario, let s = state.plan.scenarios.first(where: { $0.id == id }) else { return nil }
        return "Editing scenario \(s.name): \(what) works on the plan itself — s, then Enter on Current plan"
    }
}

extension EditForm {
    /// Starting a wave over its unmet gate: the reason and who decides (to the decision log).
    static func gateOverride(_ wave: Wave, unmet: [WavePlanning.GateItem]) -> EditForm {
        EditForm(purpose: .gateOverride(wave.id), title: "Start \(wave.name) with its gate unmet", fields: [
            textField("reason", "Reason", "", limit: 300, help: "Why the wave starts before its entry criteria are met (recorded in the decision log)."),
            textField("by", "Decided by", "", limit: 120, help: "Who takes that decision."),
        ])
    }
}
