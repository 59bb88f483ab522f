/// How many pilot teams to start with, from the organisation's size (DOMAIN.md §1).
public struct PilotRecommendation: Hashable, Sendable {
    public var size: OrgSize
    /// `true` when the size was inferred from the number of teams rather than set by the user.
    public var inferred: Bool
    /// All teams in the plan, out-of-scope ones included (they are still part of the organisation).
    public var teamCount: Int
    public var range: ClosedRange<Int>

    /// "1", "2–4", "up to 5".
    public var rangeText: String {
        switch size {
        case .large: "up to \(range.upperBound)"
        default: Words.range(range)
        }
    }

    /// "Start small: a mid-size organisation should begin with 2–4 pilot teams, not a big bang."
    public var guidance: String {
        "Start small: a \(size.label) organisation should begin with \(rangeText) pilot "
            + "\(range.upperBound == 1 ? "team" : "teams"), not a big bang. Rolling out to everyone at "
            + "once breeds confusion and resistance and swamps the coaches."
    }

    /// Where the size came from: "set", or "inferred from 12 teams".
    public var sizeSource: String { inferred ? "inferred from " + Words.count(teamCount, "team") : "set" }
}

/// Recommended pilot counts by organisation size, and who the pilots are.
public enum PilotCount {
    /// The recommended number of pilot teams by size: small 1, mid-size 2–4, large up to 5.
    public static func range(for size: OrgSize) -> ClosedRange<Int> {
        switch size {
        case .small: 1...1
        case .mid: 2...4
        case .large: 1...5
        }
    }

    /// The size inferred from a team count: `largeFrom` teams or more is large, `midFrom` or more mid.
    public static func inferSize(teamCount: Int, thresholds: SizeThresholds) -> OrgSize {
        teamCount >= thresholds.largeFrom ? .large : teamCount >= thresholds.midFrom ? .mid : .small
    }

    /// The organisation's size (set, or inferred from all its teams) and the recommended range.
    public static func recommend(_ plan: Plan) -> PilotRecommendation {
        let count = plan.teams.count
        let org = plan.organisation
        let size = org.size ?? inferSize(teamCount: count, thresholds: org.thresholds)
        return PilotRecommendation(size: size, inferred: org.size == nil, teamCount: count, range: range(for: size))
    }
}

extension PilotCount {
    /// Whether a team is a pilot: the one definition every view, report, check and command uses.
    /// A team is a pilot when its status is `pilot` or it sits in a wave of order 0 (the pilot wave).
    /// The two agree in plans edited in pilotwave (choosing a pilot puts it in the pilot wave); the
    /// plan check `pilotWaveMismatch` names a team where a hand-edited file makes them differ.
    public static func isPilot(status: TeamStatus, inPilotWave: Bool) -> Bool {
        status == .pilot || inPilotWave
    }

    /// Ids of the teams in a wave of order 0.
    public static func pilotWaveMembers(_ plan: Plan) -> Set<TeamID> {
        Set(plan.waves.lazy.filter { $0.order == 0 }.flatMap(\.teams))
    }

    /// The pilots: teams with status `pilot` plus teams in an order-0 wave, without repeats, in plan order.
    public static func pilots(_ plan: Plan) -> [Team] {
        let waveZero = pilotWaveMembers(plan)
        return plan.teams.filter { isPilot(status: $0.status, inPilotWave: waveZero.contains($0.id)) }
    }

    /// The wave chosen pilots go into: the first wave of order 0 in planned order, if the plan has one.
    public static func pilotWave(_ plan: Plan) -> Wave? {
        plan.orderedWaves.first { $0.order == 0 }
    }
}
