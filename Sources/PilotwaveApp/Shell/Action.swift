import Foundation
import PilotwaveCore
import TerminalUI

/// Everything that can happen to the app.
public enum Action: Sendable, Equatable {
    /// A key, paste or resize from the terminal.
    case event(InputEvent)
    /// A mouse click on a region the last frame marked (`tab:teams`, `row:12`…).
    case click(String)
    /// The wheel over the main area: positive scrolls down.
    case scroll(Int)
    /// Run a command by id (keys, palette and clicks end up here).
    case command(CommandID)
    /// Time passed (toasts expire, autosave fires after a quiet moment).
    case tick(Date)
    /// A save finished.
    case saveFinished(revision: Int, SaveOutcome)
    /// Someone else changed the file on disk.
    case fileChangedOnDisk
    /// The file was read again from disk.
    case reloaded(Plan)
    /// Reading the file again failed.
    case reloadFailed(String)
    /// The plan was written to a new file (Save as…) at `revision`, which is now the plan's file.
    case savedAs(path: String, revision: Int, at: Date, readOnlyReason: String?)
    /// Save as… failed; the message says why.
    case saveAsFailed(String)
    /// A report was written (the files), or could not be (the message).
    case exported(Result<[String], ExportFailure>)
    /// Ctrl-Z did not stop the program: nothing here does job control (a tmux command, `sh -c`,
    /// an SSH forced command), so there is no shell to return to.
    case notSuspended
    /// What the runtime found in the plan's inbox: who is here, the submissions waiting.
    case inbox(InboxDelivery)
}

/// Why a report could not be written.
public struct ExportFailure: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

public enum SaveOutcome: Sendable, Equatable {
    case saved(at: Date)
    case failed(String)
    /// The file changed on disk since it was loaded or last saved: not written.
    case changedOnDisk
}

/// Work for the runtime: everything that touches the world outside the state.
public enum Effect: Sendable, Equatable {
    /// Write `plan` to the file (atomically, with .bak). `overwrite` saves even if the file changed
    /// on disk (the user chose to keep their version). `thenQuit` quits after a successful save.
    case save(Plan, revision: Int, overwrite: Bool, thenQuit: Bool)
    /// Read the file again (the user chose the version on disk).
    case reload
    /// Write `plan` to a new file at `path` (never over an existing one) and make it the plan's file.
    case saveAs(Plan, path: String, revision: Int)
    case quit
    case suspend
    case redraw
    /// Ring the terminal bell (a timebox ran out).
    case bell
    /// Write a report of `plan` (`format`: markdown, html, csv, json) to `path`, never over a file.
    case export(Plan, format: String, path: String, workshop: WorkshopID?, today: Day)
    /// Remove these submissions from the plan's inbox (applied and saved, or refused).
    case inboxRemove([InboxItem])
}

/// What the reducer needs from the world, injected so tests are deterministic.
public struct Environment: Sendable {
    public var now: @Sendable () -> Date
    /// A new unique id with the prefix, e.g. `team-3f9a…`.
    public var newID: @Sendable (String) -> String
    public var keymap: Keymap
    /// Seconds of quiet after an edit before autosave writes.
    public var autosaveDelay: TimeInterval = 0.4

    public init(now: @escaping @Sendable () -> Date, newID: @escaping @Sendable (String) -> String,
                keymap: Keymap = .standard) {
        self.now = now
        self.newID = newID
        self.keymap = keymap
    }

    /// The real clock and random ids.
    public static func live(keymap: Keymap) -> Environment {
        Environment(now: { Date() }, newID: { prefix in
            var ids = RandomIDs(SystemRandomNumberGenerator())
            return ids.next(prefix)
        }, keymap: keymap)
    }
}
