import Foundation
import Testing
@testable import PilotwaveCore

@Suite("Dot voting: ballots, tallies, rounds as edits")
struct VotingTests {
    // MARK: Helpers

    static let attributedID: VoteRoundID = "vr-named"
    static let anonymousID: VoteRoundID = "vr-anon"

    /// Three candidates, a pilot and an out-of-scope team; no rounds.
    static func fixture() -> RulesFixture {
        var f = RulesFixture()
        f.team("t-a", "Alpha")
        f.team("t-b", "Beta")
        f.team("t-c", "Gamma")
        f.team("t-p", "Pilot", status: .pilot)
        f.team("t-out", "Compliance", status: .outOfScope)
        return f
    }

    static func round(_ id: VoteRoundID = attributedID, title: String = "Pick the pilots", budget: Int = 5,
                      cap: Int? = 3, attributed: Bool = true) -> VoteRound {
        VoteRound(id: id, title: title, budget: budget, capPerTeam: cap, attributed: attributed,
                  openedAt: RulesFixture.at(10))
    }

    /// The fixture with an attributed round (budget 5, cap 3) and an unattributed one (budget 5, no cap).
    static func planWithRounds() throws -> Plan {
        var plan = fixture().plan
        try PlanEdit.openVoteRound(round()).apply(to: &plan)
        try PlanEdit.openVoteRound(round(anonymousID, title: "Secret ballot", cap: nil, attributed: false))
            .apply(to: &plan)
        return plan
    }

    static func ballot(_ voter: String, _ votes: [(TeamID, Int)]) -> Ballot {
        Ballot(voter: voter, votes: votes.map { TeamVotes(team: $0.0, votes: $0.1) })
    }

    static func lines(_ votes: [(TeamID, Int)]) -> [TeamVotes] { votes.map { TeamVotes(team: $0.0, votes: $0.1) } }

    /// The message an edit is refused with, nil when it applies; the plan must be unchanged on refusal.
    static func refusal(_ edit: PlanEdit, _ plan: Plan, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        var copy = plan
        do {
            try edit.apply(to: &copy)
            return nil
        } catch {
            #expect(copy == plan, "a refused edit leaves the plan unchanged", sourceLocation: sourceLocation)
            return error.message
        }
    }

    /// Why `ballot` is refused in the attributed round of `planWithRounds()` (or `round`).
    static func problem(_ ballot: Ballot, round id: VoteRoundID = attributedID) throws -> String? {
        let plan = try planWithRounds()
        return Voting.problem(with: ballot, in: try #require(plan.voteRound(id)), plan: plan)
    }

    // MARK: Ballot checks

    @Test func aBallotWithinBudgetAndCapIsAccepted() throws {
        #expect(try Self.problem(Self.ballot("Ana", [("t-a", 3), ("t-b", 2)])) == nil)
        #expect(try Self.problem(Self.ballot("Ana", [("t-a", 1)])) == nil, "not every vote must be used")
        #expect(try Self.problem(Self.ballot("Ana", [("t-p", 1), ("t-c", 0), ("t-a", 1)])) == nil,
                "pilots may be voted for; zero lines are harmless")
        #expect(try Self.problem(Self.ballot("", [("t-a", 5)]), round: Self.anonymousID) == nil,
                "no cap and no name needed in the unattributed round")
    }

    @Test func overBudgetIsRefusedNamingTheBudget() throws {
        #expect(try Self.problem(Self.ballot("Ana", [("t-a", 3), ("t-b", 3)])) == "6 votes given; each person has 5")
        #expect(try Self.problem(Self.ballot("", [("t-a", 4), ("t-b", 2)]), round: Self.anonymousID)
                == "6 votes given; each person has 5")
        let plan = try Self.planWithRounds()
        #expect(Self.refusal(.castBallot(Self.anonymousID, Self.ballot("", [("t-a", 2), ("t-b", 2), ("t-c", 2)])), plan)
                == "6 votes given; each person has 5")
        #expect(Self.refusal(.castBallot(Self.anonymousID, Self.ballot("", [("t-a", 6)])), plan)
                == "6 votes for Alpha; each person has 5")
    }

    @Test func hugeVoteCountsAreRefusedNotOverflowed() throws {
        // Two lines whose sum does not fit in an Int: refused on the budget, without trapping.
        let huge = Self.ballot("", [("t-a", Int.max), ("t-b", Int.max)])
        #expect(try Self.problem(huge, round: Self.anonymousID)
                == "9223372036854775807 votes for Alpha; each person has 5")
        #expect(try Self.problem(Self.ballot("", [("t-b", 1), ("t-a", 6)]), round: Self.anonymousID)
                == "6 votes for Alpha; each person has 5")
        // With a cap, the cap speaks first.
        #expect(try Self.problem(Self.ballot("Ana", [("t-a", Int.max), ("t-b", Int.max)]))
                == "at most 3 votes per team; Alpha has 9223372036854775807")
        var plan = try Self.planWithRounds()
        #expect(Self.refusal(.castBallot(Self.anonymousID, huge), plan) != nil)
        // A round read from a file with an enormous budget still sums without trapping.
        plan.votes[1].budget = Int.max - 1
        let almost = Self.ballot("", [("t-a", Int.max - 1), ("t-b", Int.max - 1)])
        #expect(Voting.problem(with: almost, in: plan.votes[1], plan: plan)
                == "too many votes given; each person has 9223372036854775806")
    }

    @Test func overTheCapIsRefusedNamingCapAndTeam() throws {
        #expect(try Self.problem(Self.ballot("Ana", [("t-a", 1), ("t-b", 4)])) == "at most 3 votes per team; Beta has 4")
        var one = Self.round(cap: 1)
        one.id = "vr-one"
        var plan = Self.fixture().plan
        try PlanEdit.openVoteRound(one).apply(to: &plan)
        #expect(Self.refusal(.castBallot("vr-one", Self.ballot("Ana", [("t-c", 2)])), plan)
                == "at most 1 vote per team; Gamma has 2")
        #expect(Self.refusal(.castBallot("vr-one", Self.ballot("Ana", [("t-c", 1), ("t-a", 1)])), plan) == nil)
    }

    @Test func malformedBallotsAreRefused() throws {
        #expect(try Self.problem(Self.ballot("Ana", [("t-a", -1), ("t-b", 3)])) == "votes cannot be negative")
        #expect(try Self.problem(Self.ballot("Ana", [("t-a", 3), ("t-b", 3), ("t-c", -1)])) == "votes cannot be negative",
                "a negative line cannot buy room for another")
        #expect(try Self.problem(Self.ballot("Ana", [])) == "the ballot is empty")
        #expect(try Self.problem(Self.ballot("Ana", [("t-a", 0), ("t-b", 0)])) == "the ballot is empty")
        #expect(try Self.problem(Self.ballot("Ana", [("t-zz", 1)])) == "no team t-zz")
        #expect(try Self.problem(Self.ballot("Ana", [("t-out", 1)])) == "Compliance is out of scope")
        #expect(try Self.problem(Self.ballot("Ana", [("t-a", 1), ("t-a", 1)])) == "t-a appears twice on the ballot")
        #expect(try Self.problem(Self.ballot("", [("t-out", 1)]), round: Self.anonymousID) == "Compliance is out of scope")
    }

    @Test func votersInAnAttributedRoundAreNamedOnce() throws {
        var plan = try Self.planWithRounds()
        try PlanEdit.castBallot(Self.attributedID, Self.ballot("Ana Ruiz", [("t-a", 2)])).apply(to: &plan)
        for again in ["Ana Ruiz", "ana ruiz", "  ANA RUIZ\t"] {
            #expect(Self.refusal(.castBallot(Self.attributedID, Self.ballot(again, [("t-b", 1)])), plan)
                    == "\(again.trimmingWhitespace()) has already voted in this round")
        }
        for nobody in ["", "   ", "\t\n"] {
            #expect(Self.refusal(.castBallot(Self.attributedID, Self.ballot(nobody, [("t-b", 1)])), plan)
                    == "say who is voting (this round keeps names)")
        }
        #expect(Self.refusal(.castBallot(Self.attributedID, Self.ballot("Ana Ruiz-Lopez", [("t-b", 1)])), plan) == nil)
        // The unattributed round takes any number of ballots, named or not.
        for _ in 0..<3 {
            try PlanEdit.castBallot(Self.anonymousID, Self.ballot("Ana Ruiz", [("t-a", 1)])).apply(to: &plan)
        }
        #expect(plan.voteRound(Self.anonymousID)?.ballotCount == 3)
    }

    @Test func aClosedRoundTakesNoBallots() throws {
        var plan = try Self.planWithRounds()
        try PlanEdit.closeVoteRound(Self.attributedID).apply(to: &plan)
        try PlanEdit.closeVoteRound(Self.anonymousID).apply(to: &plan)
        #expect(plan.votes.allSatisfy { $0.closed })
        #expect(Self.refusal(.castBallot(Self.attributedID, Self.ballot("Ana", [("t-a", 1)])), plan)
                == "the round \"Pick the pilots\" is closed")
        #expect(Self.refusal(.castBallot(Self.anonymousID, Self.ballot("", [("t-a", 1)])), plan)
                == "the round \"Secret ballot\" is closed")
        #expect(Self.refusal(.castBallot("vr-none", Self.ballot("Ana", [("t-a", 1)])), plan) == "no voting round vr-none")
    }

    // MARK: Casting and tallies

    @Test func unattributedRoundsKeepNoNamesAndNoBallots() throws {
        var plan = try Self.planWithRounds()
        let before = try #require(plan.voteRound(Self.anonymousID))
        let edit = PlanEdit.castBallot(Self.anonymousID, Self.ballot("Quentin Secretvoter", [("t-c", 1), ("t-a", 4)]))
        #expect(!edit.title(in: plan).contains("Quentin"), "the undo label does not name the voter")
        try edit.apply(to: &plan)
        try PlanEdit.castBallot(Self.anonymousID, Self.ballot("Rosa Hiddenname", [("t-a", 1), ("t-b", 2)]))
            .apply(to: &plan)
        let after = try #require(plan.voteRound(Self.anonymousID))
        #expect(after.ballots.isEmpty)
        #expect(after.totals == Self.lines([("t-a", 5), ("t-b", 2), ("t-c", 1)]))
        #expect(after.ballotCount == 2)
        // Nothing else about the round changed.
        var expected = before
        expected.totals = after.totals
        expected.ballotCount = 2
        #expect(after == expected)
        let json = String(decoding: try JSONEncoder().encode(after), as: UTF8.self)
        #expect(!json.contains("Quentin") && !json.contains("Secretvoter") && !json.contains("Rosa"))
        let plansJSON = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        #expect(!plansJSON.contains("Secretvoter") && !plansJSON.contains("Hiddenname"))
        #expect(try JSONDecoder().decode(VoteRound.self, from: JSONEncoder().encode(after)) == after)
    }

    @Test func attributedRoundsKeepBallotsInOrder() throws {
        var plan = try Self.planWithRounds()
        let edit = PlanEdit.castBallot(Self.attributedID, Self.ballot("  Ben  ", [("t-c", 1), ("t-a", 2), ("t-b", 0)]))
        #expect(edit.title(in: plan).contains("Ben"))
        try edit.apply(to: &plan)
        try PlanEdit.castBallot(Self.attributedID, Self.ballot("Ana", [("t-b", 3), ("t-p", 2)])).apply(to: &plan)
        let round = try #require(plan.voteRound(Self.attributedID))
        // Voter trimmed, lines in team id order without the zero line.
        #expect(round.ballots == [Self.ballot("Ben", [("t-a", 2), ("t-c", 1)]),
                                  Self.ballot("Ana", [("t-b", 3), ("t-p", 2)])])
        #expect(round.totals.isEmpty && round.ballotCount == 2)
        #expect(Voting.tally(round) == ["t-a": 2, "t-b": 3, "t-c": 1, "t-p": 2])
    }

    @Test func talliesSumBothKindsOfRound() throws {
        var plan = try Self.planWithRounds()
        let ballots = [Self.ballot("Ana", [("t-a", 2), ("t-c", 1)]),
                       Self.ballot("Ben", [("t-a", 1), ("t-b", 3)]),
                       Self.ballot("Cleo", [("t-c", 2), ("t-b", 1), ("t-p", 2)]),
                       Self.ballot("Dev", [("t-p", 1)])]
        for b in ballots {
            try PlanEdit.castBallot(Self.attributedID, b).apply(to: &plan)
            try PlanEdit.castBallot(Self.anonymousID, b).apply(to: &plan)
        }
        let expected: [TeamID: Int] = ["t-a": 3, "t-b": 4, "t-c": 3, "t-p": 3]
        let named = try #require(plan.voteRound(Self.attributedID))
        let anonymous = try #require(plan.voteRound(Self.anonymousID))
        #expect(Voting.tally(named) == expected)
        #expect(Voting.tally(anonymous) == expected)
        #expect(named.ballotCount == 4 && anonymous.ballotCount == 4)
        // Most votes first, ties by team id.
        let lines = Self.lines([("t-b", 4), ("t-a", 3), ("t-c", 3), ("t-p", 3)])
        #expect(Voting.tallyLines(named) == lines)
        #expect(Voting.tallyLines(anonymous) == lines)
        #expect(Voting.tally(Self.round()).isEmpty && Voting.tallyLines(Self.round()).isEmpty)
        #expect(Voting.current(plan)?.id == Self.anonymousID)
    }

    @Test func theTallyIsHiddenUntilRevealed() throws {
        var plan = try Self.planWithRounds()
        try PlanEdit.castBallot(Self.attributedID, Self.ballot("Ana", [("t-a", 2)])).apply(to: &plan)
        try PlanEdit.castBallot(Self.anonymousID, Self.ballot("", [("t-b", 2)])).apply(to: &plan)
        for id in [Self.attributedID, Self.anonymousID] {
            #expect(Voting.visibleTally(try #require(plan.voteRound(id))) == nil)
        }
        try PlanEdit.revealVotes(Self.attributedID, true).apply(to: &plan)
        #expect(Voting.visibleTally(try #require(plan.voteRound(Self.attributedID))) == ["t-a": 2])
        #expect(Voting.visibleTally(try #require(plan.voteRound(Self.anonymousID))) == nil, "only that round")
        try PlanEdit.revealVotes(Self.anonymousID, true).apply(to: &plan)
        #expect(Voting.visibleTally(try #require(plan.voteRound(Self.anonymousID))) == ["t-b": 2])
        try PlanEdit.revealVotes(Self.attributedID, false).apply(to: &plan)
        #expect(Voting.visibleTally(try #require(plan.voteRound(Self.attributedID))) == nil)
        #expect(Self.refusal(.revealVotes("vr-none", true), plan) == "no voting round vr-none")
    }

    @Test func normalisedSumsAndSortsLines() {
        #expect(Voting.normalised(Self.lines([("t-b", 1), ("t-a", 2), ("t-b", 2), ("t-c", 0)]))
                == Self.lines([("t-a", 2), ("t-b", 3)]))
        #expect(Voting.normalised([]).isEmpty)
        #expect(Voting.normalised(Self.lines([("t-a", 0), ("t-b", -1)])).isEmpty)
    }

    // MARK: Round edits

    @Test func openingARoundIsChecked() throws {
        let plan = Self.fixture().plan
        #expect(Self.refusal(.openVoteRound(Self.round(budget: 0, cap: nil)), plan) == "votes per person must be 1–50, not 0")
        #expect(Self.refusal(.openVoteRound(Self.round(budget: 51, cap: nil)), plan) == "votes per person must be 1–50, not 51")
        #expect(Self.refusal(.openVoteRound(Self.round(budget: 1, cap: nil)), plan) == nil)
        #expect(Self.refusal(.openVoteRound(Self.round(budget: 50, cap: 50)), plan) == nil)
        #expect(Self.refusal(.openVoteRound(Self.round(budget: 5, cap: 0)), plan)
                == "the cap per team must be 1–5 (the votes per person), not 0")
        #expect(Self.refusal(.openVoteRound(Self.round(budget: 5, cap: 6)), plan)
                == "the cap per team must be 1–5 (the votes per person), not 6")
        #expect(Self.refusal(.openVoteRound(Self.round(budget: 5, cap: 1)), plan) == nil)
        #expect(Self.refusal(.openVoteRound(Self.round(title: "  ")), plan) == "voting round title must not be empty")
        var used = Self.round()
        used.ballotCount = 1
        #expect(Self.refusal(.openVoteRound(used), plan) == "a new round has no ballots")
        used = Self.round(attributed: false)
        used.totals = Self.lines([("t-a", 1)])
        #expect(Self.refusal(.openVoteRound(used), plan) == "a new round has no ballots")
        let withRounds = try Self.planWithRounds()
        #expect(Self.refusal(.openVoteRound(Self.round(title: "Again")), withRounds)
                == "a voting round vr-named already exists")
        #expect(withRounds.votes.map(\.id) == [Self.attributedID, Self.anonymousID], "rounds kept in the order opened")
    }

    @Test func closingAndRemovingRounds() throws {
        var plan = try Self.planWithRounds()
        try PlanEdit.castBallot(Self.attributedID, Self.ballot("Ana", [("t-a", 2)])).apply(to: &plan)
        try PlanEdit.closeVoteRound(Self.attributedID).apply(to: &plan)
        let closed = try #require(plan.voteRound(Self.attributedID))
        #expect(closed.closed && closed.ballotCount == 1 && Voting.tally(closed) == ["t-a": 2], "closing keeps the votes")
        #expect(plan.voteRound(Self.anonymousID)?.closed == false)
        try PlanEdit.removeVoteRound(Self.attributedID).apply(to: &plan)
        #expect(plan.votes.map(\.id) == [Self.anonymousID])
        #expect(Self.refusal(.removeVoteRound(Self.attributedID), plan) == "no voting round vr-named")
        #expect(Self.refusal(.closeVoteRound(Self.attributedID), plan) == "no voting round vr-named")
    }

    @Test func removingATeamRemovesItsVotes() throws {
        var plan = try Self.planWithRounds()
        try PlanEdit.castBallot(Self.attributedID, Self.ballot("Ana", [("t-a", 2), ("t-b", 1)])).apply(to: &plan)
        try PlanEdit.castBallot(Self.attributedID, Self.ballot("Ben", [("t-a", 3)])).apply(to: &plan)
        try PlanEdit.castBallot(Self.anonymousID, Self.ballot("", [("t-a", 4), ("t-c", 1)])).apply(to: &plan)
        try PlanEdit.removeTeam("t-a").apply(to: &plan)
        let named = try #require(plan.voteRound(Self.attributedID))
        let anonymous = try #require(plan.voteRound(Self.anonymousID))
        #expect(named.ballots.map(\.voter) == ["Ana", "Ben"], "the ballots stay, without the team")
        #expect(named.ballots.allSatisfy { $0.votes.allSatisfy { $0.team != "t-a" } })
        #expect(anonymous.totals == Self.lines([("t-c", 1)]))
        #expect(Voting.tally(named) == ["t-b": 1] && Voting.tally(anonymous) == ["t-c": 1])
        #expect(Voting.tallyLines(named) == Self.lines([("t-b", 1)]))
        #expect(named.ballotCount == 2 && anonymous.ballotCount == 1, "people did vote")
        // Ana may not vote again after her ballot lost a team.
        #expect(Self.refusal(.castBallot(Self.attributedID, Self.ballot("Ana", [("t-b", 1)])), plan)
                == "Ana has already voted in this round")
        #expect(Self.refusal(.castBallot(Self.anonymousID, Self.ballot("", [("t-a", 1)])), plan) == "no team t-a")
    }

    @Test func castingABallotUndoesAndRedoes() throws {
        let start = try Self.planWithRounds()
        let edits: [PlanEdit] = [
            .castBallot(Self.attributedID, Self.ballot("Ana", [("t-a", 2), ("t-b", 1)])),
            .castBallot(Self.anonymousID, Self.ballot("Ana", [("t-c", 5)])),
            .openVoteRound(Self.round("vr-3", title: "Third")),
            .revealVotes(Self.attributedID, true),
            .closeVoteRound(Self.anonymousID),
            .removeVoteRound(Self.attributedID),
            .removeTeam("t-a"),
        ]
        var plan = start
        try PlanEdit.castBallot(Self.attributedID, Self.ballot("Cleo", [("t-a", 1)])).apply(to: &plan)
        try PlanEdit.castBallot(Self.anonymousID, Self.ballot("", [("t-a", 1)])).apply(to: &plan)
        for edit in edits {
            var new = plan
            try edit.apply(to: &new)
            let delta = PlanDelta(from: plan, to: new)
            #expect(!delta.isEmpty, "\(edit.title(in: plan))")
            var back = new
            delta.revert(&back)
            #expect(back == plan, "revert \(edit.title(in: plan))")
            delta.reapply(&back)
            #expect(back == new, "reapply \(edit.title(in: plan))")
            #expect(delta.weight < 20, "a delta keeps only what changed")
        }
        // A chain of casts undone one by one.
        var history: [PlanDelta] = []
        var current = start
        for (i, voter) in ["Ana", "Ben", "Cleo"].enumerated() {
            let before = current
            try PlanEdit.castBallot(Self.attributedID, Self.ballot(voter, [(TeamID("t-\(["a", "b", "c"][i])"), i + 1)]))
                .apply(to: &current)
            try PlanEdit.castBallot(Self.anonymousID, Self.ballot(voter, [("t-a", 1)])).apply(to: &current)
            history.append(PlanDelta(from: before, to: current))
        }
        #expect(current.voteRound(Self.attributedID)?.ballots.map(\.voter) == ["Ana", "Ben", "Cleo"])
        #expect(current.voteRound(Self.anonymousID)?.totals == Self.lines([("t-a", 3)]))
        for delta in history.reversed() { delta.revert(&current) }
        #expect(current == start)
    }

    // MARK: Pilot selection on decisions

    @Test func decisionsCarryThePilotSelection() throws {
        var plan = try Self.planWithRounds()
        try PlanEdit.castBallot(Self.attributedID, Self.ballot("Ana", [("t-a", 3), ("t-b", 1)])).apply(to: &plan)
        let round = try #require(plan.voteRound(Self.attributedID))
        let selection = PilotSelection(
            teams: [SelectedTeam(team: "t-a", name: "Alpha", score: 72, votes: 3, flags: ["late stage: sustain"]),
                    SelectedTeam(team: "t-b", name: "Beta", score: nil)],
            weights: plan.criteria.map { WeightUsed(criterion: $0.id, name: $0.name, weight: $0.weight) },
            recommended: "2–4", voteRound: round.id, tally: Voting.tallyLines(round))
        let decision = Decision(id: "dec-1", text: "Alpha and Beta pilot first", decidedBy: "Fay",
                                at: RulesFixture.at(11), concerns: ["t-a", "t-b"], selection: selection)
        try PlanEdit.recordDecision(decision).apply(to: &plan)
        #expect(plan.decisions.last?.selection == selection)
        #expect(plan.decisions.last?.selection?.tally == Self.lines([("t-a", 3), ("t-b", 1)]))
        #expect(selection.teams[1].votes == nil && selection.teams[1].flags.isEmpty)
        // Renaming the team later does not change what the decision says.
        var renamed = try #require(plan.team("t-a"))
        renamed.name = "Alpha Squad"
        try PlanEdit.updateTeam(renamed).apply(to: &plan)
        #expect(plan.decisions.last?.selection?.teams.first?.name == "Alpha")

        let encoded = try JSONEncoder().encode(decision)
        #expect(try JSONDecoder().decode(Decision.self, from: encoded) == decision)
        // A decision without a selection (as schema 1 wrote it) has no "selection" key and reads back nil.
        let plain = Decision(id: "dec-2", text: "Weekly demo", decidedBy: "Fay", at: RulesFixture.at(12))
        let plainJSON = try JSONEncoder().encode(plain)
        #expect(!String(decoding: plainJSON, as: UTF8.self).contains("selection"))
        #expect(try JSONDecoder().decode(Decision.self, from: plainJSON).selection == nil)
    }
}
