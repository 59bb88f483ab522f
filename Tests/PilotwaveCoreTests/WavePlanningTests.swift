import Foundation
import Testing
@testable import PilotwaveCore

/// Wave planning rules: capacity per wave and coach, entry gates, starting over a gate, stepping a
/// team between waves.
@Suite("Wave planning")
struct WavePlanningTests {
    func fixture() -> RulesFixture {
        var f = RulesFixture()
        f.coach("coach-ana", "Ana", capacity: 2)
        f.coach("coach-ben", "Ben", capacity: 3)
        f.pilot("team-p1")
        f.team("team-a", coach: "coach-ana")
        f.team("team-b", coach: "coach-ana")
        f.team("team-c", coach: "coach-ana")
        f.team("team-d", coach: "coach-ben")
        f.team("team-e")
        f.blocker("blocker-fund", "Annual budgets", .funding, status: .inProgress)
        f.signal("signal-conv", ReadinessDimension.executiveConviction, 3)
        f.wave("wave-0", "Pilots", order: 0, teams: ["team-p1"], status: .active)
        f.wave("wave-1", "Early adopters", order: 1, teams: ["team-a", "team-b", "team-c", "team-d", "team-e"],
               blockers: ["blocker-fund"], readiness: [ReadinessThreshold(dimension: ReadinessDimension.executiveConviction, minimum: 4)])
        f.wave("wave-2", "Scale out", order: 2)
        return f
    }

    @Test func capacityCountsEachCoachsTeamsAndTheUncoached() throws {
        let plan = fixture().plan
        let cap = try #require(WavePlanning.capacity(plan)["wave-1"])
        #expect(cap.teams == 5)
        #expect(cap.coaches.map(\.name) == ["Ana", "Ben"])
        #expect(cap.coaches.map(\.teams) == [3, 1])
        #expect(cap.capacity == 5)
        #expect(cap.uncoached == 1)
        #expect(cap.isOver)
        #expect(cap.coaches[0].isOver && !cap.coaches[1].isOver)
        #expect(cap.summary == "5 teams · 2 coaches for 5 · 1 without a coach · ! over capacity: Ana 3/2")
        let empty = try #require(WavePlanning.capacity(plan)["wave-2"])
        #expect(empty.teams == 0 && !empty.isOver && empty.summary == "0 teams")
    }

    @Test func theGateListsEachCriterionWithItsState() throws {
        var f = fixture()
        f.plan.waves[1].entry.checklist = [ChecklistItem(text: "Coaches trained", done: true, evidence: "May cohort")]
        let plan = f.plan
        let gate = WavePlanning.gate(plan.waves[1], plan: plan, organisation: WavePlanning.organisationLatest(plan))
        #expect(gate.map(\.kind) == [.blocker, .readiness, .checklist])
        #expect(gate.map(\.met) == [false, false, true])
        #expect(gate[0].text == "Annual budgets" && gate[0].evidence == "in progress")
        #expect(gate[1].text == "Executive conviction at least 4" && gate[1].evidence.hasPrefix("3/5 on "))
        #expect(gate[2].evidence == "May cohort")
        // Resolving the blocker and a rating of 4 meet the gate.
        f.plan.blockers[0].status = .resolved
        f.signal("signal-conv-2", ReadinessDimension.executiveConviction, 4, day: 10)
        let met = WavePlanning.gate(f.plan.waves[1], plan: f.plan, organisation: WavePlanning.organisationLatest(f.plan))
        #expect(met.allSatisfy { $0.met })
        // A struck rating does not count for the gate.
        f.plan.signals[f.plan.signals.count - 1].struck = Strike(reason: "wrong", by: "Fay", at: RulesFixture.at(11))
        let again = WavePlanning.gate(f.plan.waves[1], plan: f.plan, organisation: WavePlanning.organisationLatest(f.plan))
        #expect(again[1].met == false)
    }

    @Test func startingOverAnUnmetGateNeedsAReasonAndLogsTheDecision() throws {
        var plan = fixture().plan
        let wave = plan.waves[1]
        let unmet = WavePlanning.gate(wave, plan: plan, organisation: WavePlanning.organisationLatest(plan)).filter { !$0.met }
        #expect(WavePlanning.activate(wave, unmet: unmet, reason: "  ", by: "Board", at: RulesFixture.at(5), decisionID: "decision-1") == nil)
        let edit = try #require(WavePlanning.activate(wave, unmet: unmet, reason: "Budget cycle", by: "Board",
                                                      at: RulesFixture.at(5), decisionID: "decision-1"))
        let before = plan
        try edit.apply(to: &plan)
        #expect(plan.wave("wave-1")?.status == .active)
        let decision = try #require(plan.decisions.last)
        #expect(decision.decidedBy == "Board" && decision.concerns == ["wave-1"])
        #expect(decision.text == "Start Early adopters with its entry gate unmet (Annual budgets and Executive conviction at least 4): Budget cycle")
        PlanDelta(from: before, to: plan).revert(&plan)
        #expect(plan == before)
        // With the gate met there is nothing to override.
        let plain = try #require(WavePlanning.activate(wave, unmet: [], reason: nil, by: "", at: RulesFixture.at(5), decisionID: "decision-2"))
        var started = before
        try plain.apply(to: &started)
        #expect(started.decisions == before.decisions && started.wave("wave-1")?.status == .active)
    }

    @Test func seedingACoachFromATeamOfAnEarlierWave() throws {
        var plan = fixture().plan
        let edit = try WavePlanning.seedCoach(from: "team-p1", name: "Pia", capacity: 3, id: "coach-pia", plan: plan)
        #expect(edit.title(in: plan) == "Seed coach Pia from Team-P1")
        try edit.apply(to: &plan)
        let pia = try #require(plan.coach("coach-pia"))
        #expect(pia.seededFrom == "team-p1" && pia.capacity == 3 && pia.name == "Pia")
        #expect(WavePlanning.seeding(of: pia, plan: plan) == .after(team: "team-p1", order: 0))
        #expect(WavePlanning.availability(WavePlanning.seed(of: pia, plan: plan), wave: nil, order: 1, start: nil).free)
        #expect(!WavePlanning.availability(WavePlanning.seed(of: pia, plan: plan), wave: nil, order: 0, start: nil).free)
        // Capacity is untouched by seeding: Pia coaching a wave-1 team counts like any coach.
        var team = try #require(plan.team("team-e"))
        team.coach = "coach-pia"
        try PlanEdit.updateTeam(team).apply(to: &plan)
        #expect(WavePlanning.capacity(plan)["wave-1"]?.coaches.map(\.name) == ["Ana", "Ben", "Pia"])
        #expect(WavePlanning.capacity(plan)["wave-1"]?.uncoached == 0)

        // From a wave-1 team: free for wave 2.
        #expect(throws: Never.self) {
            try WavePlanning.seedCoach(from: "team-a", name: "Al", id: "coach-al", plan: plan)
        }
        #expect(WavePlanning.seeding(of: Coach(id: "c", name: "C", seededFrom: "team-a"), plan: plan)
            == .after(team: "team-a", order: 1))
        #expect(WavePlanning.seeding(of: Coach(id: "c", name: "C"), plan: plan) == .unseeded)
        #expect(WavePlanning.seeding(of: Coach(id: "c", name: "C", seededFrom: "team-zz"), plan: plan) == .unseeded)
        #expect(WavePlanning.availability(of: Coach(id: "c", name: "C", seededFrom: "team-e"), for: plan.waves[2], plan: plan).free)
    }

    @Test func seedingIsRefusedWithoutALaterWave() throws {
        var plan = fixture().plan
        plan.teams[plan.teamIndex("team-e")!].status = .candidate
        plan.waves[1].teams.removeAll { $0 == "team-e" }
        #expect(throws: EditError("Team-E is in no wave; a coach is seeded from a team of an earlier wave to coach a later one")) {
            try WavePlanning.seedCoach(from: "team-e", name: "Eve", id: "coach-eve", plan: plan)
        }
        #expect(WavePlanning.seeding(of: Coach(id: "c", name: "C", seededFrom: "team-e"), plan: plan) == .seedUnplanned(team: "team-e"))
        #expect(!WavePlanning.availability(WavePlanning.seed(of: Coach(id: "c", name: "C", seededFrom: "team-e"), plan: plan),
                                           wave: nil, order: 5, start: nil).free)
        try PlanEdit.moveTeam("team-e", toWave: "wave-2").apply(to: &plan)
        #expect(throws: EditError("Team-E is in the last wave (Scale out); there is no later wave for a coach seeded from it")) {
            try WavePlanning.seedCoach(from: "team-e", name: "Eve", id: "coach-eve", plan: plan)
        }
        #expect(throws: EditError("no team team-zz")) {
            try WavePlanning.seedCoach(from: "team-zz", name: "Zed", id: "coach-zed", plan: plan)
        }
        // A pilot chosen outside any wave seeds a coach for wave 1 on.
        plan.teams.append(Team(id: "team-free", name: "Free", status: .pilot))
        #expect(throws: Never.self) { try WavePlanning.seedCoach(from: "team-free", name: "Fr", id: "coach-fr", plan: plan) }
        // The coach edit still checks the coach.
        let blank = try WavePlanning.seedCoach(from: "team-free", name: " ", id: "coach-x", plan: plan)
        #expect(throws: EditError("coach name must not be empty")) { try blank.apply(to: &plan) }
    }

    @Test func steppingMovesThroughTheWavesInOrder() throws {
        var plan = fixture().plan
        // Later: wave 1 → wave 2 → not yet planned → stays.
        try #require(WavePlanning.step("team-a", by: 1, plan: plan)).apply(to: &plan)
        #expect(plan.wave("wave-2")?.teams == ["team-a"] && plan.team("team-a")?.status == .inWave)
        try #require(WavePlanning.step("team-a", by: 1, plan: plan)).apply(to: &plan)
        #expect(!plan.waves.contains { $0.teams.contains("team-a") } && plan.team("team-a")?.status == .candidate)
        #expect(WavePlanning.step("team-a", by: 1, plan: plan) == nil)
        // Earlier: not yet planned → the last wave → … → wave 0 makes a pilot → stays.
        try #require(WavePlanning.step("team-a", by: -1, plan: plan)).apply(to: &plan)
        #expect(plan.wave("wave-2")?.teams == ["team-a"])
        try #require(WavePlanning.step("team-a", by: -1, plan: plan)).apply(to: &plan)
        try #require(WavePlanning.step("team-a", by: -1, plan: plan)).apply(to: &plan)
        #expect(plan.wave("wave-0")?.teams.contains("team-a") == true && plan.team("team-a")?.status == .pilot)
        #expect(WavePlanning.step("team-a", by: -1, plan: plan) == nil)
    }
}
