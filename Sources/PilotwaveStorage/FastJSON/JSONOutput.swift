#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A growable byte buffer that writes JSON the way `JSONEncoder` pretty-prints it with
/// `.sortedKeys` and `.withoutEscapingSlashes`, plus `[]`/`{}` for empty containers: two spaces
/// per level, `"key" : value`, `,` and a line break between members.
///
/// The bytes live in one `malloc` block handed to `Data` without a copy (``finish()``). A writer
/// must be finished exactly once; until then the caller owns the block.
struct JSONOutput {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// Nesting depth of the container being written (0: the top-level object itself).
    private var level = 0
    /// True right after a container opens: its first member needs no comma.
    private var atFirst = false

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        guard let block = malloc(self.capacity) else { fatalError("out of memory") }
        base = block.bindMemory(to: UInt8.self, capacity: self.capacity)
    }

    /// Hands the bytes over as `Data` (no copy); the writer must not be used afterwards.
    consuming func finish() -> Data {
        // Give back a large unused tail (shrinking a block needs no copy).
        if capacity - count > 65_536, let block = realloc(base, max(count, 1)) {
            base = block.bindMemory(to: UInt8.self, capacity: max(count, 1))
        }
        return Data(bytesNoCopy: base, count: count, deallocator: .free)
    }

    @inline(__always) private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        guard let block = realloc(base, newCapacity) else { fatalError("out of memory") }
        base = block.bindMemory(to: UInt8.self, capacity: newCapacity)
        capacity = newCapacity
    }

    /// Lets `body` write exactly `n` bytes at the end.
    @inline(__always)
    mutating func withSpace(_ n: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Void) {
        reserve(n)
        body(base + count)
        count += n
    }

    @inline(__always) mutating func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    @inline(__always) mutating func raw(_ text: StaticString) {
        raw(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always) mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// A line break and the indentation of `level`.
    @inline(__always) private mutating func newline(_ level: Int) {
        let indent = 2 * level
        reserve(indent + 17)
        base[count] = 0x0A
        writeSpaces(indent, at: base + count + 1)
        count += 1 + indent
    }

    /// Writes `n` spaces at `q`, which has room for `n + 16` bytes (short runs are written as
    /// two words, whatever their length).
    @inline(__always) private func writeSpaces(_ n: Int, at q: UnsafeMutablePointer<UInt8>) {
        if n <= 16 {
            let spaces = SWAR.repeating(0x20)
            UnsafeMutableRawPointer(q).storeBytes(of: spaces, as: UInt64.self)
            UnsafeMutableRawPointer(q + 8).storeBytes(of: spaces, as: UInt64.self)
        } else {
            q.update(repeating: 0x20, count: n)
        }
    }

    // MARK: Containers

    mutating func openObject() {
        byte(UInt8(ascii: "{"))
        level += 1
        atFirst = true
    }

    /// Closes an object that has at least one member.
    mutating func closeObject() {
        level -= 1
        newline(level)
        byte(UInt8(ascii: "}"))
        atFirst = false
    }

    mutating func openArray() {
        byte(UInt8(ascii: "["))
        level += 1
        atFirst = true
    }

    /// Closes an array that has at least one element.
    mutating func closeArray() {
        level -= 1
        newline(level)
        byte(UInt8(ascii: "]"))
        atFirst = false
    }

    /// Starts the next member of the open object: `,`, line break, indentation, `"name" : `.
    /// `name` must need no escaping.
    @inline(__always) mutating func key(_ name: StaticString) {
        let n = name.utf8CodeUnitCount
        let indent = 2 * level
        reserve(n + indent + 24)
        var q = base + count
        if atFirst {
            atFirst = false
        } else {
            q.pointee = UInt8(ascii: ",")
            q += 1
        }
        q.pointee = 0x0A
        writeSpaces(indent, at: q + 1)
        q += 1 + indent
        q.pointee = UInt8(ascii: "\"")
        (q + 1).update(from: name.utf8Start, count: n)
        q += 1 + n
        // `" : ` as one word (the 4 bytes after it are overwritten later).
        UnsafeMutableRawPointer(q).storeBytes(of: UInt64(0x203A_2022).littleEndian, as: UInt64.self)
        count = q + 4 - base
    }

    /// Starts the next member of the open object with a key that may need escaping.
    mutating func key(escaping name: String) {
        separate()
        string(name)
        raw(" : ")
    }

    /// Starts the next element of the open array.
    @inline(__always) mutating func element() { separate() }

    @inline(__always) private mutating func separate() {
        if atFirst {
            atFirst = false
        } else {
            byte(UInt8(ascii: ","))
        }
        newline(level)
    }

    // MARK: Scalars

    mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    mutating func int(_ value: Int) {
        reserve(20)  // Int.min: a sign and 19 digits
        if value < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
        }
        var v = value.magnitude
        var digits = 1
        var rest = v / 10
        while rest != 0 {
            digits += 1
            rest /= 10
        }
        var i = count + digits
        repeat {
            i -= 1
            base[i] = UInt8(truncatingIfNeeded: v % 10) + UInt8(ascii: "0")
            v /= 10
        } while v != 0
        count += digits
    }

    /// A JSON string as `JSONEncoder` writes it: `"` and `\` escaped with a backslash, `\b \f \n
    /// \r \t` for those controls, `\u00xx` (lowercase hex) for the other bytes below 0x20, and
    /// everything else, `/` and U+007F included, as it is.
    mutating func string(_ value: String) {
        // Native strings lend their bytes without a copy; others (bridged) are made native first.
        let done: Void? = value.utf8.withContiguousStorageIfAvailable { escaped($0) }
        if done == nil {
            var text = value
            text.withUTF8 { escaped($0) }
        }
    }

    /// `bytes` as a JSON string, quoted and escaped.
    private mutating func escaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        byte(UInt8(ascii: "\""))
        guard let start = bytes.baseAddress else {
            byte(UInt8(ascii: "\""))
            return
        }
        let n = bytes.count
        var mark = 0
        var i = 0
        while i < n {
            if n - i >= 8, !SWAR.hasQuoteBackslashOrControl(SWAR.load(start + i)) {
                i += 8
                continue
            }
            let b = start[i]
            if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                raw(UnsafeBufferPointer(start: start + mark, count: i - mark))
                mark = i + 1
                escape(b)
            }
            i += 1
        }
        raw(UnsafeBufferPointer(start: start + mark, count: n - mark))
        byte(UInt8(ascii: "\""))
    }

    private mutating func escape(_ b: UInt8) {
        switch b {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x08: raw("\\b")
        case 0x0C: raw("\\f")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        default:
            let hex: StaticString = "0123456789abcdef"
            raw("\\u00")
            byte(hex.utf8Start[Int(b >> 4)])
            byte(hex.utf8Start[Int(b & 0x0F)])
        }
    }
}
