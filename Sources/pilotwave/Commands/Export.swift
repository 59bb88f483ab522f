import ArgumentParser
import Foundation
import PilotwaveCore
import PilotwaveStorage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a report on a plan: Markdown, HTML, CSV or JSON.",
        discussion: """
            The report has a summary; the pilot selection (candidates ranked by score, with votes once \
            revealed and hard flags; the weights; the chosen pilots and their outcomes); the readiness \
            matrix of the organisation and the pilots, with trends and evidence; open resistance with \
            owners and follow-ups; the wave plan (dates, teams, coach load, entry gates); the plan checks \
            with their guidance; blockers; the decision log; actions.

            Formats: markdown reads as plain text pasted into an email and renders in a wiki; html is one \
            self-contained page (no scripts, nothing loaded from elsewhere) that prints cleanly; csv is one \
            file per table, for spreadsheets (UTF-8 with a byte order mark, RFC 4180 quoting); json is the \
            report's sections and tables as data (not a copy of the plan).

            Where it goes: without --output the report is printed on standard output (not csv). With \
            --output FILE it is written to FILE. For csv, --output names a FOLDER (created if missing) that \
            receives one file per table — summary.csv, pilot-ranking.csv, readiness-matrix.csv, … — and \
            the files written are listed. Its teams.csv holds every team with its id in the columns \
            import-teams reads: edit it in a spreadsheet and bring it back with import-teams --update. Files are written atomically; an existing file is never replaced \
            without --force. The plan file is only read.

            --workshop ID puts that workshop first (agenda with the time planned and used, parking lot) and \
            limits the decision log and the actions to it; decisions that name no workshop count when taken \
            on the workshop's day. An unknown ID is refused with the list of the plan's workshops.

            Exit 0 when the report is written or printed; 2 when the plan cannot be read, an output file \
            exists (without --force) or cannot be written, the workshop is unknown, or a value is refused.
            """)

    @Argument(help: "The plan file (JSON); only read.")
    var file: String

    @Option(help: ArgumentHelp(
        "markdown, html, csv or json.",
        discussion: "Default: from the --output name (.md, .html, .json, .csv; an existing folder or a name ending in / is csv), else markdown."))
    var format: String?

    @Option(name: [.short, .long], help: ArgumentHelp(
        "Write to this file (for csv: this folder) instead of standard output.", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("Report on this workshop: its session first, its decisions and actions only.", valueName: "id"))
    var workshop: String?

    @Option(help: "Report as of this day (YYYY-MM-DD) instead of today: overdue follow-ups and actions, plan checks.")
    var today: String?

    @Flag(help: "Replace output files that already exist.")
    var force = false

    enum Format: String, CaseIterable {
        case markdown, html, csv, json

        init?(loose text: String) {
            switch text.lowercased() {
            case "markdown", "md": self = .markdown
            case "html", "htm": self = .html
            case "csv": self = .csv
            case "json": self = .json
            default: return nil
            }
        }

        var label: String {
            switch self {
            case .markdown: "Markdown"
            case .html: "HTML"
            case .csv: "CSV"
            case .json: "JSON"
            }
        }
    }

    func run() throws {
        try guarded {
            let format = try resolvedFormat()
            let day = try parseDay(today, option: "--today") ?? Day(Date())
            let plan = try PlanFile.load(file).plan
            let report: Report
            do throws(ReportError) {
                report = try Report.build(plan, today: day, workshop: workshop.map { WorkshopID($0) })
            } catch {
                throw CLIFailure("--workshop: " + error.message)
            }
            switch format {
            case .csv:
                guard let output else {
                    throw CLIFailure("csv writes one file per table: give a folder with --output, e.g. --output report-csv")
                }
                // teams.csv: the plan's teams in the columns import-teams reads, ids first, so an edited
                // copy goes back with `import-teams --update` matched by id.
                let sheet = CSVReport.File(name: "teams.csv", text: TeamCSVImport.sheet(of: plan))
                try writeCSV(CSVReport.files(report) + [sheet], folder: output)
            case .markdown, .html, .json:
                let text = ReportFile.render(report, format)
                guard let output else {
                    FileHandle.standardOutput.write(Data(text.utf8))
                    return
                }
                let bytes = try ReportFile.writeReport(text, format: format, to: output, plan: file, replace: force)
                Console.out("Wrote \(output) (\(format.label), \(formatBytes(bytes))).")
            }
        }
    }

    func resolvedFormat() throws(CLIFailure) -> Format {
        if let format {
            guard let f = Format(loose: format) else {
                throw CLIFailure("--format: expected one of markdown, html, csv, json; found \(Words.value(format))")
            }
            return f
        }
        guard let output else { return .markdown }
        switch fileURL(output).pathExtension.lowercased() {
        case "md", "markdown": return .markdown
        case "html", "htm": return .html
        case "json": return .json
        case "csv": return .csv
        default: return ReportFile.isFolder(output) || output.hasSuffix("/") ? .csv : .markdown
        }
    }

    func writeCSV(_ files: [CSVReport.File], folder: String) throws(CLIFailure) {
        let (paths, total) = try ReportFile.writeCSV(files, folder: folder, plan: file, replace: force)
        Console.out("Wrote \(Words.count(files.count, "CSV file")) to \(folder) (\(formatBytes(total))):")
        for path in paths { Console.out("  \(path)") }
    }
}

/// Writing a report file atomically: the text goes to a temporary file beside the target, is synced,
/// then takes the target's name in one step (a hard link for a new file, so one that appeared
/// meanwhile is not replaced; a rename when replacing). A failure leaves no partial file.
enum ReportFile {
    /// The report as text in `format` (CSV has ``writeCSV(_:folder:plan:replace:)``).
    static func render(_ report: Report, _ format: Export.Format) -> String {
        switch format {
        case .markdown: MarkdownReport.render(report)
        case .html: HTMLReport.render(report)
        case .csv, .json: JSONReport.render(report)
        }
    }

    /// Writes a Markdown, HTML or JSON report to `path`: never over `plan` (the file it was made
    /// from), never over a folder, over an existing file only with `replace`. Returns the bytes.
    @discardableResult
    static func writeReport(_ text: String, format: Export.Format, to path: String, plan: String?,
                            replace: Bool) throws(CLIFailure) -> Int {
        try refuse(path, ifItIs: plan)
        if isFolder(path) { throw CLIFailure("\(path) is a folder; give a file name for the \(format.label) report") }
        if exists(path) && !replace {
            throw CLIFailure("\(path) already exists; not overwritten. Pass --force to replace it.")
        }
        return try write(text, to: path, replace: replace)
    }

    /// Writes one CSV file per table into `folder` (made if missing), with the same refusals.
    /// Returns the paths written and their bytes in all.
    static func writeCSV(_ files: [CSVReport.File], folder: String, plan: String?,
                         replace: Bool) throws(CLIFailure) -> (paths: [String], bytes: Int) {
        if exists(folder) && !isFolder(folder) {
            throw CLIFailure("\(folder) is a file; csv writes one file per table into a folder: give a folder name")
        }
        let paths = files.map { (folder.hasSuffix("/") ? folder : folder + "/") + $0.name }
        for path in paths { try refuse(path, ifItIs: plan) }
        let existing = paths.filter(exists)
        if !existing.isEmpty && !replace {
            let names = existing.map { fileURL($0).lastPathComponent }
            throw CLIFailure("\(folder) already holds \(Words.short(names, limit: 4)); not overwritten. "
                + "Pass --force to replace \(existing.count == 1 ? "it" : "them").")
        }
        do {
            try FileManager.default.createDirectory(at: fileURL(folder), withIntermediateDirectories: true)
        } catch {
            throw CLIFailure("cannot create the folder \(folder): \(error.localizedDescription)")
        }
        var total = 0
        for (file, path) in zip(files, paths) { total += try write(file.text, to: path, replace: replace) }
        return (paths, total)
    }

    /// The report never goes over the plan it was made from.
    static func refuse(_ path: String, ifItIs plan: String?) throws(CLIFailure) {
        guard let plan else { return }
        let a = fileURL(path).resolvingSymlinksInPath().standardizedFileURL.path
        let b = fileURL(plan).resolvingSymlinksInPath().standardizedFileURL.path
        if a == b { throw CLIFailure("\(path) is the plan file itself; export only reads the plan, so it does not write there") }
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(fileURL(path).path, &st) == 0
    }

    static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: fileURL(path).path, isDirectory: &folder) && folder.boolValue
    }

    @discardableResult
    static func write(_ text: String, to path: String, replace: Bool) throws(CLIFailure) -> Int {
        let url = fileURL(path)
        let target = url.path
        let folder = url.deletingLastPathComponent().path
        let temporary = (folder.hasSuffix("/") ? folder : folder + "/")
            + ".\(url.lastPathComponent).tmp-\(getpid())-" + String(UInt32.random(in: .min ... .max), radix: 16)
        func failure(_ step: String, _ code: Int32 = errno) -> CLIFailure {
            CLIFailure("cannot write \(path) (\(step)): " + String(cString: strerror(code)))
        }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("creating a temporary file") }
        defer { unlink(temporary) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in Foundation.write(fd, buffer.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                throw failure("writing", code)
            }
            offset += n
        }
        if fsync(fd) != 0 {
            let code = errno
            close(fd)
            throw failure("syncing to disk", code)
        }
        if close(fd) != 0 { throw failure("closing") }
        if replace {
            if rename(temporary, target) != 0 { throw failure("moving into place") }
        } else if link(temporary, target) != 0 {
            let code = errno
            if code == EEXIST { throw CLIFailure("\(path) already exists; not overwritten. Pass --force to replace it.") }
            guard code == EPERM || code == ENOTSUP || code == EXDEV else { throw failure("moving into place", code) }
            // A filesystem without hard links: rename (the file was checked to be absent just before).
            if rename(temporary, target) != 0 { throw failure("moving into place") }
        }
        return bytes.count
    }
}
