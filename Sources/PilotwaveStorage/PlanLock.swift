#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Marks a plan file as open for writing by one pilotwave, so that a second instance on the same
/// file opens it read-only and says so.
///
/// The lock is an exclusive `flock` on a sidecar file `.NAME.lock` in the plan's folder, holding the
/// owner's process id. The system releases it when the process ends, however it ends, so a crash
/// never leaves a stale lock. `flock` locks belong to an open file description: two `acquire`s in
/// the same process conflict just as two processes do.
///
/// ``release()`` (or the end of the lock's life) removes the sidecar file again.
public final class PlanLock: @unchecked Sendable {
    /// The sidecar lock file, `.NAME.lock` beside the plan.
    public let lockFileURL: URL
    /// The plan file this lock is for.
    public let fileURL: URL

    private let state = NSLock()
    private var descriptor: Int32?

    private init(fileURL: URL, lockFileURL: URL, descriptor: Int32) {
        self.fileURL = fileURL
        self.lockFileURL = lockFileURL
        self.descriptor = descriptor
    }

    deinit { release() }

    /// The sidecar lock file for `url`: `.NAME.lock` in the same folder.
    public static func lockFileURL(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".lock")
    }

    /// Takes the write lock for the plan at `url` without waiting.
    ///
    /// - Throws: ``PlanLockError/Reason/heldElsewhere(pid:)`` when another pilotwave holds it (its
    ///   ``PlanLockError/readOnlyNotice`` is the line to show when opening read-only), or
    ///   ``PlanLockError/Reason/failed(errno:text:)`` when the lock file cannot be made (for example
    ///   a read-only folder).
    public static func acquire(for url: URL) throws(PlanLockError) -> PlanLock {
        let file = url.path(percentEncoded: false)
        let lockURL = lockFileURL(for: URL(fileURLWithPath: PlanStore.resolvingSymlink(file)))
        let lockPath = lockURL.path(percentEncoded: false)
        // A holder may remove the lock file between our open and our flock; then we hold a lock on
        // a file nobody else can see, so check the path still names our file and retry if not.
        for _ in 0..<8 {
            let fd: Int32
            do throws(Posix.Failure) {
                fd = try Posix.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            } catch {
                throw PlanLockError(file: file, reason: .failed(errno: error.errno, text: error.text))
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                defer { Posix.close(fd) }
                if code == EWOULDBLOCK || code == EAGAIN {
                    throw PlanLockError(file: file, reason: .heldElsewhere(pid: readPID(fd)))
                }
                throw PlanLockError(file: file, reason: .failed(errno: code, text: Posix.describe(code)))
            }
            guard let mine = try? Posix.status(fd: fd), let named = try? Posix.status(lockPath),
                mine.inode == named.inode, mine.device == named.device
            else {
                Posix.close(fd)
                continue
            }
            let pid = Array("\(Posix.processID)\n".utf8)
            _ = ftruncate(fd, 0)
            _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, 0) }
            // No other pilotwave saves this plan now: what earlier, killed saves left can go.
            let plan = URL(fileURLWithPath: PlanStore.resolvingSymlink(file))
            SaveTemporaries.removeStale(folder: plan.deletingLastPathComponent().path(percentEncoded: false),
                                        name: plan.lastPathComponent, lockedSince: Date())
            return PlanLock(fileURL: url, lockFileURL: lockURL, descriptor: fd)
        }
        throw PlanLockError(file: file, reason: .failed(errno: EAGAIN, text: "the lock file keeps changing"))
    }

    /// Whether this lock is still held (not yet released).
    public var isHeld: Bool {
        state.lock()
        defer { state.unlock() }
        return descriptor != nil
    }

    /// Gives the lock up and removes the lock file. Safe to call more than once.
    public func release() {
        state.lock()
        defer { state.unlock() }
        guard let fd = descriptor else { return }
        descriptor = nil
        // Remove the file while still holding the lock, and only if it is still ours.
        let path = lockFileURL.path(percentEncoded: false)
        if let mine = try? Posix.status(fd: fd), let named = try? Posix.status(path),
            mine.inode == named.inode, mine.device == named.device
        {
            Posix.unlink(path)
        }
        Posix.close(fd)
    }

    /// The process id written in a lock file, if it holds one.
    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer.prefix(n), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text)
    }
}

/// The write lock for a plan could not be taken.
public struct PlanLockError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the lock was not taken.
    public enum Reason: Sendable, Hashable {
        /// Another pilotwave (this process or another) holds it; its pid when it wrote one.
        case heldElsewhere(pid: Int32?)
        /// The lock file could not be created or locked.
        case failed(errno: Int32, text: String)
    }

    /// The plan file's path as given.
    public var file: String
    /// Why the lock was not taken.
    public var reason: Reason

    /// A lock error for `file`.
    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    private var holder: String {
        if case .heldElsewhere(let pid?) = reason { return "pid \(pid)" }
        return "pid unknown"
    }

    /// The line to show when the planner opens the file read-only because of this error:
    /// `FILE is open for writing in another pilotwave (pid N); opened read-only`.
    public var readOnlyNotice: String {
        switch reason {
        case .heldElsewhere:
            "\(file) is open for writing in another pilotwave (\(holder)); opened read-only"
        case .failed(_, let text):
            "\(file): cannot lock for writing (\(text)); opened read-only"
        }
    }

    /// The message for a command that must write: `FILE is open for writing in another pilotwave
    /// (pid N); not changed. Close it there and try again.`
    public var message: String {
        switch reason {
        case .heldElsewhere:
            "\(file) is open for writing in another pilotwave (\(holder)); not changed. Close it there and try again."
        case .failed(_, let text):
            "\(file): cannot lock for writing: \(text); not changed."
        }
    }

    /// The same as ``message``.
    public var description: String { message }
}
