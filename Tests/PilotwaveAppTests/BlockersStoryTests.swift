import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// The systemic blockers, key by key: adding, owning, resolving and deleting them, and what that
/// does to the waves they gate.
@Suite("Blockers stories")
struct BlockersStoryTests {
    /// Opens the Blockers view and selects the blocker whose title starts with `title`.
    func select(_ d: AppDriver, _ title: String) {
        d.keys("7g")
        let d2 = d.state.derived.blockers
        let row = d2.rows.firstIndex { d.state.plan.blockers[$0].title.hasPrefix(title) }!
        d.keys(String(repeating: "j", count: row))
        #expect(Reducer.selectedBlocker(d.state)?.title.hasPrefix(title) == true)
    }

    func wave(_ d: AppDriver, _ name: String) -> Wave { d.state.plan.waves.first { $0.name.hasPrefix(name) }! }

    @Test func addOwnAndResolveABlockerAndTheGateIsReportedMet() throws {
        let d = AppDriver()
        let before = d.state.plan
        d.keys("7")
        #expect(d.screen.contains("2 open · 2 in progress · 1 resolved · ! 2 unowned · 2 waves held by unresolved blockers"))
        d.keys("a")
        guard case .editForm(let form) = d.state.overlay else { Issue.record("no blocker form"); return }
        #expect(form.text("waves") == "Wave 1", "a new blocker holds up the next wave unless the room says otherwise")
        d.type("Every customer call needs a sign-off from legal")
        d.keys("<tab><right><right><right><tab><tab><tab>")  // other → funding → planning → customer access
        d.type("claims intake, launchpad")  // case and the emoji need not be typed
        d.keys("<tab><ctrl-u>")
        d.type("pilots")
        let position = d.state.history.position
        d.keys("<enter>")
        #expect(d.state.overlay == nil)
        #expect(d.state.history.position == position + 1, "one undoable edit")
        let blocker = try #require(d.state.plan.blockers.last)
        #expect(blocker.title == "Every customer call needs a sign-off from legal")
        #expect(blocker.category == .customerAccess)
        #expect(blocker.owner == nil && blocker.status == .open)
        #expect(blocker.surfacedBy == ["team-claims-intake", "team-launchpad"])
        #expect(wave(d, "Pilots").entry.blockers.contains(blocker.id))
        #expect(!wave(d, "Wave 1").entry.blockers.contains(blocker.id))
        #expect(d.state.toast?.text == "Added; it gates Pilots — o gives it an owner")
        #expect(Reducer.selectedBlocker(d.state)?.id == blocker.id, "the new blocker is selected")
        #expect(d.screen.contains("The last thing in its gate: resolving it meets the gate."))
        #expect(d.screen.contains("3 open · 2 in progress · 1 resolved · ! 3 unowned"))
        let row = try #require(d.screen.line(containing: "▶ ○ open")).text
        #expect(row.contains("Every customer call") && row.contains("no owner") && row.contains("Claims Intake +1") && row.contains("Pilots"))

        d.keys("o")
        d.type("Jürg Wyss")
        d.keys("<enter>")
        #expect(d.state.plan.blockers.last?.owner == "Jürg Wyss")
        #expect(d.state.toast?.text == "Owner: Jürg Wyss — u to undo")
        #expect(d.state.history.position == position + 2)

        d.keys(">")
        #expect(d.state.plan.blockers.last?.status == .inProgress)
        #expect(d.state.toast?.text == "In progress, owner Jürg Wyss — u to undo")
        d.keys(">")
        #expect(d.state.plan.blockers.last?.status == .resolved)
        #expect(d.state.toast?.text == "Resolved — gate now met: Pilots — u to undo")
        #expect(d.screen.contains("✓ Pilots"))
        #expect(d.state.history.position == position + 4, "each status step is one edit")
        d.keys(">")
        #expect(d.state.toast?.text.hasSuffix("is already resolved") == true)
        #expect(d.state.history.position == position + 4)

        // Undo each step, back to the plan as it was.
        d.keys("u")
        #expect(d.state.plan.blockers.last?.status == .inProgress)
        #expect(d.state.toast?.text == "Undid: Mark blocker Every customer call needs a sign-off from legal resolved (Blockers, 7)")
        d.keys("u")
        #expect(d.state.plan.blockers.last?.status == .open)
        d.keys("u")
        #expect(d.state.plan.blockers.last?.owner == nil)
        d.keys("u")
        #expect(d.state.plan == before, "the add, with its place in the Pilots gate, undone in one step")
    }

    @Test func resolvingTheLastItemOfAPlannedWavesGateSaysSoAndSteppingBackClosesIt() throws {
        var plan = DemoPlan.make()
        let w = plan.waves.firstIndex { $0.name.hasPrefix("Wave 1") }!
        plan.waves[w].entry = EntryCriteria(blockers: ["blocker-project-funding", "blocker-customer-access"])
        let d = AppDriver(plan: plan)
        select(d, "Funding is per project")
        #expect(d.screen.contains("✗ Wave 1 — early adopters · starts 2026-04-13 (in 35 days)"))
        #expect(d.screen.contains("The last thing in its gate"))
        d.keys(">")  // open and unowned: asks who is working on it
        guard case .editForm(let form) = d.state.overlay, case .blockerOwner(_, advance: true) = form.purpose else {
            Issue.record("no owner form"); return
        }
        d.keys("<enter>")
        #expect(d.screen.contains("✗ in progress needs someone working on it"))
        d.type("Sophie Meier")
        let position = d.state.history.position
        d.keys("<enter>")
        let funding = try #require(d.state.plan.blocker("blocker-project-funding"))
        #expect(funding.owner == "Sophie Meier" && funding.status == .inProgress)
        #expect(d.state.history.position == position + 1, "owner and status in one edit")
        d.keys(">")
        #expect(d.state.toast?.text == "Resolved — gate now met: Wave 1 — u to undo")
        #expect(d.screen.contains("no wave held") == false, "wave 2 is still held")
        d.keys("<")
        #expect(d.state.plan.blocker("blocker-project-funding")?.status == .inProgress)
        #expect(d.state.toast?.text == "In progress, owner Sophie Meier — Wave 1: gate no longer met — u to undo")
    }

    @Test func deletingAsksFirstAndTakesTheBlockerOutOfEveryGate() throws {
        let d = AppDriver()
        let before = d.state.plan
        select(d, "Funding is per project")
        d.keys("d")
        guard case .confirm = d.state.overlay else { Issue.record("no confirmation"); return }
        #expect(d.screen.contains("Delete this blocker?"))
        #expect(d.screen.contains("It leaves the entry gate of Wave 1 — early adopters."))
        d.keys("x")  // any other key does nothing
        guard case .confirm = d.state.overlay else { Issue.record("the confirmation went away"); return }
        d.keys("<esc>")
        #expect(d.state.overlay == nil)
        #expect(d.state.plan == before, "Esc keeps it")
        d.keys("dy")
        #expect(d.state.plan.blocker("blocker-project-funding") == nil)
        #expect(!wave(d, "Wave 1").entry.blockers.contains("blocker-project-funding"), "gone from the gate too")
        #expect(d.state.toast?.text == "Deleted \"Funding is per project with f…\"; it left the gate of Wave 1 — u to undo")
        #expect(d.state.history.position == 1)
        d.keys("u")
        #expect(d.state.plan == before)
        #expect(d.state.toast?.text == "Undid: Delete blocker Funding is per project with fixed annual scope (Blockers, 7)")
    }

    @Test func theFormNamesUnknownTeamsAndWavesAndMovesTheGateInOneEdit() throws {
        let d = AppDriver()
        select(d, "Quarterly planning")
        d.keys("e<tab><tab><tab><tab><ctrl-u>")
        d.type("Quote & Buy, Zebra")
        d.keys("<tab><ctrl-u>")
        d.type("Wave 9")
        d.keys("<enter>")
        guard case .editForm(let form) = d.state.overlay else { Issue.record("the form closed"); return }
        #expect(form.fields.first { $0.key == "surfacedBy" }?.error == "no team named \"Zebra\"")
        #expect(form.fields.first { $0.key == "waves" }?.error == "no wave named \"Wave 9\" (Pilots, Wave 1 and Wave 2)")
        #expect(form.focused.key == "surfacedBy", "the first field in error has the focus")
        d.keys("<ctrl-u>")
        d.type("claims")
        d.keys("<enter>")
        guard case .editForm(let again) = d.state.overlay else { Issue.record("the form closed"); return }
        #expect(again.fields.first { $0.key == "surfacedBy" }?.error == "\"claims\" fits several teams: did you mean Claims Intake, Claims Triage, Motor Claims or Claims Settlement?")
        d.keys("<ctrl-u>")
        d.type("quote & buy")
        d.keys("<tab><ctrl-u>")
        d.type("wave 1")
        let position = d.state.history.position
        d.keys("<enter>")
        #expect(d.state.overlay == nil)
        #expect(d.state.history.position == position + 1)
        #expect(wave(d, "Wave 1").entry.blockers.contains("blocker-quarterly-planning"))
        #expect(!wave(d, "Wave 2").entry.blockers.contains("blocker-quarterly-planning"))
        #expect(d.state.plan.blocker("blocker-quarterly-planning")?.surfacedBy == ["team-quote-buy"])
        #expect(d.state.toast?.text == "Blocker changed — u to undo")
        // In progress without an owner is refused next to the owner field.
        d.keys("e<tab><tab><ctrl-u><enter>")
        guard case .editForm(let third) = d.state.overlay else { Issue.record("the form closed"); return }
        #expect(third.fields.first { $0.key == "owner" }?.error == "in progress needs an owner: who is working on it?")
        d.keys("<esc>")
        d.keys("e<enter>")
        #expect(d.state.toast?.text == "No changes")
    }

    @Test func filterGroupingAndTheMouseKeepTheSelection() throws {
        let d = AppDriver()
        select(d, "Three coaches")
        let id = try #require(Reducer.selectedBlocker(d.state)?.id)
        d.keys("s")
        #expect(d.state.toast?.text == "Grouped by wave")
        #expect(Reducer.selectedBlocker(d.state)?.id == id, "regrouping keeps the selected blocker")
        #expect(d.screen.contains("Wave 2 — scale out · starts 2026-10-05 (2)"))
        #expect(d.screen.contains("Gates nothing (1)"))
        d.keys("s")
        #expect(d.screen.contains("Capability (1)"))
        d.keys("s")
        #expect(d.screen.contains("No owner — find one (2)"))
        d.keys("s")
        #expect(d.state.blockers.grouping == .status)
        d.keys("/steering")
        #expect(d.state.derived.blockers.rows.count == 1)
        #expect(d.screen.contains("Product managers cannot change"))
        d.keys("<enter>")
        #expect(d.screen.contains("filter: steering"))
        d.keys("<esc>")
        #expect(d.state.derived.blockers.rows.count == 5)
        // A click selects a row; a click on the selected row edits it.
        d.send(.click("blocker:3"))
        #expect(d.state.blockers.selected == 3)
        #expect(d.state.overlay == nil)
        d.send(.click("blocker:3"))
        guard case .editForm(let form) = d.state.overlay, case .blocker = form.purpose else { Issue.record("no edit form"); return }
        d.keys("<esc>")
        // Rows carry their click regions.
        #expect(d.frame.hits.contains { $0.target == "blocker:0" })
    }

    @Test func sevenOpensTheViewAndThePaletteOffersItsCommands() throws {
        let d = AppDriver(size: Size(width: 80, height: 24))
        d.keys("7")
        #expect(d.state.view == .blockers)
        #expect(d.screen.lines[0].contains("7 Blockers"), "seven tabs fit at 80 columns")
        let items = PaletteState.items("", state: d.state, keymap: .standard).map(\.id)
        for id: CommandID in ["blockers.advance", "blockers.owner", "blockers.edit", "blockers.add", "blockers.delete", "blockers.group", "view.blockers"] {
            #expect(items.contains(id), "\(id) in the palette")
        }
        d.keys(":owner<enter>")
        guard case .editForm(let form) = d.state.overlay, case .blockerOwner = form.purpose else { Issue.record("no owner form"); return }
        #expect(d.frame.canvas.size.width == 80)
    }

    @Test func readOnlyRefusesEditsButShowsEverything() {
        let d = AppDriver(readOnly: "pid 42")
        d.keys("7a")
        #expect(d.state.overlay == nil)
        #expect(d.state.toast?.text == "Add blocker: read-only: pid 42")
        d.keys(">")
        #expect(d.state.toast?.isError == true)
        #expect(d.screen.contains("Funding is per project"))
    }

    @Test func anEmptyPlanExplainsHowBlockersArrive() {
        let d = AppDriver(plan: Plan.empty(id: "plan-1", name: "Fresh", organisation: "Acme"), size: Size(width: 80, height: 24))
        d.keys("7")
        #expect(d.screen.contains("No systemic blockers recorded yet. a adds one;"))
        d.keys(">od")
        #expect(d.state.overlay == nil)
        d.keys("a")
        d.type("Annual budgets")
        d.keys("<enter>")
        #expect(d.state.plan.blockers.count == 1)
        #expect(d.state.toast?.text == "Added; it gates no wave yet — o gives it an owner")
    }
}
