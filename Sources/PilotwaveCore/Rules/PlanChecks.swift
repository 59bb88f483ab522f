/// Indexes of a plan built once (O(n)) and shared by every check.
public struct CheckContext {
    public let plan: Plan
    public let today: Day
    /// Position in `plan.teams` by id (first occurrence wins if ids repeat).
    let teamIndex: [TeamID: Int]
    let coachIndex: [CoachID: Int]
    let blockerIndex: [BlockerID: Int]
    /// Dimension names by key.
    let dimensionNames: [DimensionKey: String]
    /// Positions in `plan.waves`, in planned order (order, then name).
    let waveOrder: [Int]
    /// Per wave (as in `plan.waves`): positions in `plan.teams` of its known, distinct teams.
    let members: [[Int]]
    /// Per team (as in `plan.teams`): the earliest wave holding it, `pilotWithoutWave` for a team with
    /// status `pilot` in no wave, `unplanned` otherwise.
    let placement: [Int]
    static let unplanned = -1
    /// Per team (as in `plan.teams`), for teams in a wave: its coach's position in `plan.coaches`, or -1.
    let teamCoach: [Int32]
    static let pilotWithoutWave = -2
    /// Positions in `plan.teams` of the pilots: status `pilot` or in an order-0 wave, in plan order.
    public let pilots: [Int]
    /// Teams not out of scope.
    public let inScopeCount: Int
    public let recommendation: PilotRecommendation
    /// Current organisation-wide rating of every rated dimension (latest unstruck signal).
    public let organisationLatest: [DimensionKey: ReadinessSignal]

    /// Indexes `plan` once; `today` decides which waves are starting and which follow-ups are late.
    public init(plan: Plan, today: Day) {
        self.init(plan: plan, today: today, teamIndex: Self.index(plan.teams.map(\.id)))
    }

    /// Indexes `plan` with a team index the caller already holds (position in `plan.teams` by id,
    /// first occurrence winning) — the board re-checks on every move and keeps one per revision.
    public init(plan: Plan, today: Day, teamIndex: [TeamID: Int],
                organisationLatest: [DimensionKey: ReadinessSignal]? = nil) {
        self.plan = plan
        self.today = today
        self.teamIndex = teamIndex
        coachIndex = Self.index(plan.coaches.map(\.id))
        blockerIndex = Self.index(plan.blockers.map(\.id))
        dimensionNames = Dictionary(plan.dimensions.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        waveOrder = plan.waves.indices.sorted {
            (plan.waves[$0].order, plan.waves[$0].name, $0) < (plan.waves[$1].order, plan.waves[$1].name, $1)
        }
        var placement = [Int](repeating: Self.unplanned, count: plan.teams.count)
        var members = [[Int]](repeating: [], count: plan.waves.count)
        for w in waveOrder {
            var seen = Set<Int>(minimumCapacity: plan.waves[w].teams.count)
            for id in plan.waves[w].teams {
                guard let t = teamIndex[id], seen.insert(t).inserted else { continue }
                members[w].append(t)
                if placement[t] == Self.unplanned { placement[t] = w }
            }
        }
        var pilots: [Int] = []
        var inScope = 0
        // By index, reading only the status: iterating the teams themselves would copy every one.
        for t in plan.teams.indices {
            let status = plan.teams[t].status
            if status != .outOfScope { inScope += 1 }
            if status == .pilot, placement[t] == Self.unplanned { placement[t] = Self.pilotWithoutWave }
            if PilotCount.isPilot(status: status, inPilotWave: placement[t] >= 0 && plan.waves[placement[t]].order == 0) {
                pilots.append(t)
            }
        }
        self.placement = placement
        self.members = members
        // Each planned team's coach by position in `plan.coaches` (-1: none or unknown), looked up once.
        var teamCoach = [Int32](repeating: -1, count: plan.teams.count)
        let coachIndex = Self.index(plan.coaches.map(\.id))
        for wave in members {
            for t in wave where teamCoach[t] == -1 {
                if let id = plan.teams[t].coach, let k = coachIndex[id] { teamCoach[t] = Int32(k) }
            }
        }
        self.teamCoach = teamCoach
        self.pilots = pilots
        inScopeCount = inScope
        recommendation = PilotCount.recommend(plan)
        self.organisationLatest = organisationLatest ?? Self.organisationLatest(plan.signals)
    }

    /// The organisation-wide rating of every rated dimension: its latest unstruck signal (of equal
    /// times, the later in the list).
    public static func organisationLatest(_ signals: [ReadinessSignal]) -> [DimensionKey: ReadinessSignal] {
        var latest: [DimensionKey: ReadinessSignal] = [:]
        for signal in signals where signal.team == nil && signal.struck == nil {
            if let current = latest[signal.dimension], current.recordedAt > signal.recordedAt { continue }
            latest[signal.dimension] = signal
        }
        return latest
    }

    static func index<Tag>(_ ids: [Ref<Tag>]) -> [Ref<Tag>: Int] {
        var index: [Ref<Tag>: Int] = [:]
        index.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() where index[id] == nil { index[id] = i }
        return index
    }

    /// The pilot teams, in plan order.
    public var pilotTeams: [Team] { pilots.map { plan.teams[$0] } }
    func coach(_ id: CoachID) -> Coach? { coachIndex[id].map { plan.coaches[$0] } }
    func blocker(_ id: BlockerID) -> Blocker? { blockerIndex[id].map { plan.blockers[$0] } }
    func dimensionName(_ key: DimensionKey) -> String { dimensionNames[key] ?? key }
    /// Waves in planned order.
    var orderedWaves: [Wave] { waveOrder.map { plan.waves[$0] } }
    /// Known, distinct teams of the wave at `w` in `plan.waves`.
    func teams(ofWave w: Int) -> [Team] { members[w].map { plan.teams[$0] } }
    /// Whether the team at `t` is planned (a pilot or in a wave), and its wave's order.
    func order(ofTeam t: Int) -> Int? {
        let p = placement[t]
        return p >= 0 ? plan.waves[p].order : p == Self.pilotWithoutWave ? 0 : nil
    }
    /// The name of the team's earliest wave, or "pilots" for a pilot in no wave.
    func waveName(ofTeam t: Int) -> String {
        placement[t] >= 0 ? plan.waves[placement[t]].name : "pilots"
    }
}

/// Checks a whole plan against DOMAIN.md and reports what a facilitator should look at.
/// Every check is O(teams + signals + notes + wave members) given a ``CheckContext``.
public enum PlanChecks {
    /// Every check, most severe first, then by code.
    public static func run(_ plan: Plan, today: Day) -> [Finding] {
        run(CheckContext(plan: plan, today: today))
    }

    /// Every check against an already built context.
    public static func run(_ context: CheckContext) -> [Finding] {
        Finding.ordered(all.flatMap { $0(context) })
    }

    /// The checks in the order they run.
    public static let all: [@Sendable (CheckContext) -> [Finding]] = [
        tooManyPilots, noPilotYet, pilotWaveMismatch, pilotFlags, pilotOutcomes, coachCapacity, coachOverlap, seededCoachTooEarly,
        everyoneAtOnce, waveDates,
        entryBlockers, entryReadiness, dependencies, unansweredResistance, preconditions,
        narrowTransformation, overdueFollowUps, gatesOnRetiredDimensions, followUpsBeforeNotes, ratingsWithoutRater,
        mergeConflicts,
    ]

    // MARK: Pilots (DOMAIN.md §1–3)

    /// `tooManyPilots` (warning): more pilots than the organisation's size recommends.
    public static func tooManyPilots(_ c: CheckContext) -> [Finding] {
        let rec = c.recommendation
        guard c.pilots.count > rec.range.upperBound else { return [] }
        let inferred = rec.inferred ? " (inferred from \(Words.count(rec.teamCount, "team")))" : ""
        return [Finding(
            code: "tooManyPilots", severity: .warning,
            message: "\(Words.count(c.pilots.count, "pilot")) chosen; a \(rec.size.label) organisation"
                + "\(inferred) should start with \(rec.rangeText)",
            concerns: c.pilots.map { c.plan.teams[$0].id.raw }, guidance: rec.guidance)]
    }

    /// `noPilotYet` (info): candidates exist but no pilot is chosen; names the top-ranked candidate.
    public static func noPilotYet(_ c: CheckContext) -> [Finding] {
        guard c.pilots.isEmpty else { return [] }
        let scoring = Scoring(plan: c.plan)
        var count = 0
        var best: PilotScore?
        for team in c.plan.teams where team.status == .candidate {
            count += 1
            let score = scoring.score(team)
            if best.map({ Scoring.precedes(score, $0) }) ?? true { best = score }
        }
        guard let best else { return [] }
        return [Finding(
            code: "noPilotYet", severity: .info,
            message: "No pilot chosen yet among \(Words.count(count, "candidate")); top-ranked: "
                + "\(best.teamName) (\(best.summary))",
            concerns: [best.team.raw],
            guidance: "Choose \(c.recommendation.rangeText) bright "
                + (c.recommendation.range.upperBound == 1 ? "spot" : "spots") + ": teams likely to succeed visibly "
                + "(familiar, eager to learn, cross-functional, close to customers, early stage, small).")]
    }

    /// `pilotWaveMismatch` (warning): the two marks of a pilot disagree — a team has status `pilot` but
    /// is not in the pilot wave (the plan has an order-0 wave), or sits in the pilot wave with another
    /// status. Choosing a pilot in pilotwave keeps them together; a file edited by hand may not.
    public static func pilotWaveMismatch(_ c: CheckContext) -> [Finding] {
        guard let wave = PilotCount.pilotWave(c.plan) else { return [] }
        let members = PilotCount.pilotWaveMembers(c.plan)
        let guidance = "A pilot is a team chosen as pilot and placed in the pilot wave (order 0); every "
            + "view counts it as a pilot either way. Choose it again with p in the Pilots view, or move it "
            + "on the Waves board, so that its status and its wave agree."
        return c.pilots.compactMap { t in
            let team = c.plan.teams[t]
            let inWave = members.contains(team.id)
            if team.status == .pilot, !inWave {
                return Finding(
                    code: "pilotWaveMismatch", severity: .warning,
                    message: "\(team.name) has status pilot but is not in the pilot wave \(Words.quote(wave.name))",
                    concerns: [team.id.raw, wave.id.raw], guidance: guidance)
            }
            if team.status != .pilot, inWave {
                return Finding(
                    code: "pilotWaveMismatch", severity: .warning,
                    message: "\(team.name) is in the pilot wave but has status \(team.status.label)",
                    concerns: [team.id.raw], guidance: guidance)
            }
            return nil
        }
    }

    /// `pilotFlagged` (warning): a pilot carries hard flags (not cross-functional, late stage, …).
    public static func pilotFlags(_ c: CheckContext) -> [Finding] {
        c.pilotTeams.compactMap { team in
            let flags = HardFlag.flags(team, settings: c.plan.settings)
            guard !flags.isEmpty else { return nil }
            return Finding(
                code: "pilotFlagged", severity: .warning,
                message: "Pilot \(team.name): " + flags.map(\.label).joined(separator: "; "),
                concerns: [team.id.raw], guidance: flags.map(\.guidance).joined(separator: " "))
        }
    }

    /// Per pilot: `pilotNoOutcome` (warning), `outcomeIsOutput` (warning), `outcomeIncomplete`
    /// (warning: no statement, metric or target), `outcomeNoBaseline` (info).
    public static func pilotOutcomes(_ c: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for team in c.pilotTeams {
            let concerns = [team.id.raw]
            guard let outcome = team.outcome, !outcome.isEmpty else {
                findings.append(Finding(
                    code: "pilotNoOutcome", severity: .warning, message: "Pilot \(team.name) has no outcome",
                    concerns: concerns, guidance: outcomeGuidance))
                continue
            }
            if let reading = OutcomeCheck.assess(outcome.statement) {
                findings.append(Finding(
                    code: "outcomeIsOutput", severity: .warning,
                    message: "Pilot \(team.name)'s outcome is worded as an output (\(reading.label)): "
                        + Words.quote(outcome.statement),
                    concerns: concerns,
                    guidance: reading.reason + " " + OutcomeCheck.outcomeDefinition
                        + " Leaders manage by outcomes, not outputs."))
            }
            let missing = [("statement", outcome.statement), ("metric", outcome.metric), ("target", outcome.target)]
                .filter { $0.1.trimmingWhitespace().isEmpty }.map(\.0)
            if !missing.isEmpty {
                findings.append(Finding(
                    code: "outcomeIncomplete", severity: .warning,
                    message: "Pilot \(team.name)'s outcome has no " + Words.list(missing, conjunction: "or"),
                    concerns: concerns, guidance: outcomeGuidance))
            } else if outcome.baseline.trimmingWhitespace().isEmpty {
                findings.append(Finding(
                    code: "outcomeNoBaseline", severity: .info,
                    message: "Pilot \(team.name)'s outcome has no baseline for \(outcome.metric.trimmingWhitespace())",
                    concerns: concerns,
                    guidance: "Without a baseline the team cannot show the change it made; record today's value."))
            }
        }
        return findings
    }

    static let outcomeGuidance =
        "Each pilot needs a clear outcome agreed with its leaders: a change in customer or business "
        + "behaviour with a metric, a baseline and a target."
}
