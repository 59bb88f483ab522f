import Foundation
/// Why an edit could not be applied. The plan is left unchanged when an edit throws.
public struct EditError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Every change to a plan is one named edit, so that undo, autosave and the decision log can name it.
///
/// Edits are plain values: apply one with `apply(to:)`; name it for people with `title(in:)`
/// (call that *before* applying, while the plan still holds what the edit removes).
public enum PlanEdit: Hashable, Sendable {
    case renamePlan(String)
    case setOrganisation(Organisation)
    case setSettings(PlanSettings)

    case addTeam(Team)
    case updateTeam(Team)
    /// Removes the team and everything that only makes sense with it: its readiness signals and
    /// resistance notes, its place in waves (the plan's and every scenario's), its coach assignments
    /// in scenarios, and references to it from other teams and blockers.
    case removeTeam(TeamID)
    case setTeamStatus(TeamID, TeamStatus, reason: String?)
    case rateTeam(TeamID, CriterionKey, Int?)
    case setOutcome(TeamID, Outcome?)
    case importTeams([Team])

    case setWeight(CriterionKey, Int)
    case resetWeights
    case addCriterion(Criterion)
    case updateCriterion(Criterion)
    case removeCriterion(CriterionKey)

    case addDimension(ReadinessDimension)
    case updateDimension(ReadinessDimension)
    /// Moves a dimension up (`by` < 0) or down the list (the readiness matrix's row order).
    case moveDimension(DimensionKey, by: Int)
    case recordSignal(ReadinessSignal)
    case strikeSignal(SignalID, Strike)

    case addNote(ResistanceNote)
    case updateNote(ResistanceNote)
    case removeNote(NoteID)

    case addStakeholder(Stakeholder)
    case updateStakeholder(Stakeholder)
    case removeStakeholder(StakeholderID)

    case addCoach(Coach)
    case updateCoach(Coach)
    /// Removes the coach; the teams it coached (in the plan and in every scenario) have none.
    case removeCoach(CoachID)

    case addWave(Wave)
    case updateWave(Wave)
    case removeWave(WaveID)
    /// Moves a team into a wave (at the end) or out of every wave (`nil`); the team's status follows:
    /// the order-0 wave makes it a pilot, another wave makes it `inWave`, none makes it a candidate.
    case moveTeam(TeamID, toWave: WaveID?)

    case addBlocker(Blocker)
    case updateBlocker(Blocker)
    /// Removes the blocker and takes it out of the entry criteria of every wave, scenarios' included.
    case removeBlocker(BlockerID)

    /// Adds an alternative wave plan (checked: its teams, coaches and blockers exist, a team is in
    /// at most one of its waves).
    case addScenario(Scenario)
    case updateScenario(Scenario)
    case removeScenario(ScenarioID)
    /// Replaces the plan's waves with `waves` (checked like a scenario's) in one step, as adopting a
    /// scenario does: a team placed in them becomes a pilot (order-0 wave) or `inWave` and gets its
    /// coach from `assignments` (none without one); a pilot or `inWave` team taken out of every wave
    /// becomes a candidate. Out-of-scope teams are left out of the waves. See ``Scenarios/apply(_:to:)``.
    case setWavePlan([Wave], assignments: [CoachAssignment])

    case recordDecision(Decision)

    /// Opens a dot-voting round (checked: budget, cap, empty).
    case openVoteRound(VoteRound)
    /// Casts one person's ballot (`voter` is dropped in an unattributed round; its votes go straight
    /// into the totals). Checked against the budget, the cap and the teams in scope.
    case castBallot(VoteRoundID, Ballot)
    /// Shows or hides the round's tally.
    case revealVotes(VoteRoundID, Bool)
    /// Closes the round (no more ballots).
    case closeVoteRound(VoteRoundID)
    /// Removes a round and its ballots.
    case removeVoteRound(VoteRoundID)
    /// A participant's ballot from `pilotwave join` in an attributed round: replaces that person's
    /// earlier ballot, if any (checked like ``castBallot(_:_:)``).
    case submitBallot(VoteRoundID, Ballot)
    /// Counts participants' ballots into an unattributed round's totals (no names, no ballots
    /// kept) and marks the round counted.
    case countBallots(VoteRoundID, [Ballot], at: Date)

    /// Opens a participants' round (readiness or concerns).
    case openRound(ParticipantRound)
    /// A participant's ratings in a readiness round: replaces that person's earlier answer.
    case submitRatings(RoundID, RoundResponse)
    /// A participant's concern: a resistance note, counted in the round.
    case addConcern(RoundID, ResistanceNote)
    /// Shows or hides the round's answers.
    case revealRound(RoundID, Bool)
    /// Closes the round (no more answers).
    case closeRound(RoundID)
    /// Removes a round and its answers (concerns already in the log stay).
    case removeRound(RoundID)

    case addWorkshop(Workshop)
    case updateWorkshop(Workshop)
    /// Removes a workshop; its actions and decisions stay, no longer linked to it.
    case removeWorkshop(WorkshopID)

    case addAction(ActionItem)
    case updateAction(ActionItem)
    case removeAction(ActionID)

    /// Removes a merge conflict, the plan keeping the value it holds (ours).
    case dropConflict(String)
    /// Settles a conflict a merge left in the plan (by its id): takes THEIRS' value or keeps OURS.
    case resolveConflict(String, takeTheirs: Bool)

    /// Several edits applied as one (one undo step), under one name.
    indirect case batch(String, [PlanEdit])
}
