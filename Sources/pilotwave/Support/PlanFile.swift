import Foundation
import PilotwaveCore
import PilotwaveStorage

/// The commands' way to plan files: load, create, save — every failure a `CLIFailure` whose
/// message names the file (and, for bad content, the place in it).
enum PlanFile {
    struct Loaded {
        var plan: Plan
        var stamp: FileStamp
    }

    static let store = PlanStore()

    /// Loads and validates the plan at `path`; exit code 2 with the loader's message when it fails.
    /// `opening`: the planner was asked to open it, so a missing file says how to create one.
    static func load(_ path: String, opening: Bool = false) throws(CLIFailure) -> Loaded {
        do {
            let (plan, stamp) = try store.load(fileURL(path))
            return Loaded(plan: plan, stamp: stamp)
        } catch {
            if opening, error.reason == .notFound { throw CLIFailure(missingMessage(path)) }
            throw CLIFailure(error.message.replacingOccurrences(of: fileURL(path).path(percentEncoded: false), with: path))
        }
    }

    /// What to do about a plan file that is not there: create it, or fix the folder.
    static func missingMessage(_ path: String) -> String {
        let folder = fileURL(path).deletingLastPathComponent().path(percentEncoded: false)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            let given = (path as NSString).deletingLastPathComponent
            return "\(path): no such file, and no folder \(given.isEmpty ? folder : given); check the path."
        }
        return "\(path): no such file. To start a new plan there: pilotwave new \(path)"
            + " (or pilotwave demo --save-as \(path) to start from the demo plan)."
    }

    /// Writes `plan` as a new file at `path`. An existing file is replaced only with `force`, and
    /// only if it is a plan that loads (so a file that fails to load is never overwritten); its
    /// previous version is kept as `FILE.bak`.
    ///
    /// - Returns: the number of bytes written.
    @discardableResult
    static func write(_ plan: Plan, to path: String, force: Bool, forceHint: Bool = true) throws(CLIFailure) -> Int {
        let url = fileURL(path)
        var stamp: FileStamp?
        if FileManager.default.fileExists(atPath: url.path(percentEncoded: false)) {
            guard force else {
                throw CLIFailure("\(path) already exists; not overwritten."
                    + (forceHint ? " Pass --force to replace it (the previous version is kept as \(path).bak)." : " Choose another name."))
            }
            do {
                stamp = try store.load(url).stamp
            } catch {
                throw CLIFailure("\(path) exists but is not a plan pilotwave can load, so it is not overwritten, even with --force:\n"
                    + error.message.replacingOccurrences(of: url.path(percentEncoded: false), with: path))
            }
        }
        let lock = try acquireLock(path)
        defer { lock.release() }
        return try save(plan, to: path, expecting: stamp)
    }

    /// Takes the write lock; a plan open in another pilotwave is not written.
    static func acquireLock(_ path: String) throws(CLIFailure) -> PlanLock {
        do {
            return try PlanLock.acquire(for: fileURL(path))
        } catch {
            throw CLIFailure(error.message.replacingOccurrences(of: fileURL(path).path(percentEncoded: false), with: path))
        }
    }

    /// Saves atomically over the version described by `stamp` (nil: a new file).
    static func save(_ plan: Plan, to path: String, expecting stamp: FileStamp?) throws(CLIFailure) -> Int {
        do {
            let newStamp = try store.save(plan, to: fileURL(path), expecting: stamp)
            return Int(newStamp.size)
        } catch {
            throw CLIFailure(error.message.replacingOccurrences(of: fileURL(path).path(percentEncoded: false), with: path))
        }
    }
}
