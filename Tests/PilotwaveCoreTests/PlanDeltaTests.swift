import Testing
@testable import PilotwaveCore

@Suite("Plan deltas")
struct PlanDeltaTests {
    @Test func revertAndReapplyRoundTripEveryKindOfEdit() throws {
        var start = DemoPlan.make()
        let at = DemoPlan.date("2026-03-05T09:00:00Z")
        var scenario = Scenarios.snapshot(of: start, id: "scenario-then", name: "Then", at: at)
        scenario.waves[1].teams.removeLast()
        start.scenarios.append(scenario)
        let team = start.teams[3]
        var renamed = team
        renamed.name = "Renamed"
        scenario.name = "Renamed scenario"
        let now = Scenarios.snapshot(of: start, id: "scenario-now", name: "Now", at: at)
        let edits: [PlanEdit] = [
            .updateTeam(renamed), .removeTeam(start.teams[0].id), .renamePlan("Other"),
            .addTeam(Team(id: "team-new", name: "New")), .moveTeam(start.teams[5].id, toWave: nil),
            .batch("Two", [.removeTeam(start.teams[1].id), .setWeight("familiarity", 9)]),
            .addScenario(now), .updateScenario(scenario), .removeScenario(scenario.id),
            .removeCoach("coach-marc-dubois"), .removeBlocker("blocker-project-funding"),
            .setWavePlan(scenario.waves, assignments: scenario.assignments),
        ]
        for edit in edits {
            var new = start
            try edit.apply(to: &new)
            let delta = PlanDelta(from: start, to: new)
            #expect(!delta.isEmpty)
            var back = new
            delta.revert(&back)
            #expect(back == start, "revert \(edit.title(in: start))")
            delta.reapply(&back)
            #expect(back == new, "reapply \(edit.title(in: start))")
            // The largest, deleting Claims Intake, touches teams, waves, blockers, a coach, signals,
            // notes and two scenarios: 41 of the plan's hundred or so elements.
            #expect(delta.weight < 45, "a delta keeps only what changed")
        }
        #expect(PlanDelta(from: start, to: start).isEmpty)
    }

    @Test func aChangeInALargePlanKeepsOnlyTheChangedTeam() throws {
        let big = PlanGenerator.generate(teams: 5000, seed: 3)
        var team = big.teams[2500]
        team.notes = "changed"
        var new = big
        try PlanEdit.updateTeam(team).apply(to: &new)
        let delta = PlanDelta(from: big, to: new)
        #expect(delta.weight <= 5)
    }
}
