import ArgumentParser
import Foundation
import PilotwaveCore
import TerminalUI

struct Rank: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank the pilot candidates by weighted score, with their hard flags.",
        discussion: """
            In-scope teams by score (highest first; unrated last; ties by how much is rated, then name).
            A score with "(4/6 rated)" leaves the unrated criteria out rather than counting them as zero.
            Out-of-scope teams are listed apart with their reason.
            """)

    @Argument(help: "The plan file (JSON).")
    var file: String

    @Flag(help: "Print the ranking as JSON, with each team's per-criterion breakdown.")
    var json = false

    @Option(help: "Show only the first N teams.")
    var limit: Int?

    func run() throws {
        try guarded {
            if let limit, limit < 1 { throw CLIFailure("--limit must be at least 1, not \(limit)") }
            let plan = try PlanFile.load(file).plan
            let ranking = Scoring.rank(plan)
            let shown = limit.map { Array(ranking.ranked.prefix($0)) } ?? ranking.ranked
            if json {
                Console.out(try RankJSON.encode(plan: plan, ranked: shown, outOfScope: ranking.outOfScope))
            } else {
                Console.out(RankTable.render(plan: plan, ranked: shown, total: ranking.ranked.count, outOfScope: ranking.outOfScope))
            }
        }
    }
}

enum RankTable {
    static func render(plan: Plan, ranked: [PilotScore], total: Int, outOfScope: [PilotScore]) -> String {
        let rec = PilotCount.recommend(plan)
        let byID = Dictionary(plan.teams.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let pilots = PilotCount.pilots(plan).count
        var lines = [
            "\(plan.name) — \(plan.organisation.name), \(rec.size.label) (\(rec.sizeSource)): "
                + "recommended pilots \(rec.rangeText), chosen \(pilots)",
            "",
        ]
        let nameWidth = min(32, max(4, (ranked + outOfScope).map { TextWidth.of($0.teamName) }.max() ?? 4))
        let areaWidth = min(18, max(4, ranked.compactMap { byID[$0.team].map { TextWidth.of($0.area) } }.max() ?? 4))
        let header = [
            TextWidth.fit("#", to: 4, alignRight: true), TextWidth.fit("team", to: nameWidth),
            TextWidth.fit("area", to: areaWidth), TextWidth.fit("score", to: 16), TextWidth.fit("status", to: 12), "flags",
        ].joined(separator: "  ")
        lines.append(header)
        for (i, s) in ranked.enumerated() {
            guard let team = byID[s.team] else { continue }
            let flags = HardFlag.flags(team, settings: plan.settings).map(\.label).joined(separator: "; ")
            lines.append([
                TextWidth.fit("\(i + 1)", to: 4, alignRight: true), TextWidth.fit(s.teamName, to: nameWidth),
                TextWidth.fit(team.area, to: areaWidth), TextWidth.fit(s.summary, to: 16),
                TextWidth.fit(team.status.label, to: 12), flags.isEmpty ? "—" : flags,
            ].joined(separator: "  ").trimmingTrailingSpaces())
        }
        if ranked.count < total { lines.append("     … \(total - ranked.count) more (without --limit)") }
        if !outOfScope.isEmpty {
            lines.append("")
            lines.append("Out of scope (\(outOfScope.count)):")
            for s in outOfScope {
                let reason = byID[s.team]?.outOfScopeReason ?? ""
                lines.append("      \(TextWidth.fit(s.teamName, to: nameWidth))  \(reason)".trimmingTrailingSpaces())
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

enum RankJSON {
    struct Item: Encodable {
        var key: String
        var name: String
        var weight: Int
        var value: Double?
        var input: String
        var points: Double
    }

    struct Row: Encodable {
        var rank: Int?
        var team: String
        var name: String
        var area: String
        var status: String
        var score: Int?
        var exactScore: Double?
        var ratedCount: Int
        var weightedCount: Int
        var unrated: [String]
        var flags: [String]
        var outOfScopeReason: String?
        var breakdown: [Item]
    }

    struct Report: Encodable {
        var plan: String
        var organisationSize: String
        var sizeInferred: Bool
        var recommendedPilots: [Int]
        var ranked: [Row]
        var outOfScope: [Row]
    }

    static func encode(plan: Plan, ranked: [PilotScore], outOfScope: [PilotScore]) throws -> String {
        let byID = Dictionary(plan.teams.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func row(_ s: PilotScore, rank: Int?) -> Row? {
            guard let t = byID[s.team] else { return nil }
            return Row(
                rank: rank, team: t.id.raw, name: t.name, area: t.area, status: t.status.rawValue,
                score: s.score, exactScore: s.value, ratedCount: s.ratedCount, weightedCount: s.weightedCount,
                unrated: s.unrated, flags: HardFlag.flags(t, settings: plan.settings).map(\.code),
                outOfScopeReason: t.outOfScopeReason,
                breakdown: s.items.map { Item(key: $0.key, name: $0.name, weight: $0.weight, value: $0.value, input: $0.input, points: $0.points) })
        }
        let rec = PilotCount.recommend(plan)
        let report = Report(
            plan: plan.name, organisationSize: rec.size.rawValue, sizeInferred: rec.inferred,
            recommendedPilots: [rec.range.lowerBound, rec.range.upperBound],
            ranked: ranked.enumerated().compactMap { row($1, rank: $0 + 1) },
            outOfScope: outOfScope.compactMap { row($0, rank: nil) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
