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

    /// The teams carried in one quarter (``WaveTimeline/coachLoad(_:_:)``): by each coach (coaches
    /// carrying at least one team, in plan order; `teams` is the most they carry at once in the
    /// quarter) and without a (known) coach.
    public struct QuarterLoad: Hashable, Sendable {
        public var quarter: Quarter
        /// Teams of the waves running this quarter (done waves are not counted).
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

    /// For each of `quarters`: the teams of the waves running in it, and each coach's load there by
    /// the board's rule (``WavePlanning/CoachLoads``): the most teams they carry at once on any day of
    /// the quarter, so waves that follow each other within a quarter do not add up, and waves that
    /// overlap do. Done waves, and planned ones without a start, count for nothing. A team counts once,
    /// in its earliest wave.
    public static func coachLoad(_ plan: Plan, _ quarters: [Quarter]) -> [QuarterLoad] {
        guard !quarters.isEmpty else { return [] }
        let loads = WavePlanning.CoachLoads(plan)
        let busy = plan.waves.indices.filter { loads.spans[$0] != nil && loads.teams[$0] > 0 }
        return quarters.map { q in
            let days = q.first.ordinal...q.last.ordinal
            let running = busy.filter { loads.spans[$0]!.overlaps(days) }
            var carrying = Set<Int>()
            for w in running { carrying.formUnion(loads.counts[w].keys) }
            let coaches = carrying.sorted().map { k in
                let coach = plan.coaches[k]
                return WavePlanning.CoachLoad(coach: coach.id, name: coach.name,
                                              teams: loads.peak(coach: k, within: days).total, capacity: coach.capacity)
            }
            return QuarterLoad(quarter: q, teams: running.reduce(0) { $0 + loads.teams[$1] }, coaches: coaches,
                               uncoached: running.reduce(0) { $0 + loads.uncoached[$1] })
        }
    }
}
