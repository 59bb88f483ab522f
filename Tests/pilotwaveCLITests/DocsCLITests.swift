import Foundation
import Testing

/// The user guide covers the whole command line: every subcommand `pilotwave --help` lists.
extension BinaryTests {
@Suite("Documentation of the command line", .serialized)
struct DocsCLITests {
    @Test func theUserGuideNamesEveryCommand() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let help = try cli.run("--help").stdout
        let section = try #require(help.range(of: "SUBCOMMANDS:")).upperBound
        let commands = help[section...].split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let first = words.first,
                first.allSatisfy({ $0.isLowercase || $0 == "-" }) else { return nil }
            return String(first)
        }
        #expect(commands.count >= 10, "commands read from --help: \(commands)")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let guide = try String(contentsOf: root.appendingPathComponent("docs/user-guide.md"), encoding: .utf8)
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        for command in commands {
            #expect(guide.contains("pilotwave \(command)"), "the user guide never shows `pilotwave \(command)`")
            #expect(readme.contains("pilotwave \(command)"), "README's table never shows `pilotwave \(command)`")
        }
    }

    /// Every example of the user guide run on the demo (`$ pilotwave … demo.json …` in a code block)
    /// prints what the binary prints: the commands run in the guide's order in one folder, the first
    /// of them writing the demo as of the guide's day, and each line shown must be what the command
    /// printed (standard output, then standard error). A line that is only `…` stands for any number
    /// of lines left out. A command that redirects its output (`>`) is run but not compared.
    @Test func theUserGuideShowsWhatTheCommandsPrintOnTheDemo() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let guide = try String(contentsOf: root.appendingPathComponent("docs/user-guide.md"), encoding: .utf8)
        let examples = Self.examples(in: guide).filter { $0.command.contains(" demo.json") }
        #expect(examples.first?.command.hasPrefix("pilotwave demo --save-as demo.json --today ") == true,
                "the first example on the demo writes it for a fixed day: \(examples.first?.command ?? "none")")
        #expect(examples.count >= 8, "examples on the demo found: \(examples.map(\.command))")
        for example in examples {
            var words = Self.words(example.command)
            let redirected = words.firstIndex(of: ">")
            if let r = redirected { words = Array(words[..<r]) }
            let result = try cli.run(CLIRunner.binary, Array(words.dropFirst()))
            guard redirected == nil else { continue }
            let printed = (result.stdout + result.stderr).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let mismatch = Self.mismatch(shown: example.output, printed: printed)
            #expect(mismatch == nil, "docs/user-guide.md:\(example.line): `\(example.command)` \(mismatch ?? "")")
        }
    }

    struct Example {
        var line: Int
        var command: String
        var output: [String]
    }

    /// The `$ pilotwave …` lines of the code blocks of `text`, each with the lines shown under it.
    static func examples(in text: String) -> [Example] {
        var examples: [Example] = []
        var inBlock = false
        var current: Int?
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                inBlock.toggle()
                current = nil
                continue
            }
            guard inBlock else { continue }
            if line.hasPrefix("$ ") {
                examples.append(Example(line: i + 1, command: String(line.dropFirst(2)), output: []))
                current = examples.count - 1
            } else if let c = current {
                examples[c].output.append(String(line))
            }
        }
        return examples.filter { $0.command.hasPrefix("pilotwave ") }
    }

    /// A command line split into words; double quotes group words.
    static func words(_ command: String) -> [String] {
        var words: [String] = [], word = "", quoted = false, started = false
        for ch in command {
            if ch == "\"" { quoted.toggle(); started = true } else if ch == " " && !quoted {
                if started { words.append(word) }
                word = ""
                started = false
            } else {
                word.append(ch)
                started = true
            }
        }
        if started { words.append(word) }
        return words
    }

    /// Nil when every line shown is a line printed, in order, `…` alone standing for lines left
    /// out; else what differs.
    static func mismatch(shown: [String], printed: [String]) -> String? {
        var shown = shown
        while shown.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { shown.removeLast() }
        var p = 0
        var skipping = false
        for line in shown {
            if line.trimmingCharacters(in: .whitespaces) == "…" {
                skipping = true
                continue
            }
            if skipping {
                guard let next = printed[p...].firstIndex(of: line) else { return "shows \"\(line)\", which it never prints after that" }
                p = next + 1
                skipping = false
            } else {
                guard p < printed.count else { return "shows \"\(line)\" after the end of what it prints" }
                guard printed[p] == line else { return "shows \"\(line)\" where it prints \"\(printed[p])\"" }
                p += 1
            }
        }
        if !skipping, printed[p...].contains(where: { !$0.isEmpty }) {
            return "prints more than shown, from \"\(printed[p...].first { !$0.isEmpty } ?? "")\""
        }
        return nil
    }
}
}
