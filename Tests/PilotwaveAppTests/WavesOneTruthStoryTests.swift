import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// The board, the timeline and the keys say what the wave rules say.
@Suite("Waves: the screens agree with the rules")
struct WavesOneTruthStoryTests {
    func go(_ d: AppDriver, to title: String, team: String) {
        d.keys("6" + String(repeating: "h", count: 8))
        let column = d.state.derived.waves.columns.firstIndex { $0.title.hasPrefix(title) }!
        d.keys(String(repeating: "l", count: column))
        let c = d.state.derived.waves.columns[d.state.waves.column]
        let row = c.teams.firstIndex { d.state.plan.teams[Int($0)].name == team }!
        d.keys("g" + String(repeating: "j", count: row))
    }

    @Test func assigningASeededCoachToTheirOwnWaveWarns() throws {
        let d = AppDriver()
        go(d, to: "Pilots", team: "Quote & Buy")
        let lena = try #require(d.state.plan.coaches.first { $0.name == "Lena Brunner" })
        for _ in 0..<4 where d.state.plan.teams.first(where: { $0.name == "Quote & Buy" })?.coach != lena.id { d.keys("c") }
        #expect(d.state.plan.teams.first { $0.name == "Quote & Buy" }?.coach == lena.id)
        #expect(d.state.toast?.text.contains("! Lena Brunner is seeded, not free until after Pilots") == true)
        #expect(d.screen.contains("Lena Brunner: 1 here, ! not free until after Pilots"))
        #expect(d.state.derived.waves.findings.contains { $0.code == "seededCoachTooEarly" }, "the check agrees")
    }

    @Test func movingAFlaggedTeamIntoThePilotsWaveWarnsAsChoosingItDoes() throws {
        var plan = DemoPlan.make()
        let i = try #require(plan.teams.firstIndex { $0.name == "Broker Hub" })
        plan.teams[i].roles.engineering += 30 - plan.teams[i].size
        let d = AppDriver(plan: plan)
        go(d, to: "Wave 1", team: "Broker Hub")
        d.keys("<")
        #expect(d.state.plan.teams[i].status == .pilot)
        #expect(d.state.toast?.text.contains("! too large: 30 people") == true)
    }

    @Test func aCoachOverCapacityAcrossOverlappingWavesShowsItInEach() throws {
        var plan = DemoPlan.make()
        // The pilots run on into Wave 1, where Marc Dubois already carries teams.
        let p = try #require(plan.waves.firstIndex { $0.name == "Pilots" })
        plan.waves[p].end = Day(2026, 6, 30)
        let d = AppDriver(plan: plan)
        go(d, to: "Pilots", team: "Quote & Buy")
        let marc = try #require(d.state.derived.waves.capacity[plan.waves[p].id]?.coaches.first { $0.name == "Marc Dubois" })
        #expect(marc.others > 0 && marc.isOver)
        #expect(marc.ratio.hasPrefix("5/3 (1 here, 4 in Wave 1"))
        #expect(d.screen.contains("Marc Dubois: ■■■■■ 5/3 (1 here, 4 in Wave 1"))
        #expect(d.screen.contains("active · 3/3 ! over"), "the Pilots column says so too")
        #expect(d.state.derived.waves.findings.contains { $0.code == "coachOverlap" })
    }

    @Test func theTimelineKeepsQuartersReadableAt80Columns() throws {
        var plan = DemoPlan.make()
        let last = try #require(plan.waves.indices.max { plan.waves[$0].order < plan.waves[$1].order })
        plan.waves[last].end = Day(2028, 12, 29)  // twelve quarters
        let d = AppDriver(plan: plan, size: Size(width: 80, height: 24))
        d.keys("6t")
        let axis = try #require(d.screen.line(containing: "Q2'26"))
        #expect(axis.text.contains("Q1'26 Q2'26 Q3'26"), "a space between quarter labels")
        #expect(axis.text.contains("Q1'28") && !axis.text.contains("Q2'28"), "nine quarters at six cells: the rest scrolls")
        #expect(d.screen.contains("(h/l)"))
    }
}
