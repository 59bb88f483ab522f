import Foundation
import PilotwaveCore

/// Days and date-times in the exact forms the plan file uses, read and written without
/// formatters. Only the plain forms are handled; anything else is left to Foundation
/// (fractional seconds, offsets, years outside 1601–9999, days that do not exist…).
enum FastDates {
    /// Seconds from 1970-01-01 to 2001-01-01, Foundation's reference date.
    static let referenceOffset = 978_307_200
    /// 1601-01-01T00:00:00Z and 9999-12-31T23:59:59Z in seconds since 1970: well inside the
    /// proleptic Gregorian calendar that Foundation uses for these years.
    static let earliest = -11_644_473_600
    static let latest = 253_402_300_799

    /// `YYYY-MM-DD`, all ASCII digits, the day existing in that month: what `Day(iso:)` accepts
    /// except its rarer spellings (such as a `+` sign), which are left to `JSONDecoder`.
    static func day(_ text: UnsafeBufferPointer<UInt8>) -> Day? {
        guard text.count == 10, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"),
            let year = digits(text, 0, 4), let month = digits(text, 5, 2), let day = digits(text, 8, 2),
            (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year)
        else { return nil }
        return Day(year, month, day)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` with every field in range (no leap seconds, no hour 24, no
    /// 30 February), as `Date.ISO8601FormatStyle().parse` reads it.
    static func dateTime(_ text: UnsafeBufferPointer<UInt8>) -> Date? {
        guard text.count == 20, text[10] == UInt8(ascii: "T"), text[13] == UInt8(ascii: ":"),
            text[16] == UInt8(ascii: ":"), text[19] == UInt8(ascii: "Z"),
            let day = self.day(UnsafeBufferPointer(rebasing: text[0..<10])),
            day.year >= 1601,
            let hour = digits(text, 11, 2), let minute = digits(text, 14, 2), let second = digits(text, 17, 2),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let seconds = day.ordinal * 86_400 + hour * 3_600 + minute * 60 + second
        return Date(timeIntervalSinceReferenceDate: Double(seconds - referenceOffset))
    }

    /// Writes `"YYYY-MM-DDTHH:MM:SSZ"` (quoted), what `date.formatted(.iso8601)` gives, for whole
    /// seconds between 1601 and 9999; false, having written nothing, for any other date (the
    /// caller asks Foundation).
    static func write(_ date: Date, into out: inout JSONOutput) -> Bool {
        let reference = date.timeIntervalSinceReferenceDate
        guard reference.isFinite, reference == reference.rounded(.down),
            reference >= Double(earliest - referenceOffset), reference <= Double(latest - referenceOffset)
        else { return false }
        let seconds = Int(reference) + referenceOffset
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let day = Day(ordinal: days)
        out.withSpace(22) { q in
            q[0] = UInt8(ascii: "\"")
            q[21] = UInt8(ascii: "\"")
            let p = q + 1
            put(day.year, width: 4, at: p)
            p[4] = UInt8(ascii: "-")
            put(day.month, width: 2, at: p + 5)
            p[7] = UInt8(ascii: "-")
            put(day.day, width: 2, at: p + 8)
            p[10] = UInt8(ascii: "T")
            put(time / 3_600, width: 2, at: p + 11)
            p[13] = UInt8(ascii: ":")
            put(time / 60 % 60, width: 2, at: p + 14)
            p[16] = UInt8(ascii: ":")
            put(time % 60, width: 2, at: p + 17)
            p[19] = UInt8(ascii: "Z")
        }
        return true
    }

    /// Writes `"YYYY-MM-DD"` (quoted), what `Day.description` gives, for years 0–9999 and months
    /// and days 0–99; false, having written nothing, for anything else (the caller writes
    /// `description`).
    static func write(_ day: Day, into out: inout JSONOutput) -> Bool {
        guard (0...9999).contains(day.year), (0...99).contains(day.month), (0...99).contains(day.day)
        else { return false }
        out.withSpace(12) { q in
            q[0] = UInt8(ascii: "\"")
            q[11] = UInt8(ascii: "\"")
            let p = q + 1
            put(day.year, width: 4, at: p)
            p[4] = UInt8(ascii: "-")
            put(day.month, width: 2, at: p + 5)
            p[7] = UInt8(ascii: "-")
            put(day.day, width: 2, at: p + 8)
        }
        return true
    }

    /// `value` (non-negative, fewer than `width` digits) as exactly `width` digits.
    @inline(__always)
    private static func put(_ value: Int, width: Int, at p: UnsafeMutablePointer<UInt8>) {
        var v = value
        for i in stride(from: width - 1, through: 0, by: -1) {
            p[i] = UInt8(truncatingIfNeeded: v % 10) + UInt8(ascii: "0")
            v /= 10
        }
    }

    /// The ASCII digits `text[from..<from + count]` as a number, or nil if any is not a digit.
    @inline(__always)
    private static func digits(_ text: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Int? {
        var value = 0
        for i in from..<from + count {
            let d = text[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            value = value * 10 + Int(d)
        }
        return value
    }
}
