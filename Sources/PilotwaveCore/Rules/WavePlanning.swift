import Foundation

/// Wave planning (DOMAIN.md §6): how full each wave is against its coaches' capacity, and whether
/// a wave's entry gate is met — blockers resolved, readiness thresholds reached, checklist done.
public enum WavePlanning {
    /// One coach's load in one wave (``WavePlanning/load(of:in:plan:)``).
    public struct CoachLoad: Hashable, Sendable {
        public var coach: CoachID
        public var name: String
        /// Teams of this wave (or quarter) the coach carries.
        public var teams: Int
        public var capacity: Int
        /// Teams of other waves running at the same time, at the busiest point of this wave.
        public var others: Int = 0
        /// The waves those teams are in.
        public var otherWaves: [String] = []
        /// A seeded coach is free only for the waves after their own team's.
        public var isFree = true
        /// For a coach not free: the wave they are free after (nil: their team is in no wave).
        public var freeAfter: String?
        /// For a coach not free only because their own wave ends after this one starts: the day they
        /// are free from.
        public var freeFrom: Day?
        /// Every team the coach carries at once while this wave runs.
        public var total: Int { teams + others }
        public var isOver: Bool { total > capacity }
        /// "3/2", or "4/3 (1 here, 3 in Wave 1)" when overlapping waves add to it.
        public var ratio: String {
            "\(total)/\(capacity)" + (others == 0 ? "" : " (\(teams) here, \(others) in \(Words.list(otherWaves)))")
        }
        /// "not free until after Pilots"; "not free until 2026-08-01, after Pilots" when their own
        /// wave ends after this one starts.
        public var notFreeText: String? {
            guard !isFree else { return nil }
            if let freeFrom, let freeAfter { return "not free until \(freeFrom), after \(freeAfter)" }
            return "not free until after " + (freeAfter ?? "their team is in a wave")
        }
    }

    /// How a wave stands against its coaches.
    public struct Capacity: Hashable, Sendable {
        public var teams: Int
        /// Coaches carrying teams of this wave, in plan order.
        public var coaches: [CoachLoad]
        /// Teams of the wave without a (known) coach.
        public var uncoached: Int
        /// The sum of the capacities of the coaches carrying the wave who are free for it, less what
        /// overlapping waves already take of it.
        public var capacity: Int { coaches.filter(\.isFree).reduce(0) { $0 + max(0, $1.capacity - $1.others) } }
        /// A coach carries more than their capacity (counting overlapping waves).
        public var isOver: Bool { coaches.contains(where: \.isOver) }
        /// Some teams have no coach, or a seeded coach carries teams before they are free.
        public var needsCoaches: Bool { uncoached > 0 || coaches.contains { !$0.isFree } }

        /// "6 teams · 2 coaches for 8 · 1 without a coach" and the like.
        public var summary: String {
            let free = coaches.filter(\.isFree)
            var parts = [Words.count(teams, "team")]
            if !free.isEmpty { parts.append("\(Words.count(free.count, "coach", "coaches")) for \(capacity)") }
            if uncoached > 0 { parts.append(coaches.isEmpty ? "no coach yet" : "\(uncoached) without a coach") }
            for load in coaches where !load.isFree { parts.append("! \(load.name) \(load.notFreeText!)") }
            let over = coaches.filter(\.isOver)
            if !over.isEmpty { parts.append("! over capacity: " + over.map { "\($0.name) \($0.ratio)" }.joined(separator: ", ")) }
            return parts.joined(separator: " · ")
        }
    }

    /// Every wave's capacity, by wave id, from one pass over the teams.
    public static func capacity(_ plan: Plan) -> [WaveID: Capacity] {
        let loads = CoachLoads(plan)
        var teamIndex: [TeamID: Int] = [:]
        for wave in plan.waves { for t in wave.teams { teamIndex[t] = -1 } }
        if !teamIndex.isEmpty {
            for (i, team) in plan.teams.enumerated() where teamIndex[team.id] == -1 { teamIndex[team.id] = i }
        }
        var result: [WaveID: Capacity] = [:]
        for w in plan.waves.indices where result[plan.waves[w].id] == nil {
            result[plan.waves[w].id] = capacity(of: w, plan: plan, teamIndex: teamIndex, loads: loads)
        }
        return result
    }

    /// The wave at `w`'s capacity, with the positions of teams in `plan.teams` by id (ids it lacks, or
    /// maps to a negative position, are teams that no longer exist).
    static func capacity(of w: Int, plan: Plan, teamIndex: [TeamID: Int], loads: CoachLoads) -> Capacity {
        let coachIndex = loads.coachIndex
        var carrying = Set<Int>()
        var uncoached = 0
        var count = 0
        var seen = Set<Int>()
        for id in plan.waves[w].teams {
            guard let t = teamIndex[id], t >= 0, seen.insert(t).inserted else { continue }
            count += 1
            if let coach = plan.teams[t].coach, let k = coachIndex[coach] { carrying.insert(k) } else { uncoached += 1 }
        }
        let coaches = carrying.sorted().map { load(coach: $0, wave: w, plan: plan, loads: loads) }
        return Capacity(teams: count, coaches: coaches, uncoached: uncoached)
    }

    /// One entry criterion of a wave and whether it is met.
    public struct GateItem: Hashable, Sendable {
        public enum Kind: Hashable, Sendable { case blocker, readiness, checklist }
        public var kind: Kind
        public var text: String
        public var met: Bool
        /// What shows it: the blocker's status, the rating, the checklist evidence.
        public var evidence: String
    }

    /// A wave's entry gate: every criterion with its state.
    public static func gate(_ wave: Wave, plan: Plan, organisation latest: [DimensionKey: ReadinessSignal]) -> [GateItem] {
        var items: [GateItem] = []
        for id in wave.entry.blockers {
            let b = plan.blocker(id)
            items.append(GateItem(kind: .blocker, text: b?.title ?? id.raw, met: b?.status == .resolved,
                                  evidence: b.map { "\($0.status.label)" + ($0.owner.map { ", owner \($0)" } ?? "") } ?? "unknown blocker"))
        }
        for threshold in wave.entry.readiness {
            let dimension = plan.dimension(threshold.dimension)
            let name = (dimension?.name ?? threshold.dimension) + (dimension?.retired == true ? " (retired)" : "")
            let signal = latest[threshold.dimension]
            items.append(GateItem(kind: .readiness, text: "\(name) at least \(threshold.minimum)",
                                  met: (signal?.rating ?? 0) >= threshold.minimum,
                                  evidence: signal.map { "\($0.rating)/5 on \(Day($0.recordedAt))" } ?? "not rated"))
        }
        for item in wave.entry.checklist {
            items.append(GateItem(kind: .checklist, text: item.text, met: item.done, evidence: item.evidence))
        }
        return items
    }

    /// The organisation's latest unstruck rating per dimension.
    public static func organisationLatest(_ plan: Plan) -> [DimensionKey: ReadinessSignal] {
        var result: [DimensionKey: ReadinessSignal] = [:]
        for (key, signal) in Readiness.latest(plan.signals.filter { $0.team == nil }) { result[key.dimension] = signal }
        return result
    }

    /// The edit that starts `wave` (status active). With gate items unmet it needs a `reason`, and
    /// the override goes to the decision log in the same edit.
    public static func activate(_ wave: Wave, unmet: [GateItem], reason: String?, by: String, at: Date,
                                decisionID: DecisionID) -> PlanEdit? {
        var started = wave
        started.status = .active
        guard !unmet.isEmpty else { return .updateWave(started) }
        guard let reason = reason?.trimmingWhitespace(), !reason.isEmpty else { return nil }
        let text = "Start \(wave.name) with its entry gate unmet (" + Words.short(unmet.map(\.text), limit: 3) + "): \(reason)"
        return .batch("Start \(wave.name) over its gate", [
            .updateWave(started),
            .recordDecision(Decision(id: decisionID, text: text, kind: .decision, decidedBy: by, at: at, concerns: [wave.id.raw])),
        ])
    }

    // MARK: Seeded coaches

    /// Which waves a coach may carry, given the team it was seeded from (DOMAIN.md §6: teams of an
    /// earlier wave seed coaches for later ones).
    public enum Seeding: Hashable, Sendable {
        /// Not seeded from a team (or from one no longer in the plan): free for every wave.
        case unseeded
        /// Seeded from `team`, of the wave with order `order` (0 for a pilot outside any wave):
        /// free only once that wave is over (``WavePlanning/availability(_:wave:order:start:)``).
        case after(team: TeamID, order: Int)
        /// Seeded from `team`, which is in no wave: free for no wave yet.
        case seedUnplanned(team: TeamID)
    }

    /// When `coach` is free to coach, from the wave of the team it was seeded from (its earliest
    /// wave; a pilot outside any wave counts as order 0). See ``availability(_:wave:order:start:)``.
    public static func seeding(of coach: Coach, plan: Plan) -> Seeding {
        seed(of: coach, plan: plan).seeding
    }

    /// The edit that adds a coach seeded from `team`: a member of a team that has been through a
    /// wave becomes a coach for the waves after it. Refused (with words) when the team is in no wave
    /// (a pilot outside any wave counts as the pilots' wave) or in the last one, since such a coach
    /// would be free for no wave.
    public static func seedCoach(from team: TeamID, name: String, capacity: Int = Coach.defaultCapacity, id: CoachID,
                                 plan: Plan) throws(EditError) -> PlanEdit {
        guard let seed = plan.team(team) else { throw EditError("no team \(team)") }
        let coach = Coach(id: id, name: name, capacity: capacity, seededFrom: team)
        switch seeding(of: coach, plan: plan) {
        case .unseeded, .seedUnplanned:
            throw EditError("\(seed.name) is in no wave; a coach is seeded from a team of an earlier wave "
                            + "to coach a later one")
        case .after(_, let order):
            guard plan.waves.contains(where: { $0.order > order }) else {
                let wave = plan.orderedWaves.first { $0.teams.contains(team) }?.name ?? "the pilots"
                throw EditError("\(seed.name) is in the last wave (\(wave)); there is no later wave for a coach "
                                + "seeded from it")
            }
        }
        return .batch("Seed coach \(name) from \(seed.name)", [.addCoach(coach)])
    }

    /// Moves a team one wave later (`by` > 0) or earlier in the planned order; past the last wave
    /// it leaves the waves ("not yet planned"), and from there `by` > 0 puts it in the first wave
    /// after the pilots.
    public static func step(_ team: TeamID, by: Int, plan: Plan) -> PlanEdit? {
        let waves = plan.orderedWaves
        let current = waves.firstIndex { $0.teams.contains(team) }
        let target: Int?
        switch current {
        case nil: target = by > 0 ? nil : waves.indices.last
        case let i?: target = i + by
        }
        if let target {
            guard target >= 0 else { return nil }
            return target < waves.count ? .moveTeam(team, toWave: waves[target].id) : .moveTeam(team, toWave: nil)
        }
        return nil
    }
}
