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
            Out-of-scope teams are listed apart with their reason. \
            Votes of the latest voting round are shown beside the score once revealed in the Pilots view (never added to it). \
            The robustness of the top N says whether any one-step weight change would change who is in it.
            """)

    @Argument(help: "The plan file (JSON).")
    var file: String

    @Flag(help: "Print the ranking as JSON, with each team's per-criterion breakdown.")
    var json = false

    @Option(help: "Show only the first N teams.")
    var limit: Int?

    @Option(help: "The N of the robustness check (default: the plan's, set with < > in the Pilots view, else the recommended pilot count).")
    var top: Int?

    func run() throws {
        try guarded {
            if let limit, limit < 1 { throw CLIFailure("--limit must be at least 1, not \(limit)") }
            if let top, top < 1 { throw CLIFailure("--top must be at least 1, not \(top)") }
            let plan = try PlanFile.load(file).plan
            let ranking = Scoring.rank(plan)
            let shown = limit.map { Array(ranking.ranked.prefix($0)) } ?? ranking.ranked
            let n = top ?? PlanSettings.robustnessN(plan)
            let robustness = Robustness.analyse(RankingModel(plan: plan), n: n)
            if json {
                Console.out(try RankJSON.encode(plan: plan, ranked: shown, outOfScope: ranking.outOfScope, robustness: robustness))
            } else {
                Console.out(RankTable.render(plan: plan, ranked: shown, total: ranking.ranked.count, outOfScope: ranking.outOfScope,
                                             robustness: robustness))
            }
        }
    }
}

enum RankTable {
    static func render(plan: Plan, ranked: [PilotScore], total: Int, outOfScope: [PilotScore],
                       robustness: Robustness? = nil) -> String {
        let round = Voting.current(plan)
        let tally = round.flatMap(Voting.visibleTally)
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
            TextWidth.fit("area", to: areaWidth), TextWidth.fit("score", to: 16),
        ] + (tally != nil ? [TextWidth.fit("votes", to: 5, alignRight: true)] : []) + [TextWidth.fit("status", to: 12), "flags"]
        let headerLine = header.joined(separator: "  ")
        lines.append(headerLine)
        for (i, s) in ranked.enumerated() {
            guard let team = byID[s.team] else { continue }
            let flags = HardFlag.flags(team, settings: plan.settings).map(\.label).joined(separator: "; ")
            lines.append(([
                TextWidth.fit("\(i + 1)", to: 4, alignRight: true), TextWidth.fit(s.teamName, to: nameWidth),
                TextWidth.fit(team.area, to: areaWidth), TextWidth.fit(s.summary, to: 16),
            ] + (tally.map { [TextWidth.fit("\($0[team.id] ?? 0)", to: 5, alignRight: true)] } ?? []) + [
                TextWidth.fit(team.status.label, to: 12), flags.isEmpty ? "—" : flags,
            ]).joined(separator: "  ").trimmingTrailingSpaces())
        }
        if ranked.count < total { lines.append("     … \(total - ranked.count) more (without --limit)") }
        if let round {
            lines.append("")
            lines.append("Votes: \(round.title), \(Words.count(round.ballotCount, "ballot"))"
                + (round.attributed ? "" : ", unattributed")
                + (round.revealed ? "; shown beside the score, never added to it." : "; hidden until revealed in the Pilots view (V)."))
        }
        if let robustness, robustness.n > 0 {
            let names = Dictionary(plan.teams.indices.map { (Int32($0), plan.teams[$0].name) }, uniquingKeysWith: { a, _ in a })
            lines.append("")
            if robustness.isStable {
                lines.append("Top \(robustness.n): stable — the same teams under each of the \(robustness.shiftsTried) one-step weight changes.")
            } else {
                lines.append("Top \(robustness.n): fragile —")
                for (t, shifts) in robustness.dropsOut.sorted(by: { $0.key < $1.key }) {
                    lines.append("  \(names[t] ?? "?") drops out if " + Words.list(shifts.map(\.label), conjunction: "or"))
                }
                for (t, shifts) in robustness.entrants.sorted(by: { $0.key < $1.key }) {
                    lines.append("  \(names[t] ?? "?") comes in if " + Words.list(shifts.map(\.label), conjunction: "or"))
                }
            }
        }
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
        /// Votes in the latest round, once revealed; nil before (or without a round).
        var votes: Int?
        /// In the top N of the robustness check but out under some one-step weight change.
        var fragileUnder: [String]?
        var breakdown: [Item]
    }

    struct VoteInfo: Encodable {
        var title: String
        var ballots: Int
        var attributed: Bool
        var revealed: Bool
    }

    struct RobustnessInfo: Encodable {
        var n: Int
        var stable: Bool
        var shiftsTried: Int
        var top: [String]
        var entrants: [String: [String]]
    }

    struct Report: Encodable {
        var plan: String
        var organisationSize: String
        var sizeInferred: Bool
        var recommendedPilots: [Int]
        var ranked: [Row]
        var outOfScope: [Row]
        var voteRound: VoteInfo?
        var robustness: RobustnessInfo?
    }

    static func encode(plan: Plan, ranked: [PilotScore], outOfScope: [PilotScore], robustness: Robustness? = nil) throws -> String {
        let byID = Dictionary(plan.teams.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let round = Voting.current(plan)
        let tally = round.flatMap(Voting.visibleTally)
        var fragile: [TeamID: [String]] = [:]
        for (t, shifts) in robustness?.dropsOut ?? [:] { fragile[plan.teams[Int(t)].id] = shifts.map(\.label) }
        func row(_ s: PilotScore, rank: Int?) -> Row? {
            guard let t = byID[s.team] else { return nil }
            return Row(
                rank: rank, team: t.id.raw, name: t.name, area: t.area, status: t.status.rawValue,
                score: s.score, exactScore: s.value, ratedCount: s.ratedCount, weightedCount: s.weightedCount,
                unrated: s.unrated, flags: HardFlag.flags(t, settings: plan.settings).map(\.code),
                outOfScopeReason: t.outOfScopeReason,
                votes: t.status == .outOfScope ? nil : tally.map { $0[t.id] ?? 0 },
                fragileUnder: fragile[t.id] ?? (rank.map { $0 <= (robustness?.n ?? 0) } == true ? [] : nil),
                breakdown: s.items.map { Item(key: $0.key, name: $0.name, weight: $0.weight, value: $0.value, input: $0.input, points: $0.points) })
        }
        let rec = PilotCount.recommend(plan)
        let report = Report(
            plan: plan.name, organisationSize: rec.size.rawValue, sizeInferred: rec.inferred,
            recommendedPilots: [rec.range.lowerBound, rec.range.upperBound],
            ranked: ranked.enumerated().compactMap { row($1, rank: $0 + 1) },
            outOfScope: outOfScope.compactMap { row($0, rank: nil) },
            voteRound: round.map { VoteInfo(title: $0.title, ballots: $0.ballotCount, attributed: $0.attributed, revealed: $0.revealed) },
            robustness: robustness.map { r in
                RobustnessInfo(n: r.n, stable: r.isStable, shiftsTried: r.shiftsTried,
                               top: r.top.map { plan.teams[Int($0)].id.raw },
                               entrants: Dictionary(r.entrants.map { (plan.teams[Int($0.key)].id.raw, $0.value.map(\.label)) },
                                                    uniquingKeysWith: { a, _ in a }))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
