/// One criterion's line in a team's score breakdown.
public struct ScoreItem: Hashable, Sendable {
    public var key: CriterionKey
    public var name: String
    public var weight: Int
    /// 0…1, or `nil` when unrated (never counted as zero).
    public var value: Double?
    /// The raw input in words: "4/5", "explore", "7 people", "missing design", "unrated".
    public var input: String
    /// Points this criterion adds to the 0–100 score; 0 when unrated or weight 0.
    public var points: Double

    /// Whether the item is part of the score: rated and weighted.
    public var counts: Bool { weight > 0 && value != nil }
}

/// A team's weighted pilot score (DOMAIN.md §2) with its breakdown and how much of it is rated.
public struct PilotScore: Hashable, Sendable, Identifiable {
    public var team: TeamID
    public var teamName: String
    /// One item per plan criterion, in the plan's order (weight-0 criteria included).
    public var items: [ScoreItem]
    /// 0…100 over the rated, weighted criteria only (rounded to 6 decimals); `nil` when none is rated.
    public var value: Double?
    /// `value` rounded half away from zero.
    public var score: Int?
    /// Sum of the weights of the rated criteria.
    public var ratedWeight: Int
    /// Sum of all weights.
    public var totalWeight: Int
    /// Criteria with weight > 0 that are unrated, in the plan's order.
    public var unrated: [CriterionKey]
    /// Criteria with weight > 0 that are rated.
    public var ratedCount: Int
    /// Criteria with weight > 0.
    public var weightedCount: Int

    /// The team's id.
    public var id: TeamID { team }

    /// Rated weight / total weight, 0…1 (0 when all weights are 0).
    public var coverage: Double { totalWeight > 0 ? Double(ratedWeight) / Double(totalWeight) : 0 }
    public var isComplete: Bool { unrated.isEmpty && ratedCount > 0 }
    /// Less than half of the weight is rated: the score says little yet, so such teams rank after
    /// the others (a team known only by its lifecycle stage does not top the list).
    public var isThin: Bool { value != nil && totalWeight > 0 && ratedWeight * 2 < totalWeight }

    /// "72", "72 (4/6 rated)" or "unrated (0/6 rated)".
    public var summary: String {
        let rated = "(\(ratedCount)/\(weightedCount) rated)"
        guard let score else { return "unrated \(rated)" }
        return isComplete ? "\(score)" : "\(score) \(rated)"
    }
}

/// Teams in ranking order, with the out-of-scope teams kept aside.
public struct Ranking: Hashable, Sendable {
    /// In-scope teams (candidates, pilots, teams in waves): score descending, unrated last; ties by
    /// rated weight descending, then name (case-insensitive, then exact), then id.
    public var ranked: [PilotScore]
    /// Out-of-scope teams, scored for reference, in plan order.
    public var outOfScope: [PilotScore]
}

/// Scores teams against a plan's criteria. Build once per plan revision, then score many teams.
public struct Scoring: Sendable {
    public let criteria: [Criterion]
    public let settings: PlanSettings
    /// Sum of all criteria weights (> 0 only).
    public let totalWeight: Int
    public let weightedCount: Int

    /// Precomputes the weights once; `settings` supplies the maximum team size for the size curve.
    public init(criteria: [Criterion], settings: PlanSettings) {
        self.criteria = criteria
        self.settings = settings
        totalWeight = criteria.reduce(0) { $0 + max(0, $1.weight) }
        weightedCount = criteria.count { $0.weight > 0 }
    }

    /// Scoring with the plan's criteria and settings.
    public init(plan: Plan) { self.init(criteria: plan.criteria, settings: plan.settings) }

    /// The team's score and breakdown. Unrated criteria are left out of numerator and denominator.
    public func score(_ team: Team) -> PilotScore {
        var items: [ScoreItem] = []
        items.reserveCapacity(criteria.count)
        var ratedWeight = 0
        var sum = 0.0
        var unrated: [CriterionKey] = []
        for criterion in criteria {
            let (value, input) = Scoring.value(of: criterion, for: team, settings: settings)
            let weight = max(0, criterion.weight)
            if weight > 0 {
                if let value {
                    ratedWeight += weight
                    sum += Double(weight) * value
                } else {
                    unrated.append(criterion.id)
                }
            }
            items.append(ScoreItem(key: criterion.id, name: criterion.name, weight: weight, value: value,
                                   input: input, points: 0))
        }
        var total: Double?
        if ratedWeight > 0 {
            for i in items.indices where items[i].counts {
                items[i].points = Scoring.tidy(Double(items[i].weight) * items[i].value! * 100 / Double(ratedWeight))
            }
            total = Scoring.tidy(sum * 100 / Double(ratedWeight))
        }
        return PilotScore(
            team: team.id, teamName: team.name, items: items, value: total,
            score: total.map { Int($0.rounded(.toNearestOrAwayFromZero)) },
            ratedWeight: ratedWeight, totalWeight: totalWeight, unrated: unrated,
            ratedCount: weightedCount - unrated.count, weightedCount: weightedCount)
    }

    /// Only the 0–100 value of ``score(_:)`` (nil when nothing weighted is rated), without building
    /// the breakdown: for sorting and listing many teams.
    public func value(_ team: Team) -> Double? { valueAndCoverage(team).value }

    /// The 0–100 value and whether it is thin (less than half the weight rated), without the breakdown.
    public func valueAndCoverage(_ team: Team) -> (value: Double?, thin: Bool) {
        var ratedWeight = 0
        var sum = 0.0
        for criterion in criteria {
            let weight = max(0, criterion.weight)
            guard weight > 0 else { continue }
            let value: Double?
            switch criterion.source {
            case .rated:
                value = team.ratings[criterion.id].map { Scoring.ratingValue($0) }
            case .crossFunctional:
                value = Scoring.crossFunctional(team.roles).value
            case .lifecycle:
                value = Scoring.lifecycleValue(team.stage)
            case .size:
                value = Scoring.sizeValue(people: team.size, maxTeamSize: settings.maxTeamSize)
            }
            if let value {
                ratedWeight += weight
                sum += Double(weight) * value
            }
        }
        guard ratedWeight > 0 else { return (nil, false) }
        return (Scoring.tidy(sum * 100 / Double(ratedWeight)), ratedWeight * 2 < totalWeight)
    }

    /// Rounds to 6 decimals so that equal scores compare equal whatever the summation order.
    static func tidy(_ x: Double) -> Double { (x * 1_000_000).rounded() / 1_000_000 }

    // MARK: Criterion values

    /// A criterion's value 0…1 for a team (nil when unrated) and its input in words.
    public static func value(of criterion: Criterion, for team: Team, settings: PlanSettings)
        -> (value: Double?, input: String)
    {
        switch criterion.source {
        case .rated:
            guard let rating = team.ratings[criterion.id] else { return (nil, "unrated") }
            return (ratingValue(rating), Criterion.ratingRange.contains(rating) ? ratingWords[rating] : "\(rating)/5")
        case .crossFunctional:
            return crossFunctional(team.roles)
        case .lifecycle:
            return (lifecycleValue(team.stage), team.stage.label)
        case .size:
            let n = team.size
            return (sizeValue(people: n, maxTeamSize: settings.maxTeamSize),
                    n == 0 ? "roles unknown" : n < sizeWords.count ? sizeWords[n] : Words.count(n, "person", "people"))
        }
    }

    /// A 1–5 rating as 0…1 (out-of-range ratings clamped).
    static func ratingValue(_ rating: Int) -> Double {
        let r = min(max(rating, Criterion.ratingRange.lowerBound), Criterion.ratingRange.upperBound)
        return Double(r - 1) / 4
    }

    /// Share of product, design and engineering present; unrated when no roles are recorded.
    public static func crossFunctional(_ roles: Roles) -> (value: Double?, input: String) {
        guard roles.size > 0 else { return (nil, "roles unknown") }
        let mask = (roles.product > 0 ? 1 : 0) | (roles.design > 0 ? 2 : 0) | (roles.engineering > 0 ? 4 : 0)
        return crossFunctionalTable[mask]
    }

    /// Value and words for each combination of product (1), design (2), engineering (4) present.
    static let crossFunctionalTable: [(value: Double?, input: String)] = (0..<8).map { mask in
        let roles = Roles(product: mask & 1, design: mask >> 1 & 1, engineering: mask >> 2 & 1)
        let missing = roles.missingCore
        return (Double(3 - missing.count) / 3,
                missing.isEmpty ? "product, design, engineering" : "missing " + Words.list(missing))
    }

    /// "0/5" … "5/5", so that scoring many teams does not format strings.
    static let ratingWords: [String] = (0...5).map { "\($0)/5" }
    /// "0 people", "1 person", … "99 people".
    static let sizeWords: [String] = (0..<100).map { Words.count($0, "person", "people") }

    /// explore 1.0, invest 0.8, sustain 0.2, retire 0.
    public static func lifecycleValue(_ stage: LifecycleStage) -> Double {
        switch stage {
        case .explore: 1.0
        case .invest: 0.8
        case .sustain: 0.2
        case .retire: 0.0
        }
    }

    /// The size curve (piecewise linear): `nil` for 0 people (roles unknown); 0.5 for 1–2 people,
    /// 0.75 for 3, 1.0 for 4–8; above 8 falling in a straight line to 0 at twice `maxTeamSize`;
    /// 0 at or above twice `maxTeamSize` (this wins when the maximum is small).
    /// With the default maximum of 10: 10 people → 0.83, 15 → 0.42, 20 → 0.
    public static func sizeValue(people n: Int, maxTeamSize: Int) -> Double? {
        guard n > 0 else { return nil }
        let zeroAt = 2 * max(maxTeamSize, 1)
        if n >= zeroAt { return 0 }
        switch n {
        case ...2: return 0.5
        case 3: return 0.75
        case 4...8: return 1
        default: return Double(zeroAt - n) / Double(zeroAt - 8)
        }
    }

    // MARK: Ranking

    /// Whether `a` ranks before `b`: score descending, unrated last, then rated weight descending,
    /// then name (case-insensitive, then exact), then id.
    public static func precedes(_ a: PilotScore, _ b: PilotScore) -> Bool {
        let (ca, cb) = (standingClass(a.value, thin: a.isThin), standingClass(b.value, thin: b.isThin))
        if ca != cb { return ca < cb }
        switch (a.value, b.value) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if a.ratedWeight != b.ratedWeight { return a.ratedWeight > b.ratedWeight }
        let (x, y) = (a.teamName.lowercased(), b.teamName.lowercased())
        if x != y { return x < y }
        if a.teamName != b.teamName { return a.teamName < b.teamName }
        return a.team < b.team
    }

    /// 0: scored on at least half the weight; 1: thin (less than half rated); 2: unrated. A
    /// ranking puts the classes in this order, so teams known little or not at all come last.
    @inline(__always)
    public static func standingClass(_ value: Double?, thin: Bool) -> Int { value == nil ? 2 : thin ? 1 : 0 }

    /// Scores every team once and sorts the in-scope ones: O(n log n), comparing precomputed keys.
    public func rank(_ teams: [Team]) -> Ranking {
        var inScope: [PilotScore] = []
        var outOfScope: [PilotScore] = []
        var keys: [(standing: Int, value: Double, weight: Int, name: String, exact: String, id: String)] = []
        inScope.reserveCapacity(teams.count)
        keys.reserveCapacity(teams.count)
        for team in teams {
            let s = score(team)
            if team.status == .outOfScope {
                outOfScope.append(s)
            } else {
                inScope.append(s)
                keys.append((Scoring.standingClass(s.value, thin: s.isThin), s.value ?? -1, s.ratedWeight, team.name.lowercased(), team.name, team.id.raw))
            }
        }
        let order = keys.indices.sorted { i, j in
            let a = keys[i], b = keys[j]
            if a.standing != b.standing { return a.standing < b.standing }
            if a.value != b.value { return a.value > b.value }
            if a.weight != b.weight { return a.weight > b.weight }
            if a.name != b.name { return a.name < b.name }
            if a.exact != b.exact { return a.exact < b.exact }
            return a.id < b.id
        }
        return Ranking(ranked: order.map { inScope[$0] }, outOfScope: outOfScope)
    }

    /// Ranks the plan's teams against its criteria and settings.
    public static func rank(_ plan: Plan) -> Ranking { Scoring(plan: plan).rank(plan.teams) }

    /// One team's score against the plan's criteria.
    public static func score(_ team: Team, in plan: Plan) -> PilotScore { Scoring(plan: plan).score(team) }
}
