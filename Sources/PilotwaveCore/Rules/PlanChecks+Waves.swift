// Wave checks (DOMAIN.md §1 and §6): coach capacity, big-bang waves, entry criteria, dependencies.
extension PlanChecks {
    static let coachGuidance =
        "Each wave pairs newer teams with experienced coaches, and a coach can support only so many "
        + "teams at once; coach capacity bounds a wave's size. Teams of earlier waves can seed new coaches."

    /// Per wave not done: `waveTeamsWithoutCoach` (warning) and `coachOverCapacity` (warning, per coach).
    public static func coachCapacity(_ c: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for w in c.waveOrder where c.plan.waves[w].status != .done {
            let wave = c.plan.waves[w]
            let (loads, uncoached) = coachLoads(w, c)
            if !uncoached.isEmpty {
                findings.append(Finding(
                    code: "waveTeamsWithoutCoach", severity: .warning,
                    message: "\(wave.name) has \(Words.count(uncoached.count, "team")) without a coach: "
                        + Words.short(uncoached.map { c.plan.teams[$0].name }),
                    concerns: [wave.id.raw] + uncoached.map { c.plan.teams[$0].id.raw }, guidance: coachGuidance))
            }
            for (k, carried) in loads where carried.count > c.plan.coaches[k].capacity {
                let coach = c.plan.coaches[k]
                findings.append(Finding(
                    code: "coachOverCapacity", severity: .warning,
                    message: "\(coach.name) coaches \(carried.count) teams in \(wave.name); capacity \(coach.capacity)",
                    concerns: [wave.id.raw, coach.id.raw] + carried.map { c.plan.teams[$0].id.raw },
                    guidance: coachGuidance))
            }
        }
        return findings
    }

    /// For the wave at `w`: its teams per known coach (coaches in plan order), and its teams without
    /// a known coach.
    static func coachLoads(_ w: Int, _ c: CheckContext) -> (loads: [(Int, [Int])], uncoached: [Int]) {
        var byCoach = [[Int]](repeating: [], count: c.plan.coaches.count)
        var uncoached: [Int] = []
        for t in c.members[w] {
            let k = Int(c.teamCoach[t])
            if k >= 0 { byCoach[k].append(t) } else { uncoached.append(t) }
        }
        return (byCoach.indices.filter { !byCoach[$0].isEmpty }.map { ($0, byCoach[$0]) }, uncoached)
    }

    /// `coachOverlap` (warning): a coach carries more teams than their capacity across waves that run
    /// at the same time. Active waves run from `start` (or always) to `end` (or for ever); planned waves
    /// count only once they have a start date; done waves are ignored. Reports each coach's peak once,
    /// and only when two or more waves make it up (one wave alone is `coachOverCapacity`).
    public static func coachOverlap(_ c: CheckContext) -> [Finding] {
        // The same rule as the board's load per coach: ``WavePlanning/CoachLoads``.
        let loads = WavePlanning.CoachLoads(c.plan)
        var position = [Int](repeating: 0, count: c.plan.waves.count)
        for (i, w) in c.waveOrder.enumerated() { position[w] = i }
        var peaks: [Int: (total: Int, waves: [Wave])] = [:]
        for w in c.waveOrder where loads.spans[w] != nil {
            for k in loads.counts[w].keys {
                let peak = loads.peak(coach: k, during: w)
                guard peak.waves.count > 1, peak.total > c.plan.coaches[k].capacity else { continue }
                if let best = peaks[k], best.total >= peak.total { continue }
                peaks[k] = (peak.total, peak.waves.sorted { position[$0] < position[$1] }.map { c.plan.waves[$0] })
            }
        }
        return peaks.keys.sorted().map { k in
            let coach = c.plan.coaches[k]
            let peak = peaks[k]!
            return Finding(
                code: "coachOverlap", severity: .warning,
                message: "\(coach.name) coaches \(peak.total) teams across overlapping waves "
                    + "\(Words.list(peak.waves.map(\.name))); capacity \(coach.capacity)",
                concerns: [coach.id.raw] + peak.waves.map(\.id.raw), guidance: coachGuidance)
        }
    }

    /// `seededCoachTooEarly` (warning): a seeded coach carries teams of a wave they are not free for
    /// (``WavePlanning/availability(_:wave:order:start:)``, the rule the board uses): their own wave, a
    /// wave that starts before their own wave ends, or — without those dates — a wave of the same or
    /// an earlier order; or they are seeded from a team in no wave and carry any (a pilot outside any
    /// wave counts as order 0). Done waves are ignored. One finding per coach.
    public static func seededCoachTooEarly(_ c: CheckContext) -> [Finding] {
        // Seeded coaches by id: their position in `plan.coaches`, the seeding team's position, the seed.
        var seeds: [CoachID: (coach: Int, team: Int, seed: WavePlanning.Seed)] = [:]
        for (k, coach) in c.plan.coaches.enumerated() {
            guard let id = coach.seededFrom, let t = c.teamIndex[id], c.coachIndex[coach.id] == k else { continue }
            let p = c.placement[t]
            seeds[coach.id] = (k, t, WavePlanning.Seed(team: c.plan.teams[t], wave: p >= 0 ? c.plan.waves[p] : nil))
        }
        guard !seeds.isEmpty else { return [] }
        // Per coach: the teams carried too early, and whether only the dates make each so.
        var early: [Int: [(team: Int, from: Day?)]] = [:]
        for (t, team) in c.plan.teams.enumerated() {
            guard let id = team.coach, let seed = seeds[id], let order = c.order(ofTeam: t) else { continue }
            let p = c.placement[t]
            let wave = p >= 0 ? c.plan.waves[p] : nil
            if wave?.status == .done { continue }
            let free = WavePlanning.availability(seed.seed, wave: wave?.id, order: order, start: wave?.start)
            if !free.free { early[seed.coach, default: []].append((t, free.from)) }
        }
        return early.keys.sorted().map { k in
            let coach = c.plan.coaches[k]
            let seed = seeds[coach.id]!
            let teams = early[k]!
            let seedName = c.plan.teams[seed.team].name
            let ownWave = c.waveName(ofTeam: seed.team)
            let carried = Words.short(teams.map { "\(c.plan.teams[$0.team].name) (\(c.waveName(ofTeam: $0.team)))" })
            // The waves of a later order that start before the coach's own wave ends.
            var dated: [Int] = []
            for t in teams where t.from != nil && !dated.contains(c.placement[t.team]) { dated.append(c.placement[t.team]) }
            let starts = dated.map { "\(c.plan.waves[$0].name) (\(c.plan.waves[$0].start!))" }
            let ends = dated.isEmpty ? "" : ", which ends \(seed.seed.end!), after "
                + Words.list(starts) + (dated.count == 1 ? " starts" : " start")
            let message: String
            if case .seedUnplanned = seed.seed.seeding {
                message = "\(coach.name) is seeded from \(seedName), which is in no wave, yet coaches \(carried)"
            } else {
                message = "\(coach.name), seeded from \(seedName) (\(ownWave)), coaches \(carried); "
                    + "a seeded coach is free only for the waves after \(ownWave)\(ends)"
            }
            var concerns = [coach.id.raw, c.plan.teams[seed.team].id.raw]
            for t in teams where t.team != seed.team { concerns.append(c.plan.teams[t.team].id.raw) }
            return Finding(
                code: "seededCoachTooEarly", severity: .warning, message: message, concerns: concerns,
                guidance: "Teams of earlier waves seed coaches for later ones: a member becomes a coach once "
                    + "their own wave has shown the way, and is free only for the waves after it. Until then "
                    + "their team needs them, and they have little yet to pass on.")
        }
    }

    /// `everyoneAtOnce` (critical): a wave not done holds more than `maxWaveSharePercent` of the
    /// in-scope teams (and at least two teams).
    public static func everyoneAtOnce(_ c: CheckContext) -> [Finding] {
        let total = c.inScopeCount
        let limit = c.plan.settings.maxWaveSharePercent
        return c.waveOrder.compactMap { w in
            let wave = c.plan.waves[w]
            guard wave.status != .done else { return nil }
            let n = c.members[w].count { c.plan.teams[$0].status != .outOfScope }
            guard n >= 2, n * 100 > limit * total else { return nil }
            return Finding(
                code: "everyoneAtOnce", severity: .critical,
                message: "\(wave.name) holds \(n) of \(total) in-scope teams (\(n * 100 / total)%); "
                    + "more than \(limit)% at once is a big bang",
                concerns: [wave.id.raw],
                guidance: "Rolling out to everyone at once is the commonest failure: training everybody "
                    + "together breeds confusion and resistance and swamps the coaches. Split it into waves.")
        }
    }

    /// Whether a wave counts as starting: active, or planned with a start date on or before today.
    static func isStarting(_ wave: Wave, today: Day) -> Bool {
        wave.status == .active || (wave.status == .planned && wave.start.map { $0 <= today } ?? false)
    }

    static func startPhrase(_ wave: Wave) -> String {
        wave.status == .active ? "is active" : "was due to start \(wave.start.map(\.description) ?? "")"
    }

    /// `entryBlockersOpen` for starting waves with unresolved entry blockers: critical when one is
    /// untouched (open), warning when all are in progress.
    public static func entryBlockers(_ c: CheckContext) -> [Finding] {
        c.orderedWaves.compactMap { wave in
            guard isStarting(wave, today: c.today) else { return nil }
            let unresolved = wave.entry.blockers.compactMap(c.blocker).filter { $0.status != .resolved }
            guard !unresolved.isEmpty else { return nil }
            let untouched = unresolved.contains { $0.status == .open }
            return Finding(
                code: "entryBlockersOpen", severity: untouched ? .critical : .warning,
                message: "\(wave.name) \(startPhrase(wave)) with \(Words.count(unresolved.count, "entry blocker"))"
                    + " unresolved: " + Words.short(unresolved.map { "\($0.title) (\($0.status.label))" }),
                concerns: [wave.id.raw] + unresolved.map(\.id.raw),
                guidance: "Later waves come only after the systemic blockers the pilots surfaced are fixed: "
                    + "outcome-based planning and funding, customer access, coaching and decision rights.")
        }
    }

    /// `entryReadinessUnmet` (warning): a starting wave whose readiness thresholds are not met by the
    /// organisation's latest unstruck ratings (unrated counts as not met).
    public static func entryReadiness(_ c: CheckContext) -> [Finding] {
        c.orderedWaves.compactMap { wave in
            guard isStarting(wave, today: c.today) else { return nil }
            var gaps: [String] = []
            var concerns = [wave.id.raw]
            for threshold in wave.entry.readiness {
                let name = c.dimensionName(threshold.dimension)
                if let signal = c.organisationLatest[threshold.dimension] {
                    guard signal.rating < threshold.minimum else { continue }
                    gaps.append("\(name) \(signal.rating)/5 (needs \(threshold.minimum))")
                    concerns.append(signal.id.raw)
                } else {
                    gaps.append("\(name) unrated (needs \(threshold.minimum))")
                }
            }
            guard !gaps.isEmpty else { return nil }
            return Finding(
                code: "entryReadinessUnmet", severity: .warning,
                message: "\(wave.name) \(startPhrase(wave)) below its readiness thresholds: " + Words.list(gaps),
                concerns: concerns,
                guidance: "A wave's entry criteria include readiness thresholds; starting below them "
                    + "spreads the change faster than the organisation can hold it.")
        }
    }

    /// `dependsOnLaterWave` (warning): a planned team depends on a team of a later wave;
    /// `dependsOnUnplannedTeam` (info): on an in-scope team in no wave. One finding per team and kind.
    public static func dependencies(_ c: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        let guidance = "A team that waits on a team still working the old way cannot own its outcome; "
            + "plan the teams it depends on in the same or an earlier wave."
        for t in c.plan.teams.indices where !c.plan.teams[t].dependsOn.isEmpty {
            let team = c.plan.teams[t]
            guard let order = c.order(ofTeam: t) else { continue }
            var later: [Int] = []
            var unplanned: [Int] = []
            for id in team.dependsOn {
                guard let d = c.teamIndex[id], c.plan.teams[d].status != .outOfScope else { continue }
                if let depOrder = c.order(ofTeam: d) {
                    if depOrder > order { later.append(d) }
                } else {
                    unplanned.append(d)
                }
            }
            let name = "\(team.name) (\(c.waveName(ofTeam: t)))"
            if !later.isEmpty {
                findings.append(Finding(
                    code: "dependsOnLaterWave", severity: .warning,
                    message: "\(name) depends on "
                        + Words.list(later.map { "\(c.plan.teams[$0].name) (\(c.waveName(ofTeam: $0)))" })
                        + (later.count == 1 ? ", which comes later" : ", which come later"),
                    concerns: [team.id.raw] + later.map { c.plan.teams[$0].id.raw }, guidance: guidance))
            }
            if !unplanned.isEmpty {
                findings.append(Finding(
                    code: "dependsOnUnplannedTeam", severity: .info,
                    message: "\(name) depends on \(Words.list(unplanned.map { c.plan.teams[$0].name })), "
                        + (unplanned.count == 1 ? "which is in no wave" : "which are in no wave"),
                    concerns: [team.id.raw] + unplanned.map { c.plan.teams[$0].id.raw }, guidance: guidance))
            }
        }
        return findings
    }
}
