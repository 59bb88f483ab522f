/// A coach, who can support a bounded number of teams at once (DOMAIN.md §6).
public struct Coach: Codable, Hashable, Sendable, Identifiable {
    public var id: CoachID
    public var name: String
    /// Teams this coach can carry at once.
    public var capacity: Int
    /// The team whose member became this coach (teams of earlier waves seed later coaches).
    public var seededFrom: TeamID?

    public init(id: CoachID, name: String, capacity: Int = Coach.defaultCapacity, seededFrom: TeamID? = nil) {
        self.id = id
        self.name = name
        self.capacity = capacity
        self.seededFrom = seededFrom
    }

    public static let defaultCapacity = 4
}

public enum WaveStatus: String, StringEnum {
    case planned, active, done
    public var label: String { rawValue }
}

/// A readiness level a dimension must reach (for the organisation) before a wave may start.
public struct ReadinessThreshold: Codable, Hashable, Sendable {
    public var dimension: DimensionKey
    public var minimum: Int
    public init(dimension: DimensionKey, minimum: Int) {
        self.dimension = dimension
        self.minimum = minimum
    }
}

public struct ChecklistItem: Codable, Hashable, Sendable {
    public var text: String
    public var done: Bool
    public var evidence: String
    public init(text: String, done: Bool = false, evidence: String = "") {
        self.text = text
        self.done = done
        self.evidence = evidence
    }
}

public struct EntryCriteria: Codable, Hashable, Sendable {
    /// Systemic blockers that must be resolved before the wave starts.
    public var blockers: [BlockerID]
    public var readiness: [ReadinessThreshold]
    public var checklist: [ChecklistItem]
    public init(blockers: [BlockerID] = [], readiness: [ReadinessThreshold] = [], checklist: [ChecklistItem] = []) {
        self.blockers = blockers
        self.readiness = readiness
        self.checklist = checklist
    }
}

/// A rollout wave. Wave order 0 is the pilots.
public struct Wave: Codable, Hashable, Sendable, Identifiable {
    public var id: WaveID
    public var name: String
    public var order: Int
    public var start: Day?
    public var end: Day?
    public var teams: [TeamID]
    public var entry: EntryCriteria
    public var checkIns: [Day]
    public var status: WaveStatus

    public init(id: WaveID, name: String, order: Int, start: Day? = nil, end: Day? = nil,
                teams: [TeamID] = [], entry: EntryCriteria = EntryCriteria(), checkIns: [Day] = [],
                status: WaveStatus = .planned) {
        self.id = id
        self.name = name
        self.order = order
        self.start = start
        self.end = end
        self.teams = teams
        self.entry = entry
        self.checkIns = checkIns
        self.status = status
    }
}

public enum BlockerCategory: String, StringEnum {
    case funding, planning, customerAccess, capability, decisionRights, other
    public var label: String {
        switch self {
        case .customerAccess: "customer access"
        case .decisionRights: "decision rights"
        default: rawValue
        }
    }
}

public enum BlockerStatus: String, StringEnum {
    /// Nobody is working on it yet ("untouched").
    case open
    case inProgress
    case resolved
    public var label: String { self == .inProgress ? "in progress" : rawValue }
}

/// A systemic blocker the pilots surfaced: something teams cannot fix alone (DOMAIN.md §6).
public struct Blocker: Codable, Hashable, Sendable, Identifiable {
    public var id: BlockerID
    public var title: String
    public var category: BlockerCategory
    public var surfacedBy: [TeamID]
    public var owner: String?
    public var status: BlockerStatus

    public init(id: BlockerID, title: String, category: BlockerCategory, surfacedBy: [TeamID] = [],
                owner: String? = nil, status: BlockerStatus = .open) {
        self.id = id
        self.title = title
        self.category = category
        self.surfacedBy = surfacedBy
        self.owner = owner
        self.status = status
    }
}
