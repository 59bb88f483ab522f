/// A calendar quarter: the unit of the wave timeline (DOMAIN.md §6: a plan spans quarters, for years).
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    /// 1–4.
    public var q: Int

    /// The `q`-th quarter of `year`; a `q` outside 1–4 counts on into the next or back into the
    /// previous years (`Quarter(year: 2026, q: 5)` is Q1 2027).
    public init(year: Int, q: Int) {
        self.init(index: year * 4 + q - 1)
    }

    /// The quarter `day` falls in.
    public init(_ day: Day) {
        self.init(year: day.year, q: (day.month - 1) / 3 + 1)
    }

    /// Quarters counted from Q1 of year 0 (negative before).
    init(index: Int) {
        let y = index >= 0 ? index / 4 : (index - 3) / 4
        year = y
        q = index - y * 4 + 1
    }

    var index: Int { year * 4 + q - 1 }

    /// "Q1 2026".
    public var label: String { "Q\(q) \(year)" }

    /// "Q1'26".
    public var shortLabel: String {
        let yy = ((year % 100) + 100) % 100
        return "Q\(q)'" + (yy < 10 ? "0" : "") + String(yy)
    }

    public var description: String { label }

    /// The quarter's first day (1 January, 1 April, 1 July, 1 October).
    public var first: Day { Day(year, (q - 1) * 3 + 1, 1) }

    /// The quarter's last day (31 March, 30 June, 30 September, 31 December).
    public var last: Day { Day(year, q * 3, Day.daysIn(month: q * 3, year: year)) }

    public var next: Quarter { advanced(by: 1) }
    public var previous: Quarter { advanced(by: -1) }

    /// The quarter `n` quarters later (earlier when `n` < 0).
    public func advanced(by n: Int) -> Quarter { Quarter(index: index + n) }

    /// How many quarters from this one to `other` (negative when `other` is earlier).
    public func distance(to other: Quarter) -> Int { other.index - index }

    public func contains(_ day: Day) -> Bool { Quarter(day) == self }

    /// `from`, the quarters after it, up to and including `through` (empty when `through` is earlier).
    public static func range(from: Quarter, through: Quarter) -> [Quarter] {
        from.index <= through.index ? (from.index...through.index).map(Quarter.init(index:)) : []
    }

    public static func < (a: Quarter, b: Quarter) -> Bool { a.index < b.index }
}

/// The waves on a quarter-by-quarter axis (DOMAIN.md §6): which quarters each wave spans, when its
/// check-ins fall, whether it is late, and how many teams each coach carries in each quarter.
public struct WaveTimeline: Hashable, Sendable {
    /// The axis shows at least this many quarters.
    public static let minimumQuarters = 4
    /// …and at most this many (20 years), however far a mistyped date lies.
    public static let maximumQuarters = 80

    /// One wave on the axis.
    public struct Span: Hashable, Sendable {
        public var wave: WaveID
        public var name: String
        public var order: Int
        public var status: WaveStatus
        public var start: Day?
        public var end: Day?
        /// The quarters from its start to its end; one quarter when it has only a start (or only an
        /// end); nil for an undated wave.
        public var quarters: ClosedRange<Quarter>?
        /// The quarter of each check-in, in the wave's order.
        public var checkIns: [Quarter]
        /// Its end has passed but it is not done.
        public var isLate: Bool

        public var isUndated: Bool { quarters == nil }

        /// Whether the wave runs in quarter `q`.
        public func covers(_ q: Quarter) -> Bool { quarters?.contains(q) ?? false }
    }

    /// The teams carried in one quarter: by each coach (coaches carrying at least one team, in plan
    /// order) and without a (known) coach.
    public struct QuarterLoad: Hashable, Sendable {
        public var quarter: Quarter
        /// Teams of the waves running this quarter.
        public var teams: Int
        public var coaches: [WavePlanning.CoachLoad]
        public var uncoached: Int
        /// Some coach carries more teams than their capacity this quarter.
        public var isOver: Bool { coaches.contains(where: \.isOver) }
        /// The coaches over capacity.
        public var over: [WavePlanning.CoachLoad] { coaches.filter(\.isOver) }
    }

    public var quarters: [Quarter]
    /// Every wave, in planned order; undated ones have no `quarters`.
    public var waves: [Span]

    /// The timeline of `plan` seen on `today`.
    public init(plan: Plan, today: Day) {
        quarters = Self.quarters(plan, today: today)
        waves = Self.spans(plan, today: today)
    }

    /// The undated waves, in planned order.
    public var undated: [Span] { waves.filter(\.isUndated) }

    // MARK: Rules

    /// The contiguous quarters from the earliest wave date (start, end or check-in; today's quarter
    /// when no wave is dated) to the latest, at least ``minimumQuarters`` and at most
    /// ``maximumQuarters``.
    public static func quarters(_ plan: Plan, today: Day) -> [Quarter] {
        let bounds = dateBounds([plan])
        let first = bounds.map { Quarter($0.first) } ?? Quarter(today)
        let last = bounds.map { Quarter($0.last) } ?? first
        let count = min(maximumQuarters, max(minimumQuarters, first.distance(to: last) + 1))
        return Quarter.range(from: first, through: first.advanced(by: count - 1))
    }

    /// The quarters from the earliest to the latest wave date of any of `plans` (at most
    /// ``maximumQuarters``), with no minimum; empty when no wave is dated.
    public static func quarters(covering plans: [Plan]) -> [Quarter] {
        guard let bounds = dateBounds(plans) else { return [] }
        let first = Quarter(bounds.first)
        let last = min(Quarter(bounds.last), first.advanced(by: maximumQuarters - 1))
        return Quarter.range(from: first, through: last)
    }

    /// The earliest and latest start, end and check-in of the waves of `plans`.
    static func dateBounds(_ plans: [Plan]) -> (first: Day, last: Day)? {
        var first: Day?
        var last: Day?
        func see(_ day: Day?) {
            guard let day else { return }
            if first.map({ day < $0 }) ?? true { first = day }
            if last.map({ $0 < day }) ?? true { last = day }
        }
        for plan in plans {
            for wave in plan.waves {
                see(wave.start)
                see(wave.end)
                for day in wave.checkIns { see(day) }
            }
        }
        guard let first, let last else { return nil }
        return (first, last)
    }

    /// Every wave of `plan` on the axis, in planned order.
    public static func spans(_ plan: Plan, today: Day) -> [Span] {
        plan.orderedWaves.map { span($0, today: today) }
    }

    /// One wave on the axis.
    public static func span(_ wave: Wave, today: Day) -> Span {
        Span(wave: wave.id, name: wave.name, order: wave.order, status: wave.status, start: wave.start,
             end: wave.end, quarters: quarters(of: wave), checkIns: wave.checkIns.map(Quarter.init),
             isLate: wave.status != .done && (wave.end.map { $0 < today } ?? false))
    }

    /// The quarters a wave runs in: start to end, or the one quarter of its only date; nil undated.
    public static func quarters(of wave: Wave) -> ClosedRange<Quarter>? {
        switch (wave.start, wave.end) {
        case let (start?, end?):
            let (a, b) = (Quarter(start), Quarter(end))
            return min(a, b)...max(a, b)
        case let (day?, nil), let (nil, day?):
            return Quarter(day)...Quarter(day)
        case (nil, nil):
            return nil
        }
    }

    /// For each of `quarters`: the teams of the waves running that quarter (dated waves, whatever
    /// their status: a past quarter shows what was carried then), per coach against capacity.
    /// A team counts once, in its earliest wave. One pass over the teams.
    public static func coachLoad(_ plan: Plan, _ quarters: [Quarter]) -> [QuarterLoad] {
        guard let firstQuarter = quarters.first else { return [] }
        // Position in `quarters` of each quarter, which need not be contiguous.
        var slot: [Int: Int] = [:]
        for (i, q) in quarters.enumerated() where slot[q.index] == nil { slot[q.index] = i }
        let contiguous = quarters.count == firstQuarter.distance(to: quarters[quarters.count - 1]) + 1
            && slot.count == quarters.count
        func slots(_ range: ClosedRange<Quarter>) -> [Int] {
            if contiguous {
                let lo = max(0, firstQuarter.distance(to: range.lowerBound))
                let hi = min(quarters.count - 1, firstQuarter.distance(to: range.upperBound))
                return lo <= hi ? Array(lo...hi) : []
            }
            return quarters.indices.filter { range.contains(quarters[$0]) }
        }

        // The slots of each wave's span, and each team's earliest wave (planned order).
        let order = plan.waves.indices.sorted {
            (plan.waves[$0].order, plan.waves[$0].name, $0) < (plan.waves[$1].order, plan.waves[$1].name, $1)
        }
        var waveSlots: [[Int]] = Array(repeating: [], count: plan.waves.count)
        var waveOf: [TeamID: Int] = [:]
        for w in order {
            guard let range = Self.quarters(of: plan.waves[w]) else { continue }
            waveSlots[w] = slots(range)
            guard !waveSlots[w].isEmpty else { continue }
            for id in plan.waves[w].teams where waveOf[id] == nil { waveOf[id] = w }
        }

        let coachIndex = Dictionary(plan.coaches.indices.map { (plan.coaches[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        var carried = [[Int]](repeating: [Int](repeating: 0, count: plan.coaches.count), count: quarters.count)
        var uncoached = [Int](repeating: 0, count: quarters.count)
        var teams = [Int](repeating: 0, count: quarters.count)
        if !waveOf.isEmpty {
            var counted = Set<TeamID>()
            for team in plan.teams {
                guard let w = waveOf[team.id], counted.insert(team.id).inserted else { continue }
                let k = team.coach.flatMap { coachIndex[$0] }
                for s in waveSlots[w] {
                    teams[s] += 1
                    if let k { carried[s][k] += 1 } else { uncoached[s] += 1 }
                }
            }
        }
        return quarters.indices.map { s in
            let loads = carried[s].indices.compactMap { k -> WavePlanning.CoachLoad? in
                guard carried[s][k] > 0 else { return nil }
                let coach = plan.coaches[k]
                return WavePlanning.CoachLoad(coach: coach.id, name: coach.name, teams: carried[s][k],
                                              capacity: coach.capacity)
            }
            return QuarterLoad(quarter: quarters[s], teams: teams[s], coaches: loads, uncoached: uncoached[s])
        }
    }
}
