/// Where a team's product is in its life.
public enum LifecycleStage: String, StringEnum {
    case explore, invest, sustain, retire
    public var label: String { rawValue }
}

/// Head counts by discipline. Size and cross-functionality are derived from these.
public struct Roles: Codable, Hashable, Sendable {
    public var product: Int
    public var design: Int
    public var engineering: Int
    public var data: Int
    public var marketing: Int
    public var other: Int

    public init(product: Int = 0, design: Int = 0, engineering: Int = 0, data: Int = 0,
                marketing: Int = 0, other: Int = 0) {
        self.product = product
        self.design = design
        self.engineering = engineering
        self.data = data
        self.marketing = marketing
        self.other = other
    }

    public var size: Int { product + design + engineering + data + marketing + other }
    /// A product manager, a designer and at least one engineer (DOMAIN.md §2.3).
    public var isCrossFunctional: Bool { product > 0 && design > 0 && engineering > 0 }
    /// The core disciplines (product, design, engineering) that are missing, in words.
    public var missingCore: [String] {
        var missing: [String] = []
        if product == 0 { missing.append("product") }
        if design == 0 { missing.append("design") }
        if engineering == 0 { missing.append("engineering") }
        return missing
    }

    /// Field names in file order, with key paths, for forms, CSV import and validation.
    public nonisolated(unsafe) static let fields: [(name: String, keyPath: WritableKeyPath<Roles, Int>)] = [
        ("product", \.product), ("design", \.design), ("engineering", \.engineering),
        ("data", \.data), ("marketing", \.marketing), ("other", \.other),
    ]
}

/// The change in customer or business behaviour a pilot is accountable for (DOMAIN.md §3).
public struct Outcome: Codable, Hashable, Sendable {
    public var statement: String
    public var metric: String
    public var baseline: String
    public var target: String

    public init(statement: String, metric: String = "", baseline: String = "", target: String = "") {
        self.statement = statement
        self.metric = metric
        self.baseline = baseline
        self.target = target
    }

    public var isEmpty: Bool {
        [statement, metric, baseline, target].allSatisfy { $0.trimmingWhitespace().isEmpty }
    }
}

public enum TeamStatus: String, StringEnum {
    case candidate, pilot, inWave, outOfScope
    public var label: String {
        switch self {
        case .candidate: "candidate"
        case .pilot: "pilot"
        case .inWave: "in a wave"
        case .outOfScope: "out of scope"
        }
    }
}

public struct Team: Codable, Hashable, Sendable, Identifiable {
    public var id: TeamID
    public var name: String
    public var area: String
    public var stage: LifecycleStage
    public var roles: Roles
    /// Ratings 1–5 keyed by criterion key (`familiarity`, `learningAppetite`, `customerAccess`, or a
    /// custom criterion's key). A criterion absent here is *unrated*, never zero.
    public var ratings: [CriterionKey: Int]
    public var outcome: Outcome?
    public var status: TeamStatus
    /// Why the team stays project-shaped (regulatory, compliance, one-off migration…); required when
    /// `status` is `outOfScope`.
    public var outOfScopeReason: String?
    public var coach: CoachID?
    public var dependsOn: [TeamID]
    public var tags: [String]
    public var notes: String

    public init(id: TeamID, name: String, area: String = "", stage: LifecycleStage = .explore,
                roles: Roles = Roles(), ratings: [CriterionKey: Int] = [:], outcome: Outcome? = nil,
                status: TeamStatus = .candidate, outOfScopeReason: String? = nil, coach: CoachID? = nil,
                dependsOn: [TeamID] = [], tags: [String] = [], notes: String = "") {
        self.id = id
        self.name = name
        self.area = area
        self.stage = stage
        self.roles = roles
        self.ratings = ratings
        self.outcome = outcome
        self.status = status
        self.outOfScopeReason = outOfScopeReason
        self.coach = coach
        self.dependsOn = dependsOn
        self.tags = tags
        self.notes = notes
    }

    public var size: Int { roles.size }
    public var isCrossFunctional: Bool { roles.isCrossFunctional }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (Foundation-free).
    public func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }),
            let end = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[start...end])
    }
}
