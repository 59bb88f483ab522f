import Testing
@testable import PilotwaveCore

@Suite("Pilot score, ranking, hard flags, pilot count")
struct ScoringTests {
    let settings = PlanSettings()

    @Test func fullyRatedTeamScoresWithBreakdown() {
        // Weights: familiarity 3, learning 4, cross 4, customer 4, lifecycle 3, size 2 = 20.
        let team = Team(id: "t", name: "Checkout", stage: .invest, roles: Roles(product: 1, engineering: 6),
                        ratings: ["familiarity": 5, "learningAppetite": 3, "customerAccess": 1])
        let s = Scoring(criteria: Criterion.defaults, settings: settings).score(team)
        // 3*1 + 4*0.5 + 4*(2/3) + 4*0 + 3*0.8 + 2*1 = 12.0666… / 20 = 60.33…
        #expect(s.score == 60)
        #expect(abs(s.value! - 60.333333) < 0.000001)
        #expect(s.coverage == 1 && s.unrated.isEmpty && s.summary == "60")
        #expect(s.items.map(\.input) == ["5/5", "3/5", "missing design", "1/5", "invest", "7 people"])
        #expect(s.items.map(\.value) == [1, 0.5, 2.0 / 3, 0, 0.8, 1])
        #expect(s.items[0].points == 15)  // 3 * 1 * 100 / 20
        #expect(abs(s.items.map(\.points).reduce(0, +) - s.value!) < 0.00001)
    }

    @Test func unratedCriteriaAreLeftOutNotZero() {
        let team = Team(id: "t", name: "Search", stage: .explore, roles: Scoring.sizeTestRoles(5),
                        ratings: ["learningAppetite": 5])
        let s = Scoring(criteria: Criterion.defaults, settings: settings).score(team)
        // Rated: learning 4 (1.0), cross 4 (1/3: engineering only), lifecycle 3 (1.0), size 2 (1.0) = 13.
        #expect(s.ratedWeight == 13 && s.totalWeight == 20)
        #expect(s.unrated == ["familiarity", "customerAccess"])
        #expect(s.coverage == 0.65)
        #expect(s.score == 79)  // (4 + 4/3 + 3 + 2) / 13 = 79.49
        #expect(s.summary == "79 (4/6 rated)")
        #expect(s.items[0].input == "unrated" && s.items[0].value == nil && s.items[0].points == 0)
    }

    @Test func nothingRatedGivesNoScore() {
        let criteria = Criterion.defaults.filter { $0.source == .rated || $0.source == .size }
        let team = Team(id: "t", name: "Unknown")  // no roles, no ratings
        let s = Scoring(criteria: criteria, settings: settings).score(team)
        #expect(s.score == nil && s.value == nil && s.coverage == 0)
        #expect(s.summary == "unrated (0/4 rated)")
        #expect(s.items.last?.input == "roles unknown")
    }

    @Test func weightZeroCriteriaShowButDoNotCount() {
        var criteria = Criterion.defaults
        for i in criteria.indices where criteria[i].id != Criterion.familiarity { criteria[i].weight = 0 }
        let team = Team(id: "t", name: "A", stage: .retire, ratings: ["familiarity": 4])
        let s = Scoring(criteria: criteria, settings: settings).score(team)
        #expect(s.items.count == 6)
        #expect(s.score == 75 && s.weightedCount == 1 && s.summary == "75")
        #expect(s.items[4].input == "retire" && s.items[4].value == 0 && s.items[4].points == 0)
    }

    @Test func roundingIsHalfAwayFromZero() {
        let criteria = [Criterion(id: "a", name: "A", source: .rated, weight: 1, help: ""),
                        Criterion(id: "b", name: "B", source: .rated, weight: 1, help: "")]
        let team = Team(id: "t", name: "T", ratings: ["a": 2, "b": 5])  // (0.25 + 1) / 2 = 62.5
        let s = Scoring(criteria: criteria, settings: settings).score(team)
        #expect(s.value == 62.5 && s.score == 63)
    }

    @Test func crossFunctionalAndLifecycleValues() {
        #expect(Scoring.crossFunctional(Roles()).value == nil)
        #expect(Scoring.crossFunctional(Roles(data: 2)).input == "missing product, design and engineering")
        #expect(Scoring.crossFunctional(Roles(data: 2)).value == 0)
        #expect(Scoring.crossFunctional(Roles(product: 1, design: 1)).value == 2.0 / 3)
        #expect(Scoring.crossFunctional(RulesFixture.fullRoles).input == "product, design, engineering")
        #expect(LifecycleStage.allCases.map(Scoring.lifecycleValue) == [1.0, 0.8, 0.2, 0])
    }

    @Test func sizeCurve() {
        let v = { (n: Int) in Scoring.sizeValue(people: n, maxTeamSize: 10) }
        #expect(v(0) == nil)
        #expect([1, 2, 3, 4, 8].map(v) == [0.5, 0.5, 0.75, 1, 1])
        #expect(v(14) == 0.5 && v(20) == 0 && v(50) == 0)
        #expect(v(9)! > v(10)! && v(10)! > v(15)! && v(15)! > v(19)!)
        // A small maximum: zero at twice the maximum wins over the plateau.
        #expect(Scoring.sizeValue(people: 6, maxTeamSize: 3) == 0)
    }

    @Test func rankingOrdersByScoreThenCoverageNameAndId() {
        var f = RulesFixture()
        f.team("t-low", "Low", ratings: ["familiarity": 1, "learningAppetite": 1, "customerAccess": 1])
        f.team("t-b2", "beta", ratings: ["familiarity": 5, "learningAppetite": 5, "customerAccess": 5])
        f.team("t-b1", "Beta", ratings: ["familiarity": 5, "learningAppetite": 5, "customerAccess": 5])
        f.team("t-a", "alpha", ratings: ["familiarity": 5, "learningAppetite": 5, "customerAccess": 5])
        f.team("t-part", "Partial", ratings: ["familiarity": 5, "learningAppetite": 5])  // also 100, less coverage
        f.team("t-none", "Unrated", roles: Roles())
        f.team("t-out", "Compliance", status: .outOfScope)
        f.team("t-pilot", "Pilot", status: .pilot, ratings: ["familiarity": 3])
        // Without the lifecycle weight, a team with no roles and no ratings has nothing rated.
        f.plan.criteria[4].weight = 0
        let ranking = Scoring.rank(f.plan)
        #expect(ranking.ranked.map(\.team.raw) == ["t-a", "t-b1", "t-b2", "t-part", "t-pilot", "t-low", "t-none"])
        #expect(ranking.outOfScope.map(\.team) == ["t-out"])
        #expect(ranking.ranked.last?.score == nil)
    }

    @Test func hardFlags() {
        let team = Team(id: "t", name: "Ledger", stage: .sustain, roles: Roles(product: 1, engineering: 12),
                        ratings: [Criterion.customerAccess: 1])
        let flags = HardFlag.flags(team, settings: settings)
        #expect(flags == [.notCrossFunctional(missing: ["design"]), .lateStage(.sustain),
                          .tooLarge(size: 13, max: 10), .noCustomerAccess])
        #expect(flags.map(\.label) == ["not cross-functional: no design", "late stage: sustain",
                                       "too large: 13 people (max 10)", "no customer access"])
        #expect(flags.allSatisfy { !$0.guidance.isEmpty })
        #expect(HardFlag.notCrossFunctional(missing: ["product", "design"]).label
                == "not cross-functional: no product or design")
    }

    @Test func hardFlagsSilentForGoodOrUnknownTeams() {
        let good = Team(id: "t", name: "Good", stage: .invest, roles: RulesFixture.fullRoles,
                        ratings: [Criterion.customerAccess: 2])
        #expect(HardFlag.flags(good, settings: settings).isEmpty)
        // Roles unknown and customer access unrated: the score shows them unrated; no flag.
        #expect(HardFlag.flags(Team(id: "u", name: "Unknown"), settings: settings).isEmpty)
        let exactlyMax = Team(id: "m", name: "Max", roles: Roles(product: 1, design: 1, engineering: 8))
        #expect(HardFlag.flags(exactlyMax, settings: settings).isEmpty)
    }

    @Test func recommendedPilotCount() {
        var plan = Plan.empty(id: "p", name: "P", organisation: "Acme", size: .large)
        var rec = PilotCount.recommend(plan)
        #expect(rec.size == .large && !rec.inferred && rec.range == 1...5 && rec.rangeText == "up to 5")
        #expect(rec.guidance.hasPrefix("Start small: a large organisation should begin with up to 5 pilot teams"))
        plan.organisation.size = nil
        plan.teams = (0..<7).map { Team(id: TeamID("t\($0)"), name: "T\($0)") }
        rec = PilotCount.recommend(plan)
        #expect(rec.size == .small && rec.inferred && rec.rangeText == "1" && rec.sizeSource == "inferred from 7 teams")
        #expect(rec.guidance.hasPrefix("Start small: a small organisation should begin with 1 pilot team,"))
        plan.teams.append(Team(id: "t7", name: "T7", status: .outOfScope, outOfScopeReason: "audit"))
        rec = PilotCount.recommend(plan)
        #expect(rec.size == .mid && rec.rangeText == "2–4" && rec.teamCount == 8)  // all teams count
        #expect(PilotCount.inferSize(teamCount: 40, thresholds: SizeThresholds()) == .large)
        #expect(PilotCount.inferSize(teamCount: 3, thresholds: SizeThresholds(midFrom: 3, largeFrom: 5)) == .mid)
    }
}

extension Scoring {
    /// `n` engineers and nobody else.
    static func sizeTestRoles(_ n: Int) -> Roles { Roles(engineering: n) }
}
