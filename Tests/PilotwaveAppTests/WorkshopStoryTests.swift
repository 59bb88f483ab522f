import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// Running a workshop live, with a clock that moves only when told.
@Suite("Workshop stories")
struct WorkshopStoryTests {
    /// A demo plan with a fresh wave-planning workshop selected.
    func newWorkshop(_ d: AppDriver, template: Int) throws -> Workshop {
        d.keys("8w")
        for _ in 0..<template { d.keys("<right>") }
        d.keys("<enter>")
        return try #require(Reducer.selectedWorkshop(d.state))
    }

    @Test func aTimedStepCountsDownRingsOnceAndKeepsItsTimeAcrossSteps() throws {
        let d = AppDriver()
        let w = try newWorkshop(d, template: 0)
        #expect(w.status == .planned && !w.steps.isEmpty)
        let box = w.steps[0].boxSeconds
        d.keys("<enter>")
        #expect(d.state.workshop.session?.workshop == w.id)
        #expect(d.state.plan.workshops.first { $0.id == w.id }?.status == .running)
        d.clock.advance(90)
        d.send(.tick(d.clock.now))
        let clock = try #require(Reducer.stepClock(d.state, Reducer.selectedWorkshop(d.state)!, step: 0, now: d.clock.now))
        #expect(clock.elapsed == 90 && clock.remaining == box - 90)
        #expect(d.screen.contains(clock.text), "the time left is on screen")
        #expect(d.screen.line(containing: "⏱") != nil, "and on the status line")
        // Running out rings the bell once, not on every tick.
        d.effects.removeAll()
        d.clock.advance(TimeInterval(box))
        d.send(.tick(d.clock.now))
        d.clock.advance(1)
        d.send(.tick(d.clock.now))
        #expect(d.effects.filter { $0 == .bell }.count == 1)
        // Extending by five minutes gives time back and re-arms the bell.
        d.keys("+")
        let extended = try #require(Reducer.selectedWorkshop(d.state))
        #expect(extended.steps[0].extraMinutes == 5)
        // Next step: the first keeps its time and is done; the second runs from zero.
        d.keys("n")
        let moved = try #require(Reducer.selectedWorkshop(d.state))
        #expect(moved.current == 1)
        #expect(moved.steps[0].done)
        #expect(moved.steps[0].spentSeconds == box + 91)
        d.clock.advance(30)
        // Pausing keeps the time in the plan and stops the clock.
        d.keys(" ")
        d.clock.advance(600)
        let paused = try #require(Reducer.selectedWorkshop(d.state))
        #expect(paused.steps[1].spentSeconds == 30)
        #expect(Reducer.stepClock(d.state, paused, step: 1, now: d.clock.now)?.elapsed == 30)
        // Back to the first step: its time goes on from where it was.
        d.keys(" b")
        d.clock.advance(10)
        let back = try #require(Reducer.selectedWorkshop(d.state))
        #expect(back.current == 0)
        #expect(Reducer.stepClock(d.state, back, step: 0, now: d.clock.now)?.elapsed == box + 101)
    }

    @Test func capturesLandInThePlanLinkedToTheWorkshopAndCarryOver() throws {
        let d = AppDriver()
        let w = try newWorkshop(d, template: 1)
        d.keys("<enter>d")
        d.type("Start wave 1 in January")
        d.keys("<tab><tab>")
        d.type("Steering committee")
        d.keys("<enter>")
        let decision = try #require(d.state.plan.decisions.last)
        #expect(decision.workshop == w.id && decision.text == "Start wave 1 in January" && decision.kind == .decision)
        d.keys("a")
        d.type("Book the coaches for Q1")
        d.keys("<tab>")
        d.type("Marc")
        d.keys("<tab>")
        d.type("2026-12-15")
        d.keys("<enter>")
        let action = try #require(d.state.plan.actions.last)
        #expect(action.workshop == w.id && action.owner == "Marc" && action.due == Day(2026, 12, 15) && !action.done)
        d.keys("p")
        d.type("Who owns the funding model?")
        d.keys("<enter>")
        #expect(Reducer.selectedWorkshop(d.state)?.parkingLot.last?.text == "Who owns the funding model?")
        // An action without an owner is refused on the field.
        d.keys("a")
        d.type("Think about it")
        d.keys("<enter>")
        guard case .editForm(let form)? = d.state.overlay else { Issue.record("the form closed"); return }
        #expect(form.fields.first { $0.key == "owner" }?.error != nil)
        d.keys("<esc>")
        // Finish (x asks first); the next workshop shows the open action, the unfinished steps and the
        // parked item.
        d.keys("xy")
        #expect(Reducer.selectedWorkshop(d.state)?.status == .done)
        #expect(d.state.workshop.session == nil)
        d.clock.advance(86_400)  // the next day: before the demo's own check-in
        _ = try newWorkshop(d, template: 2)
        #expect(d.screen.contains("From last time"))
        #expect(d.screen.contains("Book the coaches for Q1"))
        #expect(d.screen.contains("Who owns the funding model?"))
    }

    @Test func presenterModeFillsTheScreenAndCaptureKeysStayLive() throws {
        let d = AppDriver(size: Size(width: 80, height: 24))
        _ = try newWorkshop(d, template: 0)
        d.keys("<enter>P")
        #expect(d.state.workshop.presenter)
        #expect(!d.screen.contains("1 Overview"), "no tab bar")
        #expect(d.screen.contains("███"), "the timer in large digits")
        d.keys("a")
        guard case .editForm? = d.state.overlay else { Issue.record("capture is not live in presenter mode"); return }
        d.keys("<esc>P")
        #expect(!d.state.workshop.presenter)
    }

    @Test func quittingKeepsTheRunningTime() throws {
        let d = AppDriver()
        _ = try newWorkshop(d, template: 0)
        d.keys("<enter>")
        d.clock.advance(125)
        d.send(.command("workshop.flush"))
        #expect(Reducer.selectedWorkshop(d.state)?.steps[0].spentSeconds == 125)
        d.clock.advance(5)
        d.keys("q")
        #expect(Reducer.selectedWorkshop(d.state)?.steps[0].spentSeconds == 130)
    }

    @Test func carriedOverActionsAreWorkedThroughAndClosed() throws {
        let d = AppDriver()
        d.keys("8")  // the demo's planned readiness check-in: one overdue action carried over
        let w = try #require(Reducer.selectedWorkshop(d.state))
        let carried = Reducer.actionList(d.state, w)
        #expect(carried.map(\.text) == ["Find a designer for Claims Triage before wave 1 starts"])
        d.keys("c")
        #expect(d.state.toast?.isError == true, "c needs the actions list first")
        d.keys("Ac")
        #expect(d.state.plan.actions.first { $0.id == carried[0].id }?.done == true)
        #expect(Reducer.actionList(d.state, w).isEmpty, "a done action no longer carries over")
        #expect(d.screen.line(containing: "→ Find a designer") == nil, "and leaves the list")
        d.keys("u")
        #expect(d.state.plan.actions.first { $0.id == carried[0].id }?.done == false)
        // Enter edits the selected action while the list has the keys.
        d.keys("<enter>")
        guard case .editForm(let form)? = d.state.overlay else { Issue.record("no action form"); return }
        #expect(form.text("owner") == carried[0].owner)
        d.keys("<esc>A")
        #expect(!d.state.workshop.actionsFocused)
    }
}
