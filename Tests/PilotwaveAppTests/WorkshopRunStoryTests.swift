import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// What a facilitator sees running a workshop: what carries over from the last one held, finishing
/// only when asked, captures linked from every view, one time used everywhere.
@Suite("Workshop run stories")
struct WorkshopRunStoryTests {
    /// A new workshop from the first template, dated today (after the demo's planned check-in).
    func newWorkshop(_ d: AppDriver) throws -> Workshop {
        d.keys("8w<enter>")
        return try #require(Reducer.selectedWorkshop(d.state))
    }

    @Test func fromLastTimeIsTheLastWorkshopHeldNotOneOnlyPlanned() throws {
        let d = AppDriver()
        let w = try newWorkshop(d)
        #expect(w.date == d.state.today)
        // The demo's readiness check-in (6 March) was planned and never held: it is not "last time".
        #expect(d.screen.contains("From last time (Pilot-selection workshop)"))
        #expect(!d.screen.contains("From last time (Readiness check-in)"))
        #expect(d.screen.contains("not finished: Waves and blockers"))
        #expect(!d.screen.contains("not finished: The barrier"), "the check-in's steps were never started")
    }

    @Test func everyUnfinishedStepIsShownOrCounted() throws {
        var plan = DemoPlan.make()
        let i = try #require(plan.workshops.firstIndex { $0.status == .done })
        for s in plan.workshops[i].steps.indices { plan.workshops[i].steps[s].done = false }
        let count = plan.workshops[i].steps.count
        #expect(count > 4)
        let d = AppDriver(plan: plan)
        _ = try newWorkshop(d)
        let listed = d.screen.lines.filter { $0.contains("not finished:") }.count
        #expect(d.screen.contains("and \(count - listed) more not finished"), "\(d.screen.text)")
        #expect(listed >= 1)
    }

    @Test func xAsksBeforeFinishingAndMarksDoneOnlyWhatWasDone() throws {
        let d = AppDriver()
        let w = try newWorkshop(d)
        d.keys("<enter>")
        d.clock.advance(6)
        d.keys(" x")  // paused after six seconds, then x
        guard case .confirm(let question)? = d.state.overlay else {
            Issue.record("x finished without asking")
            return
        }
        #expect(question.title.contains("Finish"))
        #expect(d.screen.contains("0:06 used"), "the question says how far the step got")
        #expect(d.state.plan.workshops.first { $0.id == w.id }?.status == .running, "nothing finished before the answer")
        d.keys("<esc>")
        #expect(d.state.overlay == nil)
        #expect(d.state.plan.workshops.first { $0.id == w.id }?.status == .running)
        d.keys("xy")
        let finished = try #require(d.state.plan.workshops.first { $0.id == w.id })
        #expect(finished.status == .done)
        #expect(finished.steps.allSatisfy { !$0.done }, "the paused step was not done")
        #expect(finished.steps[0].spentSeconds == 6)
        // Undone, and finished again saying the step was done.
        d.keys("u")
        d.keys("xd")
        let again = try #require(d.state.plan.workshops.first { $0.id == w.id })
        #expect(again.status == .done && again.steps[0].done && !again.steps[1].done)
    }

    /// Every capture path, from every view, while a workshop runs: all linked to it.
    @Test func everyCaptureWhileAWorkshopRunsIsLinkedToIt() throws {
        let d = AppDriver()
        let w = try newWorkshop(d)
        d.keys("<enter>")
        // Pilots: D records the pilot selection.
        d.keys("3D")
        d.type("Steering committee")
        d.keys("<enter>")
        #expect(d.state.overlay == nil)
        let pilotsDecision = try #require(d.state.plan.decisions.last)
        #expect(pilotsDecision.workshop == w.id, "D in Pilots")
        // ! from the Teams view: a resistance note.
        d.keys("2!")
        d.type("We have no time for interviews")
        d.keys("<enter>")
        let note = try #require(d.state.plan.resistance.last)
        #expect(note.words == "We have no time for interviews" && note.workshop == w.id, "! resistance")
        // Waves: adopting a scenario logs a decision.
        let decisionsBefore = d.state.plan.decisions.count
        d.keys("6sja")
        d.type("Leadership team")
        d.keys("<enter>")
        #expect(d.state.plan.decisions.count == decisionsBefore + 1, "the scenario was adopted")
        #expect(d.state.plan.decisions.last?.workshop == w.id, "adopting a scenario")
        // The workshop's own capture keys.
        d.keys("8d")
        d.type("Review again in January")
        d.keys("<tab><tab>")
        d.type("Room")
        d.keys("<enter>a")
        d.type("Book the rooms")
        d.keys("<tab>")
        d.type("Ana")
        d.keys("<enter>p")
        d.type("Budget for Q2?")
        d.keys("<enter>")
        let plan = d.state.plan
        #expect(plan.decisions.filter { $0.workshop == w.id }.count == 3)
        #expect(plan.actions.filter { $0.workshop == w.id }.count == 1)
        #expect(plan.workshops.first { $0.id == w.id }?.parkingLot.count == 1)
        #expect(d.screen.contains("Captured here: 3 decisions (d) · 1 action (a) · 1 parked (p)"))
        #expect(d.screen.contains("Resistance heard here: 1 note"))
        // The decision log names the workshop for each.
        let report = try Report.build(plan, today: d.state.today)
        let log = try #require(report.sections.lazy.flatMap(\.blocks).compactMap { block -> ReportTable? in
            if case .table(let t) = block, t.id == "decisions" { return t } else { return nil }
        }.first)
        let column = try #require(log.columns.firstIndex { $0.key == "workshop" } as Int?)
        let linked = log.rows.filter { $0[column].text == w.title }
        #expect(linked.count == 3, "\(log.rows.map { $0[column].text })")
    }

    /// The step lines, the total, the status line, presenter mode and the export: the same seconds.
    @Test func timeUsedIsTheSameEverywhere() throws {
        let d = AppDriver()
        let w = try newWorkshop(d)
        d.keys("<enter>")
        d.clock.advance(12)
        d.keys("n")
        d.clock.advance(23)
        d.send(.tick(d.clock.now))
        let screen = d.screen
        #expect(screen.line(containing: "1. ")?.text.contains("0:12/") == true, "\(screen.text)")
        #expect(screen.line(containing: "2. ")?.text.contains("0:23/") == true)
        #expect(screen.contains("Used 0:35 of"), "the total is the sum of the steps, live seconds included")
        let running = try #require(d.state.plan.workshops.first { $0.id == w.id })
        #expect(Reducer.usedSeconds(d.state, running, now: d.clock.now) == 35)
        let clock = try #require(Reducer.stepClock(d.state, running, step: 1, now: d.clock.now))
        #expect(screen.line(containing: "⏱")?.text.contains(clock.text) == true, "the status line")
        d.keys("P")
        #expect(d.state.workshop.presenter)
        d.keys("P")
        // The export flushes the running seconds first: its time used is the view's.
        d.send(.command("workshop.flush"))
        let stored = try #require(d.state.plan.workshops.first { $0.id == w.id })
        let report = try Report.build(d.state.plan, today: d.state.today, workshop: stored.id)
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("0:35"), "the export's time used")
        #expect(markdown.contains("0:12") && markdown.contains("0:23"))
    }
}
