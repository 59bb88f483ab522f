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

        public init(_ plan: Plan) {
            let order = plan.waves.indices.sorted {
                (plan.waves[$0].order, plan.waves[$0].name, $0) < (plan.waves[$1].order, plan.waves[$1].name, $1)
            }
            var waveOf: [TeamID: Int] = [:]
            for w in order { for id in plan.waves[w].teams where waveOf[id] == nil { waveOf[id] = w } }
            var coachIndex: [CoachID: Int] = [:]
            for (k, coach) in plan.coaches.enumerated() where coachIndex[coach.id] == nil { coachIndex[coach.id] = k }
            var counts = [[Int: Int]](repeating: [:], count: plan.waves.count)
            if !waveOf.isEmpty {
                var counted = Set<TeamID>()
                for t in plan.teams.indices {
                    let id = plan.teams[t].id
                    guard let w = waveOf[id], counted.insert(id).inserted,
                        let coach = plan.teams[t].coach, let k = coachIndex[coach] else { continue }
                    counts[w][k, default: 0] += 1
                }
            }
            self.counts = counts
            spans = plan.waves.map(WavePlanning.busyDays)
        }

        /// The most teams coach `k` carries at once while the wave at `w` runs, and the waves that make
        /// it up (`w` first, then the others in plan order). A done or undated wave counts alone.
        public func peak(coach k: Int, during w: Int) -> (total: Int, waves: [Int]) {
            let own = counts[w][k] ?? 0
            guard let span = spans[w] else { return (own, own > 0 ? [w] : []) }
            // Overlapping waves with teams of this coach; the peak falls on one of their starts.
            let others = spans.indices.filter { o in
                o != w && (counts[o][k] ?? 0) > 0 && spans[o].map { $0.overlaps(span) } == true
            }
            var best = (total: own, waves: own > 0 ? [w] : [])
            for point in Set([span.lowerBound] + others.map { max(span.lowerBound, spans[$0]!.lowerBound) }).sorted() {
                let running = others.filter { spans[$0]!.contains(point) }
                let total = own + running.reduce(0) { $0 + counts[$1][k]! }
                if total > best.total { best = (total, (own > 0 ? [w] : []) + running) }
            }
            return best
        }
    }

    /// Whether `coach` may carry teams of `wave` (a seeded coach only after their own team's wave),
    /// and if not, the name of the wave they are free after ("the pilots" for a pilot in no wave; nil
    /// when the seeding team is in no wave at all).
    public static func availability(of coach: Coach, for wave: Wave, plan: Plan) -> (free: Bool, after: String?) {
        let seeding = seeding(of: coach, plan: plan)
        guard !seeding.allows(waveOrder: wave.order) else { return (true, nil) }
        guard case .after(let team, _) = seeding else { return (false, nil) }
        return (false, plan.orderedWaves.first { $0.teams.contains(team) }?.name ?? "the pilots")
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
        let free = availability(of: coach, for: plan.waves[w], plan: plan)
        return CoachLoad(coach: coach.id, name: coach.name, teams: own, capacity: coach.capacity,
                         others: peak.total - own, otherWaves: peak.waves.filter { $0 != w }.map { plan.waves[$0].name },
                         isFree: free.free, freeAfter: free.after)
    }
}
