import Foundation

/// Text helpers for reports and diffs: display width (for padded Markdown tables and 80-column
/// text), wrapping, and instants in ISO form. Core does not depend on the terminal toolkit, so
/// this is a small copy of its width rule: East Asian wide and emoji 2 cells, marks 0, else 1.
public enum ReportText {
    /// Display width of `text` in monospace cells.
    public static func width(_ text: some StringProtocol) -> Int {
        // ASCII, the common case: one cell a byte, without grapheme breaking.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
        var total = 0
        for ch in text {
            if ch.isASCII {
                total += 1
                continue
            }
            var widest = 0
            for s in ch.unicodeScalars {
                widest = max(widest, width(s))
                if s.value == 0xFE0F || s.value == 0x200D { widest = 2 }
            }
            total += min(widest, 2)
        }
        return total
    }

    static func width(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0xFE00...0xFE0F).contains(v) { return 0 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE6F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF,
            0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
            return 2
        default:
            return scalar.properties.isEmojiPresentation ? 2 : 1
        }
    }

    /// `text` padded with spaces to `width` cells (never cut).
    public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - self.width(text)))
        return right ? fill + text : text + fill
    }

    /// `text` in lines of at most `width` cells, broken at spaces (a longer word stands alone).
    /// The first line is prefixed with `first`, the others with `rest`.
    public static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        var lines: [String] = []
        var line = first
        var used = self.width(first)
        var empty = true
        // Split at spaces on the UTF-8 bytes: a space is never part of a longer character.
        for bytes in text.utf8.split(separator: 0x20, omittingEmptySubsequences: true) {
            let word = Substring(bytes)
            let w = self.width(word)
            if !empty && used + 1 + w > width {
                lines.append(line)
                line = rest
                used = self.width(rest)
                empty = true
            }
            if !empty {
                line += " "
                used += 1
            }
            line += word
            used += w
            empty = false
        }
        lines.append(line)
        return lines
    }

    /// One line: newlines and tabs become spaces, runs of spaces one, ends trimmed.
    public static func oneLine(_ text: String) -> String {
        var previous: UInt8 = 0x20
        var clean = true
        for b in text.utf8 {
            if b == 0x0A || b == 0x0D || b == 0x09 || (b == 0x20 && previous == 0x20) {
                clean = false
                break
            }
            previous = b
        }
        if clean && previous != 0x20 { return text }
        var out = ""
        var space = false
        for ch in text {
            if ch == "\n" || ch == "\r" || ch == "\t" || ch == " " || ch == "\r\n" {
                space = !out.isEmpty
            } else {
                if space { out.append(" ") }
                space = false
                out.append(ch)
            }
        }
        return out
    }

    /// `2026-01-09T16:30:00Z` (UTC, whole seconds).
    public static func isoInstant(_ date: Date) -> String {
        let (day, seconds) = split(date)
        return "\(day)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
    }

    /// `2026-01-09 16:30` (UTC): an instant for people.
    public static func instant(_ date: Date) -> String {
        let (day, seconds) = split(date)
        return "\(day) \(two(seconds / 3600)):\(two(seconds / 60 % 60))"
    }

    /// The UTC day of `date` and the seconds since its midnight.
    static func split(_ date: Date) -> (Day, Int) {
        let t = Int(date.timeIntervalSince1970.rounded(.down))
        let days = t >= 0 ? t / 86_400 : -((-t + 86_399) / 86_400)
        return (Day(ordinal: days), t - days * 86_400)
    }

    /// The UTC day on which `date` falls, without a calendar.
    public static func day(_ date: Date) -> Day { split(date).0 }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
