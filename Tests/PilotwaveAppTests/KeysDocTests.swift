import Foundation
import Testing
import TerminalUI
@testable import PilotwaveApp

@Suite("Keys and config")
struct KeysDocTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/keys.md")

    @Test func docsKeysIsGeneratedFromTheRegistry() throws {
        let committed = try String(contentsOf: Self.docs, encoding: .utf8)
        #expect(committed == KeysDoc.markdown(), "docs/keys.md is stale: run `swift run pilotwave keys --defaults > docs/keys.md`")
    }

    @Test func defaultKeymapHasNoConflicts() {
        #expect(Keymap.standard.conflicts.isEmpty)
        for command in CommandRegistry.all {
            for key in command.keys {
                #expect(Keymap.standard.command(for: key, in: command.context) == command.id, "\(key) in \(command.context)")
            }
        }
    }

    @Test func configRebindsAndReportsProblemsWithFileAndLine() {
        let config = UserConfig.parse("""
            theme = "high-contrast"   # for the projector
            [keys]
            "teams.delete" = ["x", "delete"]
            "teams.edit" = "d"
            "no.such" = "z"
            "teams.sort" = "ctrl-"
            "teams.filter" = "x"
            """, source: "config.toml")
        #expect(config.theme == "high-contrast")
        #expect(config.keymap.command(for: .char("x"), in: .teams) == "teams.delete")
        #expect(config.keymap.command(for: .char("d"), in: .teams) == "teams.edit")
        #expect(config.keymap.command(for: .delete, in: .teams) == "teams.delete")
        let problems = config.problems.map(\.description)
        #expect(problems.contains("config.toml:5: unknown command \"no.such\""))
        #expect(problems.contains("config.toml:6: teams.sort: unknown key \"ctrl-\""))
        #expect(problems.contains("config.toml:7: key x is bound to both teams.delete and teams.filter in Teams"))
        let bad = UserConfig.parse("theme = \"neon\"\nfoo\n", source: "c.toml")
        #expect(bad.problems.map(\.description) == [
            "c.toml:1: theme: expected default, mono or high-contrast; found \"neon\"",
            "c.toml:2: expected key = value",
        ])
    }

    @Test func configSetsAutosaveAndItsDelay() {
        let config = UserConfig.parse("autosave = false\nautosave_delay = 2.5  # seconds\n", source: "c.toml")
        #expect(config.autosave == false)
        #expect(config.autosaveDelay == 2.5)
        #expect(config.problems.isEmpty)
        let bad = UserConfig.parse("autosave = \"no\"\nautosave_delay = 0\n", source: "c.toml")
        #expect(bad.autosave == nil && bad.autosaveDelay == nil)
        #expect(bad.problems.map(\.description) == [
            "c.toml:1: autosave: expected true or false, found \"no\"",
            "c.toml:2: autosave_delay: expected seconds from 0.1 to 600, found 0",
        ])
    }

    @Test func keyNamesRoundTrip() {
        for key in [Key.char("j"), .char(" "), .ctrl("r"), .enter, .escape, .backTab, .pageDown, .function(5), .delete] {
            #expect(Key(spec: key.spec) == key)
        }
        #expect(Key.story("ab<enter><ctrl-r><lt>x") == [.char("a"), .char("b"), .enter, .ctrl("r"), .char("<"), .char("x")])
    }
}
