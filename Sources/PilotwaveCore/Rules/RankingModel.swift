/// The pilot ranking prepared for many weightings: each team's value per criterion (0…1 or unrated)
/// is worked out once, so ranking under other weights — a weight changed in the session, or every
/// one-step change for the robustness check — costs a multiply-add per criterion and team.
///
/// Order is the same as ``Scoring/rank(_:)``: thin scores after the others and unrated teams last,
/// score descending, then rated weight descending, then name (case-insensitive, then exact), then id.
public struct RankingModel: Sendable {
    /// The criteria in plan order (ids and names).
    public let criteria: [Criterion]
    /// The plan's weights (clamped at 0), in criteria order.
    public let weights: [Int]
    /// Team indices (into `plan.teams`) that take part in the ranking: all but out-of-scope.
    public let inScope: [Int32]
    /// Out-of-scope team indices, in plan order.
    public let outOfScope: [Int32]
    /// `values[team * criteria.count + c]`: 0…1, or -1 when unrated.
    let values: [Double]
    let lowerNames: [String]
    let names: [String]
    let ids: [String]
    /// Each team's place in name order (case-insensitive, then exact, then id): ties in score are
    /// broken by comparing two integers, not two strings.
    let nameRank: [Int32]

    static func nameRanks(lower: [String], names: [String], ids: [String]) -> [Int32] {
        let order = lower.indices.sorted { a, b in
            if lower[a] != lower[b] { return lower[a] < lower[b] }
            if names[a] != names[b] { return names[a] < names[b] }
            return ids[a] < ids[b]
        }
        var rank = [Int32](repeating: 0, count: order.count)
        for (r, t) in order.enumerated() { rank[t] = Int32(r) }
        return rank
    }

    /// The same teams and criteria under the plan's new weights: the criterion values are kept,
    /// so a weight change costs a re-rank, not a re-scoring of every team.
    public func reweighted(_ criteria: [Criterion]) -> RankingModel? {
        guard criteria.count == self.criteria.count,
            zip(criteria, self.criteria).allSatisfy({ $0.id == $1.id && $0.source == $1.source })
        else { return nil }
        return RankingModel(criteria: criteria, inScope: inScope, outOfScope: outOfScope, values: values,
                            lowerNames: lowerNames, names: names, ids: ids, nameRank: nameRank)
    }

    private init(criteria: [Criterion], inScope: [Int32], outOfScope: [Int32], values: [Double],
                 lowerNames: [String], names: [String], ids: [String], nameRank: [Int32]) {
        self.nameRank = nameRank
        self.criteria = criteria
        weights = criteria.map { max(0, $0.weight) }
        self.inScope = inScope
        self.outOfScope = outOfScope
        self.values = values
        self.lowerNames = lowerNames
        self.names = names
        self.ids = ids
    }

    public init(plan: Plan) {
        criteria = plan.criteria
        weights = plan.criteria.map { max(0, $0.weight) }
        let k = criteria.count
        var values = [Double](repeating: -1, count: plan.teams.count * k)
        var inScope: [Int32] = [], outOfScope: [Int32] = []
        inScope.reserveCapacity(plan.teams.count)
        for (t, team) in plan.teams.enumerated() {
            if team.status == .outOfScope { outOfScope.append(Int32(t)) } else { inScope.append(Int32(t)) }
            for (c, criterion) in criteria.enumerated() {
                if let v = Scoring.value(of: criterion, for: team, settings: plan.settings).value {
                    values[t * k + c] = v
                }
            }
        }
        self.values = values
        self.inScope = inScope
        self.outOfScope = outOfScope
        lowerNames = plan.teams.map { $0.name.lowercased() }
        names = plan.teams.map(\.name)
        ids = plan.teams.map(\.id.raw)
        nameRank = Self.nameRanks(lower: lowerNames, names: names, ids: ids)
    }

    /// One team's standing under some weights.
    public struct Standing: Sendable, Equatable {
        /// 0…100 over the rated, weighted criteria; -1 when none is rated.
        public var value: Double
        public var ratedWeight: Int
        public var thin: Bool
    }

    /// Team `t`'s score under `weights` (criteria order).
    @inline(__always)
    public func standing(_ t: Int, weights: [Int]) -> Standing {
        let k = criteria.count
        var rated = 0, total = 0
        var sum = 0.0
        let base = t * k
        for c in 0..<k {
            let w = weights[c]
            guard w > 0 else { continue }
            total += w
            let v = values[base + c]
            if v >= 0 {
                rated += w
                sum += Double(w) * v
            }
        }
        guard rated > 0 else { return Standing(value: -1, ratedWeight: 0, thin: false) }
        return Standing(value: Scoring.tidy(sum * 100 / Double(rated)), ratedWeight: rated, thin: rated * 2 < total)
    }

    /// Whether team `a` (with standing `x`) ranks before team `b` (standing `y`).
    @inline(__always)
    func precedes(_ a: Int, _ x: Standing, _ b: Int, _ y: Standing) -> Bool {
        let (cx, cy) = (Scoring.standingClass(x.value < 0 ? nil : x.value, thin: x.thin),
                        Scoring.standingClass(y.value < 0 ? nil : y.value, thin: y.thin))
        if cx != cy { return cx < cy }
        if x.value != y.value { return x.value > y.value }
        if x.ratedWeight != y.ratedWeight { return x.ratedWeight > y.ratedWeight }
        return nameRank[a] < nameRank[b]
    }

    /// Every in-scope team index in ranking order under `weights`, with each team's standing
    /// (indexed by team index; out-of-scope teams are scored too, for reference).
    public func rank(weights: [Int]? = nil) -> (order: [Int32], standings: [Standing]) {
        let w = weights ?? self.weights
        let standings = (0..<names.count).map { standing($0, weights: w) }
        let order = inScope.sorted { a, b in
            precedes(Int(a), standings[Int(a)], Int(b), standings[Int(b)])
        }
        return (order, standings)
    }

    /// The first `n` teams in ranking order under `weights`, without sorting everyone: one pass
    /// keeping the best `n` in order.
    public func top(_ n: Int, weights: [Int]) -> [Int32] {
        guard n > 0 else { return [] }
        var best: [(team: Int, standing: Standing)] = []
        best.reserveCapacity(n + 1)
        for t32 in inScope {
            let t = Int(t32)
            let s = standing(t, weights: weights)
            if best.count == n, let last = best.last, !precedes(t, s, last.team, last.standing) { continue }
            var i = best.count
            while i > 0 && precedes(t, s, best[i - 1].team, best[i - 1].standing) { i -= 1 }
            best.insert((t, s), at: i)
            if best.count > n { best.removeLast() }
        }
        return best.map { Int32($0.team) }
    }
}

/// How stable the current top N is (DOMAIN.md §2: weights are the facilitator's to change): for
/// every criterion, the weight one step up and one step down (within 0…10), is each team of the
/// top N still in it? Leaders see a fragile choice before committing to it.
public struct Robustness: Sendable, Equatable {
    /// A one-step change of one criterion's weight.
    public struct Shift: Hashable, Sendable {
        public var criterion: CriterionKey
        public var name: String
        /// +1 or -1.
        public var delta: Int
        /// "Customer access +1".
        public var label: String { "\(name) \(delta > 0 ? "+" : "−")\(abs(delta))" }
    }

    public var n: Int
    /// The top N team indices under the current weights, in order.
    public var top: [Int32]
    /// For each team of the top N that drops out under some shift: those shifts.
    public var dropsOut: [Int32: [Shift]]
    /// Teams outside the top N that enter it under some shift, with those shifts.
    public var entrants: [Int32: [Shift]]
    /// How many weightings were tried.
    public var shiftsTried: Int

    /// No one-step change of any weight changes who is in the top N.
    public var isStable: Bool { dropsOut.isEmpty }

    public static func analyse(_ model: RankingModel, n: Int) -> Robustness {
        let n = max(0, min(n, model.inScope.count))
        let top = model.top(n, weights: model.weights)
        let inTop = Set(top)
        var dropsOut: [Int32: [Shift]] = [:], entrants: [Int32: [Shift]] = [:]
        var tried = 0
        for (c, criterion) in model.criteria.enumerated() {
            for delta in [1, -1] {
                let w = model.weights[c] + delta
                guard Criterion.weightRange.contains(w) else { continue }
                var weights = model.weights
                weights[c] = w
                tried += 1
                let shifted = Set(model.top(n, weights: weights))
                let shift = Shift(criterion: criterion.id, name: criterion.name, delta: delta)
                for t in inTop where !shifted.contains(t) { dropsOut[t, default: []].append(shift) }
                for t in shifted where !inTop.contains(t) { entrants[t, default: []].append(shift) }
            }
        }
        return Robustness(n: n, top: top, dropsOut: dropsOut, entrants: entrants, shiftsTried: tried)
    }
}
