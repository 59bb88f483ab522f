import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// The board on long plans: "not yet planned" in the Pilots ranking's order, `/` to find a team by
/// part of its name, and paging a long column with the selection always on screen.
@Suite("Waves board: order, find and paging")
struct WavesBoardFindStoryTests {
    func unplannedColumn(_ d: AppDriver) -> Int {
        d.state.derived.waves.columns.firstIndex { $0.title == "Not yet planned" }!
    }

    func unplannedNames(_ d: AppDriver) -> [String] {
        d.state.derived.waves.columns[unplannedColumn(d)].teams.map { d.state.plan.teams[Int($0)].name }
    }

    /// Goes to the board's "not yet planned" column.
    func goToUnplanned(_ d: AppDriver) {
        d.keys("6" + String(repeating: "h", count: 12))
        d.keys(String(repeating: "l", count: unplannedColumn(d)))
    }

    /// The text of the selected card on screen (the cells drawn in the selected role).
    func selectedCard(_ d: AppDriver) -> String? {
        let s = d.screen
        for (y, roles) in s.roles.enumerated() where y > 1 {
            let chars = Array(s.lines[y])
            let codes = Array(roles)
            guard chars.count == codes.count, let first = codes.firstIndex(of: "S") else { continue }
            var last = first
            while last + 1 < codes.count && codes[last + 1] == "S" { last += 1 }
            return String(chars[first...last])
        }
        return nil
    }

    /// The same teams, in the order the Pilots view ranks them.
    func pilotsOrder(_ d: AppDriver, of names: [String]) -> [String] {
        d.keys("3")
        let wanted = Set(names)
        let p = d.state.derived.pilots
        return p.order.map { d.state.plan.teams[Int($0)].name }.filter(wanted.contains)
    }

    @Test func notYetPlannedFollowsThePilotsRankingOnTheDemo() {
        let d = AppDriver()
        goToUnplanned(d)
        let names = unplannedNames(d)
        #expect(names.count >= 5)
        #expect(d.screen.contains("6 teams · by score"), "the column says its order")
        // The first card is the best-scored unplanned team, with its score as the Pilots view shows it.
        #expect(selectedCard(d)?.hasPrefix(" \(names[0])") == true)
        #expect(names == pilotsOrder(d, of: names))
    }

    @Test func notYetPlannedFollowsThePilotsRankingOnAGeneratedPlan() {
        let d = AppDriver(plan: PlanGenerator.generate(teams: 400, seed: 11))
        goToUnplanned(d)
        let names = unplannedNames(d)
        #expect(names.count >= 50)
        #expect(names == pilotsOrder(d, of: names))
        // A weight changed in the Pilots view re-orders the board the same way.
        d.keys("+")
        goToUnplanned(d)
        let after = unplannedNames(d)
        #expect(after == pilotsOrder(d, of: after))
        // Planning the best one into the last wave, then the third: the rest still in ranking order.
        goToUnplanned(d)
        d.keys("<lt>")
        goToUnplanned(d)
        d.keys("j<lt>")
        goToUnplanned(d)
        let planned = unplannedNames(d)
        #expect(planned.count == after.count - 2)
        #expect(planned == pilotsOrder(d, of: planned))
    }

    @Test func slashFindsATeamByPartOfItsNameInTheUnplannedColumnAndInAWave() {
        let d = AppDriver()
        d.keys("6")
        d.keys("/")
        d.type("signal")
        #expect(Reducer.selectedWaveTeam(d.state)?.name == "Fraud Signals", "jumps while typing")
        #expect(d.state.derived.waves.columns[d.state.waves.column].title == "Not yet planned")
        #expect(d.screen.contains("1 of 24 teams match"))
        d.keys("<esc>")
        #expect(d.state.waves.column == 0, "Esc while typing goes back to where the search began")
        d.keys("/")
        d.type("broker")
        d.keys("<enter>")
        #expect(Reducer.selectedWaveTeam(d.state)?.name == "Broker Hub")
        #expect(d.state.derived.waves.columns[d.state.waves.column].wave != nil, "found in a wave's column")
        #expect(d.state.toast?.text.contains("1 team found for \"broker\"") == true)
        // A kept search: . and , step through the teams it found, column by column.
        d.keys("/")
        for _ in 0..<6 { d.press(.backspace) }
        d.type("claims")
        d.keys("<enter>")
        let first = Reducer.selectedWaveTeam(d.state)?.name
        #expect(first?.localizedCaseInsensitiveContains("claims") == true)
        d.keys(".")
        let second = Reducer.selectedWaveTeam(d.state)?.name
        #expect(second?.localizedCaseInsensitiveContains("claims") == true)
        #expect(second != first)
        d.keys(",")
        #expect(Reducer.selectedWaveTeam(d.state)?.name == first)
        #expect(d.screen.contains("/claims  4 of 24 teams match"), "the kept search and its count stay on screen")
        // Every card that fits stands out, not only the selected one.
        let s = d.screen
        if let motor = s.line(containing: "Motor Claims") {
            let x = motor.text.distance(from: motor.text.startIndex, to: motor.text.range(of: "Motor Claims")!.lowerBound)
            #expect(Array(s.roles[motor.index])[x] == "x", "Motor Claims is shown as found")
        } else {
            Issue.record("Motor Claims is on the board")
        }
        d.keys("<esc>")
        #expect(!d.screen.contains("teams match"), "Esc clears the kept search")
        if let motor = d.screen.line(containing: "Motor Claims") {
            let x = motor.text.distance(from: motor.text.startIndex, to: motor.text.range(of: "Motor Claims")!.lowerBound)
            #expect(Array(d.screen.roles[motor.index])[x] != "x", "and the found cards no longer stand out")
        }
        #expect(Reducer.selectedWaveTeam(d.state)?.name == first, "and leaves the selection where it is")
        // n is still the next finding.
        d.keys("n")
        #expect(d.state.waves.finding == 0)
    }

    /// The demo with 200 more teams that are in no wave.
    static func longPlan() -> Plan {
        var plan = DemoPlan.make()
        for i in 0..<200 {
            plan.teams.append(Team(id: TeamID(String(format: "t-extra-%03d", i)), name: String(format: "Extra team %03d", i)))
        }
        return plan
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func pagingALongColumnKeepsTheSelectionOnScreen(size: Size) {
        let d = AppDriver(plan: Self.longPlan(), size: size)
        goToUnplanned(d)
        let names = unplannedNames(d)
        #expect(names.count == 206)
        let page = Layout.wavesCardRows(d.state)
        func check(_ row: Int, _ note: String) {
            #expect(d.state.waves.row == row, "\(note)")
            let name = names[row]
            let card = selectedCard(d) ?? ""
            #expect(card.hasPrefix(" " + name.prefix(8)), "\(note): \(name) is on screen, selected (\(card))")
        }
        d.press(.pageDown)
        check(page, "PgDn")
        d.press(.pageDown)
        check(2 * page, "PgDn twice")
        d.keys("<ctrl-u>")
        check(page, "ctrl-u")
        d.press(.end)
        check(205, "End")
        #expect(d.screen.contains("of 206"))
        d.press(.pageDown)
        check(205, "PgDn at the bottom stays")
        d.press(.pageUp)
        check(205 - page, "PgUp")
        d.keys("<ctrl-d>")
        check(205, "ctrl-d")
        d.press(.home)
        check(0, "Home")
        d.keys("G")
        check(205, "G")
        d.keys("g")
        check(0, "g")
    }
}
