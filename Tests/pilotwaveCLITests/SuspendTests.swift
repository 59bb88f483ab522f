import Foundation
import Testing

/// Ctrl-Z where nothing does job control: the real binary as tmux's session command.
@Suite("Suspend without job control", .serialized)
struct SuspendTests {
    @Test func ctrlZWithoutAShellSaysSoAndKeepsRunning() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests (.ci/run installs it)")
        let cli = try CLIRunner()
        let tmux = Tmux(folder: cli.folder)
        // The session command is `sh -c …`: no job control, so a stop signal is discarded.
        try tmux.start("\(CLIRunner.binary.path) demo", width: 80)
        _ = try tmux.wait(for: "Claims Intake")
        try tmux.keys("C-z")
        let screen = try tmux.wait(for: "no job control")
        #expect(screen.contains("Ctrl-Z: cannot suspend here (no job control)"))
        #expect(screen.contains("Claims Intake"), "the screen is back as it was")
        try tmux.keys("j")
        try tmux.keys("q")
        _ = try tmux.wait(for: "EXIT=0")
    }
}
