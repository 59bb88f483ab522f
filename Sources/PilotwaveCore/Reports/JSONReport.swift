/// A report as JSON: its sections as structured data, not a copy of the plan. Keys come in a fixed
/// order (as shown below), days are `YYYY-MM-DD`, instants `YYYY-MM-DDTHH:MM:SSZ` in UTC.
///
/// ```
/// { "title", "subtitle", "plan", "organisation", "asOf", "workshop",
///   "sections": { "<id>": { "title", "notes": [text], "facts": {key: {"label", "text", "value"}},
///                            "tables": { "<id>": { "title", "columns": [{"key", "title"}],
///                                                  "rows": [{"id", columnKey: value…}] } } } } }
/// ```
/// Values are typed: numbers for ranks, scores, ratings and counts, `null` where there is none,
/// lists for lists (hard flags, team names). A row about a thing of the plan (team, note, wave,
/// blocker, decision, action, signal) has its plan id as `id`.
public enum JSONReport {
    public static func render(_ report: Report) -> String {
        var sections: [(String, JSON)] = []
        for section in report.sections {
            var fields: [(String, JSON)] = [
                ("title", .string(section.title)),
                ("notes", .array(section.paragraphs.map { .string($0.plain) })),
            ]
            let facts = section.facts
            if !facts.isEmpty {
                fields.append(("facts", .object(facts.map {
                    ($0.key, .object([("label", .string($0.label)), ("text", .string($0.value.text)), ("value", json($0.value.value))]))
                })))
            }
            fields.append(("tables", .object(section.tables.map { table in
                (table.id, .object([
                    ("title", table.title.map { .string($0) } ?? .null),
                    ("columns", .array(table.columns.map { .object([("key", .string($0.key)), ("title", .string($0.title))]) })),
                    ("rows", .array(table.rows.enumerated().map { r, row in
                        let id: [(String, JSON)] = r < table.rowIDs.count ? [("id", .string(table.rowIDs[r]))] : []
                        return .object(id + table.columns.indices.map { c in
                            (table.columns[c].key, c < row.count ? json(row[c].value) : .null)
                        })
                    })),
                ]))
            })))
            sections.append((section.id, .object(fields)))
        }
        let root = JSON.object([
            ("title", .string(report.title)),
            ("subtitle", .string(report.subtitle)),
            ("plan", .string(report.planID)),
            ("organisation", .string(report.organisation)),
            ("asOf", .string(report.today.description)),
            ("workshop", report.workshop.map { .string($0) } ?? .null),
            ("sections", .object(sections)),
        ])
        var out = ""
        root.write(to: &out, indent: "")
        return out + "\n"
    }

    static func json(_ value: ReportValue) -> JSON {
        switch value {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let n): .int(n)
        case .string(let s): .string(s)
        case .list(let items): .array(items.map(json))
        }
    }
}

/// A JSON value with object keys in a chosen order, written pretty-printed (two spaces).
public indirect enum JSON: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.int(x), .int(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .int(let n): hasher.combine(n)
        case .string(let s): hasher.combine(s)
        case .array(let items): hasher.combine(items)
        case .object(let fields):
            for (k, v) in fields {
                hasher.combine(k)
                hasher.combine(v)
            }
        }
    }

    /// The value as pretty-printed JSON text.
    public var text: String {
        var out = ""
        write(to: &out, indent: "")
        return out
    }

    func write(to out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n): out += String(n)
        case .string(let s): JSON.quote(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            let inner = indent + "  "
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                item.write(to: &out, indent: inner)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let fields):
            guard !fields.isEmpty else {
                out += "{}"
                return
            }
            let inner = indent + "  "
            out += "{\n"
            for (i, (key, value)) in fields.enumerated() {
                out += inner
                JSON.quote(key, into: &out)
                out += ": "
                value.write(to: &out, indent: inner)
                out += i == fields.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; other text as UTF-8.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
