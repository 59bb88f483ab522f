import ArgumentParser
import Foundation
import PilotwaveCore
import PilotwaveStorage

struct ImportTeams: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-teams",
        abstract: "Add candidate teams to a plan from a CSV file (a spreadsheet export), all or nothing.",
        discussion: """
            The first row names the columns (case, spaces, dashes and underscores ignored):
              name (required), area, stage (explore|invest|sustain|retire), product, design,
              engineering, data, marketing, other (people counts), familiarity, learning appetite,
              customer access (ratings 1-5, empty = unrated), any other rated criterion by name,
              tags (separated by ;), notes, status (candidate|out of scope), reason.
            Any bad header or cell is reported with its line and column, and nothing is imported.
            The plan is saved atomically; its previous version is kept as FILE.bak.
            """)

    @Argument(help: "The plan file (JSON) to add the teams to.")
    var file: String

    @Argument(help: "The CSV file with one team per row.")
    var csv: String

    @Option(help: "The field separator (one character), e.g. ';' for some spreadsheet exports.")
    var delimiter: String = ","

    @Flag(name: .customLong("dry-run"), help: "Check the CSV and list the teams it would add, without saving.")
    var dryRun = false

    func run() throws {
        try guarded {
            guard delimiter.count == 1, let separator = delimiter.first else {
                throw CLIFailure("--delimiter must be one character, not \(Words.value(delimiter))")
            }
            let lock = dryRun ? nil : try PlanFile.acquireLock(file)
            defer { lock?.release() }
            let loaded = try PlanFile.load(file)
            var plan = loaded.plan
            var ids = RandomIDs(SystemRandomNumberGenerator())
            let teams: [Team]
            do throws(TeamCSVImportError) {
                teams = try TeamCSVImport.teams(fromCSVFile: fileURL(csv), plan: plan, ids: &ids, delimiter: separator)
            } catch {
                throw CLIFailure(error.message.replacingOccurrences(of: fileURL(csv).path(percentEncoded: false), with: csv)
                    + "\nNothing was imported; \(file) is unchanged.")
            }
            if dryRun {
                Console.out("\(csv): \(teams.count) team\(teams.count == 1 ? "" : "s") would be added to \(file) (dry run, nothing saved):")
                for team in teams { Console.out("  \(team.name)\(team.area.isEmpty ? "" : " — \(team.area)")") }
                return
            }
            plan.teams.append(contentsOf: teams)
            _ = try PlanFile.save(plan, to: file, expecting: loaded.stamp)
            Console.out("Imported \(teams.count) team\(teams.count == 1 ? "" : "s") into \(file) (now \(plan.teams.count); previous version kept as \(file).bak).")
        }
    }
}
