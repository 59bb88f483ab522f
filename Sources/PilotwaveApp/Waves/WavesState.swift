import Foundation
import PilotwaveCore
import TerminalUI

/// The Waves board's own state: the column (a wave, "not yet planned", "out of scope"), the row in
/// each column, and the teams marked to move together.
public struct WavesViewState: Sendable, Equatable {
    public var column = 0
    /// Selected row per column.
    public var rows: [Int: Int] = [:]
    /// First visible row per column.
    public var tops: [Int: Int] = [:]
    /// Teams marked to move together (`m`).
    public var marked: Set<TeamID> = []
    /// The finding the findings panel points at (`n` steps through them).
    public var finding = -1
    /// What the view shows: the board, the timeline, the scenarios or a comparison of two.
    public var mode: WavesMode = .board
    /// The scenario the board edits; nil: the plan itself.
    public var scenario: ScenarioID?
    /// Timeline: the selected wave (row, in planned order) and the first quarter shown.
    public var timelineRow = 0
    public var timelineFirst = 0
    /// Scenarios: the selected row (0 is the current plan, then the scenarios in order).
    public var scenarioRow = 0
    /// The side chosen with `c`, waiting for the other ("current plan" is `.some(nil)`).
    public var compareFirst: ScenarioID??
    /// The two sides being compared (nil: the current plan), and the comparison's scroll.
    public var comparing: CompareSides?
    public var compareScroll = 0
    /// `/` on the board: the search being typed (nil when not typing), the search kept with Enter,
    /// and where the selection was when `/` was pressed (Esc while typing goes back there).
    public var searchInput: TextInput?
    public var search = ""
    public var searchOriginColumn = 0
    public var searchOriginRow = 0

    public init() {}

    /// The text the board's search matches: the one being typed, else the one kept.
    public var searchText: String { searchInput?.text ?? search }

    public var row: Int { rows[column] ?? 0 }
}

public enum WavesMode: String, Sendable, Equatable {
    case board, timeline, scenarios, compare
}

/// Two wave plans side by side: a scenario or, for nil, the plan as it stands.
public struct CompareSides: Sendable, Equatable {
    public var a: ScenarioID?
    public var b: ScenarioID?
}

/// The board's derived data, cached by plan revision.
public struct WavesDerived: Sendable {
    public struct Column: Sendable {
        public var title: String
        /// The wave, for wave columns; nil for "not yet planned" and "out of scope".
        public var wave: WaveID?
        public var teams: [Int32]
        /// How the column is ordered, when not by hand ("by score" for "not yet planned").
        public var order: String? = nil
        /// "Not yet planned": the teams left out of every wave, best pilot score first.
        public var isUnplanned = false
    }

    public private(set) var revision = -1
    public private(set) var columns: [Column] = []
    public private(set) var capacity: [WaveID: WavePlanning.Capacity] = [:]
    public private(set) var gates: [WaveID: [WavePlanning.GateItem]] = [:]
    /// The plan checks that concern waves, coaches, blockers and dependencies.
    public private(set) var findings: [Finding] = []
    /// Team index → pilot score (or -1), hard-flag count, open notes, latest team readiness average.
    public private(set) var scores: [Double] = []
    public private(set) var openNotes: [TeamID: Int] = [:]
    /// Every team's standing under the plan's weights (by team index), from the same ranking the
    /// Pilots view shows, and the in-scope teams in that ranking's order.
    public private(set) var standings: [RankingModel.Standing] = []
    private var rankOrder: [Int32] = []
    private var rankModel: RankingModel?
    private var rankTeamsSeen: [Team]?
    private var rankCriteriaSeen: [Criterion]?
    private var rankSettingsSeen: PlanSettings?
    /// The board's search (`/`): each match's column and row, in board order (column by column,
    /// top to bottom), and per team index whether it matches; worked out once per text and revision.
    public private(set) var matches: [(column: Int32, row: Int32)] = []
    public private(set) var isMatch: [Bool] = []
    public private(set) var matchKey: (revision: Int, scenario: ScenarioID?, text: String)?

    static let waveCodes: Set<String> = ["waveTeamsWithoutCoach", "coachOverCapacity", "coachOverlap", "everyoneAtOnce",
                                         "entryBlockersOpen", "entryReadinessUnmet", "dependsOnLaterWave", "dependsOnUnplannedTeam",
                                         "narrowTransformation", "seededCoachTooEarly",
                                         "checkInOutsideWave", "wavesOverlap", "waveOrderDates", "waveStartPassed",
                                         "waveEndPassed"]

    /// What each wave's column and capacity were last worked out from.
    private struct WaveCache: Sendable {
        var teams: [TeamID]
        var indices: [Int32]
    }
    private var waveCache: [WaveID: WaveCache] = [:]
    private var teamsSeen: [Team]?
    private var coachesSeen: [Coach]?
    private var signalsSeen: [ReadinessSignal]?
    private var resistanceSeen: [ResistanceNote]?
    private var organisationLatest: [DimensionKey: ReadinessSignal] = [:]
    private var checksLatest: [DimensionKey: ReadinessSignal] = [:]

    /// Brings the board up to date with `plan`. A move touches two waves: only their columns and
    /// capacities are worked out again (the others share storage with what they were built from,
    /// so comparing them is instant), and the wave checks run on the team index Derived keeps.
    /// The plan the board shows: the plan itself, or the plan as the scenario being edited makes it.
    public private(set) var board = Plan.empty(id: PlanID("none"), name: "", organisation: "")
    public private(set) var scenario: ScenarioID?
    /// The timeline of `board` (worked out when the timeline is shown) and each quarter's coach load.
    public private(set) var timeline: WaveTimeline?
    public private(set) var quarterLoads: [WaveTimeline.QuarterLoad] = []
    private var timelineRevision = -1

    /// One line of the scenarios list.
    public struct ScenarioSummary: Sendable {
        public var id: ScenarioID?
        public var name: String
        public var note: String
        public var createdAt: Date?
        /// Teams per wave, in planned order.
        public var waves: [(name: String, teams: Int)]
        public var unplanned: Int
        public var overQuarters: [Quarter]
        public var openBlockers: Int
    }
    public private(set) var summaries: [ScenarioSummary] = []
    private var summariesRevision = -1
    public private(set) var comparison: ScenarioComparison?
    public private(set) var comparisonNames = ("", "")
    private var comparisonKey: (Int, CompareSides)?

    mutating func refresh(plan: Plan, scenario: Scenario?, revision: Int, scores: [Double], indexByID: [TeamID: Int], today: Day) {
        guard self.revision != revision || self.scenario != scenario?.id else { return }
        self.revision = revision
        self.scenario = scenario?.id
        self.scores = scores
        timelineRevision = -1
        let plan = scenario.map { Scenarios.apply($0, to: plan) } ?? plan
        board = plan
        if plan.teams != teamsSeen || plan.coaches != coachesSeen {
            waveCache = [:]
            teamsSeen = plan.teams
            coachesSeen = plan.coaches
        }
        var planned = [Bool](repeating: false, count: plan.teams.count)
        var fresh: [WaveID: WaveCache] = [:]
        columns = plan.orderedWaves.map { wave in
            let cached: WaveCache
            if let old = waveCache[wave.id], old.teams == wave.teams {
                cached = old
            } else {
                cached = WaveCache(teams: wave.teams, indices: wave.teams.compactMap { indexByID[$0].map { Int32($0) } })
            }
            fresh[wave.id] = cached
            for t in cached.indices { planned[Int(t)] = true }
            let pilots = wave.order == 0 && !wave.name.lowercased().contains("pilot")
            return Column(title: pilots ? "\(wave.name) (pilots)" : wave.name, wave: wave.id, teams: cached.indices)
        }
        waveCache = fresh
        refreshRanking(plan)
        // Not yet planned: the ranking's order (built when the teams, criteria or settings change),
        // filtered in one pass; out of scope: plan order.
        var unplanned: [Int32] = [], outOfScope: [Int32] = []
        for t in rankOrder where !planned[Int(t)] { unplanned.append(t) }
        for t in plan.teams.indices where !planned[t] && plan.teams[t].status == .outOfScope { outOfScope.append(Int32(t)) }
        columns.append(Column(title: "Not yet planned", wave: nil, teams: unplanned, order: "by score", isUnplanned: true))
        columns.append(Column(title: "Out of scope", wave: nil, teams: outOfScope))
        // Every wave's, since a coach's load counts the waves that run at the same time.
        capacity = WavePlanning.capacity(plan)
        if plan.signals != signalsSeen {
            organisationLatest = WavePlanning.organisationLatest(plan)
            checksLatest = CheckContext.organisationLatest(plan.signals)
            signalsSeen = plan.signals
        }
        gates = Dictionary(plan.waves.map { ($0.id, WavePlanning.gate($0, plan: plan, organisation: organisationLatest)) },
                           uniquingKeysWith: { a, _ in a })
        // Only the checks about waves, coaches, blockers and dependencies, on one shared index.
        let context = CheckContext(plan: plan, today: today, teamIndex: indexByID, organisationLatest: checksLatest)
        let found = PlanChecks.coachCapacity(context) + PlanChecks.coachOverlap(context) + PlanChecks.everyoneAtOnce(context)
            + PlanChecks.entryBlockers(context) + PlanChecks.entryReadiness(context) + PlanChecks.dependencies(context)
            + PlanChecks.narrowTransformation(context) + PlanChecks.seededCoachTooEarly(context)
            + PlanChecks.waveDates(context)
        findings = Finding.ordered(found.filter { Self.waveCodes.contains($0.code) })
        if plan.resistance != resistanceSeen {
            var open: [TeamID: Int] = [:]
            for note in plan.resistance where note.status != .resolved { if let t = note.team { open[t, default: 0] += 1 } }
            openNotes = open
            resistanceSeen = plan.resistance
        }
    }

    /// The pilot ranking of `plan`, as the Pilots view ranks (``RankingModel``): rebuilt only when the
    /// teams, criteria or settings change (a wave move changes none of them), re-ranked without
    /// re-scoring when only the weights did.
    private mutating func refreshRanking(_ plan: Plan) {
        guard plan.teams != rankTeamsSeen || plan.criteria != rankCriteriaSeen || plan.settings != rankSettingsSeen || rankModel == nil
        else { return }
        // A team planned, unplanned or given a coach changes the teams but not the ranking.
        if rankModel != nil, plan.criteria == rankCriteriaSeen, plan.settings == rankSettingsSeen,
            let seen = rankTeamsSeen, Self.sameRanking(seen, plan.teams) {
            rankTeamsSeen = plan.teams
            return
        }
        let sameTeams = plan.teams == rankTeamsSeen && plan.settings == rankSettingsSeen
        let model = (sameTeams ? rankModel?.reweighted(plan.criteria) : nil) ?? RankingModel(plan: plan)
        let ranked = model.rank()
        rankModel = model
        rankOrder = ranked.order
        standings = ranked.standings
        rankTeamsSeen = plan.teams
        rankCriteriaSeen = plan.criteria
        rankSettingsSeen = plan.settings
    }

    /// Whether two versions of the teams rank alike: the same teams, with the same name, ratings,
    /// roles and lifecycle stage (what the score and its ties read), in scope or not alike.
    static func sameRanking(_ a: [Team], _ b: [Team]) -> Bool {
        guard a.count == b.count else { return false }
        for i in a.indices where a[i] != b[i] {
            let x = a[i], y = b[i]
            guard x.id == y.id, x.name == y.name, x.ratings == y.ratings, x.roles == y.roles, x.stage == y.stage,
                (x.status == .outOfScope) == (y.status == .outOfScope) else { return false }
        }
        return true
    }

    /// The teams whose name contains `text` (case-insensitive), in board order: one pass over the
    /// board's columns and the names' search keys per new text, none per key that only moves.
    mutating func refreshMatches(text: String, names: ByteTable) {
        if let key = matchKey, key.revision == revision, key.scenario == scenario, key.text == text { return }
        matchKey = (revision, scenario, text)
        let needle = Derived.folded(text.trimmingWhitespace())
        guard !needle.isEmpty else {
            matches = []
            isMatch = []
            return
        }
        var found: [(column: Int32, row: Int32)] = []
        var flags = [Bool](repeating: false, count: board.teams.count)
        for (c, column) in columns.enumerated() {
            for (r, t) in column.teams.enumerated() where Int(t) < names.count && names.contains(Int(t), needle) {
                found.append((Int32(c), Int32(r)))
                flags[Int(t)] = true
            }
        }
        matches = found
        isMatch = flags
    }

    /// Whether the team at `index` matches the board's search.
    public func matches(team index: Int) -> Bool { index >= 0 && index < isMatch.count && isMatch[index] }

    /// The first match at or after (`column`, `row`) in board order — or, with `by` -1, the last
    /// one before it — wrapping round; nil when nothing matches.
    public func match(from column: Int, _ row: Int, by: Int = 0) -> (column: Int, row: Int)? {
        guard !matches.isEmpty else { return nil }
        // The first match not before (column, row).
        var lo = 0, hi = matches.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let m = matches[mid]
            if (Int(m.column), Int(m.row)) < (column, row) { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        if by > 0, i < matches.count, (Int(matches[i].column), Int(matches[i].row)) == (column, row) { i += 1 }
        if by < 0 { i -= 1 }
        i = (i % matches.count + matches.count) % matches.count
        return (Int(matches[i].column), Int(matches[i].row))
    }

    /// Drops the board built for an older plan (its columns are team indices); the per-wave caches
    /// stay, checked against the plan's teams and coaches on the next build.
    mutating func forget() {
        revision = -1
        columns = []
        scores = []
        board = Plan.empty(id: PlanID("none"), name: "", organisation: "")
        timeline = nil
        quarterLoads = []
        timelineRevision = -1
        summaries = []
        summariesRevision = -1
        comparison = nil
        comparisonKey = nil
        matches = []
        isMatch = []
        matchKey = nil
    }

    /// The timeline and coach load per quarter of the board, once per revision.
    mutating func refreshTimeline(today: Day) {
        guard timelineRevision != revision || timeline == nil else { return }
        timelineRevision = revision
        let t = WaveTimeline(plan: board, today: today)
        timeline = t
        quarterLoads = WaveTimeline.coachLoad(board, t.quarters)
    }

    /// A line per wave plan: the current plan, then each scenario.
    mutating func refreshSummaries(plan: Plan, revision: Int, today: Day) {
        guard summariesRevision != revision else { return }
        summariesRevision = revision
        func summary(_ p: Plan, _ s: Scenario?) -> ScenarioSummary {
            let waves = p.orderedWaves
            var planned = Set<TeamID>()
            for w in waves { planned.formUnion(w.teams) }
            let unplanned = p.teams.reduce(0) { $0 + ($1.status != .outOfScope && !planned.contains($1.id) ? 1 : 0) }
            let quarters = WaveTimeline.quarters(p, today: today)
            let over = WaveTimeline.coachLoad(p, quarters).filter(\.isOver).map(\.quarter)
            let blockers = Set(waves.flatMap(\.entry.blockers)).filter { id in p.blocker(id).map { $0.status != .resolved } ?? false }
            return ScenarioSummary(id: s?.id, name: s?.name ?? "Current plan", note: s?.note ?? "the waves as they stand",
                                   createdAt: s?.createdAt, waves: waves.map { ($0.name, $0.teams.count) },
                                   unplanned: unplanned, overQuarters: over, openBlockers: blockers.count)
        }
        summaries = [summary(plan, nil)] + plan.scenarios.map { summary(Scenarios.apply($0, to: plan), $0) }
    }

    /// The comparison of two wave plans, once per revision.
    mutating func refreshComparison(plan: Plan, sides: CompareSides, revision: Int) {
        if let key = comparisonKey, key.0 == revision, key.1 == sides { return }
        comparisonKey = (revision, sides)
        func side(_ id: ScenarioID?) -> (Plan, String)? {
            guard let id else { return (plan, "Current plan") }
            return plan.scenarios.first { $0.id == id }.map { (Scenarios.apply($0, to: plan), $0.name) }
        }
        guard let a = side(sides.a), let b = side(sides.b) else {
            comparison = nil
            return
        }
        comparison = Scenarios.compare(a.0, b.0)
        comparisonNames = (a.1, b.1)
    }

    public func teamIndex(column: Int, row: Int) -> Int? {
        guard column >= 0, column < columns.count, row >= 0, row < columns[column].teams.count else { return nil }
        return Int(columns[column].teams[row])
    }
}
