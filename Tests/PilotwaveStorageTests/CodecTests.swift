import Foundation
import PilotwaveCore
import PilotwaveStorage
import Testing

@Suite("PlanCodec")
struct CodecTests {
    @Test func fullPlanRoundTripsByteForByte() throws {
        let plan = Fixtures.fullPlan()
        let first = try PlanCodec.encode(plan)
        let decoded = try PlanCodec.decode(first, file: "full.json")
        #expect(decoded == plan)
        let second = try PlanCodec.encode(decoded)
        #expect(second == first)
    }

    @Test func outputIsSortedPrettyUTF8WithTrailingNewline() throws {
        let text = Fixtures.encoded(Fixtures.fullPlan())
        #expect(text.hasSuffix("}\n"))
        #expect(!text.hasSuffix("\n\n"))
        #expect(text.contains("\"name\" : \"チーム Ωmega\""))
        #expect(text.contains("\"name\" : \"🚀 Rocket\""))
        #expect(text.contains("\"area\" : \"Payments / Tokyo\""))  // slashes not escaped
        #expect(text.contains("\"recordedAt\" : \"2026-01-05T09:30:00Z\""))
        #expect(text.contains("\"followUp\" : \"2026-02-01\""))
        #expect(text.contains("\"schemaVersion\" : 6,"))
        // Sorted keys: the top level reads actions, blockers, coaches, … workshops.
        let topLevel = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
            String($0.dropFirst(3).prefix { $0 != "\"" })
        }
        #expect(topLevel == topLevel.sorted())
        #expect(topLevel.first == "actions")
        #expect(topLevel.last == "workshops")
    }

    @Test func absentOptionalsAreOmittedNotNull() throws {
        let text = Fixtures.encoded(Fixtures.smallPlan())
        #expect(!text.contains("null"))
        #expect(!text.contains("outOfScopeReason"))
    }

    @Test func emptyListsAndObjectsAreWrittenCompactly() throws {
        let text = Fixtures.encoded(Fixtures.smallPlan())
        #expect(text.contains("  \"decisions\" : [],\n"))
        #expect(text.contains("      \"ratings\" : {},\n"))
        #expect(!text.contains("[\n\n"))
        // A string holding brackets and blank lines is left alone.
        var plan = Fixtures.smallPlan()
        plan.teams[0].notes = "[\n\n]"
        let notes = Fixtures.encoded(plan)
        #expect(notes.contains(#""notes" : "[\n\n]""#))
        #expect(try PlanCodec.decode(Data(notes.utf8), file: "p.json").teams[0].notes == "[\n\n]")
    }

    @Test func encodeAlwaysWritesTheCurrentSchemaVersion() throws {
        var plan = Fixtures.smallPlan()
        plan.schemaVersion = 0
        let text = Fixtures.encoded(plan)
        #expect(text.contains("\"schemaVersion\" : \(Plan.currentSchemaVersion),"))
    }

    @Test func fileRefusedWhenWrittenByNewerVersion() throws {
        let text = Fixtures.encoded(Fixtures.smallPlan())
            .replacingOccurrences(of: "\"schemaVersion\" : 6", with: "\"schemaVersion\" : 7")
            .replacingOccurrences(of: "\"teams\" : [", with: "\"squads\" : [")  // content is not judged
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(text.utf8), file: "p.json") }
        #expect(error?.message == "p.json: written by a newer pilotwave (schemaVersion 7; this build reads up to 6). "
            + "Upgrade pilotwave; the file was not changed.")
        #expect(error?.reason == .newerSchema(found: 7, supported: 6))
    }

    @Test(arguments: [0, -2])
    func versionZeroOrNegativeIsUnsupported(version: Int) throws {
        let text = Fixtures.encoded(Fixtures.smallPlan())
            .replacingOccurrences(of: "\"schemaVersion\" : 6", with: "\"schemaVersion\" : \(version)")
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(text.utf8), file: "p.json") }
        let at = position(of: "\(version),", in: text, after: "\"schemaVersion\"")
        #expect(error?.message == "p.json:\(at): schemaVersion: unsupported schemaVersion \(version); versions start at 1")
    }

    @Test func missingSchemaVersionIsAnError() throws {
        let text = Fixtures.encoded(Fixtures.smallPlan())
            .replacingOccurrences(of: "  \"schemaVersion\" : 6,\n", with: "")
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(text.utf8), file: "p.json") }
        #expect(error?.reason == .missingSchemaVersion)
        #expect(error?.message == "p.json:1:1: missing required key \"schemaVersion\"; expected the file format "
            + "version, e.g. \"schemaVersion\" : 6 (is this a pilotwave plan?)")
    }

    @Test func schemaVersionOfWrongType() throws {
        let text = Fixtures.encoded(Fixtures.smallPlan())
            .replacingOccurrences(of: "\"schemaVersion\" : 6", with: "\"schemaVersion\" : \"6\"")
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(text.utf8), file: "p.json") }
        let at = position(of: "\"6\"", in: text, after: "\"schemaVersion\"")
        #expect(error?.message == "p.json:\(at): schemaVersion: expected a number, found a string")
    }

    @Test func versionOneFileIsMigrated() throws {
        let data = Data(Fixtures.versionOne.utf8)
        #expect(PlanCodec.decodeFast(data) == nil)  // older: left to JSONDecoder and the migrations
        let plan = try PlanCodec.decode(data, file: "old.json")
        #expect(plan.schemaVersion == 6)
        #expect(plan.votes == [])
        #expect(plan.scenarios == [])
        #expect(plan.actions == [])
        #expect(plan.decisions.map(\.selection) == [nil])
        #expect(plan == Fixtures.versionOnePlan())
        #expect(try PlanCodec.decodeWithFoundation(data, file: "old.json") == plan)
        // Written back as version 6: the same file with the version raised, an empty "actions",
        // "rounds", "votes" and "scenarios".
        let expected = Fixtures.versionOne
            .replacingOccurrences(of: "\n  \"criteria\" : [", with: "\n  \"conflicts\" : [],\n  \"criteria\" : [")
            .replacingOccurrences(of: "{\n  \"blockers\" : [", with: "{\n  \"actions\" : [],\n  \"blockers\" : [")
            .replacingOccurrences(of: "\"schemaVersion\" : 1,", with: "\"rounds\" : [],\n  \"scenarios\" : [],\n  \"schemaVersion\" : 6,")
            .replacingOccurrences(of: "  ],\n  \"waves\" : [", with: "  ],\n  \"votes\" : [],\n  \"waves\" : [")
        #expect(Fixtures.encoded(plan) == expected)
    }

    @Test func versionTwoFileIsMigrated() throws {
        let data = Data(Fixtures.versionTwo.utf8)
        #expect(!Fixtures.versionTwo.contains("scenarios"))
        #expect(PlanCodec.decodeFast(data) == nil)  // older: left to JSONDecoder and the migrations
        let plan = try PlanCodec.decode(data, file: "old.json")
        #expect(plan.schemaVersion == 6)
        #expect(plan.scenarios == [])
        #expect(plan.votes.count == 1)
        #expect(plan == Fixtures.versionTwoPlan())
        #expect(try PlanCodec.decodeWithFoundation(data, file: "old.json") == plan)
        // Written back as version 6: the same file with the version raised, an empty "actions",
        // "rounds" and "scenarios".
        let expected = Fixtures.versionTwo
            .replacingOccurrences(of: "\n  \"criteria\" : [", with: "\n  \"conflicts\" : [],\n  \"criteria\" : [")
            .replacingOccurrences(of: "{\n  \"blockers\" : [", with: "{\n  \"actions\" : [],\n  \"blockers\" : [")
            .replacingOccurrences(of: "\"schemaVersion\" : 2,", with: "\"rounds\" : [],\n  \"scenarios\" : [],\n  \"schemaVersion\" : 6,")
        #expect(Fixtures.encoded(plan) == expected)
        // The step alone: it adds "scenarios" only where it is missing.
        var document: [String: Any] = ["schemaVersion": 2]
        try Migrations.standard.upgrade(&document, from: 2)
        #expect((document["scenarios"] as? [Any])?.isEmpty == true)
        #expect(document["schemaVersion"] as? Int == 6)
        document = ["scenarios": ["kept"]]
        try Migrations.standard.upgrade(&document, from: 2)
        #expect(document["scenarios"] as? [String] == ["kept"])
    }

    @Test func versionThreeFileIsMigrated() throws {
        let data = Data(Fixtures.versionThree.utf8)
        for key in ["actions", "current", "parkingLot", "spentSeconds", "extraMinutes", "template"] {
            #expect(!Fixtures.versionThree.contains("\"\(key)\""))
        }
        #expect(PlanCodec.decodeFast(data) == nil)  // older: left to JSONDecoder and the migrations
        let plan = try PlanCodec.decode(data, file: "old.json")
        #expect(plan.schemaVersion == 6)
        #expect(plan.actions == [])
        #expect(plan.workshops.map(\.status) == [.planned])
        #expect(plan.workshops.map(\.current) == [0])
        #expect(plan.workshops.map(\.parkingLot) == [[]])
        #expect(plan.workshops.map(\.template) == [nil])
        #expect(plan.workshops[0].steps.map(\.spentSeconds) == [0, 0])
        #expect(plan.workshops[0].steps.map(\.extraMinutes) == [0, 0])
        #expect(plan.workshops[0].steps.map(\.done) == [true, false])  // kept
        #expect(plan.decisions.map(\.workshop) == [nil])
        #expect(plan == Fixtures.versionThreePlan())
        #expect(try PlanCodec.decodeWithFoundation(data, file: "old.json") == plan)
        // Written back as version 6: the same file with the version raised, an empty "actions" and
        // "rounds", the workshop's session state and its steps' time.
        let expected = Fixtures.versionThree
            .replacingOccurrences(of: "\n  \"criteria\" : [", with: "\n  \"conflicts\" : [],\n  \"criteria\" : [")
            .replacingOccurrences(of: "{\n  \"blockers\" : [", with: "{\n  \"actions\" : [],\n  \"blockers\" : [")
            .replacingOccurrences(of: "  \"scenarios\" : [", with: "  \"rounds\" : [],\n  \"scenarios\" : [")
            .replacingOccurrences(of: "\"schemaVersion\" : 3,", with: "\"schemaVersion\" : 6,")
            .replacingOccurrences(of: "    {\n      \"date\" : \"2026-01-09\",\n      \"id\" : \"workshop-1\",\n      \"steps\"",
                                  with: "    {\n      \"current\" : 0,\n      \"date\" : \"2026-01-09\",\n"
                                      + "      \"id\" : \"workshop-1\",\n      \"parkingLot\" : [],\n"
                                      + "      \"status\" : \"planned\",\n      \"steps\"")
            .replacingOccurrences(of: "          \"done\" : true,\n", with: "          \"done\" : true,\n          \"extraMinutes\" : 0,\n")
            .replacingOccurrences(of: "          \"done\" : false,\n", with: "          \"done\" : false,\n          \"extraMinutes\" : 0,\n")
            .replacingOccurrences(of: "          \"title\" : \"", with: "          \"spentSeconds\" : 0,\n          \"title\" : \"")
        #expect(FastCodecTests.firstDifference(Data(Fixtures.encoded(plan).utf8), Data(expected.utf8)) == nil)
    }

    /// The 3 → 4 step alone: it fills in only what is missing, and leaves what is not an object
    /// where it is, for the decoder to report there.
    @Test func versionThreeStepKeepsWhatIsThere() throws {
        var document: [String: Any] = [
            "schemaVersion": 3,
            "actions": ["kept"],
            "workshops": [
                ["status": "done", "current": 2, "parkingLot": ["kept"],
                 "steps": [["spentSeconds": 90, "extraMinutes": 5], "not a step", ["title": "t"]]],
                "not a workshop",
                ["title": "no steps"],
            ] as [Any],
        ]
        try Migrations.standard.upgrade(&document, from: 3)
        #expect(document["schemaVersion"] as? Int == 6)
        #expect(document["actions"] as? [String] == ["kept"])
        let workshops = try #require(document["workshops"] as? [Any])
        #expect(workshops.count == 3)
        let first = try #require(workshops[0] as? [String: Any])
        #expect(first["status"] as? String == "done")
        #expect(first["current"] as? Int == 2)
        #expect(first["parkingLot"] as? [String] == ["kept"])
        let steps = try #require(first["steps"] as? [Any])
        #expect((steps[0] as? [String: Any])?["spentSeconds"] as? Int == 90)
        #expect((steps[0] as? [String: Any])?["extraMinutes"] as? Int == 5)
        #expect(steps[1] as? String == "not a step")
        #expect((steps[2] as? [String: Any])?["spentSeconds"] as? Int == 0)
        #expect((steps[2] as? [String: Any])?["extraMinutes"] as? Int == 0)
        #expect(workshops[1] as? String == "not a workshop")
        let third = try #require(workshops[2] as? [String: Any])
        #expect(third["status"] as? String == "planned")
        #expect(third["current"] as? Int == 0)
        #expect(third["steps"] == nil)  // missing: the decoder says so
        // A broken version-3 file is reported where it is broken, after the upgrade.
        let broken = Fixtures.versionThree.replacingOccurrences(
            of: "        {\n          \"done\" : false,", with: "        7, {\n          \"done\" : false,")
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(broken.utf8), file: "old.json") }
        #expect(error?.message.hasPrefix("old.json:") == true)
        #expect(error?.message.contains("workshops[0].steps[1]: expected an object, found a number") == true)
    }

    @Test func versionFourFileIsMigrated() throws {
        let data = Data(Fixtures.versionFour.utf8)
        for key in ["rounds", "raisedBy", "countedAt"] {
            #expect(!Fixtures.versionFour.contains("\"\(key)\""))
        }
        #expect(PlanCodec.decodeFast(data) == nil)  // older: left to JSONDecoder and the migrations
        let plan = try PlanCodec.decode(data, file: "old.json")
        #expect(plan.schemaVersion == 6)
        #expect(plan.rounds == [])
        #expect(plan.resistance.map(\.raisedBy) == [nil])
        #expect(plan.votes.map(\.countedAt) == [nil])
        #expect(plan.votes.map(\.totals) == [[TeamVotes(team: "team-1", votes: 4)]])  // kept
        #expect(plan == Fixtures.versionFourPlan())
        #expect(try PlanCodec.decodeWithFoundation(data, file: "old.json") == plan)
        // Written back as version 6: the same file with the version raised and an empty "rounds".
        let expected = Fixtures.versionFour
            .replacingOccurrences(of: "\n  \"criteria\" : [", with: "\n  \"conflicts\" : [],\n  \"criteria\" : [")
            .replacingOccurrences(of: "  \"scenarios\" : [", with: "  \"rounds\" : [],\n  \"scenarios\" : [")
            .replacingOccurrences(of: "\"schemaVersion\" : 4,", with: "\"schemaVersion\" : 6,")
        #expect(FastCodecTests.firstDifference(Data(Fixtures.encoded(plan).utf8), Data(expected.utf8)) == nil)
    }

    /// The 4 → 5 step alone: it adds "rounds" only where it is missing, and leaves notes and vote
    /// rounds as they are (their new keys are optional).
    @Test func versionFourStepKeepsWhatIsThere() throws {
        var document: [String: Any] = ["schemaVersion": 4, "resistance": [["words": "w"]], "votes": ["not a round"]]
        try Migrations.standard.upgrade(&document, from: 4)
        #expect(document["schemaVersion"] as? Int == 6)
        #expect((document["rounds"] as? [Any])?.isEmpty == true)
        #expect(document["resistance"] as? [[String: String]] == [["words": "w"]])
        #expect(document["votes"] as? [String] == ["not a round"])
        document = ["rounds": ["kept"]]
        try Migrations.standard.upgrade(&document, from: 4)
        #expect(document["rounds"] as? [String] == ["kept"])
    }

    @Test func versionFiveFileIsMigrated() throws {
        let data = Data(Fixtures.versionFive.utf8)
        #expect(!Fixtures.versionFive.contains("\"conflicts\""))
        #expect(PlanCodec.decodeFast(data) == nil)  // older: left to JSONDecoder and the migrations
        let plan = try PlanCodec.decode(data, file: "old.json")
        #expect(plan.schemaVersion == 6)
        #expect(plan.conflicts == [])
        #expect(plan.resistance.map(\.raisedBy) == ["Ana"])  // kept
        #expect(plan == Fixtures.versionFivePlan())
        #expect(try PlanCodec.decodeWithFoundation(data, file: "old.json") == plan)
        // Written back as version 6: the same file with the version raised and an empty "conflicts".
        let expected = Fixtures.versionFive
            .replacingOccurrences(of: "\n  \"criteria\" : [", with: "\n  \"conflicts\" : [],\n  \"criteria\" : [")
            .replacingOccurrences(of: "\"schemaVersion\" : 5,", with: "\"schemaVersion\" : 6,")
        #expect(FastCodecTests.firstDifference(Data(Fixtures.encoded(plan).utf8), Data(expected.utf8)) == nil)
    }

    /// The 5 → 6 step alone: it adds "conflicts" only where it is missing.
    @Test func versionFiveStepKeepsWhatIsThere() throws {
        var document: [String: Any] = ["schemaVersion": 5]
        try Migrations.standard.upgrade(&document, from: 5)
        #expect(document["schemaVersion"] as? Int == 6)
        #expect((document["conflicts"] as? [Any])?.isEmpty == true)
        document = ["conflicts": ["kept"]]
        try Migrations.standard.upgrade(&document, from: 5)
        #expect(document["conflicts"] as? [String] == ["kept"])
    }

    /// A registry for a pretend version 7 in which plans gained `workshops` (so older files lack
    /// it), after the real 1 → 2, 2 → 3, 3 → 4, 4 → 5 and 5 → 6 steps.
    static let pretendV7 = Migrations(
        steps: [
            1: Migrations.standard.steps[1]!,
            2: Migrations.standard.steps[2]!,
            3: Migrations.standard.steps[3]!,
            4: Migrations.standard.steps[4]!,
            5: Migrations.standard.steps[5]!,
            6: { document in
                if document["workshops"] == nil { document["workshops"] = [Any]() }
            },
        ],
        currentVersion: 7)

    @Test func olderFileIsMigratedStepByStep() throws {
        let text = Fixtures.versionOne.replacingOccurrences(of: "  ],\n  \"workshops\" : []\n", with: "  ]\n")
        #expect(!text.contains("workshops"))
        #expect(!text.contains("votes"))
        #expect(!text.contains("scenarios"))
        #expect(!text.contains("actions"))
        #expect(!text.contains("rounds"))
        #expect(!text.contains("conflicts"))
        #expect(JSONLocator.syntaxError(in: Array(text.utf8)) == nil)
        let plan = try PlanCodec.decode(Data(text.utf8), file: "old.json", migrations: Self.pretendV7)
        #expect(plan.workshops.isEmpty)
        #expect(plan.votes.isEmpty)
        #expect(plan.scenarios.isEmpty)
        #expect(plan.actions.isEmpty)
        #expect(plan.rounds.isEmpty)
        #expect(plan.conflicts.isEmpty)
        #expect(plan.schemaVersion == 7)
        #expect(plan.teams.map(\.name) == ["Alpha", "Beta", "Gamma"])
        // A version-6 file takes only the last step.
        let six = Fixtures.encoded(Fixtures.smallPlan())
            .replacingOccurrences(of: "  ],\n  \"workshops\" : []\n", with: "  ]\n")
        #expect(!six.contains("workshops"))
        #expect(six.contains("\"schemaVersion\" : 6,"))
        let upgraded = try PlanCodec.decode(Data(six.utf8), file: "old.json", migrations: Self.pretendV7)
        #expect(upgraded.workshops.isEmpty)
        #expect(upgraded.schemaVersion == 7)
    }

    @Test func migrationWithoutAStepFails() throws {
        let registry = Migrations(steps: [:], currentVersion: 2)
        let error = #expect(throws: PlanLoadError.self) {
            try PlanCodec.decode(Data(Fixtures.versionOne.utf8), file: "old.json", migrations: registry)
        }
        #expect(error?.message == "old.json: cannot upgrade from schemaVersion 1: this build has no upgrade "
            + "from schemaVersion 1; the file was not changed.")
    }

    @Test func failingMigrationStepIsReported() throws {
        struct Refused: Error, CustomStringConvertible { var description: String { "teams is not a list" } }
        let registry = Migrations(steps: [1: { _ in throw Refused() }], currentVersion: 2)
        let error = #expect(throws: PlanLoadError.self) {
            try PlanCodec.decode(Data(Fixtures.versionOne.utf8), file: "old.json", migrations: registry)
        }
        #expect(error?.reason == .migrationFailed)
        #expect(error?.message == "old.json: cannot upgrade from schemaVersion 1: teams is not a list; the file was not changed.")
    }

    @Test func upgradeAppliesStepsInOrderAndSetsTheVersion() throws {
        let registry = Migrations(
            steps: [
                1: { $0["log"] = ($0["log"] as? String ?? "") + "1" },
                2: { $0["log"] = ($0["log"] as? String ?? "") + "2" },
            ],
            currentVersion: 3)
        var document: [String: Any] = ["schemaVersion": 1]
        try registry.upgrade(&document, from: 1)
        #expect(document["log"] as? String == "12")
        #expect(document["schemaVersion"] as? Int == 3)
    }

    @Test func standardRegistryMatchesTheModel() {
        #expect(Migrations.standard.currentVersion == Plan.currentSchemaVersion)
        // Every version from 1 up to the current one has a step.
        for version in 1..<Plan.currentSchemaVersion { #expect(Migrations.standard.steps[version] != nil) }
    }

    @Test func fractionalSecondsAndOffsetsAreRead() throws {
        let text = Fixtures.encoded(Fixtures.smallPlan())
            .replacingOccurrences(of: "2026-01-05T09:30:00Z", with: "2026-01-05T10:30:00.250+01:00")
        let plan = try PlanCodec.decode(Data(text.utf8), file: "p.json")
        #expect(plan.signals[0].recordedAt == Fixtures.monday.addingTimeInterval(0.25))
    }
}
