import ArgumentParser
import Foundation
import PilotwaveCore

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the embedded demo plan (a mid-size organisation with 24 teams), or write it out.",
        discussion: """
            The demo lives in memory; nothing is written unless you pass --save-as. Its story is told \
            as of today: the pilots are under way, wave 1 starts in a few weeks, a check-in is due next \
            week and one follow-up is just overdue (every date moves by whole weeks, so weekdays stay true).
            """)

    @Option(name: .customLong("save-as"), help: "Write the demo plan to this file instead of opening it.")
    var saveAs: String?

    @Flag(help: "With --save-as: overwrite the file if it exists (its previous version is kept as FILE.bak).")
    var force = false

    @Option(help: "With --save-as: tell the story as of this day (YYYY-MM-DD) instead of today.")
    var today: String?

    @OptionGroup var ui: UIOptions

    func run() throws {
        try guarded {
            let day = try parseDay(today, option: "--today")
            if day != nil && saveAs == nil {
                throw CLIFailure("--today applies only with --save-as (the terminal UI works as of today)")
            }
            let plan = DemoPlan.make(today: day ?? Day(Date()))
            if let saveAs {
                let bytes = try PlanFile.write(plan, to: saveAs, force: force)
                Console.out("Wrote the demo plan to \(saveAs) (\(plan.teams.count) teams, \(formatBytes(bytes))).")
                return
            }
            try Interactive.open(plan: plan, file: nil, stamp: nil, readOnly: nil, ui: ui)
        }
    }
}
