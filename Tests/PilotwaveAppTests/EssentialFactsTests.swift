import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// Every view shows its essential facts at 80×24 (the common projector size), at 99×30 and at
/// 120×40: more room shows more, never different facts. The facts are worked out from the plan's
/// rules, not copied from a screen, so a layout that cuts one off (a box that does not fit, a panel
/// too short for the gate) fails here whatever the goldens say. The Overview's are in OverviewTests.
@Suite("Essential facts")
struct EssentialFactsTests {
    static let sizes = OverviewTests.sizes

    static func screen(_ d: AppDriver) -> String { d.screen.lines.joined(separator: "\n") }

    static func expectAll(_ facts: [String], on d: AppDriver, _ view: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let screen = screen(d)
        for fact in facts {
            #expect(screen.contains(fact), "\(d.state.size.width)×\(d.state.size.height): \(view) does not show \"\(fact)\":\n\(screen)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: sizes)
    func teams(_ size: Size) throws {
        let d = AppDriver(size: size)
        d.keys("2")
        let rec = try #require(d.state.derived.recommendation)
        let facts = ["\(d.state.plan.teams.count) teams", "pilots \(d.state.derived.pilotsChosen) of \(rec.rangeText) recommended"]
        Self.expectAll(facts, on: d, "Teams")
    }

    /// Pilots: chosen against the recommendation, the robustness verdict of the top N (stable, or
    /// who drops out) and every pilot chosen from outside the top N.
    @Test(arguments: sizes)
    func pilots(_ size: Size) throws {
        let d = AppDriver(size: size)
        d.keys("3")
        let p = d.state.derived.pilots
        let rec = try #require(d.state.derived.recommendation)
        let r = try #require(p.robustness)
        var facts = ["Pilots chosen: \(p.chosen.count) of \(rec.rangeText) recommended", "Top \(r.n)", r.isStable ? "stable" : "fragile"]
        if let (t, _) = r.dropsOut.sorted(by: { ($0.value.count, $0.key) > ($1.value.count, $1.key) }).first {
            facts.append("\(d.state.plan.teams[Int(t)].name) drops out")
        }
        let outside = r.pilotsOutside(d.state.plan, order: p.order)
        #expect(!outside.isEmpty, "the demo has a pilot outside the top N")
        for o in outside { facts.append("\(d.state.plan.teams[Int(o.team)].name) is a pilot at #\(o.rank)") }
        Self.expectAll(facts, on: d, "Pilots")
    }

    @Test(arguments: sizes)
    func readiness(_ size: Size) {
        let d = AppDriver(size: size)
        d.keys("4")
        let fact = d.state.derived.readiness.barrier.map { "Barrier: \($0.dimension.name) \($0.signal.rating)/5" } ?? "No barrier"
        Self.expectAll([fact], on: d, "Readiness")
    }

    @Test(arguments: sizes)
    func resistance(_ size: Size) {
        let d = AppDriver(size: size)
        d.keys("5")
        let notes = d.state.plan.resistance
        let open = notes.count { $0.status == .open }
        let overdue = notes.count { ResistanceRules.daysOverdue($0, today: d.state.today) != nil }
        #expect(overdue > 0)
        Self.expectAll(["\(notes.count) notes", "\(open) open", "! \(overdue) follow-up\(overdue == 1 ? "" : "s") overdue"], on: d, "Resistance")
    }

    @Test(arguments: sizes)
    func blockers(_ size: Size) {
        let d = AppDriver(size: size)
        d.keys("7")
        let blockers = d.state.plan.blockers
        let open = blockers.count { $0.status == .open }
        let unowned = blockers.count { $0.status != .resolved && $0.owner == nil }
        #expect(unowned > 0)
        Self.expectAll(["\(open) open", "! \(unowned) unowned"], on: d, "Blockers")
    }

    /// Waves: each wave's name and load on the board, and for each wave selected in turn its
    /// entry gate — met, or how many items are unmet and each of them.
    @Test(arguments: sizes)
    func waves(_ size: Size) throws {
        let d = AppDriver(size: size)
        d.keys("6")
        let plan = d.state.plan
        var board: [String] = []
        for wave in plan.waves {
            board.append(String(wave.name.prefix(12)))
            let cap = try #require(d.state.derived.waves.capacity[wave.id])
            board.append(cap.coaches.isEmpty ? "\(cap.teams) ?c" : "\(cap.teams)/\(cap.capacity)")
        }
        Self.expectAll(board, on: d, "the Waves board")
        var unmetSeen = 0
        for (c, column) in d.state.derived.waves.columns.enumerated() {
            guard let id = column.wave else { continue }
            while d.state.waves.column < c { d.keys("<right>") }
            #expect(d.state.waves.column == c)
            let gate = d.state.derived.waves.gates[id] ?? []
            let unmet = gate.filter { !$0.met }
            unmetSeen += unmet.count
            var facts: [String]
            if gate.isEmpty { facts = ["Entry gate: no criteria set."] }
            else if unmet.isEmpty { facts = ["Entry gate: met"] }
            else { facts = ["Entry gate: \(unmet.count) of \(gate.count) unmet"] + unmet.map { "✗ " + String($0.text.prefix(24)) } }
            Self.expectAll(facts, on: d, "the Waves board with \(column.title) selected")
        }
        #expect(unmetSeen >= 5, "the demo has waves with unmet gate items")
    }

    /// Workshop: the shown workshop's title, the time used of the time planned, and the step on
    /// screen (the running one while it runs).
    @Test(arguments: sizes)
    func workshop(_ size: Size) throws {
        let d = AppDriver(size: size)
        d.keys("8")
        let w = try #require(Reducer.selectedWorkshop(d.state))
        let planned = w.steps.reduce(0) { $0 + $1.minutes + $1.extraMinutes }
        let used = Reducer.usedSeconds(d.state, w, now: d.clock.now)
        let step = w.status == .running ? w.current : d.state.workshop.step
        Self.expectAll([w.title, "Used \(Workshops.clock(used)) of \(planned) minutes", w.steps[step].title.uppercased()],
                       on: d, "the Workshop view")
    }
}
