#if canImport(Glibc)
import Glibc
#endif

/// Counts the bytes ncurses writes to the terminal. ncurses writes with `write(2)` straight to the
/// output descriptor (a `fopencookie` FILE is bypassed), so the count comes from the kernel:
/// - headless: the output is a temporary file, and its offset is the count;
/// - real terminal: `wchar` in `/proc/thread-self/io`, the bytes this thread passed to `write`,
///   read before and after a screen update.
struct ByteMeter {
    enum Source {
        case fileOffset(Int32)
        case threadIO
        case none
    }

    let source: Source
    private var ioFD: Int32 = -1
    private var ioThread: pthread_t?

    init(_ source: Source) {
        self.source = source
        if case .threadIO = source { reopen() }
    }

    /// Whether readings mean anything.
    var isAvailable: Bool {
        switch source {
        case .fileOffset: true
        case .threadIO: ioFD >= 0
        case .none: false
        }
    }

    /// A running total; only differences between two readings on one thread are meaningful.
    mutating func reading() -> Int {
        switch source {
        case .fileOffset(let fd):
            return max(0, Int(lseek(fd, 0, SEEK_CUR)))
        case .threadIO:
            if let ioThread, pthread_equal(ioThread, pthread_self()) == 0 { reopen() }
            return ioFD >= 0 ? readWchar() : 0
        case .none:
            return 0
        }
    }

    private mutating func reopen() {
        if ioFD >= 0 { Glibc.close(ioFD) }
        ioFD = open("/proc/thread-self/io", O_RDONLY | O_CLOEXEC)
        ioThread = pthread_self()
    }

    /// Parses `wchar: N` from the accounting file.
    private func readWchar() -> Int {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { buffer in
            let n = pread(ioFD, buffer.baseAddress, buffer.count, 0)
            guard n > 0 else { return 0 }
            let key = Array("wchar: ".utf8)
            var i = 0
            while i + key.count < n {
                if (0..<key.count).allSatisfy({ buffer[i + $0] == key[$0] }) {
                    var value = 0
                    var j = i + key.count
                    while j < n, buffer[j] >= 48, buffer[j] <= 57 {
                        value = value * 10 + Int(buffer[j] - 48)
                        j += 1
                    }
                    return value
                }
                i += 1
            }
            return 0
        }
    }

    /// Releases the accounting file.
    func shutdown() {
        if ioFD >= 0 { Glibc.close(ioFD) }
    }
}
