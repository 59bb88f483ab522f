#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PilotwaveCore
import SwiftCSV

/// Imports candidate teams from a CSV file (a spreadsheet export), all or nothing.
///
/// The first row names the columns, matched ignoring case, spaces, dashes and underscores:
///
/// | column | aliases | value |
/// |---|---|---|
/// | id | team id | a team's id in the plan: matches the row to it with `--update` |
/// | name (required) | team, team name | non-empty, unique in the CSV and the plan |
/// | area | domain, department | text |
/// | stage | lifecycle, lifecycle stage | explore, invest, sustain, retire; empty = explore |
/// | product, design, engineering, data, marketing, other | pm, designers, engineers, … | whole number ≥ 0; empty = 0 |
/// | familiarity, learning appetite, customer access | learning, customers | rating 1–5; empty = unrated |
/// | tags | tag, labels | separated by `;` |
/// | notes | note, comments | text |
/// | status | | candidate (default) or out of scope; with `--update` also pilot, in a wave |
/// | reason | out of scope reason | required when status is out of scope |
///
/// Any column named like one of the plan's rated criteria (by name or key) is read as that
/// criterion's rating. Unknown columns are an error that lists the accepted headers. The field
/// separator (comma, semicolon or tab) is detected from the header row unless given.
public enum TeamCSVImport {
    /// The new teams described by `text`, to be appended to `plan.teams` by the caller.
    ///
    /// - Parameters:
    ///   - text: the CSV text.
    ///   - file: the file's path (or a name for pasted text), used in messages.
    ///   - plan: the plan the teams will join: its criteria give the rating columns, its teams'
    ///     names must not be repeated, its ids are not reused.
    ///   - ids: makes the new teams' ids (`team-…`); untouched when the import fails.
    ///   - separator: the field separator; detected from the header row when `nil`.
    /// - Throws: ``TeamCSVImportError`` listing every bad header and cell; then nothing is imported.
    public static func teams<IDs: IDSource>(fromCSV text: String, file: String, plan: Plan, ids: inout IDs,
                                            separator: CSVSeparator? = nil) throws(TeamCSVImportError) -> [Team]
    {
        let sheet = try read(text, file: file, plan: plan, separator: separator, updating: false)
        var drafts = sheet.rows.map(\.team)
        newIDs(for: &drafts, plan: plan, ids: &ids)
        return drafts
    }

    /// The text of the CSV file at `url`, which must be UTF-8 (a byte order mark is dropped).
    public static func text(ofFile url: URL) throws(TeamCSVImportError) -> String {
        let file = url.path(percentEncoded: false)
        let bytes: [UInt8]
        do throws(Posix.Failure) {
            bytes = try Posix.readFile(file).bytes
        } catch {
            throw TeamCSVImportError(file: file, reason: .unreadable(error.text))
        }
        guard let text = String(data: Data(bytes), encoding: .utf8) else {
            throw TeamCSVImportError(file: file, reason: .notUTF8)
        }
        return text.first == "\u{FEFF}" ? String(text.dropFirst()) : text
    }

    /// Reads the CSV file at `url` and imports its teams; see ``teams(fromCSV:file:plan:ids:separator:)``.
    public static func teams<IDs: IDSource>(fromCSVFile url: URL, plan: Plan, ids: inout IDs,
                                            separator: CSVSeparator? = nil) throws(TeamCSVImportError) -> [Team]
    {
        let text = try text(ofFile: url)
        return try teams(fromCSV: text, file: url.path(percentEncoded: false), plan: plan, ids: &ids, separator: separator)
    }

    /// A CSV file read and checked row by row, before its rows meet the plan's teams.
    struct Sheet {
        var fields: Set<CSVField>
        /// The header of each field's column, as written in the file.
        var headers: [CSVField: String]
        var rows: [CSVTeamRow]

        /// The column's header as written, or the field's own name.
        func header(_ field: CSVField, or name: String) -> String { headers[field] ?? name }
    }

    /// Reads the rows of `text`; throws with every bad header and cell.
    static func read(_ text: String, file: String, plan: Plan, separator given: CSVSeparator?,
                     updating: Bool) throws(TeamCSVImportError) -> Sheet
    {
        func refuse(_ reason: TeamCSVImportError.Reason, _ problems: [CSVProblem] = []) -> TeamCSVImportError {
            TeamCSVImportError(file: file, reason: reason, problems: problems)
        }
        let text = text.first == "\u{FEFF}" ? String(text.dropFirst()) : text
        let separator = given ?? CSVSeparator.detect(in: text, plan: plan)
        let columns = CSVColumns(plan: plan)
        // A header that holds another separator says so even when the rows do not parse.
        let headerLine = CSVSeparator.headerLine(of: text)
        let early = columns.map(header: CSVSeparator.split(headerLine.text, by: separator.character),
                                line: headerLine.line, separator: separator)
        if early.wrongSeparator { throw refuse(.badHeader, early.problems) }
        let rows = try parse(text, delimiter: separator.character, file: file)
        guard let header = rows.first(where: { !isBlank($0.cells) }) else { throw refuse(.empty) }
        let mapping = columns.map(header: header.cells, line: header.line, separator: separator)
        if !mapping.problems.isEmpty { throw refuse(.badHeader, mapping.problems) }
        let body = rows.filter { $0.line > header.line && !isBlank($0.cells) }
        guard !body.isEmpty else { throw refuse(.noRows) }

        var reader = CSVRowReader(plan: plan, fields: mapping.fields, headers: header.cells.map { $0.trimmingWhitespace() },
                                  updating: updating)
        var read: [CSVTeamRow] = []
        for row in body {
            if let team = reader.read(row.cells, line: row.line) { read.append(team) }
        }
        if !reader.problems.isEmpty { throw refuse(.badRows, reader.problems) }
        var headers: [CSVField: String] = [:]
        for (field, text) in zip(mapping.fields, header.cells) {
            if let field, headers[field] == nil { headers[field] = text.trimmingWhitespace() }
        }
        return Sheet(fields: Set(headers.keys), headers: headers, rows: read)
    }

    /// Gives `teams` fresh ids, none already in `plan`.
    static func newIDs<IDs: IDSource>(for teams: inout [Team], plan: Plan, ids: inout IDs) {
        var taken = Set(plan.teams.map(\.id.raw))
        for index in teams.indices {
            var id = ids.next("team")
            while taken.contains(id) { id = ids.next("team") }
            taken.insert(id)
            teams[index].id = TeamID(id)
        }
    }

    /// The headers accepted for `plan`, in the order they are listed in messages.
    public static func acceptedHeaders(for plan: Plan) -> [String] { CSVColumns(plan: plan).accepted }

    /// The rows of `text` with the line each starts on (fields may hold quoted line breaks).
    static func parse(_ text: String, delimiter: Character, file: String) throws(TeamCSVImportError)
        -> [(line: Int, cells: [String])]
    {
        let csvDelimiter: CSVDelimiter =
            switch delimiter {
            case ",": .comma
            case ";": .semicolon
            case "\t": .tab
            default: .character(delimiter)
            }
        var rows: [(line: Int, cells: [String])] = []
        var line = 1
        do {
            let csv = try EnumeratedCSV(string: text, delimiter: csvDelimiter, loadColumns: false, rowLimit: 0)
            try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { cells in
                rows.append((line, cells))
                line += 1 + cells.reduce(0) { $0 + $1.reduce(0) { $0 + ($1.isNewline ? 1 : 0) } }
            }
        } catch {
            let detail: String
            switch error as? CSVParseError {
            case .quotation(let message)?, .generic(let message)?: detail = message
            case nil: detail = String(describing: error)
            }
            let problem = CSVProblem(
                line: line,
                text: "not valid CSV (\(detail)); a field holding quotes must itself be quoted, "
                    + "with its quotes doubled: \"a \"\"quoted\"\" word\"")
            throw TeamCSVImportError(file: file, reason: line == 1 ? .badHeader : .badRows, problems: [problem])
        }
        return rows
    }

    static func isBlank(_ cells: [String]) -> Bool { cells.allSatisfy { $0.trimmingWhitespace().isEmpty } }
}

/// What a CSV column holds.
enum CSVField: Hashable {
    case id, name, area, stage, tags, notes, status, reason
    /// An index into `Roles.fields`.
    case role(Int)
    /// A rated criterion's key.
    case rating(CriterionKey)
}

/// The columns a CSV may have for a plan, by normalised header.
struct CSVColumns {
    var byHeader: [String: CSVField] = [:]
    var accepted: [String] = []
    var criterionNames: [CriterionKey: String] = [:]

    static func normalise(_ header: String) -> String {
        header.trimmingWhitespace().lowercased().filter { !" -_\t\u{00A0}".contains($0) }
    }

    init(plan: Plan) {
        func add(_ field: CSVField, _ shown: String, _ aliases: [String] = []) {
            accepted.append(shown)
            for alias in [shown] + aliases where byHeader[CSVColumns.normalise(alias)] == nil {
                byHeader[CSVColumns.normalise(alias)] = field
            }
        }
        add(.id, "id", ["team id"])
        add(.name, "name", ["team", "team name"])
        add(.area, "area", ["domain", "department"])
        add(.stage, "stage", ["lifecycle", "lifecycle stage"])
        let roleAliases: [String: [String]] = [
            "product": ["pm", "pms", "product manager", "product managers"],
            "design": ["designer", "designers", "ux"],
            "engineering": ["engineer", "engineers", "developers"],
            "data": ["data science"],
            "marketing": ["product marketing"],
            "other": ["others"],
        ]
        for (index, field) in Roles.fields.enumerated() { add(.role(index), field.name, roleAliases[field.name] ?? []) }
        let builtInAliases: [CriterionKey: [String]] = [
            Criterion.learningAppetite: ["learning"], Criterion.customerAccess: ["customers"],
        ]
        for criterion in plan.criteria where criterion.source == .rated {
            criterionNames[criterion.id] = criterion.name.lowercased()
            add(.rating(criterion.id), criterion.name.lowercased(), [criterion.id] + (builtInAliases[criterion.id] ?? []))
        }
        add(.tags, "tags", ["tag", "labels"])
        add(.notes, "notes", ["note", "comments"])
        add(.status, "status")
        add(.reason, "reason", ["out of scope reason"])
    }

    /// The field of each column (`nil` for a blank header), or the header's problems. An unknown
    /// header that holds another separator (`Team name;Area;PM`) says which `--delimiter` to use.
    func map(header: [String], line: Int, separator: CSVSeparator)
        -> (fields: [CSVField?], problems: [CSVProblem], wrongSeparator: Bool)
    {
        var fields: [CSVField?] = []
        var problems: [CSVProblem] = []
        var unknown: [String] = []
        var seen: [CSVField: (column: Int, header: String)] = [:]
        for (column, raw) in header.enumerated() {
            let text = raw.trimmingWhitespace()
            guard !text.isEmpty else {
                fields.append(nil)
                continue
            }
            guard let field = byHeader[CSVColumns.normalise(text)] else {
                unknown.append(text)
                fields.append(nil)
                continue
            }
            if let first = seen[field] {
                problems.append(CSVProblem(
                    line: line, text: "columns \(first.column + 1) (\(Words.value(first.header))) and \(column + 1) "
                        + "(\(Words.value(text))) are the same column; keep one"))
            } else {
                seen[field] = (column, text)
            }
            fields.append(field)
        }
        let named = "unknown \(unknown.count == 1 ? "column" : "columns") "
            + unknown.map { "\"\(CSVColumns.brief($0))\"" }.joined(separator: ", ")
        if seen.isEmpty, let first = unknown.first, let other = separator.likelySeparator(in: first) {
            // The whole header was read as one or a few columns: the file uses another separator.
            problems.insert(CSVProblem(
                line: line, text: "\(named); the header row looks \(CSVSeparator.name(of: other))-separated, but was "
                    + "read as \(separator); use \(CSVSeparator.option(for: other))"), at: 0)
            return (fields, problems, true)
        }
        if !unknown.isEmpty {
            var hint = ""
            if seen.isEmpty, header.filter({ !$0.trimmingWhitespace().isEmpty }).count == 1 {
                hint = "; the header row was read as one column (\(separator)): if the file uses another separator, "
                    + "give it with --delimiter"
            }
            problems.insert(CSVProblem(
                line: line, text: "\(named); accepted headers: \(accepted.joined(separator: ", ")) (any case; spaces, "
                    + "dashes and underscores are ignored)" + hint), at: 0)
        }
        if seen[.name] == nil {
            problems.append(CSVProblem(line: line, text: "no name column; every team needs a name"))
        }
        return (fields, problems, false)
    }

    /// A header as quoted in messages: at most 30 characters, tabs shown as `⇥`.
    static func brief(_ header: String) -> String {
        let shown = String(header.map { $0 == "\t" ? "⇥" : $0 })
        return shown.count <= 30 ? shown : String(shown.prefix(29)) + "…"
    }
}
