import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// The flows of the facilitator's guide, replayed key by key on the demo with their key budgets
/// (command keys, as ``CountedFlow`` counts them). A change that lengthens a flow, or hides one of
/// its keys from the screen it is pressed on, fails here. The guide shows the same keys.
@Suite("Facilitator flows, counted")
struct FacilitatorFlowTests {
    @Test func noteResistanceOnATeamFoundByName() throws {
        let d = AppDriver()
        var flow = CountedFlow(d)
        flow.press("2!We have no time for this<tab><tab>broker")
        #expect(d.screen.contains("= Broker Hub"), "the room sees which team it goes to before Enter")
        flow.press("<enter>")
        let note = try #require(d.state.plan.resistance.last)
        #expect(note.words == "We have no time for this")
        #expect(d.state.plan.teams.first { $0.id == note.team }?.name == "Broker Hub")
        #expect(d.screen.contains("Broker Hub"), "the toast names the team")
        #expect(flow.count - 1 <= 4, "!, Tab, Tab, Enter (2 only opens a view): \(flow.commandKeys)")
        #expect(flow.unseen.isEmpty, "keys not on screen when pressed: \(flow.unseen)")
    }

    @Test func recordAReadinessRating() throws {
        let d = AppDriver()
        let before = d.state.plan.signals.count
        var flow = CountedFlow(d)
        // Outcomes over outputs for the first pilot column (Claims Intake).
        flow.press("4jjjjlr4<enter>")
        #expect(d.state.plan.signals.count == before + 1, "\(d.screen)")
        let signal = try #require(d.state.plan.signals.last)
        #expect(signal.rating == 4)
        #expect(d.state.plan.teams.first { $0.id == signal.team }?.name == "Claims Intake")
        #expect(signal.recordedBy == "Anna Keller", "who rated this cell last is proposed")
        #expect(flow.count <= 8, "4, four j, l, r, Enter: \(flow.commandKeys)")
        #expect(flow.unseen.isEmpty, "keys not on screen when pressed: \(flow.unseen)")
    }

    /// A readiness check-in with participants: open the round, reveal what they answered, record
    /// the value the room agrees.
    @Test func aReadinessRoundOpenedRevealedAndRecorded() throws {
        let d = AppDriver()
        var flow = CountedFlow(d)
        d.send(.inbox(InboxDelivery(present: ["Ann", "Bo", "Cy"], items: [])))
        flow.press("4o<enter>")
        let round = try #require(d.state.plan.rounds.last)
        let key = round.dimensions[0]
        let answers = zip(["Ann", "Bo", "Cy"], [2, 3, 3]).map { who, rating in
            InboxItem(file: "readiness-\(who).json", version: "1",
                      content: .submission(.ratings(round.id, by: who, [RoundRating(dimension: key, rating: rating)], at: AppDriver.start)))
        }
        d.send(.inbox(InboxDelivery(present: ["Ann", "Bo", "Cy"], items: answers)))
        flow.press("<esc>@V")
        #expect(d.screen.contains("n 3 · median 3 · 2–3"))
        flow.press("j<enter><enter>")
        let signal = try #require(d.state.plan.signals.last)
        #expect(signal.dimension == key && signal.rating == 3 && signal.recordedBy == "the room (3 participants)")
        #expect(flow.count <= 9, "4, o, Enter, Esc, @, V, j, Enter, Enter: \(flow.commandKeys)")
        #expect(flow.unseen.isEmpty, "keys not on screen when pressed: \(flow.unseen)")
    }

    @Test func exportTheReport() throws {
        let d = AppDriver()
        var flow = CountedFlow(d)
        // E works in every view (tested with the export itself); here from the Overview, where
        // the bar shows it beside the plan's checks.
        flow.press("1E<enter>")
        #expect(d.effects.contains { if case .export = $0 { true } else { false } }, "Enter asks for the file to be written")
        #expect(flow.count - 1 <= 2, "E, Enter: \(flow.commandKeys)")
        #expect(flow.unseen.isEmpty, "keys not on screen when pressed: \(flow.unseen)")
    }

    @Test func runAWorkshopStepWithADecisionAnActionAndAParkedItem() throws {
        let d = AppDriver()
        let workshop = d.state.plan.workshops.count
        var flow = CountedFlow(d)
        flow.press("8<enter>")
        #expect(d.screen.contains("started"))
        flow.press("dKeep Claims Triage as a pilot<enter>")
        #expect(d.screen.contains("Decision logged: \"Keep Claims Triage as a pilot\""), "the room sees what was logged")
        flow.press("aBook the coaches<tab>Beat<enter>")
        #expect(d.screen.contains("Action for Beat: \"Book the coaches\""))
        flow.press("pFunding model for wave 2<enter>")
        #expect(d.screen.contains("Parked \"Funding model for wave 2\""))
        #expect(d.state.plan.workshops.count == workshop)
        #expect(d.screen.contains("◆ Keep Claims Triage as a pilot"), "captured here, on the workshop's panel")
        #expect(d.screen.contains("→ Book the coaches — Beat"))
        #expect(flow.count <= 9, "8, Enter, d, Enter, a, Tab, Enter, p, Enter: \(flow.commandKeys)")
        #expect(flow.unseen.isEmpty, "keys not on screen when pressed: \(flow.unseen)")
    }
}

/// The pilot-selection task a facilitator was timed on, on 40 teams imported from a spreadsheet:
/// set the weights the room agreed, change one and re-rank, choose the top 3 as pilots, note
/// resistance on a team found by its name, record a readiness rating for the third team, put the
/// top 3 in the first wave and the next 2 in the second, save, and write the Markdown report —
/// in at most 26 command keys. The facilitator's guide shows the same sequence.
@Suite("The pilot-selection task in 26 keys")
struct PilotSelectionTaskTests {
    func names(_ d: AppDriver, rows: Range<Int>) -> [String] {
        rows.compactMap { row in d.state.derived.pilots.teamIndex(row: row).map { d.state.plan.teams[$0].name } }
    }

    @Test func theWholeTaskOnFortyImportedTeams() throws {
        let d = AppDriver(plan: try FortyTeams.plan(), size: Size(width: 100, height: 30))
        var flow = CountedFlow(d)
        // Weights: all six typed in one prompt, then one raised.
        flow.press("3w5 3 2 0 0 0<enter>")
        #expect(d.state.plan.criteria.map(\.weight) == [5, 3, 2, 0, 0, 0])
        flow.press("+")
        #expect(d.state.plan.criteria.map(\.weight) == [6, 3, 2, 0, 0, 0])
        #expect(d.screen.contains("Familiarity weight 5 → 6"))
        let top5 = names(d, rows: 0..<5)
        // The top 3 marked and chosen; the pilot wave offered and made.
        flow.press("gmmmp")
        #expect(d.screen.contains("Put the new pilots in a wave?"))
        flow.press("<enter>")
        let pilotWave = try #require(d.state.plan.orderedWaves.first)
        #expect(pilotWave.order == 0)
        #expect(pilotWave.teams.compactMap { id in d.state.plan.teams.first { $0.id == id }?.name } == Array(top5[0..<3]))
        #expect(PilotCount.pilots(d.state.plan).count == 3)
        // The next two in a new wave.
        flow.press("mmPn")
        let waves = d.state.plan.orderedWaves
        #expect(waves.count == 2)
        #expect(waves[1].teams.compactMap { id in d.state.plan.teams.first { $0.id == id }?.name } == Array(top5[3..<5]))
        #expect(d.screen.contains("in wave 1"), "the list shows where they went")
        // Resistance on a team found by its name.
        flow.press("!We tried this in 2019 and it failed<tab><tab>sales broker<enter>")
        let note = try #require(d.state.plan.resistance.last)
        #expect(d.state.plan.teams.first { $0.id == note.team }?.name == "Sales Broker Hub")
        // A readiness rating for the third team: the third pilot column, the first row it can take.
        flow.press("4lllr4<enter>")
        let signal = try #require(d.state.plan.signals.last)
        #expect(d.state.plan.teams.first { $0.id == signal.team }?.name == top5[2])
        #expect(signal.rating == 4)
        // Saved: autosave writes each edit (the status line says "saved"); the report in two keys.
        #expect(d.state.autosave)
        flow.press("E")
        #expect(d.screen.contains("Markdown"))
        flow.press("<enter>")
        #expect(d.effects.contains { if case .export(_, "markdown", _, _, _) = $0 { true } else { false } })
        #expect(flow.count <= 26, "\(flow.count) command keys: \(flow.commandKeys.joined(separator: " "))")
        #expect(flow.unseen.isEmpty, "keys not on screen when pressed: \(flow.unseen)")
    }
}
