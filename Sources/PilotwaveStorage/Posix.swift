#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the POSIX calls the store and the lock use. Each failure carries `errno`.
enum Posix {
    struct Failure: Error, Equatable {
        var errno: Int32
        var text: String { Posix.describe(errno) }
    }

    /// What `stat` says about a file.
    struct Status: Equatable {
        var size: Int64
        var modifiedNanoseconds: Int64
        var inode: UInt64
        var device: UInt64
        var mode: UInt32
        var isRegular: Bool
        var isSymlink: Bool

        init(_ s: stat) {
            size = Int64(s.st_size)
            #if canImport(Darwin)
            modifiedNanoseconds = Int64(s.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(s.st_mtimespec.tv_nsec)
            #else
            modifiedNanoseconds = Int64(s.st_mtim.tv_sec) * 1_000_000_000 + Int64(s.st_mtim.tv_nsec)
            #endif
            inode = UInt64(s.st_ino)
            device = UInt64(s.st_dev)
            mode = UInt32(s.st_mode)
            isRegular = (s.st_mode & S_IFMT) == S_IFREG
            isSymlink = (s.st_mode & S_IFMT) == S_IFLNK
        }
    }

    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    static func check(_ result: Int32) throws(Failure) {
        if result != 0 { throw Failure(errno: errno) }
    }

    static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0o666) throws(Failure) -> Int32 {
        while true {
            let fd = path.withCString { cPath in
                #if canImport(Darwin)
                Darwin.open(cPath, flags, mode)
                #elseif canImport(Glibc)
                Glibc.open(cPath, flags, mode)
                #else
                Musl.open(cPath, flags, mode)
                #endif
            }
            if fd >= 0 { return fd }
            if errno != EINTR { throw Failure(errno: errno) }
        }
    }

    static func close(_ fd: Int32) {
        #if canImport(Darwin)
        _ = Darwin.close(fd)
        #elseif canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Musl.close(fd)
        #endif
    }

    /// `stat` (following symlinks) or `lstat`; `nil` when there is no such file.
    static func status(_ path: String, followLinks: Bool = true) throws(Failure) -> Status? {
        var s = stat()
        let result = followLinks ? stat(path, &s) : lstat(path, &s)
        if result == 0 { return Status(s) }
        if errno == ENOENT { return nil }
        throw Failure(errno: errno)
    }

    static func status(fd: Int32) throws(Failure) -> Status {
        var s = stat()
        try check(fstat(fd, &s))
        return Status(s)
    }

    /// The whole regular file at `path` and what `fstat` says about it; a folder is refused
    /// with `EISDIR`. The one way this package reads a file.
    static func readFile(_ path: String) throws(Failure) -> (bytes: [UInt8], status: Status) {
        let fd = try open(path, O_RDONLY | O_CLOEXEC)
        defer { close(fd) }
        let status = try Posix.status(fd: fd)
        if (status.mode & UInt32(S_IFMT)) == UInt32(S_IFDIR) { throw Failure(errno: EISDIR) }
        return (try readAll(fd, sizeHint: Int(status.size)), status)
    }

    /// Reads the whole file open at `fd` from its current offset.
    static func readAll(_ fd: Int32, sizeHint: Int) throws(Failure) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(sizeHint, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: max(bytes.count, 4096))) }
            let n = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if n > 0 {
                count += n
            } else if n == 0 {
                break
            } else if errno != EINTR {
                throw Failure(errno: errno)
            }
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Writes all of `bytes`, retrying short writes; `limit` (for fault injection) makes it fail
    /// with `ENOSPC` once that many bytes have been written.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], failAfter limit: Int? = nil) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            var chunk = bytes.count - offset
            if let limit {
                if offset >= limit { throw Failure(errno: ENOSPC) }
                chunk = min(chunk, limit - offset)
            }
            let n = bytes.withUnsafeBytes { buffer in write(fd, buffer.baseAddress! + offset, chunk) }
            if n >= 0 {
                offset += n
            } else if errno != EINTR {
                throw Failure(errno: errno)
            }
        }
    }

    static func fsync(_ fd: Int32) throws(Failure) {
        #if canImport(Darwin)
        // On Darwin fsync does not reach the platter; F_FULLFSYNC does.
        if fcntl(fd, F_FULLFSYNC) == 0 { return }
        #endif
        while true {
            #if canImport(Darwin)
            let result = Darwin.fsync(fd)
            #elseif canImport(Glibc)
            let result = Glibc.fsync(fd)
            #else
            let result = Musl.fsync(fd)
            #endif
            if result == 0 { return }
            if errno != EINTR { throw Failure(errno: errno) }
        }
    }

    /// Syncs a directory so that a rename in it survives a crash. Filesystems that cannot sync a
    /// directory (`EINVAL`) are accepted as they are.
    static func fsyncDirectory(_ path: String) throws(Failure) {
        let fd = try open(path, O_RDONLY | O_CLOEXEC)
        defer { close(fd) }
        do {
            try fsync(fd)
        } catch where error.errno == EINVAL || error.errno == ENOTSUP {
            return
        }
    }

    static func rename(_ from: String, _ to: String) throws(Failure) {
        #if canImport(Darwin)
        try check(Darwin.rename(from, to))
        #elseif canImport(Glibc)
        try check(Glibc.rename(from, to))
        #else
        try check(Musl.rename(from, to))
        #endif
    }

    static func link(_ from: String, _ to: String) throws(Failure) {
        #if canImport(Darwin)
        try check(Darwin.link(from, to))
        #elseif canImport(Glibc)
        try check(Glibc.link(from, to))
        #else
        try check(Musl.link(from, to))
        #endif
    }

    /// Removes a file; a file that is already gone is fine.
    static func unlink(_ path: String) {
        #if canImport(Darwin)
        _ = Darwin.unlink(path)
        #elseif canImport(Glibc)
        _ = Glibc.unlink(path)
        #else
        _ = Musl.unlink(path)
        #endif
    }

    static var processID: Int32 { getpid() }
}
