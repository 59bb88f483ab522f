import ArgumentParser
import Foundation
import PilotwaveCore

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two versions of a plan, in domain terms.",
        discussion: """
            Compares the plans by id, so a renamed team is a rename: teams added, removed, renamed, \
            re-rated, with a new status or coach; teams moved between waves (and into or out of them); waves \
            added, removed, re-dated or started; readiness ratings recorded and struck; resistance notes added, \
            resolved or changed; blockers; coaches; decisions taken (and scenarios adopted); actions added or \
            done; votes cast and revealed; scenarios and workshops. One line per thing that changed, grouped \
            under headings; the text output fits 80 columns. "No changes." when the plans are the same.

            What to send round after a session, and what makes plan files comfortable in git:
              git show HEAD~1:plan.json > before.json && pilotwave diff before.json plan.json
              git difftool -y -x 'pilotwave diff' plan.json

            Exit 0; with --exit-code 1 when there are changes (like git diff --exit-code); 2 when a file \
            cannot be read.
            """)

    @Argument(help: "The earlier version of the plan (JSON).")
    var old: String

    @Argument(help: "The later version of the plan (JSON).")
    var new: String

    @Option(help: "text (default), markdown or json.")
    var format: String?

    @Flag(help: "The same as --format json.")
    var json = false

    @Flag(name: .customLong("exit-code"), help: "Exit 1 when the plans differ, 0 when they do not.")
    var exitCode = false

    func run() throws {
        try guarded {
            let chosen = json ? "json" : (format ?? "text").lowercased()
            guard ["text", "markdown", "md", "json"].contains(chosen) else {
                throw CLIFailure("--format: expected one of text, markdown, json; found \(Words.value(format ?? ""))")
            }
            let before = try PlanFile.load(old).plan
            let after = try PlanFile.load(new).plan
            let diff = PlanDiff.compare(before, after)
            let text = switch chosen {
            case "json": DiffReport.json(diff, old: old, new: new)
            case "markdown", "md": DiffReport.markdown(diff, old: old, new: new, planName: after.name)
            default: DiffReport.text(diff, old: old, new: new)
            }
            FileHandle.standardOutput.write(Data(text.utf8))
            if exitCode && !diff.isEmpty { throw ExitCode(1) }
        }
    }
}
