import ArgumentParser
import Foundation
import PilotwaveCore

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge two versions of a plan that both started from a third, by id, in domain terms.",
        discussion: """
            What each side changed since BASE survives: a team added here and another renamed there, a team \
            moved to another wave on one side and given a new coach on the other. Ratings, notes, decisions \
            and actions recorded on both sides are all kept (histories are unions). Where both sides changed \
            the same thing differently, or one deleted what the other edited, that is a conflict: the result \
            keeps OURS' value and records the conflict in the plan, so the file always loads — never conflict \
            markers. pilotwave shows the conflicts when it opens the plan (the Conflicts overlay: Enter takes \
            theirs, o keeps ours); `pilotwave check` lists them.

            The result is written over OURS (atomically), or to --output.

            As git's merge driver (pilotwave git-setup sets it up):
              git config merge.pilotwave.driver 'pilotwave merge %O %A %B --name %P'
              echo '/plan.json merge=pilotwave diff=pilotwave' >> .gitattributes
            git then merges plan.json with pilotwave; a conflict stops the merge as usual. Decide each \
            conflict in pilotwave, then git add plan.json and git commit.

            Exit 0: merged cleanly. Exit 1: conflicts (each on stderr; the file is written and loads). \
            Exit 2: a file could not be read or written (nothing is written).
            """)

    @Argument(help: "The version both sides started from (git's %O).")
    var base: String

    @Argument(help: "Our version (git's %A); the result is written over it unless --output is given.")
    var ours: String

    @Argument(help: "Their version (git's %B).")
    var theirs: String

    @Option(name: .shortAndLong, help: "Write the result to this file instead of over OURS.")
    var output: String?

    @Option(help: ArgumentHelp("The plan's name in the messages (git's %P, the path in the repository).", valueName: "path"))
    var name: String?

    func run() throws {
        try guarded {
            let shown = name ?? output ?? ours
            // The three read at once (large plans: most of the command's time is reading them);
            // a failure is reported for the first of base, ours, theirs that failed.
            let sides = [(base, "base"), (ours, "ours"), (theirs, "theirs")]
            let loads = Loads(count: 3)
            DispatchQueue.concurrentPerform(iterations: 3) { i in
                let (path, side) = sides[i]
                loads.set(i, Result { () throws(CLIFailure) in try load(path, as: name.map { "\($0) (\(side))" }) })
            }
            let baseLoaded = try loads.get(0), oursLoaded = try loads.get(1), theirsLoaded = try loads.get(2)
            let result = PlanMerge.merge(base: baseLoaded.plan, ours: oursLoaded.plan, theirs: theirsLoaded.plan)
            if let output {
                try PlanFile.write(result.plan, to: output, force: true, forceHint: false)
            } else {
                let backup = fileURL(ours).path(percentEncoded: false) + ".bak"
                let hadBackup = FileManager.default.fileExists(atPath: backup)
                let lock = try PlanFile.acquireLock(ours)
                defer { lock.release() }
                _ = try PlanFile.save(result.plan, to: ours, expecting: oursLoaded.stamp)
                // Under git, OURS is git's temporary file: git keeps every version, and a backup
                // beside it would be left in the working tree.
                if name != nil && !hadBackup { try? FileManager.default.removeItem(atPath: backup) }
            }
            guard !result.conflicts.isEmpty else { return }
            // The same words as check and the Conflicts overlay: ids of teams, coaches, waves… as names.
            let names = PlanNames(result.plan)
            let lines = result.conflicts.map { Words.clip("CONFLICT \(shown): " + ConflictWords.summary($0, names: names), max: FindingsText.longestLine) } + [
                "\(shown) loads, keeping ours in \(result.conflicts.count == 1 ? "the conflict" : "each of the \(result.conflicts.count) conflicts")."
                    + " To resolve: open it in pilotwave (the Conflicts overlay: Enter takes theirs, o keeps ours);"
                    + " pilotwave check \(shown) lists them; then git add \(shown) and git commit.",
            ]
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            throw ExitCode(1)
        }
    }

    /// Loads `path`; messages name it `shown` when given (git's temporary files mean nothing to people).
    private func load(_ path: String, as shown: String?) throws(CLIFailure) -> PlanFile.Loaded {
        do {
            return try PlanFile.load(path)
        } catch {
            guard let shown else { throw error }
            throw CLIFailure(error.message.replacingOccurrences(of: path, with: shown), code: error.code)
        }
    }
}

/// Results filled in by concurrent loads.
private final class Loads: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<PlanFile.Loaded, CLIFailure>?]
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ result: Result<PlanFile.Loaded, CLIFailure>) { lock.withLock { results[i] = result } }
    func get(_ i: Int) throws(CLIFailure) -> PlanFile.Loaded { try lock.withLock { results[i]! }.get() }
}

