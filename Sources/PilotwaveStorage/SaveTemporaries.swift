#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The temporary files a save makes beside a plan, and the removal of those a killed save left.
///
/// A save names its temporaries `.NAME.tmp-PID-TOKEN-RANDOM`, `.NAME.bak-tmp-…` and
/// `.NAME.oldbak-tmp-…`: `PID` is the saving process, `TOKEN` (16 hex digits) a hash of that
/// process's start time and the boot, so that a later process with the same pid is told apart.
/// A save removes them itself, unless the process is killed (SIGKILL, power loss); then the next
/// save or open removes them. Only names of exactly this form, for this plan, are ever removed,
/// and only when their process is gone: no process with that pid, a process that started at another
/// time, or — while this process holds the plan's ``PlanLock`` — a file older than the lock
/// (every cooperating writer saves under the lock). Names of the older form
/// `.NAME.tmp-PID-RANDOM` are treated the same way, without the token.
enum SaveTemporaries {
    static let kinds = ["tmp", "bak-tmp", "oldbak-tmp"]

    /// This process's token.
    static let ownToken: String = token(of: Posix.processID) ?? String(repeating: "0", count: 16)

    /// `PID-TOKEN-RANDOM` for this process's next save.
    static func newSuffix() -> String {
        "\(Posix.processID)-\(ownToken)-" + String(UInt32.random(in: .min ... .max), radix: 16)
    }

    /// The token of the running process `pid`, or nil when it cannot be read.
    static func token(of pid: Int32) -> String? {
        #if os(Linux)
        guard let stat = try? Posix.readFile("/proc/\(pid)/stat").bytes else { return nil }
        // Field 22 (starttime, clock ticks since boot) is the 20th after the ") " that ends field 2.
        guard let close = stat.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = stat[(close + 1)...].split(separator: UInt8(ascii: " "))
        guard fields.count > 19 else { return nil }
        let boot = (try? Posix.readFile("/proc/sys/kernel/random/boot_id").bytes) ?? []
        return hex(FNV1a.hash64(boot + [0x3A] + Array(fields[19])))
        #elseif canImport(Darwin)
        var info = kinfo_proc()
        var size = MemoryLayout<kinfo_proc>.stride
        var mib: [Int32] = [CTL_KERN, KERN_PROC, KERN_PROC_PID, pid]
        guard sysctl(&mib, 4, &info, &size, nil, 0) == 0, size > 0 else { return nil }
        let start = info.kp_proc.p_un.__p_starttime
        return hex(FNV1a.hash64(Array("\(start.tv_sec).\(start.tv_usec)".utf8)))
        #else
        return nil
        #endif
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Whether a process with `pid` exists (possibly another user's).
    static func isAlive(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno != ESRCH)
    }

    /// The owner named by a temporary file's name for the plan `name`: its pid and token (nil for
    /// the older form), or nil when `file` is not one of ours.
    static func owner(of file: String, plan name: String) -> (pid: Int32, token: String?)? {
        for kind in kinds {
            let prefix = ".\(name).\(kind)-"
            guard file.hasPrefix(prefix) else { continue }
            let parts = file.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
            func isHex(_ s: Substring, _ lengths: ClosedRange<Int>) -> Bool {
                lengths.contains(s.count) && s.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
            }
            guard parts.count == 2 || parts.count == 3,
                (1...10).contains(parts[0].count), parts[0].allSatisfy({ ("0"..."9").contains($0) }),
                let pid = Int32(parts[0]), isHex(parts[parts.count - 1], 1...8)
            else { return nil }
            if parts.count == 2 { return (pid, nil) }
            guard isHex(parts[1], 16...16) else { return nil }
            return (pid, String(parts[1]))
        }
        return nil
    }

    /// Removes the temporaries of plan `name` in `folder` that killed saves left behind (see the
    /// type's notes); `lockedSince`: when this process took the plan's lock, if it holds it.
    /// Returns the names removed.
    @discardableResult
    static func removeStale(folder: String, name: String, lockedSince: Date? = nil) -> [String] {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let me = Posix.processID
        var removed: [String] = []
        for file in files {
            guard let owner = owner(of: file, plan: name) else { continue }
            if owner.pid == me, owner.token == ownToken { continue }  // a save of this process
            let path = folder.hasSuffix("/") ? folder + file : folder + "/" + file
            var stale = owner.pid == me || !isAlive(owner.pid)
            if !stale, let token = owner.token, let running = self.token(of: owner.pid), running != token {
                stale = true
            }
            if !stale, let lockedSince, let status = try? Posix.status(path, followLinks: false),
                Double(status.modifiedNanoseconds) / 1e9 < lockedSince.timeIntervalSince1970
            {
                stale = true
            }
            guard stale, let status = try? Posix.status(path, followLinks: false), status.isRegular else { continue }
            Posix.unlink(path)
            removed.append(file)
        }
        return removed
    }
}
