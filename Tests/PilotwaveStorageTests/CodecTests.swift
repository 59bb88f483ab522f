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
        #expect(text.contains("\"schemaVersion\" : 3,"))
        // Sorted keys: the top level reads blockers, coaches, criteria, … workshops.
        let topLevel = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
            String($0.dropFirst(3).prefix { $0 != "\"" })
        }
        #expect(topLevel == topLevel.sorted())
        #expect(topLevel.first == "blockers")
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
            .replacingOccurrences(of: "\"schemaVersion\" : 3", with: "\"schemaVersion\" : 4")
            .replacingOccurrences(of: "\"teams\" : [", with: "\"squads\" : [")  // content is not judged
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(text.utf8), file: "p.json") }
        #expect(error?.message == "p.json: written by a newer pilotwave (schemaVersion 4; this build reads up to 3). "
            + "Upgrade pilotwave; the file was not changed.")
        #expect(error?.reason == .newerSchema(found: 4, supported: 3))
    }

    @Test(arguments: [0, -2])
    func versionZeroOrNegativeIsUnsupported(version: Int) throws {
        let text = Fixtures.encoded(Fixtures.smallPlan())
            .replacingOccurrences(of: "\"schemaVersion\" : 3", with: "\"schemaVersion\" : \(version)")
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(text.utf8), file: "p.json") }
        let at = position(of: "\(version),", in: text, after: "\"schemaVersion\"")
        #expect(error?.message == "p.json:\(at): schemaVersion: unsupported schemaVersion \(version); versions start at 1")
    }

    @Test func missingSchemaVersionIsAnError() throws {
        let text = Fixtures.encoded(Fixtures.smallPlan())
            .replacingOccurrences(of: "  \"schemaVersion\" : 3,\n", with: "")
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(text.utf8), file: "p.json") }
        #expect(error?.reason == .missingSchemaVersion)
        #expect(error?.message == "p.json:1:1: missing required key \"schemaVersion\"; expected the file format "
            + "version, e.g. \"schemaVersion\" : 3 (is this a pilotwave plan?)")
    }

    @Test func schemaVersionOfWrongType() throws {
        let text = Fixtures.encoded(Fixtures.smallPlan())
            .replacingOccurrences(of: "\"schemaVersion\" : 3", with: "\"schemaVersion\" : \"3\"")
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(text.utf8), file: "p.json") }
        let at = position(of: "\"3\"", in: text, after: "\"schemaVersion\"")
        #expect(error?.message == "p.json:\(at): schemaVersion: expected a number, found a string")
    }

    @Test func versionOneFileIsMigrated() throws {
        let data = Data(Fixtures.versionOne.utf8)
        #expect(PlanCodec.decodeFast(data) == nil)  // older: left to JSONDecoder and the migrations
        let plan = try PlanCodec.decode(data, file: "old.json")
        #expect(plan.schemaVersion == 3)
        #expect(plan.votes == [])
        #expect(plan.scenarios == [])
        #expect(plan.decisions.map(\.selection) == [nil])
        #expect(plan == Fixtures.versionOnePlan())
        #expect(try PlanCodec.decodeWithFoundation(data, file: "old.json") == plan)
        // Written back as version 3: the same file with the version raised, an empty "votes" and
        // an empty "scenarios".
        let expected = Fixtures.versionOne
            .replacingOccurrences(of: "\"schemaVersion\" : 1,", with: "\"scenarios\" : [],\n  \"schemaVersion\" : 3,")
            .replacingOccurrences(of: "  ],\n  \"waves\" : [", with: "  ],\n  \"votes\" : [],\n  \"waves\" : [")
        #expect(Fixtures.encoded(plan) == expected)
    }

    @Test func versionTwoFileIsMigrated() throws {
        let data = Data(Fixtures.versionTwo.utf8)
        #expect(!Fixtures.versionTwo.contains("scenarios"))
        #expect(PlanCodec.decodeFast(data) == nil)  // older: left to JSONDecoder and the migrations
        let plan = try PlanCodec.decode(data, file: "old.json")
        #expect(plan.schemaVersion == 3)
        #expect(plan.scenarios == [])
        #expect(plan.votes.count == 1)
        #expect(plan == Fixtures.versionTwoPlan())
        #expect(try PlanCodec.decodeWithFoundation(data, file: "old.json") == plan)
        // Written back as version 3: the same file with the version raised and an empty "scenarios".
        let expected = Fixtures.versionTwo
            .replacingOccurrences(of: "\"schemaVersion\" : 2,", with: "\"scenarios\" : [],\n  \"schemaVersion\" : 3,")
        #expect(Fixtures.encoded(plan) == expected)
        // The step alone: it adds "scenarios" only where it is missing.
        var document: [String: Any] = ["schemaVersion": 2]
        try Migrations.standard.upgrade(&document, from: 2)
        #expect((document["scenarios"] as? [Any])?.isEmpty == true)
        #expect(document["schemaVersion"] as? Int == 3)
        document = ["scenarios": ["kept"]]
        try Migrations.standard.upgrade(&document, from: 2)
        #expect(document["scenarios"] as? [String] == ["kept"])
    }

    /// A registry for a pretend version 4 in which plans gained `workshops` (so older files lack
    /// it), after the real 1 → 2 and 2 → 3 steps.
    static let pretendV4 = Migrations(
        steps: [
            1: Migrations.standard.steps[1]!,
            2: Migrations.standard.steps[2]!,
            3: { document in
                if document["workshops"] == nil { document["workshops"] = [Any]() }
            },
        ],
        currentVersion: 4)

    @Test func olderFileIsMigratedStepByStep() throws {
        let text = Fixtures.versionOne.replacingOccurrences(of: "  ],\n  \"workshops\" : []\n", with: "  ]\n")
        #expect(!text.contains("workshops"))
        #expect(!text.contains("votes"))
        #expect(!text.contains("scenarios"))
        #expect(JSONLocator.syntaxError(in: Array(text.utf8)) == nil)
        let plan = try PlanCodec.decode(Data(text.utf8), file: "old.json", migrations: Self.pretendV4)
        #expect(plan.workshops.isEmpty)
        #expect(plan.votes.isEmpty)
        #expect(plan.scenarios.isEmpty)
        #expect(plan.schemaVersion == 4)
        #expect(plan.teams.map(\.name) == ["Alpha", "Beta", "Gamma"])
        // A version-3 file takes only the last step.
        let three = Fixtures.encoded(Fixtures.smallPlan())
            .replacingOccurrences(of: "  ],\n  \"workshops\" : []\n", with: "  ]\n")
        #expect(!three.contains("workshops"))
        let upgraded = try PlanCodec.decode(Data(three.utf8), file: "old.json", migrations: Self.pretendV4)
        #expect(upgraded.workshops.isEmpty)
        #expect(upgraded.schemaVersion == 4)
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
