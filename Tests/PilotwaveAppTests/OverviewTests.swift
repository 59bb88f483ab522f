import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// The Overview's essential facts at every size people use, its plan checks as a list one can
/// act on, and the next workshop as of today.
@Suite("Overview")
struct OverviewTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 99, height: 30), Size(width: 120, height: 40)]

    /// What the Overview must show at any of `sizes`, worked out from the plan's own rules rather
    /// than copied from the screen: pilots against the recommendation, the plan checks (count by
    /// severity and the most severe ones), the next workshop and readiness.
    static func essentialFacts(_ state: AppState) -> [String] {
        var facts: [String] = []
        let d = state.derived
        if let rec = d.recommendation { facts.append("Pilots: \(d.pilotsChosen) chosen, \(rec.rangeText) recommended") }
        let findings = d.findings
        for severity in FindingSeverity.allCases {
            let n = findings.filter { $0.severity == severity }.count
            if n > 0 { facts.append("\(n) \(severity.label)") }
        }
        // The top findings: at least the first three, by the start of their message.
        for f in findings.prefix(3) { facts.append(String(f.message.prefix(24))) }
        if let next = OverviewFacts.nextWorkshop(state.plan, today: state.today) { facts.append("Next workshop: \(next.title)") }
        for (dimension, trend) in d.orgReadiness where trend != nil { facts.append(String(dimension.name.prefix(16))) }
        return facts
    }

    @Test(arguments: sizes)
    func everyEssentialFactShows(_ size: Size) {
        let d = AppDriver(size: size)
        d.keys("1")
        let facts = Self.essentialFacts(d.state)
        #expect(facts.count >= 10)
        let screen = d.screen.lines.joined(separator: "\n")
        for fact in facts {
            #expect(screen.contains(fact), "\(size.width)×\(size.height): the Overview does not show \"\(fact)\":\n\(screen)")
        }
    }

    @Test func findingsAreSelectedAndEnterGoesToWhatTheyName() throws {
        let d = AppDriver(size: Size(width: 80, height: 24))
        d.keys("1")
        let findings = d.state.derived.findings
        // A finding about a team: Enter opens Teams with that team selected.
        let plan = d.state.plan
        func firstNamed(_ f: Finding) -> String? {
            f.concerns.first { c in d.state.derived.indexByID[TeamID(c)] != nil || plan.waves.contains { $0.id.raw == c } || plan.blockers.contains { $0.id.raw == c } }
        }
        let teamFinding = try #require(findings.firstIndex { f in firstNamed(f).map { d.state.derived.indexByID[TeamID($0)] != nil } ?? false })
        d.keys("g" + String(repeating: "j", count: teamFinding))
        #expect(d.state.overviewFinding == teamFinding)
        let team = try #require(findings[teamFinding].concerns.lazy.compactMap { d.state.derived.indexByID[TeamID($0)] }.first)
        d.keys("<enter>")
        #expect(d.state.view == .teams)
        #expect(d.state.derived.teamIndex(row: d.state.teams.selected) == team)
        // Back, G selects the last; n also goes.
        d.keys("1G")
        #expect(d.state.overviewFinding == findings.count - 1)
        d.keys("gn")
        #expect(d.state.view != .overview, "n goes to what the first check names")
    }

    @Test func theJumpIsACommandInThePaletteAndHelp() {
        let jump = CommandRegistry.command("overview.jump")
        #expect(jump?.keys.contains(Key(spec: "enter")!) == true && jump?.keys.contains(Key(spec: "n")!) == true)
        #expect(jump?.inPalette == true)
        #expect(CommandRegistry.command("overview.first")?.keys.contains(Key(spec: "g")!) == true)
    }

    @Test func aPlannedWorkshopInThePastIsOverdueNotNext() {
        var plan = DemoPlan.make()
        plan.workshops.append(Workshop(id: "workshop-late", title: "Retro on wave 0", date: Day(2026, 3, 6)))
        let d = AppDriver(plan: plan, size: Size(width: 80, height: 24))
        d.keys("1")
        #expect(OverviewFacts.nextWorkshop(d.state.plan, today: d.state.today)?.title == "Readiness check-in")
        let screen = d.screen.lines.joined(separator: "\n")
        #expect(screen.contains("Next workshop: Readiness check-in · 2026-03-16"))
        #expect(screen.contains("! Retro on wave 0: overdue — planned for 2026-03-06"), "\(screen)")
        #expect(!screen.contains("Next workshop: Retro"))
    }
}
