import Foundation

extension PlanMerge.Repair {
    mutating func repairNotes(_ plan: inout Plan, teams: Set<TeamID>, stakeholders: Set<StakeholderID>,
                              workshops: Set<WorkshopID>) {
        plan.resistance = plan.resistance.compactMap { n in
            var n = n
            if n.team != nil, n.stakeholder != nil {
                // Each side moved the note to a different source: OURS' stays.
                let mine = ours.resistance.first { $0.id == n.id }
                if mine?.team != nil { n.stakeholder = nil } else { n.team = nil }
            }
            if let team = n.team, !teams.contains(team) {
                dropped(n, because: teamGone(team), baseList: base.resistance)
                return nil
            }
            if let s = n.stakeholder, !stakeholders.contains(s) {
                dropped(n, because: named("stakeholder", s.raw, \.stakeholders), baseList: base.resistance)
                return nil
            }
            if let w = n.workshop, !workshops.contains(w) {
                trimmed(n, "workshop", from: w, to: nil as WorkshopID?, because: named("workshop", w.raw, \.workshops),
                        baseList: base.resistance)
                n.workshop = nil
            }
            return n
        }
    }

    mutating func repairWaves(_ plan: inout Plan, teams: Set<TeamID>, blockers: Set<BlockerID>, dimensions: Set<DimensionKey>) {
        for w in plan.waves.indices {
            let wave = plan.waves[w]
            if wave.teams.contains(where: { !teams.contains($0) }) {
                plan.waves[w].teams = wave.teams.filter { teams.contains($0) }
                trimmed(wave, "teams", from: wave.teams, to: plan.waves[w].teams,
                        because: wave.teams.filter { !teams.contains($0) }.map(teamGone).joined(separator: ", "),
                        baseList: base.waves)
            }
            let entry = fixEntry(wave.entry, blockers: blockers, dimensions: dimensions)
            if entry.entry != wave.entry {
                plan.waves[w].entry = entry.entry
                trimmed(wave, "entry", from: wave.entry, to: entry.entry, because: entry.why, baseList: base.waves)
            }
        }
        // A team in two waves (moved to one here, another there) stays in OURS' wave.
        var waveOf: [TeamID: Int] = [:]
        var twice: [TeamID: [Int]] = [:]
        for (w, wave) in plan.waves.enumerated() {
            for t in wave.teams {
                if let first = waveOf[t] { twice[t, default: [first]].append(w) } else { waveOf[t] = w }
            }
        }
        for t in twice.keys.sorted() {
            let candidates = twice[t]!
            let oursWave = ours.waves.first { $0.teams.contains(t) }
            let theirsWave = theirs.waves.first { $0.teams.contains(t) }
            let keep = candidates.first { plan.waves[$0].id == oursWave?.id } ?? candidates[0]
            for w in candidates where w != keep { plan.waves[w].teams.removeAll { $0 == t } }
            waveOf[t] = keep
            let name = plan.team(t)?.name ?? t.raw
            let here = oursWave?.name ?? plan.waves[keep].name
            let there = theirsWave?.name ?? "another wave"
            note("teams/\(t.raw)/wave", "Team \(PlanMerge.quoted(name)): moved to \(here) here, \(there) there",
                 ours: MergeCoding.text(plan.waves[keep].id), theirs: MergeCoding.text(theirsWave?.id),
                 base: MergeCoding.text(base.waves.first { $0.teams.contains(t) }?.id))
        }
        // A team in a wave is a pilot or in a wave.
        for i in plan.teams.indices {
            let team = plan.teams[i]
            guard team.status == .candidate || team.status == .outOfScope, let w = waveOf[team.id] else { continue }
            let mine = ours.team(team.id)
            let wave = plan.waves[w]
            if let mine, mine.status == .candidate || mine.status == .outOfScope {
                plan.waves[w].teams.removeAll { $0 == team.id }
                note("teams/\(team.id.raw)/wave",
                     "Team \(PlanMerge.quoted(team.name)): marked \(mine.status.label) here, moved to \(wave.name) there",
                     ours: nil, theirs: MergeCoding.text(wave.id), base: MergeCoding.text(base.waves.first { $0.teams.contains(team.id) }?.id))
            } else {
                let status: TeamStatus = wave.order == 0 ? .pilot : .inWave
                plan.teams[i].status = status
                plan.teams[i].outOfScopeReason = nil
                note("teams/\(team.id.raw)/status",
                     "Team \(PlanMerge.quoted(team.name)): status — in \(wave.name) here, \(team.status.label) there",
                     ours: MergeCoding.text(status), theirs: MergeCoding.text(team.status),
                     base: MergeCoding.text(base.team(team.id)?.status))
            }
        }
    }

    /// Entry criteria without deleted blockers and unknown dimensions, and why.
    func fixEntry(_ entry: EntryCriteria, blockers: Set<BlockerID>, dimensions: Set<DimensionKey>)
        -> (entry: EntryCriteria, why: String) {
        var fixed = entry
        fixed.blockers = entry.blockers.filter { blockers.contains($0) }
        fixed.readiness = entry.readiness.filter { dimensions.contains($0.dimension) }
        let why = entry.blockers.filter { !blockers.contains($0) }.map { named("blocker", $0.raw, \.blockers) }
            + entry.readiness.filter { !dimensions.contains($0.dimension) }
            .map { named("readiness dimension", $0.dimension, \.dimensions) }
        return (fixed, why.joined(separator: ", "))
    }

    mutating func repairVotes(_ plan: inout Plan, teams: Set<TeamID>) {
        for i in plan.votes.indices {
            let round = plan.votes[i]
            if let cap = round.capPerTeam, cap > round.budget { plan.votes[i].capPerTeam = round.budget }
            let gone = Set(round.totals.map(\.team) + round.ballots.flatMap { $0.votes.map(\.team) })
                .filter { !teams.contains($0) }
            guard !gone.isEmpty else { continue }
            plan.votes[i].totals.removeAll { gone.contains($0.team) }
            for b in plan.votes[i].ballots.indices { plan.votes[i].ballots[b].votes.removeAll { gone.contains($0.team) } }
            let why = gone.sorted().map(teamGone).joined(separator: ", ")
            if round.totals != plan.votes[i].totals {
                trimmed(round, "totals", from: round.totals, to: plan.votes[i].totals, because: why, baseList: base.votes)
            }
            if round.ballots != plan.votes[i].ballots {
                trimmed(round, "ballots", from: round.ballots, to: plan.votes[i].ballots, because: why, baseList: base.votes)
            }
        }
    }

    mutating func repairRounds(_ plan: inout Plan, teams: Set<TeamID>, dimensions: Set<DimensionKey>,
                               workshops: Set<WorkshopID>) {
        plan.rounds = plan.rounds.compactMap { r in
            var r = r
            if let team = r.team, !teams.contains(team) {
                dropped(r, because: teamGone(team), baseList: base.rounds)
                return nil
            }
            if let w = r.workshop, !workshops.contains(w) {
                trimmed(r, "workshop", from: w, to: nil as WorkshopID?, because: named("workshop", w.raw, \.workshops),
                        baseList: base.rounds)
                r.workshop = nil
            }
            if r.dimensions.contains(where: { !dimensions.contains($0) })
                || r.responses.contains(where: { $0.ratings.contains { !dimensions.contains($0.dimension) } }) {
                let why = named("readiness dimension", r.dimensions.first { !dimensions.contains($0) } ?? "", \.dimensions)
                let old = r.dimensions
                r.dimensions = r.dimensions.filter { dimensions.contains($0) }
                for k in r.responses.indices { r.responses[k].ratings.removeAll { !dimensions.contains($0.dimension) } }
                if r.kind == .readiness, r.dimensions.isEmpty {
                    dropped(r, because: why, baseList: base.rounds)
                    return nil
                }
                trimmed(r, "dimensions", from: old, to: r.dimensions, because: why, baseList: base.rounds)
            }
            return r
        }
    }

    mutating func repairScenarios(_ plan: inout Plan, teams: Set<TeamID>, coaches: Set<CoachID>,
                                  blockers: Set<BlockerID>, dimensions: Set<DimensionKey>) {
        for i in plan.scenarios.indices {
            let scenario = plan.scenarios[i]
            var placed = Set<TeamID>()
            var whys: [String] = []
            for w in plan.scenarios[i].waves.indices {
                let wave = plan.scenarios[i].waves[w]
                let goneTeams = wave.teams.filter { !teams.contains($0) }
                whys += goneTeams.map(teamGone)
                plan.scenarios[i].waves[w].teams = wave.teams.filter { teams.contains($0) && placed.insert($0).inserted }
                let entry = fixEntry(wave.entry, blockers: blockers, dimensions: dimensions)
                if entry.entry != wave.entry { whys.append(entry.why) }
                plan.scenarios[i].waves[w].entry = entry.entry
            }
            var assigned = Set<TeamID>()
            plan.scenarios[i].assignments = scenario.assignments.filter { a in
                if !teams.contains(a.team) { whys.append(teamGone(a.team)); return false }
                if !coaches.contains(a.coach) { whys.append(named("coach", a.coach.raw, \.coaches)); return false }
                return assigned.insert(a.team).inserted
            }
            if plan.scenarios[i] != scenario {
                let why = whys.isEmpty ? "a team was in two of its waves" : whys.joined(separator: ", ")
                note("scenarios/\(scenario.id.raw)", "\(PlanMerge.describe(scenario)) changed: \(why)",
                     ours: MergeCoding.text(plan.scenarios[i]), theirs: MergeCoding.text(scenario),
                     base: baseText(base.scenarios, scenario.id.raw))
            }
        }
    }
}
