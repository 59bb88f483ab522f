import Foundation
import PilotwaveCore
@testable import PilotwaveStorage
import Testing

/// The inbox beside a plan, read as hostile input: whatever lands in the folder (a huge file,
/// garbage, a symlink, a forged name) is refused in words, never half-read, never followed.
@Suite struct InboxTests {
    static let at = Date(timeIntervalSince1970: 1_773_046_800)

    static func ballot(_ who: String, _ votes: Int = 2) -> Submission {
        .ballot("vr-1", by: who, votes: [TeamVotes(team: "team-a", votes: votes)], at: at)
    }

    func files(_ inbox: Inbox) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? []).sorted()
    }

    @Test func aSubmissionIsOneFileAndAResubmissionReplacesIt() throws {
        try withTemporaryDirectory { dir in
            let inbox = Inbox(plan: dir.appendingPathComponent("plan.json"))
            #expect(inbox.path == dir.path + "/plan.json.inbox")
            let first = try inbox.submit(Self.ballot("Ann Lee", 1))
            #expect(first.hasPrefix("vote-vr-1-ann-lee-") && first.hasSuffix(".json"))
            let second = try inbox.submit(Self.ballot("ann lee ", 2))
            #expect(second == first, "the same person (case and spaces aside) replaces their ballot")
            #expect(files(inbox) == [first], "one file, no temporaries left")
            let entries = inbox.scan()
            #expect(entries.count == 1)
            guard case .submission(let s) = entries[0].content else { Issue.record("refused: \(entries[0].content)"); return }
            #expect(s.votes == [TeamVotes(team: "team-a", votes: 2)])
            inbox.remove(entries[0])
            #expect(files(inbox).isEmpty)
        }
    }

    @Test func anAnonymousConcernCarriesNoNameInItsFileNameOrItsBytes() throws {
        try withTemporaryDirectory { dir in
            let inbox = Inbox(plan: dir.appendingPathComponent("plan.json"))
            let name = try inbox.submit(.concern("r-1", by: nil, kind: .noTime, words: "No time for this", at: Self.at))
            #expect(name.hasPrefix("concern-r-1-anonymous-"))
            let bytes = try String(contentsOfFile: inbox.path + "/" + name, encoding: .utf8)
            #expect(!bytes.contains("participant"))
            let named = try inbox.submit(.concern("r-1", by: "Ann", kind: .noTime, words: "Again", at: Self.at))
            #expect(named != name && named.hasPrefix("concern-r-1-ann-"), "each concern is its own file")
            #expect(inbox.scan().allSatisfy { if case .submission = $0.content { true } else { false } })
        }
    }

    @Test func hostileFilesAreRefusedInWordsWithoutBeingFollowedOrReadWhole() throws {
        try withTemporaryDirectory { dir in
            let inbox = Inbox(plan: dir.appendingPathComponent("plan.json"))
            _ = try inbox.submit(Self.ballot("Ann"))
            let folder = inbox.path + "/"
            // 100 MB, sparse: refused from its size, never read.
            let huge = folder + "vote-vr-1-huge-00000000.json"
            _ = FileManager.default.createFile(atPath: huge, contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: huge))
            try handle.truncate(atOffset: 100_000_000)
            try handle.close()
            try Data([0xFF, 0x00, 0x13, 0x37]).write(to: URL(fileURLWithPath: folder + "vote-vr-1-junk-00000000.json"))
            try Data("[1,2,3]".utf8).write(to: URL(fileURLWithPath: folder + "vote-vr-1-array-00000000.json"))
            try Data(#"{"format":1,"kind":"vote","round":"vr-1","participant":"Ann","votes":"lots","at":"2026-03-09T09:00:00Z"}"#.utf8)
                .write(to: URL(fileURLWithPath: folder + "vote-vr-1-types-00000000.json"))
            // Bob's file claiming to be Ann's ballot.
            var forged = SubmissionCodec.encode(Self.ballot("Ann"))
            let bob = Inbox.fileName(for: Self.ballot("Bob"))
            try forged.write(to: URL(fileURLWithPath: folder + bob))
            // An "anonymous" concern that names someone.
            forged = SubmissionCodec.encode(.concern("r-1", by: "Ann", kind: .other, words: "x", at: Self.at))
            try forged.write(to: URL(fileURLWithPath: folder + "concern-r-1-anonymous-1.json"))
            try FileManager.default.createSymbolicLink(atPath: folder + "vote-vr-1-link-00000000.json", withDestinationPath: "/etc/passwd")
            try FileManager.default.createDirectory(atPath: folder + "vote-vr-1-dir-00000000.json", withIntermediateDirectories: false)
            try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "notes.txt"))

            var refused: [String: String] = [:]
            var accepted: [String] = []
            for entry in inbox.scan() {
                switch entry.content {
                case .refused(let reason): refused[entry.file] = reason
                case .submission(let s): accepted.append(s.participant ?? "-")
                }
            }
            #expect(accepted == ["Ann"])
            #expect(refused["vote-vr-1-huge-00000000.json"] == "100000000 bytes, more than the 16 KiB a submission may have")
            #expect(refused["vote-vr-1-junk-00000000.json"] == "not a JSON object (garbage, or cut short)")
            #expect(refused["vote-vr-1-array-00000000.json"] == "not a JSON object (garbage, or cut short)")
            #expect(refused["vote-vr-1-types-00000000.json"] == "not a submission: votes has the wrong type")
            #expect(refused[bob] == "the file's name does not match the participant or round in it")
            #expect(refused["concern-r-1-anonymous-1.json"] == "a file named anonymous that holds a name")
            #expect(refused["vote-vr-1-link-00000000.json"] == "not a regular file")
            #expect(refused["vote-vr-1-dir-00000000.json"] == "not a regular file")
            #expect(refused["notes.txt"] == "not a submission file (a .json name is expected)")
            for entry in inbox.scan() { inbox.remove(entry) }
            #expect(files(inbox).isEmpty)
            #expect(FileManager.default.fileExists(atPath: "/etc/passwd"), "a symlink is removed, never its target")
        }
    }

    @Test func aFileReadBeforeIsNotReadAgainUntilItChanges() throws {
        try withTemporaryDirectory { dir in
            let inbox = Inbox(plan: dir.appendingPathComponent("plan.json"))
            _ = try inbox.submit(Self.ballot("Ann", 1))
            let first = inbox.scan()
            let known = Dictionary(uniqueKeysWithValues: first.map { ($0.key, InboxEntry.Content.refused("as read before")) })
            #expect(inbox.scan(known: known).map(\.content) == [.refused("as read before")], "the same version: not read again")
            usleep(10_000)
            _ = try inbox.submit(Self.ballot("Ann", 2))
            guard case .submission(let s) = inbox.scan(known: known).first?.content else { Issue.record("the new version was not read"); return }
            #expect(s.votes?.first?.votes == 2)
        }
    }

    @Test func aResubmissionThatArrivesWhileTheFirstIsReadIsNotRemoved() throws {
        try withTemporaryDirectory { dir in
            let inbox = Inbox(plan: dir.appendingPathComponent("plan.json"))
            _ = try inbox.submit(Self.ballot("Ann", 1))
            let read = inbox.scan()
            usleep(10_000)
            _ = try inbox.submit(Self.ballot("Ann", 2))
            inbox.remove(read[0])
            guard case .submission(let s) = inbox.scan().first?.content else { Issue.record("the resubmission is gone"); return }
            #expect(s.votes?.first?.votes == 2)
        }
    }

    @Test func whoIsHereComesFromFreshPresenceFilesOnly() throws {
        try withTemporaryDirectory { dir in
            let inbox = Inbox(plan: dir.appendingPathComponent("plan.json"))
            try inbox.announce("Ann", at: Self.at)
            try inbox.announce("Bo", at: Self.at.addingTimeInterval(1))
            // A presence file whose name does not match the name inside is ignored.
            try Data(#"{"name":"Cy","since":"x"}"#.utf8).write(to: URL(fileURLWithPath: inbox.path + "/here-zed-00000000.json"))
            #expect(inbox.present(now: Date()) == ["Ann", "Bo"])
            #expect(inbox.present(now: Date().addingTimeInterval(Inbox.presenceLifetime + 5)).isEmpty, "gone quiet: gone")
            inbox.leave("Ann")
            #expect(inbox.present(now: Date()) == ["Bo"])
            #expect(inbox.scan().isEmpty, "presence files are not submissions")
        }
    }

    @Test func aFullInboxRefusesNewFilesInWords() throws {
        try withTemporaryDirectory { dir in
            let inbox = Inbox(plan: dir.appendingPathComponent("plan.json"))
            _ = try inbox.submit(Self.ballot("Ann"))
            for i in 0..<Inbox.maxEntries { _ = FileManager.default.createFile(atPath: inbox.path + "/concern-x-\(i).json", contents: Data()) }
            #expect(throws: InboxError("the inbox is full (300 files waiting); try again when the facilitator has read them")) {
                _ = try inbox.submit(Self.ballot("Bo"))
            }
            // Replacing one's own file is still possible.
            _ = try inbox.submit(Self.ballot("Ann", 1))
            #expect(inbox.scan().count == Inbox.maxEntries, "one look reads at most maxEntries")
        }
    }

    @Test func temporariesOfAKilledJoinGoOnlyWhenOld() throws {
        try withTemporaryDirectory { dir in
            let inbox = Inbox(plan: dir.appendingPathComponent("plan.json"))
            _ = try inbox.submit(Self.ballot("Ann"))
            _ = FileManager.default.createFile(atPath: inbox.path + "/.tmp-1-abc", contents: Data("{\"half".utf8))
            #expect(inbox.scan().count == 1, "a temporary is never read")
            inbox.removeStaleTemporaries(now: Date())
            #expect(files(inbox).contains(".tmp-1-abc"), "may still be being written")
            inbox.removeStaleTemporaries(now: Date().addingTimeInterval(Inbox.staleTemporary + 10))
            #expect(!files(inbox).contains(".tmp-1-abc"))
        }
    }

    @Test func theParticipantRulesRefuseWhatTheFileChecksCannotKnow() {
        var plan = Plan.empty(id: "p", name: "P", organisation: "O")
        plan.teams = [Team(id: "team-a", name: "A")]
        plan.votes = [VoteRound(id: "vr-1", title: "Round 1", budget: 3, attributed: true, openedAt: Self.at)]
        var newer = Self.ballot("Ann")
        newer.format = 9
        #expect(Participation.problem(with: newer, plan: plan) == "written by a newer pilotwave (format 9)")
        var mixed = Self.ballot("Ann")
        mixed.concern = .init(kind: .other, words: "x")
        #expect(Participation.problem(with: mixed, plan: plan) == "a ballot with other answers in it")
        #expect(Participation.problem(with: Self.ballot(String(repeating: "a", count: 41)), plan: plan)
                == "the participant's name is longer than 40 characters")
        #expect(Participation.problem(with: Self.ballot("Ann", 4), plan: plan) == "4 votes for A; each person has 3")
        plan.votes[0].closed = true
        #expect(Participation.problem(with: Self.ballot("Ann"), plan: plan) == "Round 1 is closed")
    }
}
