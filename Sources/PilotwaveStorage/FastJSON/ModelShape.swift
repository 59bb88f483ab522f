import PilotwaveCore

/// A guard for the fast paths: the stored properties of every model type (found by reflection)
/// must be exactly the keys ``Fields`` lists. A property added to or removed from the model
/// without updating ``FastPlanReader`` and ``FastPlanWriter`` turns both off (loading and saving
/// then use Foundation, correct but slower) instead of silently dropping data.
enum ModelShape {
    /// Whether the model and ``Fields`` agree; checked once per process.
    static let matches: Bool = {
        let plan = FastPlanWriter.probePlan()
        guard let team = plan.teams.first, let outcome = team.outcome, let signal = plan.signals.first,
            let strike = signal.struck, let wave = plan.waves.first, let threshold = wave.entry.readiness.first,
            let item = wave.entry.checklist.first, let workshop = plan.workshops.first, let step = workshop.steps.first,
            let criterion = plan.criteria.first, let dimension = plan.dimensions.first,
            let stakeholder = plan.stakeholders.first, let change = stakeholder.stanceHistory?.first, let coach = plan.coaches.first,
            let note = plan.resistance.first, let blocker = plan.blockers.first, let decision = plan.decisions.first,
            let selection = decision.selection, let selected = selection.teams.first,
            let weight = selection.weights.first, let round = plan.votes.first, let ballot = round.ballots.first,
            let line = ballot.votes.first, let scenario = plan.scenarios.first,
            let assignment = scenario.assignments.first, let parking = workshop.parkingLot.first,
            let action = plan.actions.first, let participantRound = plan.rounds.first,
            let response = participantRound.responses.first, let rating = response.ratings.first,
            let conflict = plan.conflicts.first
        else { return false }
        let pairs: [(Any, FieldNames)] = [
            (plan, Fields.plan), (plan.organisation, Fields.organisation),
            (plan.organisation.thresholds, Fields.sizeThresholds), (plan.settings, Fields.settings),
            (criterion, Fields.criterion), (dimension, Fields.dimension), (team, Fields.team),
            (team.roles, Fields.roles), (outcome, Fields.outcome), (stakeholder, Fields.stakeholder),
            (change, Fields.stanceChange),
            (coach, Fields.coach), (signal, Fields.signal), (strike, Fields.strike), (note, Fields.resistanceNote),
            (wave, Fields.wave), (wave.entry, Fields.entryCriteria), (threshold, Fields.threshold),
            (item, Fields.checklistItem), (blocker, Fields.blocker), (decision, Fields.decision),
            (workshop, Fields.workshop), (step, Fields.agendaStep), (selection, Fields.pilotSelection),
            (selected, Fields.selectedTeam), (weight, Fields.weightUsed), (round, Fields.voteRound),
            (ballot, Fields.ballot), (line, Fields.teamVotes), (scenario, Fields.scenario),
            (assignment, Fields.coachAssignment), (parking, Fields.parkingItem), (action, Fields.action),
            (participantRound, Fields.participantRound), (response, Fields.roundResponse),
            (rating, Fields.roundRating), (conflict, Fields.conflict),
        ]
        return pairs.allSatisfy { value, names in
            let labels = Mirror(reflecting: value).children.compactMap(\.label)
            return labels.count == names.count && Set(labels) == Set(names.strings)
        }
    }()
}
