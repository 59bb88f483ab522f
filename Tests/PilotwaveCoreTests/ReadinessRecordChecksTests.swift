import Foundation
import Testing
@testable import PilotwaveCore

/// Readiness and resistance records that must agree with the plan: a retired dimension leaves the
/// gates, a follow-up comes after its note, a rating says who gave it, and "open" means one thing.
@Suite("Readiness and resistance records agree with the plan")
struct ReadinessRecordChecksTests {
    func codes(_ plan: Plan) -> [String] { PlanChecks.run(plan, today: RulesFixture.today).map(\.code) }

    @Test func retiringADimensionDropsItFromEveryGateInOneEdit() throws {
        var f = RulesFixture()
        f.wave("w-1", "Wave 1", order: 1, readiness: [
            ReadinessThreshold(dimension: ReadinessDimension.executiveConviction, minimum: 4),
            ReadinessThreshold(dimension: ReadinessDimension.feltPain, minimum: 3)])
        f.wave("w-2", "Wave 2", order: 2, readiness: [ReadinessThreshold(dimension: ReadinessDimension.executiveConviction, minimum: 5)])
        let dimension = try #require(f.plan.dimension(ReadinessDimension.executiveConviction))
        #expect(Readiness.gatesUsing(dimension.id, in: f.plan).map { "\($0.wave.name) \($0.minimum)" } == ["Wave 1 4", "Wave 2 5"])
        let edit = Readiness.retire(dimension, in: f.plan)
        guard case .batch = edit else { Issue.record("not one edit: \(edit)"); return }
        var after = f.plan
        try edit.apply(to: &after)
        #expect(after.dimension(dimension.id)?.retired == true)
        #expect(after.waves.map { $0.entry.readiness.map(\.dimension) } == [[ReadinessDimension.feltPain], []])
        #expect(!codes(after).contains("gateOnRetiredDimension"))
        let wave1 = try #require(after.waves.first)
        #expect(!WavePlanning.gate(wave1, plan: after, organisation: [:]).contains { $0.text.contains("Executive conviction") },
                "the gate the views show no longer asks for it")
    }

    @Test func aGateOnARetiredDimensionInAHandEditedFileIsFlagged() {
        var f = RulesFixture()
        f.wave("w-1", "Wave 1", order: 1, readiness: [ReadinessThreshold(dimension: ReadinessDimension.executiveConviction, minimum: 4)])
        f.plan.dimensions[0].retired = true
        let finding = PlanChecks.run(f.plan, today: RulesFixture.today).first { $0.code == "gateOnRetiredDimension" }
        #expect(finding?.message == "Wave 1's entry gate asks for Executive conviction at least 4, but that dimension is retired")
        #expect(finding?.severity == .warning)
    }

    @Test func aFollowUpBeforeTheNoteIsFlaggedNotCountedOverdue() {
        var f = RulesFixture()
        f.team("t-1")
        f.note("n-1", team: "t-1", followUp: Day(2025, 4, 9), day: 60)  // taken 2026-03-02
        let findings = PlanChecks.run(f.plan, today: RulesFixture.today)
        #expect(findings.map(\.code).contains("followUpBeforeNote"))
        #expect(!findings.map(\.code).contains("followUpOverdue"), "not \"overdue 340 days\": a mistake, said as one")
        #expect(findings.first { $0.code == "followUpBeforeNote" }?.message
                == "Follow-up on \"We don't have time\" is set for 2025-04-09, before the note was taken on 2026-03-02")
    }

    @Test func aRatingWithoutARaterIsFlagged() {
        var f = RulesFixture()
        f.signal("s-1", ReadinessDimension.feltPain, 3)
        #expect(!codes(f.plan).contains("ratingWithoutRater"))
        f.plan.signals.append(ReadinessSignal(id: "s-2", dimension: ReadinessDimension.feltPain, rating: 4, recordedAt: RulesFixture.at(3)))
        #expect(PlanChecks.run(f.plan, today: RulesFixture.today).first { $0.code == "ratingWithoutRater" }?.message
                == "1 readiness rating does not say who gave it")
    }

    @Test func openMeansTheStatusOpenInEveryCount() {
        var f = RulesFixture()
        f.team("t-1")
        f.note("n-1", team: "t-1")
        f.note("n-2", team: "t-1", status: .beingAddressed)
        f.note("n-3", team: "t-1", status: .beingAddressed)
        f.note("n-4", team: "t-1", status: .resolved)
        let counts = ResistanceRules.statusCounts(f.plan.resistance)
        #expect(counts.phrase == "1 open · 2 being addressed")
        let groups = ResistanceRules.grouped(f.plan, by: .status, today: RulesFixture.today)
        #expect(groups.first { $0.title == NoteStatus.open.label }?.notes.count == counts.open,
                "the header's number and the group's are the same count")
    }
}
