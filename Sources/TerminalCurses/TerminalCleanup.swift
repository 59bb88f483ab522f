#if canImport(Glibc)
import Glibc
#endif
import CNcursesw

/// Puts the terminal back the way the shell left it, on every way out of the process: `exit`
/// (atexit), terminating signals (restore, then die of the signal: exit status 128+sig) and crash
/// signals (restore, then chain to the previous handler, i.e. Swift's backtracer).
///
/// Only the statics below are touched from signal handlers. `endwin` is not strictly
/// async-signal-safe, but ncurses' own handlers do the same.
enum TerminalCleanup {
    /// Whether a real terminal is in curses mode and must be restored.
    nonisolated(unsafe) static var active = false
    /// Where to write the "bracketed paste off" sequence, or -1.
    nonisolated(unsafe) static var pasteFD: Int32 = -1
    /// The handlers that were installed before ours, indexed by signal number.
    nonisolated(unsafe) static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    nonisolated(unsafe) private static var installed = false
    /// When set (the interactive loop is running), SIGTERM, SIGHUP and SIGINT are not acted on in
    /// the handler: the signal is recorded in ``pendingSignal`` for the loop, which saves what
    /// autosave would have saved, restores the terminal and then dies of the signal. An alarm of
    /// ``graceSeconds`` (or a second signal) ends the process the plain way if the loop does not.
    nonisolated(unsafe) static var deferTermination = false
    /// The terminating signal waiting for the loop, or 0.
    nonisolated(unsafe) static var pendingSignal: Int32 = 0
    static let graceSeconds: UInt32 = 3

    static let pasteOn: StaticString = "\u{1b}[?2004h"
    static let pasteOff: StaticString = "\u{1b}[?2004l"

    static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    /// The terminating signals the loop may finish handling (SIGQUIT always acts at once).
    static let deferrable: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let crashing: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// Leaves curses mode and turns bracketed paste off, once. Safe to call repeatedly.
    static func restore() {
        guard active else { return }
        active = false
        if !isendwin() { endwin() }  // also shows the cursor and leaves the alternate screen
        if pasteFD >= 0 { writeAll(pasteFD, pasteOff) }
    }

    /// Restores the terminal and ends the process by `sig`'s default action (status 128+sig).
    static func die(of sig: Int32) -> Never {
        restore()
        signal(sig, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, sig)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(sig)
        _exit(128 + sig)
    }

    /// Writes a constant sequence with plain `write` (usable in a signal handler).
    @discardableResult
    static func writeAll(_ fd: Int32, _ bytes: StaticString) -> Int {
        bytes.withUTF8Buffer { buffer in
            var done = 0
            while done < buffer.count {
                let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n > 0 {
                    done += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            return done
        }
    }

    /// Installs the atexit hook and the signal handlers (once per process). Call right after
    /// `newterm`, which installs ncurses' own handlers (ours replace them; SIGWINCH and SIGTSTP
    /// stay with ncurses).
    static func install() {
        guard !installed else { return }
        installed = true
        atexit { TerminalCleanup.restore() }
        for sig in terminating {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                if TerminalCleanup.deferTermination, TerminalCleanup.pendingSignal == 0, sig != SIGQUIT {
                    TerminalCleanup.pendingSignal = sig
                    alarm(TerminalCleanup.graceSeconds)
                    return
                }
                TerminalCleanup.restore()
                signal(sig, SIG_DFL)
                raise(sig)  // blocked until the handler returns, then kills with the default action
            }
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, previous + Int(sig))
        }
        // The grace alarm: the loop did not finish in time, so end as the signal would have.
        var alarmAction = sigaction()
        alarmAction.__sigaction_handler.sa_handler = { _ in
            let sig = TerminalCleanup.pendingSignal != 0 ? TerminalCleanup.pendingSignal : SIGALRM
            TerminalCleanup.restore()
            signal(sig, SIG_DFL)
            if sig == SIGALRM {
                raise(sig)
            } else {
                kill(getpid(), sig)
            }
        }
        sigemptyset(&alarmAction.sa_mask)
        sigaction(SIGALRM, &alarmAction, nil)
        for sig in crashing {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                TerminalCleanup.restore()
                // Re-arm the previous handler (the Swift backtracer): a fault re-executes and traps
                // into it; abort() (SIGABRT) raises again, so make that pending too.
                sigaction(sig, TerminalCleanup.previous + Int(sig), nil)
                if sig == SIGABRT { raise(sig) }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND))
            sigaction(sig, &action, previous + Int(sig))
        }
    }
}
