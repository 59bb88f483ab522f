import Foundation
import PilotwaveCore
import PilotwaveStorage
import Testing

/// No load or validation message grows with the input: a huge value in any kind of field is quoted
/// as a short excerpt with its length, and long lists of problems stop after a few.
@Suite("Bounded messages")
struct BoundedMessageTests {
    static let huge = String(repeating: "x", count: 1_000_000)
    static let hugeQuoted = "\"" + String(repeating: "x", count: 59) + "…\" (1,000,000 characters)"

    /// The small plan's JSON with every `old` replaced by `new`.
    func edited(_ old: String, _ new: String) -> String {
        let text = Fixtures.encoded(Fixtures.smallPlan())
        #expect(text.contains(old), "the fixture has \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    func loadMessage(_ text: String) -> String? {
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(text.utf8), file: "p.json") }
        return error?.message
    }

    /// Each kind of field and each way a value ends up in a message: the decoder's (dates, days,
    /// enums, types, numbers) and the validator's (references, duplicates, keys).
    @Test(arguments: [
        ("date and time", "\"2026-01-05T09:30:00Z\"", "\"\(huge)\"", true),
        ("day", "\"order\" : 0,", "\"order\" : 0, \"start\" : \"\(huge)\",", true),
        ("enum", "\"stage\" : \"invest\"", "\"stage\" : \"\(huge)\"", true),
        ("reference", "\"coach\" : \"coach-1\"", "\"coach\" : \"\(huge)\"", true),
        ("readiness key", "\"dimension\" : \"feltPain\"", "\"dimension\" : \"\(huge)\"", true),
        ("rating key", "\"familiarity\" : 4", "\"\(huge)\" : 4", true),
        ("string for a number", "\"capacity\" : 2", "\"capacity\" : \"\(huge)\"", false),
        ("long number", "\"capacity\" : 2", "\"capacity\" : 2.\(String(repeating: "5", count: 1_000_000))", false),
    ])
    func hugeValueIsQuotedShort(kind: String, old: String, new: String, quotesTheValue: Bool) throws {
        let message = try #require(loadMessage(edited(old, new)))
        #expect(message.count < 1_000, "\(kind): \(message.count) characters")
        if quotesTheValue { #expect(message.contains(Self.hugeQuoted), "\(kind): \(message)") }
    }

    @Test func duplicateHugeIdsAreQuotedShort() throws {
        let text = edited("\"id\" : \"team-2\"", "\"id\" : \"\(Self.huge)\"")
            .replacingOccurrences(of: "\"id\" : \"team-3\"", with: "\"id\" : \"\(Self.huge)\"")
        let message = try #require(loadMessage(text))
        #expect(message.contains("teams[2].id: duplicate id \(Self.hugeQuoted) (first at teams[1])"))
    }

    /// However many problems a file has, the message lists 20 and counts the rest.
    @Test func manyProblemsAreCounted() throws {
        var plan = Fixtures.smallPlan()
        plan.teams[1].dependsOn = (0..<500).map { TeamID("gone-\($0)-" + Self.huge.prefix(2_000)) }
        let message = try #require(loadMessage(Fixtures.encoded(plan)))
        let lines = message.split(separator: "\n")
        #expect(lines.count == 22)
        #expect(lines.last == "p.json: and 480 more problems")
        #expect(message.count < 22 * 250)
    }

    /// The last guard: a problem's text that names a long value unquoted is cut all the same.
    @Test func problemTextIsCut() {
        let problem = PlanProblem(path: JSONPath([.key("teams"), .index(0), .key("name")]), text: "found " + Self.huge)
        #expect(problem.description.count <= PlanProblem.longestText + 30)
        #expect(problem.description.hasSuffix("… (1,000,021 characters)"))
    }

    @Test func valueQuoting() {
        #expect(Words.value("grow") == "\"grow\"")
        #expect(Words.value(String(repeating: "a", count: 60)) == "\"" + String(repeating: "a", count: 60) + "\"")
        #expect(Words.value(String(repeating: "a", count: 61)) == "\"" + String(repeating: "a", count: 59) + "…\" (61 characters)")
        #expect(Words.value("two\nlines\tand\u{7}bell") == "\"two\\nlines\\tand\\u{7}bell\"")
        #expect(Words.value("🚀🚀🚀", max: 2) == "\"🚀…\" (3 characters)")
        #expect(Words.grouped(1_234_567) == "1,234,567")
        #expect(Words.grouped(999) == "999")
    }
}
