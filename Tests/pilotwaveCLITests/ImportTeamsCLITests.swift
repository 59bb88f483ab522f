import Foundation
import Testing

/// `pilotwave import-teams` as a user runs it with a spreadsheet they keep and re-export: the
/// separator their locale writes, the same sheet imported again after edits.
extension BinaryTests {
@Suite("import-teams", .serialized)
struct ImportTeamsCLITests {
    /// What a German-locale Excel writes: semicolons, CRLF, a quoted field holding a semicolon.
    static let sheet = "Team name;Area;PM;Designers;Engineers;Familiarity;Notes\r\n"
        + "Claims Core;Claims;1;1;4;3;\"Two sites; one backlog\"\r\n"
        + "Policy Admin;Policy;1;0;3;;\r\n"

    @Test func aSemicolonExportImportsWithoutBeingToldTheSeparator() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try cli.run("new", "plan.json")
        try cli.write("teams.csv", Self.sheet)
        let result = try cli.run("import-teams", "plan.json", "teams.csv")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            Reading teams.csv as semicolon-separated (detected from the header row).
            Imported 2 teams into plan.json (now 2; previous version kept as plan.json.bak).

            """)
        let rank = try cli.run("rank", "plan.json")
        #expect(rank.stdout.contains("Claims Core") && rank.stdout.contains("Policy Admin"))
    }

    @Test func theWrongSeparatorIsNamedWithTheOneToUse() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try cli.run("new", "plan.json")
        let before = try cli.read("plan.json")
        try cli.write("teams.csv", Self.sheet)
        let comma = try cli.run("import-teams", "plan.json", "teams.csv", "--delimiter", ",")
        #expect(comma.status == 2)
        #expect(comma.stderr == """
            pilotwave: teams.csv: 1 problem; nothing was imported:
            line 1: unknown column "Team name;Area;PM;Designers;E…"; the header row looks semicolon-separated, but \
            was read as comma-separated; use --delimiter ';'
            Nothing was imported; plan.json is unchanged.

            """)
        #expect(try cli.read("plan.json") == before)
        try cli.write("pipes.csv", "name|area\r\nClaims Core|Claims\r\n")
        let pipes = try cli.run("import-teams", "plan.json", "pipes.csv")
        #expect(pipes.status == 2)
        #expect(pipes.stderr.contains("the header row looks pipe-separated, but was read as comma-separated "
            + "(detected from the header row); use --delimiter '|'"), "\(pipes.stderr)")
        #expect(try cli.run("import-teams", "plan.json", "pipes.csv", "--delimiter", "pipe").status == 0)

        let bad = try cli.run("import-teams", "plan.json", "teams.csv", "--delimiter", ";;")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--delimiter: expected one character, or comma, semicolon, tab; found \";;\""))
        #expect(try cli.run("import-teams", "plan.json", "pipes.csv", "--remove-missing").stderr
            .contains("--remove-missing works only with --update"))
    }

    @Test func reimportingTheEditedSheetUpdatesOnlyWhatChanged() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try cli.run("new", "plan.json")
        try cli.write("teams.csv", Self.sheet)
        try cli.run("import-teams", "plan.json", "teams.csv")
        let imported = try cli.read("plan.json")

        // The same sheet again: without --update every row is refused, with a pointer to --update.
        let again = try cli.run("import-teams", "plan.json", "teams.csv")
        #expect(again.status == 2)
        #expect(again.stderr.contains("line 2, column Team name: a team named \"Claims Core\" is already in the plan ("))
        #expect(again.stderr.contains("to update the plan's teams from this file, use --update"))
        let same = try cli.run("import-teams", "plan.json", "teams.csv", "--update")
        #expect(same.status == 0)
        #expect(same.stdout.hasSuffix("""
            teams.csv: teams matched by name: 0 added, 0 changed, 2 unchanged, 0 not in the file.
            Nothing to change; plan.json is unchanged.

            """))
        #expect(try cli.read("plan.json") == imported)

        // The sheet edited: a team changed, one added, one dropped.
        try cli.write("teams.csv", "Team name;Area;PM;Designers;Engineers;Familiarity;Notes\r\n"
            + "Claims Core;Motor claims;1;1;5;4;\"Two sites; one backlog\"\r\n"
            + "Payments;Finance;1;1;3;;\r\n")
        let dry = try cli.run("import-teams", "plan.json", "teams.csv", "--update", "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout == """
            Reading teams.csv as semicolon-separated (detected from the header row).
            teams.csv: teams matched by name: 1 added, 1 changed, 0 unchanged, 1 not in the file.
              added: Payments — Finance
              changed: Claims Core
                area: "Claims" → "Motor claims"
                engineering: 4 → 5
                familiarity: 3 → 4
              not in the file, kept (--remove-missing removes them): Policy Admin
            Dry run: nothing saved; plan.json is unchanged.

            """)
        #expect(try cli.read("plan.json") == imported)

        let update = try cli.run("import-teams", "plan.json", "teams.csv", "--update")
        #expect(update.status == 0)
        #expect(update.stdout.hasSuffix(
            "Updated plan.json: 1 added, 1 changed (now 3 teams; previous version kept as plan.json.bak).\n"))
        #expect(try cli.read("plan.json.bak") == imported)
        let rank = try cli.run("rank", "plan.json")
        #expect(rank.stdout.contains("Motor claims") && rank.stdout.contains("Payments") && rank.stdout.contains("Policy Admin"))

        let removing = try cli.run("import-teams", "plan.json", "teams.csv", "--update", "--remove-missing")
        #expect(removing.status == 0)
        #expect(removing.stdout.contains("  removed (not in the file): Policy Admin\n"))
        #expect(removing.stdout.contains("Updated plan.json: 0 added, 0 changed, 1 removed (now 2 teams;"))
    }

    @Test func teamsWithHistoryAreNotRemovedAndNothingIsSaved() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try cli.run("demo", "--save-as", "demo.json")
        let before = try cli.read("demo.json")
        try cli.write("few.csv", "name\nClaims Intake\n")
        let result = try cli.run("import-teams", "demo.json", "few.csv", "--update", "--remove-missing")
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not in the sheet, but is not removed: it is in wave \""), "\(result.stderr)")
        #expect(result.stderr.contains("Nothing was imported; demo.json is unchanged."))
        #expect(try cli.read("demo.json") == before)
    }

    @Test func helpDescribesEveryOptionAndColumn() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let help = try cli.run("import-teams", "--help")
        #expect(help.status == 0)
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for option in ["--delimiter <separator>", "--update", "--remove-missing", "--dry-run"] {
            #expect(text.contains(option), "\(option) in: \(help.stdout)")
        }
        for column in ["id,", "name (required)", "area", "stage (explore, invest, sustain, retire)", "product", "design",
                       "engineering", "data", "marketing", "other (people counts)", "familiarity", "learning appetite",
                       "customer access", "any other rated criterion by name", "tags (separated by ;)", "notes",
                       "status (candidate or out of scope)", "reason"] {
            #expect(text.contains(column), "\(column) in: \(help.stdout)")
        }
        for sentence in ["detected from the header row unless --delimiter gives it",
                         "matched to the plan's teams by the id column", "Teams not in the file are listed and kept",
                         "previous version is kept as FILE.bak"] {
            #expect(text.contains(sentence), "\(sentence) in: \(help.stdout)")
        }
    }

    /// The spreadsheet round trip: `export --format csv` writes teams.csv with ids; unchanged it updates
    /// nothing; a team renamed in the sheet is matched by its id and renamed, not added.
    @Test func exportedTeamsSheetComesBackByID() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try cli.run("demo", "--save-as", "plan.json", "--today", "2026-03-09")
        let export = try cli.run("export", "plan.json", "--format", "csv", "-o", "tables")
        #expect(export.status == 0, "\(export.stderr)")
        let same = try cli.run("import-teams", "plan.json", "tables/teams.csv", "--update")
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("teams matched by id (by name where the id is empty): 0 added, 0 changed, 24 unchanged, 0 not in the file."), "\(same.stdout)")
        let sheet = String(decoding: try cli.read("tables/teams.csv"), as: UTF8.self)
        #expect(sheet.hasPrefix("\u{FEFF}id,name,area,stage,"))
        try cli.write("tables/teams.csv", sheet.replacingOccurrences(of: ",Broker Hub,", with: ",Broker Portal,"))
        let renamed = try cli.run("import-teams", "plan.json", "tables/teams.csv", "--update")
        #expect(renamed.status == 0, "\(renamed.stderr)")
        #expect(renamed.stdout.contains("0 added, 1 changed, 23 unchanged"), "\(renamed.stdout)")
        #expect(renamed.stdout.contains("name: \"Broker Hub\" → \"Broker Portal\""), "\(renamed.stdout)")
        let plan = String(decoding: try cli.read("plan.json"), as: UTF8.self)
        #expect(plan.contains("\"Broker Portal\"") && !plan.contains("\"Broker Hub\""))
    }
}
}
