import Foundation
import PilotwaveCore
import PilotwaveStorage
import Testing

/// A facilitator and several participants, each a real pilotwave in its own tmux window, on one
/// plan file: votes cast at once and tallied at the reveal, a readiness round's spread, an
/// anonymous concern stored without a name, hostile files refused by name, a participant's
/// half-written file never read, and answers sent while no facilitator runs applied at the next open.
extension BinaryTests {
@Suite("The room end to end in tmux", .serialized)
struct RoomEndToEndTests {
    let people = ["Ann", "Bo", "Cy"]

    func session() throws -> (CLIRunner, Tmux, String) {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests (.ci/run installs it)")
        let cli = try CLIRunner()
        return (cli, Tmux(folder: cli.folder), CLIRunner.binary.path)
    }

    func plan(_ cli: CLIRunner) throws -> Plan {
        try PlanStore().load(URL(fileURLWithPath: cli.path("plan.json"))).plan
    }

    func inbox(_ cli: CLIRunner) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cli.path("plan.json.inbox"))) ?? []).sorted()
    }

    func eventually(_ what: String, timeout: TimeInterval = 10, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? condition()) == true { return }
            usleep(100_000)
        }
        Issue.record("timed out waiting for \(what)")
    }

    @Test func threeParticipantsVoteRateAndRaiseAConcernWithTheFacilitator() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try cli.run("demo", "--save-as", "plan.json")
        try tmux.start("\(bin) plan.json", width: 120, height: 40)
        try tmux.wait(for: "24 teams")
        for name in people {
            try tmux.start("\(bin) join plan.json --as \(name)", width: 90, height: 30, window: name)
        }
        try tmux.wait(for: "room 3", timeout: 10)
        try tmux.keys("@")
        try tmux.wait(for: "Here (3): Ann, Bo, Cy")

        // A dot vote, names kept: every participant sends at once.
        try tmux.keys("Escape", "3", "v")
        try tmux.wait(for: "New voting round")
        try tmux.keys("Enter")
        try tmux.wait(for: "Ballot")
        try tmux.keys("Escape")
        for name in people { try tmux.wait(for: "4 of 4 dots left", in: name) }
        try tmux.keys("+", "+", "j", "+", "Enter", window: "Ann")
        try tmux.keys("j", "+", "+", "+", "+", "Enter", window: "Bo")
        try tmux.keys("+", "+", "j", "j", "+", "+", "Enter", window: "Cy")
        for name in people { try tmux.wait(for: "counted", in: name, timeout: 10) }
        try tmux.keys("V")
        try tmux.wait(for: "3 ballots, tally shown")
        try eventually("the ballots saved") { try plan(cli).votes.last?.ballots.count == 3 }
        let round = try #require(try plan(cli).votes.last)
        let order = RankingModel(plan: try plan(cli)).rank().order.map { try! plan(cli).teams[Int($0)].id }
        #expect(Voting.tally(round) == [order[0]: 4, order[1]: 5, order[2]: 2])
        #expect(try tmux.wait(for: "room 5", in: "Ann").contains("Revealed: the room's votes are shown (11 in all, 3 ballots)"))

        // A readiness round on the organisation: the spread after the reveal.
        try tmux.keys("4", "o")
        try tmux.wait(for: "Open a round for participants")
        try tmux.keys("Enter")
        for name in people { try tmux.wait(for: "Readiness round", in: name) }
        try tmux.keys("2", "2", "2", "2", "2", "2", "2", "2", "Enter", window: "Ann")
        try tmux.keys("3", "3", "3", "3", "3", "3", "3", "3", "Enter", window: "Bo")
        try tmux.keys("5", "3", "3", "3", "3", "3", "3", "3", "Enter", window: "Cy")
        try tmux.wait(for: "Answered (3): Ann, Bo, Cy")
        #expect(!(try tmux.screen()).contains("median"), "nothing of what was answered before the reveal")
        try tmux.keys("V")
        let spread = try tmux.wait(for: "n 3 · median 3 · 2–5")
        #expect(spread.contains("! disagreement: 3 apart"))

        // A concerns round: an anonymous concern is stored without a name.
        try tmux.keys("Escape", "5", "o")
        try tmux.wait(for: "Open a round for participants")
        try tmux.keys("Enter")
        try tmux.wait(for: "Concerns round", in: "Bo")
        try tmux.keys("3", "e", window: "Bo")
        try tmux.literal("Nobody asked us", window: "Bo")
        try tmux.keys("Enter", "a", "Enter", window: "Bo")
        try tmux.wait(for: "1 counted", in: "Bo", timeout: 10)
        try eventually("the concern saved") { try plan(cli).resistance.last?.words == "Nobody asked us" }
        let note = try #require(try plan(cli).resistance.last)
        #expect(note.raisedBy == nil && note.kind == .neverWorkHere)
        #expect(try plan(cli).rounds.last?.named == [], "the round keeps no name for it either")
        try eventually("the inbox emptied of answers") { inbox(cli).allSatisfy { $0.hasPrefix("here-") } }

        for name in people { try tmux.keys("q", window: name) }
        try tmux.keys("Escape", "q")
        #expect(try tmux.wait(for: "STTY=").contains("EXIT=0"))
    }

    @Test func hostileFilesAreRefusedByNameAndAHalfWrittenOneIsNeverRead() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try cli.run("demo", "--save-as", "plan.json")
        try tmux.start("\(bin) plan.json", width: 120, height: 40)
        try tmux.wait(for: "24 teams")
        try tmux.keys("3", "v")
        try tmux.wait(for: "New voting round")
        try tmux.keys("Enter")
        try tmux.wait(for: "Ballot")
        try tmux.keys("Escape")
        try eventually("the round saved") { try plan(cli).votes.count == 1 }
        let before = try plan(cli)
        let vote = try #require(before.votes.last)
        let folder = cli.path("plan.json.inbox") + "/"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let team = before.teams[0].id
        // Over the budget, a forged name, garbage, a huge file, and a killed join's half-written temporary.
        let over = Submission.ballot(vote.id, by: "Mallory", votes: [TeamVotes(team: team, votes: 40)], at: Date())
        try SubmissionCodec.encode(over).write(to: URL(fileURLWithPath: folder + Inbox.fileName(for: over)))
        let honest = Submission.ballot(vote.id, by: "Ann", votes: [TeamVotes(team: team, votes: 1)], at: Date())
        try SubmissionCodec.encode(honest).write(to: URL(fileURLWithPath: folder + Inbox.fileName(for: .ballot(vote.id, by: "Eve", votes: [], at: Date()))))
        try Data([0, 159, 146, 150]).write(to: URL(fileURLWithPath: folder + "vote-x-garbage-00000000.json"))
        try Data(count: 20_000_000).write(to: URL(fileURLWithPath: folder + "vote-x-huge-00000000.json"))
        try Data(SubmissionCodec.encode(honest).prefix(20)).write(to: URL(fileURLWithPath: folder + ".tmp-99999-deadbeef"))
        try tmux.wait(for: "Refused from", timeout: 10)
        try tmux.keys("@")
        let room = try tmux.wait("four refusals") { $0.contains("Mallory:") && $0.contains("does not match") && $0.contains("garbage") && $0.contains("huge") }
        #expect(room.contains("Mallory: 40 votes for"))
        #expect(room.contains("-eve-") && room.contains(".json: the file's name does not match the participant or round in it"))
        #expect(room.contains("vote-x-garbage-00000000.json: not a JSON object"))
        #expect(room.contains("vote-x-huge-00000000.json: 20000000 bytes, more than the 16 KiB"))
        try eventually("the refused files removed") { inbox(cli) == [".tmp-99999-deadbeef"] }
        #expect(try plan(cli).votes == before.votes, "nothing refused reached the plan")
        try tmux.keys("Escape", "q")
        #expect(try tmux.wait(for: "STTY=").contains("EXIT=0"))
    }

    @Test func answersSentWhileNoFacilitatorRunsAreAppliedAtTheNextOpen() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try cli.run("demo", "--save-as", "plan.json")
        try tmux.start("\(bin) plan.json", width: 120, height: 40)
        try tmux.wait(for: "24 teams")
        try tmux.keys("4", "o")
        try tmux.wait(for: "Open a round for participants")
        try tmux.keys("Enter")
        try eventually("the round saved") { try plan(cli).rounds.count == 1 }
        try tmux.keys("Escape", "q")
        #expect(try tmux.wait(for: "STTY=").contains("EXIT=0"))

        // The facilitator has gone home; a participant in another time zone answers.
        try tmux.start("\(bin) join plan.json --as Dee", width: 90, height: 30, window: "Dee")
        try tmux.wait(for: "Readiness round", in: "Dee")
        try tmux.keys("4", "4", "4", "4", "4", "4", "4", "4", "Enter", window: "Dee")
        try tmux.wait(for: "waiting for the facilitator", in: "Dee")
        try tmux.keys("q", window: "Dee")
        #expect(inbox(cli).contains { $0.hasPrefix("readiness-") })
        #expect(try plan(cli).rounds[0].responses.isEmpty)

        try tmux.start("\(bin) plan.json", width: 120, height: 40, window: "next")
        try tmux.wait(for: "From the room: Dee's ratings", in: "next", timeout: 10)
        try eventually("Dee's ratings saved and the file gone") {
            try plan(cli).rounds[0].responses.map(\.participant) == ["Dee"] && inbox(cli).isEmpty
        }
        try tmux.keys("u", window: "next")
        try tmux.wait(for: "Undid: Ratings from Dee", in: "next")
        try tmux.keys("q", window: "next")
    }
}
}
