import Foundation

public enum VoteRoundTag {}
public typealias VoteRoundID = Ref<VoteRoundTag>

/// Votes for one team: a line of a ballot or of a tally.
public struct TeamVotes: Codable, Hashable, Sendable {
    public var team: TeamID
    public var votes: Int

    public init(team: TeamID, votes: Int) {
        self.team = team
        self.votes = votes
    }
}

/// One person's votes in an attributed round.
public struct Ballot: Codable, Hashable, Sendable {
    /// Who voted, as typed by the facilitator.
    public var voter: String
    /// Votes per team, only teams with at least one vote, in team id order.
    public var votes: [TeamVotes]

    public init(voter: String, votes: [TeamVotes]) {
        self.voter = voter
        self.votes = votes
    }

    /// All the votes on the ballot.
    public var total: Int { votes.reduce(0) { $0 + $1.votes } }
}

/// A dot-voting round on the pilot candidates (DOMAIN.md §7): each person has `budget` votes to
/// spread over the teams, at most `capPerTeam` on one team when a cap is set.
///
/// Attributed rounds keep each ballot with the voter's name. Unattributed rounds never store who
/// voted, nor one person's ballot: a cast ballot is added to `totals` at once and only the count of
/// ballots is kept.
public struct VoteRound: Codable, Hashable, Sendable, Identifiable {
    public var id: VoteRoundID
    public var title: String
    /// Votes each person has.
    public var budget: Int
    /// Most votes one person may give a single team; nil: no cap.
    public var capPerTeam: Int?
    /// Whether ballots are kept with the voter's name.
    public var attributed: Bool
    /// The ballots of an attributed round, in the order cast; always empty when unattributed.
    public var ballots: [Ballot]
    /// The summed votes of an unattributed round (in team id order); always empty when attributed
    /// (the tally is then summed from the ballots).
    public var totals: [TeamVotes]
    /// How many ballots were cast (both kinds of round).
    public var ballotCount: Int
    /// Whether the facilitator has shown the tally to the room.
    public var revealed: Bool
    /// A closed round takes no more ballots.
    public var closed: Bool
    public var openedAt: Date
    /// When the ballots participants sent from `pilotwave join` to an unattributed round were
    /// counted (at the reveal or the close: until then they wait in the inbox, changeable, and no
    /// one's ballot is ever stored). Participants' ballots that come later are refused.
    public var countedAt: Date?

    public init(id: VoteRoundID, title: String, budget: Int, capPerTeam: Int? = nil, attributed: Bool,
                openedAt: Date, ballots: [Ballot] = [], totals: [TeamVotes] = [], ballotCount: Int = 0,
                revealed: Bool = false, closed: Bool = false, countedAt: Date? = nil) {
        self.id = id
        self.title = title
        self.budget = budget
        self.capPerTeam = capPerTeam
        self.attributed = attributed
        self.ballots = ballots
        self.totals = totals
        self.ballotCount = ballotCount
        self.revealed = revealed
        self.closed = closed
        self.openedAt = openedAt
        self.countedAt = countedAt
    }

    public static let budgetRange = 1...50
}

/// One team as it stood when a pilot selection was decided.
public struct SelectedTeam: Codable, Hashable, Sendable {
    public var team: TeamID
    /// The team's name at the time (the decision reads the same after a rename).
    public var name: String
    /// Its pilot score at the time; nil when unrated.
    public var score: Int?
    /// Its votes in the round used, if any.
    public var votes: Int?
    /// Its hard flags at the time, in words ("not cross-functional").
    public var flags: [String]

    public init(team: TeamID, name: String, score: Int?, votes: Int? = nil, flags: [String] = []) {
        self.team = team
        self.name = name
        self.score = score
        self.votes = votes
        self.flags = flags
    }
}

/// A criterion's weight as used in a decision.
public struct WeightUsed: Codable, Hashable, Sendable {
    public var criterion: CriterionKey
    public var name: String
    public var weight: Int

    public init(criterion: CriterionKey, name: String, weight: Int) {
        self.criterion = criterion
        self.name = name
        self.weight = weight
    }
}

/// What a pilot-selection decision records beyond its text: the teams chosen, the weights that
/// ranked them, the recommendation for the organisation's size and the vote tally, if any.
public struct PilotSelection: Codable, Hashable, Sendable {
    public var teams: [SelectedTeam]
    public var weights: [WeightUsed]
    /// "2–4" for a mid-size organisation.
    public var recommended: String
    /// The voting round whose tally was used, if any.
    public var voteRound: VoteRoundID?
    /// The whole tally of that round (every team with votes), highest first.
    public var tally: [TeamVotes]

    public init(teams: [SelectedTeam], weights: [WeightUsed], recommended: String,
                voteRound: VoteRoundID? = nil, tally: [TeamVotes] = []) {
        self.teams = teams
        self.weights = weights
        self.recommended = recommended
        self.voteRound = voteRound
        self.tally = tally
    }
}
