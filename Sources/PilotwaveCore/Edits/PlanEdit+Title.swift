extension PlanEdit {
    /// The edit's name for people ("Delete team Checkout"), as undo, toasts and the decision log show it.
    /// Call it with the plan as it is *before* the edit.
    public func title(in plan: Plan) -> String {
        func team(_ id: TeamID) -> String { plan.team(id)?.name ?? id.raw }
        func quote(_ text: String) -> String { "\"" + (text.count > 40 ? String(text.prefix(39)) + "…" : text) + "\"" }
        switch self {
        case .renamePlan(let name): return "Rename plan to \(name)"
        case .setOrganisation: return "Edit organisation"
        case .setSettings: return "Edit plan settings"
        case .addTeam(let t): return "Add team \(t.name)"
        case .updateTeam(let t): return "Edit team \(t.name)"
        case .removeTeam(let id): return "Delete team \(team(id))"
        case .setTeamStatus(let id, let status, _): return "Mark \(team(id)) \(status.label)"
        case .rateTeam(let id, let key, let r):
            let name = plan.criterion(key)?.name ?? key
            return r.map { "Rate \(team(id)) \(name) \($0)" } ?? "Clear \(name) of \(team(id))"
        case .setOutcome(let id, let o): return o == nil ? "Clear outcome of \(team(id))" : "Set outcome of \(team(id))"
        case .importTeams(let teams): return "Import \(teams.count) team\(teams.count == 1 ? "" : "s")"
        case .setWeight(let key, let w): return "Set weight of \(plan.criterion(key)?.name ?? key) to \(w)"
        case .resetWeights: return "Reset weights"
        case .addCriterion(let c): return "Add criterion \(c.name)"
        case .updateCriterion(let c): return "Edit criterion \(c.name)"
        case .removeCriterion(let key): return "Remove criterion \(plan.criterion(key)?.name ?? key)"
        case .addDimension(let d): return "Add readiness dimension \(d.name)"
        case .updateDimension(let d): return "Edit readiness dimension \(d.name)"
        case .moveDimension(let key, let by): return "Move \(plan.dimension(key)?.name ?? key) \(by < 0 ? "up" : "down")"
        case .recordSignal(let s):
            let dim = plan.dimension(s.dimension)?.name ?? s.dimension
            return "Rate \(dim) \(s.rating) for \(s.team.map(team) ?? "the organisation")"
        case .strikeSignal: return "Strike a readiness rating"
        case .addNote: return "Log resistance note"
        case .updateNote: return "Edit resistance note"
        case .removeNote: return "Delete resistance note"
        case .addStakeholder(let s): return "Add stakeholder \(s.name)"
        case .updateStakeholder(let s): return "Edit stakeholder \(s.name)"
        case .removeStakeholder(let id): return "Delete stakeholder \(plan.stakeholder(id)?.name ?? id.raw)"
        case .addCoach(let c): return "Add coach \(c.name)"
        case .updateCoach(let c): return "Edit coach \(c.name)"
        case .removeCoach(let id): return "Delete coach \(plan.coach(id)?.name ?? id.raw)"
        case .addWave(let w): return "Add wave \(w.name)"
        case .updateWave(let w): return "Edit wave \(w.name)"
        case .removeWave(let id): return "Delete wave \(plan.wave(id)?.name ?? id.raw)"
        case .moveTeam(let id, let target):
            return target.map { "Move \(team(id)) to \(plan.wave($0)?.name ?? $0.raw)" } ?? "Take \(team(id)) out of its wave"
        case .addBlocker(let b): return "Add blocker \(b.title)"
        case .updateBlocker(let b): return "Edit blocker \(b.title)"
        case .removeBlocker(let id): return "Delete blocker \(plan.blocker(id)?.title ?? id.raw)"
        case .addScenario(let s): return "Add scenario \(s.name)"
        case .updateScenario(let s): return "Edit scenario \(s.name)"
        case .removeScenario(let id): return "Delete scenario \(plan.scenario(id)?.name ?? id.raw)"
        case .setWavePlan: return "Replace the wave plan"
        case .recordDecision(let d): return d.kind == .decision ? "Record decision" : "Record suggestion"
        case .openVoteRound(let r): return "Open voting round \(r.title)"
        case .castBallot(let id, let b):
            let round = plan.voteRound(id)
            return round?.attributed == false ? "Cast a ballot" : "Cast \(b.voter.trimmingWhitespace())'s ballot"
        case .revealVotes(_, let shown): return shown ? "Reveal the votes" : "Hide the votes"
        case .closeVoteRound(let id): return "Close voting round \(plan.voteRound(id)?.title ?? id.raw)"
        case .removeVoteRound(let id): return "Delete voting round \(plan.voteRound(id)?.title ?? id.raw)"
        case .submitBallot(_, let b): return "Ballot from \(b.voter)"
        case .countBallots(_, let ballots, _): return "Count \(Words.count(ballots.count, "ballot")) from participants"
        case .openRound(let r): return "Open \(r.kind.label) \(r.title)"
        case .submitRatings(_, let r): return "Ratings from \(r.participant)"
        case .addConcern(_, let n): return n.raisedBy.map { "Concern from \($0)" } ?? "Anonymous concern"
        case .revealRound(let id, let shown):
            return (shown ? "Reveal " : "Hide ") + (plan.round(id)?.title ?? id.raw)
        case .closeRound(let id): return "Close \(plan.round(id)?.title ?? id.raw)"
        case .removeRound(let id): return "Delete \(plan.round(id)?.title ?? id.raw)"
        case .addWorkshop(let w): return "Add workshop \(w.title)"
        case .updateWorkshop(let w): return "Edit workshop \(w.title)"
        case .removeWorkshop(let id): return "Delete workshop \(plan.workshops.first { $0.id == id }?.title ?? id.raw)"
        case .addAction(let a): return "Add action \(quote(a.text))"
        case .updateAction(let a): return "Edit action \(quote(a.text))"
        case .removeAction(let id): return "Delete action \(quote(plan.actions.first { $0.id == id }?.text ?? id.raw))"
        case .dropConflict(let id): return "Keep ours: \(plan.conflicts.first { $0.id == id }?.what ?? id)"
        case .resolveConflict(let id, let takeTheirs):
            let what = plan.conflicts.first { $0.id == id }?.what ?? id
            return (takeTheirs ? "Take theirs: " : "Keep ours: ") + what
        case .batch(let name, _): return name
        }
    }
}
