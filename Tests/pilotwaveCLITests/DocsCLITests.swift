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
}
}
