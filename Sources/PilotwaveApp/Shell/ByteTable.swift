import Foundation

/// Many short byte strings in one buffer (one allocation, no per-string header): the per-team
/// search and sort keys of a large plan stay small.
struct ByteTable: Sendable, Equatable {
    private(set) var bytes: [UInt8] = []
    /// Where string `i` starts; string `i` ends where `i + 1` starts.
    private(set) var starts: [Int32] = [0]

    init(reservingCapacity count: Int = 0, bytes: Int = 0) {
        starts.reserveCapacity(count + 1)
        self.bytes.reserveCapacity(bytes)
    }

    var count: Int { starts.count - 1 }

    /// Appends `text` lower-cased (ASCII byte by byte, anything else through `lowercased()`) to the
    /// string being built; call ``finish()`` after its last part.
    mutating func appendFolded(_ text: String) {
        let mark = bytes.count
        for b in text.utf8 {
            if b >= 0x80 {
                bytes.removeSubrange(mark...)
                bytes.append(contentsOf: text.lowercased().utf8)
                return
            }
            bytes.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
    }

    mutating func appendSeparator() { bytes.append(1) }

    /// Ends the current string.
    mutating func finish() { starts.append(Int32(bytes.count)) }

    /// memcmp order of strings `i` and `j`: negative, 0 or positive.
    @inline(__always)
    func compare(_ i: Int, _ j: Int) -> Int {
        let a = Int(starts[i]), aEnd = Int(starts[i + 1])
        let b = Int(starts[j]), bEnd = Int(starts[j + 1])
        let n = min(aEnd - a, bEnd - b)
        return bytes.withUnsafeBufferPointer { buf in
            if n > 0, let base = buf.baseAddress {
                let c = memcmp(base + a, base + b, n)
                if c != 0 { return Int(c) }
            }
            return (aEnd - a) - (bEnd - b)
        }
    }

    /// Whether string `i` contains `needle`.
    func contains(_ i: Int, _ needle: [UInt8]) -> Bool {
        let lo = Int(starts[i]), hi = Int(starts[i + 1])
        let n = needle.count
        guard n > 0 else { return true }
        guard n <= hi - lo else { return false }
        return bytes.withUnsafeBufferPointer { buf in
            needle.withUnsafeBufferPointer { nd in
                guard let base = buf.baseAddress, let np = nd.baseAddress else { return false }
                let first = np[0]
                var k = lo
                while k <= hi - n {
                    if base[k] == first && memcmp(base + k, np, n) == 0 { return true }
                    k += 1
                }
                return false
            }
        }
    }
}
