import Foundation
import PilotwaveCore
import PilotwaveUI
import Testing
import TerminalUI
@testable import PilotwaveApp

/// The plan is replaced by undo, redo, a reload or an adopted scenario while other views are shown:
/// nothing cached for a view that is not on screen may be used as if it belonged to the new plan.
@Suite("Plan replaced under a view")
struct PlanReplacementTests {
    @Test func undoingAnAddedTeamOnBlockersThenOpeningWorkshop() {
        let d = AppDriver()
        let count = d.state.plan.teams.count
        d.keys("2ax<enter>7u8")
        #expect(d.state.plan.teams.count == count)
        #expect(d.state.view == .workshop)
        #expect(d.screen.contains("Workshop"))
        d.keys("2")
        #expect(d.selectedTeam != nil)
        #expect(d.screen.contains("▶"))
    }

    @Test func undoingAnAddedTeamOnWorkshopItself() {
        let d = AppDriver()
        let count = d.state.plan.teams.count
        d.keys("2ax<enter>8u8")
        #expect(d.state.plan.teams.count == count)
        #expect(d.state.view == .workshop)
        d.keys("2")
        #expect(d.selectedTeam != nil)
    }
}
