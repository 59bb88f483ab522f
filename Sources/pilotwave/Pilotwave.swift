import ArgumentParser
import Foundation
import PilotwaveCore
import PilotwaveStorage

@main
struct Pilotwave: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pilotwave",
        abstract: "Plan an organisation's move to the product operating model: pilot teams, readiness, resistance, rollout waves.",
        discussion: """
            Plans are JSON files. Saves are atomic and keep the previous version as FILE.bak.

            Exit codes: 0 success; 1 plan checks found problems (check), or the plans differ (diff --exit-code), or a merge has conflicts (merge); 2 a file could not be read \
            or written, or a value was refused; 3 the terminal's input closed; 64 unknown option or \
            missing argument.

            Shell completions: pilotwave --generate-completion-script bash|zsh|fish
            Docs: docs/user-guide.md, docs/file-format.md, docs/facilitator-guide.md, docs/git.md
            """,
        version: PilotwaveVersion.string,
        subcommands: [
            Open.self, Demo.self, New.self, Check.self, Rank.self, Export.self, Diff.self, ImportTeams.self, Generate.self,
            Keys.self, Join.self, Merge.self, GitSetup.self,
        ],
        defaultSubcommand: Open.self
    )
}

enum PilotwaveVersion {
    static let string = "0.1.0"
}
