import Foundation
import Testing
@testable import PilotwaveCore

@Suite("Named edits")
struct EditTests {
    let when = Date(timeIntervalSince1970: 1_780_000_000)

    func plan() -> Plan {
        var p = Plan.empty(id: "plan-1", name: "Test", organisation: "Acme")
        p.coaches = [Coach(id: "coach-1", name: "Ana")]
        p.teams = [
            Team(id: "team-a", name: "Alpha", roles: Roles(product: 1, design: 1, engineering: 4), coach: "coach-1"),
            Team(id: "team-b", name: "Beta", dependsOn: ["team-a"]),
            Team(id: "team-c", name: "Gamma"),
        ]
        p.waves = [Wave(id: "wave-0", name: "Pilots", order: 0), Wave(id: "wave-1", name: "Wave 1", order: 1)]
        p.blockers = [Blocker(id: "blk-1", title: "Annual budgets", category: .funding, surfacedBy: ["team-a"])]
        return p
    }

    @Test func moveTeamSetsStatusFromWaveOrder() throws {
        var p = plan()
        try PlanEdit.moveTeam("team-a", toWave: "wave-0").apply(to: &p)
        #expect(p.team("team-a")?.status == .pilot)
        #expect(p.wave("wave-0")?.teams == ["team-a"])
        try PlanEdit.moveTeam("team-a", toWave: "wave-1").apply(to: &p)
        #expect(p.team("team-a")?.status == .inWave)
        #expect(p.wave("wave-0")?.teams == [])
        #expect(p.wave("wave-1")?.teams == ["team-a"])
        try PlanEdit.moveTeam("team-a", toWave: nil).apply(to: &p)
        #expect(p.team("team-a")?.status == .candidate)
        #expect(p.waves.allSatisfy { $0.teams.isEmpty })
    }

    @Test func removeTeamCascadesAndKeepsReferencesValid() throws {
        var p = plan()
        try PlanEdit.moveTeam("team-a", toWave: "wave-0").apply(to: &p)
        p.signals = [ReadinessSignal(id: "sig-1", dimension: ReadinessDimension.feltPain, team: "team-a", rating: 2, recordedAt: when)]
        p.resistance = [ResistanceNote(id: "note-1", team: "team-a", words: "No time", kind: .noTime, recordedAt: when)]
        let title = PlanEdit.removeTeam("team-a").title(in: p)
        try PlanEdit.removeTeam("team-a").apply(to: &p)
        #expect(title == "Delete team Alpha")
        #expect(p.team("team-a") == nil)
        #expect(p.team("team-b")?.dependsOn == [])
        #expect(p.wave("wave-0")?.teams == [])
        #expect(p.blocker("blk-1")?.surfacedBy == [])
        #expect(p.signals.isEmpty && p.resistance.isEmpty)
    }

    @Test func failingEditLeavesPlanUnchanged() {
        var p = plan()
        let before = p
        let batch = PlanEdit.batch("Two things", [.setWeight(Criterion.familiarity, 7), .setWeight("nope", 1)])
        #expect(throws: EditError("no criterion \"nope\"")) { try batch.apply(to: &p) }
        #expect(p == before)
        #expect(throws: EditError("weight must be 0–10, not 11")) { try PlanEdit.setWeight(Criterion.size, 11).apply(to: &p) }
        #expect(throws: EditError("rating must be 1–5, not 0")) { try PlanEdit.rateTeam("team-c", Criterion.familiarity, 0).apply(to: &p) }
        #expect(throws: EditError("no team team-z")) { try PlanEdit.moveTeam("team-z", toWave: "wave-0").apply(to: &p) }
        #expect(throws: EditError("reason for out of scope must not be empty")) {
            try PlanEdit.setTeamStatus("team-c", .outOfScope, reason: "  ").apply(to: &p)
        }
        #expect(p == before)
    }

    @Test func ratingAndClearingAreNamed() throws {
        var p = plan()
        let rate = PlanEdit.rateTeam("team-c", Criterion.learningAppetite, 4)
        #expect(rate.title(in: p) == "Rate Gamma Learning appetite 4")
        try rate.apply(to: &p)
        #expect(p.team("team-c")?.ratings[Criterion.learningAppetite] == 4)
        let clear = PlanEdit.rateTeam("team-c", Criterion.learningAppetite, nil)
        #expect(clear.title(in: p) == "Clear Learning appetite of Gamma")
        try clear.apply(to: &p)
        #expect(p.team("team-c")?.ratings.isEmpty == true)
    }

    @Test func outOfScopeTakesTeamOutOfWaves() throws {
        var p = plan()
        try PlanEdit.moveTeam("team-b", toWave: "wave-1").apply(to: &p)
        try PlanEdit.setTeamStatus("team-b", .outOfScope, reason: "Regulatory reporting").apply(to: &p)
        #expect(p.team("team-b")?.status == .outOfScope)
        #expect(p.team("team-b")?.outOfScopeReason == "Regulatory reporting")
        #expect(p.wave("wave-1")?.teams == [])
    }

    @Test func weightsResetToDefaults() throws {
        var p = plan()
        try PlanEdit.setWeight(Criterion.familiarity, 9).apply(to: &p)
        try PlanEdit.addCriterion(Criterion(id: "regulatoryFit", name: "Regulatory fit", source: .rated, weight: 5, help: "")).apply(to: &p)
        try PlanEdit.resetWeights.apply(to: &p)
        #expect(p.criterion(Criterion.familiarity)?.weight == 3)
        #expect(p.criterion("regulatoryFit")?.weight == 5, "custom criteria keep their weight")
        #expect(throws: EditError("the built-in criterion \"Size\" cannot be removed; set its weight to 0")) {
            try PlanEdit.removeCriterion(Criterion.size).apply(to: &p)
        }
        try PlanEdit.rateTeam("team-a", "regulatoryFit", 3).apply(to: &p)
        try PlanEdit.removeCriterion("regulatoryFit").apply(to: &p)
        #expect(p.team("team-a")?.ratings["regulatoryFit"] == nil)
    }

    @Test func signalsAppendAndStrikeKeepsHistory() throws {
        var p = plan()
        let s1 = ReadinessSignal(id: "sig-1", dimension: ReadinessDimension.feltPain, rating: 2, recordedAt: when)
        let s2 = ReadinessSignal(id: "sig-2", dimension: ReadinessDimension.feltPain, rating: 4, recordedAt: when.addingTimeInterval(86400))
        try PlanEdit.recordSignal(s1).apply(to: &p)
        try PlanEdit.recordSignal(s2).apply(to: &p)
        #expect(PlanEdit.recordSignal(s2).title(in: p) == "Rate Felt pain 4 for the organisation")
        try PlanEdit.strikeSignal("sig-2", Strike(reason: "Rated the wrong team", by: "Kim", at: when)).apply(to: &p)
        #expect(p.signals.count == 2)
        #expect(p.signals[1].struck?.reason == "Rated the wrong team")
        #expect(throws: EditError("a signal sig-1 already exists")) { try PlanEdit.recordSignal(s1).apply(to: &p) }
    }

    @Test func noteNeedsExactlyOneSource() {
        var p = plan()
        p.stakeholders = [Stakeholder(id: "sh-1", name: "CFO")]
        let both = ResistanceNote(id: "n1", team: "team-a", stakeholder: "sh-1", words: "x", kind: .other, recordedAt: when)
        #expect(throws: EditError("a note comes from exactly one team or one stakeholder")) { try PlanEdit.addNote(both).apply(to: &p) }
    }

    @Test func dependencyOnUnknownTeamRefused() {
        var p = plan()
        var t = p.teams[2]
        t.dependsOn = ["team-q"]
        #expect(throws: EditError("no team team-q to depend on")) { try PlanEdit.updateTeam(t).apply(to: &p) }
        t.dependsOn = [t.id]
        #expect(throws: EditError("a team cannot depend on itself")) { try PlanEdit.updateTeam(t).apply(to: &p) }
    }

    func scenario(_ p: Plan) -> Scenario {
        var s = Scenarios.snapshot(of: p, id: "sc-1", name: "Faster", at: when)
        s.waves[1].teams = ["team-b", "team-c"]
        s.waves[1].entry.blockers = ["blk-1"]
        s.assignments = [CoachAssignment(team: "team-b", coach: "coach-1"), CoachAssignment(team: "team-c", coach: "coach-1")]
        return s
    }

    @Test func scenariosAreAddedEditedAndRemovedByName() throws {
        var p = plan()
        let s = scenario(p)
        #expect(PlanEdit.addScenario(s).title(in: p) == "Add scenario Faster")
        try PlanEdit.addScenario(s).apply(to: &p)
        #expect(p.scenarios == [s] && p.scenario("sc-1") == s)
        #expect(throws: EditError("a scenario sc-1 already exists")) { try PlanEdit.addScenario(s).apply(to: &p) }
        var renamed = s
        renamed.name = "Faster still"
        #expect(PlanEdit.updateScenario(renamed).title(in: p) == "Edit scenario Faster still")
        try PlanEdit.updateScenario(renamed).apply(to: &p)
        #expect(p.scenario("sc-1")?.name == "Faster still")
        #expect(PlanEdit.removeScenario("sc-1").title(in: p) == "Delete scenario Faster still")
        #expect(PlanEdit.removeScenario("sc-9").title(in: p) == "Delete scenario sc-9")
        try PlanEdit.removeScenario("sc-1").apply(to: &p)
        #expect(p.scenarios.isEmpty)
        #expect(throws: EditError("no scenario sc-1")) { try PlanEdit.removeScenario("sc-1").apply(to: &p) }
        #expect(throws: EditError("no scenario sc-1")) { try PlanEdit.updateScenario(renamed).apply(to: &p) }
    }

    @Test func scenariosAreCheckedLikeWaves() {
        var p = plan()
        let good = scenario(p)
        let before = p
        func refused(_ message: String, _ change: (inout Scenario) -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
            var s = good
            change(&s)
            #expect(throws: EditError(message), sourceLocation: sourceLocation) { try PlanEdit.addScenario(s).apply(to: &p) }
        }
        refused("scenario name must not be empty") { $0.name = "  " }
        refused("no team team-z") { $0.waves[0].teams = ["team-z"] }
        refused("Beta is in two waves; a team belongs to at most one wave") { $0.waves[0].teams = ["team-b"] }
        refused("no coach coach-9") { $0.assignments[0].coach = "coach-9" }
        refused("no team team-q") { $0.assignments[0].team = "team-q" }
        refused("Beta is assigned two coaches") { $0.assignments[1].team = "team-b" }
        refused("no blocker blk-9") { $0.waves[1].entry.blockers = ["blk-9"] }
        refused("two waves have the id wave-0") { $0.waves[1].id = "wave-0" }
        refused("wave name must not be empty") { $0.waves[1].name = "" }
        refused("Wave 1 ends (2026-01-01) before it starts (2026-02-01)") {
            $0.waves[1].start = Day(2026, 2, 1)
            $0.waves[1].end = Day(2026, 1, 1)
        }
        refused("no readiness dimension \"vibes\"") { $0.waves[1].entry.readiness = [ReadinessThreshold(dimension: "vibes", minimum: 3)] }
        refused("rating must be 1–5, not 9") {
            $0.waves[1].entry.readiness = [ReadinessThreshold(dimension: ReadinessDimension.feltPain, minimum: 9)]
        }
        #expect(p == before)
    }

    @Test func deletingATeamCoachOrBlockerCleansScenarios() throws {
        var p = plan()
        try PlanEdit.addScenario(scenario(p)).apply(to: &p)
        try PlanEdit.addScenario(Scenario(id: "sc-2", name: "Empty", createdAt: when)).apply(to: &p)
        try PlanEdit.removeTeam("team-b").apply(to: &p)
        #expect(p.scenario("sc-1")?.waves[1].teams == ["team-c"])
        #expect(p.scenario("sc-1")?.assignments == [CoachAssignment(team: "team-c", coach: "coach-1")])
        try PlanEdit.removeBlocker("blk-1").apply(to: &p)
        #expect(p.scenario("sc-1")?.waves[1].entry.blockers == [])
        try PlanEdit.removeCoach("coach-1").apply(to: &p)
        #expect(p.scenario("sc-1")?.assignments == [])
        #expect(p.scenario("sc-2") == Scenario(id: "sc-2", name: "Empty", createdAt: when))
        // What is left still passes the scenario checks.
        try PlanEdit.updateScenario(p.scenario("sc-1")!).apply(to: &p)
    }

    @Test func settingTheWavePlanChecksAndPlacesTeams() throws {
        var p = plan()
        let s = scenario(p)
        let edit = PlanEdit.setWavePlan(s.waves, assignments: s.assignments)
        #expect(edit.title(in: p) == "Replace the wave plan")
        #expect(throws: EditError("no coach coach-9")) {
            try PlanEdit.setWavePlan(s.waves, assignments: [CoachAssignment(team: "team-b", coach: "coach-9")]).apply(to: &p)
        }
        try edit.apply(to: &p)
        #expect(p == Scenarios.apply(s, to: plan()))
        #expect(p.team("team-b")?.status == .inWave && p.team("team-c")?.coach == "coach-1")
    }

    @Test func removingWaveReturnsItsTeamsToCandidates() throws {
        var p = plan()
        try PlanEdit.moveTeam("team-c", toWave: "wave-1").apply(to: &p)
        try PlanEdit.removeWave("wave-1").apply(to: &p)
        #expect(p.team("team-c")?.status == .candidate)
    }
}
