import Foundation
import PilotwaveCore
import PilotwaveStorage
import Testing

/// Deleting anything — a team, a coach, a workshop, a round… — must leave a plan the loader
/// accepts: nothing may still name what is gone (a dangling id would make the next save a file
/// that does not load). Every remove edit, on every element of a plan that uses every kind of
/// reference, checked by the loader's own validator.
@Suite struct RemovalKeepsPlanLoadableTests {
    @Test func everyRemovalOfEveryElementLeavesAPlanThatLoads() throws {
        let plan = Fixtures.fullPlan()
        #expect(PlanValidator.validate(plan).isEmpty)
        var edits: [PlanEdit] = []
        edits += plan.teams.map { .removeTeam($0.id) }
        edits += plan.criteria.map { .removeCriterion($0.id) }
        edits += plan.resistance.map { .removeNote($0.id) }
        edits += plan.stakeholders.map { .removeStakeholder($0.id) }
        edits += plan.coaches.map { .removeCoach($0.id) }
        edits += plan.waves.map { .removeWave($0.id) }
        edits += plan.blockers.map { .removeBlocker($0.id) }
        edits += plan.scenarios.map { .removeScenario($0.id) }
        edits += plan.votes.map { .removeVoteRound($0.id) }
        edits += plan.rounds.map { .removeRound($0.id) }
        edits += plan.workshops.map { .removeWorkshop($0.id) }
        edits += plan.actions.map { .removeAction($0.id) }
        #expect(plan.rounds.contains { $0.team != nil } && plan.rounds.contains { $0.workshop != nil },
                "the fixture names teams and workshops from rounds")
        for edit in edits {
            var copy = plan
            do { try edit.apply(to: &copy) } catch { continue }  // refused: the plan is unchanged
            let problems = PlanValidator.validate(copy)
            #expect(problems.isEmpty, "\(edit.title(in: plan)): \(problems.map(\.description).prefix(3))")
        }
    }
}
