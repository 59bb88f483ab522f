import Foundation

/// The kinds of resistance of DOMAIN.md §5, each with its typical responses.
public enum ResistanceKind: String, StringEnum {
    case noTime, beginnerAgain, neverWorkHere, favouredSolutions, reducedControl, updateBottlenecks, other

    public var label: String {
        switch self {
        case .noTime: "\"We don't have time\""
        case .beginnerAgain: "\"I don't want to be a beginner again\""
        case .neverWorkHere: "\"That will never work here\""
        case .favouredSolutions: "attachment to favoured solutions"
        case .reducedControl: "discomfort with reduced control"
        case .updateBottlenecks: "bottlenecks in getting updates"
        case .other: "other"
        }
    }

    /// Whether this kind usually comes from teams or from leaders and stakeholders.
    public var typicalSource: String {
        switch self {
        case .noTime, .beginnerAgain, .neverWorkHere: "teams"
        case .favouredSolutions, .reducedControl, .updateBottlenecks: "leaders and stakeholders"
        case .other: "anyone"
        }
    }

    /// The playbook of typical responses, most relevant first.
    public var playbook: [String] {
        switch self {
        case .noTime:
            ["Unpack the delivery pressures behind it and take something off the team's plate.",
             "Contrast today's pain with the desired outcome.",
             "Commit to clear check-in points so the cost stays visible."]
        case .beginnerAgain:
            ["Normalise the discomfort of learning; leaders go first.",
             "Pair the team with an experienced coach.",
             "Commit to clear check-in points."]
        case .neverWorkHere:
            ["Contrast today's pain with the desired outcome.",
             "Point to a bright spot: a pilot that is already working.",
             "Make strategic context accessible so the why is visible."]
        case .favouredSolutions:
            ["Sharpen the outcome definition so solutions are judged against it.",
             "Make strategic context accessible; ask stakeholders for constraints, not solutions.",
             "Say plainly whether feedback is a suggestion or a decision."]
        case .reducedControl:
            ["Commit to clear check-in points and a predictable demo ritual.",
             "Agree the outcome with the leader so they manage by outcomes.",
             "Keep a decision log everyone can read."]
        case .updateBottlenecks:
            ["Commit to clear check-in points (a discovery–delivery demo).",
             "Make strategic context and progress accessible without asking.",
             "Share the decision log."]
        case .other:
            ["Treat it as an objection to understand: ask what lies behind it."]
        }
    }
}

public enum Severity: String, StringEnum {
    case low, medium, high
    public var label: String { rawValue }
    public var rank: Int { self == .low ? 0 : self == .medium ? 1 : 2 }
}

public enum NoteStatus: String, StringEnum {
    case open, beingAddressed, resolved
    public var label: String { self == .beingAddressed ? "being addressed" : rawValue }
}

/// Resistance heard from a team or a stakeholder, treated as an objection to understand.
public struct ResistanceNote: Codable, Hashable, Sendable, Identifiable {
    public var id: NoteID
    /// Exactly one of `team` and `stakeholder` names the source (validated on load).
    public var team: TeamID?
    public var stakeholder: StakeholderID?
    /// The words heard, as close to verbatim as possible.
    public var words: String
    public var kind: ResistanceKind
    public var rootCause: String?
    public var severity: Severity
    public var status: NoteStatus
    public var response: String?
    public var owner: String?
    public var followUp: Day?
    public var recordedAt: Date
    /// The workshop it was heard in (captured while that workshop ran), if any.
    public var workshop: WorkshopID?
    /// Who raised it, when a participant sent it named from `pilotwave join`; nil for notes the
    /// facilitator typed and for anonymous concerns.
    public var raisedBy: String?

    public init(id: NoteID, team: TeamID? = nil, stakeholder: StakeholderID? = nil, words: String,
                kind: ResistanceKind, rootCause: String? = nil, severity: Severity = .medium,
                status: NoteStatus = .open, response: String? = nil, owner: String? = nil,
                followUp: Day? = nil, recordedAt: Date, workshop: WorkshopID? = nil, raisedBy: String? = nil) {
        self.id = id
        self.team = team
        self.stakeholder = stakeholder
        self.words = words
        self.kind = kind
        self.rootCause = rootCause
        self.severity = severity
        self.status = status
        self.response = response
        self.owner = owner
        self.followUp = followUp
        self.recordedAt = recordedAt
        self.workshop = workshop
        self.raisedBy = raisedBy
    }

    public var hasResponseAndOwner: Bool {
        !(response ?? "").trimmingWhitespace().isEmpty && !(owner ?? "").trimmingWhitespace().isEmpty
    }
}

public enum Stance: String, StringEnum {
    case unaware, resistant, neutral, supportive, leading
    public var label: String { rawValue }
}

/// A stakeholder's stance moving from one value to another, and when it was recorded.
public struct StanceChange: Codable, Hashable, Sendable {
    public var from: Stance
    public var to: Stance
    public var at: Date
    public init(from: Stance, to: Stance, at: Date) {
        self.from = from
        self.to = to
        self.at = at
    }
}

public struct Stakeholder: Codable, Hashable, Sendable, Identifiable {
    public var id: StakeholderID
    public var name: String
    public var role: String
    public var stance: Stance
    public var desiredStance: Stance
    /// How the stance got where it is, oldest first: a change of stance is appended, never
    /// overwritten. Nil (left out of the file) until the stance first changes.
    public var stanceHistory: [StanceChange]?

    public init(id: StakeholderID, name: String, role: String = "", stance: Stance = .neutral,
                desiredStance: Stance = .supportive, stanceHistory: [StanceChange]? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.stance = stance
        self.desiredStance = desiredStance
        self.stanceHistory = stanceHistory
    }

    /// This stakeholder with the stance `new`, the change kept in the history (nothing when unchanged).
    public func withStance(_ new: Stance, at date: Date) -> Stakeholder {
        guard new != stance else { return self }
        var s = self
        s.stanceHistory = (stanceHistory ?? []) + [StanceChange(from: stance, to: new, at: date)]
        s.stance = new
        return s
    }
}
