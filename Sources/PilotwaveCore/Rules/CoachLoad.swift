// A coach's load (DOMAIN.md §6): the one rule the board, the checks and the reports use for how many
// teams a coach carries in a wave — counting the other waves that run at the same time — and whether
// a seeded coach is free for that wave at all.
extension WavePlanning {
    /// The days a wave takes its coaches' time, as day ordinals: an active wave from its start (or
    /// always) to its end (or for ever); a planned wave from its start, once it has one, to its end (or
    /// for ever); nil for a done wave or a planned one without a start (it overlaps nothing yet).
    public static func busyDays(_ wave: Wave) -> ClosedRange<Int>? {
        switch wave.status {
        case .done: return nil
        case .planned where wave.start == nil: return nil
        default:
            let from = wave.start?.ordinal ?? Int.min
            let to = max(from, wave.end?.ordinal ?? Int.max)
            return from...to
        }
    }

    /// Every coach's teams per wave, indexed once; a team counts in its earliest wave (planned order)
    /// only, and teams of unknown coaches count for nobody.
    public struct CoachLoads: Sendable {
        /// Per wave (as in `plan.waves`): teams per coach position in `plan.coaches`.
        public let counts: [[Int: Int]]
        /// Per wave: ``WavePlanning/busyDays(_:)``.
        public let spans: [ClosedRange<Int>?]
        /// Per wave: the teams it counts (its known teams not counted in an earlier wave), and those
        /// of them without a known coach.
        public let teams: [Int]
        public let uncoached: [Int]
        /// Per coach position: the waves (plan order) in which the coach has teams, so a coach's
        /// peak looks at their own waves, not at every wave of the plan.
        let wavesByCoach: [Int: [Int]]
        /// Per seeded coach position: where they were seeded from (found once, not per wave).
        let seeds: [Int: Seed]
        /// Coach id → position in `plan.coaches` (the first, for a repeated id).
        let coachIndex: [CoachID: Int]

        /// The seed of the coach at position `k`.
        func seed(_ k: Int) -> Seed { seeds[k] ?? .unseeded }

        public init(_ plan: Plan) {
            let order = plan.waves.indices.sorted {
                (plan.waves[$0].order, plan.waves[$0].name, $0) < (plan.waves[$1].order, plan.waves[$1].name, $1)
            }
            var waveOf: [TeamID: Int] = [:]
            for w in order { for id in plan.waves[w].teams where waveOf[id] == nil { waveOf[id] = w } }
            var coachIndex: [CoachID: Int] = [:]
            for (k, coach) in plan.coaches.enumerated() where coachIndex[coach.id] == nil { coachIndex[coach.id] = k }
            var counts = [[Int: Int]](repeating: [:], count: plan.waves.count)
            var teams = [Int](repeating: 0, count: plan.waves.count)
            var uncoached = [Int](repeating: 0, count: plan.waves.count)
            if !waveOf.isEmpty {
                var counted = Set<TeamID>()
                for t in plan.teams.indices {
                    let id = plan.teams[t].id
                    guard let w = waveOf[id], counted.insert(id).inserted else { continue }
                    teams[w] += 1
                    if let coach = plan.teams[t].coach, let k = coachIndex[coach] {
                        counts[w][k, default: 0] += 1
                    } else {
                        uncoached[w] += 1
                    }
                }
            }
            self.counts = counts
            self.teams = teams
            self.uncoached = uncoached
            spans = plan.waves.map(WavePlanning.busyDays)
            var byCoach: [Int: [Int]] = [:]
            for w in counts.indices { for (k, n) in counts[w] where n > 0 { byCoach[k, default: []].append(w) } }
            wavesByCoach = byCoach
            // Seeded coaches: their teams found in one pass, their earliest wave from `waveOf`.
            var seededTeams: [TeamID: Int] = [:]
            for coach in plan.coaches { if let id = coach.seededFrom { seededTeams[id] = -1 } }
            if !seededTeams.isEmpty {
                for t in plan.teams.indices where seededTeams[plan.teams[t].id] == -1 { seededTeams[plan.teams[t].id] = t }
            }
            var seeds: [Int: Seed] = [:]
            for (k, coach) in plan.coaches.enumerated() {
                guard let id = coach.seededFrom else { continue }
                guard let t = seededTeams[id], t >= 0 else { seeds[k] = .unseeded; continue }
                seeds[k] = Seed(team: plan.teams[t], wave: waveOf[id].map { plan.waves[$0] })
            }
            self.seeds = seeds
            self.coachIndex = coachIndex
        }

        /// The most teams coach `k` carries at once while the wave at `w` runs, and the waves that make
        /// it up (`w` first, then the others in plan order). A done or undated wave counts alone.
        public func peak(coach k: Int, during w: Int) -> (total: Int, waves: [Int]) {
            let own = counts[w][k] ?? 0
            guard let span = spans[w] else { return (own, own > 0 ? [w] : []) }
            let peak = self.peak(coach: k, within: span)
            return (peak.total, own > 0 ? [w] + peak.waves.filter { $0 != w } : peak.waves)
        }

        /// The most teams coach `k` carries at once on any of `days` (day ordinals), and the waves
        /// that make it up (plan order): only waves that run at the same time add up; done waves and
        /// planned ones without a start count for nothing (the timeline's load in a quarter).
        public func peak(coach k: Int, within days: ClosedRange<Int>) -> (total: Int, waves: [Int]) {
            let running = (wavesByCoach[k] ?? []).filter { o in spans[o].map { $0.overlaps(days) } == true }
            // The peak falls on the first day, or on the start of one of the waves.
            var best = (total: 0, waves: [Int]())
            for point in Set([days.lowerBound] + running.map { max(days.lowerBound, spans[$0]!.lowerBound) }).sorted() {
                let here = running.filter { spans[$0]!.contains(point) }
                let total = here.reduce(0) { $0 + counts[$1][k]! }
                if total > best.total { best = (total, here) }
            }
            return best
        }
    }

    // MARK: Seeded coaches' availability

    /// Where a coach was seeded from, found once: all ``availability(_:wave:order:start:)`` needs.
    public struct Seed: Hashable, Sendable {
        public var seeding: Seeding
        /// The seeding team's earliest wave (nil for a pilot outside any wave, or a team in no wave).
        public var wave: WaveID?
        /// That wave's name ("the pilots" for a pilot outside any wave).
        public var waveName: String?
        /// That wave's end date, when it has one.
        public var end: Day?

        public static let unseeded = Seed(seeding: .unseeded)

        /// The seed of a coach seeded from `team` (nil: unknown), whose earliest wave is `wave`.
        public init(team: Team?, wave: Wave?) {
            guard let team else { self = .unseeded; return }
            if let wave {
                self.init(seeding: .after(team: team.id, order: wave.order), wave: wave.id, waveName: wave.name, end: wave.end)
            } else if team.status == .pilot {
                self.init(seeding: .after(team: team.id, order: 0), waveName: "the pilots")
            } else {
                self.init(seeding: .seedUnplanned(team: team.id))
            }
        }

        init(seeding: Seeding, wave: WaveID? = nil, waveName: String? = nil, end: Day? = nil) {
            self.seeding = seeding
            self.wave = wave
            self.waveName = waveName
            self.end = end
        }
    }

    /// Whether a seeded coach is free for a wave, and if not, until when.
    public struct Availability: Hashable, Sendable {
        public var free: Bool
        /// For a coach not free: the wave they are free after (nil: their team is in no wave).
        public var after: String?
        /// For a coach not free only because of dates: the day they are free from (the day after
        /// their own wave ends), which comes after the wave's start.
        public var from: Day?
    }

    /// Where `coach` was seeded from in `plan`.
    public static func seed(of coach: Coach, plan: Plan) -> Seed {
        guard let id = coach.seededFrom, let team = plan.team(id) else { return .unseeded }
        return Seed(team: team, wave: plan.orderedWaves.first { $0.teams.contains(id) })
    }

    /// The one rule for whether a coach seeded as `seed` may carry teams of a wave (`wave`: its id, nil
    /// for a pilot outside any wave; `order`; `start`). Never their own wave. When both waves have
    /// dates — their own wave an end, this one a start — they are free from the day after their own
    /// wave ends; otherwise only for waves of a later order. Seeded from a team in no wave: never.
    public static func availability(_ seed: Seed, wave: WaveID?, order: Int, start: Day?) -> Availability {
        let free: Bool
        var from: Day?
        switch seed.seeding {
        case .unseeded: return Availability(free: true)
        case .seedUnplanned: return Availability(free: false)
        case .after(_, let own):
            if wave != nil && wave == seed.wave {
                free = false
            } else if let end = seed.end, let start {
                free = start > end
                if !free && order > own { from = end.adding(days: 1) }
            } else {
                free = order > own
            }
        }
        return free ? Availability(free: true) : Availability(free: false, after: seed.waveName, from: from)
    }

    /// Whether `coach` may carry teams of `wave` (``availability(_:wave:order:start:)``).
    public static func availability(of coach: Coach, for wave: Wave, plan: Plan) -> Availability {
        availability(seed(of: coach, plan: plan), wave: wave.id, order: wave.order, start: wave.start)
    }

    /// How coach `coach` stands in `wave`: its teams there, the teams of overlapping waves at the
    /// busiest point, capacity, and whether a seeded coach is free for the wave yet.
    public static func load(of coach: CoachID, in wave: WaveID, plan: Plan) -> CoachLoad? {
        guard let k = plan.coaches.firstIndex(where: { $0.id == coach }),
            let w = plan.waves.firstIndex(where: { $0.id == wave }) else { return nil }
        return load(coach: k, wave: w, plan: plan, loads: CoachLoads(plan))
    }

    static func load(coach k: Int, wave w: Int, plan: Plan, loads: CoachLoads) -> CoachLoad {
        let coach = plan.coaches[k]
        let own = loads.counts[w][k] ?? 0
        let peak = loads.peak(coach: k, during: w)
        let wave = plan.waves[w]
        let free = availability(loads.seed(k), wave: wave.id, order: wave.order, start: wave.start)
        return CoachLoad(coach: coach.id, name: coach.name, teams: own, capacity: coach.capacity,
                         others: peak.total - own, otherWaves: peak.waves.filter { $0 != w }.map { plan.waves[$0].name },
                         isFree: free.free, freeAfter: free.after, freeFrom: free.from)
    }
}
