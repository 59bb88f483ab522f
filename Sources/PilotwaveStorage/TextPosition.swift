/// A place in a text file: line and column, both 1-based. The column counts characters (grapheme
/// clusters), so `"チーム"` advances it by 3 and a tab by 1.
public struct TextPosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in characters.
    public var column: Int

    /// The position at `line` and `column`, both 1-based.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`, e.g. `12:5`.
    public var description: String { "\(line):\(column)" }

    public static func < (a: TextPosition, b: TextPosition) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// The kind of a JSON value, as named in messages ("found a string").
public enum JSONValueKind: Sendable, Hashable {
    case object, array, string, number, boolean, null

    /// The kind in words with its article: `an object`, `a string`, `true or false`, `null`.
    public var phrase: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .boolean: "true or false"
        case .null: "null"
        }
    }
}

/// A JSON syntax error: where, what was expected there and what was found instead.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the first bad character is.
    public var position: TextPosition
    /// What would have been valid there, e.g. `',' or '}' after an object member`.
    public var expected: String
    /// What is there instead, e.g. `'"'` or `the end of the file`.
    public var found: String

    /// `expected X, found Y`.
    public var description: String { "expected \(expected), found \(found)" }
}
