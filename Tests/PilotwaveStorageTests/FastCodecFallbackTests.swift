import Foundation
import PilotwaveCore
import PilotwaveStorage
import Testing

/// Files the fast reader must leave to JSONDecoder, and files it may read: either way the load
/// ends exactly as with JSONDecoder alone (the same plan, or the same error message).
@Suite("Fast codec fallback")
struct FastCodecFallbackTests {
    let helper = FastCodecTests()

    func same(_ text: String, fast: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
        helper.expectSameOutcome(text, fast: fast, sourceLocation: sourceLocation)
    }

    func edited(_ old: String, _ new: String) -> String { helper.edited(old, new) }

    @Test func unchangedFileIsRead() {
        same(Fixtures.encoded(Fixtures.smallPlan()), fast: true)
        same(Fixtures.encoded(Fixtures.fullPlan()), fast: true)
    }

    // MARK: Errors: left to JSONDecoder, same message

    @Test func errorsKeepTheirMessages() {
        let small = Fixtures.encoded(Fixtures.smallPlan())
        same(edited("      \"stage\" : \"invest\",\n", ""), fast: false)  // missing required key
        same(edited("  \"coaches\" : [", "  \"trainers\" : ["), fast: false)  // missing top-level key
        same(small + "x", fast: false)  // trailing garbage
        same(small + "{}", fast: false)
        same(String(small.dropLast(3)), fast: false)  // truncated
        same(edited("\"design\" : 0", "\"design\" : \"three\""), fast: false)  // wrong type
        same(edited("\"engineering\" : 3", "\"engineering\" : 1.5"), fast: false)  // 1.5 for an Int
        same(edited("\"engineering\" : 3", "\"engineering\" : 99999999999999999999"), fast: false)
        same(edited("\"engineering\" : 3", "\"engineering\" : 9223372036854775808"), fast: false)
        same(edited("\"engineering\" : 3", "\"engineering\" : true"), fast: false)
        same(edited("\"name\" : \"Beta\"", "\"name\" : null"), fast: false)  // null for a required value
        same(edited("\"stage\" : \"invest\"", "\"stage\" : \"grow\""), fast: false)  // unknown enum value
        same(edited("\"stage\" : \"invest\"", "\"stage\" : \"Invest\""), fast: false)
        same(edited("\"id\" : \"team-3\"", "\"id\" : \"\""), fast: false)  // empty id
        same(edited("\"order\" : 0,", "\"order\" : 0,\n      \"start\" : \"2026-02-30\","), fast: false)
        same(edited("\"2026-01-05T09:30:00Z\"", "\"yesterday\""), fast: false)
        same(edited("\"schemaVersion\" : 6", "\"schemaVersion\" : 7"), fast: false)  // newer
        same(edited("\"schemaVersion\" : 6", "\"schemaVersion\" : 0"), fast: false)
        same(edited("  \"schemaVersion\" : 6,\n", ""), fast: false)
        same(edited("\"schemaVersion\" : 6", "\"schemaVersion\" : \"6\""), fast: false)
        same(edited("\"name\" : \"Beta\"", "\"name\" : \"Be\nta\""), fast: false)  // raw control character
        same(edited("\"name\" : \"Beta\"", "\"name\" : \"B\\qeta\""), fast: false)  // bad escape
        same(edited("\"name\" : \"Beta\"", "\"name\" : \"\\ud800\""), fast: false)  // lone surrogate
        same(edited("\"name\" : \"Beta\"", "\"name\" : \"\\udc00\\ud800\""), fast: false)
        same(edited("\"design\" : 0", "\"design\" : 01"), fast: false)
        same(edited("\"stakeholders\" : []", "\"stakeholders\" : {}"), fast: false)
        same("[1, 2]", fast: false)
        same("{}", fast: false)
        same("  \n ", fast: false)
        same("{\"a\": [1, 2, ]}", fast: false)
        same(String(repeating: "[", count: 600) + String(repeating: "]", count: 600), fast: false)
        // A plan that reads but breaks the rules: validation runs after the fast path too.
        same(edited("\"coach\" : \"coach-1\"", "\"coach\" : \"coach-9\""), fast: true)
        same(edited("\"familiarity\" : 4", "\"familiarity\" : 9"), fast: true)
    }

    @Test func olderFilesAreLeftToTheMigrations() {
        same(Fixtures.versionOne, fast: false)
        same(Fixtures.versionTwo, fast: false)
        same(Fixtures.versionThree, fast: false)
        same(Fixtures.versionFour, fast: false)
        same(Fixtures.versionFive, fast: false)
        same(edited("\"schemaVersion\" : 6", "\"schemaVersion\" : 1"), fast: false)
        same(edited("\"schemaVersion\" : 6", "\"schemaVersion\" : 2"), fast: false)
        same(edited("\"schemaVersion\" : 6", "\"schemaVersion\" : 3"), fast: false)
        same(edited("\"schemaVersion\" : 6", "\"schemaVersion\" : 4"), fast: false)
        same(edited("\"schemaVersion\" : 6", "\"schemaVersion\" : 5"), fast: false)
    }

    /// Voting rounds and pilot selections: optionals missing or null are read; errors keep their
    /// messages; broken rules are found after the fast path too.
    @Test func votesAndSelections() {
        let full = Fixtures.encoded(Fixtures.fullPlan())
        func changed(_ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
            let range = full.range(of: old)
            #expect(range != nil, "\(old.debugDescription) not in the full plan's file", sourceLocation: sourceLocation)
            guard let range else { return full }
            return full.replacingCharacters(in: range, with: new)
        }
        same(full, fast: true)
        same(changed("\"capPerTeam\" : 3,", ""), fast: true)
        same(changed("\"capPerTeam\" : 3", "\"capPerTeam\" : null"), fast: true)
        same(changed("\"voteRound\" : \"vote-1\",", ""), fast: true)
        same(changed("\"voteRound\" : \"vote-1\"", "\"voteRound\" : null"), fast: true)
        same(changed("\"score\" : 82", "\"score\" : null"), fast: true)
        same(changed("\"selection\" : {", "\"selection\" : null, \"was\" : {"), fast: true)
        same(changed("\"ballotCount\" : 2,", "\"ballotCount\" : 2, \"voters\" : [\"x\"],"), fast: true)
        same(changed("\"votes\" : 3", "\"votes\" : -3"), fast: true)  // read, then refused by the rules
        same(changed("\"totals\" : [\n", "\"totals\" : [{\"team\" : \"team-404\", \"votes\" : 1},\n"), fast: true)
        same(changed("\"ballotCount\" : 2,", ""), fast: false)  // missing required key
        same(changed("\"recommended\" : \"2–4\",", ""), fast: false)
        same(changed("\"attributed\" : true", "\"attributed\" : \"yes\""), fast: false)  // wrong type
        same(changed("\"budget\" : 5", "\"budget\" : 5.5"), fast: false)
        same(changed("\"voter\" : \"Bo\"", "\"voter\" : null"), fast: false)
        same(changed("\"team\" : \"team-1\"", "\"team\" : \"\""), fast: false)  // empty id
        same(changed("\"openedAt\" : \"2026-01-05T09:30:00Z\"", "\"openedAt\" : \"yesterday\""), fast: false)
        same(changed("  \"votes\" : [\n", "  \"rounds\" : [\n"), fast: false)  // missing top-level key
    }

    /// Scenarios: unknown keys are skipped; missing, null or mistyped required values and empty ids
    /// are left to JSONDecoder and keep its messages; broken rules are found after the fast path.
    @Test func scenarios() {
        let full = Fixtures.encoded(Fixtures.fullPlan())
        func changed(_ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
            let range = full.range(of: old)
            #expect(range != nil, "\(old.debugDescription) not in the full plan's file", sourceLocation: sourceLocation)
            guard let range else { return full }
            return full.replacingCharacters(in: range, with: new)
        }
        same(changed("\"note\" : \"\",", "\"note\" : \"\", \"colour\" : \"red\","), fast: true)
        same(changed("\"coach\" : \"coach-2\"", "\"coach\" : \"coach-9\""), fast: true)  // refused by the rules
        same(changed("\"note\" : \"\",", ""), fast: false)  // missing required key
        same(changed("\"note\" : \"\"", "\"note\" : null"), fast: false)
        same(changed("\"assignments\" : [],", "\"assignments\" : {},"), fast: false)  // wrong type
        same(changed("\"coach\" : \"coach-2\"", "\"coach\" : \"\""), fast: false)  // empty id
        same(changed("\"createdAt\" : \"2026-01-05T09:30:00Z\"", "\"createdAt\" : \"2026-01-05\""), fast: false)
        same(changed("  \"scenarios\" : [\n", "  \"alternatives\" : [\n"), fast: false)  // missing top-level key
    }

    /// Workshops, actions and decisions' workshop: optionals missing or null are read; unknown
    /// keys skipped; missing, null or mistyped required values, unknown statuses and empty ids are
    /// left to JSONDecoder and keep its messages; broken rules are found after the fast path.
    @Test func workshopsAndActions() {
        let full = Fixtures.encoded(Fixtures.fullPlan())
        func changed(_ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
            let range = full.range(of: old)
            #expect(range != nil, "\(old.debugDescription) not in the full plan's file", sourceLocation: sourceLocation)
            guard let range else { return full }
            return full.replacingCharacters(in: range, with: new)
        }
        same(changed("\"template\" : \"pilot-selection\",", ""), fast: true)  // optional missing
        same(changed("\"template\" : \"pilot-selection\"", "\"template\" : null"), fast: true)  // optional null
        same(changed("\"due\" : \"2026-01-19\",", ""), fast: true)
        same(changed("\"due\" : \"2026-01-19\"", "\"due\" : null"), fast: true)
        same(changed("\"workshop\" : \"workshop-1\"\n    },\n    {\n      \"createdAt\"",
                     "\"workshop\" : null\n    },\n    {\n      \"createdAt\""), fast: true)  // an action's
        same(changed("\"text\" : \"Pilots: チーム Ωmega and Équipe Crème\",\n      \"workshop\" : \"workshop-1\"",
                     "\"text\" : \"Pilots: チーム Ωmega and Équipe Crème\",\n      \"workshop\" : null"), fast: true)
        same(changed("\"closed\" : true,", "\"closed\" : true, \"by\" : \"Bo\","), fast: true)  // unknown key
        same(changed("\"current\" : 1", "\"current\" : 7"), fast: true)  // read, then refused by the rules
        same(changed("\"spentSeconds\" : 61", "\"spentSeconds\" : -61"), fast: true)
        same(changed("\"workshop\" : \"workshop-1\"", "\"workshop\" : \"workshop-9\""), fast: true)
        same(changed("\"spentSeconds\" : 61,", ""), fast: false)  // missing required key
        same(changed("\"extraMinutes\" : 5,", ""), fast: false)
        same(changed("\"current\" : 1,", ""), fast: false)
        same(changed("\"parkingLot\" : [", "\"parking\" : ["), fast: false)
        same(changed("\"status\" : \"running\"", "\"status\" : \"paused\""), fast: false)  // unknown value
        same(changed("\"status\" : \"running\"", "\"status\" : null"), fast: false)
        same(changed("\"closed\" : true", "\"closed\" : 1"), fast: false)  // wrong type
        same(changed("\"current\" : 1", "\"current\" : 1.5"), fast: false)
        same(changed("\"owner\" : \"\",", "\"owner\" : null,"), fast: false)
        same(changed("\"id\" : \"action-2\"", "\"id\" : \"\""), fast: false)  // empty id
        same(changed("\"workshop\" : \"workshop-1\"", "\"workshop\" : \"\""), fast: false)
        same(changed("\"due\" : \"2026-01-19\"", "\"due\" : \"19.01.2026\""), fast: false)
        same(changed("  \"actions\" : [\n", "  \"todos\" : [\n"), fast: false)  // missing top-level key
    }

    @Test func invalidUTF8() {
        for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let text = Fixtures.encoded(Fixtures.smallPlan())
            let anchor = text.range(of: "\"Beta")!.upperBound
            var bytes = Array(text[..<anchor].utf8)
            bytes += bad
            bytes += Array(text[anchor...].utf8)
            helper.expectSameOutcome(bytes, fast: false)
            // In a key the model does not have: JSONDecoder skips it, the fast reader defers.
            let unknown = edited("\"name\" : \"Beta\"", "\"name\" : \"Beta\", \"x\" : \"OK\"")
            let mark = unknown.range(of: "\"OK")!.upperBound
            bytes = Array(unknown[..<mark].utf8) + bad + Array(unknown[mark...].utf8)
            helper.expectSameOutcome(bytes, fast: false)
        }
    }

    // MARK: Accepted by JSONDecoder, left to it by the fast reader

    @Test func lenientSpellingsLoadAsBefore() {
        let small = Fixtures.encoded(Fixtures.smallPlan())
        same(edited("\"team-1\"\n      ],", "\"team-1\",\n      ],"), fast: false)  // trailing comma
        same(edited("\"engineering\" : 3", "\"engineering\" : 3.0"), fast: false)
        same(edited("\"engineering\" : 3", "\"engineering\" : 3e0"), fast: false)
        same(edited("\"design\" : 0", "\"design\" : -0"), fast: false)
        same("\u{FEFF}" + small, fast: false)  // byte order mark
        same(edited("\"name\" : \"Alpha\"", "\"name\" : \"Alpha\", \"name\" : \"Other\""), fast: false)  // repeat
        same(edited("\"familiarity\" : 4", "\"familiarity\" : 4, \"familiarity\" : 2"), fast: false)
        same(edited("\"name\" : \"Alpha\"", "\"n\\u0061me\" : \"Alpha\""), fast: false)  // escaped key
        same(edited("\"name\" : \"Alpha\"", "\"name\" : \"Alpha\", \"\u{212A}\" : 1"), fast: false)
        same(edited("\"2026-01-05T09:30:00Z\"", "\"2026-01-05T10:30:00.250+01:00\""), fast: false)
        same(edited("\"2026-01-05T09:30:00Z\"", "\"2026-02-29T09:30:00Z\""), fast: false)  // rolled over
        same(edited("\"2026-01-05T09:30:00Z\"", "\"2026-01-05T24:00:00Z\""), fast: false)
        same(edited("\"2026-01-05T09:30:00Z\"", "\"1500-01-05T09:30:00Z\""), fast: false)
        same(edited("\"2026-01-05T09:30:00Z\"", "\"2026-01-05T09:30:00\\u005a\""), fast: false)
        same(edited("\"order\" : 0,", "\"order\" : 0,\n      \"start\" : \"+202-01-05\","), fast: false)
        same(edited("\"order\" : 0,", "\"order\" : 0,\n      \"start\" : \"2026-01-0\\u0035\","), fast: false)
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        same(edited("\"name\" : \"Alpha\"", "\"name\" : \"Alpha\", \"deep\" : \(deep)"), fast: false)
    }

    // MARK: Read by the fast reader, same plan as JSONDecoder

    @Test func standardVariationsAreRead() {
        let small = Fixtures.encoded(Fixtures.smallPlan())
        same(small + " \t\r\n", fast: true)
        same(" \r\n\t" + small, fast: true)
        same(small.replacingOccurrences(of: "\n", with: "\r\n"), fast: true)
        same(small.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: ""), fast: true)
        same(String(small.dropLast()), fast: true)  // no final line break
        same(edited("\"name\" : \"Beta\"", "\"name\" : \"B\\u00e9ta \\ud83d\\ude80 \\/ \\\" \\\\ \\b\\f\\n\\r\\t \\u0000\\u001F\""),
             fast: true)
        same(edited("\"name\" : \"Beta\"", "\"name\" : \"B\\u00C9TA \\uD83D\\uDE80\""), fast: true)
        same(edited("\"stage\" : \"invest\"", "\"stage\" : \"inv\\u0065st\""), fast: true)  // escaped enum value
        same(edited("\"id\" : \"team-3\"", "\"id\" : \"team\\u002d3\""), fast: true)
        same(edited("\"familiarity\" : 4", "\"famili\\u0061rity\" : 4"), fast: true)  // escaped rating key
        same(edited("\"coach\" : \"coach-1\",", ""), fast: true)  // optional missing
        same(edited("\"coach\" : \"coach-1\"", "\"coach\" : null"), fast: true)  // optional null
        same(edited("\"name\" : \"Alpha\"", "\"name\" : \"Alpha\", \"extra\" : {\"a\" : [1, -2.5e+3, true, null, \"\\u00e9\", {}]}"),
             fast: true)  // unknown key
        same(edited("\"name\" : \"Alpha\"", "\"name\" : \"Alpha\", \"x\" : 1, \"x\" : 2"), fast: true)
        same(edited("\"engineering\" : 3", "\"engineering\" : 9223372036854775807"), fast: true)
        same(edited("\"order\" : 0", "\"order\" : -9223372036854775808"), fast: true)
        same(edited("\"order\" : 0,", "\"order\" : 0,\n      \"start\" : \"2028-02-29\","), fast: true)
        // Keys in any order.
        let reordered = edited("  \"blockers\" : [", "  \"zzz\" : 0, \"schemaVersion\" : 6, \"blockers\" : [")
            .replacingOccurrences(of: "  \"schemaVersion\" : 6,\n  \"settings\"", with: "  \"settings\"")
        same(reordered, fast: true)
    }
}
