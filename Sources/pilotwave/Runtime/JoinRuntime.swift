import Foundation
import PilotwaveApp
import PilotwaveCore
import PilotwaveStorage
import PilotwaveUI
import TerminalCurses
import TerminalUI

/// The participant's loop (`pilotwave join`): keys in, the screen out; the plan followed on disk,
/// presence kept fresh, submissions written into the inbox. It never writes the plan and never
/// takes its lock.
final class JoinRuntime {
    private(set) var state: JoinState
    let backend: TerminalBackend
    let inbox: Inbox
    let url: URL
    var stamp: FileStamp
    let unicode: Bool
    let store = PlanStore()
    private var done = false
    private var lastDiskCheck = Date.distantPast
    private var lastPresence = Date.distantPast
    private var lastRefresh = Date()
    /// How often the plan file and the inbox are looked at.
    let diskCheckInterval: TimeInterval = 0.5
    /// How often who is here is read again.
    let presenceInterval: TimeInterval = 2
    /// How often this participant's presence file is refreshed (it goes stale after 20 s).
    let refreshInterval: TimeInterval = 5

    /// The inbox's path as the participant would write it (relative to the plan path given).
    let inboxShown: String

    init(state: JoinState, backend: TerminalBackend, inbox: Inbox, url: URL, stamp: FileStamp, unicode: Bool,
         inboxShown: String) {
        self.inboxShown = inboxShown
        self.state = state
        self.backend = backend
        self.inbox = inbox
        self.url = url
        self.stamp = stamp
        self.unicode = unicode
    }

    /// What to do when there is no terminal. Over SSH (a forced command) the participant cannot
    /// run other commands: the fix is `pty` on their key's line, or `ssh -t`.
    static var nonInteractive: String {
        if ProcessInfo.processInfo.environment["SSH_CONNECTION"].map({ !$0.isEmpty }) ?? false {
            return """
                pilotwave join needs a terminal, and this SSH session has none: connect with ssh -t, and ask the
                facilitator to check that your key's line in authorized_keys has pty after restrict.
                """
        }
        return """
            pilotwave join needs a terminal: run it in an interactive shell (over SSH, with -t).
            To look at the plan without one: pilotwave check FILE, pilotwave rank FILE
            """
    }

    static func open(plan: Plan, stamp: FileStamp, file: String, name: String, theme themeName: String?) throws {
        let theme = try Interactive.theme(themeName ?? UserConfig.load().theme)
        let terminal: CursesTerminal
        do throws(TerminalOpenError) {
            terminal = try CursesTerminal.open(theme: theme, mouse: false)
        } catch {
            throw CLIFailure(error.message + "\n" + nonInteractive, code: 2)
        }
        defer { terminal.restore() }
        let url = fileURL(file)
        let inbox = Inbox(plan: url)
        let trimmed = name.trimmingWhitespace()
        var state = JoinState(plan: plan, name: trimmed, size: terminal.size, now: Date())
        do throws(InboxError) {
            try inbox.announce(trimmed, at: Date())
        } catch {
            let why = error.message.replacingOccurrences(of: inbox.path, with: file + ".inbox")
            state.message = JoinState.Message("The room cannot see you are here: \(why)", .error)
        }
        // Every way out says this participant has left.
        defer { inbox.leave(trimmed) }
        let runtime = JoinRuntime(state: state, backend: terminal, inbox: inbox, url: url, stamp: stamp,
                                  unicode: terminal.unicode, inboxShown: file + ".inbox")
        terminal.defersTermination = true
        do throws(TerminalInputClosed) {
            try runtime.run()
            if let sig = terminal.terminationRequested {
                terminal.restore()
                inbox.leave(trimmed)
                Console.error("\(Interactive.signalName(sig)) received; leaving.")
                terminal.die(of: sig)
            }
        } catch {
            terminal.restore()
            inbox.leave(trimmed)
            throw CLIFailure("input closed (end of file on stdin); leaving.", code: 3)
        }
    }

    func run() throws(TerminalInputClosed) {
        dispatch(.resize(backend.size))
        look(force: true)
        render()
        while !done {
            let events = try backend.events(timeoutMilliseconds: 200)
            if backend.terminationRequested != nil { return }
            var changed = !events.isEmpty
            dispatch(.tick(Date()))
            for event in events where !done {
                switch event {
                case .key(let key): dispatch(.key(key))
                case .paste(let text): dispatch(.paste(text))
                case .resize(let size):
                    backend.invalidate()
                    dispatch(.resize(size))
                case .mouse: break
                }
            }
            if !done && look(force: false) { changed = true }
            if changed && !done { render() }
        }
    }

    func dispatch(_ action: JoinAction) {
        for effect in JoinReducer.reduce(&state, action) {
            switch effect {
            case .quit:
                done = true
            case .submit(let submission, let round):
                do throws(InboxError) {
                    let file = try inbox.submit(submission)
                    dispatch(.submitted(round: round, file: file))
                } catch {
                    dispatch(.submitFailed(error.message.replacingOccurrences(of: inbox.path, with: inboxShown)))
                }
            }
        }
    }

    /// Follows the plan on disk, the inbox files and who is here; true when anything changed.
    @discardableResult
    func look(force: Bool) -> Bool {
        let now = Date()
        var changed = false
        if now.timeIntervalSince(lastRefresh) >= refreshInterval {
            lastRefresh = now
            inbox.refresh(state.name, at: now)
        }
        if force || now.timeIntervalSince(lastPresence) >= presenceInterval {
            lastPresence = now
            let present = inbox.present(now: now)
            if present != state.present {
                dispatch(.present(present))
                changed = true
            }
        }
        guard force || now.timeIntervalSince(lastDiskCheck) >= diskCheckInterval else { return changed }
        lastDiskCheck = now
        if !store.isUnchanged(url, since: stamp) {
            do throws(PlanLoadError) {
                let loaded = try store.load(url)
                stamp = loaded.stamp
                dispatch(.planChanged(loaded.plan))
            } catch {
                // Kept until the file reads again; the last version read stays on screen.
                if let onDisk = store.stampOnDisk(url) { stamp = onDisk }
                dispatch(.reloadFailed(error.message))
            }
            changed = true
        }
        var files: [String: Bool] = [:]
        for file in state.watchedFiles { files[file] = inbox.exists(file) }
        if files != state.inboxFiles {
            dispatch(.inboxChecked(files))
            changed = true
        }
        return changed
    }

    func render() {
        backend.present(JoinView.frame(state, unicode: unicode))
    }
}
