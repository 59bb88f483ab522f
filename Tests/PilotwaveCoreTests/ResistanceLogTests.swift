import Foundation
import Testing
@testable import PilotwaveCore

/// The resistance log as a facilitator works it: what is overdue, how it groups, what a filter finds.
@Suite("Resistance log: overdue, grouping, advancing")
struct ResistanceLogTests {
    let today = RulesFixture.today  // 2026-03-15

    func note(followUp: Day?, status: NoteStatus = .open) -> ResistanceNote {
        ResistanceNote(id: "n", team: "t-a", words: "No time", kind: .noTime, status: status,
                       followUp: followUp, recordedAt: RulesFixture.at(0))
    }

    /// The notes of every group, in the order shown.
    func shown(_ plan: Plan, by grouping: ResistanceRules.Grouping = .kind, _ filter: String = "") -> [NoteID] {
        ResistanceRules.grouped(plan, by: grouping, matching: filter, today: today)
            .flatMap { $0.notes.map { plan.resistance[$0].id } }
    }

    func titles(_ plan: Plan, by grouping: ResistanceRules.Grouping, _ filter: String = "") -> [String] {
        ResistanceRules.grouped(plan, by: grouping, matching: filter, today: today).map(\.title)
    }

    // MARK: Overdue

    @Test func notOverdueWithoutAFollowUpOnOrBeforeItsDateOrOnceResolved() {
        #expect(ResistanceRules.daysOverdue(note(followUp: nil), today: today) == nil)
        #expect(ResistanceRules.daysOverdue(note(followUp: today), today: today) == nil)
        #expect(ResistanceRules.daysOverdue(note(followUp: Day(2026, 3, 16)), today: today) == nil)
        #expect(ResistanceRules.daysOverdue(note(followUp: Day(2026, 3, 1), status: .resolved), today: today) == nil)
        #expect(ResistanceRules.daysOverdue(note(followUp: Day(2026, 3, 14)), today: today) == 1)
        #expect(ResistanceRules.daysOverdue(note(followUp: Day(2026, 3, 14), status: .beingAddressed), today: today) == 1)
    }

    @Test(arguments: [
        (Day(2026, 2, 26), Day(2026, 3, 2), 4),     // February 2026 has 28 days
        (Day(2028, 2, 26), Day(2028, 3, 2), 5),     // 2028 is a leap year
        (Day(2026, 1, 31), Day(2026, 2, 1), 1),
        (Day(2025, 12, 30), Day(2026, 1, 2), 3),
        (Day(2026, 4, 30), Day(2026, 5, 31), 31),
        (Day(2025, 3, 15), Day(2026, 3, 15), 365),
    ])
    func daysOverdueCountAcrossMonthAndYearBoundaries(due: Day, today: Day, days: Int) {
        #expect(ResistanceRules.daysOverdue(note(followUp: due), today: today) == days)
    }

    // MARK: Grouping

    @Test func byKindGroupsFollowTheKindsOrderAndLeaveEmptyKindsOut() {
        var f = RulesFixture()
        f.team("t-a")
        f.note("n-other", team: "t-a", words: "Hmm", kind: .other)
        f.note("n-control", team: "t-a", words: "Who decides?", kind: .reducedControl)
        f.note("n-time", team: "t-a", kind: .noTime)
        f.note("n-time2", team: "t-a", kind: .noTime)
        let groups = ResistanceRules.grouped(f.plan, by: .kind, today: today)
        #expect(groups.map(\.title) == [ResistanceKind.noTime.label, ResistanceKind.reducedControl.label, "other"])
        #expect(groups.map(\.notes) == [[2, 3], [1], [0]])
        #expect(ResistanceRules.Grouping.allCases.map(\.label) == ["kind", "status", "source"])
    }

    @Test func byStatusGroupsGoOpenBeingAddressedResolved() {
        var f = RulesFixture()
        f.team("t-a")
        f.note("n-done", team: "t-a", status: .resolved)
        f.note("n-work", team: "t-a", status: .beingAddressed)
        f.note("n-open", team: "t-a", status: .open)
        #expect(titles(f.plan, by: .status) == ["open", "being addressed", "resolved"])
        #expect(shown(f.plan, by: .status) == ["n-open", "n-work", "n-done"])
        f.plan.resistance.remove(at: 1)
        #expect(titles(f.plan, by: .status) == ["open", "resolved"])
    }

    @Test func bySourceStakeholdersComeFirstThenTeamsThenNoSource() {
        var f = RulesFixture()
        f.team("t-z", "Zinc")
        f.team("t-a", "Amber")
        f.plan.stakeholders = [Stakeholder(id: "sh-cfo", name: "Cara", role: "CFO"),
                               Stakeholder(id: "sh-ops", name: "Olu")]
        f.note("n-nobody")
        f.note("n-zinc", team: "t-z")
        f.note("n-olu", stakeholder: "sh-ops")
        f.note("n-amber", team: "t-a")
        f.note("n-cara", stakeholder: "sh-cfo")
        f.note("n-amber2", team: "t-a", severity: .low)
        #expect(titles(f.plan, by: .source) == ["Cara (CFO)", "Olu (stakeholder)", "Amber", "Zinc", "no source recorded"])
        #expect(shown(f.plan, by: .source) == ["n-cara", "n-olu", "n-amber", "n-amber2", "n-zinc", "n-nobody"])
    }

    @Test func withinAGroupOverdueFirstThenSeverityThenNewest() {
        var f = RulesFixture()
        f.team("t-a")
        f.note("old-high", team: "t-a", severity: .high, day: 1)
        f.note("new-high", team: "t-a", severity: .high, day: 20)
        f.note("overdue-low", team: "t-a", severity: .low, followUp: Day(2026, 3, 10), day: 2)
        f.note("medium", team: "t-a", severity: .medium, day: 30)
        f.note("overdue-high", team: "t-a", severity: .high, followUp: Day(2026, 3, 14), day: 3)
        f.note("due-today", team: "t-a", severity: .low, followUp: today, day: 40)
        f.note("resolved-late", team: "t-a", severity: .low, status: .resolved, followUp: Day(2026, 1, 10), day: 4)
        #expect(shown(f.plan) == ["overdue-high", "overdue-low", "new-high", "old-high", "medium",
                                  "due-today", "resolved-late"])
    }

    // MARK: Filter

    @Test func theFilterSearchesEveryFieldAFacilitatorWouldTypeCaseInsensitively() {
        var f = RulesFixture()
        f.team("t-a", "Amber Squad")
        f.team("t-b", "Basalt")
        f.plan.stakeholders = [Stakeholder(id: "sh-cfo", name: "Cara Lindqvist", role: "CFO")]
        f.note("words", team: "t-b", words: "Our customers would never accept it", kind: .neverWorkHere)
        f.note("owner", team: "t-b", words: "x", kind: .other, status: .beingAddressed, response: "r", owner: "Priya")
        f.note("response", team: "t-b", words: "y", kind: .other, response: "Demo every second Friday", owner: "Kim")
        f.note("team", team: "t-a", words: "z", kind: .other)
        f.note("stake", stakeholder: "sh-cfo", words: "w", kind: .reducedControl, status: .resolved)
        #expect(shown(f.plan, "CUSTOMERS") == ["words"])
        #expect(shown(f.plan, "priya") == ["owner"])
        #expect(shown(f.plan, "second friday") == ["response"])
        #expect(shown(f.plan, "amber") == ["team"])
        #expect(shown(f.plan, "lindqvist") == ["stake"])
        #expect(shown(f.plan, "never work here") == ["words"], "the kind's label")
        #expect(shown(f.plan, "discomfort") == ["stake"], "the kind's label")
        #expect(shown(f.plan, "Being Addressed") == ["owner"], "the status label")
        #expect(shown(f.plan, "resolved") == ["stake"])
        #expect(shown(f.plan, "  Basalt ").count == 3, "surrounding spaces are ignored")
        #expect(shown(f.plan, "").count == 5 && shown(f.plan, "   ").count == 5)
        #expect(ResistanceRules.grouped(f.plan, by: .kind, matching: "nothing like this", today: today).isEmpty)
    }

    @Test func theFilterLeavesGroupsWithoutMatchesOut() {
        var f = RulesFixture()
        f.team("t-a", "Amber")
        f.team("t-b", "Basalt")
        f.note("a", team: "t-a", words: "We are drowning in tickets", kind: .noTime)
        f.note("b", team: "t-b", words: "Leaders want the roadmap", kind: .favouredSolutions)
        #expect(titles(f.plan, by: .kind, "roadmap") == [ResistanceKind.favouredSolutions.label])
        #expect(titles(f.plan, by: .source, "roadmap") == ["Basalt"])
        #expect(titles(f.plan, by: .status, "roadmap") == ["open"])
        #expect(shown(f.plan, by: .source, "tickets") == ["a"])
    }

    // MARK: Advancing

    @Test func anOpenNoteWithResponseOwnerAndFollowUpIsBeingAddressed() {
        var n = note(followUp: Day(2026, 4, 1))
        n.response = "Take the reporting work off their plate"
        n.owner = "Kim"
        #expect(ResistanceRules.advanced(n).status == .beingAddressed)
        var changed = ResistanceRules.advanced(n)
        changed.status = .open
        #expect(changed == n, "nothing else changes")
    }

    @Test func missingAnyOfTheThreeKeepsItOpen() {
        var full = note(followUp: Day(2026, 4, 1))
        full.response = "Pair them with a coach"
        full.owner = "Kim"
        var noResponse = full
        noResponse.response = nil
        var blankResponse = full
        blankResponse.response = "   "
        var noOwner = full
        noOwner.owner = nil
        var blankOwner = full
        blankOwner.owner = ""
        var noFollowUp = full
        noFollowUp.followUp = nil
        for n in [noResponse, blankResponse, noOwner, blankOwner, noFollowUp] {
            #expect(ResistanceRules.advanced(n) == n)
        }
    }

    @Test func resolvedAndBeingAddressedNotesStayAsTheyAre() {
        var n = note(followUp: Day(2026, 4, 1), status: .resolved)
        n.response = "Done"
        n.owner = "Kim"
        #expect(ResistanceRules.advanced(n).status == .resolved)
        n.status = .beingAddressed
        n.owner = nil
        #expect(ResistanceRules.advanced(n).status == .beingAddressed, "never moved back")
    }
}
