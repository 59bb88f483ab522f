import ArgumentParser
import Foundation
import PilotwaveCore

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open a plan in the terminal UI (the default: `pilotwave FILE`).")

    @Argument(help: "The plan file (JSON). Create one with `pilotwave new FILE` or `pilotwave demo --save-as FILE`.")
    var file: String?

    func run() throws {
        try guarded {
            guard let file else {
                Console.out(Pilotwave.helpMessage())
                return
            }
            let loaded = try PlanFile.load(file)
            try Interactive.open(plan: loaded.plan, file: file)
        }
    }
}

/// The terminal UI's entry point. Until the terminal application lands it explains what to use instead.
enum Interactive {
    static func open(plan: Plan, file: String?) throws {
        let what = file ?? "the demo plan"
        var lines = [
            "The terminal UI is not built yet; it comes with the next release.",
            "Loaded \(what): \(plan.name) — \(plan.organisation.name), \(plan.teams.count) teams.",
            "",
            "Meanwhile these commands work on plan files:",
        ]
        let target = file ?? "demo.json"
        if file == nil { lines.append("  pilotwave demo --save-as demo.json   write the demo plan out") }
        lines += [
            "  pilotwave check \(target)            validate and run the plan checks",
            "  pilotwave rank \(target)             rank the pilot candidates",
            "  pilotwave import-teams \(target) teams.csv",
        ]
        throw CLIFailure(lines.joined(separator: "\n"), code: 2)
    }
}
