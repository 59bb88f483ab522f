#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PilotwaveCore

/// The folder beside a plan where participants' submissions wait: `NAME.inbox/`.
///
/// A participant's `pilotwave join` writes each submission as one small file, atomically (a
/// temporary `.tmp-…` file, fsync, rename), and a presence file `here-…json` while it runs. The
/// facilitator's pilotwave — the plan's only writer — reads each submission as hostile input
/// (size cap, format, the file's name against its content; the plan's rules come after, in
/// ``Participation``), applies it, and removes it once the plan holding it is saved. Submissions
/// wait while no facilitator runs.
///
/// File names: `vote-ROUND-WHO.json` and `readiness-ROUND-WHO.json` (one per person and round: a
/// resubmission renames over the earlier file), `concern-ROUND-WHO-RANDOM.json` and
/// `concern-ROUND-anonymous-RANDOM.json` (an anonymous concern carries no name, in its name or in
/// its content). `WHO` is the name in lower-case letters and digits plus a hash of the whole name.
public struct Inbox: Sendable {
    /// The inbox folder's path.
    public let path: String

    /// Most files the inbox holds: a participant's submission is refused beyond it, and the
    /// facilitator reads at most this many per look.
    public static let maxEntries = 300
    /// A presence file older than this means the participant has gone.
    public static let presenceLifetime: TimeInterval = 20
    /// Temporaries older than this were left by a killed `join`.
    public static let staleTemporary: TimeInterval = 300

    /// The inbox of the plan at `plan`: `NAME.inbox` in the plan's folder (a symlinked plan's
    /// inbox is beside the file it points to).
    public init(plan: URL) {
        let resolved = PlanStore.resolvingSymlink(plan.path(percentEncoded: false))
        path = resolved + ".inbox"
    }

    /// An inbox at `path` (tests).
    public init(path: String) { self.path = path }

    // MARK: Names

    /// Lower-case ASCII letters and digits of `text`, at most `limit` of them, `-` between words.
    static func slug(_ text: String, limit: Int = 24) -> String {
        var out = ""
        var gap = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if gap && !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(scalar)
                gap = false
            } else {
                gap = true
            }
            if out.count >= limit { break }
        }
        return out.isEmpty ? "x" : out
    }

    /// `alice-1a2b3c4d`: a participant's part of a file name.
    static func who(_ name: String) -> String {
        let key = name.trimmingWhitespace().lowercased()
        let hash = String(FNV1a.hash64(Array(key.utf8)) & 0xFFFF_FFFF, radix: 16)
        return slug(key) + "-" + String(repeating: "0", count: 8 - hash.count) + hash
    }

    /// The file a submission is written as. Ballots and ratings have one file per person and
    /// round; each concern its own.
    public static func fileName(for s: Submission) -> String {
        let round = slug(s.round, limit: 32)
        switch s.kind {
        case .vote, .readiness:
            return "\(s.kind.rawValue)-\(round)-\(who(s.participant ?? "")).json"
        case .concern:
            let random = String(UInt32.random(in: .min ... .max), radix: 16)
            return "concern-\(round)-\(s.participant.map(who) ?? "anonymous")-\(random).json"
        }
    }

    /// The presence file of `name`.
    static func presenceName(_ name: String) -> String { "here-\(who(name)).json" }

    // MARK: Participant side

    /// Writes `submission` into the inbox atomically; returns its file name. A ballot or ratings
    /// replace the same person's earlier file in the round.
    public func submit(_ submission: Submission) throws(InboxError) -> String {
        try makeFolder()
        let name = Inbox.fileName(for: submission)
        if !exists(name), count() >= Inbox.maxEntries {
            throw InboxError("the inbox is full (\(Inbox.maxEntries) files waiting); try again when the facilitator has read them")
        }
        try write(Array(SubmissionCodec.encode(submission)), as: name)
        return name
    }

    /// Whether the file `name` is still in the inbox (not yet read by the facilitator).
    public func exists(_ name: String) -> Bool {
        (try? Posix.status(path + "/" + name, followLinks: false)) != nil
    }

    /// Says that `name` is here (written on joining, then refreshed by ``refresh(_:)``).
    public func announce(_ name: String, at date: Date) throws(InboxError) {
        try makeFolder()
        let body = "{\"name\":\(SubmissionCodec.quoted(name.trimmingWhitespace())),\"since\":\"\(SubmissionCodec.isoDate(date))\"}\n"
        try write(Array(body.utf8), as: Inbox.presenceName(name))
    }

    /// Keeps `name`'s presence fresh; announces again when the file is gone.
    public func refresh(_ name: String, at date: Date) {
        let file = path + "/" + Inbox.presenceName(name)
        if utimes(file, nil) != 0 { try? announce(name, at: date) }
    }

    /// Says that `name` has left.
    public func leave(_ name: String) {
        Posix.unlink(path + "/" + Inbox.presenceName(name))
    }

    // MARK: Facilitator side

    /// Who is here now: the names in fresh presence files, in the order they joined.
    public func present(now: Date) -> [String] {
        var found: [(name: String, since: String)] = []
        for entry in listing() where entry.hasPrefix("here-") && entry.hasSuffix(".json") {
            let file = path + "/" + entry
            guard let status = try? Posix.status(file, followLinks: false), status.isRegular, status.size <= 1024 else { continue }
            let age = now.timeIntervalSince1970 - Double(status.modifiedNanoseconds) / 1e9
            guard age <= Inbox.presenceLifetime else { continue }
            guard let bytes = readSmall(file, limit: 1024),
                let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
                let name = object["name"] as? String, Participation.nameProblem(name) == nil,
                Inbox.presenceName(name) == entry
            else { continue }
            found.append((name, object["since"] as? String ?? ""))
        }
        return found.sorted { ($0.since, $0.name) < ($1.since, $1.name) }.map(\.name)
    }

    /// The submissions waiting, oldest first, at most ``maxEntries``: each read (at most
    /// ``Submission/maxBytes``) and checked as a file — its size, its format, its name against its
    /// content. The plan's rules are the caller's (``Participation/problem(with:plan:)``).
    ///
    /// `known`: what earlier looks read, by ``InboxEntry/key``; a file still at the version read
    /// then is not read again.
    public func scan(known: [String: InboxEntry.Content] = [:]) -> [InboxEntry] {
        var entries: [(InboxEntry.Stamp, String)] = []
        for name in listing() where !name.hasPrefix(".") && !name.hasPrefix("here-") {
            guard let status = try? Posix.status(path + "/" + name, followLinks: false) else { continue }
            entries.append((InboxEntry.Stamp(status), name))
            if entries.count >= Inbox.maxEntries * 4 { break }
        }
        entries.sort { ($0.0.modified, $0.1) < ($1.0.modified, $1.1) }
        return entries.prefix(Inbox.maxEntries).map { stamp, name in
            InboxEntry(file: name, stamp: stamp, content: known[name + "@" + stamp.version] ?? readEntry(name, stamp))
        }
    }

    /// Removes a read submission (only if it is still the version that was read: a resubmission
    /// that arrived meanwhile stays to be read).
    public func remove(_ entry: InboxEntry) {
        let file = path + "/" + entry.file
        guard let status = try? Posix.status(file, followLinks: false), InboxEntry.Stamp(status) == entry.stamp else { return }
        if (status.mode & UInt32(S_IFMT)) == UInt32(S_IFDIR) {
            _ = rmdir(file)   // an empty folder someone made; a full one stays (and stays refused)
        } else {
            Posix.unlink(file)
        }
    }

    /// Removes temporaries that killed `join`s left (older than ``staleTemporary``).
    public func removeStaleTemporaries(now: Date) {
        for name in listing() where name.hasPrefix(".tmp-") {
            let file = path + "/" + name
            guard let status = try? Posix.status(file, followLinks: false) else { continue }
            if now.timeIntervalSince1970 - Double(status.modifiedNanoseconds) / 1e9 > Inbox.staleTemporary {
                Posix.unlink(file)
            }
        }
    }

    /// How many files the inbox holds (temporaries and presence files included).
    public func count() -> Int { listing().count }

    // MARK: Files

    private func readEntry(_ name: String, _ stamp: InboxEntry.Stamp) -> InboxEntry.Content {
        let file = path + "/" + name
        if !stamp.isRegular { return .refused("not a regular file") }
        guard name.hasSuffix(".json") else { return .refused("not a submission file (a .json name is expected)") }
        if stamp.size > Int64(Submission.maxBytes) {
            return .refused("\(stamp.size) bytes, more than the \(Submission.maxBytes / 1024) KiB a submission may have")
        }
        guard let bytes = readSmall(file, limit: Submission.maxBytes) else { return .refused("cannot be read") }
        let submission: Submission
        switch SubmissionCodec.decode(bytes) {
        case .success(let s): submission = s
        case .failure(let error): return .refused(error.message)
        }
        if submission.kind == .concern {
            let expected = submission.participant.map(Inbox.who) ?? "anonymous"
            let round = Inbox.slug(submission.round, limit: 32)
            guard name.hasPrefix("concern-\(round)-\(expected)-") else {
                if submission.participant == nil { return .refused("an anonymous concern in a file that names someone") }
                return .refused(name.hasPrefix("concern-\(round)-anonymous-")
                    ? "a file named anonymous that holds a name"
                    : "the file's name does not match the participant in it")
            }
        } else if name != Inbox.fileName(for: submission) {
            return .refused("the file's name does not match the participant or round in it")
        }
        return .submission(submission)
    }

    /// Reads at most `limit` bytes of a regular file, not following a symlink; nil when it is
    /// larger, not regular, or cannot be read.
    private func readSmall(_ file: String, limit: Int) -> [UInt8]? {
        guard let fd = try? Posix.open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK) else { return nil }
        defer { Posix.close(fd) }
        guard let status = try? Posix.status(fd: fd), status.isRegular, status.size <= Int64(limit) else { return nil }
        var bytes = [UInt8](repeating: 0, count: limit + 1)
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n > 0 { count += n } else if n == 0 { break } else if errno != EINTR { return nil }
        }
        return count > limit ? nil : Array(bytes.prefix(count))
    }

    private func listing() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    }

    private func makeFolder() throws(InboxError) {
        if let status = try? Posix.status(path, followLinks: false) {
            guard (status.mode & UInt32(S_IFMT)) == UInt32(S_IFDIR) else { throw InboxError("\(path) is not a folder") }
            return
        }
        if mkdir(path, 0o770) != 0 && errno != EEXIST {
            throw InboxError("cannot make \(path): \(Posix.describe(errno))")
        }
    }

    /// Temporary file, fsync, rename over `name`, fsync the folder.
    private func write(_ bytes: [UInt8], as name: String) throws(InboxError) {
        let temporary = path + "/.tmp-\(Posix.processID)-" + String(UInt64.random(in: .min ... .max), radix: 16)
        do throws(Posix.Failure) {
            let fd = try Posix.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o660)
            do throws(Posix.Failure) {
                try Posix.writeAll(fd, bytes)
                try Posix.fsync(fd)
            } catch {
                Posix.close(fd)
                throw error
            }
            Posix.close(fd)
            try Posix.rename(temporary, path + "/" + name)
        } catch {
            Posix.unlink(temporary)
            throw InboxError("cannot write to \(path): \(error.text)")
        }
        try? Posix.fsyncDirectory(path)
    }
}

/// One file found in the inbox and what reading it gave.
public struct InboxEntry: Sendable, Hashable {
    /// Size, time and inode: a file replaced by a resubmission is another version.
    public struct Stamp: Sendable, Hashable {
        public var size: Int64
        public var modified: Int64
        public var inode: UInt64
        public var isRegular: Bool

        init(_ status: Posix.Status) {
            size = status.size
            modified = status.modifiedNanoseconds
            inode = status.inode
            isRegular = status.isRegular
        }

        /// "SIZE-TIME-INODE": tells one version of a file from the next.
        public var version: String { "\(size)-\(modified)-\(inode)" }
    }

    public enum Content: Sendable, Hashable {
        case submission(Submission)
        /// Not a submission that can be read; why, in words.
        case refused(String)
    }

    /// The file's name in the inbox.
    public var file: String
    public var stamp: Stamp
    public var content: Content

    /// `FILE@VERSION`: this version of this file.
    public var key: String { file + "@" + stamp.version }
}

/// A submission could not be written to the inbox.
public struct InboxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A submission's bytes: JSON with sorted keys and ISO 8601 dates.
public enum SubmissionCodec {
    public static func encode(_ s: Submission) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(s)) ?? Data()
    }

    /// The submission in `bytes`, or why they are not one (in a few words: the bytes may be anything).
    public static func decode(_ bytes: [UInt8]) -> Result<Submission, InboxError> {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard (try? JSONSerialization.jsonObject(with: Data(bytes))) is [String: Any] else {
            return .failure(InboxError("not a JSON object (garbage, or cut short)"))
        }
        do {
            return .success(try decoder.decode(Submission.self, from: Data(bytes)))
        } catch let DecodingError.keyNotFound(key, _) {
            return .failure(InboxError("not a submission: \"\(key.stringValue)\" is missing"))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            return .failure(InboxError("not a submission: \(where_(context)) has the wrong type"))
        } catch let DecodingError.dataCorrupted(context) {
            return .failure(InboxError("not a submission: \(where_(context)) holds a value pilotwave does not know"))
        } catch {
            return .failure(InboxError("not a submission"))
        }
    }

    private static func where_(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        return path.isEmpty ? "the file" : String(path.drop { $0 == "." }.prefix(60))
    }

    static func quoted(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text])) ?? Data("[\"\"]".utf8)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    static func isoDate(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
