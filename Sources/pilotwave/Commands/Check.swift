import ArgumentParser
import Foundation
import PilotwaveCore
import PilotwaveStorage

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a plan, validate it and run the plan checks.",
        discussion: """
            Prints each finding with its severity, what it concerns and the guidance behind it.
            Exit 0: no warnings or critical findings (info findings alone still exit 0, unless --strict).
            Exit 1: findings. Exit 2: the file could not be read (the message names the place).
            """)

    @Argument(help: "The plan file (JSON).")
    var file: String

    @Flag(help: "Print the findings as JSON.")
    var json = false

    @Flag(help: "Exit 1 on info findings too.")
    var strict = false

    @Option(help: "Check as of this day (YYYY-MM-DD) instead of today; for overdue follow-ups and wave starts.")
    var today: String?

    func run() throws {
        try guarded {
            let loaded = try PlanFile.load(file)
            let day = try parseDay(today, option: "--today") ?? Day(Date())
            let findings = PlanChecks.run(loaded.plan, today: day)
            if json {
                Console.out(try FindingsJSON.encode(findings, file: file))
            } else {
                Console.out(FindingsText.render(findings, plan: loaded.plan, file: file))
            }
            let failing = findings.contains { strict || $0.severity != .info }
            if failing { throw ExitCode(1) }
        }
    }
}

func parseDay(_ text: String?, option: String) throws -> Day? {
    guard let text else { return nil }
    guard let day = Day(iso: text) else { throw CLIFailure("\(option): expected a date as YYYY-MM-DD, found \(Words.value(text))") }
    return day
}

/// Findings for people: names, never ids (those are in `--json`), and no line longer than
/// ``longestLine`` characters however long the names in the plan are.
enum FindingsText {
    static let longestLine = 500

    static func render(_ findings: [Finding], plan: Plan, file: String) -> String {
        let names = PlanNames(plan)
        let title = Words.clip(plan.name, max: 80)
        if findings.isEmpty { return "\(file): \(title) — no findings." }
        var lines: [String] = []
        let counts = FindingSeverity.allCases.reversed().compactMap { sev -> String? in
            let n = findings.filter { $0.severity == sev }.count
            return n == 0 ? nil : "\(n) \(sev.label)"
        }
        lines.append("\(file): \(title) — \(findings.count) finding\(findings.count == 1 ? "" : "s") (\(counts.joined(separator: ", ")))")
        for f in findings {
            lines.append("")
            lines.append(Words.clip("\(marker(f.severity)) \(f.severity.label.uppercased()) [\(f.code)] \(f.message)",
                                    max: longestLine))
            let concerns = names.concerns(of: f)
            if !concerns.isEmpty {
                lines.append(Words.clip("    concerns: " + Words.short(concerns, limit: 8), max: longestLine))
            }
            lines.append("    why: \(f.guidance)")
        }
        return lines.joined(separator: "\n")
    }

    static func marker(_ s: FindingSeverity) -> String {
        switch s {
        case .critical: "✗"
        case .warning: "!"
        case .info: "·"
        }
    }
}

enum FindingsJSON {
    struct Item: Encodable {
        var code: String
        var severity: String
        var message: String
        var concerns: [String]
        var guidance: String
    }

    struct Report: Encodable {
        var file: String
        var findings: [Item]
    }

    static func encode(_ findings: [Finding], file: String) throws -> String {
        let report = Report(file: file, findings: findings.map {
            Item(code: $0.code, severity: $0.severity.rawValue, message: $0.message, concerns: $0.concerns, guidance: $0.guidance)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
