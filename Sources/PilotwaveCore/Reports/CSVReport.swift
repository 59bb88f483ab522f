/// A report as CSV: one file per table (and one per facts block), for spreadsheets. RFC 4180:
/// comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or a line break
/// (quotes doubled). Numbers are written as numbers, cells without a value are empty. Each file starts with a UTF-8 byte order mark so that spreadsheet programs
/// read accents and CJK names as UTF-8.
public enum CSVReport {
    /// One CSV file.
    public struct File: Hashable, Sendable {
        /// `pilot-ranking.csv`.
        public var name: String
        public var text: String

        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// The files of `report`, in report order: `summary.csv` (facts as item, value), then a file
    /// per table named by its id. Empty tables still get a file with their header row.
    public static func files(_ report: Report) -> [File] {
        var files: [File] = []
        for section in report.sections {
            let facts = section.facts
            if !facts.isEmpty {
                files.append(File(name: section.id + ".csv",
                                  text: document([["item", "value"]] + facts.map { [$0.label, $0.value.value == .null ? "" : $0.value.text] })))
            }
            for table in section.tables {
                files.append(File(name: table.id + ".csv",
                                  text: document([table.columns.map { $0.valueTitle ?? $0.title }] + table.rows.map { $0.map(cell) })))
            }
        }
        return files
    }

    /// What a spreadsheet gets for a table cell: a number as a number ("249", not "249 days"; "3",
    /// not "3 ↑"), nothing for "no value" (the "—", "no owner" and "unrated" the other formats
    /// show) so that empty means empty when filtering, else the text.
    public static func cell(_ cell: ReportCell) -> String {
        switch cell.value {
        case .null, .list([]): ""
        case .int(let n): String(n)
        default: cell.text
        }
    }

    public static let byteOrderMark = "\u{FEFF}"

    /// Records as one CSV document, each line ending in CRLF.
    public static func document(_ records: [[String]]) -> String {
        byteOrderMark + records.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field, quoted when needed.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        var out = "\""
        for ch in text {
            if ch == "\"" { out += "\"\"" } else { out.append(ch) }
        }
        return out + "\""
    }
}
