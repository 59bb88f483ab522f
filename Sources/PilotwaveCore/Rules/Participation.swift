import Foundation

/// The rules of rounds that participants answer from their own terminals (`pilotwave join`):
/// which rounds are open to them, whether a submission may be applied (every submission is read
/// as hostile input), the edit it becomes, and what the room may see.
public enum Participation {
    /// A round a participant can answer: the open dot-vote round or an open participants' round.
    public enum OpenRound: Hashable, Sendable {
        case vote(VoteRound)
        case round(ParticipantRound)

        public var title: String {
            switch self {
            case .vote(let r): r.title
            case .round(let r): r.title
            }
        }

        public var openedAt: Date {
            switch self {
            case .vote(let r): r.openedAt
            case .round(let r): r.openedAt
            }
        }

        /// The id a submission names.
        public var key: String {
            switch self {
            case .vote(let r): r.id.raw
            case .round(let r): r.id.raw
            }
        }

        public var kind: Submission.Kind {
            switch self {
            case .vote: .vote
            case .round(let r): r.kind == .readiness ? .readiness : .concern
            }
        }
    }

    /// Whether two names are the same person's (case and surrounding spaces aside).
    public static func sameName(_ a: String, _ b: String) -> Bool {
        a.trimmingWhitespace().lowercased() == b.trimmingWhitespace().lowercased()
    }

    /// Why `name` cannot be a participant's name; nil when it can.
    public static func nameProblem(_ name: String) -> String? {
        let trimmed = name.trimmingWhitespace()
        if trimmed.isEmpty { return "the participant's name is empty" }
        if trimmed.count > Submission.maxNameLength {
            return "the participant's name is longer than \(Submission.maxNameLength) characters"
        }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return "the participant's name holds control characters"
        }
        return nil
    }

    /// The rounds open to participants, newest first.
    public static func openRounds(_ plan: Plan) -> [OpenRound] {
        var open: [OpenRound] = []
        if let vote = plan.votes.last, !vote.closed, vote.countedAt == nil { open.append(.vote(vote)) }
        for r in plan.rounds where !r.closed { open.append(.round(r)) }
        return open.sorted { $0.openedAt > $1.openedAt }
    }

    /// The dimensions a readiness round on `team` (nil: the organisation) may rate: those not
    /// retired whose scope fits.
    public static func ratableDimensions(_ plan: Plan, team: TeamID?) -> [ReadinessDimension] {
        plan.dimensions.filter { d in
            !d.retired && (team == nil ? d.scope != .team : d.scope != .organisation)
        }
    }

    /// Why `ratings` cannot be `name`'s answer in `round`; nil when they can.
    public static func problem(ratings: [RoundRating], by name: String, in round: ParticipantRound) -> String? {
        if round.kind != .readiness { return "\(round.title) is not a readiness round" }
        if round.closed { return "\(round.title) is closed" }
        if let problem = nameProblem(name) { return problem }
        if ratings.isEmpty { return "no ratings given" }
        var seen = Set<DimensionKey>()
        for r in ratings {
            guard round.dimensions.contains(r.dimension) else { return "\(Words.value(r.dimension)) is not rated in \(round.title)" }
            guard seen.insert(r.dimension).inserted else { return "\(Words.value(r.dimension)) is rated twice" }
            guard Criterion.ratingRange.contains(r.rating) else { return "a rating must be 1–5, not \(r.rating)" }
            if r.evidence.count > Submission.maxEvidence { return "evidence longer than \(Submission.maxEvidence) characters" }
        }
        return nil
    }

    /// Why `submission` cannot be applied to `plan`, in words for the facilitator; nil when it can.
    /// Everything in it is checked: it came from a file anyone with access to the folder could write.
    public static func problem(with submission: Submission, plan: Plan) -> String? {
        if submission.format > Submission.currentFormat {
            return "written by a newer pilotwave (format \(submission.format))"
        }
        let name = submission.participant
        if let name, let problem = nameProblem(name) { return problem }
        switch submission.kind {
        case .vote:
            guard let name else { return "a ballot without a name" }
            guard let round = plan.votes.first(where: { $0.id.raw == submission.round }) else {
                return "no voting round \(Words.value(submission.round))"
            }
            guard plan.votes.last?.id == round.id else { return "\(round.title) is not the current voting round" }
            if round.closed { return "\(round.title) is closed" }
            if round.countedAt != nil { return "participants' votes in \(round.title) were already counted" }
            guard submission.ratings == nil, submission.concern == nil else { return "a ballot with other answers in it" }
            let ballot = Ballot(voter: name, votes: submission.votes ?? [])
            return Voting.problem(with: ballot, in: round, plan: plan, replacing: true)
        case .readiness:
            guard let name else { return "ratings without a name" }
            guard let round = plan.round(RoundID(submission.round)) else { return "no round \(Words.value(submission.round))" }
            guard submission.votes == nil, submission.concern == nil else { return "ratings with other answers in them" }
            return problem(ratings: submission.ratings ?? [], by: name, in: round)
        case .concern:
            guard let round = plan.round(RoundID(submission.round)) else { return "no round \(Words.value(submission.round))" }
            if round.kind != .concerns { return "\(round.title) is not a concerns round" }
            if round.closed { return "\(round.title) is closed" }
            guard submission.votes == nil, submission.ratings == nil else { return "a concern with other answers in it" }
            guard let concern = submission.concern else { return "a concern without words" }
            let words = concern.words.trimmingWhitespace()
            if words.isEmpty { return "a concern without words" }
            if words.count > Submission.maxWords { return "a concern longer than \(Submission.maxWords) characters" }
            guard let team = round.team, plan.team(team) != nil else { return "\(round.title) is about a team no longer in the plan" }
            return nil
        }
    }

    /// The edit a checked submission becomes; nil for a ballot in an unattributed round, which
    /// waits in the inbox until the round is counted (``countBallots(_:)``).
    public static func edit(for submission: Submission, plan: Plan, noteID: NoteID, now: Date) -> PlanEdit? {
        let name = submission.participant?.trimmingWhitespace()
        switch submission.kind {
        case .vote:
            guard let round = plan.votes.first(where: { $0.id.raw == submission.round }), round.attributed,
                let name else { return nil }
            return .submitBallot(round.id, Ballot(voter: name, votes: submission.votes ?? []))
        case .readiness:
            guard let name else { return nil }
            let ratings = (submission.ratings ?? []).map {
                RoundRating(dimension: $0.dimension, rating: $0.rating, evidence: $0.evidence.trimmingWhitespace())
            }
            return .submitRatings(RoundID(submission.round), RoundResponse(participant: name, ratings: ratings, at: now))
        case .concern:
            guard let round = plan.round(RoundID(submission.round)), let concern = submission.concern else { return nil }
            let note = ResistanceNote(id: noteID, team: round.team, words: concern.words.trimmingWhitespace(),
                                      kind: concern.kind, recordedAt: now, workshop: round.workshop, raisedBy: name)
            return .addConcern(round.id, note)
        }
    }

    /// Whether a ballot in `round` waits in the inbox until the round is counted (unattributed).
    public static func waitsForCount(_ submission: Submission, plan: Plan) -> Bool {
        guard submission.kind == .vote,
            let round = plan.votes.first(where: { $0.id.raw == submission.round }) else { return false }
        return !round.attributed && round.countedAt == nil
    }

    /// A readiness round's answers for one dimension: how many, the median, the spread (max − min).
    public struct Distribution: Hashable, Sendable {
        public var dimension: DimensionKey
        /// How many participants gave each rating 1…5 (index 0 is rating 1).
        public var counts: [Int]
        public var n: Int { counts.reduce(0, +) }
        public var min: Int? { counts.firstIndex { $0 > 0 }.map { $0 + 1 } }
        public var max: Int? { counts.lastIndex { $0 > 0 }.map { $0 + 1 } }
        public var spread: Int { (max ?? 0) - (min ?? 0) }
        /// The median; a half value ("3.5") when the middle two differ.
        public var median: Double? {
            guard n > 0 else { return nil }
            let sorted = counts.enumerated().flatMap { Array(repeating: $0.offset + 1, count: $0.element) }
            return n % 2 == 1 ? Double(sorted[n / 2]) : Double(sorted[n / 2 - 1] + sorted[n / 2]) / 2
        }
        /// The rating the median suggests recording (a half value rounds down: the cautious reading).
        public var suggested: Int? { median.map { Int($0.rounded(.down)) } }
        /// The room disagrees: ratings two or more apart.
        public var disagrees: Bool { n >= 2 && spread >= 2 }

        /// "n 5 · median 3 · 2–5", "n 0".
        public var summary: String {
            guard let median, let min, let max else { return "n 0" }
            let m = median == median.rounded() ? String(Int(median)) : String(format: "%.1f", median)
            return "n \(n) · median \(m) · \(min == max ? String(min) : "\(min)–\(max)")"
        }
    }

    /// The distribution of each dimension of a readiness round, in the round's order.
    public static func distributions(_ round: ParticipantRound) -> [Distribution] {
        round.dimensions.map { key in
            var counts = [0, 0, 0, 0, 0]
            for response in round.responses {
                for r in response.ratings where r.dimension == key && Criterion.ratingRange.contains(r.rating) {
                    counts[r.rating - 1] += 1
                }
            }
            return Distribution(dimension: key, counts: counts)
        }
    }

    /// The evidence lines given for `dimension`, with who gave them.
    public static func evidence(_ round: ParticipantRound, _ dimension: DimensionKey) -> [(name: String, rating: Int, text: String)] {
        round.responses.flatMap { response in
            response.ratings.filter { $0.dimension == dimension && !$0.evidence.isEmpty }
                .map { (response.participant, $0.rating, $0.evidence) }
        }
    }
}
