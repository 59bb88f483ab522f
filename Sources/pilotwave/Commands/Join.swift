import ArgumentParser
import Foundation
import PilotwaveCore
import PilotwaveStorage

struct Join: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take part in a workshop from your own terminal: vote, rate readiness, raise concerns.",
        discussion: """
            Shows the plan's open rounds (a dot vote, a readiness round, a concerns round) and who is here, \
            and follows the facilitator's saves. It reads the plan and never writes it, nor takes its lock: \
            each answer is written as one small file into the plan's inbox folder, FILE.inbox/, which the \
            facilitator's pilotwave reads. It works without a facilitator running: answers wait in the inbox.

            Anonymous concerns carry no name, neither in the file nor in its file name. Leaving (q) removes \
            your presence file from the inbox.
            """)

    @Argument(help: "The plan file (JSON) the facilitator has open.")
    var file: String

    @Option(name: .customLong("as"),
            help: ArgumentHelp("Your name, as the room knows you (at most \(Submission.maxNameLength) characters).", valueName: "name"))
    var name: String

    @Option(help: "Colours: default, mono or high-contrast. NO_COLOR in the environment means mono.")
    var theme: String?

    func run() throws {
        try guarded {
            if let problem = Participation.nameProblem(name) {
                throw CLIFailure("--as: \(problem); give your name, e.g. --as Alice")
            }
            if !FileManager.default.fileExists(atPath: fileURL(file).path(percentEncoded: false)) {
                throw CLIFailure("\(file): no such file. Ask the facilitator for the path of the plan they have open.")
            }
            let loaded = try PlanFile.load(file)
            try JoinRuntime.open(plan: loaded.plan, stamp: loaded.stamp, file: file, name: name, theme: theme)
        }
    }
}
