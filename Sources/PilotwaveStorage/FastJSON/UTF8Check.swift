/// UTF-8 validation and encoding for the fast JSON path, matching what Swift's `String` accepts:
/// no overlong forms, no surrogates, nothing above U+10FFFF.
enum UTF8Check {
    /// Whether `bytes` are well-formed UTF-8.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i < n {
            let b0 = base[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            if b0 < 0xC2 { return false }
            if b0 < 0xE0 {
                guard i + 1 < n, isContinuation(base[i + 1]) else { return false }
                i += 2
            } else if b0 < 0xF0 {
                guard i + 2 < n else { return false }
                let b1 = base[i + 1]
                guard isContinuation(b1), isContinuation(base[i + 2]) else { return false }
                if b0 == 0xE0 && b1 < 0xA0 { return false }  // overlong
                if b0 == 0xED && b1 >= 0xA0 { return false }  // surrogate
                i += 3
            } else if b0 < 0xF5 {
                guard i + 3 < n else { return false }
                let b1 = base[i + 1]
                guard isContinuation(b1), isContinuation(base[i + 2]), isContinuation(base[i + 3]) else { return false }
                if b0 == 0xF0 && b1 < 0x90 { return false }  // overlong
                if b0 == 0xF4 && b1 >= 0x90 { return false }  // above U+10FFFF
                i += 4
            } else {
                return false
            }
        }
        return true
    }

    @inline(__always) private static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

    /// Appends the UTF-8 form of `scalar` (not a surrogate, at most U+10FFFF).
    static func append(scalar: UInt32, to bytes: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            bytes.append(UInt8(scalar))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | scalar >> 6))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | scalar >> 12))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | scalar >> 18 & 0x07))
            bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
