import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// Choosing a pilot with `p` and taking it back must leave every screen counting the same pilots:
/// the status line, the Teams header, the Readiness columns, the Waves board's pilot wave and the
/// Pilots view. The earlier story checked only the Pilots view, which is how a pilot outside the
/// pilot wave went unnoticed.
@Suite("Pilots: one truth across the screens")
struct PilotsOneTruthTests {
    /// What each place says about the number of pilots, read from the screen where it is shown.
    func counts(_ d: AppDriver) -> [String: Int] {
        var counts: [String: Int] = [:]
        let plan = d.state.plan
        counts["PilotCount.pilots"] = PilotCount.pilots(plan).count
        counts["pilot wave members"] = PilotCount.pilotWave(plan)?.teams.count ?? -1
        counts["Pilots view ★"] = d.state.derived.pilots.chosen.count
        func number(after prefix: String, in line: String?) -> Int {
            guard let line, let r = line.range(of: prefix) else { return -1 }
            return Int(line[r.upperBound...].prefix { $0.isNumber }) ?? -1
        }
        func number(before suffix: String, in line: String?) -> Int {
            guard let line, let r = line.range(of: suffix) else { return -1 }
            return Int(String(line[..<r.lowerBound].reversed().prefix { $0.isNumber }.reversed())) ?? -1
        }
        let view = d.state.view
        d.keys("2")
        d.state.toast = nil  // a message takes the status line's room; the count shows without one
        counts["status line"] = number(before: " pilot", in: d.screen.line(containing: " teams · ")?.text)
        counts["Teams header"] = number(after: "pilots ", in: d.screen.line(containing: "recommended")?.text)
        d.keys("4")
        counts["Readiness columns"] = number(after: "the pilot teams (", in: d.screen.line(containing: "Columns:")?.text)
        d.keys("6")
        // The board's pilot-wave column: the team rows under its header and status line.
        let wave = PilotCount.pilotWave(plan)?.name ?? "?"
        let lines = d.screen.lines.map { Array($0) }
        if let header = lines.indices.dropFirst().first(where: { String(lines[$0]).hasPrefix(wave) }),
            let x = String(lines[header]).range(of: wave).map({ String(lines[header]).distance(from: String(lines[header]).startIndex, to: $0.lowerBound) }) {
            counts["Waves board"] = lines[(header + 2)...].prefix { row in
                row.count > x + 1 && !String(row[x..<min(row.count, x + 20)]).trimmingCharacters(in: .whitespaces).isEmpty
            }.count
        } else {
            counts["Waves board"] = -1
        }
        d.send(.event(.key(.char(view == .pilots ? "3" : "1"))))
        return counts
    }

    func expectAgree(_ d: AppDriver, _ expected: Int, _ step: String) {
        let counts = counts(d)
        for (place, n) in counts.sorted(by: { $0.key < $1.key }) {
            #expect(n == expected, "\(step): \(place) says \(n), expected \(expected)")
        }
        #expect(!PlanChecks.run(d.state.plan, today: Day(2026, 3, 9)).contains { $0.code == "pilotWaveMismatch" },
                "\(step): status and pilot wave disagree")
    }

    @Test func choosingAndUnchoosingKeepsEveryCountInStep() throws {
        let d = AppDriver()
        d.keys("3")
        expectAgree(d, 3, "the demo")
        let fraud = try #require(d.state.derived.pilots.order.firstIndex { d.state.plan.teams[Int($0)].name == "Fraud Signals" })
        d.keys("g" + String(repeating: "j", count: fraud) + "p")
        let team = try #require(d.state.plan.teams.first { $0.name == "Fraud Signals" })
        #expect(team.status == .pilot)
        #expect(PilotCount.pilotWave(d.state.plan)?.teams.contains(team.id) == true, "chosen pilots go into the pilot wave")
        expectAgree(d, 4, "after p")
        d.keys("u")
        expectAgree(d, 3, "after undo")
        #expect(d.state.plan.team(team.id)?.status == .candidate)
        d.keys("<ctrl-r>")
        expectAgree(d, 4, "after redo")
        d.keys("p")  // un-choose
        #expect(d.state.plan.team(team.id)?.status == .candidate)
        expectAgree(d, 3, "after un-choosing")
        // A team of a later wave moves into the pilot wave, out of its own.
        let broker = try #require(d.state.derived.pilots.order.firstIndex { d.state.plan.teams[Int($0)].name == "Broker Hub" })
        d.keys("g" + String(repeating: "j", count: broker) + "p")
        expectAgree(d, 4, "after choosing a team of wave 1")
        let id = try #require(d.state.plan.teams.first { $0.name == "Broker Hub" }?.id)
        #expect(d.state.plan.waves.filter { $0.teams.contains(id) }.map(\.order) == [0])
    }
}
