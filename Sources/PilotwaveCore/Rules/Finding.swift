/// How much a plan-check finding matters. Ordered: `critical` first on screen.
public enum FindingSeverity: String, StringEnum, Comparable {
    case info, warning, critical

    public var label: String { rawValue }
    /// 0 info, 1 warning, 2 critical.
    public var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .critical: 2
        }
    }

    /// Info < warning < critical.
    public static func < (a: FindingSeverity, b: FindingSeverity) -> Bool { a.rank < b.rank }
}

/// Something a plan check noticed, with the reasoning behind it (DOMAIN.md).
public struct Finding: Hashable, Sendable, Identifiable {
    /// Stable identifier of the check (`tooManyPilots`), for filters, tests and reports.
    public var code: String
    public var severity: FindingSeverity
    /// One line naming the concrete teams, waves, coaches and numbers.
    public var message: String
    /// Ids (teams, waves, coaches, blockers, notes, signals) the finding is about, as plain strings.
    public var concerns: [String]
    /// The reasoning from DOMAIN.md, in one or two sentences.
    public var guidance: String

    /// A finding; `concerns` are plain id strings.
    public init(code: String, severity: FindingSeverity, message: String, concerns: [String] = [],
                guidance: String) {
        self.code = code
        self.severity = severity
        self.message = message
        self.concerns = concerns
        self.guidance = guidance
    }

    /// `code` plus the concerned ids: stable across runs while the plan is unchanged.
    public var id: String { ([code] + concerns).joined(separator: "|") }

    /// Most severe first, then by code; findings of the same code keep the order they were made in.
    public static func ordered(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            if a.element.code != b.element.code { return a.element.code < b.element.code }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// Small helpers for wording messages (shared with the app so the wording is the same).
public enum Words {
    /// "1 team", "3 teams".
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : (plural ?? singular + "s"))"
    }

    /// "a", "a and b", "a, b and c".
    public static func list(_ items: [String], conjunction: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
        }
    }

    /// A list of at most `limit` items, then "and N more".
    public static func short(_ items: [String], limit: Int = 3) -> String {
        if items.count <= limit { return list(items) }
        return items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more"
    }

    /// `"text"` in straight double quotes, shortened to `max` characters.
    public static func quote(_ text: String, max: Int = 60) -> String {
        let t = text.trimmingWhitespace()
        // Not `t.count`: that walks the whole text, however long.
        guard let cut = t.index(t.startIndex, offsetBy: max, limitedBy: t.endIndex), cut < t.endIndex else {
            return "\"" + t + "\""
        }
        return "\"" + String(t.prefix(max - 1)).trimmingWhitespace() + "…\""
    }

    /// "1–4", or "1" when the range is a single number.
    public static func range(_ r: ClosedRange<Int>) -> String {
        r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)"
    }
}
