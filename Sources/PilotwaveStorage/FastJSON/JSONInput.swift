#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// The fast path met something it does not read exactly as `JSONDecoder` would; the caller falls
/// back to `JSONDecoder`, which gives the precise result or error. Carries nothing on purpose.
struct FastPathMiss: Error {}

/// A cursor over the bytes of a JSON document that reads strictly: only standard JSON, only what
/// `JSONDecoder` reads the same way. Anything else (comments, trailing commas, escapes in keys,
/// `1.0` or `1e2` for an integer, lone surrogates, invalid UTF-8, too deep nesting…) throws
/// ``FastPathMiss``; it never guesses.
///
/// The bytes must stay alive and unchanged while the cursor is in use.
struct JSONInput {
    private(set) var p: UnsafePointer<UInt8>
    let end: UnsafePointer<UInt8>
    /// Unescaped bytes of the string being read; reused to avoid an allocation per escaped string.
    private var scratch: [UInt8] = []
    /// Recently read long strings, shared instead of allocated again.
    private var cache = StringCache()

    /// Deeper unknown values than this are left to `JSONDecoder` (which allows 512 levels).
    static let maxSkipDepth = 200

    /// Where the bytes not yet given back to the system start (see ``releaseBehind()``); nil when
    /// the reader must not release anything.
    private var releaseFrom: UnsafePointer<UInt8>?
    /// How many bytes are read between two releases.
    private var releaseChunk = JSONInput.defaultReleaseChunk

    /// - Parameter releaseChunk: give pages back every this many bytes read (nil: never).
    init(start: UnsafePointer<UInt8>, count: Int, releaseChunk: Int? = nil) {
        p = start
        end = start + count
        releaseFrom = releaseChunk == nil ? nil : start
        if let releaseChunk { self.releaseChunk = max(releaseChunk, JSONInput.pageSize) }
    }

    /// With `releasingPages`: gives the whole pages already read back to the system (their
    /// content becomes zeros), a few megabytes at a time, so a large file and the plan built from
    /// it are never both in memory. The caller reads the file again if it needs the bytes.
    @inline(__always) mutating func releaseBehind() {
        guard let from = releaseFrom, p - from >= releaseChunk else { return }
        let page = UInt(JSONInput.pageSize)
        let lo = (UInt(bitPattern: from) + page - 1) & ~(page - 1)
        let hi = UInt(bitPattern: p) & ~(page - 1)
        if hi > lo, let start = UnsafeMutableRawPointer(bitPattern: lo) {
            _ = madvise(start, Int(hi - lo), MADV_DONTNEED)
        }
        releaseFrom = p
    }

    static let defaultReleaseChunk = 4 << 20
    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    var isAtEnd: Bool { p >= end }

    /// The byte at the cursor, or 0 at the end.
    @inline(__always) var peek: UInt8 { p < end ? p.pointee : 0 }

    /// Skips JSON whitespace: space, tab, line feed, carriage return.
    @inline(__always) mutating func skipWhitespace() {
        while p < end {
            let b = p.pointee
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            p += 1
            // Indentation: the spaces after a line break, eight at a time.
            while end - p >= 8 {
                let spaces = SWAR.load(p) ^ SWAR.repeating(0x20)
                let n = spaces == 0 ? 8 : spaces.trailingZeroBitCount >> 3
                p += n
                if n < 8 { break }
            }
        }
    }

    /// Skips the bytes of a string that need no attention (not `"`, `\`, a control character),
    /// eight at a time; clears `ascii` if any of them is not ASCII.
    @inline(__always) private mutating func skipPlainBytes(_ ascii: inout Bool) {
        while end - p >= 8 {
            let word = SWAR.load(p)
            if SWAR.hasQuoteBackslashOrControl(word) { return }
            if word & SWAR.repeating(0x80) != 0 { ascii = false }
            p += 8
        }
    }

    @inline(__always) mutating func consume(_ byte: UInt8) throws(FastPathMiss) {
        guard p < end, p.pointee == byte else { throw FastPathMiss() }
        p += 1
    }

    // MARK: Containers

    /// Consumes `{`; true if a member follows (the cursor is then at its key), false after `{}`.
    mutating func objectStart() throws(FastPathMiss) -> Bool {
        skipWhitespace()
        try consume(UInt8(ascii: "{"))
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            p += 1
            return false
        }
        return true
    }

    /// After a member's value: consumes `,` (true: another member follows) or `}` (false).
    /// A comma before `}` is a miss when the next key is read.
    mutating func objectNext() throws(FastPathMiss) -> Bool {
        skipWhitespace()
        guard p < end else { throw FastPathMiss() }
        let b = p.pointee
        p += 1
        if b == UInt8(ascii: ",") {
            skipWhitespace()
            return true
        }
        if b == UInt8(ascii: "}") { return false }
        throw FastPathMiss()
    }

    /// Consumes `[`; true if an element follows, false after `[]`.
    mutating func arrayStart() throws(FastPathMiss) -> Bool {
        skipWhitespace()
        try consume(UInt8(ascii: "["))
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            p += 1
            return false
        }
        return true
    }

    /// After an element: consumes `,` (true: another element follows) or `]` (false).
    mutating func arrayNext() throws(FastPathMiss) -> Bool {
        skipWhitespace()
        guard p < end else { throw FastPathMiss() }
        let b = p.pointee
        p += 1
        if b == UInt8(ascii: ",") {
            skipWhitespace()
            return true
        }
        if b == UInt8(ascii: "]") { return false }
        throw FastPathMiss()
    }

    /// Reads an object key written without escapes and the `:` after it; the key's bytes point
    /// into the document. A key with a backslash is a miss (`JSONDecoder` would unescape it).
    mutating func key() throws(FastPathMiss) -> UnsafeBufferPointer<UInt8> {
        try consume(UInt8(ascii: "\""))
        let start = p
        var ascii = true
        skipPlainBytes(&ascii)
        while true {
            guard p < end else { throw FastPathMiss() }
            let b = p.pointee
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") || b < 0x20 { throw FastPathMiss() }
            if b >= 0x80 { ascii = false }
            p += 1
        }
        let key = UnsafeBufferPointer(start: start, count: p - start)
        p += 1
        if !ascii, !UTF8Check.isValid(key) { throw FastPathMiss() }
        skipWhitespace()
        try consume(UInt8(ascii: ":"))
        skipWhitespace()
        return key
    }

    // MARK: Scalars

    /// Consumes `null` if the value at the cursor is null.
    mutating func consumeNull() throws(FastPathMiss) -> Bool {
        guard peek == UInt8(ascii: "n") else { return false }
        guard end - p >= 4, p[1] == UInt8(ascii: "u"), p[2] == UInt8(ascii: "l"), p[3] == UInt8(ascii: "l")
        else { throw FastPathMiss() }
        p += 4
        return true
    }

    mutating func bool() throws(FastPathMiss) -> Bool {
        if end - p >= 4, p[0] == UInt8(ascii: "t"), p[1] == UInt8(ascii: "r"), p[2] == UInt8(ascii: "u"),
            p[3] == UInt8(ascii: "e")
        {
            p += 4
            return true
        }
        if end - p >= 5, p[0] == UInt8(ascii: "f"), p[1] == UInt8(ascii: "a"), p[2] == UInt8(ascii: "l"),
            p[3] == UInt8(ascii: "s"), p[4] == UInt8(ascii: "e")
        {
            p += 5
            return false
        }
        throw FastPathMiss()
    }

    /// An integer written as `-?(0|[1-9][0-9]*)` that fits `Int`. A fraction or exponent (which
    /// `JSONDecoder` may still accept, e.g. `3.0`) and `-0` are misses.
    mutating func int() throws(FastPathMiss) -> Int {
        let negative = peek == UInt8(ascii: "-")
        if negative { p += 1 }
        guard p < end else { throw FastPathMiss() }
        var digit = p.pointee &- UInt8(ascii: "0")
        guard digit < 10 else { throw FastPathMiss() }
        // Accumulated as a negative number so that Int.min fits.
        var value = -Int(digit)
        p += 1
        if digit == 0 {
            if negative { throw FastPathMiss() }
        } else {
            while p < end {
                digit = p.pointee &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = times10.subtractingReportingOverflow(Int(digit))
                guard !o1, !o2 else { throw FastPathMiss() }
                value = next
                p += 1
            }
        }
        if p < end {
            let b = p.pointee
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") || b &- 0x30 < 10 {
                throw FastPathMiss()
            }
        }
        if negative { return value }
        guard value != Int.min else { throw FastPathMiss() }
        return -value
    }

    /// The raw bytes of a string value without escapes (pointing into the document), or nil
    /// (cursor unchanged) if it has escapes. The bytes are not checked to be UTF-8: callers accept
    /// only ASCII patterns (dates, days, enum values), anything else being a miss.
    mutating func rawString() throws(FastPathMiss) -> UnsafeBufferPointer<UInt8>? {
        try consume(UInt8(ascii: "\""))
        let start = p
        while true {
            guard p < end else { throw FastPathMiss() }
            let b = p.pointee
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") {
                p = start - 1
                return nil
            }
            if b < 0x20 { throw FastPathMiss() }
            p += 1
        }
        let text = UnsafeBufferPointer(start: start, count: p - start)
        p += 1
        return text
    }

    /// A string value, unescaped, as `JSONDecoder` would produce it. Long strings come from
    /// ``StringCache`` when the same text was read lately.
    mutating func string() throws(FastPathMiss) -> String {
        try consume(UInt8(ascii: "\""))
        let start = p
        var ascii = true
        skipPlainBytes(&ascii)
        while true {
            guard p < end else { throw FastPathMiss() }
            let b = p.pointee
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if b < 0x20 { throw FastPathMiss() }
            if b >= 0x80 { ascii = false }
            p += 1
        }
        let text = UnsafeBufferPointer(start: start, count: p - start)
        p += 1
        if !ascii, !UTF8Check.isValid(text) { throw FastPathMiss() }
        return cache.string(text)
    }

    /// Continues ``string()`` at the first backslash; `start` is just after the opening quote.
    private mutating func escapedString(from start: UnsafePointer<UInt8>) throws(FastPathMiss) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(start: start, count: p - start))
        while true {
            guard p < end else { throw FastPathMiss() }
            let b = p.pointee
            p += 1
            if b == UInt8(ascii: "\"") { break }
            if b < 0x20 { throw FastPathMiss() }
            guard b == UInt8(ascii: "\\") else {
                scratch.append(b)
                continue
            }
            guard p < end else { throw FastPathMiss() }
            let e = p.pointee
            p += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(e)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"): try appendUnicodeEscape()
            default: throw FastPathMiss()
            }
        }
        // Escapes produce whole UTF-8 sequences, so the result is valid iff the raw parts are.
        return try scratch.withUnsafeBufferPointer { bytes throws(FastPathMiss) in
            guard UTF8Check.isValid(bytes) else { throw FastPathMiss() }
            return cache.string(bytes)
        }
    }

    /// After `\u`: four hex digits, and a second `\uXXXX` for a surrogate pair. Lone surrogates
    /// are misses (`JSONDecoder` rejects them).
    private mutating func appendUnicodeEscape() throws(FastPathMiss) {
        var scalar = try hex4()
        if scalar >= 0xDC00 && scalar <= 0xDFFF { throw FastPathMiss() }
        if scalar >= 0xD800 && scalar <= 0xDBFF {
            try consume(UInt8(ascii: "\\"))
            try consume(UInt8(ascii: "u"))
            let low = try hex4()
            guard low >= 0xDC00 && low <= 0xDFFF else { throw FastPathMiss() }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        UTF8Check.append(scalar: scalar, to: &scratch)
    }

    private mutating func hex4() throws(FastPathMiss) -> UInt32 {
        guard end - p >= 4 else { throw FastPathMiss() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = p.pointee
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw FastPathMiss()
            }
            value = value << 4 | UInt32(digit)
            p += 1
        }
        return value
    }

    // MARK: Skipping

    /// Skips any standard JSON value (the value of a key the model does not have), checking it as
    /// strictly as the rest.
    mutating func skipValue(depth: Int = 0) throws(FastPathMiss) {
        guard depth < Self.maxSkipDepth else { throw FastPathMiss() }
        skipWhitespace()
        switch peek {
        case UInt8(ascii: "{"):
            guard try objectStart() else { return }
            repeat {
                _ = try string()
                skipWhitespace()
                try consume(UInt8(ascii: ":"))
                try skipValue(depth: depth + 1)
            } while try objectNext()
        case UInt8(ascii: "["):
            guard try arrayStart() else { return }
            repeat { try skipValue(depth: depth + 1) } while try arrayNext()
        case UInt8(ascii: "\""):
            _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            _ = try bool()
        case UInt8(ascii: "n"):
            _ = try consumeNull()
        default:
            try skipNumber()
        }
    }

    /// A number by the JSON grammar (any size; only skipped, never converted).
    private mutating func skipNumber() throws(FastPathMiss) {
        if peek == UInt8(ascii: "-") { p += 1 }
        if peek == UInt8(ascii: "0") {
            p += 1
        } else {
            try skipDigits()
        }
        if peek == UInt8(ascii: ".") {
            p += 1
            try skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            p += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { p += 1 }
            try skipDigits()
        }
        if peek &- 0x30 < 10 { throw FastPathMiss() }
    }

    /// One or more digits.
    private mutating func skipDigits() throws(FastPathMiss) {
        guard peek &- 0x30 < 10 else { throw FastPathMiss() }
        while peek &- 0x30 < 10 { p += 1 }
    }
}
