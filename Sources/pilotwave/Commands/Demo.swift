import ArgumentParser
import Foundation
import PilotwaveCore

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the embedded demo plan (a mid-size organisation with 24 teams), or write it out.",
        discussion: "The demo lives in memory; nothing is written unless you pass --save-as.")

    @Option(name: .customLong("save-as"), help: "Write the demo plan to this file instead of opening it.")
    var saveAs: String?

    @Flag(help: "With --save-as: overwrite the file if it exists (its previous version is kept as FILE.bak).")
    var force = false

    @OptionGroup var ui: UIOptions

    func run() throws {
        try guarded {
            let plan = DemoPlan.make()
            if let saveAs {
                let bytes = try PlanFile.write(plan, to: saveAs, force: force)
                Console.out("Wrote the demo plan to \(saveAs) (\(plan.teams.count) teams, \(formatBytes(bytes))).")
                return
            }
            try Interactive.open(plan: plan, file: nil, stamp: nil, readOnly: nil, ui: ui)
        }
    }
}
