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
            With pilotwave git-setup, git diff itself shows this for the plans (git calls \
            pilotwave diff --git-external with its seven arguments: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE \
            NEW-HEX NEW-MODE; in that mode the exit code is always 0, as git expects).

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

    @Flag(name: .customLong("git-external"), help: "Called by git as the diff driver (see pilotwave git-setup): PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE.")
    var gitExternal = false

    @Argument(help: .hidden)
    var gitArguments: [String] = []

    func validate() throws {
        if gitExternal {
            guard gitArguments.count == 5 || gitArguments.count == 7 else {
                throw ValidationError("--git-external expects git's seven arguments: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE")
            }
        } else if let extra = gitArguments.first {
            throw ValidationError("Unexpected argument '\(extra)'")
        }
    }

    func run() throws {
        if gitExternal {
            // old = PATH, new = OLD-FILE, then OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE [NEW-PATH INFO].
            let shown = gitArguments.count == 7 ? gitArguments[5] : old
            FileHandle.standardOutput.write(Data(GitDiff.text(path: old, newPath: shown, oldFile: new, newFile: gitArguments[2]).utf8))
            return
        }
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


/// `git diff` through pilotwave (the diff driver `pilotwave diff --git-external`): the domain diff
/// under a header naming the file. Never fails: git stops the whole diff when a driver does.
enum GitDiff {
    static func text(path: String, newPath: String, oldFile: String, newFile: String) -> String {
        let header = "pilotwave diff a/\(path) b/\(newPath)\n"
        let noFile = "/dev/null"
        do {
            if oldFile == noFile && newFile == noFile { return "" }
            if oldFile == noFile {
                let plan = try PlanFile.load(newFile).plan
                return header + "New plan \(Words.value(plan.name)): \(Words.count(plan.teams.count, "team")).\n"
            }
            if newFile == noFile {
                let plan = try PlanFile.load(oldFile).plan
                return header + "Plan \(Words.value(plan.name)) removed (it had \(Words.count(plan.teams.count, "team"))).\n"
            }
            let before = try PlanFile.load(oldFile).plan
            let after = try PlanFile.load(newFile).plan
            let diff = PlanDiff.compare(before, after)
            if diff.isEmpty { return header + "No changes to the plan (only to how the file is written).\n" }
            return header + DiffReport.text(diff, old: "a/\(path)", new: "b/\(newPath)")
        } catch {
            let message = error.message.replacingOccurrences(of: oldFile, with: "a/\(path)").replacingOccurrences(of: newFile, with: "b/\(newPath)")
            return header + "Not compared as plans: \(message)\n"
        }
    }
}
