/// How a criterion gets its value for a team.
public enum CriterionSource: String, StringEnum {
    /// Rated 1–5 by the facilitator, stored in `Team.ratings`.
    case rated
    /// Derived from the team's roles: product + design + engineering present.
    case crossFunctional
    /// Derived from the lifecycle stage: explore/invest good, sustain/retire poor.
    case lifecycle
    /// Derived from the head count: small enough to decide quickly.
    case size
    public var label: String {
        switch self {
        case .rated: "rated 1–5"
        case .crossFunctional: "from roles"
        case .lifecycle: "from stage"
        case .size: "from head count"
        }
    }
}

/// A pilot-selection criterion (DOMAIN.md §2) with its weight in the score.
public struct Criterion: Codable, Hashable, Sendable, Identifiable {
    public var id: CriterionKey
    public var name: String
    public var source: CriterionSource
    /// 0 (ignored) … 10. Integer so that files stay stable and diffs readable.
    public var weight: Int
    /// What the question is, in one sentence.
    public var help: String
    /// Anchor sentence for each level 1…5 (rated criteria); empty for derived ones.
    public var anchors: [String]

    public init(id: CriterionKey, name: String, source: CriterionSource, weight: Int, help: String,
                anchors: [String] = []) {
        self.id = id
        self.name = name
        self.source = source
        self.weight = weight
        self.help = help
        self.anchors = anchors
    }

    public static let weightRange = 0...10
    public static let ratingRange = 1...5

    public static let familiarity: CriterionKey = "familiarity"
    public static let learningAppetite: CriterionKey = "learningAppetite"
    public static let customerAccess: CriterionKey = "customerAccess"
    public static let crossFunctional: CriterionKey = "crossFunctional"
    public static let lifecycle: CriterionKey = "lifecycle"
    public static let size: CriterionKey = "size"

    /// The six criteria of DOMAIN.md §2 with default weights.
    public static let defaults: [Criterion] = [
        Criterion(
            id: familiarity, name: "Familiarity", source: .rated, weight: 3,
            help: "Members already know and trust each other.",
            anchors: [
                "Newly assembled; most members have not worked together.",
                "A few pairs have worked together before.",
                "Worked together on one or two efforts; trust is forming.",
                "Stable team for a year or more; open disagreement is normal.",
                "Long-standing team with deep trust; they finish each other's sentences.",
            ]),
        Criterion(
            id: learningAppetite, name: "Learning appetite", source: .rated, weight: 4,
            help: "Hungry to learn, willing to be beginners again.",
            anchors: [
                "Openly sceptical; sees new ways of working as a distraction.",
                "Will go along if told to; little curiosity.",
                "Interested, but worried about the time it takes.",
                "Asks for training and tries new practices unprompted.",
                "Actively experimenting already; volunteers to go first.",
            ]),
        Criterion(
            id: crossFunctional, name: "Cross-functional", source: .crossFunctional, weight: 4,
            help: "A product manager, a designer and engineers at least (from the team's roles)."),
        Criterion(
            id: customerAccess, name: "Customer access", source: .rated, weight: 4,
            help: "Reliable, regular contact with real customers.",
            anchors: [
                "No contact with customers; everything comes through intermediaries.",
                "Occasional contact, arranged case by case with difficulty.",
                "Some access through research or support, a few times a quarter.",
                "Regular contact most months, easy to arrange.",
                "Talks to customers every week as a matter of routine.",
            ]),
        Criterion(
            id: lifecycle, name: "Lifecycle stage", source: .lifecycle, weight: 3,
            help: "Its product is in an explore or invest stage, not sustain or retire."),
        Criterion(
            id: size, name: "Size", source: .size, weight: 2,
            help: "Small enough to decide quickly; a large group slows decisions."),
    ]
}
