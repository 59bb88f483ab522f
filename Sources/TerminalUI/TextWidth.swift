/// Display width of text in terminal cells: the one measure used by the cell grid, tables and the
/// backend, so that what is laid out is what the terminal shows.
///
/// Pure Swift and locale-independent, so grid snapshots are the same on every machine. It follows
/// the Unicode East Asian Width property (wide and fullwidth = 2), emoji presentation (2), and
/// treats combining marks, format characters and variation selectors as 0. A grapheme cluster is
/// as wide as its widest scalar, capped at 2 (so ZWJ sequences and flags count as 2).
public enum TextWidth {
    /// Width of one Unicode scalar: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) || v == 0x200B { return 0 }
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial vowels / final consonants
        if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Width of one grapheme cluster (a Swift `Character`).
    public static func of(_ character: Character) -> Int {
        var widest = 0
        var sawZWJOrFlag = false
        for s in character.unicodeScalars {
            widest = max(widest, of(s))
            if s.value == 0x200D || (0x1F1E6...0x1F1FF).contains(s.value) { sawZWJOrFlag = true }
            if s.value == 0xFE0F { widest = max(widest, 2) }  // VS16 asks for emoji presentation
        }
        if sawZWJOrFlag { widest = 2 }
        return min(widest, 2)
    }

    /// Width of a string in cells.
    public static func of(_ text: String) -> Int {
        if let simple = simpleWidth(text) { return simple }
        return clusterWidth(text)
    }

    /// Width of a string in cells.
    public static func of(_ text: some StringProtocol) -> Int {
        if let simple = simpleWidth(text) { return simple }
        return clusterWidth(text)
    }

    private static func clusterWidth(_ text: some StringProtocol) -> Int {
        var total = 0
        for ch in text {
            if ch.isASCII {
                total += (ch == "\t" || ch.asciiValue! >= 0x20) && ch.asciiValue! != 0x7F ? 1 : 0
            } else {
                total += of(ch)
            }
        }
        return total
    }

    /// Whether the scalar `v` is a printable glyph one cell wide that never joins a neighbour into
    /// a larger grapheme: printable ASCII, Latin, Greek and Cyrillic letters, and the punctuation,
    /// arrows, symbols, box-drawing and shape glyphs a text UI uses (`·`, `–`, `…`, `▶`, `✓`, `█`).
    /// Text made only of these is one cell per scalar, so it can be measured and drawn without
    /// grapheme breaking.
    @inline(__always)
    public static func isSimple(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x20 && v != 0x7F }
        if v < 0x300 { return v >= 0xA0 && v != 0xAD }
        if v < 0x483 { return v >= 0x370 }
        if v < 0x2010 { return false }
        let inRange = v <= 0x2027 || (v >= 0x2030 && v <= 0x205E) || (v >= 0x2070 && v < 0x20D0)
            || (v >= 0x2100 && v < 0x2400) || (v >= 0x2500 && v < 0x2800) || (v >= 0x2B00 && v < 0x2C00)
        guard inRange, let scalar = Unicode.Scalar(v) else { return false }
        return v < 0x2100 || of(scalar) == 1
    }

    /// The width of `text` when every scalar in it ``isSimple(_:)`` (its scalar count), read from
    /// its UTF-8 without grapheme breaking; nil when it holds anything else. The common case.
    @inline(__always)
    static func simpleWidth(_ text: some StringProtocol) -> Int? {
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var width = 0
            for b in bytes {
                if b >= 0x80 { return nil }
                if b >= 0x20 && b != 0x7F || b == 0x09 { width += 1 }
            }
            return width
        }
        if let ascii = ascii ?? nil { return ascii }
        var count = 0
        for s in text.unicodeScalars {
            guard isSimple(s.value) else { return nil }
            count += 1
        }
        return count
    }

    /// The longest prefix of `text` that fits in `width` cells, with `…` appended when cut
    /// (`ellipsis` may be "~" when the locale cannot show `…`, or "" for a hard cut). Never splits a
    /// wide glyph: a CJK character that would straddle the edge is dropped whole.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let budget = width - of(ellipsis)
        guard budget >= 0 else { return "" }
        var used = 0
        var out = ""
        for ch in text {
            let w = of(ch)
            if used + w > budget { break }
            used += w
            out.append(ch)
        }
        return out + ellipsis
    }

    /// `text` truncated or padded with spaces to exactly `width` cells (left-aligned, or right-aligned).
    public static func fit(_ text: String, to width: Int, alignRight: Bool = false, ellipsis: String = "…") -> String {
        let cut = truncate(text, to: width, ellipsis: ellipsis)
        let pad = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? pad + cut : cut + pad
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, plus the emoji blocks terminals draw wide.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
            0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
            0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
            0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
            0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
            0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F,
            0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
            0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

extension TextWidth {
    /// Splits `text` into lines of at most `width` cells, breaking at spaces where possible (a word
    /// longer than a line is cut). Existing line breaks are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var w = of(word)
                var word = String(word)
                if used > 0 && used + 1 + w > width {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                while w > width {
                    // Hard-cut a word longer than the line.
                    var head = ""
                    var hw = 0
                    var rest = Substring(word)
                    while let ch = rest.first, hw + of(ch) <= width - used - (used > 0 ? 1 : 0) {
                        head.append(ch)
                        hw += of(ch)
                        rest = rest.dropFirst()
                    }
                    if head.isEmpty && used == 0 { head = String(rest.removeFirst()) }
                    lines.append(used > 0 ? line + " " + head : head)
                    line = ""
                    used = 0
                    word = String(rest)
                    w = of(word)
                }
                if word.isEmpty { continue }
                if used > 0 {
                    line += " "
                    used += 1
                }
                line += word
                used += w
            }
            lines.append(line)
        }
        return lines
    }
}
