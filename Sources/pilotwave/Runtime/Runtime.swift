#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PilotwaveApp
import PilotwaveCore
import PilotwaveStorage
import PilotwaveUI
import TerminalUI

/// The interactive loop: read every pending event, reduce each, run the effects, render once.
/// Owns everything outside the pure state: the terminal, the file's stamp and lock, the clock.
final class Runtime {
    private(set) var state: AppState
    let env: Environment
    let backend: TerminalBackend
    let options: Render.Options
    var url: URL?
    var stamp: FileStamp?
    /// The write lock of the file being edited (taken by the command that opened it, or by Save as).
    var lock: PlanLock?
    let store = PlanStore()
    private var done = false
    private var lastFrame: Frame?
    private var lastDiskCheck = Date.distantPast
    /// The version on disk the user was last told about; not reported again until it changes.
    private var reportedDiskStamp: FileStamp?
    /// How often the file is checked for outside changes.
    let diskCheckInterval: TimeInterval = 1.0
    /// How often the plan's inbox is looked at (participants' submissions, who is here).
    let inboxCheckInterval: TimeInterval = 0.4
    private var lastInboxCheck = Date.distantPast
    private var lastTemporarySweep = Date.distantPast
    private var lastDelivery: InboxDelivery?
    /// The inbox files of the last look, by `file@version`, to remove the very versions read.
    private var inboxEntries: [String: InboxEntry] = [:]

    init(state: AppState, env: Environment, backend: TerminalBackend, options: Render.Options, url: URL?, stamp: FileStamp?) {
        self.state = state
        self.env = env
        self.backend = backend
        self.options = options
        self.url = url
        self.stamp = stamp
    }

    /// Runs until the user quits. Throws when the terminal's input closes.
    func run() throws(TerminalInputClosed) {
        dispatch(.event(.resize(backend.size)))
        render()
        while !done {
            let events = try backend.events(timeoutMilliseconds: 200)
            if backend.terminationRequested != nil { return }
            var changed = !events.isEmpty
            for event in events where !done { handle(event) }
            let before = (state.toast, state.saveStatus, state.overlay == .externalChange, state.workshop.session?.shownSecond)
            dispatch(.tick(env.now()))
            checkDisk()
            if checkInbox() { changed = true }
            if before != (state.toast, state.saveStatus, state.overlay == .externalChange, state.workshop.session?.shownSecond) { changed = true }
            if changed && !done { render() }
        }
    }

    func handle(_ event: InputEvent) {
        switch event {
        case .mouse(let mouse):
            switch mouse.kind {
            case .press:
                if let target = lastFrame?.target(x: mouse.x, y: mouse.y) { dispatch(.click(target)) }
            case .wheelDown: dispatch(.scroll(3))
            case .wheelUp: dispatch(.scroll(-3))
            case .rightPress: break
            }
        case .resize:
            backend.invalidate()
            dispatch(.event(event))
        default:
            dispatch(.event(event))
        }
    }

    func dispatch(_ action: Action) {
        let effects = Reducer.reduce(&state, action, env)
        for effect in effects { perform(effect) }
    }

    func render() {
        let frame = Render.frame(state, options)
        backend.present(frame)
        lastFrame = frame
    }

    func perform(_ effect: Effect) {
        switch effect {
        case .quit:
            done = true
        case .suspend:
            // Without job control (an orphaned process group: a tmux command, `sh -c`, an SSH
            // forced command) the kernel discards the stop signal and suspend returns at once;
            // only a SIGCONT tells that the program really was stopped and continued.
            Continued.arm()
            backend.suspend()
            if !Continued.happened { dispatch(.notSuspended) }
            render()
        case .redraw:
            backend.invalidate()
        case .bell:
            backend.bell()
        case .inboxRemove(let items):
            guard let url else { return }
            let inbox = Inbox(plan: url)
            for item in items {
                if let entry = inboxEntries[item.file + "@" + item.version] { inbox.remove(entry) }
            }
        case .export(let plan, let format, let path, let workshop, let today):
            dispatch(.exported(ReportExport.write(plan, format: format, path: path, workshop: workshop, today: today,
                                                  planFile: url?.path)))
        case .reload:
            guard let url else { return }
            do throws(PlanLoadError) {
                let loaded = try store.load(url)
                stamp = loaded.stamp
                dispatch(.reloaded(loaded.plan))
            } catch {
                dispatch(.reloadFailed(error.message))
            }
        case .saveAs(let plan, let path, let revision):
            let target = fileURL(path)
            do throws(PlanSaveError) {
                let newStamp = try store.save(plan, to: target, expecting: nil)
                var readOnly: String?
                var newLock: PlanLock?
                do throws(PlanLockError) {
                    newLock = try PlanLock.acquire(for: target)
                } catch {
                    readOnly = error.readOnlyNotice
                }
                lock?.release()
                lock = newLock
                url = target
                stamp = newStamp
                reportedDiskStamp = nil
                dispatch(.savedAs(path: path, revision: revision, at: env.now(), readOnlyReason: readOnly))
            } catch {
                // Save as never overwrites: an existing file is named plainly, not as a load problem.
                dispatch(.saveAsFailed(error.reason == .alreadyExists
                    ? "\(path) already exists; choose another name" : error.message))
            }
        case .save(let plan, let revision, let overwrite, let thenQuit):
            guard let url else { return }
            let expecting = overwrite ? (store.stampOnDisk(url) ?? stamp) : stamp
            do throws(PlanSaveError) {
                stamp = try store.save(plan, to: url, expecting: expecting)
                dispatch(.saveFinished(revision: revision, .saved(at: env.now())))
                if thenQuit { done = true }
            } catch {
                if error.reason == .changedOnDisk {
                    dispatch(.saveFinished(revision: revision, .changedOnDisk))
                } else {
                    dispatch(.saveFinished(revision: revision, .failed(error.message)))
                }
                if thenQuit && !done { dispatch(.command("app.quit")) }
            }
        }
    }

    /// When the program must leave without the user (input closed): save if autosave would have.
    /// Returns a note for the user.
    func saveBeforeLeaving() -> String? {
        // A running workshop timer: its time so far goes into the plan first.
        dispatch(.command("workshop.flush"))
        guard state.isDirty, state.file != nil, state.readOnlyReason == nil else { return "." }
        guard state.autosave else { return "; autosave was off, so the unsaved edits were not written." }
        perform(.save(state.plan, revision: state.revision, overwrite: false, thenQuit: false))
        return state.isDirty ? "; the last edits could not be saved." : "; edits saved."
    }

    /// Looks at the plan's inbox: who is here, the submissions waiting. Only the plan's writer does
    /// (not a read-only view, not the demo). Returns whether the state was told something new.
    func checkInbox() -> Bool {
        guard let url, state.readOnlyReason == nil else { return false }
        let now = env.now()
        guard now.timeIntervalSince(lastInboxCheck) >= inboxCheckInterval else { return false }
        lastInboxCheck = now
        let inbox = Inbox(plan: url)
        if now.timeIntervalSince(lastTemporarySweep) >= 60 {
            lastTemporarySweep = now
            inbox.removeStaleTemporaries(now: now)
        }
        // Files already read at the same version are not read again.
        let entries = inbox.scan(known: inboxEntries.mapValues(\.content))
        inboxEntries = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let items = entries.map { entry in
            let content: InboxItem.Content
            switch entry.content {
            case .submission(let s): content = .submission(s)
            case .refused(let reason): content = .refused(reason)
            }
            return InboxItem(file: entry.file, version: entry.stamp.version, content: content)
        }
        let delivery = InboxDelivery(present: inbox.present(now: now), items: items)
        guard delivery != lastDelivery else { return false }
        lastDelivery = delivery
        dispatch(.inbox(delivery))
        return true
    }

    /// Notices when someone else changed the file (an editor, git, a sync tool).
    func checkDisk() {
        guard let url, let stamp, state.overlay != .externalChange else { return }
        let now = env.now()
        guard now.timeIntervalSince(lastDiskCheck) >= diskCheckInterval else { return }
        lastDiskCheck = now
        guard !store.isUnchanged(url, since: stamp) else { return }
        if state.readOnlyReason != nil {
            // A read-only view has no edits of its own: follow the writer's saves.
            perform(.reload)
            return
        }
        let onDisk = store.stampOnDisk(url)
        if let onDisk, let reportedDiskStamp, onDisk == reportedDiskStamp { return }
        reportedDiskStamp = onDisk
        dispatch(.fileChangedOnDisk)
    }
}

/// Notes a SIGCONT: set when the process was stopped (Ctrl-Z) and continued (`fg`).
enum Continued {
    nonisolated(unsafe) static var flag: sig_atomic_t = 0
    nonisolated(unsafe) static var installed = false

    static func arm() {
        flag = 0
        guard !installed else { return }
        installed = true
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Continued.flag = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGCONT, &action, nil)
    }

    static var happened: Bool { flag != 0 }
}
