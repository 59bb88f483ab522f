import Foundation
import Testing
@testable import PilotwaveCore

/// The rules behind what a facilitator sees: the last workshop held, the running workshop and the
/// captures linked to it, one time used, and the dates people type.
@Suite("Workshops: last held, captures, time used, typed dates")
struct WorkshopCaptureAndTimeTests {
    let when = Date(timeIntervalSince1970: 1_780_000_000)

    func plan() -> Plan {
        var p = Plan.empty(id: "p", name: "P", organisation: "O")
        p.workshops = [
            Workshop(id: "w-held", title: "Held", date: Day(2026, 1, 9),
                     steps: [AgendaStep(title: "H1", view: "overview", minutes: 10, done: true),
                             AgendaStep(title: "H2", view: "overview", minutes: 10)], status: .done),
            Workshop(id: "w-planned", title: "Only planned", date: Day(2026, 3, 6),
                     steps: [AgendaStep(title: "P1", view: "overview", minutes: 10)]),
            Workshop(id: "w-now", title: "Now", date: Day(2026, 11, 23)),
        ]
        return p
    }

    @Test func theLastWorkshopIsTheLastOneHeld() throws {
        let p = plan()
        let now = try #require(p.workshop("w-now"))
        #expect(Workshops.previous(to: now, in: p)?.id == "w-held")
        let carry = Workshops.carryOver(for: now, plan: p, today: Day(2026, 11, 23))
        #expect(carry.unfinished.map(\.step.title) == ["H2"])
        #expect(Workshops.wasHeld(p.workshops[0]) && !Workshops.wasHeld(p.workshops[1]))
        // Once the planned one runs, it is the last held.
        var run = p
        run.workshops[1].status = .running
        #expect(Workshops.previous(to: now, in: run)?.id == "w-planned")
    }

    @Test func theRunningWorkshopIsTheSessionsElseTheOneStoredRunning() {
        var p = plan()
        #expect(Workshops.running(in: p, session: nil) == nil)
        #expect(Workshops.running(in: p, session: "w-now")?.id == "w-now")
        #expect(Workshops.running(in: p, session: "w-gone") == nil)
        p.workshops[1].status = .running
        #expect(Workshops.running(in: p, session: nil)?.id == "w-planned")
        #expect(Workshops.running(in: p, session: "w-now")?.id == "w-now", "the session's workshop comes first")
    }

    @Test func capturesAreLinkedInsideBatchesAndNamedOnesKept() {
        let decision = Decision(id: "d", text: "T", decidedBy: "B", at: when)
        let named = Decision(id: "e", text: "T", decidedBy: "B", at: when, workshop: "w-held")
        let action = ActionItem(id: "a", text: "T", owner: "O", createdAt: when)
        let note = ResistanceNote(id: "n", team: "t", words: "W", kind: .noTime, recordedAt: when)
        let edit = PlanEdit.batch("B", [.recordDecision(decision), .recordDecision(named), .batch("inner", [.addAction(action)]),
                                         .addNote(note), .renamePlan("X")])
        guard case .batch(_, let edits) = Workshops.linking(edit, to: "w-now"),
            case .recordDecision(let d) = edits[0], case .recordDecision(let e) = edits[1],
            case .batch(_, let inner) = edits[2], case .addAction(let a) = inner[0],
            case .addNote(let n) = edits[3], case .renamePlan("X") = edits[4]
        else {
            Issue.record("shape changed")
            return
        }
        #expect(d.workshop == "w-now" && a.workshop == "w-now" && n.workshop == "w-now")
        #expect(e.workshop == "w-held", "a capture naming its workshop keeps it")
    }

    @Test func removingAWorkshopUnlinksItsResistanceNotes() throws {
        var p = plan()
        p.teams = [Team(id: "t", name: "T")]
        try PlanEdit.addNote(ResistanceNote(id: "n", team: "t", words: "W", kind: .noTime, recordedAt: when, workshop: "w-now"))
            .apply(to: &p)
        #expect(throws: EditError.self) {
            try PlanEdit.addNote(ResistanceNote(id: "m", team: "t", words: "W", kind: .noTime, recordedAt: when, workshop: "w-gone"))
                .apply(to: &p)
        }
        try PlanEdit.removeWorkshop("w-now").apply(to: &p)
        #expect(p.resistance[0].workshop == nil)
    }

    /// One count of seconds: per step (the running stretch included), the workshop's sum, the
    /// timer's reading and the summary agree; written m:ss.
    @Test func timeUsedHasOneSource() {
        var w = Workshop(id: "w", title: "W", steps: [
            AgendaStep(title: "A", view: "overview", minutes: 20, spentSeconds: 12),
            AgendaStep(title: "B", view: "overview", minutes: 75, spentSeconds: 3),
        ], status: .running, current: 1)
        let running = WorkshopTimer.Running(step: 1, since: when)
        let now = when.addingTimeInterval(20.7)
        #expect(Workshops.usedSeconds(ofStep: 0, in: w, running: running, at: now) == 12)
        #expect(Workshops.usedSeconds(ofStep: 1, in: w, running: running, at: now) == 23)
        #expect(Workshops.usedSeconds(of: w, running: running, at: now) == 35)
        #expect(Workshops.usedSeconds(of: w) == 15, "without the running stretch: what is stored")
        let timer = WorkshopTimer(workshop: w, running: running)
        #expect(timer.usedSeconds(at: now) == 35)
        #expect(timer.elapsedSeconds(of: 1, at: now) == 23)
        #expect(Workshops.summary(of: w, running: running, at: now).spentSeconds == 35)
        #expect(Workshops.clock(35) == "0:35" && Workshops.clock(754) == "12:34" && Workshops.clock(5_700) == "95:00")
        w.steps[1].spentSeconds = 23
        #expect(Workshops.summary(of: w).spentSeconds == 35)
    }

    // MARK: Typed dates

    /// Monday 23 November 2026.
    let today = Day(2026, 11, 23)

    func typed(_ text: String) -> Day? {
        if case .success(let d) = Day.typed(text, today: today) { return d }
        return nil
    }

    func refusal(_ text: String) -> String? {
        if case .failure(let e) = Day.typed(text, today: today) { return e.message }
        return nil
    }

    @Test func theDatesPeopleTypeAreRead() {
        #expect(today.weekday == 0 && today.spoken == "Mon 2026-11-23")
        #expect(typed("today") == today)
        #expect(typed("Tomorrow") == Day(2026, 11, 24))
        #expect(typed("fri") == Day(2026, 11, 27))
        #expect(typed("Friday") == Day(2026, 11, 27))
        #expect(typed("thurs") == Day(2026, 11, 26))
        #expect(typed("mon") == Day(2026, 11, 30), "a weekday is the next one after today")
        #expect(typed("next friday") == Day(2026, 12, 4), "next week's")
        #expect(typed("  next   FRI ") == Day(2026, 12, 4))
        #expect(typed("next monday") == Day(2026, 11, 30))
        #expect(typed("+7d") == Day(2026, 11, 30))
        #expect(typed("+2w") == Day(2026, 12, 7))
        #expect(typed("+10") == Day(2026, 12, 3))
        #expect(typed("-3d") == Day(2026, 11, 20))
        #expect(typed("in 2 weeks") == Day(2026, 12, 7))
        #expect(typed("in 10 days") == Day(2026, 12, 3))
        #expect(typed("in a week") == Day(2026, 11, 30))
        #expect(typed("2026-12-18") == Day(2026, 12, 18))
        #expect(typed("2026-3-6") == Day(2026, 3, 6))
        #expect(typed("dec 18") == Day(2026, 12, 18))
        #expect(typed("18 December") == Day(2026, 12, 18))
        #expect(typed("3 jan") == Day(2027, 1, 3), "without a year: the next one from today")
        #expect(typed("18 dec 2027") == Day(2027, 12, 18))
        #expect(Day(2026, 12, 11).spoken == "Fri 2026-12-11")
    }

    @Test func whatCannotBeReadIsRefusedInWords() throws {
        let vague = try #require(refusal("someday"))
        #expect(vague.contains("\"someday\" is not a date I can read") && vague.contains("next friday"))
        #expect(refusal("2026-02-30") == "February 2026 has 28 days, not 30")
        #expect(refusal("2026-13-01") == "there is no month 13: months go from 1 to 12")
        #expect(refusal("next fridayy") != nil)
        #expect(refusal("in 2 fortnights") != nil)
        #expect(refusal("fr") != nil, "two letters name no weekday")
        #expect(refusal("") == "no date given")
    }
}
