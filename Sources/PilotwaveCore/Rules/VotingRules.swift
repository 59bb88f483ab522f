/// Dot-voting rules (DOMAIN.md §7): ballots within the budget and the cap, tallies, and what the
/// room may see before the facilitator reveals the result.
public enum Voting {
    /// Why `ballot` cannot be cast in `round`, in words for the facilitator; nil when it can.
    /// `replacing`: the ballot replaces the voter's earlier one (a participant's resubmission).
    public static func problem(with ballot: Ballot, in round: VoteRound, plan: Plan, replacing: Bool = false) -> String? {
        if round.closed { return "the round \"\(round.title)\" is closed" }
        if round.attributed && replacing {
            if ballot.voter.trimmingWhitespace().isEmpty { return "say who is voting (this round keeps names)" }
        } else if round.attributed {
            let voter = ballot.voter.trimmingWhitespace()
            if voter.isEmpty { return "say who is voting (this round keeps names)" }
            if round.ballots.contains(where: { $0.voter.lowercased() == voter.lowercased() }) {
                return "\(voter) has already voted in this round"
            }
        }
        var seen = Set<TeamID>()
        // Summed here rather than with `ballot.total`: typed-in counts may be huge, and the sum
        // must refuse them, not overflow.
        var total = 0
        for line in ballot.votes {
            if line.votes < 0 { return "votes cannot be negative" }
            guard seen.insert(line.team).inserted else { return "\(line.team) appears twice on the ballot" }
            guard let team = plan.team(line.team) else { return "no team \(line.team)" }
            if team.status == .outOfScope { return "\(team.name) is out of scope" }
            if let cap = round.capPerTeam, line.votes > cap {
                return "at most \(Words.count(cap, "vote")) per team; \(team.name) has \(line.votes)"
            }
            if line.votes > round.budget {
                return "\(Words.count(line.votes, "vote")) for \(team.name); each person has \(round.budget)"
            }
            let (sum, overflow) = total.addingReportingOverflow(line.votes)
            if overflow { return "too many votes given; each person has \(round.budget)" }
            total = sum
        }
        if total > round.budget { return "\(Words.count(total, "vote")) given; each person has \(round.budget)" }
        if total == 0 { return "the ballot is empty" }
        return nil
    }

    /// Adds a checked ballot to the round: kept whole when attributed; only added to the totals
    /// (no name, no ballot) when not.
    public static func cast(_ ballot: Ballot, into round: inout VoteRound) {
        let lines = normalised(ballot.votes)
        if round.attributed {
            round.ballots.append(Ballot(voter: ballot.voter.trimmingWhitespace(), votes: lines))
        } else {
            round.totals = normalised(round.totals + lines)
        }
        round.ballotCount += 1
    }

    /// Votes per team (only teams with votes), summed over lines with the same team, in team id order.
    public static func normalised(_ lines: [TeamVotes]) -> [TeamVotes] {
        var sum: [TeamID: Int] = [:]
        for line in lines where line.votes > 0 { sum[line.team, default: 0] += line.votes }
        return sum.map { TeamVotes(team: $0.key, votes: $0.value) }.sorted { $0.team < $1.team }
    }

    /// The round's votes per team.
    public static func tally(_ round: VoteRound) -> [TeamID: Int] {
        var sum: [TeamID: Int] = [:]
        let lines = round.attributed ? round.ballots.flatMap(\.votes) : round.totals
        for line in lines { sum[line.team, default: 0] += line.votes }
        return sum
    }

    /// The tally as lines, most votes first (ties by team id).
    public static func tallyLines(_ round: VoteRound) -> [TeamVotes] {
        tally(round).map { TeamVotes(team: $0.key, votes: $0.value) }
            .sorted { $0.votes != $1.votes ? $0.votes > $1.votes : $0.team < $1.team }
    }

    /// What may be shown to the room: the tally once revealed, nothing before.
    public static func visibleTally(_ round: VoteRound) -> [TeamID: Int]? {
        round.revealed ? tally(round) : nil
    }

    /// The round the Pilots view shows: the newest one.
    public static func current(_ plan: Plan) -> VoteRound? { plan.votes.last }
}
