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

    mutating func refresh(plan: Plan, revision: Int, scores: [Double], indexByID: [TeamID: Int], today: Day) {
        guard self.revision != revision else { return }
        self.revision = revision
        self.scores = scores
        var planned = Set<TeamID>()
        columns = plan.orderedWaves.map { wave in
            let teams = wave.teams.compactMap { indexByID[$0].map { Int32($0) } }
            planned.formUnion(wave.teams)
            let pilots = wave.order == 0 && !wave.name.lowercased().contains("pilot")
            return Column(title: pilots ? "\(wave.name) (pilots)" : wave.name, wave: wave.id, teams: teams)
        }
        let unplanned = plan.teams.indices.filter { plan.teams[$0].status != .outOfScope && !planned.contains(plan.teams[$0].id) }
        let outOfScope = plan.teams.indices.filter { plan.teams[$0].status == .outOfScope && !planned.contains(plan.teams[$0].id) }
        columns.append(Column(title: "Not yet planned", wave: nil, teams: unplanned.map { Int32($0) }))
        columns.append(Column(title: "Out of scope", wave: nil, teams: outOfScope.map { Int32($0) }))
        capacity = WavePlanning.capacity(plan)
        let latest = WavePlanning.organisationLatest(plan)
        gates = Dictionary(plan.waves.map { ($0.id, WavePlanning.gate($0, plan: plan, organisation: latest)) }, uniquingKeysWith: { a, _ in a })
        // Only the checks about waves, coaches, blockers and dependencies, on one shared index.
        let context = CheckContext(plan: plan, today: today)
        let found = PlanChecks.coachCapacity(context) + PlanChecks.coachOverlap(context) + PlanChecks.everyoneAtOnce(context)
            + PlanChecks.entryBlockers(context) + PlanChecks.entryReadiness(context) + PlanChecks.dependencies(context)
            + PlanChecks.narrowTransformation(context)
        findings = Finding.ordered(found.filter { Self.waveCodes.contains($0.code) })
        var open: [TeamID: Int] = [:]
        for note in plan.resistance where note.status != .resolved { if let t = note.team { open[t, default: 0] += 1 } }
        openNotes = open
    }

    public func teamIndex(column: Int, row: Int) -> Int? {
        guard column >= 0, column < columns.count, row >= 0, row < columns[column].teams.count else { return nil }
        return Int(columns[column].teams[row])
    }
}
