import Foundation
import PilotwaveCore
import TerminalUI

extension Reducer {
    // MARK: Refresh

    static func refreshReadiness(_ state: inout AppState, _ env: Environment) {
        state.derived.readiness.refresh(plan: state.plan, revision: state.revision, state: state.readiness, today: state.today)
        let d = state.derived.readiness
        var r = state.readiness
        r.row = d.dimensions.isEmpty ? 0 : min(max(0, r.row), d.dimensions.count - 1)
        r.column = min(max(0, r.column), d.teams.count)
        let visible = max(1, Layout.readinessColumns(state.size))
        if r.column > 0 {
            if r.column - 1 < r.leftColumn { r.leftColumn = r.column - 1 }
            if r.column - 1 >= r.leftColumn + visible { r.leftColumn = r.column - visible }
        }
        r.leftColumn = max(0, min(r.leftColumn, max(0, d.teams.count - visible)))
        state.readiness = r
    }

    /// j/k: the next row that can be rated in this column (a team's column skips the
    /// organisation-only preconditions, shown "—"); stays put when there is none that way.
    static func stepRow(_ state: inout AppState, by step: Int) {
        let count = state.derived.readiness.dimensions.count
        var row = state.readiness.row + step
        while row >= 0, row < count {
            if state.derived.readiness.cell(row: row, column: state.readiness.column, plan: state.plan) != nil {
                state.readiness.row = row
                return
            }
            row += step
        }
    }

    /// After a change of column: when the selected row cannot be rated there, the nearest that can
    /// (below first), so `r` works at once.
    static func snapRow(_ state: inout AppState) {
        guard selectedCell(state) == nil else { return }
        let count = state.derived.readiness.dimensions.count
        let row = state.readiness.row
        for distance in 1..<max(1, count) {
            for candidate in [row + distance, row - distance] where candidate >= 0 && candidate < count {
                if state.derived.readiness.cell(row: candidate, column: state.readiness.column, plan: state.plan) != nil {
                    state.readiness.row = candidate
                    return
                }
            }
        }
    }

    static func selectedCell(_ state: AppState) -> Readiness.CellKey? {
        state.derived.readiness.cell(row: state.readiness.row, column: state.readiness.column, plan: state.plan)
    }

    /// The team the user is looking at, for quick capture: the selected team of the Teams or
    /// Pilots view, the team column of the Readiness view, the source of the selected note.
    static func currentTeam(_ state: AppState) -> Team? {
        switch state.view {
        case .teams: return state.derived.teamIndex(row: state.teams.selected).map { state.plan.teams[$0] }
        case .pilots: return selectedPilotTeam(state)
        case .readiness:
            guard state.readiness.column > 0, state.readiness.column - 1 < state.derived.readiness.teams.count else { return nil }
            return state.plan.teams[Int(state.derived.readiness.teams[state.readiness.column - 1])]
        case .resistance: return selectedNote(state)?.team.flatMap { id in state.derived.indexByID[id].map { state.plan.teams[$0] } }
        case .waves: return selectedWaveTeam(state)
        case .blockers: return selectedBlocker(state)?.surfacedBy.first.flatMap { id in state.derived.indexByID[id].map { state.plan.teams[$0] } }
        case .overview, .workshop: return nil
        }
    }

    // MARK: Readiness commands

    static func runReadiness(_ state: inout AppState, _ id: CommandID, _ env: Environment) -> [Effect] {
        let d = state.derived.readiness
        switch id {
        case "readiness.down": stepRow(&state, by: 1)
        case "readiness.up": stepRow(&state, by: -1)
        case "readiness.right":
            state.readiness.column = min(d.teams.count, state.readiness.column + 1)
            snapRow(&state)
        case "readiness.left":
            state.readiness.column = max(0, state.readiness.column - 1)
            snapRow(&state)
        case "readiness.scope":
            let waves = state.plan.orderedWaves
            switch state.readiness.scope {
            case .pilots: state.readiness.scope = waves.first.map { .wave($0.id) } ?? .allTeams
            case .wave(let w):
                if let i = waves.firstIndex(where: { $0.id == w }), i + 1 < waves.count {
                    state.readiness.scope = .wave(waves[i + 1].id)
                } else {
                    state.readiness.scope = .allTeams
                }
            case .allTeams: state.readiness.scope = .pilots
            }
            state.readiness.column = 0
            state.readiness.leftColumn = 0
            refreshReadiness(&state, env)
            toast(&state, "Columns: \(state.derived.readiness.scopeTitle) (\(state.derived.readiness.teams.count))", env, kind: .info)
        case "readiness.record":
            guard let cell = selectedCell(state), let dimension = state.plan.dimension(cell.dimension) else {
                toast(&state, "This dimension is not rated for \(state.readiness.column == 0 ? "the organisation" : "teams")", env, kind: .error)
                break
            }
            if dimension.retired {
                toast(&state, "\(dimension.name) is retired: R brings it back before new ratings", env, kind: .error)
                break
            }
            let place = cell.team.flatMap { id in state.derived.indexByID[id].map { state.plan.teams[$0].name } } ?? "organisation"
            state.overlay = .editForm(.signal(cell, dimension: dimension, where: place,
                                              current: d.trends[cell]?.latest.rating,
                                              recorder: proposedRecorder(state, cell, teamName: cell.team == nil ? nil : place)))
        case "readiness.history":
            guard let cell = selectedCell(state) else { break }
            let count = Readiness.history(state.plan.signals, cell).count
            guard count > 0 else {
                toast(&state, "No ratings yet: r records the first", env, kind: .error)
                break
            }
            state.overlay = .history(HistoryState(cell: cell, selected: count - 1))
        case "readiness.raise":
            guard state.readiness.row < d.dimensions.count else { break }
            let key = state.plan.dimensions[d.dimensions[state.readiness.row]].id
            guard let pattern = d.systemic.first(where: { $0.dimension.id == key }) ?? d.systemic.first(where: { $0.raised == nil }) else {
                toast(&state, "No systemic pattern: fewer than \(Readiness.systemicTeams) pilot teams rate a dimension \(Readiness.systemicRating) or lower", env, kind: .error)
                break
            }
            if pattern.raised != nil {
                toast(&state, "\(Readiness.blockerTitle(pattern.dimension)) is raised already", env, kind: .error)
                break
            }
            let edit = Readiness.raiseBlocker(pattern, id: BlockerID(env.newID("blocker")), plan: state.plan)
            if apply(&state, edit, env) {
                let waves = state.plan.waves.filter { $0.order > 0 && $0.status != .done }.count
                toast(&state, "Raised \(Readiness.blockerTitle(pattern.dimension)) (surfaced by \(pattern.teams.count) pilot teams); it gates \(Words.count(waves, "later wave")) — u to undo", env)
            }
        case "readiness.addDimension":
            state.overlay = .editForm(.dimension(nil))
        case "readiness.editDimension":
            guard state.readiness.row < d.dimensions.count else { break }
            state.overlay = .editForm(.dimension(state.plan.dimensions[d.dimensions[state.readiness.row]]))
        case "readiness.moveUp", "readiness.moveDown":
            guard state.readiness.row < d.dimensions.count else { break }
            let dim = state.plan.dimensions[d.dimensions[state.readiness.row]]
            let by = id == "readiness.moveUp" ? -1 : 1
            if apply(&state, .moveDimension(dim.id, by: by), env) {
                state.readiness.row += by
                toast(&state, "Moved \(dim.name) \(by < 0 ? "up" : "down") — u to undo", env)
            }
        case "readiness.retire":
            guard state.readiness.row < d.dimensions.count else { break }
            var dim = state.plan.dimensions[d.dimensions[state.readiness.row]]
            if dim.retired {
                dim.retired = false
                if apply(&state, .updateDimension(dim), env) { toast(&state, "\(dim.name) is back — u to undo", env) }
                break
            }
            let gates = Readiness.gatesUsing(dim.id, in: state.plan)
            if gates.isEmpty {
                retireDimension(&state, dim.id, env)
                break
            }
            let uses = gates.map { "\($0.wave.name) (at least \($0.minimum))" }
            state.overlay = .confirm(Confirmation(
                action: .retireDimension(dim.id), title: "Retire \(dim.name)?",
                lines: ["It is in the entry gate of \(Words.list(uses)).",
                        "Retiring drops it from \(gates.count == 1 ? "that gate" : "those gates"): no new ratings could meet it.",
                        "Its history is kept; u undoes the retirement and the gates together."],
                keys: "y retire and drop from the gates · Esc keep it active"))
        case "readiness.showRetired":
            state.readiness.showRetired.toggle()
        default: break
        }
        return []
    }

    /// Retires `key` and drops it from the wave gates that use it, as one undoable edit.
    static func retireDimension(_ state: inout AppState, _ key: DimensionKey, _ env: Environment) {
        guard let dim = state.plan.dimension(key), !dim.retired else { return }
        let gates = Readiness.gatesUsing(key, in: state.plan).map(\.wave.name)
        if apply(&state, Readiness.retire(dim, in: state.plan), env) {
            toast(&state, "Retired \(dim.name)" + (gates.isEmpty ? ": hidden, history kept (z shows it)" : "; dropped from the gate of \(Words.list(gates))")
                + " — u to undo", env)
        }
    }

    // MARK: History overlay

    static func handleHistory(_ state: inout AppState, _ history: HistoryState, _ key: Key, _ env: Environment) {
        let signals = Readiness.history(state.plan.signals, history.cell)
        var h = history
        switch key {
        case .escape, .char("q"), .enter, .ctrl("c"):
            state.overlay = nil
            return
        case .down, .char("j"): h.selected = min(max(0, signals.count - 1), h.selected + 1)
        case .up, .char("k"): h.selected = max(0, h.selected - 1)
        case .char("x"):
            guard h.selected < signals.count else { break }
            let signal = signals[h.selected]
            if signal.struck != nil {
                toast(&state, "Already struck: \(signal.struck!.reason)", env, kind: .error)
                break
            }
            state.overlay = .editForm(.strike(signal, by: state.readiness.recorder))
            return
        case .char("u"):
            _ = run(&state, "app.undo", env)
        default: break
        }
        state.overlay = .history(h)
    }

    // MARK: Committing the forms

    static func commitReadinessForm(_ state: inout AppState, _ form: EditForm, _ env: Environment) {
        var form = form
        form.clearErrors()
        switch form.purpose {
        case .signal(let cell):
            guard let rating = form.rating("rating") else {
                form.setError("rating", "choose 1–5")
                state.overlay = .editForm(form)
                return
            }
            let by = form.text("by").trimmingWhitespace()
            guard !by.isEmpty else {
                // Readiness is who said what, when: asked once a session, then filled in.
                form.setError("by", "say who gives this rating (remembered for the next ones)")
                _ = form.focusFirstError()
                state.overlay = .editForm(form)
                return
            }
            state.readiness.recorder = by
            state.readiness.recorderTeam = cell.team.flatMap { id in
                state.derived.indexByID[id].flatMap { state.plan.teams[$0].name == by ? id : nil }
            }
            let signal = ReadinessSignal(id: SignalID(env.newID("signal")), dimension: cell.dimension, team: cell.team, rating: rating,
                                         evidence: form.text("evidence").trimmingWhitespace(), recordedBy: by, recordedAt: env.now())
            let before = state.derived.readiness.trends[cell]?.latest.rating
            if apply(&state, .recordSignal(signal), env) {
                state.overlay = nil
                let trend = before.map { $0 < rating ? " ↑ from \($0)" : $0 > rating ? " ↓ from \($0)" : " → unchanged" } ?? " (first rating)"
                let place = cell.team.flatMap { id in state.derived.indexByID[id].map { state.plan.teams[$0].name } } ?? "the organisation"
                let dimension = state.plan.dimension(cell.dimension)?.name ?? cell.dimension
                toast(&state, "Recorded \(rating)/5\(trend) for \(Words.clip(place, max: 40)), \(dimension) — u to undo", env)
            }
        case .dimension(let existing):
            let name = form.text("name").trimmingWhitespace()
            if name.isEmpty { form.setError("name", "a dimension needs a name") }
            if state.plan.dimensions.contains(where: { $0.name.lowercased() == name.lowercased() && $0.id != existing }) {
                form.setError("name", "\"\(name)\" already exists")
            }
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            let anchors = (1...5).map { form.text("anchor\($0)").trimmingWhitespace() }
            var key = existing ?? EditForm.key(for: name)
            if existing == nil {
                let base = key
                var n = 2
                while state.plan.dimension(key) != nil {
                    key = base + String(n)
                    n += 1
                }
            }
            let old = existing.flatMap { state.plan.dimension($0) }
            let d = ReadinessDimension(id: key, name: name, help: form.text("help").trimmingWhitespace(),
                                       scope: EditForm.scopeChoices[form.choice("scope")], group: EditForm.groupChoices[form.choice("group")],
                                       anchors: anchors.allSatisfy(\.isEmpty) ? [] : anchors, retired: old?.retired ?? false)
            if apply(&state, existing == nil ? .addDimension(d) : .updateDimension(d), env) {
                state.overlay = nil
                if existing == nil {
                    refreshReadiness(&state, env)
                    state.readiness.row = max(0, state.derived.readiness.dimensions.count - 1)
                }
                toast(&state, existing == nil ? "Added \(name) — r rates it" : "Changed \(name); its history is kept", env)
            }
        case .note(let existing):
            let words = form.text("words").trimmingWhitespace()
            if words.isEmpty { form.setError("words", "write down the words as they were said") }
            let teamName = form.text("team").trimmingWhitespace()
            var team: TeamID?
            if !teamName.isEmpty {
                let match = TeamMatch.resolve(teamName, in: state.plan.teams)
                if case .team(let id) = match { team = id } else { form.setError("team", TeamMatch.problem(teamName, match) ?? "") }
            }
            let stakeholderIndex = form.choice("stakeholder")
            let stakeholder = stakeholderIndex == 0 || stakeholderIndex > state.plan.stakeholders.count
                ? nil : state.plan.stakeholders[stakeholderIndex - 1].id
            if teamName.isEmpty && stakeholder == nil {
                form.setError("team", "say who said it: a team, or a stakeholder below")
            } else if team != nil && stakeholder != nil {
                form.setError("stakeholder", "a note comes from one team or one stakeholder, not both")
            }
            let kind = ResistanceKind.allCases[form.choice("kind")]
            var note: ResistanceNote
            if let existing, let old = state.plan.resistance.first(where: { $0.id == existing }) {
                note = old
                note.followUp = form.day("followUp", today: state.today)
                let taken = Day(old.recordedAt)
                if let due = note.followUp, due < taken {
                    form.setError("followUp", "\(due.spoken) is before the note was taken (\(taken.spoken)); a follow-up comes after")
                }
                note.stakeholder = stakeholder
                note.severity = Severity.allCases[form.choice("severity")]
                let own = form.text("response").trimmingWhitespace()
                let playbookIndex = form.choice("playbook")
                // The playbook of the kind chosen when the form opened.
                let playbook = old.kind.playbook
                note.response = !own.isEmpty ? own : playbookIndex > 0 && playbookIndex <= playbook.count ? playbook[playbookIndex - 1] : nil
                let owner = form.text("owner").trimmingWhitespace()
                note.owner = owner.isEmpty ? nil : owner
                let cause = form.text("rootCause").trimmingWhitespace()
                note.rootCause = cause.isEmpty ? nil : cause
                let chosenStatus = NoteStatus.allCases[form.choice("status")]
                note.status = chosenStatus
                if chosenStatus == .open { note = ResistanceRules.advanced(note) }
                if chosenStatus == .beingAddressed && !note.hasResponseAndOwner {
                    form.setError("status", "being addressed needs a response and an owner")
                }
            } else {
                note = ResistanceNote(id: NoteID(env.newID("note")), words: words, kind: kind, recordedAt: env.now())
                note.severity = Severity.allCases[form.choice("severity")]
                note.stakeholder = stakeholder
            }
            note.words = words
            note.kind = kind
            note.team = team
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            if apply(&state, existing == nil ? .addNote(note) : .updateNote(note), env) {
                state.overlay = nil
                if existing == nil {
                    toast(&state, "Noted: \(Words.quote(words, max: 40)) — complete it in Resistance (5)", env)
                } else {
                    toast(&state, "Note saved (\(note.status.label)) — u to undo", env)
                }
            }
        case .stakeholder(let existing):
            let name = form.text("name").trimmingWhitespace()
            if name.isEmpty { form.setError("name", "a stakeholder needs a name") }
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            let stance = EditForm.stanceChoices[form.choice("stance")]
            var s = Stakeholder(id: existing ?? StakeholderID(env.newID("stakeholder")), name: name, role: form.text("role").trimmingWhitespace(),
                                stance: stance, desiredStance: EditForm.stanceChoices[form.choice("desired")])
            if let old = existing.flatMap({ state.plan.stakeholder($0) }) {
                // A change of stance is kept, as readiness ratings are: appended, never overwritten.
                s.stance = old.stance
                s.stanceHistory = old.stanceHistory
                s = s.withStance(stance, at: env.now())
            }
            if apply(&state, existing == nil ? .addStakeholder(s) : .updateStakeholder(s), env) {
                state.overlay = nil
                toast(&state, existing == nil ? "Added \(name)" : "Changed \(name)", env)
            }
        case .strike(let id):
            let reason = form.text("reason").trimmingWhitespace()
            if reason.isEmpty { form.setError("reason", "say why it is struck") }
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            let by = form.text("by").trimmingWhitespace()
            if apply(&state, .strikeSignal(id, Strike(reason: reason, by: by, at: env.now())), env) {
                let signal = state.plan.signals.first { $0.id == id }
                state.overlay = signal.map { s in
                    let cell = Readiness.CellKey(dimension: s.dimension, team: s.team)
                    let index = Readiness.history(state.plan.signals, cell).firstIndex { $0.id == id } ?? 0
                    return .history(HistoryState(cell: cell, selected: index))
                }
                toast(&state, "Struck; kept in the history with the reason — u to undo", env)
            }
        default:
            commitWavesForm(&state, form, env)
        }
    }

    /// Who the rating form proposes as its recorder (all selected: typing replaces it): the person
    /// named earlier in the session; else whoever rated this cell last; else, for a team's cell,
    /// the team itself (teams usually rate themselves at a check-in). A team named for itself is
    /// not proposed for another team.
    static func proposedRecorder(_ state: AppState, _ cell: Readiness.CellKey, teamName: String?) -> String {
        let session = state.readiness.recorder
        if !session.isEmpty, state.readiness.recorderTeam == nil { return session }
        if let last = state.derived.readiness.trends[cell]?.latest.recordedBy, !last.isEmpty { return last }
        if let teamName { return teamName }
        return session
    }
}
