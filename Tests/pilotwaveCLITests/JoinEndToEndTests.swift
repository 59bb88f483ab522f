import Foundation
import PilotwaveCore
import PilotwaveStorage
import Testing

/// `pilotwave join` in the real binary: participants in their own terminals, no facilitator
/// running; the plan file written by this build's ``PlanStore``, the inbox read back as files.
extension BinaryTests {
@Suite("Join end to end in tmux", .serialized)
struct JoinEndToEndTests {
    static let openedAt = Date(timeIntervalSince1970: 1_773_046_800)

    func session() throws -> (CLIRunner, Tmux, String) {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests (.ci/run installs it)")
        let cli = try CLIRunner()
        return (cli, Tmux(folder: cli.folder), CLIRunner.binary.path)
    }

    static func plan(vote: Bool = false, readiness: Bool = false) -> Plan {
        var plan = DemoPlan.make()
        plan.votes = vote ? [VoteRound(id: VoteRoundID("v1"), title: "Pick the pilots", budget: 5, capPerTeam: 2,
                                       attributed: true, openedAt: openedAt)] : []
        plan.rounds = []
        if readiness {
            let dims = Participation.ratableDimensions(plan, team: nil).prefix(2).map(\.id)
            plan.rounds = [ParticipantRound(id: RoundID("r1"), kind: .readiness, title: "How ready are we?",
                                            dimensions: Array(dims), openedAt: openedAt.addingTimeInterval(60))]
        }
        return plan
    }

    func write(_ plan: Plan, _ cli: CLIRunner, _ name: String = "plan.json") throws {
        let url = URL(fileURLWithPath: cli.path(name))
        let store = PlanStore()
        _ = try store.save(plan, to: url, expecting: store.stampOnDisk(url))
    }

    func inbox(_ cli: CLIRunner) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cli.path("plan.json.inbox"))) ?? []).sorted()
    }

    func submission(_ cli: CLIRunner, prefix: String) throws -> Submission {
        let file = try #require(inbox(cli).first { $0.hasPrefix(prefix) }, "no \(prefix)… in \(inbox(cli))")
        let bytes = try cli.read("plan.json.inbox/" + file)
        return try SubmissionCodec.decode(Array(bytes)).get()
    }

    /// Polls until `condition` holds (the files of another process).
    func eventually(_ what: String, timeout: TimeInterval = 8, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return }
            usleep(50_000)
        }
        Issue.record("timed out waiting for \(what)")
    }

    @Test func voteWithNoFacilitatorRunningWritesTheBallotAndLeavesThePlanAlone() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        let plan = Self.plan(vote: true)
        try write(plan, cli)
        let before = try cli.read("plan.json")
        try tmux.start("\(bin) join plan.json --as Alice", width: 80, height: 24)
        try tmux.wait(for: "Dot vote: Pick the pilots")
        try tmux.wait(for: "5 of 5 dots left")
        try eventually("the presence file") { inbox(cli).contains { $0.hasPrefix("here-alice-") } }
        try tmux.keys("+", "+", "+")
        try tmux.wait(for: "At most 2 dots on one team")
        try tmux.keys("j", "+", "Enter")
        try tmux.wait(for: "Sent — waiting for the facilitator")
        let ballot = try submission(cli, prefix: "vote-v1-alice-")
        let order = RankingModel(plan: plan).rank().order.map { plan.teams[Int($0)].id }
        #expect(ballot.participant == "Alice")
        #expect(ballot.votes == Voting.normalised([TeamVotes(team: order[0], votes: 2), TeamVotes(team: order[1], votes: 1)]))
        try tmux.keys("q")
        let screen = try tmux.wait(for: "STTY=")
        #expect(screen.contains("EXIT=0"))
        #expect(screen.contains("STTY=same"))
        #expect(!inbox(cli).contains { $0.hasPrefix("here-") })
        #expect(try cli.read("plan.json") == before)
        #expect(!cli.exists(".plan.json.lock"))
        #expect(!cli.exists("plan.json.bak"))
    }

    @Test func twoParticipantsAtOnceEachWriteTheirOwnFileAndSeeEachOther() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try write(Self.plan(vote: true), cli)
        try tmux.start("\(bin) join plan.json --as Alice", width: 80, height: 24)
        try tmux.start("\(bin) join plan.json --as Bob", width: 80, height: 24, window: "bob")
        try tmux.wait(for: "Dot vote", in: "main")
        try tmux.wait(for: "Dot vote", in: "bob")
        try tmux.wait(for: "Here (2): Alice, Bob", in: "main")
        try tmux.keys("+", "Enter", window: "main")
        try tmux.keys("j", "j", "+", "+", "Enter", window: "bob")
        try tmux.wait(for: "Sent — waiting", in: "main")
        try tmux.wait(for: "Sent — waiting", in: "bob")
        #expect(try submission(cli, prefix: "vote-v1-alice-").votes?.map(\.votes) == [1])
        #expect(try submission(cli, prefix: "vote-v1-bob-").votes?.map(\.votes) == [2])
        // Bob's terminal closes: SIGHUP, and his presence goes with him.
        try tmux.tmux(["kill-window", "-t", "t:bob"])
        try eventually("Bob's presence file to go") { !inbox(cli).contains { $0.hasPrefix("here-bob-") } }
        #expect(inbox(cli).contains { $0.hasPrefix("here-alice-") })
        try tmux.keys("q")
        #expect(try tmux.wait(for: "STTY=").contains("EXIT=0"))
    }

    @Test func sigtermLeavesTheRoomAndRestoresTheTerminal() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try write(Self.plan(vote: true), cli)
        try tmux.start("\(bin) join plan.json --as Alice", width: 80, height: 24)
        try tmux.wait(for: "Dot vote")
        try eventually("the presence file") { inbox(cli).contains { $0.hasPrefix("here-alice-") } }
        // The shell tmux started runs join as its only child.
        let shell = try tmux.tmux(["display", "-p", "-t", "t:main", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let join = try #require(children.split(separator: " ").first.flatMap { pid_t($0) })
        kill(join, SIGTERM)
        let screen = try tmux.wait(for: "STTY=")
        #expect(screen.contains("SIGTERM received; leaving."))
        #expect(screen.contains("STTY=same"))
        #expect(!inbox(cli).contains { $0.hasPrefix("here-") })
    }

    @Test func anInboxThatCannotBeWrittenIsSaidAndNothingIsSent() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try write(Self.plan(vote: true), cli)
        try cli.write("plan.json.inbox", "not a folder\n")
        try tmux.start("\(bin) join plan.json --as Alice", width: 100, height: 24)
        try tmux.wait(for: "The room cannot see you are here:")
        try tmux.wait(for: "plan.json.inbox is not a folder")
        try tmux.keys("+", "Enter")
        try tmux.wait(for: "Not sent: ")
        try tmux.keys("q")
        #expect(try tmux.wait(for: "STTY=").contains("EXIT=0"))
        #expect(try cli.read("plan.json.inbox") == Data("not a folder\n".utf8))
    }

    @Test func followsTheFacilitatorsSaveWhenARoundOpens() throws {
        let (cli, tmux, bin) = try session()
        defer { cli.remove() }
        try write(Self.plan(), cli)
        try tmux.start("\(bin) join plan.json --as Alice", width: 80, height: 24)
        try tmux.wait(for: "Waiting for the facilitator to open a round")
        try write(Self.plan(readiness: true), cli)
        try tmux.wait(for: "Readiness round: How ready are we?")
        try tmux.keys("4", "2", "Enter")
        try tmux.wait(for: "Sent — waiting for the facilitator")
        let ratings = try submission(cli, prefix: "readiness-r1-alice-")
        #expect(ratings.ratings?.map(\.rating) == [4, 2])
        try tmux.keys("q")
        #expect(try tmux.wait(for: "STTY=").contains("EXIT=0"))
    }

    @Test func refusesABadNameAMissingFileAndNoTerminalInWords() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try write(Self.plan(vote: true), cli)
        let blank = try cli.run("join", "plan.json", "--as", "   ")
        #expect(blank.status == 2)
        #expect(blank.stderr == "pilotwave: --as: the participant's name is empty; give your name, e.g. --as Alice\n")
        let long = try cli.run("join", "plan.json", "--as", String(repeating: "x", count: 41))
        #expect(long.status == 2)
        #expect(long.stderr.contains("longer than 40 characters"))
        let missing = try cli.run("join", "nope.json", "--as", "Alice")
        #expect(missing.status == 2)
        #expect(missing.stderr == "pilotwave: nope.json: no such file. Ask the facilitator for the path of the plan they have open.\n")
        let noTTY = try cli.run("join", "plan.json", "--as", "Alice")
        #expect(noTTY.status == 2)
        #expect(noTTY.stderr.contains("pilotwave join needs a terminal"))
        // Over SSH without `pty` on the key's line: the fix is on the server, and no other command can run.
        let overSSH = try cli.run(CLIRunner.binary, ["join", "plan.json", "--as", "Alice"],
                                  environment: ["SSH_CONNECTION": "10.0.0.2 50000 10.0.0.1 22"])
        #expect(overSSH.status == 2)
        #expect(overSSH.stderr.contains("this SSH session has none: connect with ssh -t"))
        #expect(overSSH.stderr.contains("has pty after restrict"))
        #expect(!overSSH.stderr.contains("pilotwave check FILE"))
        #expect(!cli.exists("plan.json.inbox"))
        let help = try cli.run("join", "--help")
        #expect(help.stdout.contains("never writes it, nor takes its lock"))
        #expect(help.stdout.contains("FILE.inbox/"))
    }
}
}
