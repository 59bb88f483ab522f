import Foundation
import PilotwaveApp
import PilotwaveCore
import Testing
import TerminalUI

/// A plan a merge left conflicts in: the Conflicts overlay shows them in words when it opens, Enter
/// takes theirs, o keeps ours, one undoable edit each; Esc closes it, X brings it back.
@Suite struct ConflictsStoryTests {
    static let coach = MergeConflict(id: "teams/team-claims-intake/coach", what: "Team \"Claims Intake\": coach",
                                     ours: "\"coach-anna-keller\"", theirs: "\"coach-marc-dubois\"",
                                     base: "\"coach-lena-brunner\"")
    static let name = MergeConflict(id: "name", what: "Plan name", ours: "\"Lindenhof — towards product teams\"",
                                    theirs: "\"Lindenhof 2026\"", base: "\"Lindenhof\"")
    static let motor = MergeConflict(id: "teams/team-motor-claims", what: "Team \"Motor Claims\"", ours: nil,
                                     theirs: "{\n  \"area\" : \"Motor\",\n  \"name\" : \"Motor Claims\"\n}", base: nil)

    static func plan() -> Plan {
        var plan = DemoPlan.make()
        plan.conflicts = [coach, name, motor]
        return plan
    }

    /// The status line once messages have gone.
    static func statusLine(_ d: AppDriver) -> String {
        d.clock.advance(10)
        d.send(.tick(d.clock.now))
        return d.screen.lines[d.screen.lines.count - 2]
    }

    @Test func aPlanWithConflictsOpensOnThemInWords() throws {
        let d = AppDriver(plan: Self.plan(), size: Size(width: 100, height: 30))
        #expect(d.state.view == .overview)
        #expect(d.state.overlay == .conflicts(ConflictsOverlay()))
        let screen = d.screen
        #expect(screen.contains("3 merge conflicts to resolve"))
        #expect(screen.contains("▶ Team \"Claims Intake\": coach"))
        // Ids of things in the plan are shown by their names; JSON as it is, on one line.
        #expect(screen.contains("ours    \"Anna Keller\""))
        #expect(screen.contains("theirs  \"Marc Dubois\""))
        #expect(screen.contains("base    \"Lena Brunner\""))
        #expect(screen.contains("theirs  \"Lindenhof 2026\""))
        #expect(screen.contains("ours    deleted"))
        #expect(screen.contains("theirs  { \"area\" : \"Motor\", \"name\" : \"Motor Claims\" }"))
        #expect(screen.contains("base    not there"))
        let bottom = screen.lines[screen.lines.count - 1], status = screen.lines[screen.lines.count - 2]
        #expect(bottom.contains("Enter take theirs") && bottom.contains("o keep ours") && bottom.contains("Esc close"))
        #expect(status.hasSuffix("3 conflicts · X "))

        // A plan nobody merged opens as always, and X says there is nothing to resolve.
        let plain = AppDriver()
        #expect(plain.state.overlay == nil)
        #expect(plain.state.view == .teams)
        plain.keys("X")
        #expect(plain.state.overlay == nil)
        #expect(plain.state.toast?.text == "Conflicts: no merge conflicts to resolve")
    }

    @Test func keepingOursIsOneUndoableEdit() throws {
        let d = AppDriver(plan: Self.plan())
        let before = d.state.plan
        d.keys("jo")  // the plan's name: keep ours
        #expect(d.state.plan.conflicts == [Self.coach, Self.motor])
        #expect(d.state.plan.name == before.name)
        #expect(d.state.toast?.text == "Kept ours: Plan name — 2 conflicts left; u to undo")
        #expect(d.state.history.nextUndoTitle == "Keep ours: Plan name")
        #expect(d.screen.contains("2 merge conflicts to resolve"))
        #expect(!d.screen.contains("Lindenhof 2026"))
        // u in the overlay undoes it: the conflict is back where it was.
        d.keys("u")
        #expect(d.state.plan == before)
        #expect(d.state.toast?.text.hasPrefix("Undid: Keep ours: Plan name") == true)
        #expect(d.screen.contains("3 merge conflicts to resolve"))
        #expect(d.screen.contains("Lindenhof 2026"))
    }

    @Test func takingTheirsIsOneUndoableEdit() throws {
        let d = AppDriver(plan: Self.plan())
        let before = d.state.plan
        d.keys("<enter>")
        #expect(d.state.plan.conflicts == [Self.name, Self.motor])
        #expect(d.state.plan.team("team-claims-intake")?.coach == "coach-marc-dubois")
        #expect(d.state.toast?.text == "Took theirs: Team \"Claims Intake\": coach — 2 conflicts left; u to undo")
        #expect(d.state.history.nextUndoTitle == "Take theirs: Team \"Claims Intake\": coach")
        d.keys("u")
        #expect(d.state.plan == before)
    }

    @Test func escClosesAndXReopensWhileAnyRemain() throws {
        let d = AppDriver(plan: Self.plan())
        d.keys("<esc>")
        #expect(d.state.overlay == nil)
        #expect(Self.statusLine(d).hasSuffix("3 conflicts · X "))
        d.keys("2X")
        #expect(d.state.view == .teams)
        #expect(d.state.overlay == .conflicts(ConflictsOverlay()))
        d.keys("ooo")
        #expect(d.state.plan.conflicts.isEmpty)
        #expect(d.state.toast?.text == "Kept ours: Team \"Motor Claims\" — no conflicts left; u to undo")
        #expect(d.screen.contains("No merge conflicts left."))
        d.keys("<esc>")
        #expect(!Self.statusLine(d).contains("conflict"))
        d.keys("X")
        #expect(d.state.overlay == nil)
        // Undone from anywhere, a decision brings its conflict back, and the reminder.
        d.keys("u")
        #expect(d.state.plan.conflicts == [Self.motor])
        #expect(Self.statusLine(d).hasSuffix("1 conflict · X "))
    }

    /// On the Overview, a conflict is a plan check; Enter on it opens the overlay on that conflict.
    @Test func theOverviewsCheckGoesToTheConflict() throws {
        let d = AppDriver(plan: Self.plan())
        d.keys("<esc>")
        let index = try #require(d.state.derived.findings.firstIndex { $0.concerns == ["name"] })
        #expect(d.state.derived.findings[index].message
            == "Merge conflict: Plan name — ours \"Lindenhof — towards product teams\", theirs \"Lindenhof 2026\" (base \"Lindenhof\"). Open the plan to resolve it.")
        for _ in 0..<index { d.keys("j") }
        d.keys("<enter>")
        #expect(d.state.overlay == .conflicts(ConflictsOverlay(selected: 1)))
        #expect(d.screen.contains("▶ Plan name"))
    }

    /// A merged file read again from disk (r after it changed) shows its conflicts too.
    @Test func reloadingAMergedFileShowsItsConflicts() throws {
        let d = AppDriver()
        d.send(.reloaded(Self.plan()))
        #expect(d.state.overlay == .conflicts(ConflictsOverlay()))
        #expect(d.screen.contains("3 merge conflicts to resolve"))
        d.send(.reloaded(DemoPlan.make()))
        #expect(d.state.overlay == nil)
    }
}
