import PilotwaveCore

/// The Readiness and Resistance views' derived data and each team's readiness and resistance at a
/// glance (for the Teams detail pane), cached by plan revision and view settings.
public struct ReadinessDerived: Sendable {
    struct Key: Equatable, Sendable {
        var revision: Int
        var scope: ReadinessScope
        var showRetired: Bool
    }

    var key: Key?
    /// Indices into `plan.dimensions` of the rows shown.
    public private(set) var dimensions: [Int] = []
    /// Team indices of the team columns.
    public private(set) var teams: [Int32] = []
    public private(set) var scopeTitle = ""
    public private(set) var trends: [Readiness.CellKey: Readiness.Trend] = [:]
    public private(set) var histories: [Readiness.CellKey: [Int]] = [:]
    public private(set) var barrier: Readiness.Barrier?
    public private(set) var systemic: [Readiness.SystemicPattern] = []
    /// The plan checks this view answers for: narrow transformation, weak or unrated preconditions.
    public private(set) var findings: [Finding] = []

    /// Which dimension applies to the organisation column and which to team columns.
    public static func applies(_ dimension: ReadinessDimension, toTeam: Bool) -> Bool {
        toTeam ? dimension.scope != .organisation : dimension.scope != .team
    }

    public func cell(row: Int, column: Int, plan: Plan) -> Readiness.CellKey? {
        guard row >= 0, row < dimensions.count else { return nil }
        let d = plan.dimensions[dimensions[row]]
        if column == 0 { return Self.applies(d, toTeam: false) ? .organisation(d.id) : nil }
        let t = column - 1
        guard t >= 0, t < teams.count, Self.applies(d, toTeam: true) else { return nil }
        return Readiness.CellKey(dimension: d.id, team: plan.teams[Int(teams[t])].id)
    }

    /// Drops the matrix built for an older plan (its rows and columns are indices); the per-cell
    /// caches stay, checked against the plan they came from on the next build.
    mutating func forget() {
        key = nil
        dimensions = []
        teams = []
    }

    mutating func refresh(plan: Plan, revision: Int, state: ReadinessViewState, today: Day) {
        let key = Key(revision: revision, scope: state.scope, showRetired: state.showRetired)
        guard key != self.key else { return }
        let planChanged = self.key?.revision != revision
        self.key = key
        dimensions = plan.dimensions.indices.filter { state.showRetired || !plan.dimensions[$0].retired }
        switch state.scope {
        case .pilots:
            // In the pilot wave's order (as on the board, where J/K change it), then any other pilots.
            let pilots = Set(PilotCount.pilots(plan).map(\.id))
            let waveOrder = PilotCount.pilotWave(plan)?.teams.filter { pilots.contains($0) } ?? []
            let inWave = Set(waveOrder)
            let position = Dictionary(plan.teams.indices.map { (plan.teams[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
            teams = waveOrder.compactMap { position[$0].map { Int32($0) } }
                + plan.teams.indices.filter { pilots.contains(plan.teams[$0].id) && !inWave.contains(plan.teams[$0].id) }.map { Int32($0) }
            scopeTitle = "the pilot teams"
        case .wave(let id):
            let wave = plan.wave(id)
            // In the wave's own order, as on the board.
            let position = Dictionary(plan.teams.indices.map { (plan.teams[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
            var seen = Set<TeamID>()
            teams = (wave?.teams ?? []).compactMap { id in seen.insert(id).inserted ? position[id].map { Int32($0) } : nil }
            scopeTitle = "the teams of \(wave?.name ?? id.raw)"
        case .allTeams:
            teams = plan.teams.indices.filter { plan.teams[$0].status != .outOfScope }.map { Int32($0) }
            scopeTitle = "every team in scope"
        }
        guard planChanged else { return }
        // A rating recorded with nothing else changed (the usual edit here) is added to the caches
        // in place; anything else (a strike, an undo, other edits) rebuilds them.
        let rest = plan.teams == teamsSeen && plan.waves == wavesSeen && plan.dimensions == dimensionsSeen
            && plan.blockers == blockersSeen
        let old = signalsSeen
        let appended = rest && !old.isEmpty && plan.signals.count > old.count && plan.signals.count - old.count <= 64
            && plan.signals[old.count - 1] == old[old.count - 1]
        if appended {
            for signal in plan.signals[old.count...] where signal.struck == nil {
                let cell = Readiness.CellKey(dimension: signal.dimension, team: signal.team)
                if var trend = trends[cell] {
                    if signal.recordedAt >= trend.latest.recordedAt {
                        trend.previous = trend.latest
                        trend.latest = signal
                    } else if trend.previous.map({ signal.recordedAt >= $0.recordedAt }) ?? true {
                        trend.previous = signal
                    }
                    trends[cell] = trend
                } else {
                    trends[cell] = Readiness.Trend(latest: signal, previous: nil)
                }
                // Recorded now, so nearly always the newest: appended; otherwise rebuilt for the cell.
                if signal.recordedAt >= trends[cell]!.latest.recordedAt || histories[cell] == nil {
                    histories[cell, default: []].append(signal.rating)
                } else {
                    histories[cell] = Readiness.history(plan.signals, cell).filter { $0.struck == nil }.map(\.rating)
                }
            }
        } else {
            trends = Readiness.trends(plan.signals)
            histories = Readiness.ratingHistories(plan.signals)
        }
        if !rest || pilotsSeen == nil { pilotsSeen = PilotCount.pilots(plan).map(\.id) }
        // The barrier and the systemic patterns read only organisation cells and pilot cells.
        var latest: [Readiness.CellKey: ReadinessSignal] = [:]
        for d in plan.dimensions {
            if let t = trends[.organisation(d.id)] { latest[.organisation(d.id)] = t.latest }
            for team in pilotsSeen ?? [] {
                let key = Readiness.CellKey(dimension: d.id, team: team)
                if let t = trends[key] { latest[key] = t.latest }
            }
        }
        barrier = Readiness.barrier(plan, latest: latest)
        systemic = Readiness.systemic(plan, latest: latest, pilots: pilotsSeen)
        let orgTouched = !appended || plan.signals[old.count...].contains { $0.team == nil }
        if orgTouched {
            let context = CheckContext(plan: plan, today: today)
            findings = Finding.ordered(PlanChecks.preconditions(context) + PlanChecks.narrowTransformation(context))
        }
        teamsSeen = plan.teams
        wavesSeen = plan.waves
        dimensionsSeen = plan.dimensions
        blockersSeen = plan.blockers
        signalsSeen = plan.signals
    }

    private var teamsSeen: [Team] = []
    private var wavesSeen: [Wave] = []
    private var dimensionsSeen: [ReadinessDimension] = []
    private var blockersSeen: [Blocker] = []
    private var signalsSeen: [ReadinessSignal] = []
    private var pilotsSeen: [TeamID]?
}

/// One team's readiness and resistance at a glance, for the Teams view's detail pane.
public struct TeamActivity: Sendable, Equatable {
    /// Dimension key → trend of the team's cell.
    public var readiness: [(dimension: DimensionKey, trend: Readiness.Trend)]
    public var openNotes: Int
    public var overdueNotes: Int
    /// The most severe open note's words, if any.
    public var loudest: String?

    public static func == (a: TeamActivity, b: TeamActivity) -> Bool {
        a.readiness.map(\.dimension) == b.readiness.map(\.dimension) && a.openNotes == b.openNotes
            && a.overdueNotes == b.overdueNotes && a.loudest == b.loudest
    }

    /// Every team's activity in one pass over the signals and notes.
    static func all(_ plan: Plan, today: Day) -> [TeamID: TeamActivity] {
        var result: [TeamID: TeamActivity] = [:]
        let order = Dictionary(plan.dimensions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let retired = Set(plan.dimensions.filter(\.retired).map(\.id))
        for (key, trend) in Readiness.trends(plan.signals) {
            guard let team = key.team, !retired.contains(key.dimension) else { continue }
            result[team, default: TeamActivity(readiness: [], openNotes: 0, overdueNotes: 0)].readiness.append((key.dimension, trend))
        }
        for id in result.keys {
            result[id]?.readiness.sort { (order[$0.dimension] ?? .max) < (order[$1.dimension] ?? .max) }
        }
        var loudestRank: [TeamID: Int] = [:]
        for note in plan.resistance where note.status != .resolved {
            guard let team = note.team else { continue }
            var a = result[team] ?? TeamActivity(readiness: [], openNotes: 0, overdueNotes: 0)
            a.openNotes += 1
            if ResistanceRules.daysOverdue(note, today: today) != nil { a.overdueNotes += 1 }
            if note.severity.rank > loudestRank[team] ?? -1 {
                loudestRank[team] = note.severity.rank
                a.loudest = note.words
            }
            result[team] = a
        }
        return result
    }
}
