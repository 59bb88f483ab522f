import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// Wave planning on the board, key by key.
@Suite("Waves board stories")
struct WavesStoryTests {
    func column(_ d: AppDriver, _ title: String) -> Int {
        d.state.derived.waves.columns.firstIndex { $0.title.hasPrefix(title) }!
    }

    func go(_ d: AppDriver, to title: String, team: String) {
        d.keys("6" + String(repeating: "h", count: 8))
        d.keys(String(repeating: "l", count: column(d, title)))
        let c = d.state.derived.waves.columns[d.state.waves.column]
        let row = c.teams.firstIndex { d.state.plan.teams[Int($0)].name == team }!
        d.keys("g" + String(repeating: "j", count: row))
    }

    @Test func movingIntoAnOverCapacityWaveWarnsAndUndoesCleanly() throws {
        let d = AppDriver()
        let before = d.state.plan
        go(d, to: "Not yet planned", team: "Fraud Signals")
        #expect(Reducer.selectedWaveTeam(d.state)?.name == "Fraud Signals")
        d.keys("<")
        let wave2 = try #require(d.state.plan.orderedWaves.last)
        #expect(wave2.teams.contains(d.state.plan.teams.first { $0.name == "Fraud Signals" }!.id))
        #expect(d.state.toast?.text.hasPrefix("Moved Fraud Signals to \(wave2.name) — u to undo; ! ") == true)
        #expect(d.state.toast?.text.contains("no coach yet") == true)
        #expect(Reducer.selectedWaveTeam(d.state)?.name == "Fraud Signals", "the selection follows the team")
        #expect(d.screen.line(containing: "planned · 7 ?c") != nil, "no coach yet, not a capacity of 0")
        #expect(d.screen.line(containing: "7/0") == nil)
        d.keys("u")
        #expect(d.state.plan == before, "one undo puts the plan back exactly")
    }

    @Test func markedTeamsMoveTogetherAsOneEdit() throws {
        let d = AppDriver()
        go(d, to: "Not yet planned", team: "Fraud Signals")
        d.keys("m")  // marks and steps down
        d.keys("m")
        #expect(d.state.waves.marked.count == 2)
        #expect(d.screen.contains("◆"))
        let history = d.state.history.position
        d.keys("<")
        #expect(d.state.history.position == history + 1, "one undoable edit")
        let last = try #require(d.state.plan.orderedWaves.last)
        #expect(last.teams.suffix(2).count == 2)
        #expect(d.state.waves.marked.isEmpty)
        // A team moved into wave 0 becomes a pilot; out of the waves, a candidate.
        go(d, to: "Wave 1", team: "Broker Hub")
        d.keys("<")
        #expect(d.state.plan.teams.first { $0.name == "Broker Hub" }?.status == .pilot)
        d.keys(">>>")
        #expect(d.state.plan.teams.first { $0.name == "Broker Hub" }?.status == .candidate)
        #expect(d.state.toast?.text.contains("Not yet planned") == true)
    }

    @Test func coachesAreAssignedFromTheBoardAndTheGaugeFollows() throws {
        let d = AppDriver()
        go(d, to: "Wave 2", team: "Motor Claims")
        #expect(d.screen.line(containing: "Motor Claims")?.text.contains("?c") == true)
        d.keys("c")
        let team = try #require(d.state.plan.teams.first { $0.name == "Motor Claims" })
        #expect(team.coach == d.state.plan.coaches.first?.id)
        let wave = try #require(d.state.plan.orderedWaves.last)
        #expect(d.state.derived.waves.capacity[wave.id]?.uncoached == 5)
        #expect(d.screen.contains("Capacity: 6 teams · 1 coach for"))
    }

    @Test func startingAWaveOverItsGateNeedsAReasonForTheDecisionLog() throws {
        let d = AppDriver()
        d.keys("6l")
        let wave = try #require(d.state.derived.waves.columns[d.state.waves.column].wave.flatMap { d.state.plan.wave($0) })
        #expect(wave.status == .planned)
        let unmet = try #require(d.state.derived.waves.gates[wave.id]?.filter { !$0.met })
        #expect(!unmet.isEmpty)
        #expect(d.screen.contains("Entry gate: \(unmet.count) of"))
        #expect(d.screen.contains("✗ "))
        d.keys("A")
        guard case .editForm = d.state.overlay else { Issue.record("no override form"); return }
        d.keys("<enter>")
        #expect(d.state.plan.wave(wave.id)?.status == .planned, "no reason, no start")
        d.type("Board decided to start before budgets change")
        d.keys("<tab>")
        d.type("Leadership team")
        d.keys("<enter>")
        #expect(d.state.plan.wave(wave.id)?.status == .active)
        let decision = try #require(d.state.plan.decisions.last)
        #expect(decision.decidedBy == "Leadership team")
        #expect(decision.text.contains("entry gate unmet") && decision.text.contains("Board decided"))
        #expect(decision.concerns == [wave.id.raw])
        d.keys("u")
        #expect(d.state.plan.wave(wave.id)?.status == .planned)
        #expect(d.state.plan.decisions.last?.id != decision.id, "one undo takes back both")
    }

    @Test func findingsJumpToWhatTheyName() throws {
        let d = AppDriver()
        d.keys("6")
        #expect(d.screen.contains("Wave findings ("))
        d.keys("n")
        let f = d.state.derived.waves.findings[0]
        if let named = f.concerns.compactMap({ TeamID($0) }).first(where: { d.state.derived.indexByID[$0] != nil }) {
            #expect(Reducer.selectedWaveTeam(d.state)?.id == named)
        } else {
            #expect(f.concerns.contains(d.state.derived.waves.columns[d.state.waves.column].wave?.raw ?? "-"))
        }
        #expect(d.screen.contains("why: "))
    }
}

/// The timeline, wave dates, seeding a coach and scenarios, key by key.
@Suite("Waves timeline and scenarios stories")
struct WavesScenarioStoryTests {
    @Test func theTimelineShowsQuartersAndTheWaveFormMovesAWave() throws {
        let d = AppDriver()
        d.keys("6lt")
        #expect(d.state.waves.mode == .timeline)
        #expect(d.screen.contains("Q3'26"), "the axis is in quarters")
        #expect(d.screen.line(containing: "Marc Dubois")?.text.contains("4/3!") == true, "a coach over capacity in a quarter")
        // Wave 1 is selected (the board's column); W opens its dates.
        d.keys("W")
        guard case .editForm(let form)? = d.state.overlay else { Issue.record("no wave form"); return }
        #expect(form.text("start") == "2026-04-13")
        d.keys("<tab><ctrl-u>")
        d.type("2027-01-11")
        d.keys("<tab><ctrl-u>")
        d.type("2027-03-31")
        d.keys("<enter>")
        // Wave 1 would now start after Wave 2 and overlap it: said on the fields, and Enter again saves.
        guard case .editForm(let warned)? = d.state.overlay else { Issue.record("no warning before saving"); return }
        #expect(warned.fields.first { $0.key == "start" }?.warning == "after Wave 2 — scale out, which comes later")
        #expect(warned.fields.first { $0.key == "end" }?.warning == "overlaps Wave 2 — scale out")
        #expect(d.screen.contains("! after Wave 2"))
        #expect(d.screen.contains("Enter again saves it as it is"))
        d.keys("<enter>")
        let wave = try #require(d.state.plan.orderedWaves.first { $0.name.hasPrefix("Wave 1") })
        #expect(wave.start == Day(2027, 1, 11) && wave.end == Day(2027, 3, 31))
        #expect(d.state.toast?.text.hasPrefix("Saved Wave 1") == true)
        #expect(d.screen.line(containing: "Wave 1")?.text.contains("plan") == true, "planned, still ahead")
        // An end before the start is refused in words, on the field.
        d.keys("W")
        d.keys("<tab><tab><ctrl-u>")
        d.type("2026-01-01")
        d.keys("<enter>")
        guard case .editForm(let bad)? = d.state.overlay else { Issue.record("the form closed on a bad date"); return }
        #expect(bad.fields.first { $0.key == "end" }?.error?.contains("before the start") == true)
        d.keys("<esc>u")
        #expect(d.state.plan.orderedWaves.first { $0.name.hasPrefix("Wave 1") }?.start == Day(2026, 4, 13))
        d.keys("t")
        #expect(d.state.waves.mode == .board)
    }

    @Test func aCoachSeededFromAPilotTeamIsFreeOnlyAfterItsWave() throws {
        let d = AppDriver()
        d.keys("6h")  // the pilots
        let team = try #require(Reducer.selectedWaveTeam(d.state))
        d.keys("S")
        d.type("Jana Roth")
        d.keys("<enter>")
        let coach = try #require(d.state.plan.coaches.first { $0.name == "Jana Roth" })
        #expect(coach.seededFrom == team.id)
        #expect(d.state.toast?.text.contains("seeded from \(team.name)") == true)
        // Giving the seeded coach a team of the pilots' own wave is a finding.
        let before = d.state.derived.waves.findings.map(\.code)
        #expect(!before.contains("seededCoachTooEarly"))
        while d.state.plan.teams.first(where: { $0.id == team.id })?.coach != coach.id { d.keys("c") }
        #expect(d.state.derived.waves.findings.contains { $0.code == "seededCoachTooEarly" })
        // A team in no wave cannot seed a coach.
        d.keys(String(repeating: "l", count: d.state.derived.waves.columns.count - 2))
        d.keys("S")
        #expect(d.state.overlay == nil)
        #expect(d.state.toast?.isError == true)
    }

    @Test func aScenarioIsEditedComparedAndAdoptedWithoutLosingThePlan() throws {
        let d = AppDriver()
        let original = d.state.plan
        d.keys("6s")
        #expect(d.state.waves.mode == .scenarios)
        let before = d.state.plan.scenarios.count
        d.keys("n")
        d.type("Finance first")
        d.keys("<enter>")
        #expect(d.state.plan.scenarios.count == before + 1)
        let scenario = try #require(d.state.plan.scenarios.last)
        #expect(scenario.name == "Finance first")
        // Edit it on the board: the plan's waves do not change, the scenario's do.
        d.keys("<enter>")
        #expect(d.state.waves.mode == .board && d.state.waves.scenario == scenario.id)
        #expect(d.screen.contains("Scenario Finance first"))
        d.keys("l>")  // the first team of wave 1 to wave 2
        #expect(d.state.plan.waves == original.waves, "the plan's waves are untouched")
        let edited = try #require(d.state.plan.scenarios.first { $0.id == scenario.id })
        #expect(edited.waves != scenario.waves)
        // Starting a wave is refused while a scenario is edited.
        d.keys("A")
        #expect(d.state.toast?.text.contains("works on the plan itself") == true)
        // Compare the current plan with it.
        d.keys("s")
        let row = d.state.waves.scenarioRow
        #expect(row == d.state.plan.scenarios.count)
        d.keys(String(repeating: "k", count: row) + "c" + String(repeating: "j", count: row) + "c")
        #expect(d.state.waves.mode == .compare)
        let cmp = try #require(d.state.derived.waves.comparison)
        #expect(cmp.moves.count == 1)
        #expect(d.screen.contains("Teams in a different wave (1)"))
        // Adopt it: one edit, a decision, the old plan kept as a scenario.
        d.keys("<esc>")
        let decisions = d.state.plan.decisions.count
        d.keys("a")
        d.type("Steering committee")
        d.keys("<enter>")
        #expect(d.state.plan.decisions.count == decisions + 1)
        #expect(d.state.plan.decisions.last?.text.contains("Finance first") == true)
        #expect(d.state.plan.scenarios.contains { $0.name.hasPrefix("Before adopting") })
        #expect(d.state.plan.orderedWaves.map(\.teams) == edited.waves.sorted { $0.order < $1.order }.map(\.teams))
        #expect(d.state.waves.scenario == nil && d.state.waves.mode == .board)
        // One undo puts the plan back as it was before adopting.
        d.keys("u")
        #expect(d.state.plan.waves == original.waves)
        #expect(d.state.plan.decisions.count == decisions)
    }

    @Test func aFindingLeadsToTheBlockerItNames() throws {
        let d = AppDriver()
        d.clock.advance(86_400 * 35)  // wave 1's start has come, its gate still open
        d.keys("6")
        let findings = d.state.derived.waves.findings
        let index = try #require(findings.firstIndex { $0.code == "entryBlockersOpen" })
        d.keys(String(repeating: "n", count: index + 1))
        let named = try #require(findings[index].concerns.compactMap { id in d.state.plan.blockers.first { $0.id.raw == id } }.first)
        d.keys("B")
        #expect(d.state.view == .blockers)
        let row = d.state.derived.blockers.rows[d.state.blockers.selected]
        #expect(d.state.plan.blockers[row].id == named.id)
    }
}
