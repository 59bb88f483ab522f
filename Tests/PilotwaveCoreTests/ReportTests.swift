import Foundation
import Testing
@testable import PilotwaveCore

/// Report goldens: the text of a rendered report, committed under `ReportGoldens/` and read from the
/// source tree (#filePath), not bundled. A missing or different golden fails; `PILOTWAVE_RECORD=1`
/// (never on CI) writes the new one instead, for review in the diff.
enum ReportGoldens {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ReportGoldens")

    static var recording: Bool {
        let env = ProcessInfo.processInfo.environment
        return env["PILOTWAVE_RECORD"] == "1" && env["CI"] == nil
    }

    static func check(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if expected == actual { return }
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected else {
            Issue.record("no golden \(name); record it with PILOTWAVE_RECORD=1 swift test --disable-xctest --filter ReportTests, then review it",
                         sourceLocation: sourceLocation)
            return
        }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for i in 0..<max(a.count, e.count) where (i < a.count ? a[i] : "∅") != (i < e.count ? e[i] : "∅") {
            diff.append("line \(i + 1):\n  golden: \(i < e.count ? String(e[i]) : "∅")\n  actual: \(i < a.count ? String(a[i]) : "∅")")
            if diff.count >= 8 { break }
        }
        Issue.record(Comment(rawValue: "report differs from golden \(name):\n" + diff.joined(separator: "\n")),
                     sourceLocation: sourceLocation)
    }
}

@Suite("Reports")
struct ReportTests {
    static let today = DemoPlan.storyWeek  // 2026-03-09, the demo as written
    static let workshop: WorkshopID = "workshop-pilot-selection"

    func demo() throws -> Report { try Report.build(DemoPlan.make(), today: Self.today) }

    // MARK: Goldens of the demo plan

    @Test func markdownOfTheDemoMatchesItsGolden() throws {
        try ReportGoldens.check("demo.md", MarkdownReport.render(try demo()))
    }

    @Test func htmlOfTheDemoMatchesItsGolden() throws {
        try ReportGoldens.check("demo.html", HTMLReport.render(try demo()))
    }

    /// One golden per CSV file, kept with LF line ends and without the byte order mark so that the
    /// goldens survive any line-end setting of git; ``csvIsRFC4180`` checks the exact bytes.
    @Test func csvOfTheDemoMatchesItsGoldens() throws {
        let files = CSVReport.files(try demo())
        #expect(files.map(\.name) == [
            "summary.csv", "pilot-ranking.csv", "pilot-weights.csv", "pilots-chosen.csv", "out-of-scope.csv",
            "readiness-matrix.csv", "readiness-ratings.csv", "resistance-open.csv", "waves.csv", "wave-gates.csv",
            "findings.csv", "blockers.csv", "decisions.csv", "actions.csv",
        ])
        for file in files {
            let text = String(file.text.dropFirst()).replacingOccurrences(of: "\r\n", with: "\n")
            try ReportGoldens.check("demo-csv/" + file.name, text)
        }
    }

    @Test func workshopFormOfTheDemoMatchesItsGolden() throws {
        let report = try Report.build(DemoPlan.make(), today: Self.today, workshop: Self.workshop)
        try ReportGoldens.check("demo-workshop.md", MarkdownReport.render(report))
        #expect(report.sections.map(\.id).prefix(3) == ["workshop", "decisions", "actions"])
        #expect(report.table("workshop-agenda")?.rows.count == DemoPlan.pilotSelectionAgenda.count)
        // The demo's decisions name no workshop; the two taken on the workshop's day count.
        #expect(report.table("decisions")?.texts("decidedBy") == ["Regula Imhof", "Daniel Vogt"])
    }

    // MARK: Content

    @Test func demoReportHasTheSectionsAndTheirContent() throws {
        let report = try demo()
        #expect(report.sections.map(\.id) == ["summary", "pilots", "readiness", "resistance", "waves", "findings",
                                              "blockers", "decisions", "actions"])
        let ranking = try #require(report.table("pilot-ranking"))
        #expect(ranking.texts("team").prefix(3) == ["Claims Intake", "Quote & Buy", "Broker Hub"])
        #expect(ranking.column("votes") == nil, "the demo has no voting round")
        #expect(report.table("pilots-chosen")?.texts("team") == ["Claims Intake", "Quote & Buy", "🚀 Launchpad"])
        #expect(report.table("pilots-chosen")?.texts("attention").last == "worded as an output (\"launch\"); no baseline")
        let matrix = try #require(report.table("readiness-matrix"))
        #expect(matrix.columns.map(\.title) == ["dimension", "group", "organisation", "Claims Intake", "Quote & Buy", "🚀 Launchpad"])
        #expect(matrix.rows[0].map(\.text).prefix(3) == ["Executive conviction", "precondition", "3 →"])
        #expect(matrix.rows[1][2].text == "4 ↑", "felt pain rose from 3 to 4")
        #expect(report.section("readiness")?.paragraphs.first?.lead == "Barrier")
        let resistance = try #require(report.table("resistance-open"))
        #expect(resistance.rows.count == 8, "the resolved note is left out")
        #expect(resistance.texts("severity").prefix(4).allSatisfy { $0 == "high" })
        #expect(resistance.texts("overdueDays") == ["", "", "", "", "3 days", "", "", ""], "the COO's follow-up, just overdue")
        #expect(resistance.texts("owner").contains("no owner"))
        let waves = try #require(report.table("waves"))
        #expect(waves.texts("wave") == ["Pilots", "Wave 1 — early adopters", "Wave 2 — scale out"])
        #expect(waves.texts("coaches")[1].contains("Marc Dubois 4/3 over"))
        #expect(waves.texts("gate") == ["2 of 2 met", "2 of 7 met", "0 of 4 met"])
        #expect(report.table("findings")?.texts("code").first == "coachOverCapacity", "warnings first; nothing critical")
        #expect(report.table("blockers")?.texts("status") == ["open", "open", "in progress", "in progress", "resolved"])
        #expect(report.table("decisions")?.rows.count == 6)
        #expect(report.table("actions")?.texts("text").count == 2, "the demo's two actions from the pilot-selection workshop")
    }

    /// A demo after a session: a revealed voting round, actions (one overdue, one done), a workshop
    /// that ran over in one step, with a parking lot and a decision that names it.
    func afterSession(revealed: Bool = true) -> Plan {
        var plan = DemoPlan.make()
        plan.votes = [VoteRound(
            id: "round-1", title: "Which teams go first?", budget: 3, attributed: false,
            openedAt: DemoPlan.date("2026-03-06T09:00:00Z"),
            totals: [TeamVotes(team: "team-broker-hub", votes: 4), TeamVotes(team: "team-quote-buy", votes: 2)],
            ballotCount: 2, revealed: revealed)]
        plan.workshops[0].status = .done
        plan.workshops[0].steps[3].extraMinutes = 5
        plan.workshops[0].steps[3].spentSeconds = 31 * 60 + 30
        plan.workshops[0].steps[3].done = true
        plan.workshops[0].parkingLot = [ParkingItem(text: "Who pays | for the coaches?", at: DemoPlan.date("2026-01-09T15:10:00Z"))]
        plan.workshops.append(Workshop(id: "workshop-other", title: "Readiness check-in", date: Day(2026, 3, 6)))
        plan.decisions.append(Decision(id: "decision-named", text: "Broker Hub joins the pilots.", decidedBy: "Regula Imhof",
                                       at: DemoPlan.date("2026-03-06T10:00:00Z"), workshop: "workshop-pilot-selection"))
        plan.decisions.append(Decision(id: "decision-elsewhere", text: "Check in again in January.", decidedBy: "Anna Keller",
                                       at: DemoPlan.date("2026-03-06T10:05:00Z"), workshop: "workshop-other"))
        plan.actions = [
            ActionItem(id: "action-done", text: "Send the ranking round", owner: "Anna Keller", due: Day(2026, 2, 15), done: true,
                       workshop: "workshop-pilot-selection", createdAt: DemoPlan.date("2026-03-06T10:10:00Z")),
            ActionItem(id: "action-late", text: "Book the CFO\nfor the funding trial", owner: "Sophie Meier", due: Day(2026, 2, 27),
                       workshop: "workshop-pilot-selection", createdAt: DemoPlan.date("2026-03-06T10:11:00Z")),
            ActionItem(id: "action-other", text: "Rate the wave-1 teams", owner: "", workshop: "workshop-other",
                       createdAt: DemoPlan.date("2026-03-06T10:12:00Z")),
        ]
        return plan
    }

    @Test func votesAreShownOnlyOnceRevealed() throws {
        let shown = try Report.build(afterSession(), today: Self.today)
        let ranking = try #require(shown.table("pilot-ranking"))
        let votes = try #require(ranking.column("votes"))
        let row = try #require(ranking.rows.first { $0[1].text == "Broker Hub" })
        #expect(row[votes].text == "4")
        #expect(row[votes].value == .int(4))
        #expect(shown.section("pilots")?.paragraphs.contains { $0.lead == "Votes" && $0.text.contains("never added") } == true)

        let hidden = try Report.build(afterSession(revealed: false), today: Self.today)
        #expect(hidden.table("pilot-ranking")?.column("votes") == nil)
        #expect(hidden.section("pilots")?.paragraphs.contains { $0.lead == "Votes" && $0.text.contains("not revealed") } == true)
    }

    @Test func actionsAreOpenFirstWithOverdueAndDone() throws {
        let report = try Report.build(afterSession(), today: Self.today)
        let actions = try #require(report.table("actions"))
        #expect(actions.texts("text") == ["Book the CFO for the funding trial", "Rate the wave-1 teams", "Send the ranking round"])
        #expect(actions.texts("state") == ["overdue (10 days)", "open", "done"])
        #expect(actions.texts("owner")[1] == "no owner")
        #expect(report.section("summary")?.facts.first { $0.key == "actions" }?.value.text == "2 open (1 overdue), 1 done")
    }

    @Test func workshopReportHasItsAgendaParkingLotDecisionsAndActions() throws {
        let report = try Report.build(afterSession(), today: Self.today, workshop: Self.workshop)
        let agenda = try #require(report.table("workshop-agenda"))
        let step = agenda.rows[3]
        #expect(step.map(\.text).prefix(7) == ["4", "Score and vote on bright spots", "pilots", "30 (25 + 5)", "31:30", "+1:30", "done"])
        #expect(step[4].value == .int(1890))
        #expect(report.section("workshop")?.facts.map(\.key) == ["date", "status", "template", "plannedMinutes", "usedSeconds"])
        #expect(report.table("workshop-parking-lot")?.texts("text") == ["Who pays | for the coaches?"])
        // Named decisions and the demo's two of the workshop's day; not the other workshop's.
        #expect(report.table("decisions")?.texts("text").count == 3)
        #expect(report.table("decisions")?.texts("text").contains("Broker Hub joins the pilots.") == true)
        #expect(report.table("actions")?.texts("text") == ["Book the CFO for the funding trial", "Send the ranking round"])

        let other = try Report.build(afterSession(), today: Self.today, workshop: "workshop-other")
        #expect(other.table("decisions")?.texts("text") == ["Check in again in January."])
        #expect(other.table("actions")?.texts("text") == ["Rate the wave-1 teams"])
    }

    @Test func unknownWorkshopIsRefusedWithTheKnownOnes() {
        #expect(throws: ReportError.unknownWorkshop(id: "nope", known: ["workshop-pilot-selection (Pilot-selection workshop)",
                                                                       "workshop-readiness-check-in (Readiness check-in)"])) {
            try Report.build(DemoPlan.make(), today: Self.today, workshop: "nope")
        }
        let message = ReportError.unknownWorkshop(id: "nope", known: ["w-1 (A)", "w-2 (B)"]).message
        #expect(message == "no workshop \"nope\" in the plan; known workshops: w-1 (A), w-2 (B)")
        #expect(ReportError.unknownWorkshop(id: "x", known: []).message == "no workshop \"x\": the plan has no workshops")
    }

    // MARK: Renderers

    @Test func markdownEscapesPipesAndKeepsRowsOnOneLine() throws {
        let report = try Report.build(afterSession(), today: Self.today, workshop: Self.workshop)
        let md = MarkdownReport.render(report)
        #expect(md.contains("| Who pays \\| for the coaches? |"))
        #expect(md.contains("| Book the CFO for the funding trial |"))
        // Every table line has as many unescaped pipes as its header.
        for block in md.components(separatedBy: "\n\n") where block.hasPrefix("|") {
            let lines = block.split(separator: "\n")
            let pipes = lines.map { line in line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
            #expect(Set(pipes).count == 1, "ragged table:\n\(block)")
        }
    }

    @Test func markdownPadsColumnsWhileTheyFitAndNotAfter() {
        let table = ReportTable(id: "t", columns: [ReportColumn("n", "n", numeric: true), ReportColumn("name", "name"),
                                                   ReportColumn("long", "long")],
                                rows: [[.int(7), "顧客ポータル", ReportCell(String(repeating: "x", count: 130))],
                                       [.int(12), "A", "short"]])
        #expect(MarkdownReport.table(table) == [
            "|   n | name         | long |",
            "| --: | ------------ | --- |",
            "|   7 | 顧客ポータル | " + String(repeating: "x", count: 130) + " |",
            "|  12 | A            | short |",
        ])
        #expect(MarkdownReport.table(ReportTable(id: "e", columns: [ReportColumn("a", "a")], emptyText: "Nothing here.")) == ["_Nothing here._"])
    }

    @Test func htmlIsSelfContainedEscapedAndPrintable() throws {
        var plan = afterSession()
        plan.teams[0].name = "<script>alert('x')</script> & Co"
        let html = HTMLReport.render(try Report.build(plan, today: Self.today))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"))
        for outside in ["<script", "<link", "<img", "src=", "http://", "https://", "@import", "url("] {
            #expect(!html.contains(outside), "not self-contained: \(outside)")
        }
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("@media print"))
        #expect(html.contains("section.new-page { break-before: page; }"))
        #expect(html.contains("<section id=\"pilots\" class=\"new-page\">"))
        #expect(html.contains("<th scope=\"col\" class=\"num\">votes</th>"))
        // Every opened table, section and row is closed.
        for tag in ["table", "section", "tr", "thead", "tbody", "dl"] {
            #expect(html.components(separatedBy: "<\(tag)>").count + html.components(separatedBy: "<\(tag) ").count - 1
                    == html.components(separatedBy: "</\(tag)>").count, "<\(tag)> not balanced")
        }
    }

    @Test func csvIsRFC4180() throws {
        #expect(CSVReport.field("plain") == "plain")
        #expect(CSVReport.field("a, b") == "\"a, b\"")
        #expect(CSVReport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVReport.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVReport.field("cr\r") == "\"cr\r\"")
        #expect(CSVReport.document([["a", "b"], ["1", "x,y"]]) == "\u{FEFF}a,b\r\n1,\"x,y\"\r\n")

        let files = CSVReport.files(try Report.build(afterSession(), today: Self.today, workshop: Self.workshop))
        #expect(files.prefix(3).map(\.name) == ["workshop.csv", "workshop-agenda.csv", "workshop-parking-lot.csv"])
        for file in files {
            #expect(file.text.hasPrefix("\u{FEFF}"))
            #expect(file.text.hasSuffix("\r\n"))
            #expect(!file.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "\(file.name): a bare LF")
        }
        let actions = try #require(files.first { $0.name == "actions.csv" })
        #expect(actions.text == "\u{FEFF}action,owner,due,state,workshop\r\n"
            + "Book the CFO for the funding trial,Sophie Meier,2026-02-27,overdue (10 days),Pilot-selection workshop\r\n"
            + "Send the ranking round,Anna Keller,2026-02-15,done,Pilot-selection workshop\r\n")
        let ranking = try #require(files.first { $0.name == "pilot-ranking.csv" })
        #expect(ranking.text.contains("\r\n1,Claims Intake,Claims,91,6 of 6,0,pilot,\r\n"), "no hard flags: an empty cell, not a dash")
        // Numbers as numbers, under a heading that says the unit.
        let notes = try #require(files.first { $0.name == "resistance-open.csv" })
        #expect(notes.text.hasPrefix("\u{FEFF}severity,kind,words heard,from,status,response,owner,follow-up,overdue (days)\r\n"))
        #expect(notes.text.contains(",Marc Dubois,2026-03-06,3\r\n"))
        let agenda = try #require(files.first { $0.name == "workshop-agenda.csv" })
        #expect(agenda.text.contains("\r\n4,Score and vote on bright spots,pilots,30,1890,90,done,"))
    }

    @Test func jsonParsesBackWithTheKeyContent() throws {
        let text = JSONReport.render(try Report.build(afterSession(), today: Self.today))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["plan"] as? String == "plan-lindenhof-demo")
        #expect(root["asOf"] as? String == "2026-03-09")
        #expect(root["workshop"] is NSNull)
        let sections = try #require(root["sections"] as? [String: Any])
        #expect(Set(sections.keys) == ["summary", "pilots", "readiness", "resistance", "waves", "findings", "blockers",
                                       "decisions", "actions"])
        let summary = try #require(sections["summary"] as? [String: Any])
        let facts = try #require(summary["facts"] as? [String: [String: Any]])
        #expect(facts["pilotsChosen"]?["value"] as? Int == 3)
        #expect(facts["pilotsRecommended"]?["value"] as? [Int] == [2, 4])
        #expect(facts["size"]?["value"] as? String == "mid")

        func rows(_ section: String, _ table: String) throws -> [[String: Any]] {
            let s = try #require(sections[section] as? [String: Any])
            let tables = try #require(s["tables"] as? [String: Any])
            let t = try #require(tables[table] as? [String: Any])
            return try #require(t["rows"] as? [[String: Any]])
        }
        let ranking = try rows("pilots", "pilot-ranking")
        #expect(ranking.count == 21)
        #expect(ranking[0]["id"] as? String == "team-claims-intake")
        #expect(ranking[0]["rank"] as? Int == 1)
        #expect(ranking[0]["score"] as? Int == 91)
        #expect(ranking[0]["flags"] as? [String] == [])
        #expect(ranking.first { $0["id"] as? String == "team-broker-hub" }?["votes"] as? Int == 4)
        #expect(ranking.first { $0["id"] as? String == "team-fraud-signals" }?["flags"] as? [String] == ["not cross-functional: no design"])
        let matrix = try rows("readiness", "readiness-matrix")
        #expect(matrix[0]["id"] as? String == "executiveConviction")
        #expect(matrix[0]["organisation"] as? Int == 3)
        #expect(matrix[0]["team-claims-intake"] is NSNull)
        let notes = try rows("resistance", "resistance-open")
        let late = try #require(notes.first { $0["overdueDays"] is Int })
        #expect(late["overdueDays"] as? Int == 3)
        #expect(late["followUp"] as? String == "2026-03-06")
        #expect(notes.first?["overdueDays"] is NSNull)
        let decisions = try rows("decisions", "decisions")
        #expect(decisions.first?["at"] as? String == "2026-01-09T16:30:00Z")
        #expect(decisions.first?["id"] as? String == "decision-pilots")
        let actions = try rows("actions", "actions")
        #expect(actions.map { $0["state"] as? String } == ["overdue", "open", "done"])
        #expect(actions[1]["owner"] is NSNull)
        #expect(actions[1]["due"] is NSNull)

        // Keys come in a fixed order, and the same report renders to the same bytes.
        let order = ["\"title\"", "\"subtitle\"", "\"plan\"", "\"organisation\"", "\"asOf\"", "\"workshop\"", "\"sections\""]
        let positions = order.map { text.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(text == JSONReport.render(try Report.build(afterSession(), today: Self.today)))
    }

    @Test func jsonEscapesControlCharactersAndKeepsUnicode() throws {
        let value = JSON.object([("s", .string("a\"b\\c\nd\te\u{01}f 顧客 🚀"))])
        #expect(value.text == "{\n  \"s\": \"a\\\"b\\\\c\\nd\\te\\u0001f 顧客 🚀\"\n}")
        let parsed = try JSONSerialization.jsonObject(with: Data(value.text.utf8)) as? [String: String]
        #expect(parsed?["s"] == "a\"b\\c\nd\te\u{01}f 顧客 🚀")
    }

    // MARK: Edges

    @Test func anEmptyPlanReportsWithoutTablesToShow() throws {
        let plan = Plan.empty(id: "plan-e", name: "Empty", organisation: "Acme")
        let report = try Report.build(plan, today: Self.today)
        #expect(report.table("pilot-ranking")?.rows.isEmpty == true)
        #expect(report.table("waves")?.rows.isEmpty == true)
        let md = MarkdownReport.render(report)
        #expect(md.contains("_No teams in scope._"))
        #expect(md.contains("_No waves planned yet._"))
        #expect(md.contains("**Barrier:** none"))
        #expect(report.table("readiness-matrix")?.columns.count == 3, "no pilots: the organisation column only")
        _ = HTMLReport.render(report)
        _ = CSVReport.files(report)
        _ = try JSONSerialization.jsonObject(with: Data(JSONReport.render(report).utf8))
    }

    @Test func aGeneratedPlanReportsEveryTeam() throws {
        let plan = PlanGenerator.generate(teams: 2_000, seed: 3)
        let report = try Report.build(plan, today: Self.today)
        let inScope = plan.teams.count { $0.status != .outOfScope }
        #expect(report.table("pilot-ranking")?.rows.count == inScope)
        #expect(report.table("readiness-matrix")?.columns.count == 3 + PilotCount.pilots(plan).count)
    }

    @Test func instantsAreUTC() {
        let date = DemoPlan.date("2026-01-09T16:30:05Z")
        #expect(ReportText.isoInstant(date) == "2026-01-09T16:30:05Z")
        #expect(ReportText.instant(date) == "2026-01-09 16:30")
        #expect(ReportText.day(Date(timeIntervalSince1970: -1)) == Day(1969, 12, 31))
        #expect(ReportText.isoInstant(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }

    @Test func wrapKeepsLinesWithinTheWidth() {
        let lines = ReportText.wrap("one two three four five six seven", width: 12, first: "  - ", rest: "    ")
        #expect(lines == ["  - one two", "    three", "    four", "    five six", "    seven"])
        #expect(lines.allSatisfy { ReportText.width($0) <= 12 })
        #expect(ReportText.width("顧客🚀é") == 7)
    }
}
