/// What a plan file looked like when it was loaded or saved, so that a later save can tell whether
/// someone else changed it in between.
///
/// Only the store makes stamps (there is no public initialiser): holding one proves the file was
/// read and understood, which is how "a file that failed to load is never written" is enforced.
public struct FileStamp: Hashable, Sendable, CustomStringConvertible {
    /// Size in bytes.
    public let size: Int64
    /// Modification time, nanoseconds since 1970.
    public let modifiedNanoseconds: Int64
    /// The file's inode number (a rename over the file gives a new one).
    public let inode: UInt64
    /// 64-bit FNV-1a hash of the file's bytes.
    public let hash: UInt64

    init(size: Int64, modifiedNanoseconds: Int64, inode: UInt64, hash: UInt64) {
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
        self.hash = hash
    }

    init(_ status: Posix.Status, hash: UInt64) {
        self.init(size: status.size, modifiedNanoseconds: status.modifiedNanoseconds, inode: status.inode, hash: hash)
    }

    /// Whether `status` shows the same size, modification time and inode.
    func sameStatus(as status: Posix.Status) -> Bool {
        size == status.size && modifiedNanoseconds == status.modifiedNanoseconds && inode == status.inode
    }

    public var description: String {
        "\(size) bytes, mtime \(modifiedNanoseconds) ns, inode \(inode), fnv1a \(String(hash, radix: 16))"
    }
}

/// The 64-bit FNV-1a hash: simple, fast enough for plan files, and stable across runs and
/// platforms (unlike `Hasher`).
public enum FNV1a {
    /// The FNV-1a 64-bit offset basis.
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV 64-bit prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of `bytes`.
    public static func hash64<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        if let fast = bytes.withContiguousStorageIfAvailable({ hash64(buffer: UnsafeRawBufferPointer($0)) }) {
            return fast
        }
        var h = offsetBasis
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* prime
        }
        return h
    }

    static func hash64(buffer: UnsafeRawBufferPointer) -> UInt64 {
        var h = offsetBasis
        for byte in buffer {
            h ^= UInt64(byte)
            h = h &* prime
        }
        return h
    }
}
