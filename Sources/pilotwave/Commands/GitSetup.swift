import ArgumentParser
import Foundation
import PilotwaveCore
import PilotwaveStorage

struct GitSetup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git-setup",
        abstract: "Make git merge and diff the plans in this repository with pilotwave.",
        discussion: """
            Run inside a git repository. Adds a line to the repository's .gitattributes for each plan \
            (by default every JSON file in the repository that loads as a pilotwave plan, tracked or \
            not yet added, each by its path: `/plan.json merge=pilotwave diff=pilotwave`; other JSON \
            files are left to git), adds to .gitignore what pilotwave keeps beside a plan (NAME.json.bak, \
            the lock and a save's temporaries, the participants' NAME.json.inbox/), and sets in the \
            repository's git config:
              merge.pilotwave.name    pilotwave plan merge
              merge.pilotwave.driver  pilotwave merge %O %A %B --name %P
              diff.pilotwave.command  pilotwave diff --git-external
            The commands name pilotwave as `pilotwave` when that is this program on PATH, otherwise by \
            its full path. Prints what it wrote; running it again changes nothing. Commit .gitattributes; \
            each clone runs pilotwave git-setup once (git config is not committed).

            Exit 0; 2 outside a git repository, when no plan is found and no --pattern given, or when \
            git fails.
            """)

    @Option(help: ArgumentHelp("A .gitattributes pattern for the plan files instead (`*.plan.json`, `plans/*.json`); may be repeated.",
                               valueName: "glob"))
    var pattern: [String] = []

    func run() throws {
        try guarded {
            guard let top = try? GitRunner.run(["rev-parse", "--show-toplevel"]).trimmingCharacters(in: .newlines),
                  !top.isEmpty else {
                throw CLIFailure("not inside a git repository, so there is nothing to set up. Run it in the repository's folder"
                    + " (git init makes one).")
            }
            let lines = try (pattern.isEmpty ? plans(in: top).map(Self.anchored) : pattern)
                .map { "\($0) merge=pilotwave diff=pilotwave" }
            guard !lines.isEmpty else {
                throw CLIFailure("no pilotwave plan in this repository (no JSON file here loads as a plan). Name the plan files"
                    + " with --pattern, e.g. pilotwave git-setup --pattern '*.plan.json'.")
            }
            var report: [String] = []

            let added = try Self.appendMissing(lines, to: URL(fileURLWithPath: top).appendingPathComponent(".gitattributes"))
            if !added.isEmpty {
                report.append("Added to .gitattributes:")
                report += added.map { "  " + $0 }
            }
            // What pilotwave keeps beside a plan is not the plan: the previous version, the write
            // lock, a save's temporaries and participants' inbox stay out of commits.
            let ignored = try Self.appendMissing(Self.sidecars, to: URL(fileURLWithPath: top).appendingPathComponent(".gitignore"))
            if !ignored.isEmpty {
                report.append("Added to .gitignore (what pilotwave keeps beside a plan):")
                report += ignored.map { "  " + $0 }
            }

            let program = Self.programName()
            let settings = [
                ("merge.pilotwave.name", "pilotwave plan merge"),
                ("merge.pilotwave.driver", "\(program) merge %O %A %B --name %P"),
                ("diff.pilotwave.command", "\(program) diff --git-external"),
            ]
            var set: [String] = []
            for (key, value) in settings {
                let current = try? GitRunner.run(["config", "--get", key]).trimmingCharacters(in: .newlines)
                guard current != value else { continue }
                do throws(GitRunner.Failure) {
                    _ = try GitRunner.run(["config", key, value])
                } catch {
                    throw CLIFailure("git config \(key) failed: \(error.message)")
                }
                set.append("  git config \(key) \(Shell.quote(value))")
            }
            if !set.isEmpty {
                report.append("Set in this repository's git config:")
                report += set
            }
            if report.isEmpty {
                Console.out("Nothing changed: git already merges and diffs these plans with pilotwave.")
                return
            }
            if !added.isEmpty || !ignored.isEmpty {
                report.append("Commit .gitattributes and .gitignore so that every clone uses them; each clone runs pilotwave git-setup once.")
            }
            Console.out(report.joined(separator: "\n"))
        }
    }

    /// The files pilotwave keeps beside a plan `NAME.json`: the previous version, the write lock, a
    /// save's temporaries, the participants' inbox.
    static let sidecars = ["*.json.bak", ".*.json.lock", ".*.json.tmp-*", ".*.json.bak-tmp-*", ".*.json.oldbak-tmp-*", "*.json.inbox/"]

    /// Appends the `lines` a text file does not have yet (one per line); returns those added.
    static func appendMissing(_ lines: [String], to url: URL) throws(CLIFailure) -> [String] {
        var text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let present = Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let added = lines.reduce(into: [String]()) { new, line in
            if !present.contains(line) && !new.contains(line) { new.append(line) }
        }
        guard !added.isEmpty else { return [] }
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += added.map { $0 + "\n" }.joined()
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CLIFailure("\(url.lastPathComponent): could not be written: \(error.localizedDescription)")
        }
        return added
    }

    /// The JSON files in the repository (tracked, or new and not ignored) that load as plans.
    private func plans(in top: String) throws(CLIFailure) -> [String] {
        let listed: String
        do {
            listed = try GitRunner.run(["-C", top, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "*.json"])
        } catch {
            throw CLIFailure("git ls-files failed: \(error.message)")
        }
        let store = PlanStore()
        let paths = Set(listed.split(separator: "\0").map(String.init))
        return paths.sorted().filter { path in
            (try? store.load(URL(fileURLWithPath: top).appendingPathComponent(path))) != nil
        }
    }

    /// `/path/in/repo.json`: that file only, with glob characters and spaces quoted for .gitattributes.
    static func anchored(_ path: String) -> String {
        var escaped = ""
        for c in path {
            if "*?[\\".contains(c) { escaped.append("\\") }
            escaped.append(c)
        }
        let line = "/" + escaped
        guard line.contains(where: { $0 == " " || $0 == "\t" || $0 == "\"" }) else { return line }
        return "\"" + line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `pilotwave` when that is this program on PATH; otherwise this program's full path.
    static func programName() -> String {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let own = me == "/proc/self/exe" ? (Bundle.main.executableURL?.resolvingSymlinksInPath().path ?? "pilotwave") : me
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("pilotwave")
            guard FileManager.default.isExecutableFile(atPath: candidate.path) else { continue }
            return candidate.resolvingSymlinksInPath().path == own ? "pilotwave" : Shell.quote(own)
        }
        return Shell.quote(own)
    }
}

enum Shell {
    /// `word` as the shell reads it: unchanged when plain, else in single quotes.
    static func quote(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./%=+:,@".contains($0) }
        if plain && !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Runs git in the current folder and returns what it printed.
enum GitRunner {
    struct Failure: Error {
        var message: String
    }

    static func run(_ args: [String]) throws(Failure) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + args
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(message: "git could not be started: \(error.localizedDescription)")
        }
        let errors = DispatchQueue(label: "git-stderr")
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        errors.async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let said = String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(message: said.isEmpty ? "git exited with \(process.terminationStatus)" : said)
        }
        return String(decoding: outData, as: UTF8.self)
    }
}
