/// A small position-tracking JSON scanner for error messages.
///
/// `JSONDecoder` says *what* is wrong with a value and at which coding path, but not at which line
/// and column, and its syntax errors carry no position at all. `JSONLocator` fills the gap: it
/// checks syntax with precise messages, and finds the line and column of values by ``JSONPath``.
///
/// It runs only when something went wrong (never on a successful load), so it favours clarity over
/// speed; it is still linear in the size of the file and allocates only along the paths asked for.
public enum JSONLocator {
    /// Where a value was found, what kind it is and, for scalars, its text as written.
    public struct Located: Sendable, Hashable {
        /// The position of the value's first character (`{`, `[`, `"`, a digit…).
        public var position: TextPosition
        /// The kind of the value found there.
        public var kind: JSONValueKind
        /// The value as written in the file (strings with their quotes) for scalars; `nil` for
        /// objects and arrays. At most 60 characters.
        public var token: String?
        /// `false` when the path does not exist and this is its nearest existing ancestor.
        public var exact: Bool
    }

    /// The first syntax error in `bytes`, or `nil` if they are one well-formed JSON value
    /// (RFC 8259, UTF-8, an optional byte-order mark, nesting up to 512 levels).
    public static func syntaxError(in bytes: [UInt8]) -> JSONSyntaxError? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(buffer, mode: .validate, prefixes: [])
            do {
                try scanner.document()
                return nil
            } catch let failure as Scanner.Failure {
                return failure.error
            } catch {
                return nil
            }
        }
    }

    /// The location of each of `paths` in `bytes`. A path that does not exist (a missing key, an
    /// index past the end) maps to its nearest existing ancestor, with `exact == false`. A path is
    /// missing from the result only if not even the top-level value could be read.
    public static func locate(_ paths: [JSONPath], in bytes: [UInt8]) -> [JSONPath: Located] {
        var prefixes = Set<[JSONPath.Component]>()
        for path in paths {
            for n in 0...path.components.count { prefixes.insert(Array(path.components.prefix(n))) }
        }
        let found: [[JSONPath.Component]: Located] = bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(buffer, mode: .locate, prefixes: prefixes)
            try? scanner.document()
            return scanner.found
        }
        var result: [JSONPath: Located] = [:]
        for path in paths {
            var components = path.components
            while true {
                if var hit = found[components] {
                    hit.exact = components.count == path.components.count
                    result[path] = hit
                    break
                }
                if components.isEmpty { break }
                components.removeLast()
            }
        }
        return result
    }

    /// The location of `path` in `bytes` (or of its nearest existing ancestor); see ``locate(_:in:)``.
    public static func locate(_ path: JSONPath, in bytes: [UInt8]) -> Located? {
        locate([path], in: bytes)[path]
    }

    /// The first number that is not a whole number representable as a 64-bit integer (`2.5`,
    /// `1e400`, `99999999999999999999`). Every number in a pilotwave plan is an integer, and
    /// `JSONDecoder` reports such numbers without a path, so the loader uses this to point at them.
    public static func firstNonInteger(in bytes: [UInt8]) -> (path: JSONPath, located: Located)? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(buffer, mode: .firstNonInteger, prefixes: [])
            try? scanner.document()
            return scanner.nonInteger.map { (JSONPath($0.0), $0.1) }
        }
    }
}

/// The scanner behind ``JSONLocator``: a recursive-descent JSON validator that tracks line, column
/// and (where asked) the path of the value being read.
private struct Scanner {
    enum Mode { case validate, locate, firstNonInteger }
    struct Failure: Error { var error: JSONSyntaxError }
    struct Stop: Error {}

    static let maxDepth = 512

    let b: UnsafeBufferPointer<UInt8>
    let n: Int
    let mode: Mode
    let prefixes: Set<[JSONPath.Component]>
    var i = 0
    var line = 1
    var lineStart = 0
    var path: [JSONPath.Component] = []
    var found: [[JSONPath.Component]: JSONLocator.Located] = [:]
    var nonInteger: ([JSONPath.Component], JSONLocator.Located)?

    init(_ b: UnsafeBufferPointer<UInt8>, mode: Mode, prefixes: Set<[JSONPath.Component]>) {
        self.b = b
        self.n = b.count
        self.mode = mode
        self.prefixes = prefixes
    }

    // MARK: Positions and messages

    func position(_ offset: Int, lineStart: Int, line: Int) -> TextPosition {
        let start = min(lineStart, offset)
        let prefix = String(decoding: UnsafeBufferPointer(rebasing: b[start..<min(offset, n)]), as: UTF8.self)
        return TextPosition(line: line, column: prefix.count + 1)
    }

    /// A syntax error at `offset` (default: here). Inside strings and numbers `found` is one
    /// character; elsewhere a run of letters and digits (`'True'`).
    func fail(_ expected: String, at offset: Int? = nil, oneCharacter: Bool = false) -> Failure {
        let at = offset ?? i
        return Failure(error: JSONSyntaxError(
            position: position(at, lineStart: lineStart, line: line),
            expected: expected, found: describe(at, oneCharacter: oneCharacter)))
    }

    /// What is at `offset`, in words: `'}'`, `'True'`, `a line break`, `the end of the file`.
    func describe(_ offset: Int, oneCharacter: Bool = false) -> String {
        guard offset < n else { return "the end of the file" }
        let c = b[offset]
        switch c {
        case 0x0A: return "a line break"
        case 0x0D: return "a carriage return"
        case 0x09: return "a tab"
        case 0..<0x20, 0x7F: return "the control character U+" + hex(Int(c), width: 4)
        default: break
        }
        if isWordByte(c), !oneCharacter {
            var end = offset
            while end < n, end - offset < 24, isWordByte(b[end]) { end += 1 }
            return "'" + String(decoding: UnsafeBufferPointer(rebasing: b[offset..<end]), as: UTF8.self) + "'"
        }
        if c == UInt8(ascii: "'") { return "\"'\"" }
        if c < 0x80 { return "'" + String(UnicodeScalar(c)) + "'" }
        let length = Scanner.sequenceLength(c)
        if length > 0, offset + length <= n,
            (1..<length).allSatisfy({ b[offset + $0] & 0xC0 == 0x80 })
        {
            return "'" + String(decoding: UnsafeBufferPointer(rebasing: b[offset..<offset + length]), as: UTF8.self) + "'"
        }
        return "the byte 0x" + hex(Int(c), width: 2) + ", which is not UTF-8"
    }

    func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
    }

    func hex(_ value: Int, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Length of a UTF-8 sequence from its lead byte; 0 if `c` cannot start one.
    static func sequenceLength(_ c: UInt8) -> Int {
        switch c {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
    }

    // MARK: Grammar

    var peek: UInt8? { i < n ? b[i] : nil }

    mutating func skipSpace() {
        while i < n {
            switch b[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A:
                i += 1
                line += 1
                lineStart = i
            default: return
            }
        }
    }

    mutating func document() throws {
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF {
            i = 3
            lineStart = 3
        }
        skipSpace()
        try value(depth: 0, track: mode != .validate && wants([]))
        skipSpace()
        if i < n { throw fail("the end of the file after the top-level value") }
    }

    func wants(_ p: [JSONPath.Component]) -> Bool {
        switch mode {
        case .validate: false
        case .locate: prefixes.contains(p)
        case .firstNonInteger: true
        }
    }

    mutating func value(depth: Int, track: Bool) throws {
        skipSpace()
        guard let c = peek else { throw fail("a value") }
        let start = i, startLine = line, startLineStart = lineStart
        func record(_ kind: JSONValueKind, token: String?) {
            guard track, mode == .locate else { return }
            found[path] = JSONLocator.Located(
                position: position(start, lineStart: startLineStart, line: startLine),
                kind: kind, token: token, exact: true)
        }
        func token() -> String {
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            return text.count <= 60 ? text : String(text.prefix(59)) + "…"
        }
        switch c {
        case UInt8(ascii: "{"):
            record(.object, token: nil)
            try object(depth: depth, track: track)
        case UInt8(ascii: "["):
            record(.array, token: nil)
            try array(depth: depth, track: track)
        case UInt8(ascii: "\""):
            _ = try string(decode: false)
            record(.string, token: token())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number()
            record(.number, token: token())
            if mode == .firstNonInteger, !Scanner.isInt64(token()) {
                nonInteger = (path, JSONLocator.Located(
                    position: position(start, lineStart: startLineStart, line: startLine),
                    kind: .number, token: token(), exact: true))
                throw Stop()
            }
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            let word = c == UInt8(ascii: "t") ? "true" : c == UInt8(ascii: "f") ? "false" : "null"
            for expected in word.utf8 {
                guard peek == expected else { throw fail(word, at: start) }
                i += 1
            }
            if i < n, isWordByte(b[i]) { throw fail(word, at: start) }
            record(word == "null" ? .null : .boolean, token: word)
        case UInt8(ascii: "'"):
            throw fail("a value (JSON strings use double quotes)")
        default:
            throw fail("a value")
        }
    }

    mutating func object(depth: Int, track: Bool) throws {
        guard depth < Scanner.maxDepth else { throw fail("at most \(Scanner.maxDepth) levels of nesting") }
        i += 1
        skipSpace()
        if peek == UInt8(ascii: "}") {
            i += 1
            return
        }
        var first = true
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else {
                if peek == UInt8(ascii: "}") {
                    // JSONDecoder accepts a trailing comma; only the syntax check reports it.
                    if mode != .validate {
                        i += 1
                        return
                    }
                    throw fail("a string key after ',' (JSON allows no comma before '}')")
                }
                let quoted = peek == UInt8(ascii: "'") ? " (JSON strings use double quotes)" : ""
                throw fail((first ? "a string key or '}'" : "a string key after ','") + quoted)
            }
            let key = try string(decode: track)
            skipSpace()
            guard peek == UInt8(ascii: ":") else { throw fail("':' after an object key") }
            i += 1
            if track {
                path.append(.key(key ?? ""))
                try value(depth: depth + 1, track: wants(path))
                path.removeLast()
            } else {
                try value(depth: depth + 1, track: false)
            }
            skipSpace()
            switch peek {
            case UInt8(ascii: ","):
                i += 1
                first = false
            case UInt8(ascii: "}"):
                i += 1
                return
            default:
                throw fail("',' or '}' after an object member")
            }
        }
    }

    mutating func array(depth: Int, track: Bool) throws {
        guard depth < Scanner.maxDepth else { throw fail("at most \(Scanner.maxDepth) levels of nesting") }
        i += 1
        skipSpace()
        if peek == UInt8(ascii: "]") {
            i += 1
            return
        }
        var index = 0
        while true {
            skipSpace()
            if peek == UInt8(ascii: "]") {
                if mode != .validate {
                    i += 1
                    return
                }
                throw fail("a value after ',' (JSON allows no comma before ']')")
            }
            if track {
                path.append(.index(index))
                try value(depth: depth + 1, track: wants(path))
                path.removeLast()
            } else {
                try value(depth: depth + 1, track: false)
            }
            index += 1
            skipSpace()
            switch peek {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"):
                i += 1
                return
            default:
                throw fail("',' or ']' after an array element")
            }
        }
    }

    /// Reads a string starting at its opening quote; returns its decoded text when `decode` is set.
    mutating func string(decode: Bool) throws -> String? {
        let open = i, openLine = line, openLineStart = lineStart
        var openAt: TextPosition { position(open, lineStart: openLineStart, line: openLine) }
        var out: [UInt8] = []
        i += 1
        while true {
            guard i < n else {
                throw fail("'\"' to close the string that starts at \(openAt)")
            }
            let c = b[i]
            switch c {
            case UInt8(ascii: "\""):
                i += 1
                return decode ? String(decoding: out, as: UTF8.self) : nil
            case UInt8(ascii: "\\"):
                try escape(into: &out, decode: decode)
            case 0..<0x20 where mode != .validate:
                // JSONDecoder accepts raw control characters in strings; keep counting lines.
                if decode { out.append(c) }
                i += 1
                if c == 0x0A {
                    line += 1
                    lineStart = i
                }
            case 0..<0x20:
                throw fail("'\"' to close the string that starts at \(openAt) (a line break or other control "
                    + "character inside a string must be escaped, e.g. \\n)")
            case 0x80...:
                let length = Scanner.sequenceLength(c)
                guard length > 0, i + length <= n, (1..<length).allSatisfy({ b[i + $0] & 0xC0 == 0x80 }) else {
                    throw fail("UTF-8 text (save the file as UTF-8)")
                }
                if decode { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<i + length])) }
                i += length
            default:
                if decode { out.append(c) }
                i += 1
            }
        }
    }

    mutating func escape(into out: inout [UInt8], decode: Bool) throws {
        i += 1
        guard let c = peek else { throw fail("an escape character after '\\'", oneCharacter: true) }
        let simple: UInt8? =
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): c
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let byte = simple {
            if decode { out.append(byte) }
            i += 1
            return
        }
        guard c == UInt8(ascii: "u") else {
            throw fail("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX after '\\'", oneCharacter: true)
        }
        i += 1
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard let h = peek, let v = Scanner.hexValue(h) else {
                throw fail("4 hex digits after \\u", oneCharacter: true)
            }
            unit = unit * 16 + v
            i += 1
        }
        if decode {
            var scalar = UnicodeScalar(unit)
            // A high surrogate followed by \uDC00–\uDFFF forms one scalar.
            if (0xD800...0xDBFF).contains(unit), i + 6 <= n, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") {
                var low: UInt32 = 0
                var ok = true
                for k in 2..<6 {
                    guard let v = Scanner.hexValue(b[i + k]) else { ok = false; break }
                    low = low * 16 + v
                }
                if ok, (0xDC00...0xDFFF).contains(low) {
                    scalar = UnicodeScalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    i += 6
                }
            }
            out.append(contentsOf: Array(String(Character(scalar ?? "\u{FFFD}")).utf8))
        }
    }

    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(c - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    func isDigit(_ c: UInt8?) -> Bool { c.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }

    mutating func number() throws {
        if peek == UInt8(ascii: "-") { i += 1 }
        guard isDigit(peek) else { throw fail("a digit after '-'", oneCharacter: true) }
        if peek == UInt8(ascii: "0") {
            i += 1
            if isDigit(peek) {
                throw fail("'.', 'e' or the end of the number after a leading 0 (JSON numbers have no leading zeros)",
                           oneCharacter: true)
            }
        } else {
            while isDigit(peek) { i += 1 }
        }
        if peek == UInt8(ascii: ".") {
            i += 1
            guard isDigit(peek) else { throw fail("a digit after '.'", oneCharacter: true) }
            while isDigit(peek) { i += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            i += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
            guard isDigit(peek) else { throw fail("a digit in the exponent", oneCharacter: true) }
            while isDigit(peek) { i += 1 }
        }
    }

    /// Whether `JSONDecoder` can read `text` (a valid JSON number) as an `Int`.
    static func isInt64(_ text: String) -> Bool {
        if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return Int64(text) != nil }
        guard let d = Double(text), d.isFinite, d == d.rounded(.towardZero) else { return false }
        return d >= -9_223_372_036_854_775_808 && d < 9_223_372_036_854_775_808
    }
}
