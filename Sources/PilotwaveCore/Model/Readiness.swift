import Foundation

/// Who a readiness dimension is rated for.
public enum DimensionScope: String, StringEnum {
    case organisation, team, both
    public var label: String { rawValue }
}

/// Whether a dimension is a precondition to look for before starting, or a sign that the model is
/// taking hold (DOMAIN.md §4).
public enum DimensionGroup: String, StringEnum {
    case precondition, takingHold
    public var label: String { self == .precondition ? "precondition" : "taking hold" }
}

public struct ReadinessDimension: Codable, Hashable, Sendable, Identifiable {
    public var id: DimensionKey
    public var name: String
    public var help: String
    public var scope: DimensionScope
    public var group: DimensionGroup
    /// Anchor sentence for each level 1…5.
    public var anchors: [String]
    /// Retired dimensions keep their history but are no longer offered for new ratings.
    public var retired: Bool

    public init(id: DimensionKey, name: String, help: String, scope: DimensionScope,
                group: DimensionGroup, anchors: [String], retired: Bool = false) {
        self.id = id
        self.name = name
        self.help = help
        self.scope = scope
        self.group = group
        self.anchors = anchors
        self.retired = retired
    }

    public static let executiveConviction: DimensionKey = "executiveConviction"
    public static let feltPain: DimensionKey = "feltPain"
    public static let techEnabler: DimensionKey = "techEnabler"
    public static let fundedByOutcomes: DimensionKey = "fundedByOutcomes"
    public static let outcomesOverOutputs: DimensionKey = "outcomesOverOutputs"
    public static let empoweredTeams: DimensionKey = "empoweredTeams"
    public static let stakeholdersBringContext: DimensionKey = "stakeholdersBringContext"
    public static let outcomeMetricsImprove: DimensionKey = "outcomeMetricsImprove"

    /// The readiness signals of DOMAIN.md §4, in the order the barrier is read.
    public static let defaults: [ReadinessDimension] = [
        ReadinessDimension(
            id: executiveConviction, name: "Executive conviction",
            help: "Leaders genuinely believe today's way of working will not win tomorrow.",
            scope: .organisation, group: .precondition,
            anchors: [
                "Leaders see no reason to change.",
                "Some leaders voice doubts in private only.",
                "Leaders agree change is needed but delegate it.",
                "Most leaders argue for the change in public.",
                "Leaders lead the change themselves and change their own habits.",
            ]),
        ReadinessDimension(
            id: feltPain, name: "Felt pain",
            help: "Visible pain with current results: missed targets, margin pressure, slipping share, spend with little impact.",
            scope: .organisation, group: .precondition,
            anchors: [
                "Results look fine to everyone.",
                "Pain is known to a few, not discussed.",
                "Pain is acknowledged but explained away.",
                "Pain is discussed openly with numbers.",
                "Pain is undeniable and drives decisions.",
            ]),
        ReadinessDimension(
            id: techEnabler, name: "Technology as enabler",
            help: "Technology is treated as a strategic enabler rather than a cost centre.",
            scope: .organisation, group: .precondition,
            anchors: [
                "Technology is a cost to be cut.",
                "Technology is a service department taking orders.",
                "Technology is consulted on some strategy.",
                "Technology leaders shape strategy.",
                "Technology is at the heart of how the business competes.",
            ]),
        ReadinessDimension(
            id: fundedByOutcomes, name: "Funded by outcomes",
            help: "Teams are funded by outcomes, not projects.",
            scope: .both, group: .takingHold,
            anchors: [
                "All funding is per project with fixed scope.",
                "A few experiments with persistent funding.",
                "Some teams have persistent funding, still tied to scope.",
                "Most teams funded persistently against outcomes.",
                "Funding follows outcomes and is revisited on evidence.",
            ]),
        ReadinessDimension(
            id: outcomesOverOutputs, name: "Outcomes over outputs",
            help: "Outcomes trump outputs in day-to-day decisions.",
            scope: .both, group: .takingHold,
            anchors: [
                "Success means shipping what was asked, on time.",
                "Outcomes are mentioned but features are what count.",
                "Outcomes are set but rarely used to decide.",
                "Outcomes routinely change what gets built.",
                "Work is stopped or changed on outcome evidence as a matter of course.",
            ]),
        ReadinessDimension(
            id: empoweredTeams, name: "Empowered teams",
            help: "Teams are empowered to solve problems, not merely deliver requests.",
            scope: .both, group: .takingHold,
            anchors: [
                "Teams receive fully specified requests.",
                "Teams may suggest changes to requests.",
                "Teams shape solutions within given features.",
                "Teams are given problems and choose solutions.",
                "Teams choose which problems to solve within strategy.",
            ]),
        ReadinessDimension(
            id: stakeholdersBringContext, name: "Stakeholders bring context",
            help: "Stakeholders contribute context and constraints, not solutions.",
            scope: .both, group: .takingHold,
            anchors: [
                "Stakeholders dictate solutions.",
                "Stakeholders dictate, then accept small changes.",
                "Stakeholders share some context with their requests.",
                "Stakeholders mostly bring problems and constraints.",
                "Stakeholders bring context and trust the team's solution.",
            ]),
        ReadinessDimension(
            id: outcomeMetricsImprove, name: "Outcome metrics improve",
            help: "The outcome metrics the teams are accountable for are improving.",
            scope: .both, group: .takingHold,
            anchors: [
                "No outcome metrics are tracked.",
                "Metrics are tracked but flat or falling.",
                "Mixed: some metrics move, some do not.",
                "Most metrics improve quarter on quarter.",
                "Metrics improve and the improvement is attributed to the teams' work.",
            ]),
    ]
}

/// A retracted rating stays in the history, marked struck, with why.
public struct Strike: Codable, Hashable, Sendable {
    public var reason: String
    public var by: String
    public var at: Date
    public init(reason: String, by: String, at: Date) {
        self.reason = reason
        self.by = by
        self.at = at
    }
}

/// One rating of one dimension for the organisation (`team == nil`) or a team. Signals are
/// append-only history: the current value of a cell is its latest unstruck signal.
public struct ReadinessSignal: Codable, Hashable, Sendable, Identifiable {
    public var id: SignalID
    public var dimension: DimensionKey
    /// `nil` means the organisation as a whole.
    public var team: TeamID?
    public var rating: Int
    public var evidence: String
    public var recordedBy: String
    public var recordedAt: Date
    public var struck: Strike?

    public init(id: SignalID, dimension: DimensionKey, team: TeamID? = nil, rating: Int,
                evidence: String = "", recordedBy: String = "", recordedAt: Date, struck: Strike? = nil) {
        self.id = id
        self.dimension = dimension
        self.team = team
        self.rating = rating
        self.evidence = evidence
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.struck = struck
    }
}
