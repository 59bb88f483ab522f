/// Why the terminal could not be opened. Each case has a message for the user (``message``); the
/// caller adds what to do instead (for example the commands that work without a terminal).
public enum TerminalOpenError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input is not a terminal (a pipe, a file, `/dev/null`).
    case stdinNotTerminal
    /// Standard output is not a terminal (redirected to a file or a pipe).
    case stdoutNotTerminal
    /// `TERM` is unset or empty.
    case termUnset
    /// terminfo has no entry for `term` (or no terminfo database was found).
    case unknownTerminal(term: String)
    /// The terminal cannot address the cursor (`TERM=dumb`, hardcopy terminals).
    case noCursorAddressing(term: String)
    /// ncurses refused to start the screen for another reason.
    case initFailed(String)

    /// A one-line explanation for the user.
    public var message: String {
        switch self {
        case .stdinNotTerminal:
            "pilotwave needs an interactive terminal (stdin is not a terminal)"
        case .stdoutNotTerminal:
            "pilotwave needs an interactive terminal (stdout is not a terminal)"
        case .termUnset:
            "TERM is not set; set it to your terminal's type, e.g. TERM=xterm-256color"
        case .unknownTerminal(let term):
            "terminal type '\(term)' is unknown to terminfo; set TERM to a known type, e.g. TERM=xterm-256color"
        case .noCursorAddressing(let term):
            "terminal type '\(term)' cannot move the cursor (no cursor addressing); "
                + "pilotwave needs a full-screen terminal, e.g. TERM=xterm-256color"
        case .initFailed(let why):
            "cannot start the terminal screen: \(why)"
        }
    }

    /// The ``message``.
    public var description: String { message }
}
