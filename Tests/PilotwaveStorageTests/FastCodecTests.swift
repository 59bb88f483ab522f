import Foundation
import PilotwaveCore
import PilotwaveStorage
import Testing

/// The fast reader and writer against Foundation's `JSONDecoder` and `JSONEncoder`: the same
/// plans, the same bytes, and for files the fast reader leaves alone, the same outcome.
@Suite("Fast codec")
struct FastCodecTests {
    // MARK: Helpers

    /// The first line where two encodings differ, for a readable failure.
    static func firstDifference(_ a: Data, _ b: Data) -> String? {
        let x = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let y = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) where i >= x.count || i >= y.count || x[i] != y[i] {
            return "line \(i + 1): fast \(i < x.count ? String(x[i]).debugDescription : "<end>") vs Foundation "
                + (i < y.count ? String(y[i]).debugDescription : "<end>")
        }
        return a == b ? nil : "same lines, different bytes"
    }

    /// Fast and Foundation encodings are byte-identical, the fast reader reads them, and gives the
    /// plan JSONDecoder gives.
    func expectEquivalent(_ plan: Plan, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let reference = try PlanCodec.encodeWithFoundation(plan)
        let fast = PlanCodec.encodeFast(plan)
        #expect(Self.firstDifference(fast, reference) == nil, sourceLocation: sourceLocation)
        #expect(try PlanCodec.encode(plan) == reference, sourceLocation: sourceLocation)

        let read = PlanCodec.decodeFast(reference)
        #expect(read != nil, "the fast reader left a file it wrote to JSONDecoder", sourceLocation: sourceLocation)
        let viaFoundation = try PlanCodec.decodeWithFoundation(reference, file: "p.json")
        #expect(read == viaFoundation, sourceLocation: sourceLocation)
        #expect(try PlanCodec.decode(reference, file: "p.json") == viaFoundation, sourceLocation: sourceLocation)
        var expected = plan
        expected.schemaVersion = Plan.currentSchemaVersion
        #expect(viaFoundation == expected, sourceLocation: sourceLocation)
    }

    enum LoadOutcome: Equatable {
        case loaded(Plan)
        case failed(String)
    }

    static func outcome(_ load: () throws(PlanLoadError) -> Plan) -> LoadOutcome {
        do throws(PlanLoadError) {
            return .loaded(try load())
        } catch {
            return .failed(error.message)
        }
    }

    /// `bytes` loads (or fails, with the same message) exactly as with JSONDecoder alone, and the
    /// fast reader reads it or leaves it to JSONDecoder as `fast` says.
    func expectSameOutcome(_ bytes: [UInt8], fast: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
        let data = Data(bytes)
        #expect((PlanCodec.decodeFast(data) != nil) == fast, sourceLocation: sourceLocation)
        let withFastPath = Self.outcome { () throws(PlanLoadError) in try PlanCodec.decode(data, file: "p.json") }
        let foundationOnly = Self.outcome { () throws(PlanLoadError) in
            try PlanCodec.decodeWithFoundation(data, file: "p.json")
        }
        #expect(withFastPath == foundationOnly, sourceLocation: sourceLocation)
    }

    func expectSameOutcome(_ text: String, fast: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
        expectSameOutcome(Array(text.utf8), fast: fast, sourceLocation: sourceLocation)
    }

    /// The small plan's file with `old` replaced by `new` (`old` must occur).
    func edited(_ old: String, _ new: String) -> String {
        let text = Fixtures.encoded(Fixtures.smallPlan())
        let range = text.range(of: old)
        #expect(range != nil, "\(old.debugDescription) not in the small plan's file")
        guard let range else { return text }
        return text.replacingCharacters(in: range, with: new)
    }

    // MARK: Same plans, same bytes

    @Test func fastPathsAreOnHere() {
        #expect(PlanCodec.fastPathsMatchModel)
        #expect(PlanCodec.fastEncoderIsExact)
    }

    @Test func demoPlan() throws {
        try expectEquivalent(DemoPlan.make())
    }

    /// A stakeholder's stance history: left out of the file when there is none, kept in order when
    /// there is, by both encoders and both readers.
    @Test func stanceHistory() throws {
        var plan = DemoPlan.make()
        let at = Date(timeIntervalSinceReferenceDate: 794_000_000)
        plan.stakeholders[0] = plan.stakeholders[0].withStance(.resistant, at: at).withStance(.neutral, at: at.addingTimeInterval(86_400))
        try expectEquivalent(plan)
        let text = String(decoding: PlanCodec.encodeFast(plan), as: UTF8.self)
        #expect(text.components(separatedBy: "\"stanceHistory\"").count == 2, "written only where there is one")
        let read = try PlanCodec.decode(PlanCodec.encodeFast(plan), file: "p.json")
        #expect(read.stakeholders[0].stanceHistory?.map(\.to) == [.resistant, .neutral])
    }

    @Test func fixturePlans() throws {
        try expectEquivalent(Fixtures.fullPlan())
        try expectEquivalent(Fixtures.smallPlan())
    }

    /// Attributed and unattributed rounds, pilot selections with and without a round, every
    /// optional set and unset, escapes in the new strings.
    @Test func votesAndSelections() throws {
        var plan = Fixtures.smallPlan()
        let at = Fixtures.monday
        plan.votes = [
            VoteRound(id: "vote-1", title: "Who \"goes\" first?\n", budget: 5, capPerTeam: 2, attributed: true,
                      openedAt: at, ballots: [
                        Ballot(voter: "Zoë / 東京", votes: [TeamVotes(team: "team-1", votes: 2),
                                                           TeamVotes(team: "team-2", votes: 2)]),
                        Ballot(voter: "back\\slash\t", votes: [TeamVotes(team: "team-3", votes: 1)]),
                      ], ballotCount: 2, revealed: true),
            VoteRound(id: "vote-2", title: "Anonymous", budget: 50, attributed: false,
                      openedAt: at.addingTimeInterval(86_399),
                      totals: [TeamVotes(team: "team-1", votes: 30), TeamVotes(team: "team-3", votes: 0)],
                      ballotCount: 7, closed: true),
            VoteRound(id: "vote-3", title: "", budget: 1, attributed: false, openedAt: at),
        ]
        plan.decisions = [
            Decision(id: "decision-1", text: "Pilots", decidedBy: "Room", at: at, concerns: ["team-1"],
                     selection: PilotSelection(
                        teams: [SelectedTeam(team: "team-1", name: "Alpha", score: 100, votes: 4),
                                SelectedTeam(team: "team-gone", name: "Deleted", score: nil,
                                             flags: ["not cross-functional", "too large"])],
                        weights: [WeightUsed(criterion: "familiarity", name: "Familiarity", weight: 0)],
                        recommended: "1", voteRound: "vote-1",
                        tally: [TeamVotes(team: "team-1", votes: 4), TeamVotes(team: "team-gone", votes: 1)])),
            Decision(id: "decision-2", text: "Without a vote", kind: .suggestion, decidedBy: "", at: at,
                     selection: PilotSelection(teams: [], weights: [], recommended: "2–4")),
            Decision(id: "decision-3", text: "Plain", decidedBy: "", at: at),
        ]
        #expect(PlanValidator.validate(plan).isEmpty)
        try expectEquivalent(plan)
        let text = Fixtures.encoded(plan)
        #expect(text.contains("\"capPerTeam\" : 2,"))
        #expect(text.components(separatedBy: "capPerTeam").count == 2)  // nil cap omitted
        #expect(text.components(separatedBy: "\"voteRound\"").count == 2)  // nil round omitted
        #expect(text.components(separatedBy: "\"selection\"").count == 3)  // nil selection omitted
        #expect(text.components(separatedBy: "\"score\"").count == 2)  // nil score omitted
        #expect(!text.contains("null"))
    }

    /// Scenarios: several, empty ones, every optional of their waves set and unset, escapes in
    /// their names and notes.
    @Test func scenarios() throws {
        var plan = Fixtures.fullPlan()
        plan.scenarios.append(Scenario(id: "scenario-3", name: "Now \"as is\" / 東京\t", note: "\u{0}\n",
                                       createdAt: Fixtures.monday.addingTimeInterval(86_399), waves: plan.waves,
                                       assignments: [CoachAssignment(team: "team-1", coach: "coach-1")]))
        plan.scenarios.append(Scenario(id: "scenario-4", name: "", note: "", createdAt: Date(timeIntervalSince1970: 0),
                                       waves: [Wave(id: "w-x", name: "Only", order: -3)], assignments: []))
        #expect(PlanValidator.validate(plan).isEmpty)
        try expectEquivalent(plan)
        let text = Fixtures.encoded(plan)
        #expect(text.contains("  \"scenarios\" : [\n    {\n      \"assignments\" : [\n        {\n          \"coach\" : \"coach-1\",\n"))
        #expect(text.contains("\"createdAt\" : \"2026-01-05T12:30:00Z\""))
        #expect(try PlanCodec.decode(Data(text.utf8), file: "p.json").scenarios == plan.scenarios)
    }

    /// Workshops and actions: every status, templates set and unset, time spent and extensions,
    /// parking lots, actions with and without a due day and a workshop, decisions linked to a
    /// workshop or not, escapes in the new strings.
    @Test func workshopsAndActions() throws {
        var plan = Fixtures.fullPlan()
        plan.workshops.append(Workshop(
            id: "workshop-3", title: "Done \"and\" dusted\n", date: Day(2026, 3, 31),
            steps: [AgendaStep(title: "", view: "", minutes: 0, question: "\u{0}/\\", done: true, spentSeconds: 359_999,
                               extraMinutes: 120)],
            template: "", status: .done, current: 0,
            parkingLot: [ParkingItem(text: "\t東京 🚀", at: Date(timeIntervalSince1970: 0), closed: false)]))
        plan.workshops.append(Workshop(id: "workshop-4", title: "No steps, no date"))
        plan.actions.append(ActionItem(id: "action-3", text: "\"Quoted\" / owner-less", owner: "", due: Day(2027, 2, 28),
                                       workshop: "workshop-3", createdAt: Fixtures.monday.addingTimeInterval(86_399)))
        plan.decisions[0].workshop = "workshop-4"
        #expect(PlanValidator.validate(plan).isEmpty)
        try expectEquivalent(plan)
        let text = Fixtures.encoded(plan)
        #expect(text.hasPrefix("{\n  \"actions\" : [\n    {\n      \"createdAt\" : "))
        #expect(text.contains("\"status\" : \"running\""))
        #expect(text.contains("\"status\" : \"done\""))
        #expect(text.components(separatedBy: "\"template\"").count == 4)  // nil template omitted
        #expect(text.components(separatedBy: "\"due\"").count == 3)  // nil due omitted
        #expect(text.contains("\"spentSeconds\" : 359999"))
        #expect(!text.contains("null"))
        let read = try PlanCodec.decode(Data(text.utf8), file: "p.json")
        #expect(read.workshops == plan.workshops)
        #expect(read.actions == plan.actions)
        #expect(read.decisions.map(\.workshop) == ["workshop-4", "workshop-1"])
    }

    /// Schema 6: merge conflicts, with each optional value there or absent (written only when
    /// there), JSON text with escapes in the values; read back by both readers, null read as absent.
    @Test func mergeConflicts() throws {
        var plan = Fixtures.smallPlan()
        plan.conflicts = [
            MergeConflict(id: "teams/team-1/coach", what: "Team \"Alpha\": coach", ours: "\"coach-1\"",
                          theirs: "\"coach-2\"", base: "null"),
            MergeConflict(id: "teams/team-2", what: "Team \"Beta\" / 東京", ours: nil,
                          theirs: "{\n  \"name\" : \"Beta\\u00e9\"\n}", base: nil),
            MergeConflict(id: "name", what: "Plan name", ours: "\"Small\"", theirs: nil, base: "\"Tiny\""),
        ]
        #expect(PlanValidator.validate(plan).isEmpty)
        try expectEquivalent(plan)
        let text = Fixtures.encoded(plan)
        #expect(text.contains("  \"coaches\" : [\n"))
        #expect(text.contains("  ],\n  \"conflicts\" : [\n    {\n      \"base\" : \"null\",\n      \"id\" : \"teams/team-1/coach\",\n"))
        #expect(text.contains("      \"ours\" : \"\\\"coach-1\\\"\",\n      \"theirs\" : \"\\\"coach-2\\\"\",\n      \"what\" : "))
        #expect(text.components(separatedBy: "\"base\"").count == 3)  // absent base omitted
        #expect(text.components(separatedBy: "\"ours\"").count == 3)  // absent ours omitted
        #expect(text.components(separatedBy: "\"theirs\"").count == 3)  // absent theirs omitted
        #expect(!text.contains("null,"))
        let read = try #require(PlanCodec.decodeFast(Data(text.utf8)))
        #expect(read.conflicts == plan.conflicts)
        // Written as null by another tool: read as absent, by both readers.
        let nulls = text.replacingOccurrences(of: "      \"id\" : \"name\",\n",
                                              with: "      \"id\" : \"name\",\n      \"theirs\" : null,\n")
        #expect(nulls != text)
        expectSameOutcome(nulls, fast: true)
        // A conflict without its words is not read: both readers say where.
        expectSameOutcome(text.replacingOccurrences(of: "      \"what\" : \"Plan name\"\n", with: "      \"x\" : 1\n"),
                          fast: false)
    }

    /// Schema 5: participants' rounds of each kind with every optional set and unset, a note raised
    /// by a participant, a counted vote round; escapes in the new strings.
    @Test func participantRoundsRaisedByAndCountedAt() throws {
        var plan = Fixtures.smallPlan()
        let at = Fixtures.monday
        plan.workshops = [Workshop(id: "workshop-1", title: "Check-in")]
        plan.rounds = [
            ParticipantRound(id: "round-1", kind: .readiness, title: "Ready \"yet\"?\n", team: "team-2",
                             dimensions: ["feltPain"],
                             responses: [RoundResponse(participant: "Zoë / 東京",
                                                       ratings: [RoundRating(dimension: "feltPain", rating: 1,
                                                                             evidence: "back\\slash\t🚀")],
                                                       at: at.addingTimeInterval(86_399)),
                                         RoundResponse(participant: "Bo", ratings: [], at: at)],
                             revealed: true, closed: true, openedAt: at, workshop: "workshop-1"),
            ParticipantRound(id: "round-2", kind: .concerns, title: "", team: "team-3", concerns: 3, named: ["Ana", ""],
                             openedAt: at.addingTimeInterval(60)),
            ParticipantRound(id: "round-3", kind: .readiness, title: "Organisation", dimensions: ["feltPain"],
                             openedAt: at.addingTimeInterval(120)),
        ]
        plan.resistance = [
            ResistanceNote(id: "note-1", team: "team-3", words: "Again?", kind: .neverWorkHere, recordedAt: at,
                           raisedBy: "Zoë \"Z\""),
            ResistanceNote(id: "note-2", team: "team-3", words: "Anonymous", kind: .noTime, recordedAt: at),
        ]
        plan.votes = [
            VoteRound(id: "vote-1", title: "Counted", budget: 3, attributed: false, openedAt: at,
                      totals: [TeamVotes(team: "team-1", votes: 2)], ballotCount: 1, revealed: true,
                      countedAt: at.addingTimeInterval(300)),
            VoteRound(id: "vote-2", title: "Not yet", budget: 3, attributed: false, openedAt: at),
        ]
        #expect(PlanValidator.validate(plan).isEmpty)
        try expectEquivalent(plan)
        let text = Fixtures.encoded(plan)
        #expect(text.contains("  \"rounds\" : [\n    {\n      \"closed\" : true,\n      \"concerns\" : 0,\n"))
        #expect(text.contains("\"raisedBy\" : \"Zoë \\\"Z\\\"\",\n"))
        #expect(text.contains("\"countedAt\" : \"2026-01-05T09:35:00Z\",\n"))
        #expect(text.components(separatedBy: "\"raisedBy\"").count == 2)  // nil raisedBy omitted
        #expect(text.components(separatedBy: "\"countedAt\"").count == 2)  // nil countedAt omitted
        #expect(text.components(separatedBy: "\"workshop\"").count == 2)  // nil workshop omitted
        #expect(text.components(separatedBy: "\"team\" : \"team-").count == 1 + 2 + 2 + 1)  // rounds 2, notes 2, totals 1
        #expect(!text.contains("null"))
        let read = try #require(PlanCodec.decodeFast(Data(text.utf8)))
        #expect(read.rounds == plan.rounds)
        #expect(read.resistance.map(\.raisedBy) == ["Zoë \"Z\"", nil])
        #expect(read.votes.map(\.countedAt) == [at.addingTimeInterval(300), nil])
        // Written as null by another tool: read as absent, by both readers.
        let nulls = text.replacingOccurrences(of: "      \"revealed\" : false,\n      \"title\" : \"Not yet\",",
                                              with: "      \"countedAt\" : null,\n      \"revealed\" : false,\n      \"title\" : \"Not yet\",")
        #expect(nulls != text)
        expectSameOutcome(nulls, fast: true)
    }

    @Test(arguments: [1, 2, 7, 42] as [UInt64])
    func generatedPlans(seed: UInt64) throws {
        try expectEquivalent(PlanGenerator.generate(teams: 2_000, seed: seed))
    }

    /// Every character JSONEncoder escapes or might: controls, quotes, backslash, slash, DEL,
    /// line and paragraph separators, combining marks, emoji, CJK, in values, lists and keys.
    @Test func everyEscapeWorthyCharacter() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let specials = "\"quoted\" back\\slash a/b </script> \u{7F} \u{2028}\u{2029} \u{85}\u{A0}\u{FEFF} "
            + "e\u{301} 🚀👩‍👩‍👧 東京 Ωmega \u{10FFFF}"
        var plan = Fixtures.smallPlan()
        plan.name = controls + specials
        plan.teams[0].name = specials
        plan.teams[0].notes = controls
        plan.teams[0].area = "\\u0041 \\n not an escape"
        plan.teams[1].tags = [controls, specials, "", "/", "\\", "\""]
        plan.teams[2].outcome = Outcome(statement: specials, metric: "\u{0}", baseline: "\n\n", target: "[\n\n]")
        let keys = ["Z", "a", "a10", "a9", "_x", "é", "e\u{301}x", "k\"q", "k\\b", "\u{1}", "東", "🚀", "familiarity"]
        plan.criteria += keys.dropLast().map {
            Criterion(id: $0, name: $0, source: .rated, weight: 1, help: specials)
        }
        plan.teams[0].ratings = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0 % 5 + 1) })
        plan.coaches[0].name = "\t\r\n\u{8}\u{C}"
        #expect(PlanValidator.validate(plan).isEmpty)
        try expectEquivalent(plan)
    }

    /// Whole-second date-times across 1601–9999 take the fast paths; fractional seconds and
    /// years outside that range are written by Foundation's formatter and read by JSONDecoder.
    @Test func dateTimes() throws {
        var rng = SplitMix64(seed: 3)
        let earliest = -11_644_473_600.0, latest = 253_402_300_799.0
        var plan = Fixtures.smallPlan()
        var dates: [Date] = [earliest, latest, 0, -1, 86_399, 951_782_400, 4_107_542_400].map {
            Date(timeIntervalSince1970: $0)
        }
        for _ in 0..<1_500 {
            let seconds = earliest + Double(rng.next() % UInt64(latest - earliest))
            dates.append(Date(timeIntervalSince1970: seconds))
        }
        plan.signals = dates.enumerated().map { i, date in
            ReadinessSignal(id: SignalID("s\(i)"), dimension: "feltPain", rating: 3, recordedAt: date)
        }
        try expectEquivalent(plan)

        // Not representable by the fast writer: written with date.formatted(.iso8601).
        let odd = [0.25, -0.25, 1e-7, 1_767_605_400.999, -11_644_473_601, 253_402_300_800, -62_135_596_800]
        plan.signals = odd.enumerated().map { i, t in
            ReadinessSignal(id: SignalID("s\(i)"), dimension: "feltPain", rating: 3,
                            recordedAt: Date(timeIntervalSince1970: t))
        }
        #expect(Self.firstDifference(PlanCodec.encodeFast(plan), try PlanCodec.encodeWithFoundation(plan)) == nil)
    }

    @Test func daysOfEveryShape() throws {
        var plan = Fixtures.smallPlan()
        plan.waves[0].checkIns = [Day(2024, 2, 29), Day(1, 1, 1), Day(9999, 12, 31), Day(2026, 3, 2)]
        plan.waves[0].start = Day(0, 1, 1)
        try expectEquivalent(plan)
        // Days the model can hold but a file cannot: written as Day.description, like JSONEncoder.
        plan.waves[0].end = Day(12_345, 1, 1)
        plan.waves[0].checkIns = [Day(-5, 13, 0), Day(2026, 100, 7)]
        #expect(Self.firstDifference(PlanCodec.encodeFast(plan), try PlanCodec.encodeWithFoundation(plan)) == nil)
    }

    @Test func extremeNumbers() throws {
        var plan = Fixtures.smallPlan()
        plan.waves[0].order = Int.min
        plan.coaches[0].capacity = Int.max
        plan.teams[2].roles.other = 0
        plan.settings.maxWaveSharePercent = -1
        #expect(Self.firstDifference(PlanCodec.encodeFast(plan), try PlanCodec.encodeWithFoundation(plan)) == nil)
        let text = Fixtures.encoded(plan)
        expectSameOutcome(text, fast: true)
    }
}
