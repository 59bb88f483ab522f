import PilotwaveCore
import TerminalUI

/// The Pilots view's own state: the selected row of the ranking, the focused criterion of the
/// weights panel and the teams marked for comparison (the N of the robustness check is a plan setting).
public struct PilotsViewState: Sendable, Equatable {
    /// Row in the list (ranked teams, then out-of-scope teams).
    public var selected = 0
    public var top = 0
    /// The selected team, kept when the ranking re-orders.
    public var selectedID: TeamID?
    /// Index of the focused criterion in `plan.criteria`.
    public var criterion = 0
    /// Teams marked (m): c compares two or three of them, P puts them in a wave, p chooses them.
    public var marked: Set<TeamID> = []

    public init() {}

    public static let maxCompared = 3
}

/// One person's ballot being entered: the voter's name (attributed rounds), the votes per
/// candidate and the candidate under the cursor. Nothing is stored until it is cast.
public struct BallotDraft: Sendable, Equatable {
    public var round: VoteRoundID
    public var attributed: Bool
    public var budget: Int
    public var cap: Int?
    public var voter: TextInput
    /// The candidates in ranking order (in-scope teams), with their names.
    public var candidates: [(id: TeamID, name: String)]
    public var votes: [Int]
    public var selected = 0
    /// Whether the voter field has the keys (attributed rounds start there).
    public var editingVoter: Bool
    public var error: String?

    public var used: Int { votes.reduce(0, +) }
    public var left: Int { budget - used }

    public static func == (a: BallotDraft, b: BallotDraft) -> Bool {
        a.round == b.round && a.voter == b.voter && a.votes == b.votes && a.selected == b.selected
            && a.editingVoter == b.editingVoter && a.error == b.error && a.candidates.map(\.id) == b.candidates.map(\.id)
    }

    /// Adds (`delta` > 0) or takes back a vote on the selected candidate within the budget and cap;
    /// returns why not when refused.
    mutating func change(by delta: Int) -> String? {
        guard selected < votes.count else { return nil }
        let new = votes[selected] + delta
        if new < 0 { return nil }
        if delta > 0 && left <= 0 { return "no votes left (\(budget) per person)" }
        if delta > 0, let cap, new > cap { return "at most \(cap) per team" }
        votes[selected] = new
        return nil
    }

    var ballot: Ballot {
        Ballot(voter: attributed ? voter.text.trimmingWhitespace() : "",
               votes: zip(candidates, votes).filter { $0.1 > 0 }.map { TeamVotes(team: $0.0.id, votes: $0.1) })
    }
}

/// Rating the selected team on the focused criterion: the anchor sentence of each level on screen.
public struct RatePicker: Sendable, Equatable {
    public var team: TeamID
    public var teamName: String
    public var criterion: Criterion
    /// The level under the cursor, 1…5.
    public var level: Int
    public var current: Int?
}
