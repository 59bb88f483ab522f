/// Values from a file or the command line, quoted in messages so that no message grows with the
/// input: every load, validation, import and command-line error that names a value goes through
/// ``Words/value(_:max:)``.
extension Words {
    /// The most characters of a value a message quotes.
    public static let valueExcerpt = 60

    /// `"grow"`; a value longer than `max` characters is cut and its length given:
    /// `"xxxxxxxx…" (50,000,000 characters)`. Line breaks, tabs and other control characters are
    /// written `\n`, `\t`, `\u{7}`, so the message stays on one line. Costs O(`max`) for the cut
    /// (plus one count of a long value's characters).
    public static func value(_ text: String, max: Int = valueExcerpt) -> String {
        guard let cut = text.index(text.startIndex, offsetBy: max, limitedBy: text.endIndex), cut < text.endIndex
        else { return "\"" + escaped(text[...]) + "\"" }
        let shown = text[..<text.index(text.startIndex, offsetBy: Swift.max(max - 1, 0))]
        return "\"" + escaped(shown) + "…\" (" + grouped(text.count) + " characters)"
    }

    /// `text` unquoted, cut after `max` characters like ``value(_:max:)``: `Marc coaches … (9,000 characters)`.
    /// For a message that embeds names (which may be long) rather than one value.
    public static func clip(_ text: String, max: Int) -> String {
        guard let cut = text.index(text.startIndex, offsetBy: max, limitedBy: text.endIndex), cut < text.endIndex
        else { return text }
        return String(text[..<text.index(text.startIndex, offsetBy: Swift.max(max - 1, 0))]) + "… ("
            + grouped(text.count) + " characters)"
    }

    /// `50,000,000`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    private static func escaped(_ text: Substring) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0}"..."\u{1F}", "\u{7F}": out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
