import Foundation
import PilotwaveCore
import PilotwaveStorage
import Testing

/// Every kind of bad input gets its precise message: file, JSON path, line:column, expected/found.
@Suite("Load errors")
struct LoadErrorTests {
    func decodeError(_ text: String, file: String = "p.json") -> PlanLoadError? {
        #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(text.utf8), file: file) }
    }

    /// The small plan's JSON with `old` replaced by `new` (which must occur exactly once).
    func edited(_ old: String, _ new: String, after anchor: String? = nil) -> String {
        let text = Fixtures.encoded(Fixtures.smallPlan())
        var start = text.startIndex
        if let anchor { start = text.range(of: anchor)!.lowerBound }
        let range = text.range(of: old, range: start..<text.endIndex)!
        return text.replacingCharacters(in: range, with: new)
    }

    // MARK: File level

    @Test func missingFile() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("nope.json")
            let error = #expect(throws: PlanLoadError.self) { try PlanStore().load(url) }
            #expect(error?.reason == .notFound)
            #expect(error?.message == "\(url.path): cannot open: No such file or directory")
        }
    }

    @Test func folderInsteadOfFile() throws {
        try withTemporaryDirectory { dir in
            let error = #expect(throws: PlanLoadError.self) { try PlanStore().load(dir) }
            #expect(error?.reason == .isFolder)
            #expect(error?.message == "\(dir.path(percentEncoded: false)): is a folder, not a plan file; "
                + "give the path of a plan file (FILE.json) in it")
        }
    }

    @Test func emptyFile() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            try Data().write(to: url)
            let error = #expect(throws: PlanLoadError.self) { try PlanStore().load(url) }
            #expect(error?.message == "\(url.path): is empty (0 bytes); expected a pilotwave plan, a JSON object")
        }
    }

    // MARK: Malformed JSON

    @Test(arguments: [
        ("{\n  \"a\" : 1\n  \"b\" : 2\n}", "3:3: malformed JSON: expected ',' or '}' after an object member, found '\"'"),
        ("{\"a\": [1, 2, ]}", "1:14: malformed JSON: expected a value after ',' (JSON allows no comma before ']'), found ']'"),
        ("{\"a\": 1,\n}", "2:1: malformed JSON: expected a string key after ',' (JSON allows no comma before '}'), found '}'"),
        ("{\"name\": \"Alpha", "1:16: malformed JSON: expected '\"' to close the string that starts at 1:10, found the end of the file"),
        ("{\"name\": \"Al\npha\"}", "1:13: malformed JSON: expected '\"' to close the string that starts at 1:10 (a line break or other control character inside a string must be escaped, e.g. \\n), found a line break"),
        ("{\"a\": \"x\\qy\"}", "1:10: malformed JSON: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX after '\\', found 'q'"),
        ("{\"a\": \"\\u12G4\"}", "1:12: malformed JSON: expected 4 hex digits after \\u, found 'G'"),
        ("{'a': 1}", "1:2: malformed JSON: expected a string key or '}' (JSON strings use double quotes), found \"'\""),
        ("{\"a\": tru}", "1:7: malformed JSON: expected true, found 'tru'"),
        ("{\"a\": True}", "1:7: malformed JSON: expected a value, found 'True'"),
        ("{\"a\": 01}", "1:8: malformed JSON: expected '.', 'e' or the end of the number after a leading 0 (JSON numbers have no leading zeros), found '1'"),
        ("{\"a\": -}", "1:8: malformed JSON: expected a digit after '-', found '}'"),
        ("{\"a\": 1.}", "1:9: malformed JSON: expected a digit after '.', found '}'"),
        ("{\"a\": 1e}", "1:9: malformed JSON: expected a digit in the exponent, found '}'"),
        ("{\"a\" 1}", "1:6: malformed JSON: expected ':' after an object key, found '1'"),
        ("{\"a\": [1 2]}", "1:10: malformed JSON: expected ',' or ']' after an array element, found '2'"),
        ("{} x", "1:4: malformed JSON: expected the end of the file after the top-level value, found 'x'"),
        ("  \n ", "2:2: malformed JSON: expected a value, found the end of the file"),
        ("{\"name\": \"チーム Ωmega\" \"x\": 1}", "1:22: malformed JSON: expected ',' or '}' after an object member, found '\"'"),
        ("{\"名\": \"🚀\", \"b\": [1,, 2]}", "1:20: malformed JSON: expected a value, found ','"),
        ("\u{FEFF}{\"a\": 1 \"b\"}", "1:9: malformed JSON: expected ',' or '}' after an object member, found '\"'"),
        ("{\"a\": 1}\u{0}", "1:9: malformed JSON: expected the end of the file after the top-level value, found the control character U+0000"),
        ("{\"a\": \"\\\"quoted\\\" \\\\\" \"b\": 2}", "1:23: malformed JSON: expected ',' or '}' after an object member, found '\"'"),
    ])
    func malformedJSON(text: String, expected: String) {
        let error = decodeError(text)
        #expect(error?.reason == .malformedJSON)
        #expect(error?.message == "p.json:\(expected)")
    }

    @Test func invalidUTF8InAString() {
        var bytes = Array("{\"a\": \"ok".utf8)
        bytes += [0xFF]
        bytes += Array("\"}".utf8)
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(bytes), file: "p.json") }
        #expect(error?.message == "p.json:1:10: malformed JSON: expected UTF-8 text (save the file as UTF-8), found the byte 0xFF, which is not UTF-8")
    }

    @Test func nestingTooDeep() {
        let text = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let error = decodeError(text)
        #expect(error?.message == "p.json:1:513: malformed JSON: expected at most 512 levels of nesting, found '['")
    }

    // MARK: Wrong content

    @Test func topLevelNotAnObject() {
        #expect(decodeError("[1, 2]")?.message == "p.json:1:1: expected a pilotwave plan, a JSON object; found an array")
        #expect(decodeError("\n  \"plan\"")?.message == "p.json:2:3: expected a pilotwave plan, a JSON object; found a string")
    }

    @Test func numberWhereAStringWasExpected() {
        let text = edited("\"design\" : 0", "\"design\" : \"three\"", after: "\"id\" : \"team-2\"")
        let at = position(of: "\"three\"", in: text)
        let error = decodeError(text)
        #expect(error?.reason == .wrongContent)
        #expect(error?.message == "p.json:\(at): teams[1].roles.design: expected a number, found a string")
    }

    @Test func objectWhereAnArrayWasExpected() {
        let text = edited("\"stakeholders\" : []", "\"stakeholders\" : {}")
        let at = position(of: "{}", in: text)
        #expect(decodeError(text)?.message == "p.json:\(at): stakeholders: expected an array, found an object")
    }

    @Test func nullForARequiredValue() {
        let text = edited("\"name\" : \"Beta\"", "\"name\" : null")
        let at = position(of: "null", in: text)
        #expect(decodeError(text)?.message == "p.json:\(at): teams[1].name: expected a string, found null")
    }

    @Test func ratingOfWrongType() {
        let text = edited("\"familiarity\" : 4", "\"familiarity\" : [4]")
        let at = position(of: "[4]", in: text)
        #expect(decodeError(text)?.message == "p.json:\(at): teams[0].ratings.familiarity: expected a number, found an array")
    }

    @Test(arguments: ["2.5", "1e400", "99999999999999999999", "-1.5e-3"])
    func numberThatIsNotAWholeNumber(number: String) {
        let text = edited("\"engineering\" : 3", "\"engineering\" : \(number)")
        let at = position(of: number, in: text)
        #expect(decodeError(text)?.message == "p.json:\(at): teams[0].roles.engineering: expected a whole number, found \(number)")
    }

    @Test func wholeNumbersWrittenWithAFractionAreAccepted() throws {
        let text = edited("\"engineering\" : 3", "\"engineering\" : 3.0")
        #expect(try PlanCodec.decode(Data(text.utf8), file: "p.json").teams[0].roles.engineering == 3)
    }

    @Test func missingRequiredKey() {
        let text = edited("      \"stage\" : \"invest\",\n", "")
        let at = position(of: "{\n      \"area\"", in: text, after: "\"name\" : \"Alpha\"")
        #expect(decodeError(text)?.message == "p.json:\(at): teams[1]: missing required key \"stage\"")
    }

    @Test func missingTopLevelKey() {
        let text = edited("  \"coaches\" : [", "  \"trainers\" : [")
        #expect(decodeError(text)?.message == "p.json:1:1: missing required key \"coaches\"")
    }

    @Test func unknownEnumValue() {
        let text = edited("\"stage\" : \"invest\"", "\"stage\" : \"grow\"")
        let at = position(of: "\"grow\"", in: text)
        #expect(decodeError(text)?.message
            == "p.json:\(at): teams[1].stage: expected one of explore, invest, sustain, retire; found \"grow\"")
    }

    @Test func unknownEnumValueInsideAWave() {
        let text = edited("\"status\" : \"planned\"", "\"status\" : \"Planned\"")
        let at = position(of: "\"Planned\"", in: text)
        #expect(decodeError(text)?.message == "p.json:\(at): waves[0].status: expected one of planned, active, done; found \"Planned\"")
    }

    @Test func badDay() {
        let text = edited("\"order\" : 0,", "\"order\" : 0,\n      \"start\" : \"2026-02-30\",")
        let at = position(of: "\"2026-02-30\"", in: text)
        #expect(decodeError(text)?.message == "p.json:\(at): waves[0].start: expected a date as YYYY-MM-DD, found \"2026-02-30\"")
    }

    @Test func badDateTime() {
        let text = edited("\"2026-01-05T09:30:00Z\"", "\"yesterday\"")
        let at = position(of: "\"yesterday\"", in: text)
        #expect(decodeError(text)?.message
            == "p.json:\(at): signals[0].recordedAt: expected a date and time like 2026-03-02T09:30:00Z, found \"yesterday\"")
    }

    @Test func emptyID() {
        let text = edited("\"id\" : \"team-3\"", "\"id\" : \"\"")
        let at = position(of: "\"\"", in: text, after: "\"id\" : \"\"")
        #expect(decodeError(text)?.message == "p.json:\(at): teams[2].id: expected a non-empty id string, found \"\"")
    }

    @Test func oddKeysArePrintedQuoted() {
        let text = edited("\"familiarity\" : 4", "\"my key\" : \"x\"")
        let at = position(of: "\"x\"", in: text, after: "\"my key\"")
        #expect(decodeError(text)?.message == "p.json:\(at): teams[0].ratings[\"my key\"]: expected a number, found a string")
    }

    @Test func syntaxIsReportedBeforeContent() {
        // JSONDecoder reads lazily and would stop at the wrong type first.
        let text = edited("\"name\" : \"Gamma\"", "\"name\" : 7")
            .replacingOccurrences(of: "\"maxTeamSize\" : 10", with: "\"maxTeamSize\" : 010")
        let at = position(of: "10,", in: text, after: "\"maxTeamSize\"")
        #expect(decodeError(text)?.message == "p.json:\(at): malformed JSON: expected '.', 'e' or the end of the number "
            + "after a leading 0 (JSON numbers have no leading zeros), found '1'")
    }

    @Test func trailingCommasAreToleratedOnLoad() throws {
        // JSONDecoder accepts them, so a hand edit that leaves one still loads (the next save
        // writes standard JSON); they are reported only when the file fails to load anyway.
        let text = edited("\"team-1\"\n      ],", "\"team-1\",\n      ],")
        #expect(JSONLocator.syntaxError(in: Array(text.utf8)) != nil)
        #expect(try PlanCodec.decode(Data(text.utf8), file: "p.json") == Fixtures.smallPlan())
    }

    @Test func locatorFindsValuesAfterATrailingComma() {
        let text = edited("\"team-1\"\n      ],", "\"team-1\",\n      ],")
        let found = JSONLocator.locate(JSONPath([.key("teams"), .index(2), .key("name")]), in: Array(text.utf8))
        #expect(found?.position.description == position(of: "\"Gamma\"", in: text))
        #expect(found?.exact == true)
    }
}
