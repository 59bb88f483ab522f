import Foundation
import Testing
@testable import PilotwaveCore

/// The workshop clock, driven by an injected clock: `t(s)` is `s` seconds into the session.
@Suite("Workshop timer")
struct WorkshopTimerTests {
    static let start = Date(timeIntervalSince1970: 1_780_000_000)
    func t(_ seconds: Double) -> Date { Self.start.addingTimeInterval(seconds) }

    /// Three steps of 10, 5 and 0 minutes (the last a check-out without a timebox).
    func workshop() -> Workshop {
        Workshop(id: "workshop-1", title: "Session", date: Day(2026, 5, 4), steps: [
            AgendaStep(title: "One", view: "overview", minutes: 10),
            AgendaStep(title: "Two", view: "pilots", minutes: 5),
            AgendaStep(title: "Check-out", view: "overview", minutes: 0),
        ])
    }

    @Test func aNewTimerIsPausedAndReadsTheStoredTime() {
        var w = workshop()
        w.steps[0].spentSeconds = 120
        w.status = .running  // as stored when the app was killed mid-session
        let timer = WorkshopTimer(workshop: w)
        #expect(!timer.isRunning)
        #expect(timer.elapsedSeconds(of: 0, at: t(9_999)) == 120)  // paused: the clock does not move
        #expect(timer.remainingSeconds(of: 0, at: t(9_999)) == 480)
        #expect(timer.elapsedSeconds(of: 7, at: t(0)) == 0)  // no such step
        #expect(timer.workshop == w)
    }

    @Test func enteringAStepStartsItsClockAndTheSession() {
        var timer = WorkshopTimer(workshop: workshop())
        let w = timer.enter(step: 0, at: t(0))
        #expect(w.status == .running)
        #expect(w.current == 0)
        #expect(timer.running == WorkshopTimer.Running(step: 0, since: t(0)))
        #expect(timer.elapsedSeconds(of: 0, at: t(90)) == 90)
        #expect(timer.elapsedSeconds(of: 0, at: t(90.9)) == 90)  // whole seconds
        #expect(timer.remainingSeconds(of: 0, at: t(90)) == 510)
        #expect(timer.elapsedSeconds(of: 1, at: t(90)) == 0)  // only the running step moves
        #expect(timer.elapsedSeconds(of: 0, at: t(-5)) == 0)  // a clock that went back counts nothing
    }

    /// Moving between steps keeps each step's time; coming back carries on from it.
    @Test func switchingStepsKeepsEachStepsTime() {
        var timer = WorkshopTimer(workshop: workshop())
        timer.enter(step: 0, at: t(0))
        var w = timer.enter(step: 1, at: t(100))
        #expect(w.steps.map(\.spentSeconds) == [100, 0, 0])
        #expect(w.current == 1)
        #expect(timer.elapsedSeconds(of: 1, at: t(130)) == 30)
        #expect(timer.elapsedSeconds(of: 0, at: t(130)) == 100)
        w = timer.enter(step: 0, at: t(160))
        #expect(w.steps.map(\.spentSeconds) == [100, 60, 0])
        #expect(timer.elapsedSeconds(of: 0, at: t(170)) == 110)
        // A step the workshop does not have changes nothing.
        let before = timer
        #expect(timer.enter(step: 3, at: t(200)) == before.workshop)
        #expect(timer == before)
    }

    @Test func pauseKeepsTheTimeAndResumeCarriesOn() {
        var timer = WorkshopTimer(workshop: workshop())
        timer.enter(step: 1, at: t(0))
        var w = timer.pause(at: t(45.7))
        #expect(!timer.isRunning)
        #expect(w.steps[1].spentSeconds == 45)  // the running fraction is dropped
        #expect(w.status == .running)  // the session goes on after the break
        #expect(timer.elapsedSeconds(of: 1, at: t(600)) == 45)  // no time passes while paused
        #expect(timer.pause(at: t(700)) == w)  // pausing twice changes nothing
        w = timer.resume(at: t(1_000))
        #expect(timer.running == WorkshopTimer.Running(step: 1, since: t(1_000)))
        #expect(timer.elapsedSeconds(of: 1, at: t(1_015)) == 60)
        // Resuming while running changes nothing.
        let running = timer
        timer.resume(at: t(1_010))
        #expect(timer == running)
    }

    @Test func resumeStartsAPlannedWorkshopOnItsCurrentStep() {
        var w = workshop()
        w.current = 1
        var timer = WorkshopTimer(workshop: w)
        w = timer.resume(at: t(0))
        #expect(w.status == .running)
        #expect(timer.running?.step == 1)
        // Nothing to time in a workshop without steps.
        var empty = WorkshopTimer(workshop: Workshop(id: "w", title: "Empty"))
        #expect(empty.resume(at: t(0)).status == .planned)
        #expect(!empty.isRunning)
    }

    @Test func extendAddsToTheCurrentStepsTimebox() {
        var timer = WorkshopTimer(workshop: workshop())
        timer.enter(step: 1, at: t(0))
        #expect(timer.remainingSeconds(of: 1, at: t(290)) == 10)
        var w = timer.extend(minutes: 5)
        #expect(w.steps[1].extraMinutes == 5)
        #expect(w.steps[1].boxSeconds == 600)
        #expect(timer.remainingSeconds(of: 1, at: t(290)) == 310)
        #expect(timer.isRunning)  // the clock is not touched
        w = timer.extend(minutes: 2)
        #expect(w.steps[1].extraMinutes == 7)
        w = timer.extend(minutes: -3)
        #expect(w.steps[1].extraMinutes == 4)
        w = timer.extend(minutes: -10)  // never below the planned timebox
        #expect(w.steps[1].extraMinutes == 0)
        #expect(w.steps[0].extraMinutes == 0)
    }

    /// Past its timebox a step's remaining time goes negative; it is over from the second it runs
    /// out. A step without a timebox is never over.
    @Test func overrunGivesNegativeRemainingTime() {
        var timer = WorkshopTimer(workshop: workshop())
        timer.enter(step: 1, at: t(0))
        #expect(!timer.isOver(step: 1, at: t(299)))
        #expect(timer.isOver(step: 1, at: t(300)))
        #expect(timer.remainingSeconds(of: 1, at: t(300)) == 0)
        #expect(timer.remainingSeconds(of: 1, at: t(372)) == -72)
        #expect(timer.overrunSeconds(of: 1, at: t(372)) == 72)
        #expect(timer.overrunSeconds(of: 1, at: t(100)) == 0)
        let w = timer.pause(at: t(372))
        #expect(w.steps[1].spentSeconds == 372)
        #expect(timer.isOver(step: 1, at: t(400)))  // stays over while paused
        timer.enter(step: 2, at: t(400))
        #expect(!timer.isOver(step: 2, at: t(4_000)))
        #expect(timer.remainingSeconds(of: 2, at: t(4_000)) == -3_600)
    }

    /// The bell: asked on every tick, `justRanOut` is true for exactly one tick per timebox end.
    @Test func ranOutFiresOnce() {
        var timer = WorkshopTimer(workshop: workshop())
        timer.enter(step: 1, at: t(0))
        #expect(timer.runsOutAt == t(300))
        var rings: [Double] = []
        var previous = t(0)
        for tick in stride(from: 0.25, through: 900, by: 0.25) {
            if timer.justRanOut(previous: previous, now: t(tick)) { rings.append(tick) }
            previous = t(tick)
        }
        #expect(rings == [300])
        // Flushing (as before a save) does not move the end, nor ring again.
        timer.flush(at: t(123.5))
        #expect(timer.runsOutAt == t(300))
        #expect(!timer.justRanOut(previous: t(300), now: t(900)))
        // Coarse ticks still ring once, in the tick that covers the end.
        #expect(timer.justRanOut(previous: t(100), now: t(400)))
        #expect(!timer.justRanOut(previous: t(400), now: t(500)))
        // Extending gives a new end, which rings once more.
        timer.extend(minutes: 2)
        #expect(timer.runsOutAt == t(420))
        #expect(timer.justRanOut(previous: t(419), now: t(420)))
        // Paused, nothing rings; a step already over does not ring again when resumed.
        timer.pause(at: t(500))
        #expect(timer.runsOutAt == nil)
        #expect(!timer.justRanOut(previous: t(0), now: t(10_000)))
        timer.resume(at: t(600))
        #expect(timer.runsOutAt == nil)
        // A step without a timebox never rings.
        timer.enter(step: 2, at: t(700))
        #expect(timer.runsOutAt == nil)
        #expect(!timer.justRanOut(previous: t(700), now: t(10_000)))
        // Coming back to a step with time left rings at its own end.
        timer.enter(step: 0, at: t(1_000))
        #expect(timer.runsOutAt == t(1_600))
    }

    /// Flushing moves whole seconds into the step and the clock's start on by as many: frequent
    /// flushes lose nothing to rounding, and the plan always holds every flushed second.
    @Test func flushKeepsTimeWithoutStoppingTheClock() {
        var timer = WorkshopTimer(workshop: workshop())
        timer.enter(step: 0, at: t(0))
        var stored = timer.workshop
        for tick in stride(from: 0.7, through: 70, by: 0.7) {  // 100 flushes, 0.7 s apart
            stored = timer.flush(at: t(tick))
        }
        #expect(stored.steps[0].spentSeconds == 70 || stored.steps[0].spentSeconds == 69)
        #expect(timer.isRunning)
        #expect(timer.elapsedSeconds(of: 0, at: t(70)) == 70)
        #expect(timer.elapsedSeconds(of: 0, at: t(100)) == 100)
        // Paused, flushing changes nothing.
        timer.pause(at: t(100))
        #expect(timer.flush(at: t(500)).steps[0].spentSeconds == 100)
    }

    /// A session cut short loses at most what ran since the last flush: restarting from the
    /// stored workshop finds every flushed second, paused on the step it was on.
    @Test func aKilledSessionLosesOnlyTheUnflushedSeconds() {
        var timer = WorkshopTimer(workshop: workshop())
        timer.enter(step: 0, at: t(0))
        timer.enter(step: 1, at: t(400))
        let stored = timer.flush(at: t(520))  // the app saves at 520 s …
        // … and is killed at 575 s. Restarted later, from the file:
        let restarted = WorkshopTimer(workshop: stored)
        #expect(!restarted.isRunning)
        #expect(restarted.workshop.current == 1)
        #expect(restarted.workshop.status == .running)
        #expect(restarted.elapsedSeconds(of: 0, at: t(9_000)) == 400)
        #expect(restarted.elapsedSeconds(of: 1, at: t(9_000)) == 120)  // 55 s lost: those since the flush
    }

    @Test func nextMarksTheStepDoneAndFinishesAfterTheLast() {
        var timer = WorkshopTimer(workshop: workshop())
        timer.enter(step: 0, at: t(0))
        var w = timer.next(at: t(600))
        #expect(w.steps.map(\.done) == [true, false, false])
        #expect(w.current == 1)
        w = timer.next(at: t(900))
        #expect(w.current == 2)
        w = timer.next(at: t(960))
        #expect(w.status == .done)
        #expect(w.steps.map(\.done) == [true, true, true])
        #expect(w.steps.map(\.spentSeconds) == [600, 300, 60])
        #expect(!timer.isRunning)
    }

    /// Finishing marks done only what was done: the current step stays open unless the room says
    /// it finished it.
    @Test func finishKeepsTheTimeAndMarksDoneOnlyWhatWasDone() {
        var timer = WorkshopTimer(workshop: workshop())
        timer.enter(step: 1, at: t(0))
        var paused = timer
        paused.pause(at: t(6))
        let early = paused.finish(at: t(12))
        #expect(early.status == .done)
        #expect(early.steps.map(\.done) == [false, false, false], "a step paused after 6 seconds is not done")
        #expect(early.steps[1].spentSeconds == 6)
        let w = timer.finish(at: t(250), currentDone: true)
        #expect(w.status == .done)
        #expect(w.steps.map(\.done) == [false, true, false])  // step 0 was never finished
        #expect(w.steps[1].spentSeconds == 250)
        #expect(!timer.isRunning)
        #expect(timer.elapsedSeconds(of: 1, at: t(999)) == 250)
        // Entering a step again reopens the session.
        var again = timer
        #expect(again.enter(step: 0, at: t(1_000)).status == .running)
    }

    /// The plan's copy of the workshop, edited elsewhere, replaces the timer's: the running
    /// stretch stays with its step; if the step is gone, the clock stops.
    @Test func replacingTheWorkshopKeepsTheRunningStretch() {
        var timer = WorkshopTimer(workshop: workshop())
        timer.enter(step: 1, at: t(0))
        var edited = timer.workshop
        edited.parkingLot.append(ParkingItem(text: "Later", at: t(30)))
        edited.current = 0  // a stale current step
        timer.workshop = edited
        #expect(timer.workshop.current == 1)
        #expect(timer.elapsedSeconds(of: 1, at: t(60)) == 60)
        #expect(timer.pause(at: t(60)).parkingLot.count == 1)
        timer.resume(at: t(100))
        var shorter = timer.workshop
        shorter.steps.removeLast(2)
        timer.workshop = shorter
        #expect(!timer.isRunning)
        // Restored with a stretch under way (its step becomes the current one).
        let restored = WorkshopTimer(workshop: workshop(), running: .init(step: 2, since: t(0)))
        #expect(restored.workshop.current == 2)
        #expect(restored.elapsedSeconds(of: 2, at: t(30)) == 30)
        #expect(!WorkshopTimer(workshop: workshop(), running: .init(step: 5, since: t(0))).isRunning)
    }
}
