/// What the runtime needs from a terminal. The ncurses backend implements it; tests use an
/// in-memory one. Every call is made from the main thread.
public protocol TerminalBackend: AnyObject {
    /// The terminal's size now.
    var size: Size { get }

    /// Waits up to `timeoutMilliseconds` (negative: forever) for input, then returns every event
    /// already pending, in order, without waiting again (so the runtime renders once per batch).
    /// An empty result means the time ran out.
    ///
    /// - Throws: ``TerminalInputClosed`` when stdin is closed (EOF), so the program can exit
    ///   instead of spinning.
    func events(timeoutMilliseconds: Int) throws(TerminalInputClosed) -> [InputEvent]

    /// Puts `frame` on the screen, writing only the cells that changed since the last frame.
    func present(_ frame: Frame)

    /// Forgets what is on the screen so the next ``present(_:)`` repaints everything (Ctrl-L,
    /// after a resize, after resuming).
    func invalidate()

    /// Rings the terminal bell (a timebox ran out). The default does nothing.
    func bell()

    /// Gives the terminal back to the shell and stops the process (Ctrl-Z); on resume, takes the
    /// terminal again and invalidates.
    func suspend()

    /// Restores the terminal (idempotent). Called on every exit path.
    func restore()

    /// A terminating signal (SIGTERM, SIGHUP…) the loop should act on: leave after saving.
    var terminationRequested: Int32? { get }
}

extension TerminalBackend {
    /// None by default (a backend without signals, e.g. in tests).
    public var terminationRequested: Int32? { nil }
}

/// Standard input was closed (EOF): there will be no more keys.
public struct TerminalInputClosed: Error, Sendable {
    public init() {}
}

extension TerminalBackend {
    public func bell() {}
}
