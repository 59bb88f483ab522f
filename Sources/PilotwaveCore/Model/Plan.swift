public enum OrgSize: String, StringEnum {
    case small, mid, large
    public var label: String { self == .mid ? "mid-size" : rawValue }
}

/// Team counts at which an organisation counts as mid-size and large, when its size is inferred.
public struct SizeThresholds: Codable, Hashable, Sendable {
    public var midFrom: Int
    public var largeFrom: Int
    public init(midFrom: Int = 8, largeFrom: Int = 40) {
        self.midFrom = midFrom
        self.largeFrom = largeFrom
    }
}

public struct Organisation: Codable, Hashable, Sendable {
    public var name: String
    /// Set by the user; `nil` means inferred from the number of teams with `thresholds`.
    public var size: OrgSize?
    public var thresholds: SizeThresholds

    public init(name: String, size: OrgSize? = nil, thresholds: SizeThresholds = SizeThresholds()) {
        self.name = name
        self.size = size
        self.thresholds = thresholds
    }
}

/// Facilitator-tunable numbers behind the hard flags and checks.
public struct PlanSettings: Codable, Hashable, Sendable {
    /// A team larger than this is flagged as too large to decide quickly.
    public var maxTeamSize: Int
    /// A wave holding more than this share (percent) of the in-scope teams counts as "everyone at once".
    public var maxWaveSharePercent: Int
    /// The N of the robustness check ("is the top N stable?", `<` `>` in the Pilots view); nil: the
    /// upper bound of the recommended pilot count. Optional in the file (absent in older files).
    public var robustnessTopN: Int?

    public init(maxTeamSize: Int = 10, maxWaveSharePercent: Int = 50, robustnessTopN: Int? = nil) {
        self.maxTeamSize = maxTeamSize
        self.maxWaveSharePercent = maxWaveSharePercent
        self.robustnessTopN = robustnessTopN
    }

    /// The N of the robustness check for `plan`: the one set, else the recommended pilot count's
    /// upper bound — the same N in the Pilots view, `pilotwave rank`, the report and a decision.
    public static func robustnessN(_ plan: Plan) -> Int {
        plan.settings.robustnessTopN ?? PilotCount.recommend(plan).range.upperBound
    }
}

/// A whole transformation plan: one JSON file.
public struct Plan: Codable, Hashable, Sendable, Identifiable {
    /// The file format version this value was read from or will be written as.
    public var schemaVersion: Int
    public var id: PlanID
    public var name: String
    public var organisation: Organisation
    public var settings: PlanSettings
    public var criteria: [Criterion]
    public var teams: [Team]
    public var stakeholders: [Stakeholder]
    public var coaches: [Coach]
    public var dimensions: [ReadinessDimension]
    public var signals: [ReadinessSignal]
    public var resistance: [ResistanceNote]
    public var waves: [Wave]
    public var blockers: [Blocker]
    public var decisions: [Decision]
    public var workshops: [Workshop]
    /// Actions agreed in workshops (or elsewhere), in the order agreed.
    public var actions: [ActionItem]
    /// Dot-voting rounds on the pilot candidates, in the order opened.
    public var votes: [VoteRound]
    /// Alternative wave plans, to compare with the current one and perhaps adopt, in the order made.
    public var scenarios: [Scenario]
    /// Rounds participants answer from their own terminals (readiness and concerns), in the order opened.
    public var rounds: [ParticipantRound]
    /// What a merge left for someone to decide (`pilotwave merge`); empty in a plan nobody merged.
    public var conflicts: [MergeConflict]

    /// The schema version this build writes (2 added `votes` and decisions' `selection`; 3 added
    /// `scenarios`; 4 added `actions`, workshops' session state and parking lot, steps' time spent,
    /// decisions' `workshop`; 5 added `rounds`, resistance notes' `raisedBy` and vote rounds' `countedAt`; 6 added `conflicts`).
    public static let currentSchemaVersion = 6

    public init(id: PlanID, name: String, organisation: Organisation,
                settings: PlanSettings = PlanSettings(),
                criteria: [Criterion] = Criterion.defaults, teams: [Team] = [],
                stakeholders: [Stakeholder] = [], coaches: [Coach] = [],
                dimensions: [ReadinessDimension] = ReadinessDimension.defaults,
                signals: [ReadinessSignal] = [], resistance: [ResistanceNote] = [], waves: [Wave] = [],
                blockers: [Blocker] = [], decisions: [Decision] = [], workshops: [Workshop] = [], actions: [ActionItem] = [],
                votes: [VoteRound] = [], scenarios: [Scenario] = [], rounds: [ParticipantRound] = [],
                conflicts: [MergeConflict] = []) {
        self.schemaVersion = Plan.currentSchemaVersion
        self.id = id
        self.name = name
        self.organisation = organisation
        self.settings = settings
        self.criteria = criteria
        self.teams = teams
        self.stakeholders = stakeholders
        self.coaches = coaches
        self.dimensions = dimensions
        self.signals = signals
        self.resistance = resistance
        self.waves = waves
        self.blockers = blockers
        self.decisions = decisions
        self.workshops = workshops
        self.actions = actions
        self.votes = votes
        self.scenarios = scenarios
        self.rounds = rounds
        self.conflicts = conflicts
    }

    /// A new, empty plan with the default criteria and readiness dimensions.
    public static func empty(id: PlanID, name: String, organisation: String, size: OrgSize? = nil) -> Plan {
        Plan(id: id, name: name, organisation: Organisation(name: organisation, size: size))
    }

    // MARK: Lookups (linear; callers on hot paths build an index once per revision)

    public func team(_ id: TeamID) -> Team? { teams.first { $0.id == id } }
    public func teamIndex(_ id: TeamID) -> Int? { teams.firstIndex { $0.id == id } }
    public func coach(_ id: CoachID) -> Coach? { coaches.first { $0.id == id } }
    public func wave(_ id: WaveID) -> Wave? { waves.first { $0.id == id } }
    public func blocker(_ id: BlockerID) -> Blocker? { blockers.first { $0.id == id } }
    public func stakeholder(_ id: StakeholderID) -> Stakeholder? { stakeholders.first { $0.id == id } }
    public func criterion(_ key: CriterionKey) -> Criterion? { criteria.first { $0.id == key } }
    public func voteRound(_ id: VoteRoundID) -> VoteRound? { votes.first { $0.id == id } }
    public func dimension(_ key: DimensionKey) -> ReadinessDimension? { dimensions.first { $0.id == key } }
    public func scenario(_ id: ScenarioID) -> Scenario? { scenarios.first { $0.id == id } }
    public func workshop(_ id: WorkshopID) -> Workshop? { workshops.first { $0.id == id } }
    public func action(_ id: ActionID) -> ActionItem? { actions.first { $0.id == id } }
    public func round(_ id: RoundID) -> ParticipantRound? { rounds.first { $0.id == id } }

    /// Waves in their planned order.
    public var orderedWaves: [Wave] { waves.sorted { ($0.order, $0.name) < ($1.order, $1.name) } }
}
