#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Shares the storage of long strings read repeatedly (areas, evidence, rating keys such as
/// `learningAppetite`): a small direct-mapped cache of the latest string per hash slot. Strings
/// of up to 15 UTF-8 bytes are stored inline by Swift and never cached. Sharing is invisible to
/// users of the plan (strings are values) and saves an allocation and its memory per repeat.
struct StringCache {
    private var slots: [String]
    private static let slotBits = 12

    init() {
        slots = Array(repeating: "", count: 1 << Self.slotBits)
    }

    /// The string of `bytes`, which must be valid UTF-8.
    @inline(__always)
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let n = bytes.count
        guard n >= 16, let start = bytes.baseAddress else { return String(decoding: bytes, as: UTF8.self) }
        let head = SWAR.load(start), tail = SWAR.load(start + n - 8)
        let hash = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(n)
        let slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - Self.slotBits))
        let cached = slots[slot]
        if cached.utf8.count == n {
            let same = cached.utf8.withContiguousStorageIfAvailable { stored in
                stored.baseAddress.map { memcmp($0, start, n) == 0 }
            }
            if same == true { return cached }
        }
        let fresh = String(decoding: bytes, as: UTF8.self)
        slots[slot] = fresh
        return fresh
    }
}

/// Shares values read from identical JSON text, such as the ratings of teams rated alike (most
/// of them, in a large plan): a direct-mapped cache from a span of the document to the value
/// parsed from it. The same bytes always parse to the same value, so a hit skips building it
/// again; sharing is invisible to users of the plan (the values are copy-on-write).
///
/// Spans point into the document, which must outlive the cache.
struct SpanCache<Value> {
    private var spans: [UnsafeBufferPointer<UInt8>]
    private var values: [Value?]
    private let slotBits: Int

    init(slotBits: Int) {
        self.slotBits = slotBits
        spans = Array(repeating: UnsafeBufferPointer(start: nil, count: 0), count: 1 << slotBits)
        values = Array(repeating: nil, count: 1 << slotBits)
    }

    private func slot(_ span: UnsafeBufferPointer<UInt8>) -> Int {
        guard let start = span.baseAddress, span.count >= 8 else { return 0 }
        var hash = UInt64(span.count)
        var i = 0
        while i + 8 <= span.count {
            hash = (hash ^ SWAR.load(start + i)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            i += 8
        }
        hash = (hash ^ SWAR.load(start + span.count - 8)) &* 0xC2B2_AE3D_27D4_EB4F
        return Int(truncatingIfNeeded: hash >> UInt64(64 - slotBits))
    }

    /// The value cached for text equal to `span`, if any.
    func value(for span: UnsafeBufferPointer<UInt8>) -> Value? {
        let cached = spans[slot(span)]
        guard cached.count == span.count, let a = cached.baseAddress, let b = span.baseAddress,
            memcmp(a, b, span.count) == 0
        else { return nil }
        return values[slot(span)]
    }

    /// Remembers `value` as parsed from `span`.
    mutating func store(_ value: Value, for span: UnsafeBufferPointer<UInt8>) {
        let i = slot(span)
        spans[i] = span
        values[i] = value
    }
}
