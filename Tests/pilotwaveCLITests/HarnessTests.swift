import Foundation
import Testing

/// The test harness itself: the runner of the binary and the tmux driver must neither hang nor
/// leave anything behind in the user's folders.
extension BinaryTests {
@Suite("Test harness", .serialized)
struct HarnessTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")

    /// A child that writes more to stderr than a pipe holds, then to stdout: reading stdout to its
    /// end first would wait for ever on a child blocked writing stderr.
    @Test func runnerSurvivesAChildFloodingStderr() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let result = try cli.run(Self.shell, ["-c", "head -c 1500000 /dev/zero | tr '\\\\0' x >&2; echo done"], timeout: 60)
        #expect(result.status == 0)
        #expect(result.stderr.utf8.count == 1_500_000)
        #expect(result.stdout == "done\n")
    }

    @Test func runnerStopsAChildThatHangs() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let started = Date()
        #expect(throws: CLIRunner.Timeout.self) { try cli.run(Self.shell, ["-c", "exec sleep 60"], timeout: 1) }
        #expect(Date().timeIntervalSince(started) < 20)
    }

    /// tmux is looked up on PATH, where the tests start it from.
    @Test func tmuxIsFoundOnPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pw-path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("tmux").path
        #expect(FileManager.default.createFile(atPath: fake, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755]))
        #expect(Tmux.executable(named: "tmux", path: "/nowhere:\(folder.path):/usr/bin") == fake)
        #expect(Tmux.executable(named: "tmux", path: "/nowhere") == nil)
    }

    /// A tmux test's server lives in a private folder: nothing is left in the user's tmux folder
    /// (tmux leaves a dead socket there when its server exits).
    @Test func tmuxLeavesNoSocketBehind() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests (.ci/run installs it)")
        let base = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let userFolder = "\(base)/tmux-\(getuid())"
        let cli = try CLIRunner()
        defer { cli.remove() }
        let tmux = Tmux(folder: cli.folder)
        try tmux.start("echo hello")
        try tmux.wait(for: "EXIT=0")
        let privateSocket = "\(tmux.socketFolder)/tmux-\(getuid())/\(tmux.socket)"
        #expect(FileManager.default.fileExists(atPath: privateSocket), "the server's socket is in its own folder")
        #expect(!FileManager.default.fileExists(atPath: "\(userFolder)/\(tmux.socket)"))
        tmux.stop()
        #expect(!FileManager.default.fileExists(atPath: tmux.socketFolder))
        let ours = ((try? FileManager.default.contentsOfDirectory(atPath: userFolder)) ?? [])
            .filter { $0.hasPrefix("pw-test-\(getpid())-") }
        #expect(ours.isEmpty, "sockets left in \(userFolder): \(ours)")
    }
}
}
