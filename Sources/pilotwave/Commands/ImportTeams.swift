import ArgumentParser
import Foundation
import PilotwaveCore
import PilotwaveStorage

struct ImportTeams: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-teams",
        abstract: "Add teams to a plan from a CSV file (a spreadsheet export), or update them from it; all or nothing.",
        discussion: """
            The first row names the columns; case, spaces, dashes and underscores are ignored. \
            Columns: id, name (required), area, stage (explore, invest, sustain, retire), product, design, \
            engineering, data, marketing, other (people counts), familiarity, learning appetite, customer \
            access and any other rated criterion by name (ratings 1-5, empty = unrated), tags (separated by ;), \
            notes, status (candidate or out of scope), reason (required for out of scope).

            The separator (comma, semicolon or tab) is detected from the header row unless --delimiter \
            gives it. Any bad header or cell is reported with its line and column, and nothing is changed.

            With --update, rows are matched to the plan's teams by the id column when there is one (by name \
            where an id is empty), else by name ignoring case. A matched team takes the value of every \
            column in the file (an empty cell as for a new team); columns the file lacks are left alone; an \
            empty status keeps the team's status. Rows that match no team are added. Teams not in the file \
            are listed and kept, unless --remove-missing (refused for a team with history in the plan: in a \
            wave or scenario, with readiness ratings, resistance notes, votes, blockers it surfaced or teams \
            depending on it). The changes are listed as field: old → new; --dry-run lists them without saving.

            The plan is saved atomically; its previous version is kept as FILE.bak.
            """)

    @Argument(help: "The plan file (JSON) to add the teams to or update.")
    var file: String

    @Argument(help: "The CSV file with one team per row.")
    var csv: String

    @Option(help: ArgumentHelp(
        "The field separator: one character, or comma, semicolon, tab, pipe (default: detected from the header row).",
        valueName: "separator"))
    var delimiter: String?

    @Flag(help: "Update the plan's teams from the file (matched by id, else by name) and add the new ones.")
    var update = false

    @Flag(name: .customLong("remove-missing"), help: "With --update: also remove the teams the file does not list.")
    var removeMissing = false

    @Flag(name: .customLong("dry-run"), help: "Check the file and list what would change, without saving.")
    var dryRun = false

    func run() throws {
        try guarded {
            var separator: CSVSeparator?
            if let delimiter {
                guard let given = CSVSeparator(option: delimiter) else {
                    throw CLIFailure("--delimiter: expected one character, or comma, semicolon, tab; found \(Words.value(delimiter))")
                }
                separator = given
            }
            guard update || !removeMissing else { throw CLIFailure("--remove-missing works only with --update") }
            let lock = dryRun ? nil : try PlanFile.acquireLock(file)
            defer { lock?.release() }
            let loaded = try PlanFile.load(file)
            let text = try csvText()
            let used = separator ?? CSVSeparator.detect(in: text, plan: loaded.plan)
            if used.detected { Console.out("Reading \(csv) as \(used).") }
            if update {
                try runUpdate(text, separator: used, loaded: loaded)
            } else {
                try runAdd(text, separator: used, loaded: loaded)
            }
        }
    }

    func csvText() throws(CLIFailure) -> String {
        do throws(TeamCSVImportError) {
            return try TeamCSVImport.text(ofFile: fileURL(csv))
        } catch {
            throw refusal(error)
        }
    }

    func refusal(_ error: TeamCSVImportError) -> CLIFailure {
        CLIFailure(error.message.replacingOccurrences(of: fileURL(csv).path(percentEncoded: false), with: csv)
            + "\nNothing was imported; \(file) is unchanged.")
    }

    func runAdd(_ text: String, separator: CSVSeparator, loaded: PlanFile.Loaded) throws {
        var plan = loaded.plan
        var ids = RandomIDs(SystemRandomNumberGenerator())
        let teams: [Team]
        do throws(TeamCSVImportError) {
            teams = try TeamCSVImport.teams(fromCSV: text, file: csv, plan: plan, ids: &ids, separator: separator)
        } catch {
            throw refusal(error)
        }
        if dryRun {
            Console.out("\(csv): \(Words.count(teams.count, "team")) would be added to \(file) (dry run, nothing saved):")
            for team in teams { Console.out("  \(team.name)\(team.area.isEmpty ? "" : " — \(team.area)")") }
            return
        }
        try PlanEdit.importTeams(teams).apply(to: &plan)
        _ = try PlanFile.save(plan, to: file, expecting: loaded.stamp)
        Console.out("Imported \(Words.count(teams.count, "team")) into \(file) (now \(plan.teams.count); previous version kept as \(file).bak).")
    }

    func runUpdate(_ text: String, separator: CSVSeparator, loaded: PlanFile.Loaded) throws {
        var plan = loaded.plan
        var ids = RandomIDs(SystemRandomNumberGenerator())
        let changes: TeamSheetUpdate
        do throws(TeamCSVImportError) {
            changes = try TeamCSVImport.update(fromCSV: text, file: csv, plan: plan, ids: &ids, separator: separator,
                                               removeMissing: removeMissing)
        } catch {
            throw refusal(error)
        }
        for line in ImportTeams.describe(changes, csv: csv) { Console.out(line) }
        guard let edit = changes.edit else {
            Console.out("Nothing to change; \(file) is unchanged.")
            return
        }
        if dryRun {
            Console.out("Dry run: nothing saved; \(file) is unchanged.")
            return
        }
        try edit.apply(to: &plan)
        _ = try PlanFile.save(plan, to: file, expecting: loaded.stamp)
        Console.out("Updated \(file): \(ImportTeams.tally(changes)) (now \(Words.count(plan.teams.count, "team")); "
            + "previous version kept as \(file).bak).")
    }

    /// `2 added, 1 changed, 1 removed`.
    static func tally(_ changes: TeamSheetUpdate) -> String {
        var parts = ["\(changes.added.count) added", "\(changes.changed.count) changed"]
        if changes.removesMissing { parts.append("\(changes.missing.count) removed") }
        return parts.joined(separator: ", ")
    }

    /// The changes in plain words, one team or field a line.
    static func describe(_ changes: TeamSheetUpdate, csv: String) -> [String] {
        let by = changes.matching == .id ? "by id (by name where the id is empty)" : "by name"
        var lines = ["\(csv): teams matched \(by): \(changes.added.count) added, \(changes.changed.count) changed, "
            + "\(changes.unchanged.count) unchanged, \(changes.missing.count) not in the file."]
        for team in changes.added {
            lines.append("  added: \(team.name)\(team.area.isEmpty ? "" : " — \(team.area)")")
        }
        for change in changes.changed {
            lines.append("  changed: \(change.old.name)")
            for field in change.fields { lines.append("    \(field)") }
        }
        if !changes.missing.isEmpty {
            let names = changes.missing.map(\.name).joined(separator: ", ")
            lines.append(changes.removesMissing
                ? "  removed (not in the file): \(names)"
                : "  not in the file, kept (--remove-missing removes them): \(names)")
        }
        return lines
    }
}
