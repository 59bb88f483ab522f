/// A reason a team is a poor pilot, shown next to its score rather than hidden (DOMAIN.md §2).
public enum HardFlag: Hashable, Sendable {
    /// Product, design or engineering is missing (only when roles are recorded at all).
    case notCrossFunctional(missing: [String])
    /// The product is in a sustain or retire stage.
    case lateStage(LifecycleStage)
    /// More people than `PlanSettings.maxTeamSize`.
    case tooLarge(size: Int, max: Int)
    /// Customer access rated 1 (unrated raises no flag; the score shows it as unrated).
    case noCustomerAccess

    /// Stable identifier: `notCrossFunctional`, `lateStage`, `tooLarge`, `noCustomerAccess`.
    public var code: String {
        switch self {
        case .notCrossFunctional: "notCrossFunctional"
        case .lateStage: "lateStage"
        case .tooLarge: "tooLarge"
        case .noCustomerAccess: "noCustomerAccess"
        }
    }

    /// Short words for a badge: "not cross-functional: no design".
    public var label: String {
        switch self {
        case .notCrossFunctional(let missing): "not cross-functional: no " + Words.list(missing, conjunction: "or")
        case .lateStage(let stage): "late stage: \(stage.label)"
        case .tooLarge(let size, let max): "too large: \(size) people (max \(max))"
        case .noCustomerAccess: "no customer access"
        }
    }

    /// Why it matters, from DOMAIN.md.
    public var guidance: String {
        switch self {
        case .notCrossFunctional:
            "A pilot needs a product manager, a designer and engineers at least, so it can discover and "
                + "deliver without hand-offs."
        case .lateStage:
            "Pilots do best on a product in an explore or invest stage; a sustain or retire product leaves "
                + "little room to show outcomes."
        case .tooLarge:
            "A large group slows decisions and dilutes ownership; a pilot should be small enough to decide "
                + "quickly."
        case .noCustomerAccess:
            "A pilot needs reliable, regular contact with real customers to test assumptions quickly."
        }
    }

    /// How many hard flags the team has (``flags(_:settings:)`` without building them).
    public static func count(_ team: Team, settings: PlanSettings) -> Int {
        var n = 0
        if team.size > 0, !team.roles.isCrossFunctional { n += 1 }
        if team.stage == .sustain || team.stage == .retire { n += 1 }
        if team.size > settings.maxTeamSize { n += 1 }
        if team.ratings[Criterion.customerAccess] == 1 { n += 1 }
        return n
    }

    /// The hard flags of a team, in the order above.
    public static func flags(_ team: Team, settings: PlanSettings) -> [HardFlag] {
        var flags: [HardFlag] = []
        if team.size > 0, !team.roles.isCrossFunctional {
            flags.append(.notCrossFunctional(missing: team.roles.missingCore))
        }
        if team.stage == .sustain || team.stage == .retire { flags.append(.lateStage(team.stage)) }
        if team.size > settings.maxTeamSize { flags.append(.tooLarge(size: team.size, max: settings.maxTeamSize)) }
        if team.ratings[Criterion.customerAccess] == 1 { flags.append(.noCustomerAccess) }
        return flags
    }
}
