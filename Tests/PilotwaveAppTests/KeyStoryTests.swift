import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// Given a plan, keys, the expected state: what a user does and sees.
@Suite("Key stories")
struct KeyStoryTests {
    @Test func navigationMovesTheSelectionAndScrolls() {
        let d = AppDriver(size: Size(width: 80, height: 24))
        #expect(d.selectedTeam?.name == "Claims Intake")
        d.keys("jjj")
        #expect(d.selectedTeam?.name == "Équipe Crème")
        d.keys("k")
        #expect(d.selectedTeam?.name == "Broker Hub")
        d.keys("G")
        #expect(d.state.teams.selected == 23)
        let last = String(d.selectedTeam!.name.prefix(8))
        #expect(d.screen.contains("▶ \(last)"), "the last row is scrolled into view")
        d.keys("g")
        #expect(d.state.teams.selected == 0)
        d.press(.pageDown)
        let page = Layout.teams(d.state.size, showDetail: true).visibleRows
        #expect(d.state.teams.selected == page)
        d.press(.pageUp)
        #expect(d.state.teams.selected == 0)
        d.keys("<down><down><up>")
        #expect(d.state.teams.selected == 1)
    }

    @Test func numberKeysAndTabSwitchViews() {
        let d = AppDriver()
        #expect(d.state.view == .teams)
        d.keys("1")
        #expect(d.state.view == .overview)
        #expect(d.screen.contains("Plan checks"))
        d.keys("<tab>")
        #expect(d.state.view == .teams)
        d.keys("<shift-tab>")
        #expect(d.state.view == .overview)
        d.send(.click("tab:teams"))
        #expect(d.state.view == .teams)
    }

    @Test func editingEveryFieldIsOneUndoableEdit() throws {
        let d = AppDriver()
        d.keys("j")  // Quote & Buy
        let before = try #require(d.selectedTeam)
        d.keys("<enter>")
        guard case .form = d.state.overlay else { Issue.record("form not open"); return }
        // Name: clear and type CJK.
        d.keys("<ctrl-u>")
        d.type("見積もりチーム")
        d.keys("<tab><ctrl-u>")
        d.type("Pricing")
        d.keys("<tab><right>")          // stage explore → invest
        d.keys("<tab><ctrl-u>2")         // product people
        d.keys("<tab><ctrl-u>2<tab><ctrl-u>9<tab><ctrl-u>1<tab><ctrl-u>1<tab><ctrl-u>0")
        d.keys("<tab>3<tab>0<tab>5")     // familiarity 3, learning unrated, customer access 5
        d.keys("<tab><ctrl-u>")
        d.type("More quotes completed online")
        d.keys("<tab><ctrl-u>")
        d.type("Online quote completion")
        d.keys("<tab><ctrl-u>40 %<tab><ctrl-u>60 %")
        d.keys("<tab>")                  // status: leave
        d.keys("<tab>")                  // reason
        d.keys("<tab><right>")           // coach: next one
        d.keys("<tab><ctrl-u>")
        d.type("Claims Intake")
        d.keys("<tab><ctrl-u>")
        d.type("pricing, pilot-2")
        d.keys("<tab><ctrl-u>")
        d.type("Ex-project team.")
        d.keys("<enter>")
        #expect(d.state.overlay == nil, "the form commits")
        let after = try #require(d.state.plan.team(before.id))
        #expect(after.name == "見積もりチーム")
        #expect(after.area == "Pricing")
        #expect(after.stage == .invest)
        #expect(after.roles == Roles(product: 2, design: 2, engineering: 9, data: 1, marketing: 1, other: 0))
        #expect(after.ratings == ["familiarity": 3, "customerAccess": 5])
        #expect(after.outcome == Outcome(statement: "More quotes completed online", metric: "Online quote completion",
                                         baseline: "40 %", target: "60 %"))
        #expect(after.dependsOn == [d.state.plan.teams.first { $0.name == "Claims Intake" }!.id])
        #expect(after.tags == ["pricing", "pilot-2"])
        #expect(after.notes == "Ex-project team.")
        #expect(after.coach != before.coach)
        #expect(d.state.history.done.count == 1)
        #expect(d.state.saveStatus == .unsaved)
        #expect(d.screen.contains("見積もりチーム"))
        d.keys("u")
        #expect(d.state.plan.team(before.id) == before, "one undo restores every field")
        #expect(d.screen.contains("Undid:"))
        d.keys("<ctrl-r>")
        #expect(d.state.plan.team(before.id) == after)
    }

    @Test func formRefusesBadInputInlineAndEscCancels() throws {
        let d = AppDriver()
        let plan = d.state.plan
        d.keys("a")
        d.keys("<enter>")
        guard case .form(let form) = d.state.overlay else { Issue.record("form should stay open"); return }
        #expect(form.fields[form.focus].key == "name")
        #expect(form.fields[form.focus].error == "a team needs a name")
        #expect(d.screen.contains("✗ a team needs a name"))
        d.type("Claims Intake")
        d.keys("<enter>")
        guard case .form(let form2) = d.state.overlay else { Issue.record("duplicate name refused"); return }
        #expect(form2.fields[form2.focus].error == "\"Claims Intake\" already exists")
        d.keys("<esc>")
        #expect(d.state.overlay == nil)
        #expect(d.state.plan == plan)
        #expect(!d.state.history.canUndo)
    }

    @Test func addDuplicateDeleteAndUndo() throws {
        let d = AppDriver()
        let count = d.state.plan.teams.count
        d.keys("a")
        d.type("Équipe Nouvelle")
        d.keys("<enter>")
        #expect(d.state.plan.teams.count == count + 1)
        #expect(d.selectedTeam?.name == "Équipe Nouvelle", "the new team is selected")
        #expect(d.selectedTeam?.id.raw == "team-t1")
        d.keys("y<enter>")
        #expect(d.state.plan.teams.count == count + 2)
        #expect(d.selectedTeam?.name == "Équipe Nouvelle (copy)")
        d.keys("g")
        let first = try #require(d.selectedTeam)
        d.keys("d")
        #expect(d.state.plan.team(first.id) == nil)
        #expect(d.screen.contains("Deleted \(first.name) — u to undo"))
        d.keys("u")
        #expect(d.state.plan.team(first.id) == first)
        d.keys("uu")
        #expect(d.state.plan.teams.count == count)
        #expect(d.state.plan == DemoPlan.make(), "undo back to the start restores the plan exactly")
    }

    @Test func filterByTypingThenClear() {
        let d = AppDriver()
        d.keys("/claims")
        #expect(d.state.teams.filterInput?.text == "claims")
        let names = d.state.derived.rows.map { d.state.plan.teams[Int($0)].name }
        #expect(!names.isEmpty)
        #expect(names.allSatisfy { n in
            let t = d.state.plan.teams.first { $0.name == n }!
            return (t.name + t.area + t.tags.joined()).lowercased().contains("claims")
        })
        #expect(d.screen.contains("of 24 teams"))
        d.keys("<enter>")
        #expect(d.state.teams.filter == "claims")
        d.keys("n")
        #expect(d.state.teams.selected == 1)
        d.keys("<esc>")
        #expect(d.state.teams.filter == "")
        #expect(d.state.derived.rows.count == 24)
        d.keys("/zzzz")
        #expect(d.screen.contains("No team matches \"zzzz\""))
        d.keys("<esc>")
        #expect(d.state.derived.rows.count == 24)
    }

    @Test func sortCyclesAndReverses() {
        let d = AppDriver()
        d.keys("s")
        #expect(d.state.teams.sort == .name)
        let names = d.state.derived.rows.map { d.state.plan.teams[Int($0)].name.lowercased() }
        #expect(names == names.sorted())
        d.keys("S")
        let reversed = d.state.derived.rows.map { d.state.plan.teams[Int($0)].name.lowercased() }
        #expect(reversed == names.reversed())
        d.keys("ssss")
        #expect(d.state.teams.sort == .status)
        d.keys("s")
        #expect(d.state.teams.sort == .score)
        let rows = d.state.derived.rows.map(Int.init)
        let thin = rows.map { d.state.derived.thin[$0] }
        #expect(thin == thin.sorted { !$0 && $1 }, "thinly rated teams come after the others")
        let solid = rows.filter { !d.state.derived.thin[$0] }.map { d.state.derived.scores[$0] }
        #expect(solid == solid.sorted(by: >))
    }

    @Test func selectionFollowsTheTeamWhenSorting() {
        let d = AppDriver()
        d.keys("jjjj")
        let team = d.selectedTeam?.id
        d.keys("s")
        #expect(d.selectedTeam?.id == team)
    }

    @Test func quitGuard() {
        // Clean plan: quits at once.
        let clean = AppDriver()
        clean.keys("q")
        #expect(clean.effects == [.quit])

        // Autosave on: quitting saves first.
        let dirty = AppDriver()
        dirty.keys("d")
        dirty.keys("q")
        guard case .save(_, _, _, true) = dirty.effects.last else { Issue.record("expected save-then-quit"); return }

        // Autosave off: asks.
        let off = AppDriver()
        off.send(.command("file.toggleAutosave"))
        off.keys("d")
        off.keys("q")
        #expect(off.state.overlay == .confirmQuit)
        #expect(off.screen.contains("s save and quit"))
        off.keys("<esc>")
        #expect(off.state.overlay == nil)
        off.keys("qy")
        #expect(off.effects.last == .quit)

        // Demo plan: edits live in memory, so ask.
        let demo = AppDriver(file: nil)
        demo.keys("dq")
        #expect(demo.state.overlay == .confirmQuit)
        #expect(demo.screen.contains("live only in memory"))
    }

    @Test func autosaveWaitsForAQuietMomentAndReportsFailures() {
        let d = AppDriver()
        d.keys("d")
        d.send(.tick(d.clock.now))
        #expect(d.effects.isEmpty, "not while typing")
        d.clock.advance(1)
        d.send(.tick(d.clock.now))
        guard case .save(_, let revision, false, false) = d.effects.last else { Issue.record("autosave expected"); return }
        d.send(.saveFinished(revision: revision, .saved(at: d.clock.now)))
        #expect(d.state.saveStatus == .saved(at: d.clock.now))
        #expect(d.screen.contains("saved 09:00"))

        d.keys("d")
        d.send(.saveFinished(revision: d.state.revision, .failed("disk full")))
        #expect(d.screen.contains("NOT SAVED: disk full"))
        d.effects = []
        d.keys("q")
        #expect(d.state.overlay == .confirmQuit, "a failed save makes quit ask")
        #expect(d.effects.isEmpty)
    }

    @Test func outsideChangeAsksAndNeverOverwritesSilently() {
        let d = AppDriver()
        d.keys("d")
        d.send(.fileChangedOnDisk)
        #expect(d.state.overlay == .externalChange)
        #expect(d.screen.contains("changed by someone else"))
        d.clock.advance(5)
        d.send(.tick(d.clock.now))
        #expect(!d.effects.contains { if case .save = $0 { true } else { false } }, "no autosave while asking")
        d.keys("k")
        guard case .save(_, _, true, false) = d.effects.last else { Issue.record("keep mine saves over"); return }
        d.send(.fileChangedOnDisk)
        d.keys("r")
        #expect(d.effects.last == .reload)
        d.send(.reloaded(DemoPlan.make()))
        #expect(d.state.plan == DemoPlan.make())
        #expect(!d.state.isDirty)
    }

    @Test func readOnlyRefusesEditsWithTheReason() {
        let d = AppDriver(readOnly: "plan.json is open for writing in another pilotwave (pid 42); opened read-only")
        #expect(d.screen.contains("READ-ONLY"))
        d.keys("d")
        #expect(d.state.plan == DemoPlan.make())
        #expect(d.state.toast?.isError == true)
        #expect(d.state.toast?.text.contains("read-only") == true)
        d.keys("q")
        #expect(d.effects == [.quit])
    }

    @Test func helpAndPaletteComeFromTheRegistry() {
        let d = AppDriver()
        d.keys("?")
        #expect(d.screen.contains("Delete team"))
        #expect(d.screen.contains("Undo"))
        d.keys("<esc>:delte")
        guard case .palette = d.state.overlay else { Issue.record("palette"); return }
        #expect(d.screen.contains("Delete team"))
        let first = d.selectedTeam!
        d.keys("<enter>")
        #expect(d.state.plan.team(first.id) == nil, "the palette runs the command")
        d.keys("<ctrl-p>redo<enter>")
        #expect(d.state.toast?.text == "Redo: nothing to redo", "a disabled command says why")
    }

    @Test func mouseClicksSelectRowsAndTabs() throws {
        let d = AppDriver()
        let frame = d.frame
        let target = try #require(frame.hits.first { $0.target == "row:3" })
        d.send(.click(frame.target(x: target.rect.x + 3, y: target.rect.y)!))
        #expect(d.state.teams.selected == 3)
        d.send(.scroll(3))
        #expect(d.state.teams.selected == 6)
        let tab = try #require(frame.hits.first { $0.target == "tab:overview" })
        d.send(.click(frame.target(x: tab.rect.x, y: 0)!))
        #expect(d.state.view == .overview)
    }

    @Test func tinyTerminalShowsTooSmallAndQStillQuits() {
        let d = AppDriver(size: Size(width: 30, height: 8))
        #expect(d.screen.contains("terminal too small"))
        #expect(d.screen.contains("need 60×15, have 30×8"))
        d.keys("jd")
        #expect(d.state.plan == DemoPlan.make(), "keys other than q do nothing")
        d.send(.event(.resize(Size(width: 100, height: 30))))
        #expect(d.screen.contains("Claims Intake"))
        d.send(.event(.resize(Size(width: 30, height: 8))))
        d.keys("q")
        #expect(d.effects.last == .quit)
    }

    @Test func pasteGoesIntoTheFocusedFieldAsText() {
        let d = AppDriver()
        d.keys("a")
        d.send(.event(.paste("Équipe\nNord q")))
        guard case .form(let form) = d.state.overlay else { Issue.record("form"); return }
        #expect(form.text("name") == "Équipe Nord q")
        #expect(d.state.overlay != nil, "a pasted q does not quit")
    }
}

extension KeyStoryTests {
    @Test func undoingBackToTheSavedVersionIsNotUnsaved() {
        let d = AppDriver()
        d.keys("d")
        #expect(d.state.isDirty)
        d.keys("u")
        #expect(!d.state.isDirty, "back at the version on disk")
        #expect(d.screen.contains("plan.json · saved"))
        d.keys("<ctrl-r>")
        #expect(d.state.isDirty)
        d.send(.saveFinished(revision: d.state.revision, .saved(at: d.clock.now)))
        #expect(!d.state.isDirty)
        d.keys("u")
        #expect(d.state.isDirty, "the saved version is now the one with the team deleted")
        d.keys("<ctrl-r>")
        #expect(!d.state.isDirty)
    }
}

extension KeyStoryTests {
    @Test func demoEditsCanBeKeptWithSaveAs() {
        let d = AppDriver(file: nil)
        d.keys("d")
        d.keys(":save as<enter>")
        guard case .saveAs(let input) = d.state.overlay else { Issue.record("save-as prompt"); return }
        #expect(input.text == "plan.json")
        #expect(d.screen.contains("Save as"))
        d.keys("<ctrl-u>lindenhof.json<enter>")
        guard case .saveAs(_, let path, let revision) = d.effects.last else { Issue.record("save-as effect"); return }
        #expect(path == "lindenhof.json")
        d.send(.savedAs(path: path, revision: revision, at: d.clock.now, readOnlyReason: nil))
        #expect(d.state.file == "lindenhof.json")
        #expect(!d.state.isDirty)
        #expect(d.screen.contains("lindenhof.json · saved 09:00"))
        d.keys("d")
        d.clock.advance(1)
        d.send(.tick(d.clock.now))
        guard case .save = d.effects.last else { Issue.record("autosave now goes to the new file"); return }
    }
}
