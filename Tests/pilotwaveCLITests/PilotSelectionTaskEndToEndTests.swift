import Foundation
import Testing

/// The facilitator's pilot-selection task in the real binary, on 40 teams imported from a
/// spreadsheet: the 26 keys the facilitator's guide shows, then the files are read back.
extension BinaryTests {
@Suite("The pilot-selection task in tmux", .serialized)
struct PilotSelectionTaskEndToEndTests {
    /// 40 teams; ratings vary so the ranking has a clear top 5. One "Sales Broker Hub" among
    /// other "Broker Hub"s, found by part of its name.
    static var csv: String {
        var rows = ["name,area,stage,product,design,engineering,data,familiarity,learning appetite,customer access"]
        let areas = ["Claims", "Policy", "Sales", "Finance", "Platform"]
        let words = ["Intake", "Pricing", "Payments", "Fraud", "Renewals", "Quotes", "Ledger", "Search"]
        for i in 0..<37 {
            rows.append("\(areas[i % 5]) \(words[i / 5]),\(areas[i % 5]),invest,1,1,\(3 + i % 4),\(i % 2),\(1 + (i * 7) % 5),\(1 + (i * 3) % 5),\(1 + (i * 11) % 5)")
        }
        for area in ["Sales", "Policy", "Finance"] { rows.append("\(area) Broker Hub,\(area),explore,1,1,4,0,2,2,2") }
        return rows.joined(separator: "\n") + "\n"
    }

    @Test func twentySixKeysOnFortyImportedTeams() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests (.ci/run installs it)")
        let cli = try CLIRunner()
        defer { cli.remove() }
        let tmux = Tmux(folder: cli.folder)
        try cli.write("teams.csv", Self.csv)
        #expect(try cli.run("new", "plan.json").status == 0)
        #expect(try cli.run("import-teams", "plan.json", "teams.csv").status == 0)
        try tmux.start("\(CLIRunner.binary.path) plan.json")
        try tmux.wait(for: "40 teams")
        try tmux.keys("3", "w")
        try tmux.wait(for: "Weight — Familiarity")
        try tmux.literal("5 3 2 0 0 0")
        try tmux.keys("Enter")
        try tmux.wait(for: "Familiarity weight 3 → 5")
        try tmux.keys("+")
        try tmux.wait(for: "Familiarity weight 5 → 6")
        try tmux.keys("g", "m", "m", "m", "p")
        try tmux.wait(for: "Put the new pilots in a wave?")
        try tmux.keys("Enter")
        try tmux.wait(for: "in Pilots")
        try tmux.keys("m", "m", "P")
        try tmux.wait(for: "Put 2 marked teams in a wave")
        try tmux.keys("n")
        try tmux.wait(for: "in Wave 1")
        try tmux.keys("!")
        try tmux.wait(for: "Capture resistance")
        try tmux.literal("We tried this in 2019 and it failed")
        try tmux.keys("Tab", "Tab")
        try tmux.literal("sales broker")
        try tmux.wait(for: "= Sales Broker Hub")
        try tmux.keys("Enter")
        try tmux.wait(for: "Noted")
        try tmux.keys("4", "l", "l", "l", "r")
        try tmux.wait(for: "Recorded by")
        try tmux.keys("4", "Enter")
        try tmux.wait(for: "Recorded 4/5")
        try tmux.keys("E")
        try tmux.wait(for: "Export report")
        try tmux.keys("Enter")
        try tmux.wait(for: "Exported")
        try tmux.wait("saved HH:MM") { $0.range(of: "saved [0-9]{2}:[0-9]{2}", options: .regularExpression) != nil }
        try tmux.keys("q")
        #expect(try tmux.wait(for: "STTY=").contains("EXIT=0"))

        let plan = try #require(try JSONSerialization.jsonObject(with: try cli.read("plan.json")) as? [String: Any])
        let waves = try #require(plan["waves"] as? [[String: Any]]).sorted { ($0["order"] as? Int ?? 0) < ($1["order"] as? Int ?? 0) }
        #expect(waves.map { ($0["teams"] as? [Any])?.count ?? -1 } == [3, 2], "the top 3 in the pilot wave, the next 2 in wave 1")
        #expect((plan["resistance"] as? [Any])?.count == 1)
        #expect((plan["signals"] as? [Any])?.count == 1)
        let report = String(decoding: try cli.read("product-operating-model-rollout.md"), as: UTF8.self)
        #expect(report.contains("We tried this in 2019 and it failed | Sales Broker Hub"))
        #expect(report.contains("- **Pilots chosen:** 3 —"))
        #expect(report.contains("|   1 | Wave 1 |"))
    }
}
}
