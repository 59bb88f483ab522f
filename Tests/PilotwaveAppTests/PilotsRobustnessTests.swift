import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// The robustness box names every pilot chosen from outside the top N, N is kept in the plan, and
/// a recorded decision carries the verdict.
@Suite("Pilots: robustness of the top N")
struct PilotsRobustnessTests {
    /// The demo with Fraud Signals chosen too: two pilots (🚀 Launchpad, Fraud Signals) rank outside the top 4.
    func twoOutside(_ size: Size) throws -> AppDriver {
        let d = AppDriver(size: size)
        d.keys("3")
        let fraud = try #require(d.state.derived.pilots.order.firstIndex { d.state.plan.teams[Int($0)].name == "Fraud Signals" })
        d.keys("g" + String(repeating: "j", count: fraud) + "p")
        return d
    }

    @Test(arguments: [Size(width: 120, height: 40), Size(width: 100, height: 30)])
    func theBoxNamesEveryPilotOutsideTheTopN(size: Size) throws {
        let d = try twoOutside(size)
        let r = try #require(d.state.derived.pilots.robustness)
        let outside = r.pilotsOutside(d.state.plan, order: d.state.derived.pilots.order).map { d.state.plan.teams[Int($0.team)].name }
        #expect(outside.count == 2)
        let text = boxText(d, title: "Top 4 (< >)")
        for name in outside {
            #expect(text.contains(name + " (#"), "the box names \(name): \(text)")
        }
        #expect(text.hasPrefix("★ Pilots outside the top 4:") || text.contains(" ★ Pilots outside the top 4:"), "\(text)")
    }

    /// The inside of the right-hand box titled `title`, its lines joined with spaces (wrapped names
    /// read whole): on each row, the text between the last two "│" (the box is the rightmost panel).
    func boxText(_ d: AppDriver, title: String) -> String {
        let lines = d.screen.lines
        guard let top = lines.firstIndex(where: { $0.contains(title) }) else { return "" }
        var parts: [String] = []
        for row in lines[(top + 1)...] {
            let trimmed = row.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasSuffix("│") else { break }
            let body = trimmed.dropLast()
            guard let open = body.lastIndex(of: "│") else { break }
            parts.append(body[body.index(after: open)...].trimmingCharacters(in: .whitespaces))
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    @Test func theVerdictNamesBothInWords() throws {
        let d = try twoOutside(Size(width: 120, height: 40))
        let r = try #require(d.state.derived.pilots.robustness)
        let verdict = r.verdict(d.state.plan, order: d.state.derived.pilots.order)
        #expect(verdict.hasSuffix("pilots outside the top 4: Fraud Signals (#6) and 🚀 Launchpad (#7)")
            || verdict.contains("pilots outside the top 4: 🚀 Launchpad"), "\(verdict)")
        #expect(verdict.contains("Fraud Signals (#") && verdict.contains("🚀 Launchpad (#"))
    }

    @Test func nIsKeptInThePlanAsOneUndoableEdit() throws {
        let d = AppDriver()
        d.keys("3")
        #expect(d.state.plan.settings.robustnessTopN == nil)
        #expect(d.state.derived.pilots.robustness?.n == 4, "the recommended pilot count's upper bound")
        d.keys(">")
        #expect(d.state.plan.settings.robustnessTopN == 5)
        #expect(d.state.derived.pilots.robustness?.n == 5)
        #expect(d.screen.contains("Top 5 (< >)"))
        #expect(d.state.toast?.text == "Robustness check: top 4 → top 5 — u to undo")
        d.keys("u")
        #expect(d.state.plan.settings.robustnessTopN == nil)
        #expect(d.state.derived.pilots.robustness?.n == 4)
    }

    @Test func aDecisionAndTheReportUseTheSameN() throws {
        var plan = DemoPlan.make()
        plan.settings.robustnessTopN = 2
        let report = try Report.build(plan, today: DemoPlan.storyWeek)
        let paragraphs = report.sections.flatMap(\.blocks).compactMap { block -> String? in
            if case .paragraph(let p) = block, p.lead == "Robustness" { return p.text }
            return nil
        }
        #expect(paragraphs.first?.contains("the top 2") == true, "\(paragraphs)")
        let notes = SelectionChecks.notes(plan, today: DemoPlan.storyWeek)
        #expect(notes.first?.hasPrefix("Robustness: Top 2 ") == true, "\(notes)")
        #expect(notes.first?.contains("🚀 Launchpad (#") == true)
        #expect(notes.last?.contains("\"Launch the new claims app\"") == true)
    }
}
