import Foundation
import PilotwaveApp
import PilotwaveCore
import PilotwaveStorage
import PilotwaveUI
import Testing
import TerminalUI

/// The participant's screen without a terminal: keys in, the screen's text and the submissions
/// out. The runtime's part (writing into the inbox, looking at it) is played by the driver.
final class JoinDriver {
    var state: JoinState
    var submissions: [Submission] = []
    var quit = false
    static let start = Date(timeIntervalSince1970: 1_773_046_800)

    init(_ plan: Plan, name: String = "Alice", size: Size = Size(width: 80, height: 24)) {
        state = JoinState(plan: plan, name: name, size: size, now: Self.start)
    }

    /// Keys as in a story (`"++j+<enter>"`); a submission is "written" at once.
    func keys(_ story: String) {
        for key in Key.story(story) { send(.key(key)) }
    }

    func send(_ action: JoinAction) {
        for effect in JoinReducer.reduce(&state, action) {
            switch effect {
            case .quit: quit = true
            case .submit(let s, let round):
                submissions.append(s)
                send(.submitted(round: round, file: Inbox.fileName(for: s)))
            }
        }
    }

    /// The facilitator's pilotwave read every file in the inbox.
    func inboxEmptied() {
        send(.inboxChecked(Dictionary(uniqueKeysWithValues: state.watchedFiles.map { ($0, false) })))
    }

    var screen: String { GridSnapshot(JoinView.frame(state).canvas).text }
}

enum JoinFixture {
    static let at = JoinDriver.start

    static func voteRound(attributed: Bool = true, cap: Int? = 2, budget: Int = 5) -> VoteRound {
        VoteRound(id: VoteRoundID("v1"), title: "Pick the pilots", budget: budget, capPerTeam: cap, attributed: attributed,
                  openedAt: at)
    }

    static func readinessRound(_ plan: Plan) -> ParticipantRound {
        let dims = Participation.ratableDimensions(plan, team: nil).prefix(3).map(\.id)
        return ParticipantRound(id: RoundID("r1"), kind: .readiness, title: "How ready are we?", dimensions: Array(dims),
                                openedAt: at.addingTimeInterval(60))
    }

    static func concernsRound(_ plan: Plan) -> ParticipantRound {
        ParticipantRound(id: RoundID("c1"), kind: .concerns, title: "What worries you?", team: plan.teams[0].id,
                         openedAt: at.addingTimeInterval(120))
    }

    static func plan(vote: Bool = false, readiness: Bool = false, concerns: Bool = false) -> Plan {
        var plan = DemoPlan.make()
        plan.votes = vote ? [voteRound()] : []
        plan.rounds = []
        if readiness { plan.rounds.append(readinessRound(plan)) }
        if concerns { plan.rounds.append(concernsRound(plan)) }
        return plan
    }
}

@Suite("Join: the participant's screen")
struct JoinStoryTests {
    @Test func noRoundOpenSaysSoWithNameAndKeys() {
        let d = JoinDriver(JoinFixture.plan())
        #expect(d.screen.contains("You are Alice"))
        #expect(d.screen.contains("Waiting for the facilitator to open a round"))
        #expect(d.screen.contains("q leave"))
        d.keys("q")
        #expect(d.quit)
    }

    @Test func whoIsHereAndTheRunningWorkshopStep() {
        var plan = JoinFixture.plan()
        let i = plan.workshops.firstIndex { !$0.steps.isEmpty }!
        plan.workshops[i].status = .running
        plan.workshops[i].current = 0
        plan.workshops[i].steps[0].question = "Which teams feel the pain most?"
        let d = JoinDriver(plan)
        d.send(.present(["Alice", "Bob"]))
        #expect(d.screen.contains("Here (2): Alice, Bob"))
        #expect(d.screen.contains("step 1 of \(plan.workshops[i].steps.count): \(plan.workshops[i].steps[0].title)"))
        #expect(d.screen.contains("Which teams feel the pain most?"))
    }

    @Test func dotVoteWithinBudgetAndCapSentAsOneBallot() throws {
        let plan = JoinFixture.plan(vote: true)
        let d = JoinDriver(plan)
        let first = d.state.candidates[0], second = d.state.candidates[1]
        #expect(d.screen.contains("Dot vote: Pick the pilots"))
        #expect(d.screen.contains("5 of 5 dots left · at most 2 per team"))
        #expect(d.screen.contains("▶ \(first.name)"))
        d.keys("+++")
        #expect(d.screen.contains("At most 2 dots on one team: \(first.name) has 2"))
        #expect(d.screen.contains("3 of 5 dots left"))
        d.keys("j++<down>+")
        #expect(d.screen.contains("0 of 5 dots left"))
        d.keys("+")
        #expect(d.screen.contains("No dots left: all 5 are given — take one back with -"))
        d.keys("-")
        #expect(d.screen.contains("1 of 5 dots left"))
        d.keys("<enter>")
        let ballot = try #require(d.submissions.last)
        #expect(ballot.kind == .vote && ballot.participant == "Alice" && ballot.round == "v1")
        #expect(Dictionary(uniqueKeysWithValues: (ballot.votes ?? []).map { ($0.team, $0.votes) })
                    == [first.team: 2, second.team: 2])
        #expect(d.screen.contains("Sent — waiting for the facilitator"))
        d.keys("k")
        #expect(d.screen.contains("Your answer: sent — waiting for the facilitator"))
        // The facilitator applied it: the plan shows the ballot, the file is gone.
        var counted = plan
        counted.votes[0].ballots = [Ballot(voter: "Alice", votes: ballot.votes!)]
        counted.votes[0].ballotCount = 1
        d.send(.planChanged(counted))
        d.inboxEmptied()
        #expect(d.screen.contains("Your answer: counted"))
        // A changed ballot replaces the earlier one.
        d.keys("k+<enter>")
        #expect(d.submissions.count == 2)
        #expect(d.screen.contains("Sent — waiting for the facilitator"))
    }

    @Test func emptyBallotIsNotSent() {
        let d = JoinDriver(JoinFixture.plan(vote: true))
        d.keys("<enter>")
        #expect(d.submissions.isEmpty)
        #expect(d.screen.contains("Give at least one dot (+) before sending"))
    }

    @Test func othersVotesHiddenUntilTheRevealThenTheTally() {
        var plan = JoinFixture.plan(vote: true)
        let team = plan.teams[0].id
        plan.votes[0].ballots = [Ballot(voter: "Bob", votes: [TeamVotes(team: team, votes: 3)])]
        plan.votes[0].ballotCount = 1
        let d = JoinDriver(plan)
        #expect(!d.screen.contains("room"))
        #expect(!d.screen.contains("Bob"))
        #expect(!d.screen.contains("Revealed"))
        plan.votes[0].revealed = true
        d.send(.planChanged(plan))
        #expect(d.screen.contains("Revealed: the room's votes are shown (3 in all, 1 ballot)"))
        let row = d.screen.split(separator: "\n").first { $0.contains(plan.teams[0].name) }
        #expect(row?.contains("room 3") == true)
    }

    @Test func ballotGoneButNotInThePlanIsNotCounted() {
        let d = JoinDriver(JoinFixture.plan(vote: true))
        d.keys("+<enter>")
        d.inboxEmptied()
        d.keys("j")
        #expect(d.screen.contains("Your answer: not counted: ask the facilitator"))
    }

    @Test func inboxRefusalIsShownInWords() {
        let d = JoinDriver(JoinFixture.plan(vote: true))
        d.keys("+")
        d.send(.submitFailed("the inbox is full (300 files waiting); try again when the facilitator has read them"))
        #expect(d.screen.contains("Not sent: the inbox is full (300 files waiting)"))
    }

    @Test func readinessRoundRatesEveryDimensionWithAnchorAndEvidence() throws {
        let plan = JoinFixture.plan(readiness: true)
        let round = plan.rounds[0]
        let dims = round.dimensions.map { plan.dimension($0)! }
        let d = JoinDriver(plan)
        #expect(d.screen.contains("Readiness round: How ready are we?"))
        #expect(d.screen.contains("0 of 3 rated"))
        d.keys("<enter>")
        #expect(d.submissions.isEmpty)
        #expect(d.screen.contains("Rate every dimension before sending: 0 of 3 rated"))
        d.keys("4")
        #expect(d.screen.contains("4: " + String(dims[0].anchors[3].prefix(40))))
        d.keys("k")
        d.keys("e")
        d.keys("Board asked twice<enter>")
        #expect(d.screen.contains("evidence: Board asked twice"))
        d.keys("j2kl<enter>")
        #expect(d.submissions.isEmpty)
        #expect(d.screen.contains("2 of 3 rated"))
        d.keys("5<enter>")
        let s = try #require(d.submissions.last)
        #expect(s.kind == .readiness && s.participant == "Alice")
        #expect(s.ratings?.map(\.rating) == [4, 3, 5])
        #expect(s.ratings?.first?.evidence == "Board asked twice")
        #expect(d.screen.contains("Sent — waiting for the facilitator"))
        // Revealed: the room's distribution per dimension.
        var revealed = plan
        revealed.rounds[0].responses = [
            RoundResponse(participant: "Alice", ratings: s.ratings!, at: JoinFixture.at),
            RoundResponse(participant: "Bob", ratings: round.dimensions.map { RoundRating(dimension: $0, rating: 2) },
                          at: JoinFixture.at),
        ]
        revealed.rounds[0].revealed = true
        d.send(.planChanged(revealed))
        d.inboxEmptied()
        #expect(d.screen.contains("room: n 2 · median 3 · 2–4"))
        #expect(d.screen.contains("Your answer: counted"))
    }

    @Test func concernsNamedAndAnonymousTheAnonymousOneCarriesNoName() throws {
        let plan = JoinFixture.plan(concerns: true)
        let d = JoinDriver(plan)
        #expect(d.screen.contains("Concerns round: What worries you?"))
        #expect(d.screen.contains(ResistanceKind.noTime.label))
        #expect(d.screen.contains("Sent with your name, Alice"))
        d.keys("j<enter>")
        d.keys("Nobody asked the teams<enter><enter>")
        let named = try #require(d.submissions.last)
        #expect(named.participant == "Alice" && named.concern?.kind == .beginnerAgain)
        #expect(named.concern?.words == "Nobody asked the teams")
        d.keys("a")
        #expect(d.screen.contains("your name is not stored anywhere"))
        d.keys("3eThe budget owner will veto it<enter><enter>")
        let anonymous = try #require(d.submissions.last)
        #expect(anonymous.participant == nil)
        #expect(anonymous.concern?.kind == .neverWorkHere)
        let bytes = String(decoding: SubmissionCodec.encode(anonymous), as: UTF8.self)
        #expect(!bytes.contains("Alice"))
        #expect(!Inbox.fileName(for: anonymous).contains("alice"))
        #expect(d.screen.contains("You sent 2 concerns: 2 sent — waiting for the facilitator"))
        var applied = plan
        applied.rounds[0].named = ["Alice"]
        applied.rounds[0].concerns = 2
        d.send(.planChanged(applied))
        d.inboxEmptied()
        #expect(d.screen.contains("You sent 2 concerns: 2 counted"))
    }

    @Test func aFloodOfConcernsStopsAtTheCapInWords() {
        let d = JoinDriver(JoinFixture.plan(concerns: true))
        for i in 0..<JoinState.maxConcerns { d.keys("eConcern \(i)<enter><enter>") }
        #expect(d.submissions.count == JoinState.maxConcerns)
        d.keys("eOne more<enter><enter>")
        #expect(d.submissions.count == JoinState.maxConcerns)
        #expect(d.screen.contains("Not sent: 20 concerns sent in this round already"))
    }

    @Test func tabSwitchesBetweenOpenRoundsNewestFirst() {
        let d = JoinDriver(JoinFixture.plan(vote: true, readiness: true, concerns: true))
        #expect(d.screen.contains("Concerns round: What worries you? (1 of 3 · Tab switches)"))
        d.keys("<tab>")
        #expect(d.screen.contains("Readiness round: How ready are we? (2 of 3"))
        d.keys("<tab>")
        #expect(d.screen.contains("Dot vote: Pick the pilots (3 of 3"))
        d.keys("<shift-tab>")
        #expect(d.screen.contains("Readiness round"))
    }

    @Test func aRoundTheFacilitatorOpensComesToTheFrontSaidInWordsAndTheDraftStays() {
        let d = JoinDriver(JoinFixture.plan(vote: true))
        d.keys("+")
        d.send(.planChanged(JoinFixture.plan(vote: true, readiness: true)))
        #expect(d.screen.contains("Readiness round: How ready are we? (1 of 2"))
        #expect(d.screen.contains("The facilitator opened How ready are we?"))
        d.keys("<tab>")
        #expect(d.screen.contains("4 of 5 dots left"), "the dot given before is still there")
    }

    @Test func aRoundOpenedOnDiskAppearsAndAClosedOneSaysSo() {
        let d = JoinDriver(JoinFixture.plan())
        var plan = JoinFixture.plan(readiness: true)
        d.send(.planChanged(plan))
        #expect(d.screen.contains("Readiness round: How ready are we?"))
        plan.rounds[0].closed = true
        d.send(.planChanged(plan))
        #expect(d.screen.contains("How ready are we? · closed"))
        d.keys("3<enter>")
        #expect(d.submissions.isEmpty)
        #expect(d.screen.contains("How ready are we? is closed: it takes no more answers"))
    }

    @Test func narrowAndTinyTerminalsDrawWithoutCrashing() {
        let plan = JoinFixture.plan(vote: true, readiness: true, concerns: true)
        for size in [Size(width: 80, height: 24), Size(width: 30, height: 10), Size(width: 12, height: 4),
                     Size(width: 1, height: 1), Size(width: 0, height: 0)] {
            let d = JoinDriver(plan, size: size)
            for story in ["+j+", "<tab>3e", "x<enter>", "<tab>a<enter>hello<enter>"] {
                d.keys(story)
                _ = d.screen
            }
        }
        let d = JoinDriver(plan, size: Size(width: 30, height: 10))
        #expect(d.screen.contains("You are Alice"))
        #expect(d.screen.contains("q leave"))
    }
}

@Suite("Join: which rounds are on screen")
struct JoinRoundsShownTests {
    @Test func aLongClosedRoundIsNotShownToSomeoneJoiningLater() {
        var plan = JoinFixture.plan(vote: true)
        plan.votes[0].revealed = true
        plan.votes[0].closed = true
        let d = JoinDriver(plan)
        #expect(d.screen.contains("Waiting for the facilitator to open a round"))
    }

    @Test func anUnattributedRoundRevealedStaysOnScreenWithItsTally() {
        var plan = JoinFixture.plan()
        plan.votes = [JoinFixture.voteRound(attributed: false)]
        let d = JoinDriver(plan)
        d.keys("++<enter>")
        plan.votes[0].revealed = true
        plan.votes[0].countedAt = JoinFixture.at
        plan.votes[0].totals = [TeamVotes(team: d.state.candidates[0].team, votes: 2)]
        plan.votes[0].ballotCount = 1
        d.send(.planChanged(plan))
        d.inboxEmptied()
        #expect(d.screen.contains("Dot vote: Pick the pilots · closed"))
        #expect(d.screen.contains("room 2"))
        #expect(d.screen.contains("Your answer: counted"))
    }
}

@Suite("Join: the plan file on disk")
struct JoinReloadTests {
    @Test func anUnreadableNewVersionIsSaidAndTheLastOneStaysOnScreen() {
        let d = JoinDriver(JoinFixture.plan(vote: true))
        d.send(.reloadFailed("plan.json:3:1: not valid JSON"))
        #expect(d.screen.contains("The plan file could not be read again (showing the last version): plan.json:3:1"))
        #expect(d.screen.contains("Dot vote: Pick the pilots"))
        d.send(.planChanged(JoinFixture.plan(vote: true)))
        #expect(!d.screen.contains("could not be read"))
    }
}
