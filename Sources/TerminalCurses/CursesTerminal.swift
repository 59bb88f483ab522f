#if canImport(Glibc)
import Glibc
#endif
import CNcursesw
import TerminalUI

/// The ncurses backend: owns the screen, decodes input, and puts frames on the terminal by writing
/// only the cells that changed.
///
/// Use it from one thread (the main thread). ncurses state is process-global: one real terminal
/// per process; headless terminals (for tests and benchmarks) may coexist, each call switches to
/// its own screen.
public final class CursesTerminal: TerminalBackend {
    /// The theme in use: the one asked for, or ``Theme/mono`` when the terminal has no colours.
    public private(set) var theme: Theme
    /// Whether the locale is UTF-8 (after the `C.UTF-8` fallback); if not, non-ASCII shows as `?`.
    public let unicode: Bool
    /// Bytes written to the terminal by ``present(_:)`` and the bracketed-paste switches, when
    /// ``countsBytes`` (headless: always; real terminal: when `/proc/thread-self/io` is readable).
    public internal(set) var bytesWritten = 0
    /// Whether this is a headless screen (see ``headless(size:theme:term:)``).
    public let isHeadless: Bool

    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    private let outFile: UnsafeMutablePointer<FILE>
    private let inFile: UnsafeMutablePointer<FILE>
    let outFD: Int32
    let inFD: Int32
    /// Headless only: the write end of the input pipe.
    var feedFD: Int32 = -1
    var meter: ByteMeter

    // Drawing state.
    var previous: Canvas?
    var presentedWindowSize: Size = .zero
    var needsClear = true
    var cursorShown: Bool?
    var pairs: ColorPairCache
    var roleStyles: [CursesStyle?] = Array(repeating: nil, count: StyleRole.allCases.count)

    // Input state.
    var pendingText = String.UnicodeScalarView()
    var paste: String?
    var buttonDown = false
    var pasteAfterCR = false

    private var pasteEnabled = false
    var restored = false

    private init(screen: OpaquePointer, outFile: UnsafeMutablePointer<FILE>, inFile: UnsafeMutablePointer<FILE>,
                 theme: Theme, unicode: Bool, headless: Bool, mouse: Bool, meter: ByteMeter) {
        self.screen = screen
        self.outFile = outFile
        self.inFile = inFile
        outFD = fileno(outFile)
        inFD = fileno(inFile)
        self.unicode = unicode
        isHeadless = headless
        self.meter = meter
        set_term(screen)
        window = ncs_stdscr()!
        raw()
        noecho()
        nonl()
        keypad(window, true)
        if getenv("ESCDELAY") == nil { set_escdelay(25) }
        curs_set(0)
        cursorShown = false
        var defaultColors = false
        if has_colors() {
            start_color()
            defaultColors = use_default_colors() == OK
        }
        pairs = ColorPairCache(colors: Int(ncs_colors()), maxPairs: Int(ncs_color_pairs()),
                               defaultColors: defaultColors) { init_pair($0, $1, $2) == OK }
        self.theme = theme.usesColour && !has_colors() ? .mono : theme
        if mouse {
            mousemask(CursesKeyDecoder.mouseMask, nil)
            mouseinterval(0)
        }
        CursesKeyDecoder.defineExtraKeys()
    }

    /// Opens the real terminal on stdin/stdout, after checking (in order) that both are terminals,
    /// `TERM` is set, known to terminfo, and can address the cursor. Installs the restore-on-exit
    /// handlers and turns bracketed paste on.
    ///
    /// - Parameters:
    ///   - theme: the styles to draw with (pass ``Theme/mono`` for `NO_COLOR`); falls back to mono
    ///     when the terminal has no colours.
    ///   - mouse: report left/right clicks and the wheel.
    public static func open(theme: Theme, mouse: Bool = true) throws(TerminalOpenError) -> CursesTerminal {
        let term = getenv("TERM").map { String(cString: $0) }
        if let problem = probe(term: term, stdinIsTTY: isatty(STDIN_FILENO) == 1,
                               stdoutIsTTY: isatty(STDOUT_FILENO) == 1) {
            throw problem
        }
        let unicode = useUTF8Locale()
        let outFD = dup(STDOUT_FILENO), inFD = dup(STDIN_FILENO)
        guard outFD >= 0, inFD >= 0, let out = fdopen(outFD, "w"), let input = fdopen(inFD, "r") else {
            throw .initFailed("cannot duplicate stdin/stdout (\(String(cString: strerror(errno))))")
        }
        guard let screen = newterm(term, out, input) else {
            fclose(out)
            fclose(input)
            throw .initFailed("ncurses could not initialise terminal type '\(term ?? "")'")
        }
        let terminal = CursesTerminal(screen: screen, outFile: out, inFile: input, theme: theme, unicode: unicode,
                                      headless: false, mouse: mouse, meter: ByteMeter(.threadIO))
        TerminalCleanup.pasteFD = outFD
        TerminalCleanup.active = true
        TerminalCleanup.install()
        terminal.setBracketedPaste(true)
        return terminal
    }

    /// A screen with no terminal behind it, for tests and benchmarks: output goes to a temporary
    /// file (counted in ``bytesWritten``, readable with ``drainOutput()``), input comes from a pipe
    /// fed with ``feedInput(_:)``. No signal handlers are installed.
    public static func headless(size: Size, theme: Theme,
                                term: String = "xterm-256color") throws(TerminalOpenError) -> CursesTerminal {
        if let problem = probeTerminfo(term) { throw problem }
        let unicode = useUTF8Locale()
        var fds: [Int32] = [-1, -1]
        guard let out = tmpfile(), pipe(&fds) == 0, let input = fdopen(fds[0], "r") else {
            throw .initFailed("cannot create the headless sink (\(String(cString: strerror(errno))))")
        }
        guard let screen = newterm(term, out, input) else {
            fclose(out)
            fclose(input)
            close(fds[1])
            throw .initFailed("ncurses could not initialise terminal type '\(term)'")
        }
        let terminal = CursesTerminal(screen: screen, outFile: out, inFile: input, theme: theme, unicode: unicode,
                                      headless: true, mouse: true, meter: ByteMeter(.fileOffset(fileno(out))))
        terminal.feedFD = fds[1]
        typeahead(-1)  // never cut an update short for pending input: byte counts stay exact
        resizeterm(Int32(size.height), Int32(size.width))
        // resizeterm queues KEY_RESIZE; the caller already knows the size.
        wtimeout(terminal.window, 0)
        var ignored: wint_t = 0
        while wget_wch(terminal.window, &ignored) != ERR {}
        return terminal
    }

    deinit {
        set_term(screen)
        if isHeadless {
            if !isendwin() { endwin() }
        } else {
            restore()
        }
        delscreen(screen)
        fclose(outFile)
        fclose(inFile)
        if feedFD >= 0 { close(feedFD) }
        meter.shutdown()
    }

    /// Makes this terminal's screen the current one (there may be several in tests).
    func activate() { set_term(screen) }

    /// The window's size now (after a resize, the new one).
    public var size: Size {
        activate()
        return Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    /// Forgets what is on the screen: the next ``present(_:)`` clears and repaints every cell.
    public func bell() {
        _ = beep()
    }

    public func invalidate() {
        previous = nil
        needsClear = true
    }

    /// Gives the terminal back to the shell and stops the process (SIGTSTP with its default
    /// action); when continued, takes the terminal again and invalidates. Headless: only invalidates.
    public func suspend() {
        guard !isHeadless, !restored else { return invalidate() }
        activate()
        endwin()
        setBracketedPaste(false)
        TerminalCleanup.active = false
        var stopDefault = sigaction()
        var saved = sigaction()
        stopDefault.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&stopDefault.sa_mask)
        sigaction(SIGTSTP, &stopDefault, &saved)
        raise(SIGTSTP)
        sigaction(SIGTSTP, &saved, nil)
        // Continued.
        TerminalCleanup.active = true
        doupdate()  // back to program mode (raw, keypad, alternate screen, mouse)
        setBracketedPaste(true)
        cursorShown = nil
        invalidate()
    }

    /// While the loop runs, a SIGTERM, SIGHUP or SIGINT is handed to it (``terminationRequested``)
    /// instead of ending the process at once, so it can save first; see ``die(of:)``.
    public var defersTermination: Bool {
        get { TerminalCleanup.deferTermination }
        set { if !isHeadless { TerminalCleanup.deferTermination = newValue } }
    }

    /// The terminating signal received while ``defersTermination`` was set, if any.
    public var terminationRequested: Int32? {
        TerminalCleanup.pendingSignal != 0 ? TerminalCleanup.pendingSignal : nil
    }

    /// Restores the terminal and ends the process by `signal`'s default action (exit status
    /// 128+signal, as if it had not been deferred).
    public func die(of signal: Int32) -> Never {
        restore()
        TerminalCleanup.die(of: signal)
    }

    /// Leaves curses mode: shows the cursor, ends the screen, turns bracketed paste off. Idempotent;
    /// afterwards ``present(_:)`` does nothing and ``events(timeoutMilliseconds:)`` throws.
    public func restore() {
        guard !restored else { return }
        restored = true
        activate()
        if isHeadless {
            if !isendwin() { endwin() }
            return
        }
        if !isendwin() {
            curs_set(1)
            endwin()
        }
        setBracketedPaste(false)
        TerminalCleanup.active = false
    }

    private func setBracketedPaste(_ on: Bool) {
        guard !isHeadless, on != pasteEnabled else { return }
        pasteEnabled = on
        bytesWritten += TerminalCleanup.writeAll(outFD, on ? TerminalCleanup.pasteOn : TerminalCleanup.pasteOff)
    }

    // MARK: Headless helpers

    /// Headless only: queues bytes as if typed (e.g. `"\u{1b}OA"` for ↑ with xterm's keypad mode).
    public func feedInput(_ text: String) {
        guard feedFD >= 0 else { return }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(feedFD, $0.baseAddress, $0.count) }
    }

    /// Headless only: closes the input, so the next ``events(timeoutMilliseconds:)`` throws.
    public func closeInput() {
        guard feedFD >= 0 else { return }
        close(feedFD)
        feedFD = -1
    }

    /// Headless only: resizes the screen as a SIGWINCH would (ncurses queues `KEY_RESIZE`).
    public func simulateResize(to size: Size) {
        guard isHeadless else { return }
        activate()
        resizeterm(Int32(size.height), Int32(size.width))
    }

    /// Headless only: the bytes written since the last call (then forgets them).
    public func drainOutput() -> [UInt8] {
        guard isHeadless else { return [] }
        let end = Int(lseek(outFD, 0, SEEK_CUR))
        guard end > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: end)
        let n = bytes.withUnsafeMutableBytes { pread(outFD, $0.baseAddress, end, 0) }
        ftruncate(outFD, 0)
        lseek(outFD, 0, SEEK_SET)
        return Array(bytes.prefix(max(0, n)))
    }
}
