import Foundation
import PilotwaveCore
import PilotwaveUI
import Testing
import TerminalUI
@testable import PilotwaveApp

/// Long random key sequences (resizes and clicks included) through reduce and render never crash,
/// and afterwards the plan is consistent and undo back to the start restores it exactly.
/// Seeded: a failure prints the seed and the shortest failing prefix of the sequence.
@Suite("Random input")
struct RandomInputTests {
    struct RNG: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let keys: [Key] = Key.story("jjjkkgGsSaedyu/nNi12q?:") + [
        .enter, .escape, .tab, .backTab, .up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
        .backspace, .delete, .ctrl("r"), .ctrl("u"), .ctrl("w"), .ctrl("p"), .ctrl("c"), .char("é"), .char("顧"),
        .char("🚀"), .char("3"), .char(" "), .char("x"),
    ] + Key.story("333+-[]pvVmcornDR<>45") + Key.story("444555!rwbnJKRzst<>/lh") + Key.story("666<>HLJKmcAn") + Key.story("777<>oaedsi/ggGy")
        + Key.story("666tWNSsjkhlxcnar6s6t") + Key.story("888w[]jk +nbPdapxMEv8")

    static func actions(seed: UInt64, count: Int) -> [Action] {
        var rng = RNG(state: seed)
        return (0..<count).map { _ in
            switch Int.random(in: 0..<100, using: &rng) {
            case 0..<3:
                return .event(.resize(Size(width: Int.random(in: 20...160, using: &rng), height: Int.random(in: 5...60, using: &rng))))
            case 3..<4: return .click("row:\(Int.random(in: 0..<30, using: &rng))")
            case 4..<5:
                let kinds = ["rank:\(Int.random(in: 0..<30, using: &rng))", "card:\(Int.random(in: 0..<6, using: &rng)):\(Int.random(in: 0..<10, using: &rng))",
                             "cell:\(Int.random(in: 0..<9, using: &rng)):\(Int.random(in: 0..<5, using: &rng))", "note:\(Int.random(in: 0..<12, using: &rng))", "blocker:\(Int.random(in: 0..<8, using: &rng))",
                             "timeline:\(Int.random(in: 0..<4, using: &rng))", "scenario:\(Int.random(in: 0..<3, using: &rng))", "step:\(Int.random(in: 0..<8, using: &rng))"]
                return .click(kinds.randomElement(using: &rng)!)
            case 5..<6: return .scroll(Int.random(in: -5...5, using: &rng))
            case 6..<7: return .event(.paste("Ané 顧客\nq"))
            default: return .event(.key(keys.randomElement(using: &rng)!))
            }
        }
    }

    /// Runs the actions; returns a description of the first broken invariant, or nil.
    static func violation(_ plan: Plan, _ actions: [Action]) -> String? {
        let d = AppDriver(plan: plan, size: Size(width: 100, height: 30))
        for (i, action) in actions.enumerated() {
            d.send(action)
            if d.state.quitting || d.effects.contains(.quit) {
                d.effects.removeAll { $0 == .quit }
                d.state.quitting = false
            }
            _ = Render.frame(d.state)
            let rows = d.state.derived.rows.count
            if rows > 0 && !(0..<rows).contains(d.state.teams.selected) { return "step \(i): selection \(d.state.teams.selected) outside \(rows) rows" }
            let blockerRows = d.state.derived.blockers.rows.count
            if d.state.view == .blockers && blockerRows > 0 && !(0..<blockerRows).contains(d.state.blockers.selected) {
                return "step \(i): blocker selection \(d.state.blockers.selected) outside \(blockerRows) rows"
            }
        }
        let ids = d.state.plan.teams.map(\.id)
        if Set(ids).count != ids.count { return "duplicate team ids" }
        let known = Set(ids)
        for t in d.state.plan.teams where !t.dependsOn.allSatisfy(known.contains) { return "\(t.name) depends on a missing team" }
        for w in d.state.plan.waves where !w.teams.allSatisfy(known.contains) { return "wave \(w.name) holds a missing team" }
        for s in d.state.plan.signals where s.team.map(known.contains) == false { return "signal \(s.id) for a missing team" }
        let blockers = Set(d.state.plan.blockers.map(\.id))
        for w in d.state.plan.waves where !w.entry.blockers.allSatisfy(blockers.contains) { return "wave \(w.name) is gated by a missing blocker" }
        for b in d.state.plan.blockers where !b.surfacedBy.allSatisfy(known.contains) { return "blocker \(b.title) was surfaced by a missing team" }
        for s in d.state.plan.scenarios {
            for w in s.waves where !w.teams.allSatisfy(known.contains) { return "scenario \(s.name) holds a missing team" }
            if !s.assignments.allSatisfy({ known.contains($0.team) }) { return "scenario \(s.name) assigns a coach to a missing team" }
        }
        var undone = d.state.plan
        var history = d.state.history
        while history.undo(&undone) != nil {}
        // The history may have dropped its oldest steps only beyond its budget, never here.
        return undone == plan ? nil : "undo back to the start did not restore the original plan"
    }

    static func check(_ plan: Plan, seed: UInt64, count: Int) {
        let actions = Self.actions(seed: seed, count: count)
        guard let failure = Self.violation(plan, actions) else { return }
        // Shrink: the shortest prefix that still fails.
        var low = 1, high = actions.count
        while low < high {
            let mid = (low + high) / 2
            if Self.violation(plan, Array(actions.prefix(mid))) != nil { high = mid } else { low = mid + 1 }
        }
        Issue.record("seed \(seed): \(failure); shortest failing prefix (\(high) actions): \(actions.prefix(high))")
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func demoSurvivesRandomKeys(seed: UInt64) {
        Self.check(DemoPlan.make(), seed: seed, count: 1500)
    }

    @Test(arguments: [11, 12] as [UInt64])
    func generatedPlanSurvivesRandomKeys(seed: UInt64) {
        Self.check(PlanGenerator.generate(teams: 400, seed: seed), seed: seed, count: 800)
    }
}
