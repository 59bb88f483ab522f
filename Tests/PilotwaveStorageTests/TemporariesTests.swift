import Foundation
import PilotwaveCore
@testable import PilotwaveStorage
import Testing

/// What killed saves leave beside a plan is removed by the next save or open, and nothing else is.
@Suite("Stale temporaries")
struct TemporariesTests {
    /// No process has this pid (pid_max is far lower).
    static let deadPID: Int32 = 2_147_483_646

    func files(_ dir: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
    }

    func touch(_ dir: URL, _ names: [String]) {
        for name in names { _ = FileManager.default.createFile(atPath: dir.appendingPathComponent(name).path, contents: Data("x".utf8)) }
    }

    @Test func onlyOurOwnStaleTemporariesAreRemoved() throws {
        try withTemporaryDirectory { dir in
            let parent = getppid()
            let parentToken = try #require(SaveTemporaries.token(of: parent))
            let own = SaveTemporaries.ownToken
            let stale = [
                ".plan.json.tmp-\(Self.deadPID)-0123456789abcdef-1a",  // no such process
                ".plan.json.bak-tmp-\(Self.deadPID)-0123456789abcdef-2",
                ".plan.json.oldbak-tmp-\(Self.deadPID)-3",  // the older form, no such process
                ".plan.json.tmp-\(parent)-0000000000000000-4",  // the pid now belongs to another process
            ]
            let kept = [
                ".plan.json.tmp-\(parent)-\(parentToken)-5",  // a live process's save in progress
                ".plan.json.tmp-\(parent)-6",  // the older form, live pid: kept without the lock
                ".plan.json.tmp-\(getpid())-\(own)-7",  // this process's own save
                ".other.json.tmp-\(Self.deadPID)-0123456789abcdef-8",  // another plan's
                "plan.json.tmp-\(Self.deadPID)-9", ".plan.json.tmp-\(Self.deadPID)-zz", ".plan.json.tmp-x-1",
                ".plan.json.tmp-\(Self.deadPID)-1.json", ".plan.json.tmp-\(Self.deadPID)-0123-1",
                ".plan.json.lock", "plan.json", "plan.json.bak", ".plan.json.bak.tmp-\(Self.deadPID)-1",
            ]
            touch(dir, stale + kept)
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(".plan.json.tmp-\(Self.deadPID)-a"),
                                                    withIntermediateDirectories: false)
            let removed = SaveTemporaries.removeStale(folder: dir.path, name: "plan.json")
            #expect(Set(removed) == Set(stale))
            #expect(try files(dir) == Set(kept).union([".plan.json.tmp-\(Self.deadPID)-a"]))

            // Holding the lock: a live process's file older than the lock is stale too (a writer
            // saves under the lock), but never this process's own.
            let later = SaveTemporaries.removeStale(folder: dir.path, name: "plan.json", lockedSince: Date().addingTimeInterval(5))
            #expect(Set(later) == [".plan.json.tmp-\(parent)-\(parentToken)-5", ".plan.json.tmp-\(parent)-6"])
            #expect(try files(dir).contains(".plan.json.tmp-\(getpid())-\(own)-7"))
        }
    }

    /// A save, and taking the lock, clear what killed saves left.
    @Test func saveAndLockRemoveWhatKilledSavesLeft() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            let store = PlanStore()
            var stamp = try store.save(Fixtures.smallPlan(), to: url, expecting: nil)
            let left = [".plan.json.tmp-\(Self.deadPID)-0123456789abcdef-1", ".plan.json.oldbak-tmp-\(Self.deadPID)-2"]
            touch(dir, left)
            stamp = try store.save(Fixtures.smallPlan(), to: url, expecting: stamp)
            #expect(try files(dir) == ["plan.json", "plan.json.bak"])

            touch(dir, left)
            let lock = try PlanLock.acquire(for: url)
            #expect(try files(dir) == ["plan.json", "plan.json.bak", ".plan.json.lock"])
            lock.release()
            #expect(try files(dir) == ["plan.json", "plan.json.bak"])
        }
    }

    @Test func temporaryNamesCarryThePIDAndAToken() throws {
        let suffix = SaveTemporaries.newSuffix()
        let owner = try #require(SaveTemporaries.owner(of: ".p.json.tmp-" + suffix, plan: "p.json"))
        #expect(owner.pid == getpid())
        #expect(owner.token == SaveTemporaries.ownToken)
        #expect(SaveTemporaries.token(of: getpid()) == SaveTemporaries.ownToken)
        #expect(SaveTemporaries.token(of: getppid()) != SaveTemporaries.ownToken)
    }
}
