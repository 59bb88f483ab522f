import Foundation

/// What a participant sends from `pilotwave join`: one small JSON file in the plan's inbox. The
/// facilitator's pilotwave reads it as hostile input (``Participation/problem(with:plan:)``),
/// applies it as one undoable edit and removes it.
public struct Submission: Codable, Hashable, Sendable {
    public enum Kind: String, StringEnum {
        case vote, readiness, concern
        public var label: String { rawValue }
    }

    /// The words of a concern and the kind of resistance the participant chose.
    public struct Concern: Codable, Hashable, Sendable {
        public var kind: ResistanceKind
        public var words: String
        public init(kind: ResistanceKind, words: String) {
            self.kind = kind
            self.words = words
        }
    }

    /// The file format of a submission; a newer one is refused by name.
    public static let currentFormat = 1
    /// The largest submission file read; a larger one is refused without being read.
    public static let maxBytes = 16 * 1024
    /// The longest participant name.
    public static let maxNameLength = 40
    /// The longest concern, and line of evidence.
    public static let maxWords = 600
    public static let maxEvidence = 200

    public var format: Int
    public var kind: Kind
    /// A vote round's id for `vote`, a participants' round's id otherwise.
    public var round: String
    /// Who sent it; nil only for an anonymous concern, which carries no name at all.
    public var participant: String?
    /// A ballot (`vote`): votes per team.
    public var votes: [TeamVotes]?
    /// Ratings (`readiness`).
    public var ratings: [RoundRating]?
    /// A concern (`concern`).
    public var concern: Concern?
    public var at: Date

    public init(kind: Kind, round: String, participant: String?, votes: [TeamVotes]? = nil,
                ratings: [RoundRating]? = nil, concern: Concern? = nil, at: Date) {
        self.format = Submission.currentFormat
        self.kind = kind
        self.round = round
        self.participant = participant
        self.votes = votes
        self.ratings = ratings
        self.concern = concern
        self.at = at
    }

    /// A ballot in the open vote round.
    public static func ballot(_ round: VoteRoundID, by name: String, votes: [TeamVotes], at: Date) -> Submission {
        Submission(kind: .vote, round: round.raw, participant: name, votes: votes, at: at)
    }

    /// Ratings in a readiness round.
    public static func ratings(_ round: RoundID, by name: String, _ ratings: [RoundRating], at: Date) -> Submission {
        Submission(kind: .readiness, round: round.raw, participant: name, ratings: ratings, at: at)
    }

    /// A concern, named (`by` a name) or anonymous (`by` nil).
    public static func concern(_ round: RoundID, by name: String?, kind: ResistanceKind, words: String, at: Date) -> Submission {
        Submission(kind: .concern, round: round.raw, participant: name, concern: Concern(kind: kind, words: words), at: at)
    }

    /// Whether a later submission of the same person to the same round replaces this one.
    public var replacesEarlier: Bool { kind != .concern }
}
