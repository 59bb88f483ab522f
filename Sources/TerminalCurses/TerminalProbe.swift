#if canImport(Glibc)
import Glibc
#endif
import CNcursesw

extension CursesTerminal {
    /// Checks, in order, everything ``open(theme:mouse:)`` needs before it starts ncurses: stdin and
    /// stdout are terminals, `TERM` is set, terminfo knows it, and it can address the cursor.
    ///
    /// Pure apart from reading the terminfo database: the terminal description that ncurses may
    /// already be using is kept. Call it from the thread that uses curses.
    ///
    /// - Returns: the first problem found, or `nil` when the terminal can be opened.
    public static func probe(term: String?, stdinIsTTY: Bool, stdoutIsTTY: Bool) -> TerminalOpenError? {
        if !stdinIsTTY { return .stdinNotTerminal }
        if !stdoutIsTTY { return .stdoutNotTerminal }
        guard let term, !term.isEmpty else { return .termUnset }
        return probeTerminfo(term)
    }

    /// Loads `term` from terminfo (without `exit`ing on failure, unlike `initscr`) and checks for the
    /// `cup` capability. Whatever terminal ncurses had current stays current.
    static func probeTerminfo(_ term: String) -> TerminalOpenError? {
        let sink = Glibc.open("/dev/null", O_WRONLY)
        defer { if sink >= 0 { close(sink) } }
        let saved = set_curterm(nil)
        var status: Int32 = 0
        let loaded = setupterm(term, sink >= 0 ? sink : STDERR_FILENO, &status) == OK
        var hasCursorAddressing = false
        if loaded, let cup = tigetstr("cup") {
            hasCursorAddressing = Int(bitPattern: cup) != -1  // (char *)-1: absent or cancelled
        }
        let probed = set_curterm(saved)
        if loaded, let probed, probed != saved { del_curterm(probed) }
        if !loaded {
            // 1: a hardcopy terminal, 0: no such entry, -1: no terminfo database.
            return status == 1 ? .noCursorAddressing(term: term) : .unknownTerminal(term: term)
        }
        return hasCursorAddressing ? nil : .noCursorAddressing(term: term)
    }

    /// `setlocale(LC_ALL, "")`, falling back to `C.UTF-8` when the environment's codeset is not
    /// UTF-8 (ncursesw prints non-ASCII as garbage otherwise).
    ///
    /// - Returns: whether the locale is now UTF-8.
    static func useUTF8Locale() -> Bool {
        if setlocale(LC_ALL, "") == nil || !localeIsUTF8() {
            setlocale(LC_ALL, "C.UTF-8")
        }
        return localeIsUTF8()
    }

    private static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
