import Foundation
import PilotwaveCore
import PilotwaveStorage

/// Plans and files shared by the storage tests.
enum Fixtures {
    /// 2026-01-05T09:30:00Z
    static let monday = Date(timeIntervalSince1970: 1_767_605_400)

    /// One rated criterion and one dimension, so tests do not depend on Core's default lists.
    static let criteria = [
        Criterion(id: "familiarity", name: "Familiarity", source: .rated, weight: 3, help: "Know each other."),
        Criterion(id: "crossFunctional", name: "Cross-functional", source: .crossFunctional, weight: 4, help: "Roles."),
    ]
    static let dimensions = [
        ReadinessDimension(id: "feltPain", name: "Felt pain", help: "Pain.", scope: .organisation,
                           group: .precondition, anchors: ["1", "2", "3", "4", "5"]),
    ]

    /// A small valid plan: three teams, one coach, one wave, one blocker.
    static func smallPlan() -> Plan {
        var plan = Plan(id: "plan-1", name: "Small", organisation: Organisation(name: "Acme"),
                        criteria: criteria, dimensions: dimensions)
        plan.teams = [
            Team(id: "team-1", name: "Alpha", roles: Roles(product: 1, design: 1, engineering: 3),
                 ratings: ["familiarity": 4], status: .pilot, coach: "coach-1"),
            Team(id: "team-2", name: "Beta", stage: .invest, dependsOn: ["team-1"]),
            Team(id: "team-3", name: "Gamma", stage: .sustain),
        ]
        plan.coaches = [Coach(id: "coach-1", name: "Kai", capacity: 2)]
        plan.blockers = [Blocker(id: "blocker-1", title: "Annual budgets", category: .funding, surfacedBy: ["team-1"])]
        plan.waves = [Wave(id: "wave-0", name: "Pilots", order: 0, teams: ["team-1"],
                           entry: EntryCriteria(blockers: ["blocker-1"],
                                                readiness: [ReadinessThreshold(dimension: "feltPain", minimum: 3)]))]
        plan.signals = [ReadinessSignal(id: "signal-1", dimension: "feltPain", rating: 3, recordedAt: monday)]
        return plan
    }

    /// A plan with every entity type filled, optional fields set, dates and Unicode names.
    static func fullPlan() -> Plan {
        var plan = Plan(
            id: "plan-7f3a", name: "Rollout 2026 / Q1–Q4",
            organisation: Organisation(name: "Acme Ωmega GmbH", size: .mid,
                                       thresholds: SizeThresholds(midFrom: 6, largeFrom: 30)),
            settings: PlanSettings(maxTeamSize: 9, maxWaveSharePercent: 40))
        plan.criteria.append(Criterion(id: "speed", name: "Speed of delivery", source: .rated, weight: 2,
                                       help: "Ships small changes often.", anchors: ["a", "b", "c", "d", "e"]))
        plan.teams = [
            Team(id: "team-1", name: "チーム Ωmega", area: "Payments / Tokyo", stage: .explore,
                 roles: Roles(product: 1, design: 1, engineering: 4, data: 1, marketing: 1, other: 2),
                 ratings: ["familiarity": 4, "learningAppetite": 5, "customerAccess": 3, "speed": 2],
                 outcome: Outcome(statement: "More repeat buyers", metric: "repeat purchase rate",
                                  baseline: "12%", target: "18%"),
                 status: .pilot, coach: "coach-1", dependsOn: ["team-2"], tags: ["payments", "東京"],
                 notes: "Line one\nline \"two\" with a back\\slash and a tab\t."),
            Team(id: "team-2", name: "Équipe Crème", area: "Checkout", stage: .invest,
                 roles: Roles(product: 1, design: 0, engineering: 5), ratings: ["familiarity": 2],
                 outcome: Outcome(statement: "Fewer abandoned carts"), status: .inWave),
            Team(id: "team-3", name: "🚀 Rocket", stage: .sustain, roles: Roles(engineering: 12)),
            Team(id: "team-4", name: "Compliance Ledger", stage: .retire, status: .outOfScope,
                 outOfScopeReason: "Regulatory reporting, fixed scope"),
        ]
        plan.stakeholders = [
            Stakeholder(id: "stakeholder-1", name: "Ana Núñez", role: "CFO", stance: .resistant, desiredStance: .supportive),
            Stakeholder(id: "stakeholder-2", name: "Bo", role: "CTO", stance: .leading, desiredStance: .leading),
        ]
        plan.coaches = [
            Coach(id: "coach-1", name: "Kai Müller", capacity: 3, seededFrom: "team-1"),
            Coach(id: "coach-2", name: "Lee"),
        ]
        plan.signals = [
            ReadinessSignal(id: "signal-1", dimension: ReadinessDimension.executiveConviction, rating: 3,
                            evidence: "CEO said “we must change”", recordedBy: "Ana", recordedAt: monday),
            ReadinessSignal(id: "signal-2", dimension: ReadinessDimension.fundedByOutcomes, team: "team-1", rating: 2,
                            evidence: "Still project budgets", recordedBy: "Kai", recordedAt: monday.addingTimeInterval(86_400),
                            struck: Strike(reason: "Wrong team", by: "Kai", at: monday.addingTimeInterval(90_000))),
        ]
        plan.resistance = [
            ResistanceNote(id: "note-1", team: "team-1", words: "We don't have time", kind: .noTime,
                           rootCause: "Quarter-end release", severity: .high, status: .beingAddressed,
                           response: "Take the audit off their plate", owner: "Ana", followUp: Day(2026, 2, 1),
                           recordedAt: monday, raisedBy: "Zoë \"Z\" Brandt"),
            ResistanceNote(id: "note-2", stakeholder: "stakeholder-1", words: "Who decides then?", kind: .reducedControl,
                           recordedAt: monday),
        ]
        plan.waves = [
            Wave(id: "wave-0", name: "Pilots", order: 0, start: Day(2026, 1, 12), end: Day(2026, 3, 31),
                 teams: ["team-1"],
                 entry: EntryCriteria(blockers: ["blocker-1"],
                                      readiness: [ReadinessThreshold(dimension: ReadinessDimension.feltPain, minimum: 3)],
                                      checklist: [ChecklistItem(text: "Coach assigned", done: true, evidence: "Kai")]),
                 checkIns: [Day(2026, 2, 1), Day(2026, 3, 1)], status: .active),
            Wave(id: "wave-1", name: "Wave 1", order: 1, teams: ["team-2"]),
        ]
        plan.blockers = [
            Blocker(id: "blocker-1", title: "Annual project budgets", category: .funding, surfacedBy: ["team-1"],
                    owner: "CFO", status: .inProgress),
        ]
        plan.decisions = [
            Decision(id: "decision-1", text: "Pilot with チーム Ωmega", kind: .suggestion, decidedBy: "Steering group",
                     at: monday, concerns: ["team-1", "wave-0"]),
            // A pilot selection keeps the teams as they stood, including one deleted since (team-9).
            Decision(id: "decision-2", text: "Pilots: チーム Ωmega and Équipe Crème", decidedBy: "Steering group",
                     at: monday.addingTimeInterval(3_600), concerns: ["team-1", "team-2"],
                     selection: PilotSelection(
                        teams: [SelectedTeam(team: "team-1", name: "チーム Ωmega", score: 82, votes: 6),
                                SelectedTeam(team: "team-2", name: "Équipe Crème", score: nil, votes: 2,
                                             flags: ["not cross-functional"]),
                                SelectedTeam(team: "team-9", name: "Gone \"since\"", score: 40)],
                        weights: [WeightUsed(criterion: "familiarity", name: "Familiarity", weight: 3),
                                  WeightUsed(criterion: "speed", name: "Speed of delivery", weight: 2)],
                        recommended: "2–4", voteRound: "vote-1",
                        tally: [TeamVotes(team: "team-1", votes: 6), TeamVotes(team: "team-2", votes: 2)]),
                     workshop: "workshop-1"),
        ]
        // A workshop cut short mid-session (running, on its second step, time spent and a step
        // extended), and a planned one made from a template.
        plan.workshops = [
            Workshop(id: "workshop-1", title: "Kick-off", date: Day(2026, 1, 5),
                     steps: [AgendaStep(title: "Pick pilots", view: "pilots", minutes: 45,
                                        question: "Which teams go first?", done: true, spentSeconds: 2_940,
                                        extraMinutes: 5),
                             AgendaStep(title: "Blockers", view: "blockers", minutes: 15,
                                        question: "What must change \"above\" the teams?", spentSeconds: 61)],
                     template: "pilot-selection", status: .running, current: 1,
                     parkingLot: [ParkingItem(text: "Who funds the designers?", at: monday.addingTimeInterval(1_800)),
                                  ParkingItem(text: "Room booking / 東京", at: monday.addingTimeInterval(2_400),
                                              closed: true)]),
            Workshop(id: "workshop-2", title: "Readiness check-in", date: Day(2026, 2, 2),
                     steps: [AgendaStep(title: "Dimension by dimension", view: "readiness", minutes: 30)],
                     template: "readiness-check-in"),
        ]
        plan.actions = [
            ActionItem(id: "action-1", text: "Find a designer for Équipe Crème", owner: "Ana Núñez",
                       due: Day(2026, 1, 19), workshop: "workshop-1", createdAt: monday.addingTimeInterval(3_000)),
            ActionItem(id: "action-2", text: "Book the room", owner: "", done: true, createdAt: monday),
        ]
        plan.votes = [
            VoteRound(id: "vote-1", title: "Pilot candidates", budget: 5, capPerTeam: 3, attributed: true,
                      openedAt: monday, ballots: [
                        Ballot(voter: "Ana Núñez", votes: [TeamVotes(team: "team-1", votes: 3),
                                                          TeamVotes(team: "team-2", votes: 2)]),
                        Ballot(voter: "Bo", votes: [TeamVotes(team: "team-1", votes: 3)]),
                      ], ballotCount: 2, revealed: true, closed: true),
            VoteRound(id: "vote-2", title: "Second look / anonymous", budget: 3, attributed: false,
                      openedAt: monday.addingTimeInterval(7_200),
                      totals: [TeamVotes(team: "team-1", votes: 4), TeamVotes(team: "team-3", votes: 2)],
                      ballotCount: 2, countedAt: monday.addingTimeInterval(7_500)),
        ]
        // A faster alternative: both teams in one wave, Lee coaching Équipe Crème.
        var faster = plan.waves
        faster[1].teams = ["team-1", "team-2"]
        faster[1].entry.blockers = ["blocker-1"]
        faster[1].start = Day(2026, 4, 1)
        faster[0].teams = []
        plan.scenarios = [
            Scenario(id: "scenario-1", name: "Faster / „one wave“", note: "Both teams at once.\nKai over capacity?",
                     createdAt: monday.addingTimeInterval(10_800), waves: faster,
                     assignments: [CoachAssignment(team: "team-1", coach: "coach-1"),
                                   CoachAssignment(team: "team-2", coach: "coach-2")]),
            Scenario(id: "scenario-2", name: "Empty", createdAt: monday),
        ]
        // Participants' rounds: a revealed readiness round on a team in the workshop, a closed
        // concerns round (one named concern, one anonymous), an open one on the organisation.
        plan.rounds = [
            ParticipantRound(
                id: "round-1", kind: .readiness, title: "How ready is チーム Ωmega?", team: "team-1",
                dimensions: [ReadinessDimension.feltPain, ReadinessDimension.executiveConviction],
                responses: [
                    RoundResponse(participant: "Ana Núñez",
                                  ratings: [RoundRating(dimension: ReadinessDimension.feltPain, rating: 4,
                                                        evidence: "Churn \"hurts\" / 東京"),
                                            RoundRating(dimension: ReadinessDimension.executiveConviction, rating: 2)],
                                  at: monday.addingTimeInterval(600)),
                    RoundResponse(participant: "Bo",
                                  ratings: [RoundRating(dimension: ReadinessDimension.feltPain, rating: 5)],
                                  at: monday.addingTimeInterval(660)),
                ],
                revealed: true, openedAt: monday.addingTimeInterval(540), workshop: "workshop-1"),
            ParticipantRound(id: "round-2", kind: .concerns, title: "What worries you?", team: "team-1", concerns: 2,
                             named: ["Zoë \"Z\" Brandt"], closed: true, openedAt: monday.addingTimeInterval(720)),
            ParticipantRound(id: "round-3", kind: .readiness, title: "The organisation",
                             dimensions: [ReadinessDimension.executiveConviction], openedAt: monday.addingTimeInterval(800)),
        ]
        // What a merge left to decide: a team's coach changed on both sides, and a note deleted on
        // the other side (no theirs) that was added here (no base).
        plan.conflicts = [
            MergeConflict(id: "teams/team-1/coach", what: "Team \"チーム Ωmega\": coach", ours: "\"coach-1\"",
                          theirs: "\"coach-2\"", base: "\"coach-3\""),
            MergeConflict(id: "resistance/note-1", what: "Resistance note \"We tried this / 東京\"",
                          ours: "{\"id\" : \"note-1\"}", theirs: nil, base: nil),
        ]
        return plan
    }

    static func encoded(_ plan: Plan) -> String {
        String(decoding: try! PlanCodec.encode(plan), as: UTF8.self)
    }
}

/// A fresh temporary folder, removed after `body`.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("pilotwave-storage-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

/// `line:column` (column in characters) of the first occurrence of `needle` in `text`, found by
/// splitting lines: an independent check of what the locator reports.
func position(of needle: String, in text: String, after anchor: String? = nil) -> String {
    var searchStart = text.startIndex
    if let anchor, let r = text.range(of: anchor) { searchStart = r.lowerBound }
    guard let range = text.range(of: needle, range: searchStart..<text.endIndex) else { return "not found" }
    let before = text[..<range.lowerBound]
    let line = before.filter { $0 == "\n" }.count + 1
    let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
    return "\(line):\(text[lineStart..<range.lowerBound].count + 1)"
}

/// Names of the files in `folder`, sorted.
func fileNames(in folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))) ?? []).sorted()
}
