import Foundation
import PilotwaveCore

/// A file found in the plan's inbox, as the runtime read it (the reducer never touches files).
public struct InboxItem: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case submission(Submission)
        /// Not readable as a submission; why.
        case refused(String)
    }

    /// The file's name in the inbox.
    public var file: String
    /// Which version of the file (a resubmission is another).
    public var version: String
    public var content: Content

    public init(file: String, version: String, content: Content) {
        self.file = file
        self.version = version
        self.content = content
    }

    var key: String { file + "@" + version }
}

/// What the runtime found in the inbox in one look: who is here and the files waiting.
public struct InboxDelivery: Sendable, Equatable {
    public var present: [String]
    public var items: [InboxItem]

    public init(present: [String], items: [InboxItem]) {
        self.present = present
        self.items = items
    }
}

/// A submission the facilitator's pilotwave refused, and why (shown in the Room).
public struct Refusal: Sendable, Equatable {
    public var who: String
    public var reason: String
    public var at: Date
}

/// The room of participants who joined with `pilotwave join`, as the facilitator's pilotwave sees it.
public struct RoomState: Sendable, Equatable {
    struct Applied: Sendable, Equatable {
        var item: InboxItem
        /// The plan revision holding it: the file goes once a save at or after it is done.
        var revision: Int
    }

    /// Whether the plan's inbox is read (a plan file open for writing).
    public var watching = false
    /// Who is here now, in the order they joined.
    public internal(set) var present: [String] = []
    /// Everyone seen here this session, in the order they joined.
    public internal(set) var joined: [String] = []
    /// Ballots of an unattributed round, waiting in the inbox until the round is counted.
    public internal(set) var waiting: [InboxItem] = []
    /// Refused submissions, newest last (the last 20).
    public internal(set) var refused: [Refusal] = []
    /// Applied submissions whose files go once the plan holding them is saved.
    var applied: [Applied] = []
    /// Files (versions) already dealt with.
    var handled: Set<String> = []

    public init() {}

    /// Who has a ballot waiting in `round` (unattributed rounds: names are never stored in the plan).
    public func waitingVoters(_ round: VoteRoundID) -> [String] {
        waiting.compactMap {
            guard case .submission(let s) = $0.content, s.round == round.raw else { return nil }
            return s.participant
        }
    }
}

/// The Room overlay (`@`): who is here, each open round, refusals; a revealed readiness round's
/// distributions, one selectable line per dimension.
public struct RoomOverlay: Sendable, Equatable {
    public var selected = 0
    public init(selected: Int = 0) { self.selected = selected }
}

extension Participation {
    /// The rounds the Room lists: the current vote round while open, then participants' rounds
    /// still open or revealed, newest first.
    public static func roomRounds(_ plan: Plan) -> [OpenRound] {
        var list: [OpenRound] = []
        if let vote = plan.votes.last, !vote.closed { list.append(.vote(vote)) }
        for r in plan.rounds where !r.closed || (r.kind == .readiness && r.revealed) { list.append(.round(r)) }
        return list.sorted { $0.openedAt > $1.openedAt }
    }
}
