import Foundation

/// The real binary in a real terminal emulator: a private tmux server per test, keys sent with
/// `send-keys`, the screen read with `capture-pane -p`, polled until it shows what we wait for.
/// Each server lives in a private `TMUX_TMPDIR` that is removed with the object: tmux leaves its
/// socket behind when the server exits, and the user's own tmux folder must not collect them.
final class Tmux {
    let socket = "pw-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    let folder: URL
    /// The private `TMUX_TMPDIR` of this server (in the system's temporary folder, not the test's
    /// scratch folder: that one is removed by the test before this object's deinit runs).
    let socketFolder = NSTemporaryDirectory() + "pw-tmux-\(UUID().uuidString.prefix(12))"

    enum Failure: Error, CustomStringConvertible {
        case timeout(waitingFor: String, screen: String)
        case tmux(String)
        var description: String {
            switch self {
            case .timeout(let what, let screen): "timed out waiting for \(what); screen was:\n\(screen)"
            case .tmux(let why): "tmux: \(why)"
            }
        }
    }

    /// tmux as the tests start it: the first executable `tmux` on `PATH`.
    static let executable: String? = executable(named: "tmux", path: ProcessInfo.processInfo.environment["PATH"])

    static var available: Bool { executable != nil }

    static func executable(named name: String, path: String?) -> String? {
        for dir in (path ?? "").split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    init(folder: URL) {
        self.folder = folder
        try? FileManager.default.createDirectory(atPath: socketFolder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
    }

    // kill-server alone leaves this tmux (3.3a) running with its panes; ending the session first
    // makes the server exit. Its socket stays behind: the private folder goes with it.
    deinit { stop() }

    private var stopped = false

    /// Ends the server and removes its socket folder (once).
    func stop() {
        guard !stopped else { return }
        stopped = true
        _ = try? tmux(["kill-session", "-t", "t"])
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: socketFolder)
    }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        // posix_spawn + waitpid, with output through a file: the tmux server that new-session
        // starts inherits the descriptors, so a pipe would never reach end of file.
        // In the system's temporary folder, not the test's scratch folder: that one is removed by
        // the test before this object's deinit runs `kill-server`, which must still reach tmux.
        let outPath = NSTemporaryDirectory() + "pw-tmux-out-\(UUID().uuidString)"
        defer { unlink(outPath) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ["tmux", "-L", socket, "-f", "/dev/null"] + args
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX_TMPDIR"] = socketFolder
        environment["TMUX"] = nil
        var cEnv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in cEnv { free(p) } }
        guard let executable = Self.executable else { throw Failure.tmux("no tmux on PATH") }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, &cArgs, &cEnv)
        guard spawned == 0 else { throw Failure.tmux("cannot start tmux: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        if (!exited || code != 0) && args.first != "kill-server" && args.first != "kill-session" {
            throw Failure.tmux("\(args.joined(separator: " ")): \(text)")
        }
        return text
    }

    /// Starts `command` in a shell in a new window of `width`×`height`; the shell prints
    /// `EXIT=<status>` and `STTY=same|changed` when the command ends.
    func start(_ command: String, width: Int = 100, height: Int = 30, window: String = "main", env: [String: String] = [:]) throws {
        var environment = ["SWIFT_BACKTRACE": "interactive=no,color=no", "LANG": "C.UTF-8", "HOME": folder.path,
                           "XDG_CONFIG_HOME": folder.path + "/config"]
        environment.merge(env) { _, new in new }
        let script = "trap : INT; S=$(stty -g); \(command); echo EXIT=$?; if [ \"$(stty -g)\" = \"$S\" ]; then echo STTY=same; else echo STTY=changed; fi; sleep 600"
        var args = window == "main" ? ["new-session", "-d", "-s", "t", "-n", window] : ["new-window", "-t", "t", "-n", window]
        args += ["-c", folder.path]
        args += ["-x", "\(width)", "-y", "\(height)"].filter { _ in window == "main" }
        for (k, v) in environment { args += ["-e", "\(k)=\(v)"] }
        args += ["sh", "-c", script]
        try tmux(args)
    }

    func screen(_ window: String = "main") throws -> String {
        try tmux(["capture-pane", "-p", "-t", "t:\(window)"])
    }

    /// Waits until the screen contains `text` (5 s by default).
    @discardableResult
    func wait(for text: String, in window: String = "main", timeout: TimeInterval = 8) throws -> String {
        try wait(text, in: window, timeout: timeout) { $0.contains(text) }
    }

    @discardableResult
    func wait(_ what: String, in window: String = "main", timeout: TimeInterval = 8, until predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen(window)
            if predicate(last) { return last }
            usleep(20_000)
        }
        throw Failure.timeout(waitingFor: what, screen: last)
    }

    func keys(_ keys: String..., window: String = "main") throws {
        try tmux(["send-keys", "-t", "t:\(window)"] + keys)
    }

    func literal(_ text: String, window: String = "main") throws {
        try tmux(["send-keys", "-t", "t:\(window)", "-l", text])
    }

    func resize(width: Int, height: Int, window: String = "main") throws {
        try tmux(["resize-window", "-t", "t:\(window)", "-x", "\(width)", "-y", "\(height)"])
    }
}
