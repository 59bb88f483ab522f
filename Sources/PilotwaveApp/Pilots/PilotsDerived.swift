import PilotwaveCore

/// The Pilots view's derived data, cached by plan revision (and N for the robustness check), so a
/// key that only moves the selection costs nothing here. Built only while the view is shown.
public struct PilotsDerived: Sendable {
    public private(set) var revision = -1
    public private(set) var model: RankingModel?
    /// In-scope team indices in ranking order.
    public private(set) var order: [Int32] = []
    /// Out-of-scope team indices, in plan order.
    public private(set) var outOfScope: [Int32] = []
    /// Every team's standing under the plan's weights (by team index).
    public private(set) var standings: [RankingModel.Standing] = []
    /// Hard-flag count per team index.
    public private(set) var flagCounts: [UInt8] = []
    public private(set) var robustness: Robustness?
    /// The pilots ranked outside the robustness check's top N, with their rank (worked out with the
    /// check, so drawing the box does not walk the ranking).
    public private(set) var pilotsOutside: [(team: Int32, rank: Int)] = []
    /// The current voting round's tally (all of it; the view hides it until revealed).
    public private(set) var tally: [TeamID: Int] = [:]
    public private(set) var round: VoteRound?
    /// The pilots chosen (status pilot or in wave 0), in ranking order then out of scope.
    public private(set) var chosen: [Int32] = []
    private var teamsSeen: [Team] = []
    private var settingsSeen: PlanSettings?

    /// Team index → its row in the list (ranked rows first, then out of scope); -1 for none.
    private var rowByTeam: [Int32] = []

    /// The row of the team at `index` in `plan.teams`, if it is listed.
    public func row(ofTeam index: Int) -> Int? {
        index >= 0 && index < rowByTeam.count && rowByTeam[index] >= 0 ? Int(rowByTeam[index]) : nil
    }

    /// 1-based rank of the team at `index`, or nil when out of scope.
    public func rank(ofTeam index: Int) -> Int? { row(ofTeam: index).flatMap { rank(row: $0) } }

    /// Rows in the list: the ranked teams, then the out-of-scope ones.
    public var rowCount: Int { order.count + outOfScope.count }

    /// The team index at `row`, if any.
    public func teamIndex(row: Int) -> Int? {
        if row >= 0 && row < order.count { return Int(order[row]) }
        let r = row - order.count
        return r >= 0 && r < outOfScope.count ? Int(outOfScope[r]) : nil
    }

    /// Screen lines of the list: the rows, plus the "Out of scope" heading when there are such teams.
    public var lineCount: Int { rowCount + (outOfScope.isEmpty ? 0 : 1) }

    /// The line of `row` in the list (out-of-scope rows come after the heading).
    public func line(row: Int) -> Int { row < order.count ? row : row + 1 }

    /// The row shown on `line`, or nil for the heading.
    public func row(line: Int) -> Int? {
        if line < order.count { return line }
        if line == order.count { return nil }
        return line - 1 < rowCount ? line - 1 : nil
    }

    /// 1-based rank of the team at `row`, or nil for an out-of-scope row.
    public func rank(row: Int) -> Int? { row < order.count ? row + 1 : nil }

    /// Drops the ranking built for an older plan (its rows are team indices); the model is kept
    /// for a cheap rebuild, which uses it only when the teams are unchanged.
    mutating func forget() {
        revision = -1
        order = []
        outOfScope = []
        rowByTeam = []
        standings = []
        chosen = []
        robustness = nil
        round = nil
        tally = [:]
    }

    /// Brings the caches up to date; returns true when the ranking was rebuilt (rows may have moved).
    @discardableResult
    mutating func refresh(plan: Plan, revision: Int, n: Int) -> Bool {
        var rebuilt = false
        if self.revision != revision {
            rebuilt = true
            self.revision = revision
            // Same teams and settings (a weight changed, a vote was cast): keep the criterion values.
            let sameTeams = plan.teams == teamsSeen && plan.settings == settingsSeen
            let model = (sameTeams ? self.model?.reweighted(plan.criteria) : nil) ?? RankingModel(plan: plan)
            teamsSeen = plan.teams
            settingsSeen = plan.settings
            let ranked = model.rank()
            self.model = model
            order = ranked.order
            outOfScope = model.outOfScope
            var rows = [Int32](repeating: -1, count: plan.teams.count)
            for (r, t) in (order + outOfScope).enumerated() { rows[Int(t)] = Int32(r) }
            rowByTeam = rows
            standings = ranked.standings
            if !sameTeams { flagCounts = plan.teams.map { UInt8(min(HardFlag.count($0, settings: plan.settings), 255)) } }
            robustness = nil
            round = Voting.current(plan)
            tally = round.map(Voting.tally) ?? [:]
            let waveZero = PilotCount.pilotWaveMembers(plan)
            let isChosen = { (t: Int32) in
                PilotCount.isPilot(status: plan.teams[Int(t)].status, inPilotWave: waveZero.contains(plan.teams[Int(t)].id))
            }
            chosen = order.filter(isChosen) + outOfScope.filter(isChosen)
        }
        if robustness?.n != min(n, order.count), let model {
            let r = Robustness.analyse(model, n: n)
            robustness = r
            let top = Set(r.top)
            pilotsOutside = chosen.compactMap { t in
                guard !top.contains(t), let rank = rank(ofTeam: Int(t)) else { return nil }
                return (t, rank)
            }
        }
        return rebuilt
    }
}

extension PilotsDerived: Equatable {
    public static func == (a: PilotsDerived, b: PilotsDerived) -> Bool {
        a.revision == b.revision && a.robustness == b.robustness
    }
}
