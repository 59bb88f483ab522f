import ArgumentParser
import PilotwaveApp

struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every key of the terminal UI (as Markdown; docs/keys.md is this output).",
        discussion: "With a config file, your own bindings are shown; --defaults shows the built-in ones.")

    @Flag(help: "Ignore the config file.")
    var defaults = false

    func run() throws {
        let keymap = defaults ? Keymap.standard : UserConfig.load().keymap
        print(KeysDoc.markdown(keymap), terminator: "")
    }
}
