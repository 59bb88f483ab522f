import Testing
@testable import PilotwaveCore

@Suite("Plan deltas")
struct PlanDeltaTests {
    @Test func revertAndReapplyRoundTripEveryKindOfEdit() throws {
        let start = DemoPlan.make()
        let team = start.teams[3]
        var renamed = team
        renamed.name = "Renamed"
        let edits: [PlanEdit] = [
            .updateTeam(renamed), .removeTeam(start.teams[0].id), .renamePlan("Other"),
            .addTeam(Team(id: "team-new", name: "New")), .moveTeam(start.teams[5].id, toWave: nil),
            .batch("Two", [.removeTeam(start.teams[1].id), .setWeight("familiarity", 9)]),
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
            #expect(delta.weight < 40, "a delta keeps only what changed")
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
