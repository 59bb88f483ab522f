#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

extension PlanStore {
    /// Whether the file at `url` is still the one `stamp` describes. Cheap when nothing changed (one
    /// `stat`); when size, time or inode differ, the bytes are hashed, so a touch that leaves the
    /// content as it was does not count as a change.
    public func isUnchanged(_ url: URL, since stamp: FileStamp) -> Bool {
        let path = PlanStore.resolvingSymlink(url.path(percentEncoded: false))
        guard let status = try? Posix.status(path) else { return false }
        if stamp.sameStatus(as: status) { return true }
        guard status.size == stamp.size, let now = stampOnDisk(url) else { return false }
        return now.hash == stamp.hash
    }

    /// A stamp of whatever is at `url` now, without loading it: for saving over an outside change
    /// on purpose ("keep mine"; the version on disk is then kept as `NAME.bak`).
    public func stampOnDisk(_ url: URL) -> FileStamp? {
        let path = PlanStore.resolvingSymlink(url.path(percentEncoded: false))
        do throws(Posix.Failure) {
            let (bytes, status) = try Posix.readFile(path)
            return FileStamp(status, hash: FNV1a.hash64(bytes))
        } catch {
            return nil
        }
    }
}
