import Foundation
import PilotwaveCore
import TerminalUI

/// The facilitator's side of `pilotwave join`: submissions from the inbox applied (each one
/// undoable edit), refused ones named, unattributed ballots counted at the reveal, rounds opened
/// and closed, the Room overlay.
extension Reducer {
    // MARK: The inbox

    /// One look at the inbox: who is here; each new file checked and applied, or refused.
    static func receiveInbox(_ state: inout AppState, _ delivery: InboxDelivery, _ env: Environment) -> [Effect] {
        state.room.watching = true
        state.room.present = delivery.present
        for name in delivery.present where !state.room.joined.contains(where: { Participation.sameName($0, name) }) {
            state.room.joined.append(name)
        }
        state.room.handled.formIntersection(delivery.items.map(\.key))
        var remove: [InboxItem] = []
        var waiting: [InboxItem] = []
        var arrived: [String] = []
        for item in delivery.items where !state.room.handled.contains(item.key) {
            switch item.content {
            case .refused(let reason):
                refuse(&state, who: item.file, reason, env)
                remove.append(item)
                state.room.handled.insert(item.key)
            case .submission(let submission):
                let who = submission.participant ?? "anonymous"
                if let problem = Participation.problem(with: submission, plan: state.plan) {
                    refuse(&state, who: who, problem, env)
                    remove.append(item)
                    state.room.handled.insert(item.key)
                } else if Participation.waitsForCount(submission, plan: state.plan) {
                    waiting.append(item)
                } else if submission.kind == .concern, state.plan.resistance.contains(where: { $0.id == noteID(item) }) {
                    // Already in the plan (saved just before a crash, before the file went): not twice.
                    state.room.handled.insert(item.key)
                    remove.append(item)
                } else if let edit = Participation.edit(for: submission, plan: state.plan, noteID: noteID(item), now: env.now()) {
                    state.room.handled.insert(item.key)
                    if applyQuietly(&state, edit, env) {
                        state.room.applied.append(.init(item: item, revision: state.revision))
                        arrived.append(submission.kind == .concern
                            ? (submission.participant.map { "a concern from \($0)" } ?? "an anonymous concern")
                            : "\(who)'s \(submission.kind == .vote ? "ballot" : "ratings")")
                    } else {
                        refuse(&state, who: who, "could not be applied to the plan", env)
                        remove.append(item)
                    }
                }
            }
        }
        state.room.waiting = waiting
        if !arrived.isEmpty {
            toast(&state, "From the room: " + Words.list(arrived), env, kind: .info)
        }
        return remove.isEmpty ? [] : [.inboxRemove(remove)]
    }

    /// A concern's note id comes from its file's name (each concern file is unique), so a concern
    /// applied and saved just before a crash is recognised, not applied twice.
    static func noteID(_ item: InboxItem) -> NoteID {
        NoteID("note-" + (item.file.hasSuffix(".json") ? String(item.file.dropLast(5)) : item.file))
    }

    /// Applies a participant's edit without the error toast of ``apply(_:_:_:)`` (the refusal is
    /// named in the Room instead).
    private static func applyQuietly(_ state: inout AppState, _ edit: PlanEdit, _ env: Environment) -> Bool {
        guard state.editBlocker == nil else { return false }
        var trial = state.plan
        do { try edit.apply(to: &trial) } catch { return false }
        return apply(&state, edit, env)
    }

    static func refuse(_ state: inout AppState, who: String, _ reason: String, _ env: Environment) {
        state.room.refused.append(Refusal(who: who, reason: reason, at: env.now()))
        if state.room.refused.count > 20 { state.room.refused.removeFirst(state.room.refused.count - 20) }
        toast(&state, "Refused from \(who): \(reason)", env, kind: .warning)
    }

    /// After a save at `revision`: the inbox files it holds can go.
    static func savedInbox(_ state: inout AppState, revision: Int) -> [Effect] {
        let done = state.room.applied.filter { $0.revision <= revision }
        guard !done.isEmpty else { return [] }
        state.room.applied.removeAll { $0.revision <= revision }
        return [.inboxRemove(done.map(\.item))]
    }

    /// The plan was read again from disk: what was applied but not saved is applied again.
    static func reloadedInbox(_ state: inout AppState) {
        state.room.handled.subtract(state.room.applied.map(\.item.key))
        state.room.applied = []
    }

    /// The edits that count the ballots waiting for an unattributed `round` (none when none wait
    /// or the round is not unattributed), and the files they use.
    static func countWaiting(_ state: AppState, _ round: VoteRound, _ env: Environment) -> (PlanEdit, [InboxItem])? {
        guard !round.attributed, round.countedAt == nil else { return nil }
        var ballots: [Ballot] = []
        var items: [InboxItem] = []
        for item in state.room.waiting {
            guard case .submission(let s) = item.content, s.round == round.id.raw,
                Participation.problem(with: s, plan: state.plan) == nil else { continue }
            ballots.append(Ballot(voter: "", votes: s.votes ?? []))
            items.append(item)
        }
        guard !ballots.isEmpty else { return nil }
        return (.countBallots(round.id, ballots, at: env.now()), items)
    }

    /// Records that `items` were counted in the edit just applied.
    static func counted(_ state: inout AppState, _ items: [InboxItem]) {
        for item in items {
            state.room.handled.insert(item.key)
            state.room.applied.append(.init(item: item, revision: state.revision))
        }
        state.room.waiting.removeAll { w in items.contains { $0.key == w.key } }
    }

    // MARK: Opening rounds

    /// `o`: the form for a round of `kind` (nil: the form asks) about the team in view.
    static func openRoundForm(_ state: inout AppState, kind: RoundKind?, _ env: Environment) {
        var team = currentTeam(state)?.name ?? ""
        var dimension: ReadinessDimension?
        if state.view == .readiness, let cell = selectedCell(state) {
            dimension = state.plan.dimension(cell.dimension)
            team = cell.team.flatMap { id in state.derived.indexByID[id].map { state.plan.teams[$0].name } } ?? ""
        }
        if kind == .concerns, team.isEmpty, let pilot = state.plan.teams.first(where: { $0.status == .pilot }) {
            team = pilot.name
        }
        let ratable = Participation.ratableDimensions(state.plan, team: team.isEmpty ? nil : TeamID("?")).count
        state.overlay = .editForm(.openRound(kind: kind, team: team, dimension: dimension, ratable: ratable))
    }

    static func commitRoomForm(_ state: inout AppState, _ form: EditForm, _ env: Environment) {
        guard case .openRound(let fixed, let only) = form.purpose else { return }
        var form = form
        form.clearErrors()
        let kindIndex = fixed == nil ? form.choice("kind") : nil
        if kindIndex == 0 {
            // A dot vote: the Pilots view's own round form.
            state.view = .pilots
            state.overlay = .editForm(.voteRound(number: state.plan.votes.count + 1, suggestedBudget: pilotsTopN(state)))
            return
        }
        let kind: RoundKind = fixed ?? (kindIndex == 2 ? .concerns : .readiness)
        let teamName = form.text("team").trimmingWhitespace()
        var team: TeamID?
        if !teamName.isEmpty {
            let match = TeamMatch.resolve(teamName, in: state.plan.teams)
            if case .team(let id) = match { team = id } else { form.setError("team", TeamMatch.problem(teamName, match) ?? "") }
        } else if kind == .concerns {
            form.setError("team", "say which team the concerns are about")
        }
        var dimensions: [DimensionKey] = []
        if kind == .readiness {
            let all = Participation.ratableDimensions(state.plan, team: team).map(\.id)
            if form.choice("dimensions") == 1, let only, all.contains(only) {
                dimensions = [only]
            } else {
                dimensions = all
            }
            if dimensions.isEmpty { form.setError("team", "no readiness dimension is rated for \(teamName.isEmpty ? "the organisation" : teamName)") }
        }
        guard form.focusFirstError() else {
            state.overlay = .editForm(form)
            return
        }
        let about = team.flatMap { id in state.derived.indexByID[id].map { state.plan.teams[$0].name } } ?? "the organisation"
        var title = form.text("title").trimmingWhitespace()
        if title.isEmpty { title = (kind == .readiness ? "Readiness: " : "Concerns: ") + about }
        let round = ParticipantRound(id: RoundID(env.newID("round")), kind: kind, title: title, team: team,
                                     dimensions: dimensions, openedAt: env.now(), workshop: runningWorkshop(state)?.id)
        if apply(&state, .openRound(round), env) {
            state.overlay = .room(RoomOverlay())
            toast(&state, "Opened \(title) — participants answer with pilotwave join; @ shows the room", env)
        }
    }

    // MARK: The Room overlay

    /// The Room's selectable lines: each round, and a revealed readiness round's dimensions.
    public enum RoomLine: Sendable, Equatable {
        case round(Participation.OpenRound)
        case dimension(ParticipantRound, Participation.Distribution)
    }

    public static func roomLines(_ plan: Plan) -> [RoomLine] {
        var lines: [RoomLine] = []
        for open in Participation.roomRounds(plan) {
            lines.append(.round(open))
            if case .round(let r) = open, r.kind == .readiness, r.revealed {
                for d in Participation.distributions(r) { lines.append(.dimension(r, d)) }
            }
        }
        return lines
    }

    static func handleRoom(_ state: inout AppState, _ room: RoomOverlay, _ key: Key, _ env: Environment) {
        var room = room
        let lines = roomLines(state.plan)
        func selectedRound() -> Participation.OpenRound? {
            guard room.selected < lines.count else { return nil }
            switch lines[room.selected] {
            case .round(let r): return r
            case .dimension(let r, _): return .round(r)
            }
        }
        switch key {
        case .escape, .char("q"), .char("@"):
            state.overlay = nil
            return
        case .char("j"), .down:
            room.selected = min(room.selected + 1, max(lines.count - 1, 0))
        case .char("k"), .up:
            room.selected = max(room.selected - 1, 0)
        case .char("u"):
            _ = run(&state, "app.undo", env)
        case .ctrl("r"):
            _ = run(&state, "app.redo", env)
        case .char("V"):
            switch selectedRound() {
            case .vote?:
                _ = runPilots(&state, "pilots.reveal", env)
            case .round(let r)?:
                if apply(&state, .revealRound(r.id, !r.revealed), env) {
                    toast(&state, r.revealed ? "\(r.title): answers hidden" : "\(r.title): answers shown to the room", env, kind: .info)
                }
            case nil:
                toast(&state, "No round is open: o opens one in Readiness, Resistance or Workshop, v in Pilots", env, kind: .error)
            }
        case .char("C"):
            switch selectedRound() {
            case .vote?:
                _ = runPilots(&state, "pilots.closeRound", env)
            case .round(let r)? where !r.closed:
                if apply(&state, .closeRound(r.id), env) { toast(&state, "Closed \(r.title) — u to undo", env) }
            case .round(let r)?:
                toast(&state, "\(r.title) is already closed", env, kind: .info)
            case nil:
                break
            }
        case .enter:
            guard room.selected < lines.count, case .dimension(let r, let d) = lines[room.selected],
                let dimension = state.plan.dimension(d.dimension) else {
                toast(&state, "Enter records the agreed value on a dimension of a revealed readiness round", env, kind: .info)
                break
            }
            let place = r.team.flatMap { id in state.derived.indexByID[id].map { state.plan.teams[$0].name } } ?? "organisation"
            var form = EditForm.signal(Readiness.CellKey(dimension: d.dimension, team: r.team), dimension: dimension,
                                       where: place, current: d.suggested, recorder: "the room (\(Words.count(d.n, "participant")))")
            if let i = form.fields.firstIndex(where: { $0.key == "evidence" }) {
                form.fields[i].editor = .text(TextInput("\(r.title): \(d.summary)" + (d.disagrees ? " — the room disagrees" : ""), limit: 400))
            }
            state.overlay = .editForm(form)
            return
        default:
            break
        }
        if case .room = state.overlay { state.overlay = .room(room) } else if state.overlay == nil { state.overlay = .room(room) }
    }
}
