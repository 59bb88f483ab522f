import ArgumentParser
import Foundation
import PilotwaveApp
import PilotwaveCore
import PilotwaveStorage
import PilotwaveUI
import TerminalCurses
import TerminalUI

/// Options shared by the commands that open the terminal UI.
struct UIOptions: ParsableArguments {
    @Option(help: "Colours: default, mono or high-contrast (for projectors). NO_COLOR in the environment means mono.")
    var theme: String?

    @Flag(name: .customLong("no-mouse"), help: "Do not capture the mouse (leaves selecting text to the terminal).")
    var noMouse = false
}

/// Opens the terminal UI on a plan and runs it until the user quits.
enum Interactive {
    static let nonInteractive = """
        These commands work without a terminal:
          pilotwave check FILE          validate and run the plan checks
          pilotwave rank FILE           rank the pilot candidates
          pilotwave import-teams FILE teams.csv
          pilotwave demo --save-as FILE write the demo plan out
        """

    static func signalName(_ sig: Int32) -> String {
        switch sig {
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        case SIGINT: "SIGINT"
        default: "signal \(sig)"
        }
    }

    /// The theme named on the command line or in the config (NO_COLOR in the environment: mono).
    static func theme(_ name: String?) throws -> Theme {
        var theme: Theme = .standard
        if let name {
            guard let named = Theme.Name(rawValue: name) else {
                throw CLIFailure("--theme: expected one of default, mono, high-contrast; found \(Words.value(name))")
            }
            theme = .named(named)
        }
        if ProcessInfo.processInfo.environment["NO_COLOR"].map({ !$0.isEmpty }) ?? false { theme = .mono }
        return theme
    }

    static func open(plan: Plan, file: String?, stamp: FileStamp?, readOnly: String?, lock: PlanLock? = nil,
                     ui: UIOptions) throws {
        let config = UserConfig.load()
        let theme = try theme(ui.theme ?? config.theme)
        let terminal: CursesTerminal
        do throws(TerminalOpenError) {
            terminal = try CursesTerminal.open(theme: theme, mouse: !ui.noMouse)
        } catch {
            throw CLIFailure(error.message + "\n" + nonInteractive, code: 2)
        }
        defer { terminal.restore() }
        let keymap = config.keymap
        var env = Environment.live(keymap: keymap)
        if let delay = config.autosaveDelay { env.autosaveDelay = delay }
        var state = AppState(plan: plan, file: file, size: terminal.size, readOnlyReason: readOnly)
        if let autosave = config.autosave { state.autosave = autosave }
        if !config.problems.isEmpty {
            state.toast = Toast(text: "config: " + config.problems.map(\.description).joined(separator: "; "),
                                kind: .error, expires: Date().addingTimeInterval(8))
        }
        let options = Render.Options(keymap: keymap, unicode: terminal.unicode)
        let runtime = Runtime(state: state, env: env, backend: terminal, options: options,
                              url: file.map(fileURL), stamp: stamp)
        runtime.lock = lock
        terminal.defersTermination = true
        // The lock may have changed hands (Save as); whichever the runtime holds is given up on
        // every way out, including the signal's, which never returns to the caller's `defer`.
        defer { runtime.lock?.release() }
        do throws(TerminalInputClosed) {
            try runtime.run()
            if let sig = terminal.terminationRequested {
                // SIGTERM or SIGHUP (the terminal closed): keep what autosave would have kept.
                terminal.restore()
                let saved = runtime.saveBeforeLeaving() ?? "."
                runtime.lock?.release()
                Console.error("\(signalName(sig)) received; leaving" + saved)
                terminal.die(of: sig)
            }
        } catch {
            terminal.restore()
            let saved = runtime.saveBeforeLeaving()
            throw CLIFailure("input closed (end of file on stdin); leaving" + (saved ?? ""), code: 3)
        }
        terminal.restore()
        if let file, runtime.state.isDirty, runtime.state.readOnlyReason == nil {
            Console.error("\(file): left with unsaved edits.")
        }
    }
}
