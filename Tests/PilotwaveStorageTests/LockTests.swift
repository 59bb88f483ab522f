import Foundation
import PilotwaveStorage
import Testing

@Suite("PlanLock")
struct LockTests {
    @Test func secondLockOnTheSameFileIsRefusedWithThePID() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            let lock = try PlanLock.acquire(for: url)
            #expect(lock.isHeld)
            #expect(lock.lockFileURL.lastPathComponent == ".plan.json.lock")
            let pid = ProcessInfo.processInfo.processIdentifier
            #expect(try String(contentsOf: lock.lockFileURL, encoding: .utf8) == "\(pid)\n")

            // flock locks belong to an open file description: a second open conflicts even here.
            let error = #expect(throws: PlanLockError.self) { try PlanLock.acquire(for: url) }
            #expect(error?.reason == .heldElsewhere(pid: pid))
            #expect(error?.readOnlyNotice == "\(url.path) is open for writing in another pilotwave (pid \(pid)); opened read-only")
            #expect(error?.message == "\(url.path) is open for writing in another pilotwave (pid \(pid)); not changed. "
                + "Close it there and try again.")
            lock.release()
        }
    }

    @Test func releaseFreesTheFileAndRemovesTheLockFile() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            let lock = try PlanLock.acquire(for: url)
            lock.release()
            lock.release()  // twice is harmless
            #expect(!lock.isHeld)
            #expect(fileNames(in: dir) == [])
            let again = try PlanLock.acquire(for: url)
            #expect(again.isHeld)
            again.release()
        }
    }

    @Test func lockIsReleasedWhenItGoesAway() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            do { _ = try PlanLock.acquire(for: url) }
            let again = try PlanLock.acquire(for: url)
            again.release()
        }
    }

    @Test func differentFilesDoNotConflict() throws {
        try withTemporaryDirectory { dir in
            let a = try PlanLock.acquire(for: dir.appendingPathComponent("a.json"))
            let b = try PlanLock.acquire(for: dir.appendingPathComponent("b.json"))
            #expect(a.isHeld && b.isHeld)
            a.release()
            b.release()
        }
    }

    @Test func lockInAMissingFolderFails() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("gone/plan.json")
            let error = #expect(throws: PlanLockError.self) { try PlanLock.acquire(for: url) }
            #expect(error?.message == "\(url.path): cannot lock for writing: No such file or directory; not changed.")
            #expect(error?.readOnlyNotice == "\(url.path): cannot lock for writing (No such file or directory); opened read-only")
        }
    }

    /// util-linux `flock`, which can hold the lock from a separate process (it writes no pid).
    static let flockTool = ["/usr/bin/flock", "/bin/flock"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: flockTool != nil, "needs util-linux flock"))
    func lockHeldByAnotherProcessIsSeen() throws {
        let tool = try #require(Self.flockTool)
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            let lockFile = PlanLock.lockFileURL(for: url)
            let ready = dir.appendingPathComponent("ready")
            let child = Process()
            child.executableURL = URL(fileURLWithPath: tool)
            // --no-fork and exec: one process holds the lock, so terminating it ends everything.
            child.arguments = ["--no-fork", lockFile.path, "sh", "-c", "touch '\(ready.path)'; exec sleep 30"]
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            defer { child.terminate(); child.waitUntilExit() }
            let deadline = Date().addingTimeInterval(10)
            while !FileManager.default.fileExists(atPath: ready.path), Date() < deadline { usleep(10_000) }
            let error = #expect(throws: PlanLockError.self) { try PlanLock.acquire(for: url) }
            #expect(error?.readOnlyNotice == "\(url.path) is open for writing in another pilotwave (pid unknown); opened read-only")
        }
    }
}
