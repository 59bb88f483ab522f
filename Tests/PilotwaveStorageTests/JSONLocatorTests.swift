import Foundation
import PilotwaveStorage
import Testing

@Suite("JSONLocator")
struct JSONLocatorTests {
    /// Escapes, multi-byte characters, emoji and a combining accent before the values looked for.
    static let document = """
        {"a\\"b": "x\\"y\\\\", "ü": {"k": [1, "チーム", {"z": null}]},
          "emoji": "🚀🚀\\ud83d\\ude80", "e\\u0301": true,
        \t"list": [ [], {}, -1.5e3 ], "last": "é"}
        """
    let bytes = Array(document.utf8)

    func at(_ components: JSONPath.Component...) -> JSONLocator.Located? {
        JSONLocator.locate(JSONPath(components), in: bytes)
    }

    @Test func syntaxIsValid() {
        #expect(JSONLocator.syntaxError(in: bytes) == nil)
    }

    // Columns counted by hand: line 1 is
    // {"a\"b": "x\"y\\", "ü": {"k": [1, "チーム", {"z": null}]},
    // 1        10        20   25    31 35           42    48
    @Test func positionsCountCharactersNotBytes() {
        #expect(at()?.position == TextPosition(line: 1, column: 1))
        #expect(at(.key("a\"b"))?.position == TextPosition(line: 1, column: 10))
        #expect(at(.key("a\"b"))?.token == "\"x\\\"y\\\\\"")
        #expect(at(.key("ü"))?.kind == .object)
        #expect(at(.key("ü"), .key("k"), .index(1))?.position == TextPosition(line: 1, column: 35))
        #expect(at(.key("ü"), .key("k"), .index(2), .key("z"))?.position == TextPosition(line: 1, column: 48))
        #expect(at(.key("ü"), .key("k"), .index(2), .key("z"))?.kind == .null)
        #expect(at(.key("emoji"))?.position == TextPosition(line: 2, column: 12))
        // The key `e\u0301` is decoded before matching: "é" written with a combining accent.
        #expect(at(.key("e\u{301}"))?.position == TextPosition(line: 2, column: 41))
        #expect(at(.key("e\u{301}"))?.kind == .boolean)
        // A tab counts as one column.
        #expect(at(.key("list"))?.position == TextPosition(line: 3, column: 10))
        #expect(at(.key("list"), .index(2))?.token == "-1.5e3")
        #expect(at(.key("list"), .index(2))?.position == TextPosition(line: 3, column: 20))
        #expect(at(.key("last"))?.position == TextPosition(line: 3, column: 38))
    }

    @Test func missingPathsGiveTheNearestAncestor() {
        let missing = at(.key("ü"), .key("k"), .index(2), .key("nope"))
        #expect(missing?.exact == false)
        #expect(missing?.position == TextPosition(line: 1, column: 42))
        #expect(at(.key("ü"), .key("k"), .index(9))?.position == TextPosition(line: 1, column: 31))
        #expect(at(.key("nothing"))?.position == TextPosition(line: 1, column: 1))
    }

    @Test func locatesManyPathsInOnePass() {
        let paths: [JSONPath] = [[.key("emoji")], [.key("last")], [.key("ü"), .key("k"), .index(0)]]
        let found = JSONLocator.locate(paths, in: bytes)
        #expect(found.count == 3)
        #expect(found[[.key("ü"), .key("k"), .index(0)]]?.position == TextPosition(line: 1, column: 32))
    }

    @Test func firstNonIntegerNumber() {
        let text = #"{"a": [1, 2.0, 1e2], "b": {"c": 7, "d": [0, -2.5]}}"#
        let found = JSONLocator.firstNonInteger(in: Array(text.utf8))
        #expect(found?.path.description == "b.d[1]")
        #expect(found?.located.token == "-2.5")
        #expect(found?.located.position == TextPosition(line: 1, column: 45))
        #expect(JSONLocator.firstNonInteger(in: Array(#"{"a": [1, 2.0, 1e2]}"#.utf8)) == nil)
    }

    @Test func pathsReadAsPeopleWriteThem() {
        #expect(JSONPath([.key("teams"), .index(3), .key("roles"), .key("design")]).description == "teams[3].roles.design")
        #expect(JSONPath([.key("ratings"), .key("my key")]).description == #"ratings["my key"]"#)
        #expect(JSONPath([.key("r"), .key("say \"hi\"")]).description == #"r["say \"hi\""]"#)
        #expect(JSONPath([.key("learning-appetite")]).description == "learning-appetite")
        #expect(JSONPath([.index(0)]).description == "[0]")
        #expect(JSONPath().description == "")
    }
}
