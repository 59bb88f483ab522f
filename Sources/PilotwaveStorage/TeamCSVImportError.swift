/// One thing wrong with a CSV file being imported: `line 7, column familiarity: expected …`.
public struct CSVProblem: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line in the file where the row starts; `nil` for the file as a whole.
    public var line: Int?
    /// The column's header as written in the file, when the problem is in one cell.
    public var column: String?
    /// What was expected and what was found.
    public var text: String

    /// A problem at `line` and `column`.
    public init(line: Int?, column: String? = nil, text: String) {
        self.line = line
        self.column = column
        self.text = text
    }

    /// `line 7, column familiarity: text`, `line 7: text` or just `text`.
    public var description: String {
        switch (line, column) {
        case let (line?, column?): "line \(line), column \(column): \(text)"
        case let (line?, nil): "line \(line): \(text)"
        case let (nil, column?): "column \(column): \(text)"
        case (nil, nil): text
        }
    }
}

/// A CSV import was refused; nothing was imported. The message starts with the file's path and
/// lists every problem (up to ``shownProblems``), one per line.
public struct TeamCSVImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the import was refused.
    public enum Reason: Sendable, Hashable {
        /// The file could not be read; the system's words.
        case unreadable(String)
        /// The file is not UTF-8 text.
        case notUTF8
        /// The file is empty or only blank lines.
        case empty
        /// The file has a header row but no team rows.
        case noRows
        /// The header row is wrong: unknown or repeated columns, no name column, bad quoting.
        case badHeader
        /// One or more rows are wrong (every one is listed).
        case badRows
    }

    /// How many problems the message lists before `and N more`.
    public static let shownProblems = 20

    /// The CSV file's path (or the name given for pasted text).
    public var file: String
    /// Why the import was refused.
    public var reason: Reason
    /// Every problem found.
    public var problems: [CSVProblem]

    /// An import error for `file`.
    public init(file: String, reason: Reason, problems: [CSVProblem] = []) {
        self.file = file
        self.reason = reason
        self.problems = problems
    }

    /// The message for the user.
    public var message: String {
        switch reason {
        case .unreadable(let why):
            return "\(file): cannot read: \(why)"
        case .notUTF8:
            return "\(file): is not UTF-8 text; save it as \"CSV UTF-8\" and import it again"
        case .empty:
            return "\(file): is empty; expected a header row naming the columns, e.g. name,area,stage,product,design,engineering"
        case .noRows:
            return "\(file): has a header row but no teams"
        case .badHeader, .badRows:
            let count = problems.count
            var lines = ["\(file): \(count) \(count == 1 ? "problem" : "problems"); nothing was imported:"]
            lines += problems.prefix(TeamCSVImportError.shownProblems).map(\.description)
            if count > TeamCSVImportError.shownProblems {
                lines.append("and \(count - TeamCSVImportError.shownProblems) more")
            }
            return lines.joined(separator: "\n")
        }
    }

    /// The same as ``message``.
    public var description: String { message }
}
