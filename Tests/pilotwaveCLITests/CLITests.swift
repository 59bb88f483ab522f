import Foundation
import Testing

/// Everything that runs the real binary, one test at a time: a tmux server started by one test
/// would otherwise inherit the pipe another test is reading from, and that test would wait for it.
@Suite(.serialized) struct BinaryTests {}

/// The command line, driven through the real binary: what a user types and reads, and exit codes.
extension BinaryTests {
@Suite("Command line", .serialized)
struct CLITests {
    @Test func helpListsEveryCommand() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let help = try cli.run("--help")
        #expect(help.status == 0)
        for command in ["demo", "new", "check", "rank", "import-teams", "generate"] {
            #expect(help.stdout.contains(command), "--help should list \(command)")
        }
        #expect(try cli.run("--version").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test func demoIsWrittenOnceAndNotOverwrittenWithoutForce() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let first = try cli.run("demo", "--save-as", "demo.json")
        #expect(first.status == 0)
        #expect(first.stdout.contains("24 teams"))
        let original = try cli.read("demo.json")

        let again = try cli.run("demo", "--save-as", "demo.json")
        #expect(again.status == 2)
        #expect(again.stderr.contains("demo.json already exists; not overwritten"))
        #expect(!cli.exists("demo.json.bak"))

        let forced = try cli.run("demo", "--save-as", "demo.json", "--force")
        #expect(forced.status == 0)
        #expect(try cli.read("demo.json.bak") == original)
    }

    /// The demo written today reads as a live plan today: its story is told as of the day it is
    /// saved, so `check` finds what the story sets up and nothing that only the calendar caused.
    @Test func savedDemoIsALivePlanToday() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        #expect(try cli.run("demo", "--save-as", "live.json").status == 0)
        let check = try cli.run("check", "live.json")
        #expect(check.status == 1)
        #expect(!check.stdout.contains("CRITICAL"), "\(check.stdout)")
        #expect(!check.stdout.contains("was due to start"), "\(check.stdout)")
        let overdue = check.stdout.split(separator: "\n").filter { $0.contains("[followUpOverdue]") }
        #expect(overdue.count == 1, "one follow-up just overdue: \(overdue)")
        #expect(overdue.allSatisfy { $0.range(of: "was due [0-9-]{10}, [1-9] days? ago", options: .regularExpression) != nil },
                "\(overdue)")

        // --today tells the story as of another day: the same plan for any day of that week.
        try cli.run("demo", "--save-as", "monday.json", "--today", "2026-03-09")
        try cli.run("demo", "--save-as", "sunday.json", "--today", "2026-03-15")
        #expect(try cli.read("monday.json") == cli.read("sunday.json"))
        let text = String(decoding: try cli.read("monday.json"), as: UTF8.self)
        #expect(text.contains("\"start\" : \"2026-04-13\""), "wave 1 starts five weeks later")

        let refused = try cli.run("demo", "--today", "2026-03-09")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--today applies only with --save-as"))
        let bad = try cli.run("demo", "--save-as", "x.json", "--today", "9.3.2026")
        #expect(bad.status == 2 && bad.stderr.contains("--today: expected a date as YYYY-MM-DD"))
        #expect(!cli.exists("x.json"))
    }

    @Test func forceNeverOverwritesAFileThatIsNotAPlan() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try cli.write("notes.json", "my notes, not a plan\n")
        let result = try cli.run("demo", "--save-as", "notes.json", "--force")
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a plan pilotwave can load"))
        #expect(String(decoding: try cli.read("notes.json"), as: UTF8.self) == "my notes, not a plan\n")
    }

    @Test func checkExitCodesAndFindings() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try cli.run("demo", "--save-as", "demo.json", "--today", "2026-03-09")
        let check = try cli.run("check", "demo.json", "--today", "2026-03-09")
        #expect(check.status == 1, "the demo plan has findings to discuss")
        #expect(check.stdout.contains("WARNING [coachOverCapacity] Marc Dubois coaches 4 teams"))
        #expect(check.stdout.contains("outcome is worded as an output (\"launch\")"))
        #expect(check.stdout.contains("why: "))

        let json = try cli.run("check", "demo.json", "--json", "--today", "2026-03-09")
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let findings = report?["findings"] as? [[String: Any]] ?? []
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0["code"] is String && $0["guidance"] is String })

        try cli.run("new", "empty.json", "--name", "Fresh")
        let empty = try cli.run("check", "empty.json")
        #expect(empty.status == 0, "an empty plan has at most info findings: \(empty.stdout)")

        let badDay = try cli.run("check", "demo.json", "--today", "23.11.2026")
        #expect(badDay.status == 2)
        #expect(badDay.stderr.contains("--today: expected a date as YYYY-MM-DD"))
    }

    /// Conflicts a merge left in the plan are warnings, one each, in words: `check` exits 1.
    @Test func checkReportsMergeConflicts() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try cli.run("demo", "--save-as", "demo.json", "--today", "2026-03-09")
        var plan = try #require(JSONSerialization.jsonObject(with: try cli.read("demo.json")) as? [String: Any])
        plan["conflicts"] = [
            ["id": "teams/team-claims-intake/coach", "what": "Team \"Claims Intake\": coach",
             "ours": "\"coach-anna-keller\"", "theirs": "\"coach-marc-dubois\"", "base": "\"coach-nobody\""],
            ["id": "teams/team-fraud-signals", "what": "Team \"Fraud Signals\"", "theirs": "{\n  \"name\" : \"Fraud\"\n}"],
        ]
        try cli.write("merged.json", String(decoding: try JSONSerialization.data(withJSONObject: plan), as: UTF8.self))
        let check = try cli.run("check", "merged.json", "--today", "2026-03-09")
        #expect(check.status == 1)
        #expect(check.stdout.contains("! WARNING [mergeConflict] Merge conflict: Team \"Claims Intake\": coach — "
            + "ours \"Anna Keller\", theirs \"Marc Dubois\" (base \"coach-nobody\"). Open the plan to resolve it."),
            "\(check.stdout)")
        #expect(check.stdout.contains("! WARNING [mergeConflict] Merge conflict: Team \"Fraud Signals\" — "
            + "ours deleted, theirs { \"name\" : \"Fraud\" } (base not there). Open the plan to resolve it."))
        #expect(check.stdout.components(separatedBy: "[mergeConflict]").count == 3)

        let json = try cli.run("check", "merged.json", "--json", "--today", "2026-03-09")
        #expect(json.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let conflicts = (report?["findings"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == "mergeConflict" }
        #expect(conflicts.map { $0["severity"] as? String } == ["warning", "warning"])
        #expect(conflicts.map { $0["concerns"] as? [String] } == [["teams/team-claims-intake/coach"], ["teams/team-fraud-signals"]])
        #expect((conflicts.first?["message"] as? String)?.hasPrefix("Merge conflict: Team \"Claims Intake\": coach — ours") == true)
    }

    @Test func badFilesAreNamedWithThePlaceAndNeverChanged() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try cli.write("broken.json", "{\n  \"schemaVersion\": 1,\n  \"teams\": [}\n")
        let broken = try cli.run("check", "broken.json")
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.json:3:"), "line and column: \(broken.stderr)")
        #expect(broken.stderr.contains("malformed JSON"))

        try cli.run("demo", "--save-as", "demo.json")
        let text = String(decoding: try cli.read("demo.json"), as: UTF8.self)
        try cli.write("wrong.json", text.replacingOccurrences(of: "\"stage\" : \"invest\"", with: "\"stage\" : \"investing\""))
        let wrong = try cli.run("rank", "wrong.json")
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("stage: expected one of explore, invest, sustain, retire; found \"investing\""))

        try cli.write("newer.json", text.replacingOccurrences(of: "\"schemaVersion\" : 6", with: "\"schemaVersion\" : 9"))
        let before = try cli.read("newer.json")
        let newer = try cli.run("import-teams", "newer.json", "nothing.csv")
        #expect(newer.status == 2)
        #expect(newer.stderr.contains("newer pilotwave (schemaVersion 9"))
        #expect(try cli.read("newer.json") == before)

        let missing = try cli.run("open-me.json")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("open-me.json"))
    }

    @Test func importTeamsIsAllOrNothing() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try cli.run("new", "plan.json")
        let before = try cli.read("plan.json")
        try cli.write("bad.csv", "name,area,familiarity\nAlpha,Claims,4\nBeta,,9\n")
        let bad = try cli.run("import-teams", "plan.json", "bad.csv")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("line 3, column familiarity: expected a rating 1–5 or empty, found \"9\""))
        #expect(bad.stderr.contains("Nothing was imported"))
        #expect(try cli.read("plan.json") == before)

        try cli.write("good.csv", "Team name;Area;Stage;Engineering;Design;Product\nAlpha;Claims;invest;4;1;1\nBeta;Policy;sustain;3;0;1\n")
        let dry = try cli.run("import-teams", "plan.json", "good.csv", "--delimiter", ";", "--dry-run")
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("2 teams would be added"))
        #expect(try cli.read("plan.json") == before)

        let good = try cli.run("import-teams", "plan.json", "good.csv", "--delimiter", ";")
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("Imported 2 teams"))
        #expect(try cli.read("plan.json.bak") == before)
        let rank = try cli.run("rank", "plan.json")
        #expect(rank.stdout.contains("Alpha"))
        #expect(rank.stdout.contains("Beta"))
        #expect(rank.stdout.contains("late stage: sustain"), "hard flag shown: \(rank.stdout)")
    }

    @Test func rankShowsScoresWithUnratedCriteriaNamed() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try cli.run("demo", "--save-as", "demo.json")
        let rank = try cli.run("rank", "demo.json", "--limit", "3")
        #expect(rank.status == 0)
        let rows = rank.stdout.split(separator: "\n").filter { $0.hasPrefix("   1 ") || $0.hasPrefix("   2 ") || $0.hasPrefix("   3 ") }
        #expect(rows.count == 3)
        #expect(rank.stdout.contains("recommended pilots 2–4"))
        #expect(rank.stdout.contains("more (without --limit)"))
        let json = try cli.run("rank", "demo.json", "--json")
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let ranked = report?["ranked"] as? [[String: Any]] ?? []
        let scores = ranked.compactMap { $0["score"] as? Int }
        #expect(scores == scores.sorted(by: >), "highest first")
    }

    @Test func generateIsDeterministic() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        #expect(try cli.run("generate", "--teams", "500", "--seed", "7", "a.json").status == 0)
        #expect(try cli.run("generate", "--teams", "500", "--seed", "7", "b.json").status == 0)
        #expect(try cli.read("a.json") == cli.read("b.json"))
        let check = try cli.run("check", "a.json")
        #expect(check.status != 2, "a generated plan loads: \(check.stderr)")
        let zero = try cli.run("generate", "--teams", "0", "c.json")
        #expect(zero.status == 2)
        #expect(!cli.exists("c.json"))
    }
}
}
