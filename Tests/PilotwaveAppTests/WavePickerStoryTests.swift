import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// "Put in a wave" (P) from the Teams and Pilots lists and the board, marking (m, M), and the
/// pilot wave offered after p — key by key, as a facilitator would in front of the room.
@Suite("Put in a wave stories")
struct WavePickerStoryTests {
    func team(_ d: AppDriver, _ name: String) -> Team { d.state.plan.teams.first { $0.name == name }! }

    func wave(_ d: AppDriver, order: Int) -> Wave { d.state.plan.orderedWaves.first { $0.order == order }! }

    func waveOf(_ d: AppDriver, _ name: String) -> Wave? {
        let id = team(d, name).id
        return d.state.plan.orderedWaves.first { $0.teams.contains(id) }
    }

    /// The Pilots ranking's names, top first.
    func ranking(_ d: AppDriver) -> [String] {
        d.state.derived.pilots.order.map { d.state.plan.teams[Int($0)].name }
    }

    /// "1 coach place left" and the like, from the board's one coach-load rule.
    func capacityLeft(_ d: AppDriver, _ wave: Wave) -> String {
        let cap = WavePlanning.capacity(d.state.plan)[wave.id]!
        if cap.coaches.isEmpty { return "capacity unknown: no coach yet" }
        let left = cap.capacity - cap.teams
        if left < 0 { return "! \(-left) over coach capacity" }
        let over = cap.coaches.filter(\.isOver).map(\.name)
        return (left == 0 ? "no coach place left" : Words.count(left, "coach place") + " left")
            + (over.isEmpty ? "" : ", ! \(Words.list(over)) over")
    }

    /// The demo plan without waves (its teams candidates or pilots as they were chosen).
    static func planWithoutWaves() -> Plan {
        var plan = DemoPlan.make()
        plan.waves = []
        plan.scenarios = []
        for i in plan.teams.indices where plan.teams[i].status == .inWave { plan.teams[i].status = .candidate }
        return plan
    }

    @Test func thePickerListsTheWavesWithDatesCapacityAndANewWave() throws {
        let d = AppDriver()
        d.keys("2g")
        #expect(d.selectedTeam?.name == "Claims Intake")
        d.keys("P")
        let screen = d.screen
        #expect(screen.contains("Put Claims Intake in a wave"))
        let pilots = try #require(screen.line(containing: "0  Pilots")?.text)
        #expect(pilots.contains("12 Jan – 27 Mar · 3 teams · " + capacityLeft(d, wave(d, order: 0))))
        #expect(pilots.contains("(now)"), "Claims Intake is a pilot in the pilot wave")
        let one = try #require(screen.line(containing: "Wave 1 — early adopters")?.text)
        #expect(one.contains("13 Apr – 26 Jun · 6 teams · " + capacityLeft(d, wave(d, order: 1))))
        #expect(!one.contains("(now)"))
        #expect(screen.line(containing: "Wave 2 — scale out")?.text.contains("5 Oct 2026 – 19 Mar 2027") == true)
        // After the last wave (ends Fri 19 Mar 2027): from the Monday after, as long as wave 2.
        #expect(screen.line(containing: "New wave…")?.text.contains("Wave 3, 22 Mar – 3 Sep 2027") == true)
        #expect(screen.contains("Not yet planned"))
        // Esc: nothing changed.
        let before = d.state.plan
        d.keys("<esc>")
        #expect(d.state.plan == before)
        #expect(!d.screen.contains("Put Claims Intake in a wave"))
    }

    @Test func aDigitPutsTheTeamInThatWaveAsOneUndoableEdit() throws {
        let d = AppDriver()
        d.keys("2/Fraud<enter>")
        #expect(d.selectedTeam?.name == "Fraud Signals")
        #expect(d.row(of: "Fraud Signals")?.contains("candidate") == true)
        let history = d.state.history.position
        d.keys("P1")
        #expect(waveOf(d, "Fraud Signals")?.order == 1)
        #expect(d.state.history.position == history + 1)
        #expect(d.state.toast?.text.hasPrefix("Put Fraud Signals in Wave 1 — early adopters (13 Apr – 26 Jun); ") == true)
        #expect(d.row(of: "Fraud Signals")?.contains("in wave 1") == true, "the status column shows the wave")
        #expect(d.selectedTeam?.name == "Fraud Signals")
        d.keys("u")
        #expect(waveOf(d, "Fraud Signals") == nil)
        #expect(d.state.toast?.text.hasPrefix("Undid: Put Fraud Signals in Wave 1 — early adopters") == true)
    }

    @Test func markedTeamsAreMarkedAdvancingAndPutInOneEdit() throws {
        let d = AppDriver()
        d.keys("2g")
        let names = (0..<3).map { d.state.plan.teams[Int(d.state.derived.rows[$0])].name }
        let fourth = d.state.plan.teams[Int(d.state.derived.rows[3])].name
        d.keys("mmm")
        #expect(d.selectedTeam?.name == fourth, "m marks and moves to the next row")
        #expect(d.screen.contains("3 marked"))
        for name in names { #expect(d.row(of: name)?.contains("◆") == true) }
        let before = d.state.plan
        let history = d.state.history.position
        d.keys("P")
        #expect(d.screen.contains("Put 3 marked teams in a wave"))
        d.keys("2")
        #expect(d.state.history.position == history + 1, "one edit for all three")
        for name in names { #expect(waveOf(d, name)?.order == 2) }
        #expect(d.state.toast?.text.hasPrefix("Put \(Words.list(names)) in Wave 2 — scale out (5 Oct 2026 – 19 Mar 2027); ") == true)
        #expect(!d.screen.contains("3 marked"), "the marks are cleared")
        #expect(!d.screen.contains("◆"))
        #expect(d.selectedTeam?.name == fourth, "the selection stays on its team")
        d.keys("u")
        #expect(d.state.plan == before, "one undo puts all three back")
        #expect(d.state.toast?.text.hasPrefix("Undid: Put 3 teams in Wave 2 — scale out") == true)
    }

    @Test func capitalMClearsTheMarksOnEveryList() throws {
        let d = AppDriver()
        d.keys("2gmm")
        #expect(d.screen.contains("2 marked"))
        d.keys("M")
        #expect(!d.screen.contains("2 marked") && !d.screen.contains("◆"))
        d.keys("3gmmm")
        #expect(d.screen.contains("3 marked"))
        d.keys("M")
        #expect(!d.screen.contains("3 marked") && !d.screen.contains("◆"))
        d.keys("6mm")
        #expect(d.screen.contains("2 marked"))
        d.keys("M")
        #expect(!d.screen.contains("◆"))
    }

    @Test func fromThePilotsViewEnterPutsTheSelectedRow() throws {
        let d = AppDriver()
        d.keys("3")
        let name = ranking(d)[5]
        d.keys("g" + String(repeating: "j", count: 5))
        #expect(waveOf(d, name) == nil)
        d.keys("P")
        #expect(d.screen.contains("Put \(name) in a wave"))
        d.keys("gj<enter>")  // the second row: wave 1
        #expect(waveOf(d, name)?.order == 1)
        #expect(d.screen.line(containing: name)?.text.contains("in wave 1") == true)
        #expect(d.state.toast?.text.contains("Put \(name) in Wave 1 — early adopters") == true)
    }

    @Test func nOnTheBoardCreatesTheWaveAndPutsTheTeamInOneEdit() throws {
        let d = AppDriver()
        d.keys("6llg")  // Wave 2's first team
        let name = try #require(Reducer.selectedWaveTeam(d.state)?.name)
        let before = d.state.plan
        d.keys("Pn")
        let new = try #require(d.state.plan.orderedWaves.last)
        #expect(new.name == "Wave 3" && new.order == 3)
        #expect(new.start == Day(2027, 3, 22) && new.end == Day(2027, 9, 3))
        #expect(waveOf(d, name)?.id == new.id)
        #expect(d.state.toast?.text.hasPrefix("Put \(name) in Wave 3 (22 Mar – 3 Sep 2027); capacity unknown: no coach yet") == true)
        #expect(Reducer.selectedWaveTeam(d.state)?.name == name, "the board follows the team into its new column")
        d.keys("u")
        #expect(d.state.plan == before, "one undo takes the wave and the move back")
    }

    @Test func onTheBoardMovingIntoThePilotWaveMakesPilots() throws {
        let d = AppDriver()
        d.keys("6lg")  // Wave 1's first team
        let name = try #require(Reducer.selectedWaveTeam(d.state)?.name)
        d.keys("P0")
        #expect(team(d, name).status == .pilot)
        d.keys("P")
        #expect(d.screen.line(containing: "0  Pilots")?.text.contains("(now)") == true)
        d.keys("G<enter>")  // Not yet planned
        #expect(team(d, name).status == .candidate)
        #expect(waveOf(d, name) == nil)
        #expect(d.state.toast?.text.hasPrefix("Took \(name) out of its wave") == true)
    }

    @Test func whileAScenarioIsEditedThePutChangesTheScenarioNotThePlan() throws {
        let d = AppDriver()
        let original = d.state.plan
        d.keys("6sn")
        d.type("Later")
        d.keys("<enter><enter>")
        let scenario = try #require(d.state.plan.scenarios.last)
        d.keys("lg")
        d.keys("P2")
        #expect(d.state.plan.waves == original.waves, "the plan's waves are untouched")
        let edited = try #require(d.state.plan.scenarios.first { $0.id == scenario.id })
        #expect(edited.waves != scenario.waves)
        #expect(d.state.history.nextUndoTitle?.hasSuffix("(scenario Later)") == true)
        // A new wave is the plan's business: refused in words.
        d.keys("Pn")
        #expect(d.screen.contains("adding a wave works on the plan itself"))
    }

    @Test func outOfScopeTeamsAreRefusedInWords() throws {
        let d = AppDriver()
        d.keys("3G")
        let out = try #require(d.state.derived.pilots.teamIndex(row: d.state.pilots.selected).map { d.state.plan.teams[$0] })
        #expect(out.status == .outOfScope)
        d.keys("P")
        #expect(d.state.toast?.text.hasPrefix("\(out.name) is out of scope: \(out.outOfScopeReason!)") == true)
        #expect(d.state.toast?.isError == true)
        // Marked with an in-scope team: that one is put, the other refused in the toast.
        d.keys("m")  // marks the out-of-scope team (the last row: the selection stays)
        d.keys("gm")
        let first = ranking(d)[0]
        d.keys("P2")
        #expect(waveOf(d, first)?.order == 2)
        #expect(d.state.plan.teams.first { $0.id == out.id }?.status == .outOfScope)
        #expect(d.state.toast?.text.contains("not put: \(out.name) is out of scope") == true)
    }

    @Test func aReadOnlyPlanDisablesPutInAWave() throws {
        let d = AppDriver(readOnly: "another pilotwave has it open")
        d.keys("2P")
        #expect(d.state.toast?.text == "Put in a wave: read-only: another pilotwave has it open")
        #expect(!d.screen.contains("in a wave ─"))
    }

    @Test func compareTakesUpToThreeMarkedTeams() throws {
        let d = AppDriver()
        d.keys("3gmmmm")
        d.keys("c")
        #expect(d.state.toast?.text == "Compare takes up to three teams: 4 marked — M clears the marks")
        d.keys("Mmmc")
        #expect(d.screen.contains("Compare — Esc closes"))
    }

    @Test func pOnMarkedTeamsChoosesThemAllAsOneEdit() throws {
        let d = AppDriver()
        d.keys("3")
        let names = ["Web & Campaigns", "Fraud Signals"]
        let history = d.state.history.position
        for name in names {
            let row = try #require(ranking(d).firstIndex(of: name))
            d.keys("g" + String(repeating: "j", count: row) + "m")
        }
        #expect(d.screen.contains("2 marked"))
        d.keys("p")
        #expect(d.state.history.position == history + 1)
        for name in names { #expect(team(d, name).status == .pilot && waveOf(d, name)?.order == 0) }
        #expect(d.state.toast?.text.hasPrefix("Chose Web & Campaigns and Fraud Signals as pilots") == true)
        #expect(!d.screen.contains("2 marked"))
        #expect(d.state.overlay == nil, "they are in the pilot wave: nothing to offer")
        d.keys("u")
        #expect(d.state.toast?.text.hasPrefix("Undid: Choose 2 teams as pilots") == true)
    }

    @Test func afterPThePilotWaveIsOfferedAndEnterCreatesIt() throws {
        let d = AppDriver(plan: Self.planWithoutWaves())
        d.keys("3")
        let name = "Web & Campaigns"
        let row = try #require(ranking(d).firstIndex(of: name))
        d.keys("g" + String(repeating: "j", count: row) + "p")
        #expect(team(d, name).status == .pilot)
        let screen = d.screen
        #expect(screen.contains("Put the new pilot in a wave?"))
        #expect(screen.line(containing: "New wave…")?.text.contains("▶") == true, "New wave… is preselected")
        #expect(screen.line(containing: "New wave…")?.text.contains("Pilots, 16 Mar – 8 May") == true)
        d.keys("<enter>")
        let pilots = try #require(d.state.plan.orderedWaves.first)
        #expect(pilots.name == "Pilots" && pilots.order == 0 && pilots.teams == [team(d, name).id])
        #expect(team(d, name).status == .pilot)
        #expect(d.state.toast?.text.hasPrefix("Put \(name) in Pilots (16 Mar – 8 May); ") == true)
    }

    @Test func declinedTheOfferKeepsThePilotOutOfTheWaves() throws {
        let d = AppDriver(plan: Self.planWithoutWaves())
        d.keys("3")
        let name = "Web & Campaigns"
        let row = try #require(ranking(d).firstIndex(of: name))
        d.keys("g" + String(repeating: "j", count: row) + "p")
        #expect(d.screen.contains("Put the new pilot in a wave?"))
        d.keys("<esc>")
        #expect(d.state.toast?.text == "Not put in a wave; P puts them in one later")
        #expect(team(d, name).status == .pilot)
        #expect(d.state.plan.waves.isEmpty)
        // p again makes it a candidate: nothing is offered.
        d.keys("p")
        #expect(team(d, name).status == .candidate)
        #expect(!d.screen.contains("in a wave?"))
    }

    /// On the demo: the top 3 of the ranking into wave 1, the next 2 into wave 2, in ten keys.
    @Test func fiveTeamsIntoTwoWavesTakeTenKeys() throws {
        let d = AppDriver()
        d.keys("3")
        let top = Array(ranking(d).prefix(5))
        let story = "gmmmP1mmP2"
        #expect(Key.story(story).count <= 10)
        d.keys(story)
        for name in top.prefix(3) { #expect(waveOf(d, name)?.order == 1, "\(name) in wave 1") }
        for name in top.suffix(2) { #expect(waveOf(d, name)?.order == 2, "\(name) in wave 2") }
    }
}
