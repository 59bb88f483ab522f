import Foundation

public enum RoundTag {}
/// A participants' round (readiness or concerns).
public typealias RoundID = Ref<RoundTag>

/// What participants answer in a round they join from their own terminals.
public enum RoundKind: String, StringEnum {
    /// Each participant rates the round's readiness dimensions 1–5, with an optional line of evidence.
    case readiness
    /// Each participant writes resistance notes (kind, words), named or anonymous.
    case concerns

    public var label: String { self == .readiness ? "readiness round" : "concerns round" }
}

/// One participant's rating of one dimension in a readiness round.
public struct RoundRating: Codable, Hashable, Sendable {
    public var dimension: DimensionKey
    public var rating: Int
    public var evidence: String

    public init(dimension: DimensionKey, rating: Int, evidence: String = "") {
        self.dimension = dimension
        self.rating = rating
        self.evidence = evidence
    }
}

/// One participant's current answer in a readiness round: a resubmission replaces it.
public struct RoundResponse: Codable, Hashable, Sendable {
    public var participant: String
    public var ratings: [RoundRating]
    public var at: Date

    public init(participant: String, ratings: [RoundRating], at: Date) {
        self.participant = participant
        self.ratings = ratings
        self.at = at
    }
}

/// A round the facilitator opens for participants who join from their own terminals
/// (`pilotwave join`): a readiness round on one team (or the organisation) or a concerns round
/// about one team. Dot-vote rounds are ``VoteRound``s; participants vote in the open one.
///
/// What a participant answered stays hidden — on every screen — until the facilitator reveals the
/// round; who has answered is shown at once.
public struct ParticipantRound: Codable, Hashable, Sendable, Identifiable {
    public var id: RoundID
    public var kind: RoundKind
    public var title: String
    /// The team rated or spoken about; nil: the organisation as a whole (readiness rounds only).
    public var team: TeamID?
    /// The dimensions rated, in the order asked (readiness rounds; empty for concerns).
    public var dimensions: [DimensionKey]
    /// Each participant's latest answer, in the order first received (readiness rounds).
    public var responses: [RoundResponse]
    /// How many concerns the round has received (concerns rounds; the notes are in the log).
    public var concerns: Int
    /// The names of those who sent a named concern, in the order first received (concerns rounds;
    /// anonymous concerns are only counted).
    public var named: [String]
    /// Whether the answers are shown to the room.
    public var revealed: Bool
    /// A closed round takes no more answers.
    public var closed: Bool
    public var openedAt: Date
    /// The workshop it was opened in, if one was running.
    public var workshop: WorkshopID?

    public init(id: RoundID, kind: RoundKind, title: String, team: TeamID? = nil, dimensions: [DimensionKey] = [],
                responses: [RoundResponse] = [], concerns: Int = 0, named: [String] = [], revealed: Bool = false,
                closed: Bool = false, openedAt: Date, workshop: WorkshopID? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.team = team
        self.dimensions = dimensions
        self.responses = responses
        self.concerns = concerns
        self.named = named
        self.revealed = revealed
        self.closed = closed
        self.openedAt = openedAt
        self.workshop = workshop
    }

    /// Who has answered, in the order first received.
    public var respondents: [String] {
        kind == .readiness ? responses.map(\.participant) : named
    }
}
