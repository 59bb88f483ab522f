#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PilotwaveCore

/// Loads and saves plan files so that nothing is ever lost.
///
/// - A load returns the plan and a ``FileStamp`` of the bytes it came from.
/// - A save first checks that the file on disk is still the one that was loaded (never silently
///   overwriting an outside edit), writes a temporary file in the same folder, syncs it, keeps the
///   current file as `NAME.bak`, renames the temporary file over `NAME` and syncs the folder. If
///   any step fails, the temporary files are removed and `NAME` and `NAME.bak` are left exactly as
///   they were. A save that is killed cannot remove them: the next save (or ``PlanLock``) does,
///   see ``SaveTemporaries``.
/// - A file that failed to load is never written: ``save(_:to:expecting:)`` needs the stamp of a
///   successful load to replace a file, and refuses to replace any file without one.
///
/// Cooperating writers also hold a ``PlanLock``; the stamp check catches everyone else (editors,
/// `git checkout`, sync tools).
public struct PlanStore: Sendable {
    /// Faults injected into saves (tests only).
    public var faults: SaveFaults
    /// Upgrades for files written by older versions.
    public var migrations: Migrations
    /// Files at least this large are decoded while their pages are released (see ``load(_:)``);
    /// tests lower it to exercise that path on small files.
    public var releasingThreshold = 8 << 20

    /// A store; tests pass `faults` to prove failures lose nothing.
    public init(faults: SaveFaults = .none, migrations: Migrations = .standard) {
        self.faults = faults
        self.migrations = migrations
    }

    /// The backup kept beside `url` by every save that replaces a file: `NAME.bak`.
    public static func backupURL(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".bak")
    }

    /// Reads, decodes and validates the plan at `url`.
    ///
    /// - Returns: the plan and the stamp to pass to the next ``save(_:to:expecting:)``.
    /// - Throws: ``PlanLoadError``; its message names the file and, for bad content, the JSON path,
    ///   line and column. The file is not changed.
    public func load(_ url: URL) throws(PlanLoadError) -> (plan: Plan, stamp: FileStamp) {
        let file = url.path(percentEncoded: false)
        var (bytes, status) = try Self.readFile(file)
        var hash = FNV1a.hash64(bytes)
        // A large plan is read by the fast path while its pages are given back behind the reader,
        // so the file's bytes and the plan are never both in memory. If the fast path stands aside
        // or validation finds problems, the file is read again for the exact path and messages.
        if bytes.count >= releasingThreshold {
            let fast = bytes.withUnsafeMutableBytes { raw in
                FastPlanReader.read(UnsafeRawBufferPointer(raw), schemaVersion: migrations.currentVersion,
                                   releaseChunk: min(4 << 20, releasingThreshold))
            }
            bytes = []
            if var plan = fast {
                plan.schemaVersion = migrations.currentVersion
                if PlanValidator.validate(plan).isEmpty {
                    return (plan, FileStamp(status, hash: hash))
                }
            }
            (bytes, status) = try Self.readFile(file)
            hash = FNV1a.hash64(bytes)
        }
        // Decode from the bytes in place: a copy into a new `Data` would double the peak memory
        // of a large plan. The `Data` does not outlive this call.
        let plan = try bytes.withUnsafeBufferPointer { (buffer) throws(PlanLoadError) -> Plan in
            guard let base = buffer.baseAddress, !buffer.isEmpty else {
                return try PlanCodec.decode(Data(), file: file, migrations: migrations)
            }
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none)
            return try PlanCodec.decode(data, file: file, migrations: migrations)
        }
        return (plan, FileStamp(status, hash: hash))
    }

    /// The bytes and status of the plan file at `file`, or the load error that says why not.
    static func readFile(_ file: String) throws(PlanLoadError) -> ([UInt8], Posix.Status) {
        do throws(Posix.Failure) {
            return try Posix.readFile(file)
        } catch {
            if error.errno == ENOENT { throw PlanLoadError(file: file, reason: .notFound) }
            if error.errno == EISDIR { throw PlanLoadError(file: file, reason: .isFolder) }
            if error.errno == EACCES { throw PlanLoadError(file: file, reason: .noPermission) }
            throw PlanLoadError(file: file, reason: .unreadable(error.text))
        }
    }

    /// Saves `plan` to `url` atomically, keeping the previous version as `NAME.bak`.
    ///
    /// - Parameters:
    ///   - expecting: the stamp from the ``load(_:)`` or ``save(_:to:expecting:)`` that produced
    ///     the version being replaced; `nil` to create a new file, which is refused if a file is
    ///     already there.
    /// - Returns: the stamp of the new file, for the next save.
    /// - Throws: ``PlanSaveError`` if the file changed on disk since `expecting`, or a step failed;
    ///   `NAME` and `NAME.bak` are then exactly as they were and no temporary file is left.
    @discardableResult
    public func save(_ plan: Plan, to url: URL, expecting stamp: FileStamp?) throws(PlanSaveError) -> FileStamp {
        let file = url.path(percentEncoded: false)
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try PlanCodec.encode(plan))
        } catch {
            throw PlanSaveError(file: file, reason: .encodingFailed(String(describing: error)))
        }
        var writer = AtomicWriter(display: file, path: PlanStore.resolvingSymlink(file), faults: faults)
        return try writer.write(bytes, expecting: stamp)
    }

    /// The path a symlink at `path` points to (so a save replaces the target, not the link).
    static func resolvingSymlink(_ path: String) -> String {
        guard let status = try? Posix.status(path, followLinks: false), status.isSymlink else { return path }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().path(percentEncoded: false)
    }
}

/// One atomic save: the steps of ``PlanStore/save(_:to:expecting:)`` and the undoing of them.
private struct AtomicWriter {
    let display: String
    let path: String
    let faults: SaveFaults
    let folder: String
    let name: String
    let suffix: String
    /// Temporary files to remove if the save does not complete.
    var temporaries: [String] = []

    init(display: String, path: String, faults: SaveFaults) {
        self.display = display
        self.path = path
        self.faults = faults
        let url = URL(fileURLWithPath: path)
        folder = url.deletingLastPathComponent().path(percentEncoded: false)
        name = url.lastPathComponent
        suffix = SaveTemporaries.newSuffix()
    }

    func sibling(_ fileName: String) -> String {
        folder.hasSuffix("/") ? folder + fileName : folder + "/" + fileName
    }

    func failure(_ reason: PlanSaveError.Reason) -> PlanSaveError { PlanSaveError(file: display, reason: reason) }

    func ioFailure(_ step: String, _ error: Posix.Failure) -> PlanSaveError {
        failure(.io(step: step, errno: error.errno, text: error.text))
    }

    /// Runs `body`, turning a POSIX failure into a save error for `step`; an injected fault fails it
    /// with `injected` instead.
    func step<T>(_ step: String, inject: Bool = false, _ injected: Int32 = EIO,
                 _ body: () throws(Posix.Failure) -> T) throws(PlanSaveError) -> T {
        do throws(Posix.Failure) {
            if inject { throw Posix.Failure(errno: injected) }
            return try body()
        } catch {
            throw ioFailure(step, error)
        }
    }

    mutating func write(_ bytes: [UInt8], expecting stamp: FileStamp?) throws(PlanSaveError) -> FileStamp {
        defer { for temporary in temporaries { Posix.unlink(temporary) } }
        let current = try check(expecting: stamp)
        // What earlier saves of this plan left when they were killed (see `SaveTemporaries`).
        SaveTemporaries.removeStale(folder: folder, name: name)

        // 1. The new version, complete and on disk, under a temporary name.
        let temporary = sibling(".\(name).tmp-\(suffix)")
        temporaries.append(temporary)
        let fd = try step("creating the temporary file") { () throws(Posix.Failure) in
            try Posix.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        var closed = false
        defer { if !closed { Posix.close(fd) } }
        if let current { _ = fchmod(fd, mode_t(current.mode & 0o7777)) }
        try step("writing the temporary file") { () throws(Posix.Failure) in
            try Posix.writeAll(fd, bytes, failAfter: faults.failWriteAfterBytes)
        }
        try step("syncing the temporary file to disk", inject: faults.failFileSync) { () throws(Posix.Failure) in
            try Posix.fsync(fd)
        }
        let written = try step("reading back the temporary file's status") { () throws(Posix.Failure) in
            try Posix.status(fd: fd)
        }
        closed = true
        try step("closing the temporary file") { () throws(Posix.Failure) in try Posix.check(close(fd)) }

        if current != nil {
            try replace(with: temporary)
        } else {
            // A new file: link it into place, which fails if a file appeared meanwhile.
            do throws(Posix.Failure) {
                if faults.failRename { throw Posix.Failure(errno: EIO) }
                try Posix.link(temporary, path)
            } catch where error.errno == EEXIST {
                throw failure(.alreadyExists)
            } catch where error.errno == EPERM || error.errno == ENOTSUP {
                // The filesystem has no hard links; fall back to a rename.
                try step("moving the new file into place") { () throws(Posix.Failure) in
                    try Posix.rename(temporary, path)
                }
            } catch {
                throw ioFailure("moving the new file into place", error)
            }
        }
        // The rename is done: a folder that cannot be synced does not undo the save.
        if !faults.failDirectorySync { try? Posix.fsyncDirectory(folder) }
        return FileStamp(written, hash: FNV1a.hash64(bytes))
    }

    /// Refuses the save unless the file on disk is the one `stamp` describes (or, without a stamp,
    /// there is no file). Returns the current file's status.
    func check(expecting stamp: FileStamp?) throws(PlanSaveError) -> Posix.Status? {
        let current = try step("checking the file on disk") { () throws(Posix.Failure) in try Posix.status(path) }
        guard let stamp else {
            if current != nil { throw failure(.alreadyExists) }
            return nil
        }
        guard let current else { throw failure(.missingOnDisk) }
        guard current.isRegular else { throw failure(.notAFile) }
        if stamp.sameStatus(as: current) { return current }
        if current.size != stamp.size { throw failure(.changedOnDisk) }
        let onDisk = try step("reading the file on disk") { () throws(Posix.Failure) in
            try Posix.readFile(path).bytes
        }
        if FNV1a.hash64(onDisk) != stamp.hash { throw failure(.changedOnDisk) }
        return current
    }

    /// Keeps the current file as `NAME.bak` and renames `temporary` over `NAME`. If the final rename
    /// fails, the previous `NAME.bak` is put back (or removed if there was none).
    mutating func replace(with temporary: String) throws(PlanSaveError) {
        let backup = sibling(name + ".bak")
        let backupStep = "keeping the previous version as \(name).bak"

        // The current file gets a second name, so it never disappears.
        let backupTemporary = sibling(".\(name).bak-tmp-\(suffix)")
        temporaries.append(backupTemporary)
        try step(backupStep, inject: faults.failBackupLink) { () throws(Posix.Failure) in
            do throws(Posix.Failure) {
                try Posix.link(path, backupTemporary)
            } catch where error.errno == EPERM || error.errno == ENOTSUP {
                try copyFile(path, to: backupTemporary)
            }
        }

        // The old backup too, so a failed save can put it back.
        var previousBackup: String?
        if (try? Posix.status(backup, followLinks: false)) != nil {
            let keep = sibling(".\(name).oldbak-tmp-\(suffix)")
            temporaries.append(keep)
            try step(backupStep) { () throws(Posix.Failure) in
                do throws(Posix.Failure) {
                    try Posix.link(backup, keep)
                } catch where error.errno == EPERM || error.errno == ENOTSUP {
                    try copyFile(backup, to: keep)
                }
            }
            previousBackup = keep
        }

        try step(backupStep, inject: faults.failBackupRename) { () throws(Posix.Failure) in
            try Posix.rename(backupTemporary, backup)
        }
        do throws(Posix.Failure) {
            if faults.failRename { throw Posix.Failure(errno: EIO) }
            try Posix.rename(temporary, path)
        } catch {
            if let previousBackup {
                try? Posix.rename(previousBackup, backup)
            } else {
                Posix.unlink(backup)
            }
            throw ioFailure("replacing the file", error)
        }
    }

    /// Copies a file for filesystems without hard links.
    func copyFile(_ source: String, to destination: String) throws(Posix.Failure) {
        let bytes = try Posix.readFile(source).bytes
        let output = try Posix.open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        defer { Posix.close(output) }
        try Posix.writeAll(output, bytes)
        try Posix.fsync(output)
    }
}
