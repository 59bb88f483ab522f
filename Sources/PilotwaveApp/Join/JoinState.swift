import Foundation
import PilotwaveCore
import PilotwaveStorage
import TerminalUI

/// The participant's screen (`pilotwave join FILE --as NAME`): the plan as last read from disk,
/// the rounds open to participants, this person's drafts and what became of what they sent.
///
/// Pure: the runtime reads the plan, the inbox and the clock and hands them in as actions
/// (``JoinAction``); it performs the ``JoinEffect``s (write a submission, leave).
public struct JoinState: Sendable {
    /// What became of this person's answer in a round.
    public enum Status: Hashable, Sendable {
        case notSent
        /// The file is in the inbox: the facilitator's pilotwave has not read it yet.
        case waiting
        /// The plan shows it.
        case counted
        /// The file is gone but the plan does not show it: the facilitator's pilotwave refused it.
        case notCounted

        public var text: String {
            switch self {
            case .notSent: "not sent yet"
            case .waiting: "sent — waiting for the facilitator"
            case .counted: "counted"
            case .notCounted: "not counted: ask the facilitator"
            }
        }
    }

    /// One line of the message under the round: what the last key did, or why it was refused.
    public struct Message: Hashable, Sendable {
        public enum Kind: Hashable, Sendable { case info, done, error }
        public var text: String
        public var kind: Kind
        public init(_ text: String, _ kind: Kind) {
            self.text = text
            self.kind = kind
        }
    }

    /// A dot-vote candidate: an in-scope team in the Pilots ranking order.
    public struct Candidate: Hashable, Sendable {
        public var team: TeamID
        public var name: String
        /// The pilot score (0…100), nil when unrated.
        public var score: Int?
    }

    /// A ballot being made.
    public struct VoteDraft: Hashable, Sendable {
        public var dots: [TeamID: Int] = [:]
        /// The focused candidate (index into ``JoinState/candidates``).
        public var focus = 0
        public var given: Int { dots.values.reduce(0, +) }
        public init() {}
    }

    /// Ratings being made in a readiness round.
    public struct RatingDraft: Hashable, Sendable {
        public var ratings: [DimensionKey: Int] = [:]
        public var evidence: [DimensionKey: String] = [:]
        /// The focused dimension (index into the round's dimensions).
        public var focus = 0
        public init() {}
    }

    /// A concern being written.
    public struct ConcernDraft: Hashable, Sendable {
        public var kind: ResistanceKind = .noTime
        public var words = ""
        public var anonymous = false
        public init() {}
    }

    /// A concern this person sent in this session.
    public struct SentConcern: Hashable, Sendable {
        public var file: String
        public var anonymous: Bool
        /// How many concerns the round had when it was sent (an anonymous one is counted when the
        /// number grows).
        public var concernsBefore: Int
    }

    /// A line being typed: a dimension's evidence or a concern's words.
    public enum Editing: Hashable, Sendable {
        case evidence(round: String, dimension: DimensionKey, TextInput)
        case words(round: String, TextInput)

        public var input: TextInput {
            switch self {
            case .evidence(_, _, let input), .words(_, let input): input
            }
        }
    }

    /// The kinds of resistance a concern can be filed under, in the order offered.
    public static let concernKinds: [ResistanceKind] = ResistanceKind.allCases

    public private(set) var plan: Plan
    public let name: String
    public var size: Size
    public var now: Date
    /// Who is here (names in fresh presence files, in the order they joined).
    public var present: [String] = []
    /// The rounds on screen, newest first: the open ones, and those this person saw open or
    /// that the facilitator revealed.
    public private(set) var rounds: [Participation.OpenRound] = []
    /// The dot-vote candidates, in ranking order (worked out once per plan, not per key).
    public private(set) var candidates: [Candidate] = []
    /// The revealed tally of the vote round, per team (once per plan).
    public private(set) var tally: [TeamID: Int] = [:]
    /// The key (``Participation/OpenRound/key``) of the round shown.
    public var shown: String?
    public var votes: [String: VoteDraft] = [:]
    public var ratings: [String: RatingDraft] = [:]
    public var concerns: [String: ConcernDraft] = [:]
    /// Rounds this person sent a ballot or ratings to in this session.
    public var sent: Set<String> = []
    public var sentConcerns: [String: [SentConcern]] = [:]
    /// Whether each watched inbox file is still there, as the runtime last looked.
    public var inboxFiles: [String: Bool] = [:]
    public var editing: Editing?
    public var message: Message?
    /// The participant's keys, for docs/keys.md (the hint bar shows those of the round on screen).
    public static let keyTable: [(keys: String, what: String)] = [
        ("`tab` / `shift-tab`", "the next / previous open round (the newest first; one the facilitator opens comes to the front)"),
        ("`j` `k`, `up` `down`, `pgup` `pgdn`, `g` `G`", "move (dot vote: the candidates; readiness: the dimensions; concerns: the kinds)"),
        ("`+` / `-`", "dot vote: give a dot to the team / take one back, within the budget and the cap per team"),
        ("`1`–`5`, `h` `l`", "readiness: rate the dimension (a digit moves on to the next) / lower, raise; concerns: choose the kind by number"),
        ("`e`", "readiness: a line of evidence for the dimension; concerns: type the words (Enter keeps them, Esc drops the change)"),
        ("`a`", "concerns: send anonymously (no name anywhere) or named again"),
        ("`enter`", "send the answer; a ballot or ratings sent again replace the earlier ones until the round closes"),
        ("`q`, `ctrl-c`", "leave (the others see you go)"),
    ]

    /// Most concerns one participant sends in one round (a flood stalls no one: the rest are refused here).
    public static let maxConcerns = 20
    /// Rounds seen open in this session: still shown (as closed) once they close.
    var seen: Set<String> = []
    /// The reason the plan file could not be read again, if it could not.
    public var reloadProblem: String?

    public init(plan: Plan, name: String, size: Size, now: Date) {
        self.plan = plan
        self.name = name.trimmingWhitespace()
        self.size = size
        self.now = now
        replacePlan(plan)
    }

    /// Takes a new version of the plan: the rounds, candidates and tally are worked out again;
    /// drafts are kept.
    public mutating func replacePlan(_ plan: Plan) {
        self.plan = plan
        let open = Participation.openRounds(plan)
        // A round the facilitator has just opened comes to the front (unless a line is being typed).
        let opened = open.filter { !seen.contains($0.key) }.first
        let firstLook = seen.isEmpty
        for r in open { seen.insert(r.key) }
        var shownRounds = open
        var keys = Set(open.map(\.key))
        if let vote = plan.votes.last, !keys.contains(vote.id.raw), seen.contains(vote.id.raw) || (vote.revealed && !vote.closed) {
            shownRounds.append(.vote(vote))
            keys.insert(vote.id.raw)
        }
        for r in plan.rounds where !keys.contains(r.id.raw) && (seen.contains(r.id.raw) || (r.revealed && !r.closed)) {
            shownRounds.append(.round(r))
            keys.insert(r.id.raw)
        }
        rounds = shownRounds.sorted { $0.openedAt > $1.openedAt }
        if shown == nil || !keys.contains(shown!) { shown = rounds.first?.key }
        if let opened, !firstLook, editing == nil, shown != opened.key {
            shown = opened.key
            message = Message("The facilitator opened \(opened.title)", .info)
        }
        if let vote = plan.votes.last, keys.contains(vote.id.raw) {
            let ranked = RankingModel(plan: plan).rank()
            candidates = ranked.order.map { t in
                let team = plan.teams[Int(t)]
                let standing = ranked.standings[Int(t)]
                return Candidate(team: team.id, name: team.name,
                                 score: standing.value < 0 ? nil : Int(standing.value.rounded()))
            }
            tally = vote.revealed ? Voting.tally(vote) : [:]
            if votes[vote.id.raw] == nil { votes[vote.id.raw] = earlierBallot(vote) }
        } else {
            candidates = []
            tally = [:]
        }
        for case .round(let r) in rounds where r.kind == .readiness && ratings[r.id.raw] == nil {
            ratings[r.id.raw] = earlierRatings(r)
        }
    }

    /// The ballot this person cast earlier in an attributed round (joining again), else empty.
    private func earlierBallot(_ round: VoteRound) -> VoteDraft {
        var draft = VoteDraft()
        guard round.attributed, let mine = round.ballots.last(where: { Participation.sameName($0.voter, name) }) else { return draft }
        for line in mine.votes { draft.dots[line.team] = line.votes }
        return draft
    }

    private func earlierRatings(_ round: ParticipantRound) -> RatingDraft {
        var draft = RatingDraft()
        guard let mine = round.responses.last(where: { Participation.sameName($0.participant, name) }) else { return draft }
        for r in mine.ratings {
            draft.ratings[r.dimension] = r.rating
            if !r.evidence.isEmpty { draft.evidence[r.dimension] = r.evidence }
        }
        return draft
    }

    // MARK: Derived

    /// The round on screen.
    public var current: Participation.OpenRound? {
        guard let shown else { return nil }
        return rounds.first { $0.key == shown }
    }

    /// Whether `round` still takes answers.
    public func isOpen(_ round: Participation.OpenRound) -> Bool {
        switch round {
        case .vote(let v): !v.closed && v.countedAt == nil && plan.votes.last?.id == v.id
        case .round(let r): !r.closed
        }
    }

    /// The inbox file of this person's ballot or ratings in `round` (one per person and round);
    /// nil for a concerns round (each concern has its own file).
    public func fileName(_ round: Participation.OpenRound) -> String? {
        switch round {
        case .vote(let v): Inbox.fileName(for: .ballot(v.id, by: name, votes: [], at: now))
        case .round(let r) where r.kind == .readiness: Inbox.fileName(for: .ratings(r.id, by: name, [], at: now))
        case .round: nil
        }
    }

    /// The inbox files whose presence the runtime should check.
    public var watchedFiles: [String] {
        var files: [String] = []
        for r in rounds {
            if let file = fileName(r) { files.append(file) }
            files += (sentConcerns[r.key] ?? []).map(\.file)
        }
        return files
    }

    /// What became of this person's ballot or ratings in `round`.
    public func status(_ round: Participation.OpenRound) -> Status {
        if let file = fileName(round), inboxFiles[file] == true { return .waiting }
        let counted: Bool
        switch round {
        case .vote(let v):
            if v.attributed {
                let sentVotes = votes[v.id.raw].map { Voting.normalised($0.dots.map { TeamVotes(team: $0.key, votes: $0.value) }) }
                counted = v.ballots.contains { b in
                    Participation.sameName(b.voter, name) && (sentVotes == nil || Voting.normalised(b.votes) == sentVotes!)
                }
            } else {
                counted = v.countedAt != nil && sent.contains(v.id.raw)
            }
        case .round(let r):
            counted = r.responses.contains { Participation.sameName($0.participant, name) }
        }
        if counted { return .counted }
        return sent.contains(round.key) ? .notCounted : .notSent
    }

    /// What became of one concern sent.
    public func status(_ concern: SentConcern, in round: ParticipantRound) -> Status {
        if inboxFiles[concern.file] ?? true { return .waiting }
        let counted = concern.anonymous ? round.concerns > concern.concernsBefore
            : round.named.contains { Participation.sameName($0, name) }
        return counted ? .counted : .notCounted
    }

    /// The summary of concerns sent, when `round` is a concerns round.
    public func concernsSummary(for round: Participation.OpenRound) -> String? {
        if case .round(let r) = round, r.kind == .concerns { return concernsSummary(r) }
        return nil
    }

    /// "2 concerns sent: 1 counted, 1 sent — waiting for the facilitator".
    public func concernsSummary(_ round: ParticipantRound) -> String? {
        let mine = sentConcerns[round.id.raw] ?? []
        guard !mine.isEmpty else { return nil }
        var counts: [Status: Int] = [:]
        for c in mine { counts[status(c, in: round), default: 0] += 1 }
        let parts = [Status.counted, .waiting, .notCounted].compactMap { s in counts[s].map { "\($0) \(s.text)" } }
        return "You sent \(Words.count(mine.count, "concern")): " + parts.joined(separator: ", ")
    }
}
