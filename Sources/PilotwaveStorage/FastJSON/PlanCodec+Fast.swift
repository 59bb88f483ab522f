import Foundation
import PilotwaveCore

/// The fast paths on their own, for the equivalence tests and benchmarks. ``PlanCodec/encode(_:)``
/// and ``PlanCodec/decode(_:file:migrations:)`` use them automatically.
extension PlanCodec {
    /// The plan in `data` as read by the fast path alone (no validation, no migration), or nil
    /// where it leaves the file to `JSONDecoder`.
    ///
    /// - Parameter schemaVersion: the only `schemaVersion` the fast path accepts.
    public static func decodeFast(_ data: Data, schemaVersion: Int = Plan.currentSchemaVersion) -> Plan? {
        FastPlanReader.read(data, schemaVersion: schemaVersion)
    }

    /// The bytes of ``encode(_:)`` as written by the fast writer, whether or not
    /// ``fastEncoderIsExact`` holds.
    public static func encodeFast(_ plan: Plan) -> Data {
        var plan = plan
        plan.schemaVersion = Plan.currentSchemaVersion
        return FastPlanWriter.write(plan)
    }

    /// Whether the fast writer produces `JSONEncoder`'s bytes on this platform (checked once per
    /// process on a small plan that uses every key, escape and date form); if not,
    /// ``encode(_:)`` uses `JSONEncoder`.
    public static var fastEncoderIsExact: Bool { FastPlanWriter.isExact }

    /// Whether the model's stored properties are exactly the keys the fast paths know; if not
    /// (the model changed and the fast paths were not updated), both stand aside.
    public static var fastPathsMatchModel: Bool { ModelShape.matches }
}

extension FastPlanReader {
    /// ``read(_:schemaVersion:)`` over the bytes of `data`, without copying them.
    static func read(_ data: Data, schemaVersion: Int) -> Plan? {
        data.withUnsafeBytes { read($0, schemaVersion: schemaVersion) }
    }
}

extension FastPlanWriter {
    /// Whether ``write(_:)`` gives the same bytes as `JSONEncoder` here. `JSONEncoder`'s key order
    /// and escaping are not documented and have differed between Foundation implementations (the
    /// Darwin one once sorted keys case-insensitively), so this is checked rather than assumed.
    static let isExact: Bool = {
        let plan = probePlan()
        guard ModelShape.matches, let reference = try? PlanCodec.encodeWithFoundation(plan) else { return false }
        return PlanCodec.encodeFast(plan) == reference
    }()

    /// A small plan with every optional field set somewhere, keys whose order differs between
    /// byte order and case-insensitive order, every kind of escape, and dates of each form.
    static func probePlan() -> Plan {
        let tricky = "q\"b\\s/c\u{0}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}\u{2028}é東🚀"
        let whole = Date(timeIntervalSinceReferenceDate: 788_952_600)
        let fraction = Date(timeIntervalSinceReferenceDate: -0.25)
        let ancient = Date(timeIntervalSinceReferenceDate: -20_000_000_000)
        var plan = Plan(id: "p", name: tricky, organisation: Organisation(name: "o", size: .mid))
        plan.settings.robustnessTopN = 3
        plan.criteria = [Criterion(id: "c", name: "n", source: .rated, weight: 1, help: tricky, anchors: [tricky])]
        plan.dimensions = [ReadinessDimension(id: "d", name: "n", help: "", scope: .both, group: .takingHold,
                                              anchors: [], retired: true)]
        plan.teams = [
            Team(id: "t", name: "n", area: "a", roles: Roles(product: 1, data: -2),
                 ratings: ["b": 1, "B": 2, "a10": 3, "a9": 4, "é": 5, "_": 6, tricky: 7],
                 outcome: Outcome(statement: "s", metric: "m", baseline: "b", target: "t"), status: .outOfScope,
                 outOfScopeReason: "r", coach: "c", dependsOn: ["u"], tags: ["x", ""], notes: tricky),
            Team(id: "u", name: "m", ratings: ["only": Int.min]),
        ]
        plan.stakeholders = [Stakeholder(id: "s", name: "n", role: "r", stance: .neutral,
                                         stanceHistory: [StanceChange(from: .resistant, to: .neutral, at: fraction)])]
        plan.coaches = [Coach(id: "c", name: "n", seededFrom: "t"), Coach(id: "d", name: "m")]
        plan.signals = [
            ReadinessSignal(id: "s", dimension: "d", team: "t", rating: Int.max, evidence: "e", recordedBy: "b",
                            recordedAt: whole, struck: Strike(reason: "r", by: "b", at: fraction)),
            ReadinessSignal(id: "r", dimension: "d", rating: 0, recordedAt: ancient),
        ]
        plan.resistance = [
            ResistanceNote(id: "n", team: "t", stakeholder: "s", words: "w", kind: .other, rootCause: "c",
                           response: "r", owner: "o", followUp: Day(2026, 2, 28), recordedAt: whole,
                           workshop: "w", raisedBy: tricky),
            ResistanceNote(id: "m", words: "", kind: .noTime, recordedAt: fraction),
        ]
        plan.waves = [
            Wave(id: "w", name: "n", order: -1, start: Day(10_000, 1, 1), end: Day(-5, 13, 0), teams: ["t"],
                 entry: EntryCriteria(blockers: ["b"], readiness: [ReadinessThreshold(dimension: "d", minimum: 3)],
                                      checklist: [ChecklistItem(text: "t", done: true, evidence: "e")]),
                 checkIns: [Day(1, 1, 1)], status: .active),
            Wave(id: "v", name: "m", order: 0),
        ]
        plan.blockers = [Blocker(id: "b", title: "t", category: .funding, surfacedBy: ["t"], owner: "o"),
                         Blocker(id: "c", title: "u", category: .other)]
        plan.decisions = [
            Decision(id: "d", text: "t", decidedBy: "b", at: whole, concerns: ["t"],
                     selection: PilotSelection(
                        teams: [SelectedTeam(team: "t", name: tricky, score: -3, votes: Int.max, flags: [tricky, ""]),
                                SelectedTeam(team: "u", name: "m", score: nil)],
                        weights: [WeightUsed(criterion: "c", name: tricky, weight: -1)],
                        recommended: "2–4", voteRound: "r", tally: [TeamVotes(team: "t", votes: 3)])),
            Decision(id: "e", text: "", kind: .suggestion, decidedBy: "", at: fraction,
                     selection: PilotSelection(teams: [], weights: [], recommended: "")),
            Decision(id: "f", text: "u", decidedBy: "b", at: ancient, workshop: "w"),
        ]
        plan.workshops = [
            Workshop(id: "w", title: "t", date: Day(2026, 1, 5),
                     steps: [AgendaStep(title: "t", view: "v", minutes: 5, question: "q", done: true,
                                        spentSeconds: Int.max, extraMinutes: -1)],
                     template: tricky, status: .running, current: Int.min,
                     parkingLot: [ParkingItem(text: tricky, at: fraction, closed: true),
                                  ParkingItem(text: "", at: ancient)]),
            Workshop(id: "v", title: "u", status: .done),
        ]
        plan.actions = [
            ActionItem(id: "a", text: tricky, owner: tricky, due: Day(2026, 2, 28), done: true, workshop: "w",
                       createdAt: whole),
            ActionItem(id: "b", text: "", owner: "", createdAt: fraction),
        ]
        plan.votes = [
            VoteRound(id: "r", title: tricky, budget: 5, capPerTeam: 3, attributed: true, openedAt: whole,
                      ballots: [Ballot(voter: tricky, votes: [TeamVotes(team: "t", votes: 3),
                                                              TeamVotes(team: "u", votes: -1)]),
                                Ballot(voter: "", votes: [])],
                      totals: [TeamVotes(team: "t", votes: Int.min)], ballotCount: 2, revealed: true, closed: true,
                      countedAt: fraction),
            VoteRound(id: "s", title: "", budget: 0, attributed: false, openedAt: fraction),
        ]
        plan.scenarios = [
            Scenario(id: "s", name: tricky, note: tricky, createdAt: fraction, waves: plan.waves,
                     assignments: [CoachAssignment(team: "t", coach: "c"), CoachAssignment(team: "u", coach: "d")]),
            Scenario(id: "r", name: "", createdAt: whole),
        ]
        plan.rounds = [
            ParticipantRound(id: "r", kind: .readiness, title: tricky, team: "t", dimensions: ["d", tricky],
                             responses: [RoundResponse(participant: tricky,
                                                       ratings: [RoundRating(dimension: "d", rating: Int.min,
                                                                             evidence: tricky),
                                                                 RoundRating(dimension: tricky, rating: 5)],
                                                       at: fraction),
                                         RoundResponse(participant: "", ratings: [], at: ancient)],
                             revealed: true, closed: true, openedAt: whole, workshop: "w"),
            ParticipantRound(id: "c", kind: .concerns, title: "", concerns: Int.max, named: [tricky, ""],
                             openedAt: ancient),
        ]
        plan.conflicts = [
            MergeConflict(id: "teams/t/coach", what: tricky, ours: tricky, theirs: "\"c\"", base: "null"),
            MergeConflict(id: "name", what: "", ours: nil, theirs: nil, base: nil),
        ]
        return plan
    }
}
