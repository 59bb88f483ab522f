import Foundation
import PilotwaveCore
import TerminalUI

extension Reducer {
    /// `p` with teams marked: every marked team becomes a pilot, in one undoable edit (into the
    /// pilot wave when the plan has one, as `p` does for one team). Out-of-scope teams are refused
    /// in words; teams that are pilots already stay so.
    static func chooseMarked(_ state: inout AppState, _ env: Environment) {
        let ids = sortedByRank(state.pilots.marked, state)
        let waveZero = PilotCount.pilotWaveMembers(state.plan)
        var choosing: [Team] = []
        var refused: [String] = []
        var already: [String] = []
        for id in ids {
            guard let i = state.derived.indexByID[id] else { continue }
            let team = state.plan.teams[i]
            if team.status == .outOfScope {
                refused.append("\(team.name) is out of scope: \(team.outOfScopeReason ?? "no reason given")")
            } else if PilotCount.isPilot(status: team.status, inPilotWave: waveZero.contains(id)) {
                already.append(team.name)
            } else {
                choosing.append(team)
            }
        }
        guard !choosing.isEmpty else {
            let why = refused + (already.isEmpty ? [] : ["\(Words.list(already)) \(already.count == 1 ? "is a pilot" : "are pilots") already"])
            toast(&state, "No pilot chosen: " + why.joined(separator: "; "), env, kind: refused.isEmpty ? .info : .error)
            return
        }
        let pilotWave = PilotCount.pilotWave(state.plan)
        var edits: [PlanEdit] = []
        for team in choosing {
            edits += pilotWave.map { [.moveTeam(team.id, toWave: $0.id)] }
                ?? [.moveTeam(team.id, toWave: nil), .setTeamStatus(team.id, .pilot, reason: nil)]
        }
        let names = choosing.map(\.name)
        let who = names.count == 1 ? names[0] : Words.count(names.count, "team")
        guard apply(&state, .batch("Choose \(who) as pilot\(names.count == 1 ? "" : "s")", edits), env) else { return }
        state.pilots.marked = []
        var text = "Chose \(Words.short(names, limit: 4)) as pilot\(names.count == 1 ? "" : "s")"
        var kind = ToastKind.done
        if let rec = state.derived.recommendation {
            let chosen = state.derived.pilotsChosen + choosing.count
            text += " — \(chosen) of \(rec.rangeText) recommended"
            if chosen > rec.range.upperBound {
                text += "; more than recommended"
                kind = .warning
            }
        }
        for team in choosing {
            guard let flag = HardFlag.flags(team, settings: state.plan.settings).first else { continue }
            text += "; ! \(team.name): \(flag.label)"
            kind = .warning
        }
        if !already.isEmpty { text += "; \(Words.list(already)) \(already.count == 1 ? "was a pilot" : "were pilots") already" }
        if !refused.isEmpty {
            text += "; ! not chosen: " + refused.joined(separator: "; ")
            kind = .warning
        }
        toast(&state, text, env, kind: kind)
        offerPilotWave(&state, choosing.map(\.id), env)
    }

    /// After `p` made pilots that are in no wave: the picker, titled as a question, on the pilot
    /// wave — or, in a plan without waves, on "New wave…" (the pilot wave "Pilots"). Not offered
    /// when the plan has waves but no pilot wave (a later wave would make them candidates again).
    static func offerPilotWave(_ state: inout AppState, _ chosen: [TeamID], _ env: Environment) {
        state.derived.membership.refresh(state.plan)
        let unplaced = chosen.filter { state.derived.membership.wave(of: $0, in: state.plan) == nil }
        guard !unplaced.isEmpty else { return }
        let pilotWave = PilotCount.pilotWave(state.plan)
        guard pilotWave != nil || state.plan.waves.isEmpty else { return }
        let title = "Put the new pilot\(unplaced.count == 1 ? "" : "s") in a wave?"
        var picker = makePicker(&state, teams: unplaced, refused: [], title: title, source: .pilots, offer: true, env)
        picker.selected = picker.rows.firstIndex { row in
            if let pilotWave, case .wave(let id) = row.target { return id == pilotWave.id }
            if pilotWave == nil, case .newWave = row.target { return true }
            return false
        } ?? 0
        state.overlay = .wavePicker(picker)
    }
}
