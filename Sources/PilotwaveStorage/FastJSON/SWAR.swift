/// Eight bytes at a time ("SIMD within a register") for the scanner's hot loops.
enum SWAR {
    /// The 8 bytes at `p` as a number whose lowest byte is `p[0]`.
    @inline(__always) static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// `byte` in all eight byte lanes.
    @inline(__always) static func repeating(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// Whether any byte of `word` is `"`, `\` or below 0x20. (The classic "has zero byte" and
    /// "has byte less than" tests: exact about whether some lane matches, though not which.)
    @inline(__always) static func hasQuoteBackslashOrControl(_ word: UInt64) -> Bool {
        let low = repeating(0x01), high = repeating(0x80)
        let quote = word ^ repeating(0x22)
        let backslash = word ^ repeating(0x5C)
        let hits = (quote &- low) & ~quote | (backslash &- low) & ~backslash | (word &- repeating(0x20)) & ~word
        return hits & high != 0
    }
}
