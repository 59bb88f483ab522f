import Foundation

/// Alternative wave plans (DOMAIN.md §6): duplicate the current one as a named scenario, edit it,
/// compare two side by side, adopt one as the plan (a decision).
///
/// A scenario is edited through a *view plan*: `apply(scenario, to: plan)` gives the plan as the
/// scenario would make it; ordinary edits (moving teams, editing waves, assigning coaches) are applied
/// to that, and `capture(from:into:)` takes the waves and coaches back out for an `.updateScenario`.
public enum Scenarios {
    // MARK: Making, applying, capturing

    /// The plan's current wave plan as a scenario: its waves, and the coach of every team in them.
    public static func snapshot(of plan: Plan, id: ScenarioID, name: String, note: String = "",
                                at: Date) -> Scenario {
        Scenario(id: id, name: name, note: note, createdAt: at, waves: plan.waves, assignments: assignments(in: plan))
    }

    /// The coach of every team in the plan's waves that has one, in the plan's team order.
    static func assignments(in plan: Plan) -> [CoachAssignment] {
        var placed = Set<TeamID>()
        for wave in plan.waves { placed.formUnion(wave.teams) }
        guard !placed.isEmpty else { return [] }
        return plan.teams.compactMap { team in
            guard let coach = team.coach, placed.contains(team.id) else { return nil }
            return CoachAssignment(team: team.id, coach: coach)
        }
    }

    /// The plan as the scenario would make it: its waves replace the plan's; the teams it places get
    /// their coach from its assignments (none without one) and the status `PlanEdit.moveTeam` gives
    /// (pilot in the order-0 wave, `inWave` in another); a pilot or `inWave` team the plan has in a
    /// wave and the scenario does not becomes a candidate. Other teams are left as they are, so a
    /// pilot chosen outside any wave stays a pilot.
    ///
    /// Ids the plan no longer has (teams, coaches, blockers deleted since) are ignored; a team placed
    /// twice counts in its earliest wave; out-of-scope teams are left out of the waves (a team
    /// declared out of scope after the scenario was made stays out of scope).
    public static func apply(_ scenario: Scenario, to plan: Plan) -> Plan {
        var result = plan
        place(scenario.waves, scenario.assignments, in: &result)
        return result
    }

    /// The scenario with the waves and coach assignments of `viewPlan` (a plan made with
    /// ``apply(_:to:)`` and then edited); its id, name, note and date are kept.
    public static func capture(from viewPlan: Plan, into scenario: Scenario) -> Scenario {
        var result = scenario
        result.waves = viewPlan.waves
        result.assignments = assignments(in: viewPlan)
        return result
    }

    /// ``apply(_:to:)`` in place; also what `PlanEdit.setWavePlan` does once it has checked the ids.
    static func place(_ scenarioWaves: [Wave], _ assignments: [CoachAssignment], in plan: inout Plan) {
        let n = plan.teams.count
        var teamIndex = [TeamID: Int](minimumCapacity: n)
        for (i, team) in plan.teams.enumerated() where teamIndex[team.id] == nil { teamIndex[team.id] = i }
        var wasPlaced = [Bool](repeating: false, count: n)
        for wave in plan.waves {
            for id in wave.teams { if let t = teamIndex[id] { wasPlaced[t] = true } }
        }
        let blockers = Set(plan.blockers.map(\.id))
        let coaches = Set(plan.coaches.map(\.id))

        // The scenario's waves, keeping each known, in-scope team once (in its earliest wave).
        var waves = scenarioWaves
        var placedIn = [Int?](repeating: nil, count: n)
        let order = waves.indices.sorted { (waves[$0].order, waves[$0].name, $0) < (waves[$1].order, waves[$1].name, $1) }
        for w in order {
            let waveOrder = waves[w].order
            waves[w].teams.removeAll { id in
                guard let t = teamIndex[id], plan.teams[t].status != .outOfScope, placedIn[t] == nil else { return true }
                placedIn[t] = waveOrder
                return false
            }
            waves[w].entry.blockers.removeAll { !blockers.contains($0) }
        }
        plan.waves = waves

        var coachOf: [TeamID: CoachID] = [:]
        for a in assignments where coaches.contains(a.coach) && coachOf[a.team] == nil { coachOf[a.team] = a.coach }
        for t in 0..<n {
            let team = plan.teams[t]
            if let waveOrder = placedIn[t] {
                let status: TeamStatus = waveOrder == 0 ? .pilot : .inWave
                let coach = coachOf[team.id]
                if team.status != status {
                    plan.teams[t].status = status
                    plan.teams[t].outOfScopeReason = nil
                }
                if team.coach != coach { plan.teams[t].coach = coach }
            } else if wasPlaced[t], team.status == .pilot || team.status == .inWave {
                plan.teams[t].status = .candidate
                plan.teams[t].outOfScopeReason = nil
            }
        }
    }

    // MARK: Adopting

    /// The edit that adopts `scenario` as the plan, in one step (one undo): the current wave plan is
    /// first kept as a scenario "Before adopting …" (id `keepCurrentAs`), then the plan's waves, team
    /// coaches and statuses become those of ``apply(_:to:)``, and the decision is logged with what
    /// changes (concerning the scenario).
    public static func adopt(_ scenario: Scenario, plan: Plan, decisionID: DecisionID, by: String, at: Date,
                             keepCurrentAs: ScenarioID, reason: String = "") -> PlanEdit {
        let target = apply(scenario, to: plan)
        let kept = snapshot(of: plan, id: keepCurrentAs, name: "Before adopting \(scenario.name)", at: at)
        let text = "Adopt scenario \(scenario.name): " + summary(from: plan, to: target)
            + "; the plan before is kept as scenario \"\(kept.name)\""
            + (reason.isEmpty ? "" : " — \(reason)")
        return .batch("Adopt scenario \(scenario.name)", [
            .addScenario(kept),
            // The waves as applied: without ids deleted since or out-of-scope teams.
            .setWavePlan(target.waves, assignments: assignments(in: target)),
            .recordDecision(Decision(id: decisionID, text: text, kind: .decision, decidedBy: by, at: at,
                                     concerns: [scenario.id.raw])),
        ])
    }

    /// What adopting changes, in words: "2 waves instead of 3; 6 teams change wave (Motor Claims to
    /// Wave 1, …); 2 coach changes; 3 teams left on the project model instead of 5".
    static func summary(from plan: Plan, to target: Plan) -> String {
        let c = compare(plan, target, quarters: [])
        var parts: [String] = []
        let before = plan.waves.count, after = target.waves.count
        if before != after { parts.append("\(Words.count(after, "wave")) instead of \(before)") }
        if !c.moves.isEmpty {
            let moves = c.moves.map { "\($0.name) to \($0.to?.name ?? "no wave")" }
            parts.append("\(Words.count(c.moves.count, "team")) \(c.moves.count == 1 ? "changes" : "change") wave ("
                         + Words.short(moves) + ")")
        }
        let redated = c.waves.filter(\.datesChanged).compactMap { row in row.b.map { "\($0.name) \($0.dates)" } }
        if !redated.isEmpty { parts.append("new dates for " + Words.short(redated)) }
        var coachChanges = 0
        for (old, new) in zip(plan.teams, target.teams) where old.coach != new.coach { coachChanges += 1 }
        if coachChanges > 0 { parts.append(Words.count(coachChanges, "coach change")) }
        if c.leftA.count != c.leftB.count {
            parts.append("\(Words.count(c.leftB.count, "team")) left on the project model instead of \(c.leftA.count)")
        }
        return parts.isEmpty ? "the waves stay as they are" : parts.joined(separator: "; ")
    }

    // MARK: Comparing

    /// `a` and `b` side by side (pass `apply(scenario, to: plan)` for a scenario, or the plan itself
    /// for the current plan): team counts per wave position, coach load per quarter (over `quarters`;
    /// by default those covering both plans' wave dates), the entry blockers each depends on, the
    /// teams left on the project model, and the teams that sit in another wave in `b` than in `a`.
    /// One pass over the teams per side.
    public static func compare(_ a: Plan, _ b: Plan, quarters: [Quarter]? = nil) -> ScenarioComparison {
        let sideA = Side(a), sideB = Side(b)
        let quarters = quarters ?? WaveTimeline.quarters(covering: [a, b])

        // Waves by position in planned order.
        var waves: [ScenarioComparison.WaveRow] = []
        for i in 0..<max(sideA.ordered.count, sideB.ordered.count) {
            waves.append(ScenarioComparison.WaveRow(position: i, a: sideA.waveSide(i), b: sideB.waveSide(i)))
        }

        // Coach load per quarter.
        let loadA = WaveTimeline.coachLoad(a, quarters), loadB = WaveTimeline.coachLoad(b, quarters)
        let load = quarters.indices.map { ScenarioComparison.LoadRow(quarter: quarters[$0], a: loadA[$0], b: loadB[$0]) }

        // Entry blockers of the waves not done, in b's blocker order, then a's.
        var blockers: [ScenarioComparison.BlockerRow] = []
        var row: [BlockerID: Int] = [:]
        for (plan, side, isA) in [(b, sideB, false), (a, sideA, true)] {
            for blocker in plan.blockers where side.entryBlockers.contains(blocker.id) {
                if row[blocker.id] == nil {
                    row[blocker.id] = blockers.count
                    blockers.append(ScenarioComparison.BlockerRow(blocker: blocker.id, title: blocker.title,
                                                                  status: blocker.status, inA: false, inB: false))
                }
                if isA { blockers[row[blocker.id]!].inA = true } else { blockers[row[blocker.id]!].inB = true }
            }
        }

        // Teams in another wave in b than in a, in b's team order.
        var placementA: [TeamID: WaveID] = [:]
        placementA.reserveCapacity(sideA.placedCount)
        for (t, team) in a.teams.enumerated() { if let w = sideA.waveOfTeam[t] { placementA[team.id] = a.waves[w].id } }
        var moves: [ScenarioComparison.Move] = []
        for (t, team) in b.teams.enumerated() {
            let to = sideB.waveOfTeam[t].map { b.waves[$0] }
            let fromID = placementA[team.id]
            guard fromID != to?.id else { continue }
            let from = fromID.flatMap { id in sideA.waveByID[id].map { a.waves[$0] } }
            moves.append(ScenarioComparison.Move(team: team.id, name: team.name, from: from.map(ScenarioComparison.WaveRef.init),
                                                 to: to.map(ScenarioComparison.WaveRef.init)))
        }

        return ScenarioComparison(waves: waves, load: load, blockers: blockers, leftA: sideA.left, leftB: sideB.left,
                                  moves: moves)
    }

    /// One side of a comparison, indexed once.
    private struct Side {
        /// Positions in `plan.waves`, in planned order.
        var ordered: [Int]
        var waves: [Wave]
        /// Per team (as in `plan.teams`): the earliest wave (position in `plan.waves`) holding it.
        var waveOfTeam: [Int?]
        var placedCount = 0
        /// Known, distinct teams per wave (as in `plan.waves`).
        var counts: [Int]
        var waveByID: [WaveID: Int] = [:]
        var entryBlockers = Set<BlockerID>()
        var left = ScenarioComparison.ProjectModel(count: 0, names: [])

        init(_ plan: Plan) {
            waves = plan.waves
            ordered = plan.waves.indices.sorted {
                (plan.waves[$0].order, plan.waves[$0].name, $0) < (plan.waves[$1].order, plan.waves[$1].name, $1)
            }
            var teamIndex = [TeamID: Int](minimumCapacity: plan.teams.count)
            for (i, team) in plan.teams.enumerated() where teamIndex[team.id] == nil { teamIndex[team.id] = i }
            waveOfTeam = [Int?](repeating: nil, count: plan.teams.count)
            counts = [Int](repeating: 0, count: plan.waves.count)
            for w in ordered {
                let wave = plan.waves[w]
                if waveByID[wave.id] == nil { waveByID[wave.id] = w }
                if wave.status != .done { entryBlockers.formUnion(wave.entry.blockers) }
                for id in wave.teams {
                    guard let t = teamIndex[id], waveOfTeam[t] == nil else { continue }
                    waveOfTeam[t] = w
                    counts[w] += 1
                    placedCount += 1
                }
            }
            for (t, team) in plan.teams.enumerated()
            where waveOfTeam[t] == nil && team.status != .outOfScope && team.status != .pilot {
                left.count += 1
                if left.names.count < ScenarioComparison.ProjectModel.nameLimit { left.names.append(team.name) }
            }
        }

        func waveSide(_ position: Int) -> ScenarioComparison.WaveSide? {
            guard position < ordered.count else { return nil }
            let w = ordered[position]
            return ScenarioComparison.WaveSide(wave: waves[w].id, name: waves[w].name, order: waves[w].order,
                                               teams: counts[w], start: waves[w].start, end: waves[w].end)
        }
    }
}

/// Two wave plans side by side (``Scenarios/compare(_:_:quarters:)``): `a` on the left, `b` on the right.
public struct ScenarioComparison: Hashable, Sendable {
    /// A wave on one side.
    public struct WaveSide: Hashable, Sendable {
        public var wave: WaveID
        public var name: String
        public var order: Int
        /// Its known, distinct teams.
        public var teams: Int
        public var start: Day?
        public var end: Day?
        /// "2026-04-13 – 2026-09-25", "from 2026-04-13", "to …", or "no dates".
        public var dates: String {
            switch (start, end) {
            case let (s?, e?): "\(s) – \(e)"
            case let (s?, nil): "from \(s)"
            case let (nil, e?): "to \(e)"
            case (nil, nil): "no dates"
            }
        }
    }

    /// The waves at one position in planned order (the first row holds both sides' pilots).
    public struct WaveRow: Hashable, Sendable {
        public var position: Int
        /// nil when that side has fewer waves.
        public var a: WaveSide?
        public var b: WaveSide?
        /// Teams in b's wave minus teams in a's.
        public var change: Int { (b?.teams ?? 0) - (a?.teams ?? 0) }
        /// Both sides have the same wave here, with other start or end dates.
        public var datesChanged: Bool {
            guard let a, let b, a.wave == b.wave else { return false }
            return a.start != b.start || a.end != b.end
        }
    }

    /// Coach load in one quarter on each side.
    public struct LoadRow: Hashable, Sendable {
        public var quarter: Quarter
        public var a: WaveTimeline.QuarterLoad
        public var b: WaveTimeline.QuarterLoad
    }

    /// An entry blocker of a wave not done, on one side or both, with its status.
    public struct BlockerRow: Hashable, Sendable {
        public var blocker: BlockerID
        public var title: String
        public var status: BlockerStatus
        public var inA: Bool
        public var inB: Bool
    }

    /// In-scope teams in no wave that are not pilots: still working the project way.
    public struct ProjectModel: Hashable, Sendable {
        public static let nameLimit = 5
        public var count: Int
        /// The first ``nameLimit`` of them, in the plan's team order.
        public var names: [String]
    }

    public struct WaveRef: Hashable, Sendable {
        public var wave: WaveID
        public var name: String
        public var order: Int
        init(_ wave: Wave) {
            self.wave = wave.id
            name = wave.name
            order = wave.order
        }
    }

    /// A team in another wave in b than in a (nil: in no wave).
    public struct Move: Hashable, Sendable {
        public var team: TeamID
        public var name: String
        public var from: WaveRef?
        public var to: WaveRef?
    }

    public var waves: [WaveRow]
    public var load: [LoadRow]
    public var blockers: [BlockerRow]
    public var leftA: ProjectModel
    public var leftB: ProjectModel
    /// In b's team order.
    public var moves: [Move]

    /// Quarters in which some coach is over capacity, on each side.
    public var overloadedQuartersA: [Quarter] { load.filter(\.a.isOver).map(\.quarter) }
    public var overloadedQuartersB: [Quarter] { load.filter(\.b.isOver).map(\.quarter) }
}
