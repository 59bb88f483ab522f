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

    public init() {}

    public var row: Int { rows[column] ?? 0 }
}

/// The board's derived data, cached by plan revision.
public struct WavesDerived: Sendable {
    public struct Column: Sendable {
        public var title: String
        /// The wave, for wave columns; nil for "not yet planned" and "out of scope".
        public var wave: WaveID?
        public var teams: [Int32]
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

    static let waveCodes: Set<String> = ["waveTeamsWithoutCoach", "coachOverCapacity", "coachOverlap", "everyoneAtOnce",
                                         "entryBlockersOpen", "entryReadinessUnmet", "dependsOnLaterWave", "dependsOnUnplannedTeam",
                                         "narrowTransformation"]

    /// What each wave's column and capacity were last worked out from.
    private struct WaveCache: Sendable {
        var teams: [TeamID]
        var indices: [Int32]
        var capacity: WavePlanning.Capacity
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
    mutating func refresh(plan: Plan, revision: Int, scores: [Double], indexByID: [TeamID: Int], today: Day) {
        guard self.revision != revision else { return }
        self.revision = revision
        self.scores = scores
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
                cached = WaveCache(teams: wave.teams, indices: wave.teams.compactMap { indexByID[$0].map { Int32($0) } },
                                   capacity: WavePlanning.capacity(of: wave, plan: plan, teamIndex: indexByID))
            }
            fresh[wave.id] = cached
            for t in cached.indices { planned[Int(t)] = true }
            let pilots = wave.order == 0 && !wave.name.lowercased().contains("pilot")
            return Column(title: pilots ? "\(wave.name) (pilots)" : wave.name, wave: wave.id, teams: cached.indices)
        }
        waveCache = fresh
        var unplanned: [Int32] = [], outOfScope: [Int32] = []
        for t in plan.teams.indices where !planned[t] {
            if plan.teams[t].status == .outOfScope { outOfScope.append(Int32(t)) } else { unplanned.append(Int32(t)) }
        }
        columns.append(Column(title: "Not yet planned", wave: nil, teams: unplanned))
        columns.append(Column(title: "Out of scope", wave: nil, teams: outOfScope))
        capacity = fresh.mapValues(\.capacity)
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
            + PlanChecks.narrowTransformation(context)
        findings = Finding.ordered(found.filter { Self.waveCodes.contains($0.code) })
        if plan.resistance != resistanceSeen {
            var open: [TeamID: Int] = [:]
            for note in plan.resistance where note.status != .resolved { if let t = note.team { open[t, default: 0] += 1 } }
            openNotes = open
            resistanceSeen = plan.resistance
        }
    }

    public func teamIndex(column: Int, row: Int) -> Int? {
        guard column >= 0, column < columns.count, row >= 0, row < columns[column].teams.count else { return nil }
        return Int(columns[column].teams[row])
    }
}
