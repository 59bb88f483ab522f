import ArgumentParser
import Foundation
import PilotwaveCore

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a large synthetic plan, for benchmarks and tests.",
        discussion: "The same --teams and --seed always give the same plan.")

    @Option(help: "Number of teams (1 to 1,000,000).")
    var teams: Int

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Flag(help: "Overwrite FILE if it exists (its previous version is kept as FILE.bak).")
    var force = false

    @Argument(help: "Where to write the plan.")
    var file: String

    func run() throws {
        try guarded {
            guard (1...1_000_000).contains(teams) else {
                throw CLIFailure("--teams must be between 1 and 1,000,000, not \(teams)")
            }
            let plan = PlanGenerator.generate(teams: teams, seed: seed)
            let bytes = try PlanFile.write(plan, to: file, force: force)
            Console.out("Wrote \(file): \(plan.teams.count) teams, \(plan.waves.count) waves, \(plan.signals.count) readiness signals (\(formatBytes(bytes))).")
        }
    }
}

func formatBytes(_ n: Int) -> String {
    if n >= 1_000_000 { return String(format: "%.1f MB", Double(n) / 1_000_000) }
    if n >= 1_000 { return String(format: "%.1f kB", Double(n) / 1_000) }
    return "\(n) bytes"
}
