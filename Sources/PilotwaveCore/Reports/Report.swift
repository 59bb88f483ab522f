/// A report on a plan, built once (``Report/build(_:today:workshop:)``) and shared by every renderer:
/// Markdown, HTML, CSV (one file per table) and JSON all show the same sections, tables and words.
///
/// A report is plain data: sections made of paragraphs, facts (label and value) and tables (columns
/// and rows of cells). Each cell has the text people read and a typed value for JSON.
public struct Report: Hashable, Sendable {
    /// The plan's name.
    public var title: String
    /// One line under the title: organisation, report date, workshop.
    public var subtitle: String
    public var planID: String
    public var organisation: String
    /// The day the report is as of (overdue follow-ups and actions, waves due to start).
    public var today: Day
    /// The workshop the report is for, if any.
    public var workshop: String?
    public var sections: [ReportSection]

    public init(title: String, subtitle: String, planID: String, organisation: String, today: Day,
                workshop: String? = nil, sections: [ReportSection]) {
        self.title = title
        self.subtitle = subtitle
        self.planID = planID
        self.organisation = organisation
        self.today = today
        self.workshop = workshop
        self.sections = sections
    }

    /// The section with this id.
    public func section(_ id: String) -> ReportSection? { sections.first { $0.id == id } }

    /// Every table of every section, in order.
    public var tables: [ReportTable] { sections.flatMap(\.tables) }

    /// The table with this id, in whichever section.
    public func table(_ id: String) -> ReportTable? { tables.first { $0.id == id } }
}

/// One section of a report: a heading and its blocks in reading order.
public struct ReportSection: Hashable, Sendable {
    /// Stable key (`pilots`, `readiness`…): JSON key, HTML anchor.
    public var id: String
    public var title: String
    /// Printed on a new page (HTML print): the big sections.
    public var newPage: Bool
    public var blocks: [ReportBlock]

    public init(id: String, title: String, newPage: Bool = false, blocks: [ReportBlock] = []) {
        self.id = id
        self.title = title
        self.newPage = newPage
        self.blocks = blocks
    }

    public var tables: [ReportTable] {
        blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }

    public var paragraphs: [ReportParagraph] {
        blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
    }

    public var facts: [ReportFact] {
        blocks.flatMap { block -> [ReportFact] in
            if case .facts(let f) = block { return f }
            return []
        }
    }
}

public enum ReportBlock: Hashable, Sendable {
    case paragraph(ReportParagraph)
    /// Label–value lines (the summary, a workshop's header).
    case facts([ReportFact])
    case table(ReportTable)
}

/// A short paragraph, optionally led by a word in bold ("Barrier:").
public struct ReportParagraph: Hashable, Sendable {
    public var lead: String?
    public var text: String

    public init(_ text: String, lead: String? = nil) {
        self.lead = lead
        self.text = text
    }

    /// "Barrier: text", for plain text and JSON.
    public var plain: String { lead.map { "\($0): \(text)" } ?? text }
}

/// One line of a facts block.
public struct ReportFact: Hashable, Sendable {
    /// Stable key for JSON and CSV (`organisation`, `pilotsChosen`).
    public var key: String
    public var label: String
    public var value: ReportCell

    public init(_ key: String, _ label: String, _ value: ReportCell) {
        self.key = key
        self.label = label
        self.value = value
    }
}

public struct ReportColumn: Hashable, Sendable {
    /// Stable key: JSON field of each row, CSV header.
    public var key: String
    /// Heading people read.
    public var title: String
    /// Numbers are right-aligned.
    public var numeric: Bool
    /// The heading over the cells' typed values where they differ from the text (CSV writes numbers
    /// as numbers): "overdue (days)" over 249 where the text reads "249 days".
    public var valueTitle: String?

    public init(_ key: String, _ title: String, numeric: Bool = false, valueTitle: String? = nil) {
        self.key = key
        self.title = title
        self.numeric = numeric
        self.valueTitle = valueTitle
    }
}

/// A table: its rows hold one cell per column.
public struct ReportTable: Hashable, Sendable {
    /// Stable key, unique in the report: the CSV file name (`pilot-ranking.csv`), the JSON key.
    public var id: String
    /// A heading above the table; nil when the section's heading says it all.
    public var title: String?
    public var columns: [ReportColumn]
    public var rows: [[ReportCell]]
    /// Said instead of an empty table ("No open resistance.").
    public var emptyText: String
    /// The plan id of what each row is about (team, note, wave…), for JSON; empty when rows are
    /// not things of the plan.
    public var rowIDs: [String]

    public init(id: String, title: String? = nil, columns: [ReportColumn], rows: [[ReportCell]] = [],
                emptyText: String = "None.", rowIDs: [String] = []) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.emptyText = emptyText
        self.rowIDs = rowIDs
    }

    /// The column index of `key`.
    public func column(_ key: String) -> Int? { columns.firstIndex { $0.key == key } }

    /// Every row's text in the column `key`.
    public func texts(_ key: String) -> [String] {
        guard let c = column(key) else { return [] }
        return rows.map { $0[c].text }
    }
}

/// A typed value, for JSON.
public indirect enum ReportValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case list([ReportValue])
}

/// A table cell or fact value: the text people read and the typed value a program reads.
public struct ReportCell: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var value: ReportValue

    public init(_ text: String, value: ReportValue) {
        self.text = text
        self.value = value
    }

    /// Text, whose value is the same text (an empty text is null).
    public init(_ text: String) {
        self.text = text
        value = text.isEmpty ? .null : .string(text)
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// Optional text: nil reads as `missing` and is null in JSON.
    public static func text(_ text: String?, missing: String = "") -> ReportCell {
        guard let text, !text.trimmingWhitespace().isEmpty else { return ReportCell(missing, value: .null) }
        return ReportCell(text)
    }

    public static func int(_ n: Int) -> ReportCell { ReportCell("\(n)", value: .int(n)) }

    /// A number, or `missing` (null) when nil.
    public static func int(_ n: Int?, missing: String) -> ReportCell {
        n.map(int) ?? ReportCell(missing, value: .null)
    }

    /// A number shown with other words ("91", "48 (thin)").
    public static func int(_ n: Int?, text: String) -> ReportCell { ReportCell(text, value: n.map { .int($0) } ?? .null) }

    /// A day as `YYYY-MM-DD` (null when nil).
    public static func day(_ day: Day?, missing: String = "") -> ReportCell {
        day.map { ReportCell($0.description, value: .string($0.description)) } ?? ReportCell(missing, value: .null)
    }

    /// Yes/no words with a boolean value.
    public static func bool(_ b: Bool, yes: String = "yes", no: String = "no") -> ReportCell {
        ReportCell(b ? yes : no, value: .bool(b))
    }

    /// A list shown joined with `separator` ("—" when empty), a list of strings in JSON.
    public static func list(_ items: [String], separator: String = "; ", empty: String = "—") -> ReportCell {
        ReportCell(items.isEmpty ? empty : items.joined(separator: separator), value: .list(items.map { .string($0) }))
    }
}
