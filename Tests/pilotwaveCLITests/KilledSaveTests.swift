import Foundation
import Testing

/// A save killed part-way (SIGKILL, a closed terminal, SIGTERM) leaves nothing behind for long:
/// the next save removes the killed one's temporaries, and the lock file goes with the process.
extension BinaryTests {
@Suite("Killed saves", .serialized)
struct KilledSaveTests {
    /// Every file in the folder except the test's own.
    func listing(_ cli: CLIRunner) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path)).subtracting(["config"])
    }

    /// Saves a large generated plan over and over, each time killed with SIGKILL a few
    /// milliseconds after its temporary file appears, i.e. mid-write. Then one clean save: only
    /// the plan and its backup are left.
    @Test func killedSavesLeaveNothingAfterTheNextSave() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let generate = ["generate", "--teams", "4000", "--force", "big.json"]
        #expect(try cli.run("generate", "--teams", "4000", "big.json").status == 0)
        var kills = 0, killsMidWrite = 0, mostLeft = 0
        var before = try listing(cli)
        for _ in 0..<10 {
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = generate
            process.currentDirectoryURL = cli.folder
            process.environment = ["SWIFT_BACKTRACE": "interactive=no"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline,
                !(try listing(cli)).subtracting(before).contains(where: { $0.hasPrefix(".big.json.tmp-") })
            {
                usleep(500)
            }
            usleep(UInt32.random(in: 0...8_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            let now = try listing(cli)
            let left = now.filter { $0.contains("-tmp-") || $0.contains(".tmp-") }
            if !now.subtracting(before).filter({ $0.contains("tmp-") }).isEmpty { killsMidWrite += 1 }
            before = now
            mostLeft = max(mostLeft, left.count)
        }
        print("killed saves: \(kills) kills, \(killsMidWrite) left new temporaries, at most \(mostLeft) temporaries at once")
        #expect(killsMidWrite >= 3, "\(kills) kills, \(killsMidWrite) left temporaries: the loop must kill saves mid-write")
        // Each save cleared what the one before it left: never more than one killed save's files.
        #expect(mostLeft <= 3)
        let clean = try cli.run(generate[0], generate[1], generate[2], generate[3], generate[4])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(try listing(cli) == ["big.json", "big.json.bak"])
    }
}
}

/// The planner in a real terminal, ended by a signal: its lock file goes, the terminal is restored
/// and the message has one prefix.
extension BinaryTests {
@Suite("Signals in tmux", .serialized)
struct SignalLockTests {
    func waitUntil(_ timeout: TimeInterval = 8, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    @Test func sigtermReleasesTheLockAndSaysSoOnce() throws {
        try #require(Tmux.available, "tmux is needed (.ci/run installs it)")
        let cli = try CLIRunner()
        defer { cli.remove() }
        let tmux = Tmux(folder: cli.folder)
        try cli.run("demo", "--save-as", "term.json")
        try cli.writeConfig("autosave_delay = 60\n")
        try tmux.start("\(CLIRunner.binary.path) term.json")
        try tmux.wait(for: "▶ Claims Intake")
        #expect(cli.exists(".term.json.lock"))
        try tmux.keys("d")
        try tmux.wait(for: "unsaved")
        let pid = try #require(Int32(String(decoding: try cli.read(".term.json.lock"), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(pid, SIGTERM)
        let screen = try tmux.wait(for: "STTY=")
        #expect(screen.contains("EXIT=143"))
        #expect(screen.contains("STTY=same"))
        #expect(screen.split(separator: "\n").contains("pilotwave: SIGTERM received; leaving; edits saved."), "\(screen)")
        #expect(!screen.contains("pilotwave: pilotwave:"))
        #expect(!cli.exists(".term.json.lock"))
        #expect(try Set(FileManager.default.contentsOfDirectory(atPath: cli.folder.path)).subtracting(["config"])
            == ["term.json", "term.json.bak"])
    }

    @Test func closingTheWindowReleasesTheLock() throws {
        try #require(Tmux.available, "tmux is needed (.ci/run installs it)")
        let cli = try CLIRunner()
        defer { cli.remove() }
        let tmux = Tmux(folder: cli.folder)
        try cli.run("demo", "--save-as", "hup.json")
        try tmux.start("sleep 600")
        try tmux.start("\(CLIRunner.binary.path) hup.json", window: "closing")
        try tmux.wait(for: "▶ Claims Intake", in: "closing")
        #expect(cli.exists(".hup.json.lock"))
        try tmux.tmux(["kill-window", "-t", "t:closing"])
        #expect(waitUntil { !cli.exists(".hup.json.lock") }, "the lock file is removed when the terminal closes")
    }
}
}
