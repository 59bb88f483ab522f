import Foundation
import PilotwaveCore

/// Readiness signals, resistance, waves, blockers, decisions, workshops, actions, voting rounds,
/// scenarios and participants' rounds.
extension FastPlanReader {
    mutating func signal() throws(FastPathMiss) -> ReadinessSignal {
        var dimension: DimensionKey?, evidence: String?, id: SignalID?, rating: Int?, recordedAt: Date?
        var recordedBy: String?, struck: Strike?, team: TeamID?
        try object(Fields.signal) { r, field throws(FastPathMiss) in
            switch field {
            case 0: dimension = try r.string()
            case 1: evidence = try r.string()
            case 2: id = try r.ref()
            case 3: rating = try r.int()
            case 4: recordedAt = try r.date()
            case 5: recordedBy = try r.string()
            case 6: struck = try r.input.consumeNull() ? nil : r.strike()
            case 7: team = try r.optionalRef()
            default: try r.skip()
            }
        }
        guard let dimension, let evidence, let id, let rating, let recordedAt, let recordedBy else {
            throw FastPathMiss()
        }
        return ReadinessSignal(id: id, dimension: dimension, team: team, rating: rating, evidence: evidence,
                               recordedBy: recordedBy, recordedAt: recordedAt, struck: struck)
    }

    mutating func strike() throws(FastPathMiss) -> Strike {
        var at: Date?, by: String?, reason: String?
        try object(Fields.strike) { r, field throws(FastPathMiss) in
            switch field {
            case 0: at = try r.date()
            case 1: by = try r.string()
            case 2: reason = try r.string()
            default: try r.skip()
            }
        }
        guard let at, let by, let reason else { throw FastPathMiss() }
        return Strike(reason: reason, by: by, at: at)
    }

    mutating func resistanceNote() throws(FastPathMiss) -> ResistanceNote {
        var followUp: Day?, id: NoteID?, kind: ResistanceKind?, owner: String?, recordedAt: Date?
        var response: String?, rootCause: String?, severity: Severity?, stakeholder: StakeholderID?
        var status: NoteStatus?, team: TeamID?, words: String?, workshop: WorkshopID?, raisedBy: String?
        try object(Fields.resistanceNote) { r, field throws(FastPathMiss) in
            switch field {
            case 0: followUp = try r.optionalDay()
            case 1: id = try r.ref()
            case 2: kind = try r.value(Enums.resistanceKind)
            case 3: owner = try r.optionalString()
            case 4: raisedBy = try r.optionalString()
            case 5: recordedAt = try r.date()
            case 6: response = try r.optionalString()
            case 7: rootCause = try r.optionalString()
            case 8: severity = try r.value(Enums.severity)
            case 9: stakeholder = try r.optionalRef()
            case 10: status = try r.value(Enums.noteStatus)
            case 11: team = try r.optionalRef()
            case 12: words = try r.string()
            case 13: workshop = try r.optionalRef()
            default: try r.skip()
            }
        }
        guard let id, let kind, let recordedAt, let severity, let status, let words else { throw FastPathMiss() }
        return ResistanceNote(id: id, team: team, stakeholder: stakeholder, words: words, kind: kind,
                              rootCause: rootCause, severity: severity, status: status, response: response,
                              owner: owner, followUp: followUp, recordedAt: recordedAt, workshop: workshop,
                              raisedBy: raisedBy)
    }

    mutating func wave() throws(FastPathMiss) -> Wave {
        var checkIns: [Day]?, end: Day?, entry: EntryCriteria?, id: WaveID?, name: String?, order: Int?
        var start: Day?, status: WaveStatus?, teams: [TeamID]?
        try object(Fields.wave) { r, field throws(FastPathMiss) in
            switch field {
            case 0: checkIns = try r.days()
            case 1: end = try r.optionalDay()
            case 2: entry = try r.entryCriteria()
            case 3: id = try r.ref()
            case 4: name = try r.string()
            case 5: order = try r.int()
            case 6: start = try r.optionalDay()
            case 7: status = try r.value(Enums.waveStatus)
            case 8: teams = try r.refs()
            default: try r.skip()
            }
        }
        guard let checkIns, let entry, let id, let name, let order, let status, let teams else { throw FastPathMiss() }
        return Wave(id: id, name: name, order: order, start: start, end: end, teams: teams, entry: entry,
                    checkIns: checkIns, status: status)
    }

    mutating func entryCriteria() throws(FastPathMiss) -> EntryCriteria {
        var blockers: [BlockerID]?, checklist: [ChecklistItem]?, readiness: [ReadinessThreshold]?
        try object(Fields.entryCriteria) { r, field throws(FastPathMiss) in
            switch field {
            case 0: blockers = try r.refs()
            case 1: checklist = try r.array { r throws(FastPathMiss) in try r.checklistItem() }
            case 2: readiness = try r.array { r throws(FastPathMiss) in try r.threshold() }
            default: try r.skip()
            }
        }
        guard let blockers, let checklist, let readiness else { throw FastPathMiss() }
        return EntryCriteria(blockers: blockers, readiness: readiness, checklist: checklist)
    }

    mutating func threshold() throws(FastPathMiss) -> ReadinessThreshold {
        var dimension: DimensionKey?, minimum: Int?
        try object(Fields.threshold) { r, field throws(FastPathMiss) in
            switch field {
            case 0: dimension = try r.string()
            case 1: minimum = try r.int()
            default: try r.skip()
            }
        }
        guard let dimension, let minimum else { throw FastPathMiss() }
        return ReadinessThreshold(dimension: dimension, minimum: minimum)
    }

    mutating func checklistItem() throws(FastPathMiss) -> ChecklistItem {
        var done: Bool?, evidence: String?, text: String?
        try object(Fields.checklistItem) { r, field throws(FastPathMiss) in
            switch field {
            case 0: done = try r.bool()
            case 1: evidence = try r.string()
            case 2: text = try r.string()
            default: try r.skip()
            }
        }
        guard let done, let evidence, let text else { throw FastPathMiss() }
        return ChecklistItem(text: text, done: done, evidence: evidence)
    }

    mutating func blocker() throws(FastPathMiss) -> Blocker {
        var category: BlockerCategory?, id: BlockerID?, owner: String?, status: BlockerStatus?
        var surfacedBy: [TeamID]?, title: String?
        try object(Fields.blocker) { r, field throws(FastPathMiss) in
            switch field {
            case 0: category = try r.value(Enums.blockerCategory)
            case 1: id = try r.ref()
            case 2: owner = try r.optionalString()
            case 3: status = try r.value(Enums.blockerStatus)
            case 4: surfacedBy = try r.refs()
            case 5: title = try r.string()
            default: try r.skip()
            }
        }
        guard let category, let id, let status, let surfacedBy, let title else { throw FastPathMiss() }
        return Blocker(id: id, title: title, category: category, surfacedBy: surfacedBy, owner: owner, status: status)
    }

    mutating func decision() throws(FastPathMiss) -> Decision {
        var at: Date?, concerns: [String]?, decidedBy: String?, id: DecisionID?, kind: DecisionKind?
        var selection: PilotSelection?, text: String?, workshop: WorkshopID?
        try object(Fields.decision) { r, field throws(FastPathMiss) in
            switch field {
            case 0: at = try r.date()
            case 1: concerns = try r.strings()
            case 2: decidedBy = try r.string()
            case 3: id = try r.ref()
            case 4: kind = try r.value(Enums.decisionKind)
            case 5: selection = try r.input.consumeNull() ? nil : r.pilotSelection()
            case 6: text = try r.string()
            case 7: workshop = try r.optionalRef()
            default: try r.skip()
            }
        }
        guard let at, let concerns, let decidedBy, let id, let kind, let text else { throw FastPathMiss() }
        return Decision(id: id, text: text, kind: kind, decidedBy: decidedBy, at: at, concerns: concerns,
                        selection: selection, workshop: workshop)
    }

    mutating func pilotSelection() throws(FastPathMiss) -> PilotSelection {
        var recommended: String?, tally: [TeamVotes]?, teams: [SelectedTeam]?, voteRound: VoteRoundID?
        var weights: [WeightUsed]?
        try object(Fields.pilotSelection) { r, field throws(FastPathMiss) in
            switch field {
            case 0: recommended = try r.string()
            case 1: tally = try r.teamVotesList()
            case 2: teams = try r.array { r throws(FastPathMiss) in try r.selectedTeam() }
            case 3: voteRound = try r.optionalRef()
            case 4: weights = try r.array { r throws(FastPathMiss) in try r.weightUsed() }
            default: try r.skip()
            }
        }
        guard let recommended, let tally, let teams, let weights else { throw FastPathMiss() }
        return PilotSelection(teams: teams, weights: weights, recommended: recommended, voteRound: voteRound,
                              tally: tally)
    }

    mutating func selectedTeam() throws(FastPathMiss) -> SelectedTeam {
        var flags: [String]?, name: String?, score: Int?, team: TeamID?, votes: Int?
        try object(Fields.selectedTeam) { r, field throws(FastPathMiss) in
            switch field {
            case 0: flags = try r.strings()
            case 1: name = try r.string()
            case 2: score = try r.optionalInt()
            case 3: team = try r.ref()
            case 4: votes = try r.optionalInt()
            default: try r.skip()
            }
        }
        guard let flags, let name, let team else { throw FastPathMiss() }
        return SelectedTeam(team: team, name: name, score: score, votes: votes, flags: flags)
    }

    mutating func weightUsed() throws(FastPathMiss) -> WeightUsed {
        var criterion: CriterionKey?, name: String?, weight: Int?
        try object(Fields.weightUsed) { r, field throws(FastPathMiss) in
            switch field {
            case 0: criterion = try r.string()
            case 1: name = try r.string()
            case 2: weight = try r.int()
            default: try r.skip()
            }
        }
        guard let criterion, let name, let weight else { throw FastPathMiss() }
        return WeightUsed(criterion: criterion, name: name, weight: weight)
    }

    mutating func workshop() throws(FastPathMiss) -> Workshop {
        var current: Int?, date: Day?, id: WorkshopID?, parkingLot: [ParkingItem]?, status: WorkshopStatus?
        var steps: [AgendaStep]?, template: String?, title: String?
        try object(Fields.workshop) { r, field throws(FastPathMiss) in
            switch field {
            case 0: current = try r.int()
            case 1: date = try r.optionalDay()
            case 2: id = try r.ref()
            case 3: parkingLot = try r.array { r throws(FastPathMiss) in try r.parkingItem() }
            case 4: status = try r.value(Enums.workshopStatus)
            case 5: steps = try r.array { r throws(FastPathMiss) in try r.agendaStep() }
            case 6: template = try r.optionalString()
            case 7: title = try r.string()
            default: try r.skip()
            }
        }
        guard let current, let id, let parkingLot, let status, let steps, let title else { throw FastPathMiss() }
        return Workshop(id: id, title: title, date: date, steps: steps, template: template, status: status,
                        current: current, parkingLot: parkingLot)
    }

    mutating func agendaStep() throws(FastPathMiss) -> AgendaStep {
        var done: Bool?, extraMinutes: Int?, minutes: Int?, question: String?, spentSeconds: Int?, title: String?
        var view: String?
        try object(Fields.agendaStep) { r, field throws(FastPathMiss) in
            switch field {
            case 0: done = try r.bool()
            case 1: extraMinutes = try r.int()
            case 2: minutes = try r.int()
            case 3: question = try r.string()
            case 4: spentSeconds = try r.int()
            case 5: title = try r.string()
            case 6: view = try r.string()
            default: try r.skip()
            }
        }
        guard let done, let extraMinutes, let minutes, let question, let spentSeconds, let title, let view else {
            throw FastPathMiss()
        }
        return AgendaStep(title: title, view: view, minutes: minutes, question: question, done: done,
                          spentSeconds: spentSeconds, extraMinutes: extraMinutes)
    }

    mutating func parkingItem() throws(FastPathMiss) -> ParkingItem {
        var at: Date?, closed: Bool?, text: String?
        try object(Fields.parkingItem) { r, field throws(FastPathMiss) in
            switch field {
            case 0: at = try r.date()
            case 1: closed = try r.bool()
            case 2: text = try r.string()
            default: try r.skip()
            }
        }
        guard let at, let closed, let text else { throw FastPathMiss() }
        return ParkingItem(text: text, at: at, closed: closed)
    }

    mutating func action() throws(FastPathMiss) -> ActionItem {
        var createdAt: Date?, done: Bool?, due: Day?, id: ActionID?, owner: String?, text: String?
        var workshop: WorkshopID?
        try object(Fields.action) { r, field throws(FastPathMiss) in
            switch field {
            case 0: createdAt = try r.date()
            case 1: done = try r.bool()
            case 2: due = try r.optionalDay()
            case 3: id = try r.ref()
            case 4: owner = try r.string()
            case 5: text = try r.string()
            case 6: workshop = try r.optionalRef()
            default: try r.skip()
            }
        }
        guard let createdAt, let done, let id, let owner, let text else { throw FastPathMiss() }
        return ActionItem(id: id, text: text, owner: owner, due: due, done: done, workshop: workshop,
                          createdAt: createdAt)
    }

    mutating func voteRound() throws(FastPathMiss) -> VoteRound {
        var attributed: Bool?, ballotCount: Int?, ballots: [Ballot]?, budget: Int?, capPerTeam: Int?, closed: Bool?
        var id: VoteRoundID?, openedAt: Date?, revealed: Bool?, title: String?, totals: [TeamVotes]?, countedAt: Date?
        try object(Fields.voteRound) { r, field throws(FastPathMiss) in
            switch field {
            case 0: attributed = try r.bool()
            case 1: ballotCount = try r.int()
            case 2: ballots = try r.array { r throws(FastPathMiss) in try r.ballot() }
            case 3: budget = try r.int()
            case 4: capPerTeam = try r.optionalInt()
            case 5: closed = try r.bool()
            case 6: countedAt = try r.input.consumeNull() ? nil : r.date()
            case 7: id = try r.ref()
            case 8: openedAt = try r.date()
            case 9: revealed = try r.bool()
            case 10: title = try r.string()
            case 11: totals = try r.teamVotesList()
            default: try r.skip()
            }
        }
        guard let attributed, let ballotCount, let ballots, let budget, let closed, let id, let openedAt,
            let revealed, let title, let totals
        else { throw FastPathMiss() }
        return VoteRound(id: id, title: title, budget: budget, capPerTeam: capPerTeam, attributed: attributed,
                         openedAt: openedAt, ballots: ballots, totals: totals, ballotCount: ballotCount,
                         revealed: revealed, closed: closed, countedAt: countedAt)
    }

    mutating func ballot() throws(FastPathMiss) -> Ballot {
        var voter: String?, votes: [TeamVotes]?
        try object(Fields.ballot) { r, field throws(FastPathMiss) in
            switch field {
            case 0: voter = try r.string()
            case 1: votes = try r.teamVotesList()
            default: try r.skip()
            }
        }
        guard let voter, let votes else { throw FastPathMiss() }
        return Ballot(voter: voter, votes: votes)
    }

    mutating func scenario() throws(FastPathMiss) -> Scenario {
        var assignments: [CoachAssignment]?, createdAt: Date?, id: ScenarioID?, name: String?, note: String?
        var waves: [Wave]?
        try object(Fields.scenario) { r, field throws(FastPathMiss) in
            switch field {
            case 0: assignments = try r.array { r throws(FastPathMiss) in try r.coachAssignment() }
            case 1: createdAt = try r.date()
            case 2: id = try r.ref()
            case 3: name = try r.string()
            case 4: note = try r.string()
            case 5: waves = try r.array { r throws(FastPathMiss) in try r.wave() }
            default: try r.skip()
            }
        }
        guard let assignments, let createdAt, let id, let name, let note, let waves else { throw FastPathMiss() }
        return Scenario(id: id, name: name, note: note, createdAt: createdAt, waves: waves, assignments: assignments)
    }

    mutating func coachAssignment() throws(FastPathMiss) -> CoachAssignment {
        var coach: CoachID?, team: TeamID?
        try object(Fields.coachAssignment) { r, field throws(FastPathMiss) in
            switch field {
            case 0: coach = try r.ref()
            case 1: team = try r.ref()
            default: try r.skip()
            }
        }
        guard let coach, let team else { throw FastPathMiss() }
        return CoachAssignment(team: team, coach: coach)
    }

    mutating func participantRound() throws(FastPathMiss) -> ParticipantRound {
        var closed: Bool?, concerns: Int?, dimensions: [DimensionKey]?, id: RoundID?, kind: RoundKind?
        var named: [String]?, openedAt: Date?, responses: [RoundResponse]?, revealed: Bool?, team: TeamID?
        var title: String?, workshop: WorkshopID?
        try object(Fields.participantRound) { r, field throws(FastPathMiss) in
            switch field {
            case 0: closed = try r.bool()
            case 1: concerns = try r.int()
            case 2: dimensions = try r.strings()
            case 3: id = try r.ref()
            case 4: kind = try r.value(Enums.roundKind)
            case 5: named = try r.strings()
            case 6: openedAt = try r.date()
            case 7: responses = try r.array { r throws(FastPathMiss) in try r.roundResponse() }
            case 8: revealed = try r.bool()
            case 9: team = try r.optionalRef()
            case 10: title = try r.string()
            case 11: workshop = try r.optionalRef()
            default: try r.skip()
            }
        }
        guard let closed, let concerns, let dimensions, let id, let kind, let named, let openedAt, let responses,
            let revealed, let title
        else { throw FastPathMiss() }
        return ParticipantRound(id: id, kind: kind, title: title, team: team, dimensions: dimensions,
                                responses: responses, concerns: concerns, named: named, revealed: revealed,
                                closed: closed, openedAt: openedAt, workshop: workshop)
    }

    mutating func roundResponse() throws(FastPathMiss) -> RoundResponse {
        var at: Date?, participant: String?, ratings: [RoundRating]?
        try object(Fields.roundResponse) { r, field throws(FastPathMiss) in
            switch field {
            case 0: at = try r.date()
            case 1: participant = try r.string()
            case 2: ratings = try r.array { r throws(FastPathMiss) in try r.roundRating() }
            default: try r.skip()
            }
        }
        guard let at, let participant, let ratings else { throw FastPathMiss() }
        return RoundResponse(participant: participant, ratings: ratings, at: at)
    }

    mutating func roundRating() throws(FastPathMiss) -> RoundRating {
        var dimension: DimensionKey?, evidence: String?, rating: Int?
        try object(Fields.roundRating) { r, field throws(FastPathMiss) in
            switch field {
            case 0: dimension = try r.string()
            case 1: evidence = try r.string()
            case 2: rating = try r.int()
            default: try r.skip()
            }
        }
        guard let dimension, let evidence, let rating else { throw FastPathMiss() }
        return RoundRating(dimension: dimension, rating: rating, evidence: evidence)
    }

    /// A list of `{ "team", "votes" }` lines: a ballot's, a round's totals or a selection's tally.
    mutating func teamVotesList() throws(FastPathMiss) -> [TeamVotes] {
        try array { r throws(FastPathMiss) in try r.teamVotes() }
    }

    mutating func teamVotes() throws(FastPathMiss) -> TeamVotes {
        var team: TeamID?, votes: Int?
        try object(Fields.teamVotes) { r, field throws(FastPathMiss) in
            switch field {
            case 0: team = try r.ref()
            case 1: votes = try r.int()
            default: try r.skip()
            }
        }
        guard let team, let votes else { throw FastPathMiss() }
        return TeamVotes(team: team, votes: votes)
    }
}

/// The keys of each model type in file order (UTF-8 byte order): what the reader matches and
/// ``ModelShape`` compares with the model.
enum Fields {
    static let plan = FieldNames(
        "actions", "blockers", "coaches", "conflicts", "criteria", "decisions", "dimensions", "id", "name", "organisation", "resistance",
        "rounds", "scenarios", "schemaVersion", "settings", "signals", "stakeholders", "teams", "votes", "waves",
        "workshops")
    static let organisation = FieldNames("name", "size", "thresholds")
    static let sizeThresholds = FieldNames("largeFrom", "midFrom")
    static let settings = FieldNames("maxTeamSize", "maxWaveSharePercent", "robustnessTopN")
    static let criterion = FieldNames("anchors", "help", "id", "name", "source", "weight")
    static let dimension = FieldNames("anchors", "group", "help", "id", "name", "retired", "scope")
    static let team = FieldNames(
        "area", "coach", "dependsOn", "id", "name", "notes", "outOfScopeReason", "outcome", "ratings", "roles",
        "stage", "status", "tags")
    static let roles = FieldNames("data", "design", "engineering", "marketing", "other", "product")
    static let outcome = FieldNames("baseline", "metric", "statement", "target")
    static let stakeholder = FieldNames("desiredStance", "id", "name", "role", "stance", "stanceHistory")
    static let stanceChange = FieldNames("at", "from", "to")
    static let coach = FieldNames("capacity", "id", "name", "seededFrom")
    static let conflict = FieldNames("base", "id", "ours", "theirs", "what")
    static let signal = FieldNames(
        "dimension", "evidence", "id", "rating", "recordedAt", "recordedBy", "struck", "team")
    static let strike = FieldNames("at", "by", "reason")
    static let resistanceNote = FieldNames(
        "followUp", "id", "kind", "owner", "raisedBy", "recordedAt", "response", "rootCause", "severity", "stakeholder",
        "status", "team", "words", "workshop")
    static let wave = FieldNames("checkIns", "end", "entry", "id", "name", "order", "start", "status", "teams")
    static let entryCriteria = FieldNames("blockers", "checklist", "readiness")
    static let threshold = FieldNames("dimension", "minimum")
    static let checklistItem = FieldNames("done", "evidence", "text")
    static let blocker = FieldNames("category", "id", "owner", "status", "surfacedBy", "title")
    static let decision = FieldNames("at", "concerns", "decidedBy", "id", "kind", "selection", "text", "workshop")
    static let pilotSelection = FieldNames("recommended", "tally", "teams", "voteRound", "weights")
    static let selectedTeam = FieldNames("flags", "name", "score", "team", "votes")
    static let weightUsed = FieldNames("criterion", "name", "weight")
    static let workshop = FieldNames(
        "current", "date", "id", "parkingLot", "status", "steps", "template", "title")
    static let agendaStep = FieldNames(
        "done", "extraMinutes", "minutes", "question", "spentSeconds", "title", "view")
    static let parkingItem = FieldNames("at", "closed", "text")
    static let action = FieldNames("createdAt", "done", "due", "id", "owner", "text", "workshop")
    static let voteRound = FieldNames(
        "attributed", "ballotCount", "ballots", "budget", "capPerTeam", "closed", "countedAt", "id", "openedAt",
        "revealed", "title", "totals")
    static let ballot = FieldNames("voter", "votes")
    static let teamVotes = FieldNames("team", "votes")
    static let scenario = FieldNames("assignments", "createdAt", "id", "name", "note", "waves")
    static let coachAssignment = FieldNames("coach", "team")
    static let participantRound = FieldNames(
        "closed", "concerns", "dimensions", "id", "kind", "named", "openedAt", "responses", "revealed", "team",
        "title", "workshop")
    static let roundResponse = FieldNames("at", "participant", "ratings")
    static let roundRating = FieldNames("dimension", "evidence", "rating")
}
