import Foundation

/// Days as people type them into a date field, read against today: every date field of every
/// form goes through ``Day/typed(_:today:)``, and shows what it resolved to (``Day/spoken``).
///
/// Read (case and extra spaces do not matter):
/// - `today`, `tomorrow`, `yesterday`;
/// - a weekday, whole or shortened (`friday`, `fri`, `thurs`): the first such day after today;
/// - `next friday`: that weekday in the week after this one (weeks start on Monday);
/// - `+7d`, `+2w`, `-3d`, `+10` (days): so many days or weeks from today;
/// - `in 10 days`, `in 2 weeks`, `in a week`;
/// - `2026-12-18` (the month and day may have one digit: `2026-3-6`);
/// - `18 dec`, `dec 18`, `18 december 2026`: without a year, the next such day from today on.
extension Day {
    /// Why a text is not a day, in words for the field's error.
    public struct TypedError: Error, Hashable, Sendable {
        public var message: String
    }

    static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december"]

    /// Monday 0 … Sunday 6.
    public var weekday: Int { ((ordinal + 3) % 7 + 7) % 7 }

    /// `Fri 2026-12-11`: the day with its weekday, as a date field shows what was typed.
    public var spoken: String {
        let name = Day.weekdayNames[weekday]
        return name.prefix(1).uppercased() + name.dropFirst().prefix(2) + " " + description
    }

    /// The day `text` names, read against `today` (see the type's notes for what is read).
    public static func typed(_ text: String, today: Day) -> Result<Day, TypedError> {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let joined = words.joined(separator: " ")
        func refuse() -> Result<Day, TypedError> {
            .failure(TypedError(message: "\"\(text.trimmingWhitespace())\" is not a date I can read: "
                + "try 2026-12-18, fri, next friday, +7d, in 2 weeks or tomorrow"))
        }
        guard !words.isEmpty else { return .failure(TypedError(message: "no date given")) }
        switch joined {
        case "today": return .success(today)
        case "tomorrow", "tmr", "tmrw": return .success(today.adding(days: 1))
        case "yesterday": return .success(today.adding(days: -1))
        case "in a week", "a week": return .success(today.adding(days: 7))
        default: break
        }
        if words.count == 1, let wd = weekdayIndex(words[0]) {
            let ahead = (wd - today.weekday + 7) % 7
            return .success(today.adding(days: ahead == 0 ? 7 : ahead))
        }
        if words.count == 2, words[0] == "next", let wd = weekdayIndex(words[1]) {
            let monday = today.adding(days: 7 - today.weekday)
            return .success(monday.adding(days: wd))
        }
        if words.count == 1, let offset = offset(words[0]) { return .success(today.adding(days: offset)) }
        if words.count == 3, words[0] == "in", let n = Int(words[1]), n >= 0, n <= 5_000 {
            switch words[2] {
            case "day", "days": return .success(today.adding(days: n))
            case "week", "weeks": return .success(today.adding(days: 7 * n))
            default: return refuse()
            }
        }
        if words.count == 1, words[0].first?.isNumber == true, words[0].contains("-") { return iso(words[0], text: text) }
        if let day = monthDay(words, today: today) { return day }
        return refuse()
    }

    /// `fri`, `friday`, `thurs`…: a weekday's whole name or a beginning of it of three letters or more.
    static func weekdayIndex(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        if word == "tues" || word == "weds" || word == "thur" || word == "thurs" {
            return ["tues": 1, "weds": 2, "thur": 3, "thurs": 3][word]
        }
        return weekdayNames.firstIndex { $0.hasPrefix(word) }
    }

    /// `+7d`, `-3d`, `+2w`, `+10`: days from today.
    static func offset(_ word: String) -> Int? {
        guard let sign = word.first, sign == "+" || sign == "-" else { return nil }
        var body = word.dropFirst()
        var unit = 1
        if body.hasSuffix("d") { body = body.dropLast() } else if body.hasSuffix("w") {
            body = body.dropLast()
            unit = 7
        }
        guard !body.isEmpty, body.allSatisfy(\.isASCII), let n = Int(body), n <= 5_000 else { return nil }
        return (sign == "-" ? -n : n) * unit
    }

    /// `2026-12-18` or `2026-3-6`, with a reason when the day does not exist.
    static func iso(_ word: String, text: String) -> Result<Day, TypedError> {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else {
            return .failure(TypedError(message: "\"\(word)\" is not a date: write it as YYYY-MM-DD, e.g. 2026-12-18"))
        }
        return exact(y, m, d)
    }

    static func exact(_ y: Int, _ m: Int, _ d: Int) -> Result<Day, TypedError> {
        guard (1...12).contains(m) else { return .failure(TypedError(message: "there is no month \(m): months go from 1 to 12")) }
        let days = daysIn(month: m, year: y)
        guard d >= 1, d <= days else {
            let name = monthNames[m - 1]
            return .failure(TypedError(message: "\(name.prefix(1).uppercased() + name.dropFirst()) \(y) has \(days) days, not \(d)"))
        }
        return .success(Day(y, m, d))
    }

    /// `18 dec`, `dec 18`, `18 december 2026`, `december 18 2026`.
    static func monthDay(_ words: [String], today: Day) -> Result<Day, TypedError>? {
        guard words.count == 2 || words.count == 3 else { return nil }
        func month(_ w: String) -> Int? {
            guard w.count >= 3 else { return nil }
            return monthNames.firstIndex { $0.hasPrefix(w) }.map { $0 + 1 }
        }
        let day: Int, m: Int
        if let d = Int(words[0]), let mm = month(words[1]) {
            (day, m) = (d, mm)
        } else if let mm = month(words[0]), let d = Int(words[1]) {
            (day, m) = (d, mm)
        } else {
            return nil
        }
        if words.count == 3 {
            guard let y = Int(words[2]), words[2].count == 4 else { return nil }
            return exact(y, m, day)
        }
        // Without a year: this year's, or next year's once this year's has passed.
        for y in [today.year, today.year + 1] {
            if case .success(let d) = exact(y, m, day), d >= today { return .success(d) }
        }
        return exact(today.year + 1, m, day)
    }
}
