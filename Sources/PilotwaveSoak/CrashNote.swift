#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A crash (a Swift trap: index out of range…) cannot be caught, so the session that crashed
/// says which it was on its way down: set a note before a session, and if the process traps
/// the note goes to stderr with the step it reached, then the usual crash report follows.
public enum CrashNote {
    /// One thread's note: sessions run in parallel (one per test), each on its own thread while it
    /// runs, and a trap is taken on the thread that traps.
    struct Record {
        var text: UnsafeMutablePointer<CChar>
        var length: Int
        var step: Int
    }

    nonisolated(unsafe) static var key = pthread_key_t()
    nonisolated(unsafe) static var oldIll = sigaction()
    nonisolated(unsafe) static var oldTrap = sigaction()
    static let setUp: Bool = {
        pthread_key_create(&key, nil)
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { signal in CrashNote.fire(signal) }
        #else
        action.__sigaction_u.__sa_handler = { signal in CrashNote.fire(signal) }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGILL, &action, &oldIll)
        sigaction(SIGTRAP, &action, &oldTrap)
        return true
    }()

    static var record: UnsafeMutablePointer<Record>? {
        pthread_getspecific(key)?.assumingMemoryBound(to: Record.self)
    }

    /// `text` is written if this thread traps, followed by " — crashed at step N".
    public static func set(_ text: String) {
        _ = setUp
        clear()
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
        for (i, b) in bytes.enumerated() { buffer[i] = CChar(bitPattern: b) }
        buffer[bytes.count] = 0
        let r = UnsafeMutablePointer<Record>.allocate(capacity: 1)
        r.initialize(to: Record(text: buffer, length: bytes.count, step: 0))
        pthread_setspecific(key, r)
    }

    /// The step this thread's session is at.
    public static func at(step: Int) {
        record?.pointee.step = step
    }

    public static func clear() {
        guard let r = record else { return }
        pthread_setspecific(key, nil)
        r.pointee.text.deallocate()
        r.deallocate()
    }

    /// Writes the note, puts the previous handlers back and returns: the trapping instruction runs
    /// again and the usual crash handling (the backtrace) takes over.
    static func fire(_ signal: Int32) {
        if let r = record {
            _ = write(2, "\n", 1)
            _ = write(2, r.pointee.text, r.pointee.length)
            var digits = [CChar](repeating: 0, count: 24)
            var n = r.pointee.step, i = 23
            repeat {
                i -= 1
                digits[i] = CChar(48 + n % 10)
                n /= 10
            } while n > 0 && i > 0
            let prefix = " — crashed at step "
            _ = prefix.withCString { write(2, $0, strlen($0)) }
            _ = digits.withUnsafeBufferPointer { write(2, $0.baseAddress! + i, 23 - i) }
            _ = write(2, "\n", 1)
        }
        sigaction(SIGILL, &oldIll, nil)
        sigaction(SIGTRAP, &oldTrap, nil)
    }
}
