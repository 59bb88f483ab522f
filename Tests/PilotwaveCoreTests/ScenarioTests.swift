import Foundation
import Testing
@testable import PilotwaveCore

/// Scenarios: snapshot, apply, edit through a view plan and capture, adopt (with undo), compare.
@Suite("Scenarios")
struct ScenarioTests {
    static let when = RulesFixture.at(60)

    /// Pilots (P1) in Q1 2026; Wave 1 (A with Ana, B with Ben) in Q3 2026; Wave 2 (C, no coach) in
    /// the first half of 2027. D and E are candidates, Free a pilot chosen outside any wave, X out of
    /// scope. Ana carries 2, Ben 2.
    func fixture() -> RulesFixture {
        var f = RulesFixture()
        f.coach("coach-ana", "Ana", capacity: 2)
        f.coach("coach-ben", "Ben", capacity: 2)
        f.pilot("t-p1", "P1", coach: "coach-ana")
        f.pilot("t-free", "Free", coach: "coach-ben")
        f.team("t-a", "A", status: .inWave, coach: "coach-ana")
        f.team("t-b", "B", status: .inWave, coach: "coach-ben")
        f.team("t-c", "C", status: .inWave)
        f.team("t-d", "D")
        f.team("t-e", "E")
        f.team("t-x", "X", status: .outOfScope)
        f.blocker("blk-fund", "Annual budgets", .funding, status: .inProgress)
        f.blocker("blk-plan", "Feature roadmaps", .planning)
        f.blocker("blk-access", "Customer access", .customerAccess, status: .resolved)
        f.wave("w-0", "Pilots", order: 0, teams: ["t-p1"], status: .active, start: Day(2026, 1, 12), end: Day(2026, 3, 31))
        f.wave("w-1", "Wave 1", order: 1, teams: ["t-a", "t-b"], start: Day(2026, 7, 1), end: Day(2026, 9, 30),
               blockers: ["blk-fund"])
        f.wave("w-2", "Wave 2", order: 2, teams: ["t-c"], start: Day(2027, 1, 11), end: Day(2027, 6, 30),
               blockers: ["blk-plan"])
        return f
    }

    /// Everyone in one wave from July to December 2026: Ana carries A and C, Ben B, D and E (over).
    func faster(_ plan: Plan) -> Scenario {
        var everyone = plan.waves[1]
        everyone.name = "Everyone"
        everyone.end = Day(2026, 12, 31)
        everyone.teams = ["t-a", "t-b", "t-c", "t-d", "t-e"]
        everyone.entry.blockers = ["blk-fund", "blk-access"]
        return Scenario(id: "sc-faster", name: "Faster", note: "One wave", createdAt: Self.when,
                        waves: [plan.waves[0], everyone],
                        assignments: [CoachAssignment(team: "t-p1", coach: "coach-ana"),
                                      CoachAssignment(team: "t-a", coach: "coach-ana"),
                                      CoachAssignment(team: "t-b", coach: "coach-ben"),
                                      CoachAssignment(team: "t-c", coach: "coach-ana"),
                                      CoachAssignment(team: "t-d", coach: "coach-ben"),
                                      CoachAssignment(team: "t-e", coach: "coach-ben")])
    }

    // MARK: Snapshot, apply, capture

    @Test func snapshotTakesTheWavesAndTheCoachesOfTheirTeams() {
        let plan = fixture().plan
        let s = Scenarios.snapshot(of: plan, id: "sc-1", name: "Now", at: Self.when)
        #expect(s.waves == plan.waves)
        #expect(s.name == "Now" && s.note == "" && s.createdAt == Self.when)
        // In team order; Free (no wave) and C (no coach) have none.
        #expect(s.assignments == [CoachAssignment(team: "t-p1", coach: "coach-ana"),
                                  CoachAssignment(team: "t-a", coach: "coach-ana"),
                                  CoachAssignment(team: "t-b", coach: "coach-ben")])
    }

    @Test func snapshotThenApplyIsIdentity() {
        for plan in [fixture().plan, DemoPlan.make(), PlanGenerator.generate(teams: 600, seed: 5)] {
            let s = Scenarios.snapshot(of: plan, id: "sc-now", name: "Now", at: Self.when)
            #expect(Scenarios.apply(s, to: plan) == plan, "\(plan.name)")
        }
    }

    @Test func applyingSetsStatusesAndCoachesFromTheScenario() throws {
        let plan = fixture().plan
        var scenario = faster(plan)
        scenario.waves[0].teams = ["t-p1", "t-a"]                 // A becomes a pilot
        scenario.waves[1].teams = ["t-d", "t-x", "t-gone", "t-c"]  // X is out of scope; t-gone deleted
        scenario.waves[1].entry.blockers = ["blk-fund", "blk-gone"]
        scenario.assignments = [CoachAssignment(team: "t-d", coach: "coach-ben"),
                                CoachAssignment(team: "t-gone", coach: "coach-ana"),
                                CoachAssignment(team: "t-c", coach: "coach-gone")]
        let applied = Scenarios.apply(scenario, to: plan)

        #expect(applied.waves.map(\.teams) == [["t-p1", "t-a"], ["t-d", "t-c"]])
        #expect(applied.waves[1].entry.blockers == ["blk-fund"])
        func team(_ id: TeamID) -> Team? { applied.team(id) }
        #expect(team("t-a")?.status == .pilot && team("t-a")?.coach == nil)        // placed, no assignment
        #expect(team("t-p1")?.status == .pilot && team("t-p1")?.coach == nil)
        #expect(team("t-d")?.status == .inWave && team("t-d")?.coach == "coach-ben")
        #expect(team("t-c")?.status == .inWave && team("t-c")?.coach == nil)       // unknown coach ignored
        #expect(team("t-b")?.status == .candidate && team("t-b")?.coach == "coach-ben")  // left the waves
        #expect(team("t-free")?.status == .pilot)                                  // never in a wave: kept
        #expect(team("t-e")?.status == .candidate)
        #expect(team("t-x")?.status == .outOfScope && team("t-x")?.outOfScopeReason == "regulatory")
        #expect(applied.teams.map(\.id) == plan.teams.map(\.id))
        #expect(applied.coaches == plan.coaches && applied.blockers == plan.blockers)

        // The statuses are those moveTeam gives, team by team.
        var moved = plan
        for wave in applied.waves { for id in wave.teams { try PlanEdit.moveTeam(id, toWave: wave.id).apply(to: &moved) } }
        for id in ["t-b"] as [TeamID] { try PlanEdit.moveTeam(id, toWave: nil).apply(to: &moved) }
        #expect(moved.teams.map(\.status) == applied.teams.map(\.status))
        #expect(moved.waves.map { Set($0.teams) } == [["t-p1", "t-a"], ["t-d", "t-c"], []])
    }

    @Test func applyNeverCrashesOnAScenarioThatNamesNothing() {
        let plan = fixture().plan
        let odd = Scenario(id: "sc-odd", name: "Odd", createdAt: Self.when,
                           waves: [Wave(id: "w-x", name: "X", order: 0, teams: ["t-a", "t-a", "nobody"]),
                                   Wave(id: "w-y", name: "Y", order: 0, teams: ["t-a"])],
                           assignments: [CoachAssignment(team: "t-a", coach: "coach-ben"),
                                         CoachAssignment(team: "t-a", coach: "coach-ana")])
        let applied = Scenarios.apply(odd, to: plan)
        #expect(applied.waves.map(\.teams) == [["t-a"], []])  // once, in its earliest wave
        #expect(applied.team("t-a")?.coach == "coach-ben")      // the first assignment
        #expect(Scenarios.apply(Scenario(id: "sc-0", name: "None", createdAt: Self.when), to: Plan.empty(
            id: "p", name: "P", organisation: "O")).waves.isEmpty)
    }

    @Test func editAViewPlanAndCaptureIt() throws {
        var plan = fixture().plan
        let scenario = Scenarios.snapshot(of: plan, id: "sc-1", name: "Draft", note: "try things", at: Self.when)
        try PlanEdit.addScenario(scenario).apply(to: &plan)

        // The UI edits the view plan with ordinary edits …
        var view = Scenarios.apply(scenario, to: plan)
        try PlanEdit.moveTeam("t-d", toWave: "w-2").apply(to: &view)
        var d = try #require(view.team("t-d"))
        d.coach = "coach-ana"
        try PlanEdit.updateTeam(d).apply(to: &view)
        try PlanEdit.moveTeam("t-b", toWave: nil).apply(to: &view)
        var w2 = view.waves[2]
        w2.name = "Wave 2 (early)"
        w2.start = Day(2026, 10, 1)
        try PlanEdit.updateWave(w2).apply(to: &view)
        try PlanEdit.addWave(Wave(id: "w-3", name: "Wave 3", order: 3)).apply(to: &view)

        // … and captures the result into the scenario.
        let captured = Scenarios.capture(from: view, into: scenario)
        #expect(captured.id == scenario.id && captured.name == "Draft" && captured.note == "try things")
        #expect(captured.createdAt == scenario.createdAt)
        #expect(captured.waves == view.waves)
        #expect(captured.waves.map(\.teams) == [["t-p1"], ["t-a"], ["t-c", "t-d"], []])
        #expect(captured.assignments == [CoachAssignment(team: "t-p1", coach: "coach-ana"),
                                         CoachAssignment(team: "t-a", coach: "coach-ana"),
                                         CoachAssignment(team: "t-d", coach: "coach-ana")])
        let update = PlanEdit.updateScenario(captured)
        #expect(update.title(in: plan) == "Edit scenario Draft")
        let before = plan
        try update.apply(to: &plan)
        #expect(plan.scenario("sc-1") == captured)
        #expect(plan.waves == before.waves && plan.teams == before.teams)  // the plan itself is untouched
        // Applying the captured scenario gives the view plan back (as far as waves, statuses, coaches go).
        let again = Scenarios.apply(captured, to: plan)
        #expect(again.waves == view.waves)
        #expect(again.teams.map(\.status) == view.teams.map(\.status))
        #expect(again.teams.filter { t in view.waves.contains { $0.teams.contains(t.id) } }.map(\.coach)
            == view.teams.filter { t in view.waves.contains { $0.teams.contains(t.id) } }.map(\.coach))
    }

    // MARK: Adopting

    @Test func theReasonForAdoptingGoesIntoTheDecision() throws {
        var plan = fixture().plan
        let scenario = faster(plan)
        try PlanEdit.addScenario(scenario).apply(to: &plan)
        try Scenarios.adopt(scenario, plan: plan, decisionID: "dec-why", by: "Steering group", at: Self.when,
                            keepCurrentAs: "sc-k", reason: "coaches free up in Q3").apply(to: &plan)
        let text = try #require(plan.decisions.last?.text)
        #expect(text.hasPrefix("Adopt scenario Faster: ") && text.hasSuffix(" — coaches free up in Q3"))
    }

    @Test func adoptingIsOneEditThatKeepsThePlanAndLogsTheDecision() throws {
        var plan = fixture().plan
        let scenario = faster(plan)
        try PlanEdit.addScenario(scenario).apply(to: &plan)
        let before = plan

        let edit = Scenarios.adopt(scenario, plan: plan, decisionID: "dec-adopt", by: "Steering group", at: Self.when,
                                   keepCurrentAs: "sc-before")
        guard case .batch(let name, let steps) = edit else { Issue.record("not a batch"); return }
        #expect(name == "Adopt scenario Faster" && edit.title(in: plan) == name)
        #expect(steps.count == 3)
        try edit.apply(to: &plan)

        // (b) waves, statuses and coaches as the scenario makes them.
        let target = Scenarios.apply(scenario, to: before)
        #expect(plan.waves == target.waves)
        #expect(plan.teams == target.teams)
        #expect(plan.team("t-d")?.status == .inWave && plan.team("t-e")?.coach == "coach-ben")
        // (a) the plan as it was, kept as a scenario.
        let kept = try #require(plan.scenario("sc-before"))
        #expect(kept.name == "Before adopting Faster")
        #expect(kept.waves == before.waves && kept.createdAt == Self.when)
        #expect(kept.assignments == Scenarios.snapshot(of: before, id: "x", name: "x", at: Self.when).assignments)
        #expect(plan.scenarios.map(\.id) == ["sc-faster", "sc-before"])
        // (c) the decision.
        let decision = try #require(plan.decisions.last)
        #expect(decision.id == "dec-adopt" && decision.kind == .decision && decision.decidedBy == "Steering group")
        #expect(decision.concerns == ["sc-faster"])
        #expect(decision.text == "Adopt scenario Faster: 2 waves instead of 3; 3 teams change wave "
            + "(C to Everyone, D to Everyone and E to Everyone); new dates for Everyone 2026-07-01 – 2026-12-31; "
            + "3 coach changes; 0 teams left on the project "
            + "model instead of 2; the plan before is kept as scenario \"Before adopting Faster\"")

        // Undo restores the plan exactly; redo gives the same plan again.
        let delta = PlanDelta(from: before, to: plan)
        var undone = plan
        delta.revert(&undone)
        #expect(undone == before)
        delta.reapply(&undone)
        #expect(undone == plan)

        // Adopting the kept scenario brings the old waves, statuses and the coaches of the teams in
        // them back; D and E, out of the waves again, keep the coach "Faster" gave them.
        var back = plan
        try Scenarios.adopt(kept, plan: plan, decisionID: "dec-back", by: "Steering group", at: Self.when,
                            keepCurrentAs: "sc-faster-2").apply(to: &back)
        #expect(back.waves == before.waves)
        #expect(back.teams.map(\.status) == before.teams.map(\.status))
        #expect(back.teams.map(\.coach) == before.teams.map { ["t-d", "t-e"].contains($0.id) ? "coach-ben" : $0.coach })
    }

    @Test func adoptingDropsWhatThePlanNoLongerHas() throws {
        var plan = fixture().plan
        var scenario = faster(plan)
        scenario.waves[1].teams.append("t-x")  // out of scope: left out
        try PlanEdit.addScenario(scenario).apply(to: &plan)
        try PlanEdit.removeTeam("t-e").apply(to: &plan)
        let stored = try #require(plan.scenario("sc-faster"))
        #expect(!stored.waves[1].teams.contains("t-e") && !stored.assignments.contains { $0.team == "t-e" })
        try Scenarios.adopt(stored, plan: plan, decisionID: "d", by: "Me", at: Self.when, keepCurrentAs: "sc-k").apply(to: &plan)
        #expect(plan.waves[1].teams == ["t-a", "t-b", "t-c", "t-d"])
        #expect(plan.team("t-x")?.status == .outOfScope)
        #expect(plan.decisions.last?.text.hasPrefix("Adopt scenario Faster: 2 waves instead of 3; 2 teams change wave") == true)
        // Nothing to change: said so.
        let same = Scenarios.snapshot(of: plan, id: "sc-same", name: "Same", at: Self.when)
        var unchanged = plan
        try Scenarios.adopt(same, plan: plan, decisionID: "d2", by: "Me", at: Self.when, keepCurrentAs: "sc-k2").apply(to: &unchanged)
        #expect(unchanged.waves == plan.waves && unchanged.teams == plan.teams)
        #expect(unchanged.decisions.last?.text == "Adopt scenario Same: the waves stay as they are; the plan before is "
            + "kept as scenario \"Before adopting Same\"")
    }

    // MARK: Comparing

    @Test func compareTheCurrentPlanWithAScenario() throws {
        let plan = fixture().plan
        let c = Scenarios.compare(plan, Scenarios.apply(faster(plan), to: plan))

        // Teams per wave position.
        #expect(c.waves.map { $0.a?.name } == ["Pilots", "Wave 1", "Wave 2"])
        #expect(c.waves.map { $0.b?.name } == ["Pilots", "Everyone", nil])
        #expect(c.waves.map { $0.a?.teams } == [1, 2, 1])
        #expect(c.waves.map { $0.b?.teams } == [1, 5, nil])
        #expect(c.waves.map(\.change) == [0, 3, -1])

        // Coach load per quarter, Q1 2026 to Q2 2027.
        #expect(c.load.map(\.quarter.shortLabel) == ["Q1'26", "Q2'26", "Q3'26", "Q4'26", "Q1'27", "Q2'27"])
        func loads(_ l: WaveTimeline.QuarterLoad) -> String {
            (l.coaches.map { "\($0.name) \($0.teams)/\($0.capacity)" } + (l.uncoached > 0 ? ["? \(l.uncoached)"] : []))
                .joined(separator: ", ")
        }
        #expect(c.load.map { loads($0.a) } == ["Ana 1/2", "", "Ana 1/2, Ben 1/2", "", "? 1", "? 1"])
        #expect(c.load.map { loads($0.b) } == ["Ana 1/2", "", "Ana 2/2, Ben 3/2", "Ana 2/2, Ben 3/2", "", ""])
        #expect(c.load.map(\.b.isOver) == [false, false, true, true, false, false])
        #expect(c.load[2].b.over.map(\.name) == ["Ben"])
        #expect(c.overloadedQuartersA.isEmpty)
        #expect(c.overloadedQuartersB == [Quarter(year: 2026, q: 3), Quarter(year: 2026, q: 4)])

        // Blockers each side depends on.
        #expect(c.blockers.map(\.title) == ["Annual budgets", "Customer access", "Feature roadmaps"])
        #expect(c.blockers.map(\.inA) == [true, false, true])
        #expect(c.blockers.map(\.inB) == [true, true, false])
        #expect(c.blockers.map(\.status) == [.inProgress, .resolved, .open])

        // Left on the project model: in scope, in no wave, not a pilot.
        #expect(c.leftA == ScenarioComparison.ProjectModel(count: 2, names: ["D", "E"]))
        #expect(c.leftB == ScenarioComparison.ProjectModel(count: 0, names: []))

        // Teams in another wave.
        #expect(c.moves.map(\.name) == ["C", "D", "E"])
        #expect(c.moves.map { $0.from?.name } == ["Wave 2", nil, nil])
        #expect(c.moves.map { $0.to?.name } == ["Everyone", "Everyone", "Everyone"])

        // The other way round: D and E go back to no wave.
        let back = Scenarios.compare(Scenarios.apply(faster(plan), to: plan), plan)
        #expect(back.moves.map { "\($0.name):\($0.to?.name ?? "-")" } == ["C:Wave 2", "D:-", "E:-"])
        #expect(back.leftB.count == 2)
        // A plan against itself: no moves, the same on both sides.
        let same = Scenarios.compare(plan, plan)
        #expect(same.moves.isEmpty && same.waves.allSatisfy { $0.a == $0.b } && same.load.allSatisfy { $0.a == $0.b })
    }

    @Test func compareCountsNamesUpToALimitAndSkipsDoneWavesBlockers() {
        var f = RulesFixture()
        for i in 0..<8 { f.team(TeamID("t-\(i)"), "Team \(i)") }
        f.blocker("blk-old", "Old", .funding, status: .resolved)
        f.wave("w-0", "Pilots", order: 0, status: .done, blockers: ["blk-old"])
        let c = Scenarios.compare(f.plan, f.plan)
        #expect(c.leftA.count == 8 && c.leftA.names == (0..<5).map { "Team \($0)" })
        #expect(c.blockers.isEmpty)
        #expect(c.load.isEmpty)  // undated waves: no quarters
        #expect(c.waves.count == 1 && c.waves[0].a?.teams == 0)
    }

    @Test func compareIsProportionalAtScale() {
        let plan = PlanGenerator.generate(teams: 20_000, seed: 11)
        // The last wave's teams join the first wave after the pilots.
        var scenario = Scenarios.snapshot(of: plan, id: "sc-big", name: "Big", at: Self.when)
        let last = scenario.waves.count - 1
        let movers = scenario.waves[last].teams
        scenario.waves[1].teams += movers
        scenario.waves.removeLast()
        let clock = ContinuousClock()
        var c: ScenarioComparison?
        let elapsed = clock.measure { c = Scenarios.compare(plan, Scenarios.apply(scenario, to: plan)) }
        #expect(elapsed < .seconds(5))
        #expect(c?.waves.count == plan.waves.count && c?.waves.last?.b == nil)
        #expect(c?.waves[1].change == movers.count)
        #expect(c?.moves.map(\.team) == plan.teams.map(\.id).filter(Set(movers).contains))
        #expect(c?.moves.allSatisfy { $0.from?.wave == plan.waves[last].id && $0.to?.wave == plan.waves[1].id } == true)
        #expect(c?.leftA == c?.leftB)
    }
}
