import Foundation
import Testing

/// The real binary in tmux, as a user drives it. tmux is installed by .ci/run.
extension BinaryTests {
@Suite("End to end in tmux", .serialized)
struct EndToEndTests {
    func session() throws -> (CLIRunner, Tmux, String) {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests (.ci/run installs it)")
        let cli = try CLIRunner()
        return (cli, Tmux(folder: cli.folder), CLIRunner.binary.path)
    }

    @Test func demoOpensNavigatesAndQuitsCleanly() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try tmux.start("\(bin) demo")
        try tmux.wait(for: "▶ Claims Intake")
        try tmux.keys("j", "j")
        try tmux.wait(for: "▶ Broker Hub")
        try tmux.keys("1")
        try tmux.wait(for: "Plan checks")
        try tmux.keys("2", "?")
        try tmux.wait(for: "Keys — Teams")
        try tmux.keys("Escape", "q")
        let screen = try tmux.wait(for: "STTY=")
        #expect(screen.contains("EXIT=0"))
        #expect(screen.contains("STTY=same"))
    }

    @Test func editANameToCJKSaveQuitAndReopen() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try cli.run("demo", "--save-as", "plan.json")
        try tmux.start("\(bin) plan.json")
        try tmux.wait(for: "▶ Claims Intake")
        try tmux.keys("Enter")
        try tmux.wait(for: "Edit team — Claims Intake")
        try tmux.keys("C-u")
        try tmux.literal("顧客チーム東京")
        try tmux.keys("Enter")
        try tmux.wait(for: "▶ 顧客チーム東京")
        // Autosave after a quiet moment: the status line shows the time of the save.
        try tmux.wait("saved HH:MM") { $0.range(of: "saved [0-9]{2}:[0-9]{2}", options: .regularExpression) != nil }
        try tmux.keys("q")
        #expect(try tmux.wait(for: "STTY=").contains("EXIT=0"))
        let text = String(decoding: try cli.read("plan.json"), as: UTF8.self)
        #expect(text.contains("\"name\" : \"顧客チーム東京\""))
        #expect(cli.exists("plan.json.bak"))
        let reopened = Tmux(folder: cli.folder)
        try reopened.start("\(bin) plan.json")
        try reopened.wait(for: "顧客チーム東京")
        try reopened.keys("q")
        #expect(try reopened.wait(for: "STTY=").contains("EXIT=0"))
    }

    @Test func demoEditsKeptWithSaveAs() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try tmux.start("\(bin) demo")
        try tmux.wait(for: "▶ Claims Intake")
        try tmux.keys("d")
        try tmux.wait(for: "Deleted Claims Intake")
        try tmux.keys(":")
        try tmux.literal("save as")
        try tmux.keys("Enter")
        try tmux.wait(for: "Write the plan to a new file")
        try tmux.keys("C-u")
        try tmux.literal("kept.json")
        try tmux.keys("Enter")
        try tmux.wait(for: "kept.json · saved")
        try tmux.keys("q")
        #expect(try tmux.wait(for: "STTY=").contains("EXIT=0"))
        let saved = String(decoding: try cli.read("kept.json"), as: UTF8.self)
        #expect(saved.contains("Quote & Buy"))
        #expect(!saved.contains("\"name\" : \"Claims Intake\""))
    }

    @Test func resizeToTinyAndBack() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try tmux.start("\(bin) demo")
        try tmux.wait(for: "▶ Claims Intake")
        try tmux.resize(width: 30, height: 8)
        try tmux.wait(for: "terminal too small")
        try tmux.resize(width: 100, height: 30)
        try tmux.wait(for: "▶ Claims Intake")
        try tmux.keys("q")
        #expect(try tmux.wait(for: "STTY=").contains("EXIT=0"))
    }

    @Test func terminalIsRestoredAfterSigterm() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try cli.run("demo", "--save-as", "sigterm-target.json")
        // A long quiet time before autosave: the edit below is still unsaved when the signal comes.
        try cli.writeConfig("autosave_delay = 60\n")
        try tmux.start("\(bin) sigterm-target.json")
        try tmux.wait(for: "▶ Claims Intake")
        try tmux.keys("d")
        try tmux.wait(for: "unsaved")
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        kill.arguments = ["pkill", "-TERM", "-f", "^\(bin) sigterm-target.json$"]
        try kill.run()
        kill.waitUntilExit()
        let screen = try tmux.wait(for: "STTY=")
        #expect(screen.contains("EXIT=143"))
        #expect(screen.contains("STTY=same"))
        #expect(screen.contains("SIGTERM received; leaving; edits saved."))
        // The deletion made just before the signal was saved on the way out.
        let saved = try String(contentsOf: cli.folder.appendingPathComponent("sigterm-target.json"), encoding: .utf8)
        #expect(!saved.contains("\"Claims Intake\""))
        #expect(saved.contains("\"Quote & Buy\""))
    }

    /// The pilot-selection session: a weight change re-orders the ranking, a pilot is chosen, the
    /// decision is recorded, and the saved file holds it with the weights and the teams.
    @Test func pilotSelectionSessionEndsInASavedDecision() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try cli.run("demo", "--save-as", "session.json")
        try tmux.start("\(bin) session.json", width: 120, height: 40)
        try tmux.wait(for: "▶ Claims Intake")
        try tmux.keys("3")
        try tmux.wait(for: "Pilots chosen: 3 of 2–4")
        try tmux.keys("j", "j", "]")
        try tmux.wait(for: "▶     3 Broker Hub")
        try tmux.keys("+", "+", "+")
        try tmux.wait(for: "▶     4 Broker Hub")
        #expect(try tmux.screen().contains("2 Équipe Crème"), "the order changed at once")
        try tmux.keys("p")
        try tmux.wait(for: "Pilots chosen: 4 of 2–4")
        try tmux.keys("D")
        try tmux.wait(for: "Record the pilot selection")
        try tmux.literal("Leadership team")
        try tmux.keys("Enter")
        try tmux.wait(for: "Decision recorded")
        try tmux.keys("q")
        #expect(try tmux.wait(for: "STTY=").contains("EXIT=0"))
        let saved = try String(contentsOf: cli.folder.appendingPathComponent("session.json"), encoding: .utf8)
        let plan = try JSONSerialization.jsonObject(with: Data(saved.utf8)) as? [String: Any]
        let decision = try #require((plan?["decisions"] as? [[String: Any]])?.last)
        #expect(decision["decidedBy"] as? String == "Leadership team")
        #expect((decision["text"] as? String)?.contains("Broker Hub") == true)
        let selection = try #require(decision["selection"] as? [String: Any])
        let names = (selection["teams"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["Claims Intake", "Quote & Buy", "Broker Hub", "🚀 Launchpad"])
        let weights = selection["weights"] as? [[String: Any]]
        #expect(weights?.first { $0["criterion"] as? String == "learningAppetite" }?["weight"] as? Int == 7)
    }

    /// A readiness check-in: the same cell rated twice; both ratings are in the saved file and
    /// the matrix shows the trend.
    @Test func readinessRatedTwiceKeepsBothAndShowsTheTrend() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try cli.run("demo", "--save-as", "checkin.json")
        try tmux.start("\(bin) checkin.json", width: 120, height: 40)
        try tmux.wait(for: "▶ Claims Intake")
        try tmux.keys("4")
        try tmux.wait(for: "Columns: organisation + the pilot teams (3)")
        try tmux.keys("j", "j", "j", "l")  // Funded by outcomes × Claims Intake
        try tmux.wait(for: "Funded by outcomes, Claims Intake: not rated yet")
        try tmux.keys("r", "2", "Tab")
        try tmux.literal("Budget still per project")
        try tmux.keys("Tab")
        try tmux.literal("Ana")
        try tmux.keys("Enter")
        try tmux.wait(for: "Recorded 2/5 (first rating)")
        try tmux.keys("r", "4", "Tab")
        try tmux.literal("Quarterly funding review agreed")
        try tmux.keys("Enter")
        try tmux.wait(for: "Recorded 4/5 ↑ from 2")
        let row = try tmux.wait("the trend in the cell") { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("▶ Funded by outcomes") && $0.contains("4 ↑ ▂▆") }
        }
        #expect(row.contains("2 pilot teams rate it") == false, "a 4 is not low")
        try tmux.keys("q")  // quitting saves what autosave has not yet
        #expect(try tmux.wait(for: "STTY=").contains("EXIT=0"))
        let saved = try String(contentsOf: cli.folder.appendingPathComponent("checkin.json"), encoding: .utf8)
        let plan = try JSONSerialization.jsonObject(with: Data(saved.utf8)) as? [String: Any]
        let teams = plan?["teams"] as? [[String: Any]] ?? []
        let claims = try #require(teams.first { $0["name"] as? String == "Claims Intake" }?["id"] as? String)
        let signals = (plan?["signals"] as? [[String: Any]] ?? []).filter {
            $0["dimension"] as? String == "fundedByOutcomes" && $0["team"] as? String == claims
        }
        #expect(signals.compactMap { $0["rating"] as? Int } == [2, 4])
        #expect(signals.compactMap { $0["evidence"] as? String } == ["Budget still per project", "Quarterly funding review agreed"])
        #expect(signals.allSatisfy { $0["recordedBy"] as? String == "Ana" })
    }

    /// Wave planning: a team moved into an over-capacity wave, the warning seen, the move undone,
    /// and the saved plan is the plan as it was.
    @Test func anOverCapacityMoveIsUndoneAndTheFileIsUnchanged() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try cli.run("demo", "--save-as", "waves.json")
        let before = try Data(contentsOf: cli.folder.appendingPathComponent("waves.json"))
        try tmux.start("\(bin) waves.json", width: 120, height: 40)
        try tmux.wait(for: "▶ Claims Intake")
        try tmux.keys("6")
        try tmux.wait(for: "Not yet planned")
        // Not yet planned lists the best score first: Web & Campaigns, then Fraud Signals.
        try tmux.keys("l", "l", "l", "j", "<")
        try tmux.wait(for: "Moved Fraud Signals to Wave 2")
        try tmux.wait(for: "planned · 7 ?c")
        try tmux.keys("u")
        try tmux.wait(for: "Undid: Move Fraud Signals")
        try tmux.wait(for: "planned · 6 ?c")
        try tmux.keys("q")
        #expect(try tmux.wait(for: "STTY=").contains("EXIT=0"))
        let after = try Data(contentsOf: cli.folder.appendingPathComponent("waves.json"))
        #expect(after == before, "undone back to the version on disk: the file is the plan as it was")
    }

    /// Closing the terminal window (SIGHUP) keeps the last edit, as autosave would have.
    @Test func closingTheWindowKeepsTheLastEdit() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try cli.run("demo", "--save-as", "hangup.json")
        try cli.writeConfig("autosave_delay = 60\n")
        try tmux.start("sleep 600")
        try tmux.start("\(bin) hangup.json", window: "closing")
        try tmux.wait(for: "▶ Claims Intake", in: "closing")
        try tmux.keys("d", window: "closing")
        try tmux.wait(for: "unsaved", in: "closing")
        try tmux.tmux(["kill-window", "-t", "t:closing"])
        let file = cli.folder.appendingPathComponent("hangup.json")
        let deadline = Date().addingTimeInterval(8)
        var saved = ""
        while Date() < deadline {
            saved = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            if !saved.contains("\"Claims Intake\"") { break }
            usleep(50_000)
        }
        #expect(!saved.contains("\"Claims Intake\""), "the deletion made before the window closed was saved")
        #expect(saved.contains("\"Quote & Buy\""))
    }

    @Test func secondInstanceOpensReadOnly() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try cli.run("demo", "--save-as", "shared.json")
        try tmux.start("\(bin) shared.json")
        try tmux.wait(for: "▶ Claims Intake")
        try tmux.start("\(bin) shared.json", window: "second")
        try tmux.wait(for: "READ-ONLY", in: "second")
        try tmux.keys("d", window: "second")
        try tmux.wait(for: "read-only", in: "second")
        // The writer deletes the selected team and autosaves; the read-only view follows.
        try tmux.keys("d")
        try tmux.wait(for: "▶ Quote & Buy")
        try tmux.wait(for: "▶ Quote & Buy", in: "second")
        try tmux.keys("q", window: "second")
        try tmux.keys("q")
        #expect(try tmux.wait(for: "STTY=").contains("EXIT=0"))
    }

    @Test func dumbTerminalAndNoTTYAreRefusedWithAMessage() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try tmux.start("TERM=dumb \(bin) demo")
        let screen = try tmux.wait(for: "STTY=")
        #expect(screen.contains("EXIT=2"))
        #expect(screen.contains("cursor addressing"))
        #expect(screen.contains("STTY=same"))

        let noTTY = try cli.run("demo")
        #expect(noTTY.status == 2)
        #expect(noTTY.stderr.contains("pilotwave check FILE"), "names the commands that work without a terminal: \(noTTY.stderr)")
    }
}
}

extension BinaryTests.EndToEndTests {
    /// A wave-planning workshop from its template: the first step timed, a decision and an action
    /// captured, the workshop finished and its record exported as Markdown from the UI.
    @Test func aTemplateWorkshopIsRunCapturedAndExported() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try cli.run("demo", "--save-as", "plan.json")
        try tmux.start("\(bin) plan.json", width: 120, height: 40)
        try tmux.wait(for: "▶ Claims Intake")
        try tmux.keys("8", "w")
        try tmux.wait(for: "New workshop")
        try tmux.keys("Right", "Right", "Enter")
        try tmux.wait(for: "Enter starts the first")
        try tmux.keys("Enter")
        try tmux.wait(for: "⏱")
        try tmux.keys("d")
        try tmux.wait(for: "Decision —")
        try tmux.literal("Wave 1 starts in January")
        try tmux.keys("Tab", "Tab")
        try tmux.literal("Steering committee")
        try tmux.keys("Enter")
        try tmux.wait(for: "Decision logged")
        try tmux.keys("a")
        try tmux.wait(for: "New action")
        try tmux.literal("Book two more coaches")
        try tmux.keys("Tab")
        try tmux.literal("Marc Dubois")
        try tmux.keys("Enter")
        try tmux.wait(for: "Action for Marc Dubois")
        try tmux.keys("n")
        try tmux.wait(for: "2/")
        try tmux.keys("x")
        try tmux.wait(for: "Esc keep going")  // x asks first
        try tmux.keys("y")
        try tmux.wait(for: "finished")
        try tmux.keys("E")
        try tmux.wait(for: "Export")
        try tmux.keys("Tab", "C-u")
        try tmux.literal("record.md")
        try tmux.keys("Enter")
        try tmux.wait(for: "Exported")
        try tmux.keys("q")
        #expect(try tmux.wait(for: "STTY=").contains("EXIT=0"))
        let report = String(decoding: try cli.read("record.md"), as: UTF8.self)
        #expect(report.contains("Wave 1 starts in January"))
        #expect(report.contains("Book two more coaches"))
        #expect(report.contains("Marc Dubois"))
        let saved = String(decoding: try cli.read("plan.json"), as: UTF8.self)
        #expect(saved.contains("\"text\" : \"Book two more coaches\""))
    }
}
