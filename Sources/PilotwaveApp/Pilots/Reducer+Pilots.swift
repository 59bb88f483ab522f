import Foundation
import PilotwaveCore
import TerminalUI

extension Reducer {
    /// The N of the robustness check: chosen by the user, else the recommended pilot count
    /// (its upper bound), never more than the ranked teams.
    static func pilotsTopN(_ state: AppState) -> Int {
        state.plan.settings.robustnessTopN ?? state.derived.recommendation?.range.upperBound ?? 1
    }

    /// Keeps the Pilots view's caches, selection and scroll in step with the plan.
    static func refreshPilots(_ state: inout AppState) {
        let rebuilt = state.derived.pilots.refresh(plan: state.plan, revision: state.revision, n: pilotsTopN(state))
        let d = state.derived.pilots
        var p = state.pilots
        // Keep the selected team selected when the ranking re-orders (a weight changed).
        if rebuilt, let id = p.selectedID, let index = state.derived.indexByID[id],
            let row = d.row(ofTeam: index) {
            p.selected = row
        }
        p.selected = d.rowCount == 0 ? 0 : min(max(0, p.selected), d.rowCount - 1)
        p.criterion = state.plan.criteria.isEmpty ? 0 : min(max(0, p.criterion), state.plan.criteria.count - 1)
        // `top` counts screen lines: the "Out of scope" heading takes one between the two parts.
        let visible = Layout.pilots(state.size, criteria: state.plan.criteria.count).visibleRows
        let line = d.line(row: p.selected)
        if line < p.top { p.top = line }
        if line >= p.top + visible { p.top = line - visible + 1 }
        p.top = max(0, min(p.top, max(0, d.lineCount - visible)))
        p.selectedID = d.teamIndex(row: p.selected).map { state.plan.teams[$0].id }
        if !p.marked.isEmpty { p.marked = p.marked.filter { state.derived.indexByID[$0] != nil } }
        state.pilots = p
    }

    static func selectedPilotTeam(_ state: AppState) -> Team? {
        state.derived.pilots.teamIndex(row: state.pilots.selected).map { state.plan.teams[$0] }
    }

    // MARK: Commands

    static func runPilots(_ state: inout AppState, _ id: CommandID, _ env: Environment) -> [Effect] {
        let page = Layout.pilots(state.size, criteria: state.plan.criteria.count).visibleRows
        let rows = state.derived.pilots.rowCount
        func move(_ delta: Int) { state.pilots.selected = max(0, min(rows - 1, state.pilots.selected + delta)) }
        switch id {
        case "pilots.down": move(1)
        case "pilots.up": move(-1)
        case "pilots.pageDown":
            move(page)
            state.pilots.top += page
        case "pilots.pageUp":
            move(-page)
            state.pilots.top = max(0, state.pilots.top - page)
        case "pilots.first": state.pilots.selected = 0
        case "pilots.last": state.pilots.selected = max(0, rows - 1)
        case "pilots.nextCriterion", "pilots.previousCriterion":
            let n = state.plan.criteria.count
            guard n > 0 else { break }
            state.pilots.criterion = (state.pilots.criterion + (id == "pilots.nextCriterion" ? 1 : n - 1)) % n
        case "pilots.weightUp", "pilots.weightDown": stepWeight(&state, up: id == "pilots.weightUp", env)
        case "pilots.setWeight": openWeightForm(&state)
        case "pilots.setAllWeights": setAllWeights(&state, [], env)
        case "pilots.resetWeights":
            let changed = state.plan.criteria.contains { c in Criterion.defaults.contains { $0.id == c.id && $0.weight != c.weight } }
            guard changed else {
                toast(&state, "The weights are already the defaults", env, kind: .error)
                break
            }
            if apply(&state, .resetWeights, env) { toast(&state, "Weights back to the defaults — u to undo", env) }
        case "pilots.topMore", "pilots.topLess":
            // N is kept in the plan (settings.robustnessTopN): the next session, `pilotwave rank`,
            // the report and a recorded decision all check the same top N. One undoable edit.
            let current = pilotsTopN(state)
            let n = id == "pilots.topMore" ? min(current + 1, max(1, state.derived.pilots.order.count)) : max(1, current - 1)
            guard n != current else {
                toast(&state, "Top \(current) already " + (id == "pilots.topMore" ? "holds every ranked team" : "at its smallest"), env, kind: .info)
                break
            }
            var settings = state.plan.settings
            settings.robustnessTopN = n
            if apply(&state, .setSettings(settings), env) { toast(&state, "Robustness check: top \(current) → top \(n) — u to undo", env) }
        case "pilots.choose":
            if state.pilots.marked.isEmpty { choosePilot(&state, env) } else { chooseMarked(&state, env) }
        case "pilots.mark":
            guard let team = selectedPilotTeam(state) else { break }
            toggleMark(&state.pilots.marked, team.id)
            move(1)
        case "pilots.compare":
            var ids = sortedByRank(state.pilots.marked, state)
            guard ids.count <= PilotsViewState.maxCompared else {
                toast(&state, "Compare takes up to three teams: \(ids.count) marked — M clears the marks", env, kind: .error)
                break
            }
            if ids.count < 2, let team = selectedPilotTeam(state) {
                if ids.isEmpty {
                    ids = [team.id]
                    if let next = state.derived.pilots.teamIndex(row: state.pilots.selected + 1) { ids.append(state.plan.teams[next].id) }
                } else if !ids.contains(team.id) {
                    ids.append(team.id)
                }
            }
            guard ids.count >= 2 else {
                toast(&state, "Mark two or three teams with m, then c", env, kind: .error)
                break
            }
            state.overlay = .compare(ids)
        case "pilots.rate":
            guard let team = selectedPilotTeam(state), state.pilots.criterion < state.plan.criteria.count else { break }
            let c = state.plan.criteria[state.pilots.criterion]
            guard c.source == .rated else {
                let from = switch c.source {
                case .crossFunctional: "from the team's roles"
                case .lifecycle: "from the team's lifecycle stage"
                case .size: "from the team's head count"
                case .rated: ""
                }
                toast(&state, "\(c.name) is worked out \(from) — change that in the team form (Enter)", env, kind: .error)
                break
            }
            let current = team.ratings[c.id]
            state.overlay = .rate(RatePicker(team: team.id, teamName: team.name, criterion: c, level: current ?? 3, current: current))
        case "pilots.addCriterion": state.overlay = .editForm(.criterion())
        case "pilots.outcome":
            guard let team = selectedPilotTeam(state) else { break }
            state.overlay = .editForm(.outcome(team))
        case "pilots.edit":
            guard let team = selectedPilotTeam(state) else { break }
            state.overlay = .form(TeamForm(mode: .edit(team.id), team: team, plan: state.plan, indexByID: state.derived.indexByID))
        case "pilots.vote":
            if let round = state.plan.votes.last, !round.closed {
                state.overlay = .ballot(ballotDraft(state, round))
            } else {
                state.overlay = .editForm(.voteRound(number: state.plan.votes.count + 1, suggestedBudget: pilotsTopN(state)))
            }
        case "pilots.newRound":
            state.overlay = .editForm(.voteRound(number: state.plan.votes.count + 1, suggestedBudget: pilotsTopN(state)))
        case "pilots.reveal":
            guard let round = state.plan.votes.last else { break }
            // Participants' ballots in an unattributed round are counted at the reveal, in the same edit.
            if !round.revealed, let (count, items) = countWaiting(state, round, env) {
                if apply(&state, .batch("Count the participants' ballots and reveal", [count, .revealVotes(round.id, true)]), env) {
                    counted(&state, items)
                    let cast = state.plan.voteRound(round.id)?.ballotCount ?? 0
                    toast(&state, "Votes revealed: \(Words.count(cast, "ballot")), \(items.count) from participants counted", env, kind: .info)
                }
            } else if apply(&state, .revealVotes(round.id, !round.revealed), env) {
                toast(&state, round.revealed ? "Votes hidden" : "Votes revealed: \(Words.count(round.ballotCount, "ballot"))", env, kind: .info)
            }
        case "pilots.closeRound":
            guard let round = state.plan.votes.last else { break }
            guard !round.closed else {
                toast(&state, "\(round.title) is already closed", env, kind: .info)
                break
            }
            if let (count, items) = countWaiting(state, round, env) {
                if apply(&state, .batch("Count the participants' ballots and close \(round.title)", [count, .closeVoteRound(round.id)]), env) {
                    counted(&state, items)
                    toast(&state, "Closed \(round.title); \(items.count) ballots from participants counted — u to undo", env)
                }
            } else if apply(&state, .closeVoteRound(round.id), env) { toast(&state, "Closed \(round.title) — u to undo", env) }
        case "pilots.decide":
            let names = state.derived.pilots.chosen.map { state.plan.teams[Int($0)].name }
            let text = "Start with \(Words.count(names.count, "pilot team")): \(Words.list(names))."
            state.overlay = .editForm(.decision(text: text))
        default: break
        }
        return []
    }

    static func ballotDraft(_ state: AppState, _ round: VoteRound) -> BallotDraft {
        let order = state.derived.pilots.order
        return BallotDraft(round: round.id, attributed: round.attributed, budget: round.budget, cap: round.capPerTeam,
                           voter: TextInput("", limit: 60),
                           candidates: order.map { (state.plan.teams[Int($0)].id, state.plan.teams[Int($0)].name) },
                           votes: Array(repeating: 0, count: order.count), editingVoter: round.attributed)
    }

    /// `p`: the selected team becomes a pilot, or a candidate again. Out-of-scope teams are refused.
    static func choosePilot(_ state: inout AppState, _ env: Environment) {
        guard let team = selectedPilotTeam(state) else { return }
        let inWaveZero = PilotCount.pilotWaveMembers(state.plan).contains(team.id)
        if team.status == .outOfScope {
            toast(&state, "\(team.name) is out of scope (\(team.outOfScopeReason ?? "")); bring it back in the team form first", env, kind: .error)
            return
        }
        if PilotCount.isPilot(status: team.status, inPilotWave: inWaveZero) {
            guard apply(&state, .batch("Unchoose \(team.name) as pilot", [.moveTeam(team.id, toWave: nil), .setTeamStatus(team.id, .candidate, reason: nil)]), env) else { return }
            toast(&state, "\(team.name) is a candidate again — u to undo", env)
            return
        }
        let inLaterWave = team.status == .inWave
        // One undoable edit: into the pilot wave when the plan has one (which makes the status pilot),
        // else a pilot in no wave yet — either way every view counts the same pilots.
        let pilotWave = PilotCount.pilotWave(state.plan)
        let edits: [PlanEdit] = pilotWave.map { [.moveTeam(team.id, toWave: $0.id)] }
            ?? [.moveTeam(team.id, toWave: nil), .setTeamStatus(team.id, .pilot, reason: nil)]
        guard apply(&state, .batch("Choose \(team.name) as pilot", edits), env) else { return }
        defer { offerPilotWave(&state, [team.id], env) }
        var text = "Chose \(team.name) as pilot"
        if inLaterWave { text += " (taken out of its wave)" }
        let flags = HardFlag.flags(team, settings: state.plan.settings)
        if let rec = state.derived.recommendation {
            // The derived count is refreshed after this action; the team just chosen is one more.
            let chosen = state.derived.pilotsChosen + 1
            text += " — \(chosen) of \(rec.rangeText) recommended"
            if chosen > rec.range.upperBound { text += "; more than recommended" }
        }
        var kind = ToastKind.done
        if let rec = state.derived.recommendation, state.derived.pilotsChosen + 1 > rec.range.upperBound { kind = .warning }
        if let flag = flags.first {
            text += "; ! \(flag.label)"
            kind = .warning
        }
        toast(&state, text, env, kind: kind)
    }

    // MARK: Overlays of the Pilots view

    /// Keys for the Pilots view's overlays; nil when none of them is open.
    static func handlePilotsOverlay(_ state: inout AppState, _ key: Key, _ env: Environment) -> [Effect]? {
        switch state.overlay {
        case .editForm(var form):
            if case .weight(let criterion) = form.purpose, handleWeightForm(&state, form, criterion, key, env) { return [] }
            switch form.handle(key, keymap: env.keymap) {
            case .cancel:
                state.overlay = nil
                toast(&state, "Cancelled; nothing changed", env, kind: .info)
            case .commit:
                state.overlay = .editForm(form)
                commitEditForm(&state, env)
            case .stay:
                state.overlay = .editForm(form)
            }
            return []
        case .ballot(var draft):
            handleBallot(&state, &draft, key, env)
            return []
        case .rate(var picker):
            var chosen: Int??
            switch key {
            case .escape, .ctrl("c"), .char("q"):
                state.overlay = nil
                return []
            case .char(let c) where ("1"..."5").contains(c): chosen = Int(String(c))
            case .char("0"), .char("x"), .backspace, .delete: chosen = .some(nil)
            case .down, .char("j"): picker.level = min(5, picker.level + 1)
            case .up, .char("k"): picker.level = max(1, picker.level - 1)
            case .enter: chosen = picker.level
            default: break
            }
            guard let rating = chosen else {
                state.overlay = .rate(picker)
                return []
            }
            state.overlay = nil
            if rating == picker.current {
                toast(&state, "No change", env, kind: .info)
            } else if apply(&state, .rateTeam(picker.team, picker.criterion.id, rating), env) {
                toast(&state, "\(picker.teamName): \(picker.criterion.name) " + (rating.map { "\($0)/5" } ?? "unrated") + " — u to undo", env)
            }
            return []
        case .compare:
            switch key {
            case .escape, .char("q"), .char("c"), .enter, .ctrl("c"): state.overlay = nil
            default: break
            }
            return []
        default:
            return nil
        }
    }

    static func handleBallot(_ state: inout AppState, _ draft: inout BallotDraft, _ key: Key, _ env: Environment) {
        if key == .escape || key == .ctrl("c") {
            state.overlay = nil
            toast(&state, "Ballot discarded; nothing stored", env, kind: .info)
            return
        }
        draft.error = nil
        if draft.editingVoter {
            switch key {
            case .enter, .tab, .down:
                let name = draft.voter.text.trimmingWhitespace()
                if name.isEmpty {
                    draft.error = "type the voter's name (this round keeps names)"
                } else if let round = state.plan.voteRound(draft.round),
                    round.ballots.contains(where: { $0.voter.lowercased() == name.lowercased() }) {
                    draft.error = "\(name) has already voted in this round"
                } else {
                    draft.editingVoter = false
                }
            default:
                draft.voter.handle(key)
            }
            state.overlay = .ballot(draft)
            return
        }
        switch key {
        case .down, .char("j"): draft.selected = min(max(0, draft.candidates.count - 1), draft.selected + 1)
        case .up, .char("k"): draft.selected = max(0, draft.selected - 1)
        case .pageDown: draft.selected = min(max(0, draft.candidates.count - 1), draft.selected + 10)
        case .pageUp: draft.selected = max(0, draft.selected - 10)
        case .right, .char("l"), .char("+"), .char("="), .char(" "): draft.error = draft.change(by: 1)
        case .left, .char("h"), .char("-"), .backspace: draft.error = draft.change(by: -1)
        case .char(let c) where c.isASCII && c.isNumber:
            let target = Int(String(c))!
            if draft.selected < draft.votes.count {
                let delta = target - draft.votes[draft.selected]
                if delta > 0 {
                    for _ in 0..<delta where draft.error == nil { draft.error = draft.change(by: 1) }
                } else {
                    draft.votes[draft.selected] = target
                }
            }
        case .tab, .backTab:
            if draft.attributed { draft.editingVoter = true }
        case .enter:
            let round = draft.round
            let ballot = draft.ballot
            if let current = state.plan.voteRound(round), let problem = Voting.problem(with: ballot, in: current, plan: state.plan) {
                draft.error = problem
            } else if apply(&state, .castBallot(round, ballot), env) {
                state.overlay = nil
                let count = state.plan.voteRound(round)?.ballotCount ?? 0
                let revealed = state.plan.voteRound(round)?.revealed ?? false
                toast(&state, "Ballot \(count) cast" + (draft.attributed ? " (\(ballot.voter))" : " (no name kept)")
                    + (revealed ? "" : "; tally hidden until V"), env)
                return
            }
        default: break
        }
        state.overlay = .ballot(draft)
    }

    static func commitEditForm(_ state: inout AppState, _ env: Environment) {
        guard case .editForm(var form) = state.overlay else { return }
        switch form.purpose {
        case .outcome(let teamID):
            let outcome = form.buildOutcome()
            let old = state.plan.team(teamID)?.outcome
            if outcome == old {
                state.overlay = nil
                toast(&state, "No changes", env, kind: .info)
                return
            }
            if apply(&state, .setOutcome(teamID, outcome), env) {
                state.overlay = nil
                let reading = outcome.flatMap { OutcomeCheck.assess($0.statement) }
                toast(&state, reading.map { "Outcome saved, but it reads as an output (\($0.label)) — see the check" } ?? "Outcome saved — u to undo",
                      env, kind: reading == nil ? .done : .warning)
            }
        case .criterion:
            guard let criterion = form.buildCriterion(plan: state.plan) else {
                state.overlay = .editForm(form)
                return
            }
            if apply(&state, .addCriterion(criterion), env) {
                state.overlay = nil
                state.pilots.criterion = state.plan.criteria.count - 1
                toast(&state, "Added \(criterion.name) (weight \(criterion.weight)); r rates the selected team on it", env)
            }
        case .weight(let criterion):
            commitWeightForm(&state, form, criterion, env)
        case .voteRound:
            guard let round = form.buildVoteRound(id: VoteRoundID(env.newID("round")), at: env.now()) else {
                state.overlay = .editForm(form)
                return
            }
            var edits: [PlanEdit] = []
            let closing = state.plan.votes.last.flatMap { $0.closed ? nil : $0 }
            if let open = closing { edits.append(.closeVoteRound(open.id)) }
            edits.append(.openVoteRound(round))
            if apply(&state, .batch("Open voting round \(round.title)", edits), env) {
                refreshPilots(&state)
                state.overlay = .ballot(ballotDraft(state, round))
                toast(&state, "\(round.title): \(round.budget) votes per person"
                    + (round.capPerTeam.map { ", at most \($0) per team" } ?? "")
                    + (round.attributed ? "" : ", no names kept")
                    + (closing.map { "; \($0.title) is closed, its ballots kept" } ?? ""), env)
            }
        case .decision:
            form.clearErrors()
            let decidedBy = form.text("decidedBy").trimmingWhitespace()
            let text = form.text("text").trimmingWhitespace()
            if decidedBy.isEmpty { form.setError("decidedBy", "say who decided") }
            if text.isEmpty { form.setError("text", "the decision needs words") }
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            // The robustness verdict and the pilots' outcome problems go with it, in its words.
            let notes = SelectionChecks.notes(state.plan, today: state.today)
            let decision = Decision(id: DecisionID(env.newID("decision")), text: SelectionChecks.text(text, notes: notes),
                                    kind: .decision, decidedBy: decidedBy,
                                    at: env.now(), concerns: state.derived.pilots.chosen.map { state.plan.teams[Int($0)].id.raw },
                                    selection: selection(state))
            if apply(&state, .recordDecision(decision), env) {
                state.overlay = nil
                toast(&state, "Decision recorded in the log — u to undo", env)
            }
        case .blocker, .blockerOwner:
            commitBlockerForm(&state, form, env)
        default:
            commitReadinessForm(&state, form, env)
        }
    }

    /// The pilot selection as it stands: chosen teams with score, votes and flags; the weights;
    /// the recommendation; the current round's tally.
    static func selection(_ state: AppState) -> PilotSelection {
        let d = state.derived.pilots
        let plan = state.plan
        let round = d.round
        let tally = round.map(Voting.tally)
        let teams = d.chosen.map { t -> SelectedTeam in
            let team = plan.teams[Int(t)]
            let s = d.standings[Int(t)]
            return SelectedTeam(team: team.id, name: team.name,
                                score: s.value < 0 ? nil : Int(s.value.rounded(.toNearestOrAwayFromZero)),
                                votes: tally.map { $0[team.id] ?? 0 },
                                flags: HardFlag.flags(team, settings: plan.settings).map(\.label))
        }
        return PilotSelection(teams: teams, weights: plan.criteria.map { WeightUsed(criterion: $0.id, name: $0.name, weight: $0.weight) },
                              recommended: state.derived.recommendation?.rangeText ?? "",
                              voteRound: round?.id, tally: round.map(Voting.tallyLines) ?? [])
    }

    /// The selection a decision would record, in words, for the decision form.
    public static func selectionSummary(_ state: AppState) -> [String] {
        let sel = selection(state)
        let hidden = state.derived.pilots.round.map { !$0.revealed } ?? false
        var lines = ["Teams: " + sel.teams.map { t in
            t.name + " (" + (t.score.map { "\($0)" } ?? "unrated") + (hidden ? "" : t.votes.map { ", " + Words.count($0, "vote") } ?? "")
                + (t.flags.isEmpty ? "" : ", ! " + t.flags.joined(separator: "; ")) + ")"
        }.joined(separator: ", ")]
        lines.append("Recommended: \(sel.recommended) · weights: " + sel.weights.map { "\($0.name) \($0.weight)" }.joined(separator: ", "))
        if let round = state.derived.pilots.round {
            lines.append("Tally of \(round.title) (\(Words.count(round.ballotCount, "ballot"))): "
                + (hidden ? "hidden from the room until V reveals it; it is recorded with the decision" : sel.tally.isEmpty ? "no votes" : sel.tally.prefix(8).map { "\(state.derived.indexByID[$0.team].map { state.plan.teams[$0].name } ?? $0.team.raw) \($0.votes)" }.joined(separator: ", ")))
        }
        lines += SelectionChecks.notes(state.plan, today: state.today).map { "Recorded with it — " + $0 }
        lines.append("Recorded as one edit: u undoes it.")
        return lines
    }
}
