import Testing
@testable import PilotwaveCore

@Suite("Ranking model and robustness of the top N")
struct RankingModelTests {
    // MARK: Helpers

    /// Rated criteria named after their keys ("a" → "A") with the given weights.
    static func criteria(_ weights: [(CriterionKey, Int)]) -> [Criterion] {
        weights.map { Criterion(id: $0.0, name: $0.0.uppercased(), source: .rated, weight: $0.1, help: "") }
    }

    /// A plan holding only rated criteria with the given weights.
    static func plan(_ weights: [(CriterionKey, Int)]) -> RulesFixture {
        var f = RulesFixture()
        f.plan.criteria = criteria(weights)
        return f
    }

    /// The team ids of team indices.
    static func ids(_ order: [Int32], _ plan: Plan) -> [TeamID] { order.map { plan.teams[Int($0)].id } }

    /// The plan with its criteria weighted by `weights` (criteria order).
    static func reweighted(_ plan: Plan, _ weights: [Int]) -> Plan {
        var copy = plan
        for i in copy.criteria.indices { copy.criteria[i].weight = weights[i] }
        return copy
    }

    /// `count` seeded weight vectors in 0…10, one weight per criterion.
    static func randomWeights(_ criteria: Int, count: Int, seed: UInt64) -> [[Int]] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in (0..<criteria).map { _ in rng.int(in: Criterion.weightRange) } }
    }

    /// RankingModel agrees with Scoring on `plan` under `weights`: order, out-of-scope teams, and
    /// each team's value, rated weight and thinness.
    static func expectAgreement(_ plan: Plan, _ model: RankingModel, weights: [Int],
                                sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = Scoring.rank(reweighted(plan, weights))
        let (order, standings) = model.rank(weights: weights)
        #expect(ids(order, plan) == expected.ranked.map(\.team), "weights \(weights)", sourceLocation: sourceLocation)
        #expect(ids(model.outOfScope, plan) == expected.outOfScope.map(\.team), sourceLocation: sourceLocation)
        let byTeam = Dictionary(uniqueKeysWithValues: (expected.ranked + expected.outOfScope).map { ($0.team, $0) })
        var mismatches = 0
        for (t, team) in plan.teams.enumerated() {
            guard let score = byTeam[team.id] else { mismatches += 1; continue }
            let s = standings[t]
            if s.value != (score.value ?? -1) || s.ratedWeight != score.ratedWeight || s.thin != score.isThin {
                mismatches += 1
            }
        }
        #expect(mismatches == 0, "standings differing from Scoring under \(weights)", sourceLocation: sourceLocation)
    }

    // MARK: Rank agrees with Scoring

    @Test func demoPlanRanksLikeScoring() {
        let plan = DemoPlan.make()
        let model = RankingModel(plan: plan)
        #expect(model.weights == plan.criteria.map(\.weight))
        #expect(model.rank().order == model.rank(weights: plan.criteria.map(\.weight)).order)
        Self.expectAgreement(plan, model, weights: model.weights)
        #expect(!model.outOfScope.isEmpty, "the demo has out-of-scope teams")
        let order = Set(model.rank().order)
        #expect(model.outOfScope.allSatisfy { !order.contains($0) })
        #expect(order.count + model.outOfScope.count == plan.teams.count)
        for weights in Self.randomWeights(plan.criteria.count, count: 20, seed: 42) {
            Self.expectAgreement(plan, model, weights: weights)
        }
    }

    @Test(arguments: 1...5 as ClosedRange<UInt64>)
    func generatedPlansRankLikeScoring(seed: UInt64) {
        let plan = PlanGenerator.generate(teams: 300, seed: seed)
        let model = RankingModel(plan: plan)
        Self.expectAgreement(plan, model, weights: model.weights)
        #expect(!model.outOfScope.isEmpty, "the generator puts about 5 % out of scope")
        #expect(model.inScope.count + model.outOfScope.count == plan.teams.count)
        let order = model.rank().order
        #expect(Set(order).count == order.count && order.count == model.inScope.count)
        #expect(model.outOfScope.allSatisfy { plan.teams[Int($0)].status == .outOfScope })
        #expect(order.allSatisfy { plan.teams[Int($0)].status != .outOfScope })
        var weightSets = Self.randomWeights(plan.criteria.count, count: 8, seed: seed &* 7919)
        weightSets.append([Int](repeating: 0, count: plan.criteria.count))  // nothing weighted: all unrated
        weightSets.append([Int](repeating: 10, count: plan.criteria.count))
        weightSets.append([1] + [Int](repeating: 0, count: plan.criteria.count - 1))  // familiarity only
        for weights in weightSets { Self.expectAgreement(plan, model, weights: weights) }
    }

    @Test func negativeWeightsCountAsZero() {
        var f = Self.plan([("a", -3), ("b", 2)])
        f.team("t-1", "One", ratings: ["a": 5, "b": 1])
        f.team("t-2", "Two", ratings: ["a": 1, "b": 2])
        let model = RankingModel(plan: f.plan)
        #expect(model.weights == [0, 2])
        Self.expectAgreement(f.plan, model, weights: model.weights)
        #expect(Self.ids(model.rank().order, f.plan) == ["t-2", "t-1"])
    }

    // MARK: Top N

    @Test func topIsThePrefixOfTheRanking() {
        let plans = [DemoPlan.make(), PlanGenerator.generate(teams: 300, seed: 2)]
        for plan in plans {
            let model = RankingModel(plan: plan)
            var weightSets = [model.weights]
            weightSets += Self.randomWeights(plan.criteria.count, count: 4, seed: 9)
            weightSets.append([Int](repeating: 0, count: plan.criteria.count))
            for weights in weightSets {
                let order = model.rank(weights: weights).order
                for n in [0, 1, 3, 10, order.count, plan.teams.count + 5] {
                    #expect(model.top(n, weights: weights) == Array(order.prefix(n)), "n \(n), weights \(weights)")
                }
                #expect(model.top(-2, weights: weights).isEmpty)
            }
        }
    }

    // MARK: Ties and thin scores

    @Test func tiesBreakByRatedWeightThenNameThenId() {
        var f = Self.plan([("a", 1), ("b", 1), ("c", 1)])
        let all: [CriterionKey: Int] = ["a": 4, "b": 4, "c": 4]
        let two: [CriterionKey: Int] = ["a": 4, "b": 4]  // same value, less weight rated (2 of 3: not thin)
        f.team("t-9", "beta", ratings: all)
        f.team("t-8", "Alpha", ratings: two)
        f.team("t-7", "alpha", ratings: all)
        f.team("t-6", "Alpha", ratings: all)
        f.team("t-2", "Gamma", ratings: all)
        f.team("t-1", "Gamma", ratings: all)
        f.team("t-0", "Top", ratings: ["a": 5, "b": 5, "c": 5])
        let model = RankingModel(plan: f.plan)
        // Value first; then rated weight (t-8 last among the 75s); then name case-insensitively
        // ("alpha" < "beta" < "gamma"), then the exact name ("Alpha" < "alpha"), then the id.
        let expected: [TeamID] = ["t-0", "t-6", "t-7", "t-9", "t-1", "t-2", "t-8"]
        #expect(Self.ids(model.rank().order, f.plan) == expected)
        #expect(Scoring.rank(f.plan).ranked.map(\.team) == expected)
        #expect(Self.ids(model.top(4, weights: model.weights), f.plan) == Array(expected.prefix(4)))
        // The plan order does not matter.
        f.plan.teams.reverse()
        #expect(Self.ids(RankingModel(plan: f.plan).rank().order, f.plan) == expected)
        f.plan.teams.swapAt(0, 3)
        #expect(Self.ids(RankingModel(plan: f.plan).top(7, weights: model.weights), f.plan) == expected)
    }

    @Test func thinTeamRanksAfterRatedTeamsWhateverItsValue() {
        var f = Self.plan([("a", 1), ("b", 1), ("c", 1), ("d", 1)])
        f.team("t-thin", "Aardvark", ratings: ["a": 5])  // 100, but 1 of 4 weight rated
        f.team("t-low", "Low", ratings: ["a": 1, "b": 1, "c": 1])  // 0, 3 of 4 rated
        f.team("t-half", "Half", ratings: ["a": 2, "b": 2])  // 25, exactly half: not thin
        f.team("t-thin2", "Bee", ratings: ["b": 3])  // 50, thin
        let model = RankingModel(plan: f.plan)
        let (order, standings) = model.rank()
        #expect(Self.ids(order, f.plan) == ["t-half", "t-low", "t-thin", "t-thin2"])
        #expect(standings[0] == RankingModel.Standing(value: 100, ratedWeight: 1, thin: true))
        #expect(standings[2] == RankingModel.Standing(value: 25, ratedWeight: 2, thin: false))
        #expect(model.standing(1, weights: model.weights) == RankingModel.Standing(value: 0, ratedWeight: 3, thin: false))
        #expect(Self.ids(model.top(1, weights: model.weights), f.plan) == ["t-half"])
        Self.expectAgreement(f.plan, model, weights: model.weights)
        // Only a and b weighted: the thin team is now fully rated on a and leads.
        #expect(Self.ids(model.rank(weights: [1, 1, 0, 0]).order, f.plan).first == "t-thin")
        Self.expectAgreement(f.plan, model, weights: [1, 1, 0, 0])
    }

    @Test func unratedTeamsHaveNoValueAndRankByName() {
        var f = Self.plan([("a", 2), ("b", 0)])
        f.team("t-2", "Zeta", ratings: ["b": 5])  // rated only on a weight-0 criterion
        f.team("t-1", "Eta")
        f.team("t-3", "Rated", ratings: ["a": 1])
        let model = RankingModel(plan: f.plan)
        let (order, standings) = model.rank()
        #expect(Self.ids(order, f.plan) == ["t-3", "t-1", "t-2"])
        #expect(standings[0] == RankingModel.Standing(value: -1, ratedWeight: 0, thin: false))
        Self.expectAgreement(f.plan, model, weights: model.weights)
    }

    // MARK: Robustness

    @Test func clearLeadersAreStable() {
        var f = Self.plan([("a", 5), ("b", 5), ("c", 0), ("d", 10)])
        f.team("t-1", "One", ratings: ["a": 5, "b": 5, "c": 5, "d": 5])
        f.team("t-2", "Two", ratings: ["a": 4, "b": 4, "c": 4, "d": 4])
        f.team("t-3", "Three", ratings: ["a": 2, "b": 2, "c": 2, "d": 2])
        f.team("t-4", "Four", ratings: ["a": 1, "b": 1, "c": 1, "d": 1])
        f.team("t-out", "Out", status: .outOfScope, ratings: ["a": 5, "b": 5, "c": 5, "d": 5])
        let model = RankingModel(plan: f.plan)
        let r = Robustness.analyse(model, n: 2)
        #expect(r.n == 2)
        #expect(Self.ids(r.top, f.plan) == ["t-1", "t-2"])
        #expect(r.isStable && r.dropsOut.isEmpty && r.entrants.isEmpty)
        // a and b both ways, c (at 0) only up, d (at 10) only down.
        #expect(r.shiftsTried == 6)
    }

    @Test func closeRivalsSwapUnderAOneStepShift() throws {
        // a weighs 6, b 4. Close: 60 vs 55 under these weights.
        var f = Self.plan([("a", 6), ("b", 4)])
        f.team("t-lead", "Lead", ratings: ["a": 5, "b": 5])  // 100
        f.team("t-x", "Xenia", ratings: ["a": 5, "b": 1])  // 6/10 = 60
        f.team("t-y", "Yusuf", ratings: ["a": 2, "b": 5])  // (1.5 + 4)/10 = 55
        f.team("t-z", "Zora", ratings: ["a": 1, "b": 1])  // 0
        let model = RankingModel(plan: f.plan)
        let r = Robustness.analyse(model, n: 2)
        #expect(Self.ids(r.top, f.plan) == ["t-lead", "t-x"])
        #expect(!r.isStable)
        #expect(r.shiftsTried == 4)
        // a − 1: Xenia 5/9 = 55.6, Yusuf 5.25/9 = 58.3. b + 1: Xenia 6/11 = 54.5, Yusuf 6.5/11 = 59.1.
        // a + 1 and b − 1 widen the gap.
        let aDown = Robustness.Shift(criterion: "a", name: "A", delta: -1)
        let bUp = Robustness.Shift(criterion: "b", name: "B", delta: 1)
        let x = try #require(f.plan.teamIndex("t-x")), y = try #require(f.plan.teamIndex("t-y"))
        #expect(r.dropsOut == [Int32(x): [aDown, bUp]])
        #expect(r.entrants == [Int32(y): [aDown, bUp]])
        #expect(aDown.label == "A −1" && bUp.label == "B +1")
        // The shifted weights really swap them.
        #expect(Self.ids(model.top(2, weights: [5, 4]), f.plan) == ["t-lead", "t-y"])
        #expect(Self.ids(model.top(2, weights: [7, 4]), f.plan) == ["t-lead", "t-x"])
        // With a top 3 both are in: no one-step change moves anyone across.
        #expect(Robustness.analyse(model, n: 3).isStable)
        // With a top 1 the leader is untouchable.
        #expect(Robustness.analyse(model, n: 1).isStable)
    }

    @Test func nIsClampedToTheTeamsInScope() {
        var f = Self.plan([("a", 3), ("b", 10)])
        f.team("t-1", "One", ratings: ["a": 5, "b": 2])
        f.team("t-2", "Two", ratings: ["a": 1, "b": 4])
        f.team("t-3", "Three", ratings: ["a": 3, "b": 3])
        f.team("t-out", "Out", status: .outOfScope, ratings: ["a": 5, "b": 5])
        let model = RankingModel(plan: f.plan)
        let r = Robustness.analyse(model, n: 10)
        #expect(r.n == 3)
        #expect(r.top == model.rank().order)
        #expect(r.isStable && r.entrants.isEmpty)
        #expect(r.shiftsTried == 3)  // a both ways, b (at 10) only down
        let none = Robustness.analyse(model, n: -1)
        #expect(none.n == 0 && none.top.isEmpty && none.isStable && none.entrants.isEmpty)
    }

    @Test(arguments: 1...3 as ClosedRange<UInt64>)
    func robustnessMatchesRerankingEveryShift(seed: UInt64) {
        let plan = PlanGenerator.generate(teams: 300, seed: seed)
        let model = RankingModel(plan: plan)
        let n = 4
        let r = Robustness.analyse(model, n: n)
        let top = Array(Scoring.rank(plan).ranked.prefix(n).map(\.team))
        #expect(Self.ids(r.top, plan) == top)
        var dropsOut: [TeamID: [String]] = [:], entrants: [TeamID: [String]] = [:]
        var tried = 0
        for (c, criterion) in plan.criteria.enumerated() {
            for delta in [1, -1] where Criterion.weightRange.contains(criterion.weight + delta) {
                tried += 1
                var weights = plan.criteria.map(\.weight)
                weights[c] += delta
                let shifted = Array(Scoring.rank(Self.reweighted(plan, weights)).ranked.prefix(n).map(\.team))
                let label = Robustness.Shift(criterion: criterion.id, name: criterion.name, delta: delta).label
                for t in top where !shifted.contains(t) { dropsOut[t, default: []].append(label) }
                for t in shifted where !top.contains(t) { entrants[t, default: []].append(label) }
            }
        }
        #expect(r.shiftsTried == tried)
        let got = { (m: [Int32: [Robustness.Shift]]) in
            Dictionary(uniqueKeysWithValues: m.map { (plan.teams[Int($0.key)].id, $0.value.map(\.label)) })
        }
        #expect(got(r.dropsOut) == dropsOut)
        #expect(got(r.entrants) == entrants)
        #expect(r.isStable == dropsOut.isEmpty)
    }
}
