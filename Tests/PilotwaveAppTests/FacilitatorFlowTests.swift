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
