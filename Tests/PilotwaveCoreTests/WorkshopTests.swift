import Foundation
import Testing
@testable import PilotwaveCore

@Suite("Workshops")
struct WorkshopTests {
    let when = Date(timeIntervalSince1970: 1_780_000_000)

    // MARK: Templates

    @Test func templatesAreValidAgendas() {
        #expect(WorkshopTemplates.all.map(\.key) == WorkshopTemplates.Key.allCases)
        #expect(WorkshopTemplates.all.map(\.key.rawValue)
            == ["pilot-selection", "readiness-check-in", "wave-planning", "demo-review"])
        #expect(Set(WorkshopTemplates.all.map(\.title)).count == 4)
        for template in WorkshopTemplates.all {
            #expect(!template.title.isEmpty && !template.purpose.isEmpty)
            #expect(!template.purpose.contains("\n") && template.purpose.count <= 100, "\(template.key): one line")
            #expect((60...120).contains(template.minutes), "\(template.key): \(template.minutes) minutes")
            #expect((4...8).contains(template.steps.count), "\(template.key)")
            #expect(Set(template.steps.map(\.title)).count == template.steps.count, "\(template.key): titles repeat")
            for step in template.steps {
                #expect(WorkshopTemplates.views.contains(step.view), "\(template.key) / \(step.title): \(step.view)")
                #expect(step.minutes > 0, "\(template.key) / \(step.title)")
                #expect(!step.title.isEmpty)
                #expect(step.question.hasSuffix("?"), "\(template.key) / \(step.title): a question")
                #expect(step.question.count <= 110, "\(template.key) / \(step.title): \(step.question.count) characters")
                #expect(!step.done && step.spentSeconds == 0 && step.extraMinutes == 0)
            }
            #expect(WorkshopTemplates.template(template.key) == template)
            #expect(WorkshopTemplates.template(named: template.key.rawValue) == template)
        }
        #expect(WorkshopTemplates.template(named: "retro") == nil)
        #expect(WorkshopTemplates.template(named: nil) == nil)
    }

    /// The agendas follow DOMAIN.md: pilot selection ends in a recorded decision after a vote;
    /// the check-in looks at blockers and resistance; wave planning at scenarios and gates; the
    /// demo review has the five parts of a discovery–delivery demo.
    @Test func templatesFollowTheDomain() {
        let pilot = WorkshopTemplates.pilotSelection.steps.map(\.title)
        #expect(pilot.first == "Why pilots, not a big bang")
        #expect(pilot.last == "Record the decision")
        #expect(pilot.contains("Dot vote") && pilot.contains("Criteria and weights"))
        let checkIn = WorkshopTemplates.readinessCheckIn.steps.map(\.view)
        #expect(checkIn.contains("readiness") && checkIn.contains("blockers") && checkIn.contains("resistance"))
        let waves = WorkshopTemplates.wavePlanning.steps.map(\.title)
        #expect(waves.contains("Compare scenarios") && waves.contains("Entry gates"))
        let demo = WorkshopTemplates.demoReview.steps
        #expect(Array(demo.map(\.title).prefix(4))
            == ["Latest insights", "The opportunity", "Assumptions under test", "Early signals"])
        #expect(demo.map(\.title).last == "Decision implications")
        #expect(Set(demo.map(\.view)).isSubset(of: ["overview", "resistance", "pilots"]))
    }

    @Test func makingAWorkshopFromATemplate() {
        let w = WorkshopTemplates.make(.wavePlanning, id: "workshop-9", date: Day(2026, 6, 1))
        #expect(w.id == "workshop-9")
        #expect(w.title == "Wave planning")
        #expect(w.date == Day(2026, 6, 1))
        #expect(w.template == "wave-planning")
        #expect(w.status == .planned && w.current == 0 && w.parkingLot.isEmpty)
        #expect(w.steps == WorkshopTemplates.wavePlanning.steps)
        #expect(WorkshopTemplates.make(.demoReview, id: "w", date: nil).date == nil)
        var plan = Plan.empty(id: "p", name: "P", organisation: "O")
        #expect(throws: Never.self) { try PlanEdit.addWorkshop(w).apply(to: &plan) }
    }

    // MARK: Order and carry-over

    /// Four workshops listed out of date order, two on the same day (both held), one undated (only
    /// planned); actions of each, one outside any workshop, done and open, due and overdue.
    func plan() -> Plan {
        var p = Plan.empty(id: "plan-1", name: "Test", organisation: "Acme")
        func step(_ title: String, done: Bool = false) -> AgendaStep {
            AgendaStep(title: title, view: "overview", minutes: 10, done: done)
        }
        p.workshops = [
            Workshop(id: "w-march", title: "March", date: Day(2026, 3, 2), steps: [step("M1")], status: .done),
            Workshop(id: "w-jan", title: "January", date: Day(2026, 1, 9),
                     steps: [step("J1", done: true), step("J2"), step("J3", done: true), step("J4")],
                     status: .done, current: 2,
                     parkingLot: [ParkingItem(text: "Funding?", at: when), ParkingItem(text: "Rooms", at: when, closed: true),
                                  ParkingItem(text: "Designers?", at: when.addingTimeInterval(60))]),
            Workshop(id: "w-undated", title: "Some day", steps: [step("U1")]),
            Workshop(id: "w-march-b", title: "March, second", date: Day(2026, 3, 2), steps: [step("B1", done: true)],
                     status: .running),
        ]
        p.actions = [
            ActionItem(id: "a-late", text: "Late", owner: "Ana", due: Day(2026, 2, 1), workshop: "w-jan",
                       createdAt: when.addingTimeInterval(300)),
            ActionItem(id: "a-done", text: "Done", owner: "Bo", due: Day(2026, 1, 20), done: true, workshop: "w-jan",
                       createdAt: when),
            ActionItem(id: "a-none", text: "From outside", owner: "Cy", createdAt: when.addingTimeInterval(-86_400)),
            ActionItem(id: "a-due-today", text: "Due today", owner: "Di", due: Day(2026, 3, 2), workshop: "w-jan",
                       createdAt: when.addingTimeInterval(300)),
            ActionItem(id: "a-march", text: "From March", owner: "Ed", workshop: "w-march",
                       createdAt: when.addingTimeInterval(5_000_000)),
            ActionItem(id: "a-undated", text: "From the undated one", owner: "Fa", workshop: "w-undated",
                       createdAt: when.addingTimeInterval(6_000_000)),
        ]
        p.decisions = [
            Decision(id: "d-1", text: "One", decidedBy: "Ana", at: when, workshop: "w-jan"),
            Decision(id: "d-2", text: "Two", decidedBy: "Bo", at: when),
            Decision(id: "d-3", text: "Three", decidedBy: "Cy", at: when, workshop: "w-jan"),
        ]
        return p
    }

    @Test func previousIsTheLatestEarlierByDateThenListOrder() throws {
        let p = plan()
        func previous(_ id: WorkshopID) -> WorkshopID? { Workshops.previous(to: try! #require(p.workshop(id)), in: p)?.id }
        #expect(previous("w-jan") == nil)
        #expect(previous("w-march") == "w-jan")
        #expect(previous("w-march-b") == "w-march")  // same day: listed earlier comes first
        #expect(previous("w-undated") == "w-march-b")  // undated: after every dated one
        #expect(Workshops.ordered(p).map(\.id) == ["w-jan", "w-march", "w-march-b", "w-undated"])
        // A workshop not (yet) in the plan comes after those of its day.
        let new = Workshop(id: "w-new", title: "New", date: Day(2026, 3, 2))
        #expect(Workshops.previous(to: new, in: p)?.id == "w-march-b")
        let early = Workshop(id: "w-new", title: "New", date: Day(2025, 12, 1))
        #expect(Workshops.previous(to: early, in: p) == nil)
    }

    @Test func carryOverTakesOpenActionsUnfinishedStepsAndParking() throws {
        let p = plan()
        let march = try #require(p.workshop("w-march"))
        let carry = Workshops.carryOver(for: march, plan: p, today: Day(2026, 3, 2))
        #expect(carry.previous?.id == "w-jan")
        // Not done, from an earlier workshop or none, oldest first (same time: list order).
        #expect(carry.openActions.map(\.id) == ["a-none", "a-late", "a-due-today"])
        #expect(carry.overdue == ["a-late"])  // due today is not overdue
        #expect(carry.isOverdue(p.actions[0]) && !carry.isOverdue(p.actions[3]))
        #expect(carry.unfinished.map(\.step.title) == ["J2", "J4"])
        #expect(carry.unfinished.map(\.index) == [1, 3])
        #expect(carry.unfinished.allSatisfy { $0.workshop == "w-jan" })
        #expect(carry.openParking.map(\.text) == ["Funding?", "Designers?"])
        #expect(!carry.isEmpty)
    }

    @Test func carryOverLooksOnlyBackwards() throws {
        let p = plan()
        // The first workshop takes over only the action agreed outside any workshop.
        let first = Workshops.carryOver(for: try #require(p.workshop("w-jan")), plan: p, today: Day(2026, 1, 9))
        #expect(first.previous == nil)
        #expect(first.openActions.map(\.id) == ["a-none"])
        #expect(first.unfinished.isEmpty && first.openParking.isEmpty)
        // The second March workshop takes over March's open action too, and March's open step.
        let second = Workshops.carryOver(for: try #require(p.workshop("w-march-b")), plan: p, today: Day(2026, 3, 3))
        #expect(second.openActions.map(\.id) == ["a-none", "a-late", "a-due-today", "a-march"])
        #expect(second.overdue == ["a-late", "a-due-today"])
        #expect(second.unfinished.map(\.step.title) == ["M1"])
        #expect(second.openParking.isEmpty)
        // The undated one takes over every other workshop's open actions.
        let last = Workshops.carryOver(for: try #require(p.workshop("w-undated")), plan: p, today: Day(2026, 3, 3))
        #expect(last.openActions.map(\.id) == ["a-none", "a-late", "a-due-today", "a-march"])
        #expect(last.unfinished.isEmpty)  // March's second workshop finished its step
        // Nothing open, nothing to carry.
        var tidy = p
        for i in tidy.actions.indices { tidy.actions[i].done = true }
        let none = Workshops.carryOver(for: try #require(tidy.workshop("w-jan")), plan: tidy, today: Day(2026, 1, 9))
        #expect(none.isEmpty)
    }

    @Test func actionsDecisionsAndSummaryOfAWorkshop() throws {
        let p = plan()
        #expect(Workshops.actions(of: "w-jan", in: p).map(\.id) == ["a-late", "a-done", "a-due-today"])
        #expect(Workshops.decisions(of: "w-jan", in: p).map(\.id) == ["d-1", "d-3"])
        #expect(Workshops.actions(of: "w-gone", in: p).isEmpty)

        var w = try #require(p.workshop("w-jan"))
        w.steps[0].spentSeconds = 700  // 10-minute box
        w.steps[1].spentSeconds = 500
        w.steps[2].spentSeconds = 800
        w.steps[2].extraMinutes = 5  // 15 minutes with the extension: within it
        w.steps[3].minutes = 0  // no timebox: never an overrun
        w.steps[3].spentSeconds = 30
        let summary = Workshops.summary(of: w)
        #expect(summary.stepsDone == 2 && summary.stepCount == 4)
        #expect(summary.spentSeconds == 2_030)
        #expect(summary.plannedSeconds == 1_800)
        #expect(summary.extraMinutes == 5)
        #expect(summary.overrunSteps == 1)
        #expect(summary.overSeconds == 230)
        #expect(Workshops.summary(of: Workshop(id: "w", title: "Empty")).stepCount == 0)
    }

    // MARK: Edits

    @Test func actionsAreAddedUpdatedAndRemovedByName() throws {
        var p = plan()
        let action = ActionItem(id: "a-new", text: "Ask the CFO about persistent funding for the three pilots",
                                owner: "Ana", due: Day(2026, 4, 1), workshop: "w-march", createdAt: when)
        #expect(PlanEdit.addAction(action).title(in: p) == "Add action \"Ask the CFO about persistent funding fo…\"")
        try PlanEdit.addAction(action).apply(to: &p)
        #expect(p.action("a-new") == action)
        var done = action
        done.done = true
        done.text = "Asked"
        #expect(PlanEdit.updateAction(done).title(in: p) == "Edit action \"Asked\"")
        try PlanEdit.updateAction(done).apply(to: &p)
        #expect(p.action("a-new")?.done == true)
        #expect(PlanEdit.removeAction("a-new").title(in: p) == "Delete action \"Asked\"")
        try PlanEdit.removeAction("a-new").apply(to: &p)
        #expect(p.action("a-new") == nil)

        let before = p
        #expect(throws: EditError("action must not be empty")) {
            try PlanEdit.addAction(ActionItem(id: "a-x", text: " ", owner: "", createdAt: when)).apply(to: &p)
        }
        #expect(throws: EditError("an action a-late already exists")) {
            try PlanEdit.addAction(ActionItem(id: "a-late", text: "Again", owner: "", createdAt: when)).apply(to: &p)
        }
        #expect(throws: EditError("no workshop w-gone")) {
            try PlanEdit.addAction(ActionItem(id: "a-x", text: "X", owner: "", workshop: "w-gone", createdAt: when))
                .apply(to: &p)
        }
        var moved = p.actions[0]
        moved.workshop = "w-gone"
        #expect(throws: EditError("no workshop w-gone")) { try PlanEdit.updateAction(moved).apply(to: &p) }
        #expect(throws: EditError("no action a-gone")) { try PlanEdit.removeAction("a-gone").apply(to: &p) }
        #expect(p == before)
    }

    @Test func removingAWorkshopUnlinksItsActionsAndDecisions() throws {
        var p = plan()
        let before = p
        #expect(PlanEdit.removeWorkshop("w-jan").title(in: p) == "Delete workshop January")
        try PlanEdit.removeWorkshop("w-jan").apply(to: &p)
        #expect(p.workshop("w-jan") == nil)
        #expect(p.actions.count == before.actions.count)  // the actions stay …
        #expect(!p.actions.contains { $0.workshop == "w-jan" })  // … no longer linked
        #expect(p.actions.first { $0.id == "a-march" }?.workshop == "w-march")  // others keep theirs
        #expect(p.decisions.map(\.workshop) == [nil, nil, nil])
        #expect(p.decisions.map(\.id) == before.decisions.map(\.id))

        // Undo through the delta gives the plan back, links and all.
        let delta = PlanDelta(from: before, to: p)
        var back = p
        delta.revert(&back)
        #expect(back == before)
        delta.reapply(&back)
        #expect(back == p)
    }

    @Test func workshopEditsKeepWhatTheLoaderRequires() throws {
        var p = plan()
        let before = p
        var w = try #require(p.workshop("w-march"))
        w.current = 1  // one step
        #expect(throws: EditError("current step 1 is not one of the workshop's 1 steps")) {
            try PlanEdit.updateWorkshop(w).apply(to: &p)
        }
        w.current = 0
        w.steps[0].spentSeconds = -1
        #expect(throws: EditError("a step's time spent must not be negative")) { try PlanEdit.updateWorkshop(w).apply(to: &p) }
        w.steps[0].spentSeconds = 0
        w.steps[0].extraMinutes = -1
        #expect(throws: EditError("a step's added minutes must not be negative")) {
            try PlanEdit.updateWorkshop(w).apply(to: &p)
        }
        w.steps[0].extraMinutes = 0
        w.steps[0].minutes = -10
        #expect(throws: EditError("a step's minutes must not be negative")) {
            try PlanEdit.addWorkshop(Workshop(id: "w-new", title: "New", steps: w.steps)).apply(to: &p)
        }
        #expect(throws: EditError("current step 2 is not one of the workshop's 0 steps")) {
            try PlanEdit.addWorkshop(Workshop(id: "w-new", title: "New", current: 2)).apply(to: &p)
        }
        #expect(throws: EditError("no workshop w-gone")) {
            try PlanEdit.recordDecision(Decision(id: "d-9", text: "X", decidedBy: "", at: when, workshop: "w-gone"))
                .apply(to: &p)
        }
        #expect(p == before)
        try PlanEdit.recordDecision(Decision(id: "d-9", text: "X", decidedBy: "", at: when, workshop: "w-march"))
            .apply(to: &p)
        #expect(Workshops.decisions(of: "w-march", in: p).map(\.id) == ["d-9"])
    }

    /// A session's steps stored through `.updateWorkshop`, and undone like any edit.
    @Test func timerResultsAreStoredAndUndoneAsEdits() throws {
        var p = plan()
        let before = p
        var timer = WorkshopTimer(workshop: try #require(p.workshop("w-march")))
        timer.enter(step: 0, at: when)
        timer.extend(minutes: 3)
        let finished = timer.finish(at: when.addingTimeInterval(725))
        try PlanEdit.updateWorkshop(finished).apply(to: &p)
        #expect(p.workshop("w-march")?.status == .done)
        #expect(p.workshop("w-march")?.steps[0].spentSeconds == 725)
        #expect(p.workshop("w-march")?.steps[0].extraMinutes == 3)
        let delta = PlanDelta(from: before, to: p)
        #expect(delta.weight <= 5)
        var back = p
        delta.revert(&back)
        #expect(back == before)
    }

    // MARK: The demo

    /// The demo's first workshop is finished, with its time, a parked question and two actions
    /// (one open and overdue); the readiness check-in after it takes those over.
    @Test func demoWorkshopsTellTheStory() throws {
        let plan = DemoPlan.make()
        #expect(plan.workshops.map(\.id) == ["workshop-pilot-selection", "workshop-readiness-check-in"])
        let first = try #require(plan.workshop("workshop-pilot-selection"))
        #expect(first.status == .done)
        #expect(first.template == "pilot-selection")
        #expect(first.steps.contains { $0.spentSeconds > 0 })
        #expect(first.steps.contains { $0.extraMinutes > 0 })
        #expect(first.steps.contains { !$0.done })
        #expect(first.parkingLot.contains { !$0.closed })
        let summary = Workshops.summary(of: first)
        #expect(summary.overrunSteps >= 1)
        #expect(Workshops.decisions(of: first.id, in: plan).map(\.id).contains("decision-pilots"))
        let actions = Workshops.actions(of: first.id, in: plan)
        #expect(actions.count == 2)
        #expect(actions.contains { $0.done } && actions.contains { !$0.done })

        let checkIn = try #require(plan.workshop("workshop-readiness-check-in"))
        #expect(checkIn.status == .planned)
        #expect(checkIn.template == "readiness-check-in")
        #expect(checkIn.steps == WorkshopTemplates.readinessCheckIn.steps)
        #expect(try #require(checkIn.date) > (try #require(first.date)))
        #expect(Workshops.previous(to: checkIn, in: plan)?.id == first.id)
        let carry = Workshops.carryOver(for: checkIn, plan: plan, today: Day(2026, 3, 6))
        #expect(carry.openActions.map(\.id) == ["action-triage-designer"])
        #expect(carry.overdue == ["action-triage-designer"])
        #expect(carry.unfinished.map(\.step.title) == ["Waves and blockers"])
        #expect(carry.openParking.count == 1)
        // Still just overdue when the demo is opened later: its story moves to the week it is opened.
        let later = DemoPlan.make(today: Day(2026, 11, 23))
        let laterCheckIn = try #require(later.workshop("workshop-readiness-check-in"))
        #expect(Workshops.carryOver(for: laterCheckIn, plan: later, today: Day(2026, 11, 23)).overdue.count == 1)
    }
}
