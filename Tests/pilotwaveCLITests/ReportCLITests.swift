import Foundation
import Testing

/// `pilotwave export` and `pilotwave diff` through the real binary.
extension BinaryTests {
@Suite("Export and diff", .serialized)
struct ReportCLITests {
    /// The report goldens of the core tests: the command prints exactly what they hold.
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PilotwaveCoreTests/ReportGoldens")

    func demo(_ cli: CLIRunner) throws -> Data {
        let saved = try cli.run("demo", "--save-as", "demo.json", "--today", "2026-03-09")
        #expect(saved.status == 0)
        return try cli.read("demo.json")
    }

    func files(_ cli: CLIRunner, _ folder: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cli.path(folder)).sorted()
    }

    @Test func helpListsExportAndDiff() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let help = try cli.run("--help")
        #expect(help.stdout.contains("export") && help.stdout.contains("diff"))
        let export = try cli.run("export", "--help")
        #expect(export.status == 0)
        for words in ["--format", "--output", "--workshop", "--today", "--force", "FOLDER", "summary.csv", "only read"] {
            #expect(export.stdout.contains(words), "export --help should say \(words)")
        }
        let diff = try cli.run("diff", "--help")
        #expect(diff.stdout.contains("--exit-code") && diff.stdout.contains("No changes."))
    }

    @Test func exportPrintsTheReportAndWritesEachFormat() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let plan = try demo(cli)

        let printed = try cli.run("export", "demo.json", "--today", "2026-03-09")
        #expect(printed.status == 0, "\(printed.stderr)")
        let golden = try String(contentsOf: Self.goldens.appendingPathComponent("demo.md"), encoding: .utf8)
        #expect(printed.stdout == golden, "stdout is the Markdown report, byte for byte")

        let md = try cli.run("export", "demo.json", "--output", "report.md", "--today", "2026-03-09")
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.hasPrefix("Wrote report.md (Markdown, "))
        #expect(String(decoding: try cli.read("report.md"), as: UTF8.self) == golden)

        let html = try cli.run("export", "demo.json", "-o", "report.html", "--today", "2026-03-09")
        #expect(html.stdout.hasPrefix("Wrote report.html (HTML, "), "the format follows the extension")
        let page = String(decoding: try cli.read("report.html"), as: UTF8.self)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("Quote &amp; Buy"))

        let json = try cli.run("export", "demo.json", "--format", "json", "--output", "report.json", "--today", "2026-03-09")
        #expect(json.status == 0)
        let root = try JSONSerialization.jsonObject(with: try cli.read("report.json")) as? [String: Any]
        #expect(root?["plan"] as? String == "plan-lindenhof-demo")
        #expect((root?["sections"] as? [String: Any])?["pilots"] != nil)

        let csv = try cli.run("export", "demo.json", "--format", "csv", "--output", "tables", "--today", "2026-03-09")
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasPrefix("Wrote 15 CSV files to tables ("))
        #expect(csv.stdout.contains("\n  tables/summary.csv\n  tables/pilot-ranking.csv\n"))
        let written = try files(cli, "tables")
        #expect(written.count == 15 && written.contains("readiness-matrix.csv") && written.contains("teams.csv"))
        let ranking = String(decoding: try cli.read("tables/pilot-ranking.csv"), as: UTF8.self)
        #expect(ranking.hasPrefix("\u{FEFF}#,team,area,score (0–100),rated,status,hard flags\r\n1,Claims Intake,"))

        // The plan is only read: same bytes, no backup, no lock, no temporary file anywhere.
        #expect(try cli.read("demo.json") == plan)
        #expect(try files(cli) == ["demo.json", "report.html", "report.json", "report.md", "tables"])
    }

    @Test func exportRefusesToOverwriteWithoutForce() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let plan = try demo(cli)
        try cli.write("report.md", "my own notes\n")
        let refused = try cli.run("export", "demo.json", "-o", "report.md")
        #expect(refused.status == 2)
        #expect(refused.stderr == "pilotwave: report.md already exists; not overwritten. Pass --force to replace it.\n")
        #expect(String(decoding: try cli.read("report.md"), as: UTF8.self) == "my own notes\n")

        let forced = try cli.run("export", "demo.json", "-o", "report.md", "--force")
        #expect(forced.status == 0)
        #expect(String(decoding: try cli.read("report.md"), as: UTF8.self).hasPrefix("# Lindenhof"))

        #expect(try cli.run("export", "demo.json", "--format", "csv", "-o", "tables").status == 0)
        let again = try cli.run("export", "demo.json", "--format", "csv", "-o", "tables")
        #expect(again.status == 2)
        #expect(again.stderr.contains("tables already holds summary.csv, pilot-ranking.csv, pilot-weights.csv, pilots-chosen.csv and 11 more; not overwritten. Pass --force to replace them."))
        #expect(try cli.run("export", "demo.json", "--format", "csv", "-o", "tables", "--force").status == 0)

        // Never over the plan itself, even with --force.
        let overPlan = try cli.run("export", "demo.json", "--format", "markdown", "-o", "demo.json", "--force")
        #expect(overPlan.status == 2)
        #expect(overPlan.stderr.contains("demo.json is the plan file itself"))
        #expect(try cli.read("demo.json") == plan)
        #expect(!cli.exists("demo.json.bak"))
    }

    @Test func exportWorkshopAndRefusals() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        _ = try demo(cli)
        let workshop = try cli.run("export", "demo.json", "--workshop", "workshop-pilot-selection", "--today", "2026-03-09")
        #expect(workshop.status == 0)
        let golden = try String(contentsOf: Self.goldens.appendingPathComponent("demo-workshop.md"), encoding: .utf8)
        #expect(workshop.stdout == golden)

        let unknown = try cli.run("export", "demo.json", "--workshop", "workshop-retro")
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "pilotwave: --workshop: no workshop \"workshop-retro\" in the plan; known workshops: "
            + "workshop-pilot-selection (Pilot-selection workshop), workshop-readiness-check-in (Readiness check-in)\n")
        #expect(unknown.stdout.isEmpty)

        let noFolder = try cli.run("export", "demo.json", "--format", "csv")
        #expect(noFolder.status == 2)
        #expect(noFolder.stderr.contains("give a folder with --output"))

        let format = try cli.run("export", "demo.json", "--format", "pdf")
        #expect(format.status == 2)
        #expect(format.stderr.contains("--format: expected one of markdown, html, csv, json; found \"pdf\""))

        let day = try cli.run("export", "demo.json", "--today", "tomorrow")
        #expect(day.status == 2)
        #expect(day.stderr.contains("--today: expected a date as YYYY-MM-DD"))

        try cli.write("tables", "a file, not a folder\n")
        let notFolder = try cli.run("export", "demo.json", "--format", "csv", "-o", "tables")
        #expect(notFolder.status == 2)
        #expect(notFolder.stderr.contains("tables is a file"))

        let noParent = try cli.run("export", "demo.json", "-o", "missing/report.md")
        #expect(noParent.status == 2)
        #expect(noParent.stderr.contains("cannot write missing/report.md"))
        #expect(try files(cli) == ["demo.json", "tables"], "nothing left behind")
    }

    @Test func exportOfABadFileSaysWhereAndExits2() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try cli.write("broken.json", "{\n  \"schemaVersion\": 4,\n  \"teams\": [}\n")
        let broken = try cli.run("export", "broken.json", "-o", "report.md")
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.json:3:"), "line and column: \(broken.stderr)")
        #expect(!broken.stderr.contains("Fatal error"))
        #expect(!cli.exists("report.md"))
        let missing = try cli.run("export", "nowhere.json")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nowhere.json"))
    }

    /// The demo as saved, with Broker Hub moved to wave 2 and a pilot's note resolved.
    func changedDemo(_ cli: CLIRunner) throws {
        var plan = try #require(try JSONSerialization.jsonObject(with: try cli.read("demo.json")) as? [String: Any])
        var waves = try #require(plan["waves"] as? [[String: Any]])
        for i in waves.indices {
            var teams = waves[i]["teams"] as? [String] ?? []
            if waves[i]["id"] as? String == "wave-1" { teams.removeAll { $0 == "team-broker-hub" } }
            if waves[i]["id"] as? String == "wave-2" { teams.append("team-broker-hub") }
            waves[i]["teams"] = teams
        }
        plan["waves"] = waves
        var notes = try #require(plan["resistance"] as? [[String: Any]])
        for i in notes.indices where notes[i]["id"] as? String == "note-launchpad-deadline" { notes[i]["status"] = "resolved" }
        plan["resistance"] = notes
        let data = try JSONSerialization.data(withJSONObject: plan, options: [.prettyPrinted])
        try data.write(to: URL(fileURLWithPath: cli.path("after.json")))
    }

    @Test func diffTwoFiles() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        _ = try demo(cli)
        try changedDemo(cli)
        let text = try cli.run("diff", "demo.json", "after.json")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == """
            demo.json → after.json: 2 changes

            Wave plan (1)
              - Broker Hub: Wave 1 — early adopters → Wave 2 — scale out

            Resistance (1)
              - "The launch date is fixed by marketing.…" (🚀 Launchpad): resolved

            """)
        #expect(try cli.run("diff", "demo.json", "after.json", "--exit-code").status == 1)

        let md = try cli.run("diff", "demo.json", "after.json", "--format", "markdown")
        #expect(md.stdout.contains("## Wave plan\n\n- Broker Hub: Wave 1 — early adopters → Wave 2 — scale out\n"))
        let json = try cli.run("diff", "demo.json", "after.json", "--json")
        let root = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(root?["changes"] as? Int == 2)

        let same = try cli.run("diff", "demo.json", "demo.json", "--exit-code")
        #expect(same.status == 0)
        #expect(same.stdout == "No changes.\n")

        let format = try cli.run("diff", "demo.json", "after.json", "--format", "html")
        #expect(format.status == 2)
        #expect(format.stderr.contains("--format: expected one of text, markdown, json"))
    }

    @Test func diffOfABadFileSaysWhereAndExits2() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        _ = try demo(cli)
        try cli.write("broken.json", "{\n  \"schemaVersion\": 4,\n  \"teams\": [}\n")
        let broken = try cli.run("diff", "demo.json", "broken.json")
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.json:3:"), "line and column: \(broken.stderr)")
        #expect(!broken.stderr.contains("Fatal error"))
        #expect(broken.stdout.isEmpty)
        let missing = try cli.run("diff", "gone.json", "demo.json")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("gone.json"))
        let args = try cli.run("diff", "demo.json")
        #expect(args.status == 64, "a missing argument is a usage error")
    }
}
}
