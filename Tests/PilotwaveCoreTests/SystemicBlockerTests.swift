import Foundation
import Testing
@testable import PilotwaveCore

/// Several pilot teams rating the same dimension low is a systemic blocker, not each team's problem.
@Suite("Systemic patterns and raising them as blockers")
struct SystemicBlockerTests {
    let funded = ReadinessDimension.fundedByOutcomes
    let empowered = ReadinessDimension.empoweredTeams
    let ec = ReadinessDimension.executiveConviction

    /// Pilots "Basalt" (in wave 0, status still candidate) and "Amber" (status pilot), a candidate
    /// "Cobalt", in that plan order; waves 0 (active pilots), 1 (planned), 2 (done).
    func fixture() -> RulesFixture {
        var f = RulesFixture()
        f.team("t-b", "Basalt")
        f.pilot("t-a", "Amber")
        f.team("t-c", "Cobalt")
        f.team("t-d", "Dune", status: .inWave)
        f.team("t-e", "Ember", status: .inWave)
        f.wave("w-0", "Pilots", order: 0, teams: ["t-b"], status: .active)
        f.wave("w-1", "Wave 1", order: 1, teams: ["t-c"])
        f.wave("w-2", "Wave 2", order: 2, teams: ["t-d"], status: .done)
        return f
    }

    func teams(_ pattern: Readiness.SystemicPattern?) -> [TeamID] { pattern?.teams.map(\.team) ?? [] }
    func ratings(_ pattern: Readiness.SystemicPattern?) -> [Int] { pattern?.teams.map(\.rating) ?? [] }

    @Test func twoLowPilotsMakeAPatternWithTheirRatingsInPlanOrder() throws {
        var f = fixture()
        #expect(PilotCount.pilots(f.plan).map(\.id) == ["t-b", "t-a"])
        f.signal("a", funded, 1, team: "t-a")
        f.signal("b", funded, 2, team: "t-b")
        let patterns = Readiness.systemic(f.plan)
        #expect(patterns.count == 1)
        let pattern = try #require(patterns.first)
        #expect(pattern.dimension.id == funded)
        #expect(teams(pattern) == ["t-b", "t-a"], "plan order, not rating order")
        #expect(ratings(pattern) == [2, 1])
        #expect(pattern.raised == nil)
        #expect(Readiness.systemic(f.plan, latest: Readiness.latest(f.plan)) == patterns)
    }

    @Test func patternsFollowThePlansDimensionOrder() throws {
        var f = fixture()
        for team: TeamID in ["t-a", "t-b"] {
            f.signal(SignalID("e-\(team)"), empowered, 1, team: team)
            f.signal(SignalID("f-\(team)"), funded, 1, team: team)
        }
        #expect(Readiness.systemic(f.plan).map(\.dimension.id) == [funded, empowered])
        try PlanEdit.moveDimension(empowered, by: -2).apply(to: &f.plan)
        #expect(Readiness.systemic(f.plan).map(\.dimension.id) == [empowered, funded])
    }

    @Test func candidatesDoNotCountAndOneLowPilotIsNotEnough() {
        var f = fixture()
        f.signal("a", funded, 1, team: "t-a")
        f.signal("c", funded, 1, team: "t-c")   // candidate, in wave 1
        f.signal("d", funded, 1, team: "t-d")   // later wave
        f.signal("o", funded, 1)                // the organisation cell
        #expect(Readiness.systemic(f.plan).isEmpty)
        f.signal("b", funded, 2, team: "t-b")
        #expect(teams(Readiness.systemic(f.plan).first) == ["t-b", "t-a"])
    }

    @Test func aRatingOfThreeIsNotLow() {
        var f = fixture()
        f.signal("a", funded, 2, team: "t-a")
        f.signal("b", funded, 3, team: "t-b")
        #expect(Readiness.systemic(f.plan).isEmpty)
        #expect(Readiness.systemicRating == 2 && Readiness.systemicTeams == 2)
    }

    @Test func organisationOnlyAndRetiredDimensionsAreNeverSystemic() throws {
        var f = fixture()
        for team: TeamID in ["t-a", "t-b"] {
            f.signal(SignalID("ec-\(team)"), ec, 1, team: team)
            f.signal(SignalID("fu-\(team)"), funded, 1, team: team)
        }
        #expect(Readiness.systemic(f.plan).map(\.dimension.id) == [funded])
        let i = try #require(f.plan.dimensions.firstIndex { $0.id == funded })
        f.plan.dimensions[i].retired = true
        #expect(Readiness.systemic(f.plan).isEmpty)
        // A team-only dimension counts like a "both" one.
        f.plan.dimensions.append(ReadinessDimension(id: "flow", name: "Team flow", help: "", scope: .team,
                                                    group: .takingHold, anchors: []))
        f.signal("fl-a", "flow", 2, team: "t-a")
        f.signal("fl-b", "flow", 1, team: "t-b")
        #expect(Readiness.systemic(f.plan).map(\.dimension.id) == ["flow"])
    }

    @Test func aLaterBetterRatingTakesATeamOutOfThePattern() throws {
        var f = fixture()
        f.pilot("t-f", "Flint")
        f.signal("a1", funded, 1, team: "t-a", day: 1)
        f.signal("b1", funded, 2, team: "t-b", day: 1)
        f.signal("f1", funded, 1, team: "t-f", day: 1)
        #expect(teams(Readiness.systemic(f.plan).first) == ["t-b", "t-a", "t-f"])
        f.signal("a2", funded, 4, team: "t-a", day: 9)
        #expect(teams(Readiness.systemic(f.plan).first) == ["t-b", "t-f"])
        f.signal("f2", funded, 3, team: "t-f", day: 9)
        #expect(Readiness.systemic(f.plan).isEmpty, "one low pilot left")
        // Striking the better rating brings the low one back.
        try PlanEdit.strikeSignal("f2", Strike(reason: "wrong team", by: "Fay", at: RulesFixture.at(10))).apply(to: &f.plan)
        #expect(teams(Readiness.systemic(f.plan).first) == ["t-b", "t-f"])
    }

    @Test func blockerTitleAndCategoryFollowTheDimension() {
        let dims = Dictionary(uniqueKeysWithValues: RulesFixture().plan.dimensions.map { ($0.id, $0) })
        func category(_ key: DimensionKey) -> BlockerCategory? { dims[key].map(Readiness.blockerCategory) }
        #expect(dims[funded].map(Readiness.blockerTitle) == "Systemic: Funded by outcomes")
        #expect(category(funded) == .funding)
        #expect(category(ReadinessDimension.outcomesOverOutputs) == .planning)
        #expect(category(empowered) == .decisionRights)
        #expect(category(ReadinessDimension.stakeholdersBringContext) == .decisionRights)
        #expect(category(ReadinessDimension.outcomeMetricsImprove) == .customerAccess)
        #expect(category(ec) == .other)
    }

    @Test func raisingAPatternAddsOneBlockerThatGatesLaterWavesNotDoneYet() throws {
        var f = fixture()
        f.blocker("blk-old", "Annual budgets", .funding)
        f.plan.waves[1].entry.blockers = ["blk-old"]
        f.wave("w-3", "Wave 3", order: 3, teams: ["t-e"], status: .active)
        f.signal("a", funded, 1, team: "t-a")
        f.signal("b", funded, 2, team: "t-b")
        let start = f.plan
        let pattern = try #require(Readiness.systemic(start).first)
        let edit = Readiness.raiseBlocker(pattern, id: "blk-sys", plan: start)
        #expect(edit.title(in: start) == "Raise systemic blocker Systemic: Funded by outcomes")
        var p = start
        try edit.apply(to: &p)

        #expect(p.blockers.count == start.blockers.count + 1)
        let raised = p.blockers.filter { $0.title.hasPrefix("Systemic:") }
        #expect(raised.count == 1)
        let blocker = try #require(p.blocker("blk-sys"))
        #expect(blocker.title == "Systemic: Funded by outcomes")
        #expect(blocker.category == .funding)
        #expect(blocker.surfacedBy == ["t-b", "t-a"])
        #expect(blocker.status == .open && blocker.owner == nil)

        #expect(p.wave("w-0")?.entry.blockers == [], "the pilots are already under way")
        #expect(p.wave("w-1")?.entry.blockers == ["blk-old", "blk-sys"])
        #expect(p.wave("w-2")?.entry.blockers == [], "a done wave is not gated after the fact")
        #expect(p.wave("w-3")?.entry.blockers == ["blk-sys"], "an active later wave is not done yet")
        #expect(p.teams == start.teams && p.signals == start.signals)

        #expect(Readiness.systemic(p).first?.raised == "blk-sys")
        #expect(teams(Readiness.systemic(p).first) == teams(pattern))

        // One undoable step.
        let delta = PlanDelta(from: start, to: p)
        var back = p
        delta.revert(&back)
        #expect(back == start)
        delta.reapply(&back)
        #expect(back == p)
    }

    @Test func raisedFindsABlockerOfTheSameTitleHoweverItWasAdded() throws {
        var f = fixture()
        f.signal("a", empowered, 1, team: "t-a")
        f.signal("b", empowered, 1, team: "t-b")
        f.blocker("blk-hand", "Systemic: Empowered teams", .decisionRights)
        #expect(Readiness.systemic(f.plan).first?.raised == "blk-hand")
        f.plan.blockers[0].title = "Teams get specs, not problems"
        #expect(Readiness.systemic(f.plan).first?.raised == nil)
    }

    @Test func raisingTheSameIdTwiceIsRefusedAndLeavesThePlanAlone() throws {
        var f = fixture()
        f.signal("a", funded, 1, team: "t-a")
        f.signal("b", funded, 1, team: "t-b")
        let pattern = try #require(Readiness.systemic(f.plan).first)
        try Readiness.raiseBlocker(pattern, id: "blk-sys", plan: f.plan).apply(to: &f.plan)
        let after = f.plan
        let again = Readiness.raiseBlocker(pattern, id: "blk-sys", plan: f.plan)
        #expect(throws: EditError("a blocker blk-sys already exists")) { try again.apply(to: &f.plan) }
        #expect(f.plan == after)
        #expect(f.plan.wave("w-1")?.entry.blockers == ["blk-sys"], "not added twice")
    }

    @Test func aPlanWithoutLaterWavesGetsOnlyTheBlocker() throws {
        var f = RulesFixture()
        f.pilot("t-a")
        f.pilot("t-b")
        f.signal("a", funded, 2, team: "t-a")
        f.signal("b", funded, 2, team: "t-b")
        let pattern = try #require(Readiness.systemic(f.plan).first)
        var p = f.plan
        try Readiness.raiseBlocker(pattern, id: "blk-1", plan: p).apply(to: &p)
        #expect(p.blockers.map(\.id) == ["blk-1"])
        #expect(p.waves.isEmpty)
    }
}
