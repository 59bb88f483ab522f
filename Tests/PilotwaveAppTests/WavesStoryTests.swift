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
        #expect(d.state.toast?.text.contains("without a coach") == true)
        #expect(Reducer.selectedWaveTeam(d.state)?.name == "Fraud Signals", "the selection follows the team")
        #expect(d.screen.line(containing: "planned · 7/0 ! over") != nil)
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
