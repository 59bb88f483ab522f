import ArgumentParser
import Foundation
import PilotwaveCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new, empty plan with the default criteria and readiness dimensions.")

    @Argument(help: "Where to write the plan; must not exist yet.")
    var file: String

    @Option(help: "The plan's name.")
    var name: String = "Product operating model rollout"

    @Option(help: "The organisation's name.")
    var organisation: String = "Our organisation"

    @Option(help: "Organisation size: small, mid or large (default: inferred from the number of teams).")
    var size: String?

    func run() throws {
        try guarded {
            var orgSize: OrgSize?
            if let size {
                guard let s = OrgSize(loose: size) else {
                    throw CLIFailure("--size: expected one of \(OrgSize.expectedValues); found \(Words.value(size))")
                }
                orgSize = s
            }
            var ids = RandomIDs(SystemRandomNumberGenerator())
            let plan = Plan.empty(id: PlanID(ids.next("plan")), name: name, organisation: organisation, size: orgSize)
            _ = try PlanFile.write(plan, to: file, force: false, forceHint: false)
            Console.out("Created \(file). Next: pilotwave import-teams \(file) teams.csv, or pilotwave \(file).")
        }
    }
}
