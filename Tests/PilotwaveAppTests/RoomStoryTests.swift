import Foundation
import PilotwaveApp
import PilotwaveCore
import Testing
import TerminalUI

/// The facilitator's side of `pilotwave join`: submissions from the inbox applied as undoable
/// edits, refused ones named, ballots of unattributed rounds counted only at the reveal,
/// readiness rounds' spread, the Room overlay, inbox files removed only once saved.
@Suite struct RoomStoryTests {
    static let intake: TeamID = "team-claims-intake"
    static let quote: TeamID = "team-quote-buy"

    static func plan(attributed: Bool = true) -> Plan {
        var plan = DemoPlan.make()
        plan.votes.append(VoteRound(id: "vr-1", title: "Round 1", budget: 3, capPerTeam: 2, attributed: attributed,
                                    openedAt: AppDriver.start))
        return plan
    }

    static func item(_ s: Submission, version: String = "1") -> InboxItem {
        InboxItem(file: "\(s.kind.rawValue)-\(s.round)-\(s.participant ?? "anonymous").json", version: version, content: .submission(s))
    }

    static func ballot(_ who: String, _ votes: [(TeamID, Int)], round: VoteRoundID = "vr-1") -> Submission {
        .ballot(round, by: who, votes: votes.map { TeamVotes(team: $0.0, votes: $0.1) }, at: AppDriver.start)
    }

    @Test func aBallotFromJoinIsOneUndoableEditAndItsFileGoesOnlyOnceSaved() throws {
        let d = AppDriver(plan: Self.plan())
        #expect(Self.plan().team(Self.quote) != nil)
        let first = Self.item(Self.ballot("Ann", [(Self.intake, 2), (Self.quote, 1)]))
        let removed = d.send(.inbox(InboxDelivery(present: ["Ann", "Bo"], items: [first])))
        #expect(removed.isEmpty, "not removed before the plan holding it is saved")
        let round = try #require(d.state.plan.votes.last)
        #expect(round.ballots == [Ballot(voter: "Ann", votes: [TeamVotes(team: Self.intake, votes: 2), TeamVotes(team: Self.quote, votes: 1)])])
        #expect(d.state.toast?.text == "From the room: Ann's ballot")
        #expect(d.state.history.nextUndoTitle == "Ballot from Ann")

        // The same delivery again (the file is still there) is not applied twice.
        d.send(.inbox(InboxDelivery(present: ["Ann", "Bo"], items: [first])))
        #expect(d.state.plan.votes.last?.ballotCount == 1)

        // A resubmission replaces Ann's ballot.
        let second = Self.item(Self.ballot("Ann", [(Self.quote, 2)]), version: "2")
        d.send(.inbox(InboxDelivery(present: ["Ann", "Bo"], items: [second])))
        #expect(d.state.plan.votes.last?.ballots == [Ballot(voter: "Ann", votes: [TeamVotes(team: Self.quote, votes: 2)])])
        #expect(d.state.plan.votes.last?.ballotCount == 1)

        let effects = d.send(.saveFinished(revision: d.state.revision, .saved(at: AppDriver.start)))
        #expect(effects == [.inboxRemove([first, second])])

        d.keys("@u")
        #expect(d.screen.contains("Room — participants"), "undo from the Room keeps it open")
        #expect(d.state.plan.votes.last?.ballots.first?.votes == [TeamVotes(team: Self.intake, votes: 2), TeamVotes(team: Self.quote, votes: 1)])
    }

    @Test func hostileSubmissionsAreRefusedByNameAndRemovedAtOnceWithThePlanUnchanged() {
        let d = AppDriver(plan: Self.plan())
        let before = d.state.plan
        let over = Self.item(Self.ballot("Ann", [(Self.intake, 2), (Self.quote, 2)]))
        let capped = Self.item(Self.ballot("Bo", [(Self.intake, 3)]))
        let wrongRound = Self.item(Self.ballot("Cy", [(Self.intake, 1)], round: "vr-old"))
        let unknownTeam = Self.item(Self.ballot("Dee", [("team-nope", 1)]))
        let garbage = InboxItem(file: "vote-x.json", version: "1", content: .refused("not a JSON object (garbage, or cut short)"))
        var forged = Self.ballot("Eve", [(Self.intake, 1)])
        forged.participant = "Eve\u{1b}[2J"
        let forgedItem = Self.item(forged)
        let items = [over, capped, wrongRound, unknownTeam, garbage, forgedItem]
        let effects = d.send(.inbox(InboxDelivery(present: [], items: items)))
        #expect(d.state.plan == before)
        #expect(effects == [.inboxRemove(items)])
        let reasons = d.state.room.refused.map { "\($0.who): \($0.reason)" }
        #expect(reasons == [
            "Ann: 4 votes given; each person has 3",
            "Bo: at most 2 votes per team; Claims Intake has 3",
            "Cy: no voting round \"vr-old\"",
            "Dee: no team team-nope",
            "vote-x.json: not a JSON object (garbage, or cut short)",
            "Eve\u{1b}[2J: the participant's name holds control characters",
        ])
        d.keys("@")
        #expect(d.screen.contains("Refused"))
        #expect(d.screen.contains("Bo: at most 2 votes per team; Claims Intake has 3"))
    }

    @Test func unattributedBallotsWaitUnseenUntilTheRevealCountsThemWithoutNames() throws {
        let d = AppDriver(plan: Self.plan(attributed: false))
        let ann = Self.item(Self.ballot("Ann", [(Self.intake, 2), (Self.quote, 1)]))
        let bo = Self.item(Self.ballot("Bo", [(Self.intake, 1)]))
        let effects = d.send(.inbox(InboxDelivery(present: ["Ann", "Bo", "Cy"], items: [ann, bo])))
        #expect(effects.isEmpty)
        #expect(d.state.plan.votes.last?.ballotCount == 0, "nothing counted before the reveal")
        d.keys("3")
        #expect(d.screen.contains("Round 1 — 0 ballots, 2 waiting,"))
        d.keys("@")
        #expect(d.screen.contains("Answered (2): Ann, Bo"))
        #expect(d.screen.contains("Not yet: Cy"))
        d.keys("<esc>3V")
        let round = try #require(d.state.plan.votes.last)
        #expect(round.revealed && round.countedAt != nil && round.ballotCount == 2)
        #expect(round.totals == [TeamVotes(team: Self.intake, votes: 3), TeamVotes(team: Self.quote, votes: 1)])
        #expect(round.ballots.isEmpty)
        let json = String(decoding: try JSONEncoder().encode(d.state.plan.votes), as: UTF8.self)
        #expect(!json.contains("Ann") && !json.contains("\"Bo\""))
        #expect(d.state.toast?.text == "Votes revealed: 2 ballots, 2 from participants counted")
        let saved = d.send(.saveFinished(revision: d.state.revision, .saved(at: AppDriver.start)))
        #expect(saved == [.inboxRemove([ann, bo])])

        // Too late: the tally is out.
        let late = Self.item(Self.ballot("Cy", [(Self.quote, 1)]))
        d.send(.inbox(InboxDelivery(present: ["Ann", "Bo", "Cy"], items: [late])))
        #expect(d.state.room.refused.last?.reason == "participants' votes in Round 1 were already counted")
    }

    @Test func aReadinessRoundOpensInTwoKeysShowsWhoAnsweredThenTheSpreadAndRecordsTheAgreedValue() throws {
        let d = AppDriver(plan: DemoPlan.make())
        d.send(.inbox(InboxDelivery(present: ["Ann", "Bo", "Cy"], items: [])))
        d.keys("4o")
        #expect(d.screen.contains("Open a round for participants"))
        d.keys("<enter>")
        let round = try #require(d.state.plan.rounds.last)
        #expect(round.kind == .readiness && round.team == nil)
        #expect(round.title == "Readiness: the organisation")
        #expect(round.dimensions.count == Participation.ratableDimensions(d.state.plan, team: nil).count)
        #expect(d.screen.contains("Readiness round \"Readiness: the organisation\""))
        let key = round.dimensions[0]
        func answer(_ who: String, _ rating: Int, _ evidence: String = "") -> InboxItem {
            Self.item(.ratings(round.id, by: who, [RoundRating(dimension: key, rating: rating, evidence: evidence)], at: AppDriver.start))
        }
        d.send(.inbox(InboxDelivery(present: ["Ann", "Bo", "Cy"], items: [answer("Ann", 2), answer("Bo", 3), answer("Cy", 5, "the CEO said so")])))
        #expect(d.screen.contains("Answered (3): Ann, Bo, Cy"))
        #expect(!d.screen.contains("median"), "hidden until the reveal")
        d.keys("V")
        #expect(d.screen.contains("n 3 · median 3 · 2–5"))
        #expect(d.screen.contains("! disagreement: 3 apart"))
        d.keys("j<enter>")
        guard case .editForm(let form) = d.state.overlay else { Issue.record("no form"); return }
        #expect(form.text("evidence").contains("n 3 · median 3 · 2–5 — the room disagrees"))
        d.keys("<enter>")
        let signal = try #require(d.state.plan.signals.last)
        #expect(signal.dimension == key && signal.team == nil && signal.rating == 3)
        #expect(signal.recordedBy == "the room (3 participants)")
    }

    @Test func concernsArriveAsNotesNamedOrWithNoNameAtAll() throws {
        let d = AppDriver(plan: DemoPlan.make())
        d.keys("5o")
        #expect(d.screen.contains("Open a round for participants"))
        // The team field is proposed from the selected note; make it Claims Intake.
        guard case .editForm(var form) = d.state.overlay else { Issue.record("no form"); return }
        form.fields[0].editor = .text(TextInput("Claims Intake", limit: 120))
        d.state.overlay = .editForm(form)
        d.keys("<enter>")
        let round = try #require(d.state.plan.rounds.last)
        #expect(round.kind == .concerns && round.team == Self.intake)
        let named = Self.item(.concern(round.id, by: "Ann", kind: .noTime, words: "We are flat out until June", at: AppDriver.start))
        let anonymous = Self.item(.concern(round.id, by: nil, kind: .reducedControl, words: "My boss will never let go", at: AppDriver.start))
        d.send(.inbox(InboxDelivery(present: ["Ann"], items: [named, anonymous])))
        let notes = d.state.plan.resistance.suffix(2)
        #expect(notes.map(\.raisedBy) == ["Ann", nil])
        #expect(notes.map(\.team) == [Self.intake, Self.intake])
        #expect(notes.last?.words == "My boss will never let go")
        #expect(d.state.plan.rounds.last?.concerns == 2)
        #expect(d.state.plan.rounds.last?.named == ["Ann"])
        #expect(d.state.toast?.text == "From the room: a concern from Ann and an anonymous concern")

        // Saved, then killed before the files went: at the next open they are recognised, not applied twice.
        let restarted = AppDriver(plan: d.state.plan)
        let effects = restarted.send(.inbox(InboxDelivery(present: [], items: [named, anonymous])))
        #expect(restarted.state.plan.resistance.count == d.state.plan.resistance.count)
        #expect(effects == [.inboxRemove([named, anonymous])])
        #expect(restarted.state.room.refused.isEmpty)
    }

    @Test func whatWasAppliedButNotSavedIsAppliedAgainAfterAReload() {
        let plan = Self.plan()
        let d = AppDriver(plan: plan)
        let ann = Self.item(Self.ballot("Ann", [(Self.intake, 1)]))
        d.send(.inbox(InboxDelivery(present: [], items: [ann])))
        d.send(.reloaded(plan))
        #expect(d.state.plan.votes.last?.ballots.isEmpty == true)
        d.send(.inbox(InboxDelivery(present: [], items: [ann])))
        #expect(d.state.plan.votes.last?.ballots.map(\.voter) == ["Ann"])
    }

    @Test func thePresenterShowsTheRoomWhoAnsweredAndTheSpreadOnlyAfterTheReveal() throws {
        var plan = DemoPlan.make()
        let key = ReadinessDimension.executiveConviction
        plan.rounds.append(ParticipantRound(id: "r-1", kind: .readiness, title: "Check-in", dimensions: [key],
                                            responses: [RoundResponse(participant: "Ann", ratings: [RoundRating(dimension: key, rating: 2)], at: AppDriver.start),
                                                        RoundResponse(participant: "Bo", ratings: [RoundRating(dimension: key, rating: 4)], at: AppDriver.start)],
                                            openedAt: AppDriver.start))
        let d = AppDriver(plan: plan)
        d.send(.inbox(InboxDelivery(present: ["Ann", "Bo", "Cy"], items: [])))
        d.keys("8P")
        #expect(d.screen.contains("Here (3): Ann, Bo, Cy"))
        #expect(d.screen.contains("Readiness round \"Check-in\""))
        #expect(d.screen.contains("Answered (2): Ann, Bo"))
        #expect(!d.screen.contains("median"))
        d.keys("@V<esc>")
        #expect(d.screen.contains("Executive conviction: n 2 · median 3 · 2–4 — disagreement"))
    }

    @Test func theStatusLineCountsTheRoomInEveryView() {
        let d = AppDriver(plan: Self.plan())
        d.send(.inbox(InboxDelivery(present: ["Ann", "Bo"], items: [Self.item(Self.ballot("Ann", [(Self.intake, 1)]))])))
        d.state.toast = nil
        for view in ["1", "2", "6"] {
            d.keys(view)
            #expect(d.screen.contains("room 2 · 1 answered · @"))
        }
    }
}
