import Foundation
import Testing
@testable import PilotwaveCore

/// What a facilitator reads off the readiness grid: trends, the barrier, cell histories.
@Suite("Readiness trends, barrier and histories")
struct ReadinessResistanceTests {
    let ec = ReadinessDimension.executiveConviction
    let fp = ReadinessDimension.feltPain
    let te = ReadinessDimension.techEnabler
    let funded = ReadinessDimension.fundedByOutcomes

    func cell(_ dimension: DimensionKey, _ team: TeamID) -> Readiness.CellKey {
        Readiness.CellKey(dimension: dimension, team: team)
    }

    /// A dimension rated for teams only.
    static let teamFlow = ReadinessDimension(
        id: "teamFlow", name: "Team flow", help: "Work flows through the team.", scope: .team,
        group: .takingHold, anchors: ["1", "2", "3", "4", "5"])

    // MARK: Trend

    @Test func twoRatingsOfACellGiveUpDownOrFlatAndOneGivesNew() {
        var f = RulesFixture()
        f.signal("ec1", ec, 2, day: 1)
        f.signal("ec2", ec, 4, day: 2)
        f.signal("fp1", fp, 4, day: 1)
        f.signal("fp2", fp, 1, day: 2)
        f.signal("te1", te, 3, day: 1)
        f.signal("te2", te, 3, day: 2)
        f.signal("fu1", funded, 5, day: 1)
        let trends = Readiness.trends(f.plan.signals)
        #expect(trends[.organisation(ec)]?.direction == .up && trends[.organisation(ec)]?.delta == 2)
        #expect(trends[.organisation(fp)]?.direction == .down && trends[.organisation(fp)]?.delta == -3)
        #expect(trends[.organisation(te)]?.direction == .flat && trends[.organisation(te)]?.delta == 0)
        #expect(trends[.organisation(funded)]?.direction == .new && trends[.organisation(funded)]?.delta == nil)
        #expect(trends[.organisation(funded)]?.previous == nil)
        #expect(trends.count == 4)
        #expect(Readiness.Direction.allCases.map(\.symbol) == ["↑", "↓", "→", "•"])
    }

    @Test func aStruckLatestRatingFallsBackToThePreviousOne() throws {
        var f = RulesFixture()
        f.signal("s1", ec, 2, day: 1)
        f.signal("s2", ec, 3, day: 2)
        f.signal("s3", ec, 5, day: 3)
        #expect(Readiness.trend(f.plan, .organisation(ec))?.latest.id == "s3")
        try PlanEdit.strikeSignal("s3", Strike(reason: "rated the wrong dimension", by: "Fay", at: RulesFixture.at(4)))
            .apply(to: &f.plan)
        let trend = try #require(Readiness.trend(f.plan, .organisation(ec)))
        #expect(trend.latest.id == "s2" && trend.previous?.id == "s1" && trend.direction == .up)
        #expect(Readiness.latest(f.plan)[.organisation(ec)]?.id == "s2")
        #expect(Readiness.trends(f.plan.signals)[.organisation(ec)] == trend)
        #expect(f.plan.signals.count == 3, "the struck rating stays in the history")
        // Striking the only other ratings leaves one, then none.
        try PlanEdit.strikeSignal("s2", Strike(reason: "duplicate", by: "Fay", at: RulesFixture.at(4))).apply(to: &f.plan)
        #expect(Readiness.trend(f.plan, .organisation(ec))?.direction == .new)
        #expect(Readiness.latest(f.plan)[.organisation(ec)]?.id == "s1")
        try PlanEdit.strikeSignal("s1", Strike(reason: "duplicate", by: "Fay", at: RulesFixture.at(4))).apply(to: &f.plan)
        #expect(Readiness.trend(f.plan, .organisation(ec)) == nil)
        #expect(Readiness.latest(f.plan)[.organisation(ec)] == nil)
    }

    @Test func ratingsAtTheSameMomentKeepArrayOrder() {
        var f = RulesFixture()
        f.signal("a1", ec, 2, day: 5)
        f.signal("a2", ec, 4, day: 5)
        f.signal("b1", fp, 4, day: 5)
        f.signal("b2", fp, 2, day: 5)
        f.signal("c1", te, 1, day: 5)
        f.signal("c2", te, 2, day: 5)
        f.signal("c3", te, 3, day: 5)
        let trends = Readiness.trends(f.plan.signals)
        #expect(trends[.organisation(ec)]?.latest.id == "a2" && trends[.organisation(ec)]?.direction == .up)
        #expect(trends[.organisation(fp)]?.latest.id == "b2" && trends[.organisation(fp)]?.direction == .down)
        #expect(trends[.organisation(te)]?.latest.id == "c3" && trends[.organisation(te)]?.previous?.id == "c2")
        let latest = Readiness.latest(f.plan)
        #expect(latest[.organisation(ec)]?.id == "a2" && latest[.organisation(fp)]?.id == "b2")
        #expect(Readiness.history(f.plan.signals, .organisation(te)).map(\.id) == ["c1", "c2", "c3"])
        #expect(Readiness.ratingHistories(f.plan.signals)[.organisation(fp)] == [4, 2])
    }

    @Test func anOlderRatingEnteredLaterDoesNotBecomeTheLatest() {
        var f = RulesFixture()
        f.signal("s1", ec, 2, day: 10)
        f.signal("s2", ec, 3, day: 20)
        f.signal("s3", ec, 5, day: 15)  // back-dated: between the two
        let trend = Readiness.trends(f.plan.signals)[.organisation(ec)]
        #expect(trend?.latest.id == "s2" && trend?.previous?.id == "s3" && trend?.direction == .down)
        #expect(Readiness.ratingHistories(f.plan.signals)[.organisation(ec)] == [2, 5, 3])
    }

    @Test func teamCellsAndOrganisationCellsDoNotMix() {
        var f = RulesFixture()
        f.team("t-a")
        f.team("t-b")
        f.signal("org1", funded, 2, day: 1)
        f.signal("ta1", funded, 5, team: "t-a", day: 2)
        f.signal("tb1", funded, 1, team: "t-b", day: 3)
        f.signal("ta2", funded, 4, team: "t-a", day: 4)
        let trends = Readiness.trends(f.plan.signals)
        #expect(trends[.organisation(funded)]?.latest.id == "org1")
        #expect(trends[.organisation(funded)]?.direction == .new)
        #expect(trends[cell(funded, "t-a")]?.latest.id == "ta2" && trends[cell(funded, "t-a")]?.previous?.id == "ta1")
        #expect(trends[cell(funded, "t-a")]?.direction == .down)
        #expect(trends[cell(funded, "t-b")]?.direction == .new)
        #expect(Readiness.trend(f.plan, .organisation(funded))?.direction == .new)
        #expect(Readiness.trend(f.plan, cell(funded, "t-b"))?.latest.id == "tb1")
        let latest = Readiness.latest(f.plan)
        #expect(latest[.organisation(funded)]?.rating == 2 && latest[cell(funded, "t-a")]?.rating == 4)
    }

    // MARK: Barrier

    @Test func theBarrierIsTheFirstPreconditionInPlanOrderRatedThreeOrBelow() throws {
        var f = RulesFixture()
        f.signal("ec", ec, 4)
        f.signal("fp", fp, 3)
        f.signal("te", te, 2)
        #expect(Readiness.barrier(f.plan)?.dimension.id == fp)
        #expect(Readiness.barrier(f.plan)?.signal.rating == 3)
        // The plan's row order decides, not how low the rating is.
        try PlanEdit.moveDimension(te, by: -1).apply(to: &f.plan)
        #expect(Readiness.barrier(f.plan)?.dimension.id == te)
        let latest = Readiness.latest(f.plan)
        #expect(Readiness.barrier(f.plan, latest: latest) == Readiness.barrier(f.plan))
    }

    @Test func retiredAndTeamOnlyDimensionsAreNotBarriers() {
        var f = RulesFixture()
        f.plan.dimensions.insert(Self.teamFlow, at: 0)
        f.signal("flow", "teamFlow", 1)     // an organisation rating of a team-only dimension
        f.signal("ec", ec, 2)
        f.signal("fp", fp, 3)
        f.plan.dimensions[1].retired = true  // executive conviction
        #expect(f.plan.dimensions[1].id == ec)
        #expect(Readiness.barrier(f.plan)?.dimension.id == fp)
        f.plan.dimensions[1].retired = false
        #expect(Readiness.barrier(f.plan)?.dimension.id == ec)
    }

    @Test func unratedDimensionsAndTeamRatingsAreNotBarriers() {
        var f = RulesFixture()
        f.team("t-a")
        #expect(Readiness.barrier(f.plan) == nil)
        f.signal("te", te, 5)
        f.signal("team", ec, 1, team: "t-a")
        f.signal("struck", fp, 1, struck: true)
        #expect(Readiness.barrier(f.plan) == nil, "executive conviction and felt pain are unrated for the organisation")
        f.signal("fu", funded, 3)  // scope both: the organisation cell counts
        #expect(Readiness.barrier(f.plan)?.dimension.id == funded)
    }

    @Test func aLaterRatingOfFourLiftsTheBarrierAndKeepsTheHistory() throws {
        var f = RulesFixture()
        f.signal("ec1", ec, 5)
        f.signal("fp1", fp, 2, day: 1)
        let before = try #require(Readiness.barrier(f.plan))
        #expect(before.dimension.id == fp && before.signal.id == "fp1")
        let lift = ReadinessSignal(id: "fp2", dimension: fp, rating: 4, evidence: "Q2 numbers shared at the all-hands",
                                   recordedBy: "Fay", recordedAt: RulesFixture.at(30))
        try PlanEdit.recordSignal(lift).apply(to: &f.plan)
        #expect(Readiness.barrier(f.plan) == nil)
        #expect(f.plan.signals.map(\.id) == ["ec1", "fp1", "fp2"])
        #expect(f.plan.signals[1] == before.signal, "the earlier rating is kept, not overwritten")
        #expect(Readiness.trend(f.plan, .organisation(fp))?.direction == .up)
        #expect(Readiness.history(f.plan.signals, .organisation(fp)).map(\.rating) == [2, 4])
    }

    // MARK: Histories

    @Test func historyIsOldestFirstAndKeepsStruckRatings() {
        var f = RulesFixture()
        f.team("t-a")
        f.signal("s3", ec, 4, day: 30)
        f.signal("s1", ec, 1, day: 10)
        f.signal("s2", ec, 5, day: 20, struck: true)
        f.signal("t1", ec, 2, team: "t-a", day: 5)
        f.signal("o1", fp, 3, day: 1)
        let history = Readiness.history(f.plan.signals, .organisation(ec))
        #expect(history.map(\.id) == ["s1", "s2", "s3"])
        #expect(history[1].struck != nil)
        #expect(Readiness.history(f.plan.signals, cell(ec, "t-a")).map(\.id) == ["t1"])
        #expect(Readiness.history(f.plan.signals, cell(ec, "t-b")).isEmpty)
        #expect(Readiness.history(f.plan.signals, .organisation(te)).isEmpty)
    }

    @Test func ratingHistoriesLeaveStruckRatingsOutAndKeepCellsApart() {
        var f = RulesFixture()
        f.team("t-a")
        f.signal("s3", ec, 4, day: 30)
        f.signal("s1", ec, 1, day: 10)
        f.signal("s2", ec, 5, day: 20, struck: true)
        f.signal("t1", ec, 2, team: "t-a", day: 5)
        f.signal("t2", ec, 3, team: "t-a", day: 6)
        f.signal("x", fp, 3, day: 1, struck: true)
        let histories = Readiness.ratingHistories(f.plan.signals)
        #expect(histories[.organisation(ec)] == [1, 4])
        #expect(histories[cell(ec, "t-a")] == [2, 3])
        #expect(histories[.organisation(fp)] == nil, "a cell with only struck ratings has no sparkline")
        #expect(histories.count == 2)
        // The sparkline ends with the value shown in the grid.
        let latest = Readiness.latest(f.plan)
        for (key, ratings) in histories { #expect(ratings.last == latest[key]?.rating) }
    }

    // MARK: Moving a dimension

    @Test func moveDimensionReordersAndClampsAtTheEnds() throws {
        var p = RulesFixture().plan
        let keys = p.dimensions.map(\.id)
        try PlanEdit.moveDimension(fp, by: -1).apply(to: &p)
        #expect(p.dimensions.map(\.id) == [fp, ec] + keys.dropFirst(2))
        try PlanEdit.moveDimension(fp, by: 1).apply(to: &p)
        #expect(p.dimensions.map(\.id) == keys)
        try PlanEdit.moveDimension(te, by: -10).apply(to: &p)
        #expect(p.dimensions.first?.id == te && p.dimensions.count == keys.count)
        try PlanEdit.moveDimension(te, by: 100).apply(to: &p)
        #expect(p.dimensions.last?.id == te)
        #expect(Set(p.dimensions.map(\.id)) == Set(keys))
    }

    @Test func moveDimensionRefusesToMovePastTheEndsOrAnUnknownKey() {
        var p = RulesFixture().plan
        let before = p
        let last = p.dimensions[p.dimensions.count - 1]
        #expect(throws: EditError("Executive conviction is already first")) { try PlanEdit.moveDimension(ec, by: -1).apply(to: &p) }
        #expect(throws: EditError("\(last.name) is already last")) { try PlanEdit.moveDimension(last.id, by: 1).apply(to: &p) }
        #expect(throws: EditError("no dimension \"nope\"")) { try PlanEdit.moveDimension("nope", by: 1).apply(to: &p) }
        #expect(p == before, "a refused move leaves the plan alone")
    }

    @Test func moveDimensionTitleSaysUpOrDown() throws {
        let p = RulesFixture().plan
        #expect(PlanEdit.moveDimension(fp, by: -1).title(in: p) == "Move Felt pain up")
        #expect(PlanEdit.moveDimension(fp, by: 1).title(in: p) == "Move Felt pain down")
        #expect(PlanEdit.moveDimension("gone", by: 1).title(in: p) == "Move gone down")
        var moved = p
        try PlanEdit.moveDimension(fp, by: 1).apply(to: &moved)
        let delta = PlanDelta(from: p, to: moved)
        var back = moved
        delta.revert(&back)
        #expect(back == p)
        #expect(delta.weight <= 3 + 4, "a move changes two rows")
    }
}
