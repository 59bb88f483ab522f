import PilotwaveCore

/// One thing wrong with a plan file: where (JSON path, line and column) and what.
public struct PlanProblem: Sendable, Hashable, CustomStringConvertible {
    /// The value concerned, e.g. `teams[3].stage`; the root path for the file as a whole.
    public var path: JSONPath
    /// What was expected and what was found, e.g. `expected a number, found a string`.
    public var text: String
    /// Where the value starts in the file, when known. For a missing key, the object that lacks it.
    public var position: TextPosition?

    /// A problem at `path`; `position` is usually filled in later by the loader.
    public init(path: JSONPath, text: String, position: TextPosition? = nil) {
        self.path = path
        self.text = text
        self.position = position
    }

    /// `teams[3].stage: expected one of …`, or just the text for the root path.
    /// Never longer than ``longestText`` characters, however long the values in the file.
    public var description: String {
        Words.clip(path.isRoot ? text : "\(path): \(text)", max: PlanProblem.longestText)
    }

    /// The most characters of one problem's ``description``; values in it are already quoted short
    /// (``Words/value(_:max:)``), so this only guards against a message that forgot to.
    public static let longestText = 400

    /// `FILE:LINE:COLUMN: path: text` (or `FILE: path: text` without a position), the form compilers
    /// use, so editors can jump to it.
    public func line(file: String) -> String {
        if let position { return "\(file):\(position): \(description)" }
        return "\(file): \(description)"
    }
}

/// A plan file could not be loaded. Its ``message`` starts with the file's path and says where and
/// what is wrong; the file itself is never changed by a failed load.
public struct PlanLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the load failed.
    public enum Reason: Sendable, Hashable {
        /// There is no file at the path.
        case notFound
        /// The path names a folder, not a file.
        case isFolder
        /// The file exists but this user may not read it.
        case noPermission
        /// The file exists but could not be read; the system's words (`Input/output error`).
        case unreadable(String)
        /// The file has 0 bytes.
        case empty
        /// The file is not well-formed JSON (one problem, with the position of the first bad character).
        case malformedJSON
        /// Well-formed JSON, but a value has the wrong type, a required key is missing or an enum
        /// value is unknown (one problem).
        case wrongContent
        /// The top-level object has no `schemaVersion`.
        case missingSchemaVersion
        /// Written by a newer pilotwave: the file's version and the newest this build reads.
        case newerSchema(found: Int, supported: Int)
        /// `schemaVersion` is 0 or negative.
        case unsupportedSchema(Int)
        /// An older file could not be upgraded.
        case migrationFailed
        /// Decoded, but the plan breaks its rules (duplicate ids, dangling references, values out
        /// of range…): every problem found, in ``problems``.
        case invalid
    }

    /// How many problems the message lists before `and N more`.
    public static let shownProblems = 20

    /// The file's path as given to the loader.
    public var file: String
    /// Why the load failed.
    public var reason: Reason
    /// Every problem found (validation finds them all); the first ``shownProblems`` have positions.
    public var problems: [PlanProblem]

    /// A load error for `file`.
    public init(file: String, reason: Reason, problems: [PlanProblem] = []) {
        self.file = file
        self.reason = reason
        self.problems = problems
    }

    /// The message for the user, starting with the file's path. For ``Reason/invalid`` it is one
    /// line per problem (`FILE:LINE:COL: path: text`) after a summary line, at most
    /// ``shownProblems`` of them, then `FILE: and N more problems`.
    public var message: String {
        switch reason {
        case .notFound:
            return "\(file): cannot open: No such file or directory"
        case .isFolder:
            return "\(file): is a folder, not a plan file; give the path of a plan file (FILE.json) in it"
        case .noPermission:
            return "\(file): cannot read: permission denied. Ask the file's owner for read access (see ls -l \(file))"
        case .unreadable(let why):
            return "\(file): cannot read: \(why)"
        case .empty:
            return "\(file): is empty (0 bytes); expected a pilotwave plan, a JSON object"
        case .newerSchema(let found, let supported):
            return "\(file): written by a newer pilotwave (schemaVersion \(found); this build reads up to "
                + "\(supported)). Upgrade pilotwave; the file was not changed."
        case .migrationFailed:
            return "\(file): \(problems.first?.text ?? "cannot upgrade"); the file was not changed."
        case .malformedJSON, .wrongContent, .missingSchemaVersion, .unsupportedSchema:
            guard let problem = problems.first else { return "\(file): cannot be read as a pilotwave plan" }
            return problem.line(file: file)
        case .invalid:
            let count = problems.count
            var lines = ["\(file): \(count) \(count == 1 ? "problem" : "problems"); the file was not changed:"]
            lines += problems.prefix(PlanLoadError.shownProblems).map { $0.line(file: file) }
            if count > PlanLoadError.shownProblems {
                let more = count - PlanLoadError.shownProblems
                lines.append("\(file): and \(more) more \(more == 1 ? "problem" : "problems")")
            }
            return lines.joined(separator: "\n")
        }
    }

    /// The same as ``message``.
    public var description: String { message }
}
