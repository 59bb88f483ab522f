import Foundation

extension PlanEdit {
    /// The edits of rounds that participants answer from `pilotwave join`.
    func applyParticipation(_ plan: inout Plan) throws(EditError) {
        switch self {
        case .submitBallot(let id, let ballot):
            guard let i = plan.votes.firstIndex(where: { $0.id == id }) else { throw EditError("no voting round \(id)") }
            guard plan.votes[i].attributed else {
                throw EditError("\(plan.votes[i].title) is unattributed: participants' ballots are counted together")
            }
            if let problem = Voting.problem(with: ballot, in: plan.votes[i], plan: plan, replacing: true) {
                throw EditError(problem)
            }
            let voter = ballot.voter.trimmingWhitespace()
            let lines = Voting.normalised(ballot.votes)
            if let b = plan.votes[i].ballots.firstIndex(where: { Participation.sameName($0.voter, voter) }) {
                plan.votes[i].ballots[b].votes = lines
            } else {
                plan.votes[i].ballots.append(Ballot(voter: voter, votes: lines))
                plan.votes[i].ballotCount += 1
            }
        case .countBallots(let id, let ballots, let at):
            guard let i = plan.votes.firstIndex(where: { $0.id == id }) else { throw EditError("no voting round \(id)") }
            guard !plan.votes[i].attributed else { throw EditError("\(plan.votes[i].title) keeps names: ballots go in one by one") }
            guard plan.votes[i].countedAt == nil else { throw EditError("participants' ballots in \(plan.votes[i].title) were already counted") }
            for ballot in ballots {
                var anonymous = ballot
                anonymous.voter = ""
                var open = plan.votes[i]
                open.closed = false
                if let problem = Voting.problem(with: anonymous, in: open, plan: plan) { throw EditError(problem) }
                Voting.cast(anonymous, into: &plan.votes[i])
            }
            plan.votes[i].countedAt = at
        case .openRound(let r):
            guard plan.round(r.id) == nil else { throw EditError("a round \(r.id) already exists") }
            try requireText(r.title, "round title")
            try requireWorkshop(r.workshop, plan)
            if let t = r.team { _ = try teamIndex(t, plan) }
            switch r.kind {
            case .readiness:
                guard !r.dimensions.isEmpty else { throw EditError("a readiness round rates at least one dimension") }
                for key in r.dimensions where plan.dimension(key) == nil { throw EditError("no readiness dimension \"\(key)\"") }
            case .concerns:
                guard r.team != nil else { throw EditError("a concerns round is about one team") }
            }
            plan.rounds.append(r)
        case .submitRatings(let id, let response):
            let i = try roundIndex(id, plan)
            if let problem = Participation.problem(ratings: response.ratings, by: response.participant, in: plan.rounds[i]) {
                throw EditError(problem)
            }
            if let r = plan.rounds[i].responses.firstIndex(where: { Participation.sameName($0.participant, response.participant) }) {
                plan.rounds[i].responses[r] = response
            } else {
                plan.rounds[i].responses.append(response)
            }
        case .addConcern(let id, let note):
            let i = try roundIndex(id, plan)
            guard plan.rounds[i].kind == .concerns else { throw EditError("\(plan.rounds[i].title) is not a concerns round") }
            guard !plan.rounds[i].closed else { throw EditError("\(plan.rounds[i].title) is closed") }
            try checkNote(note, plan)
            guard !plan.resistance.contains(where: { $0.id == note.id }) else { throw EditError("a note \(note.id) already exists") }
            plan.resistance.append(note)
            plan.rounds[i].concerns += 1
            if let name = note.raisedBy, !plan.rounds[i].named.contains(where: { Participation.sameName($0, name) }) {
                plan.rounds[i].named.append(name)
            }
        case .revealRound(let id, let shown):
            let i = try roundIndex(id, plan)
            plan.rounds[i].revealed = shown
        case .closeRound(let id):
            let i = try roundIndex(id, plan)
            plan.rounds[i].closed = true
        case .removeRound(let id):
            let i = try roundIndex(id, plan)
            plan.rounds.remove(at: i)
        default:
            break
        }
    }

    private func roundIndex(_ id: RoundID, _ plan: Plan) throws(EditError) -> Int {
        guard let i = plan.rounds.firstIndex(where: { $0.id == id }) else { throw EditError("no round \(id)") }
        return i
    }
}
