import Foundation
import PilotwaveCore
import PilotwaveSoak
import Testing
import TerminalUI
@testable import PilotwaveApp

/// Random sessions weighted towards what replaces the plan under the views — adding, duplicating
/// and deleting teams, notes, blockers, waves; undo, redo, reloads, adopted scenarios — mixed with
/// view switches, overlays and resizes down to tiny. After every step: selections inside what
/// their view shows, the screen equal to a fresh start's on the same plan (no stale cache), and
/// every view drawn at two sizes. Seeded: a failure prints the seed and a shrunk sequence; a
/// crash prints the seed and the step before the crash report (replay it with the soak:
/// `swift run -c release pilotwave-bench soak --seed N --plan demo`). The long run is the soak,
/// outside CI (docs/performance.md).
@Suite("Random input")
struct RandomInputTests {
    static func check(_ plan: Plan, name: String, seed: UInt64, count: Int, fullEvery: Int = 1) {
        let steps = SoakGenerator.steps(seed: seed, count: count)
        CrashNote.set("random input: seed \(seed) on \(name), \(count) steps")
        defer { CrashNote.clear() }
        guard let failure = SoakRun.replay(plan, steps, fullEvery: fullEvery) else { return }
        let shrunk = SoakRun.shrink(Array(steps.prefix(failure.step + 1))) { SoakRun.replay(plan, $0, fullEvery: 1) != nil }
        let again = SoakRun.replay(plan, shrunk) ?? failure
        let listing = shrunk.map(\.description).joined(separator: "\n")
        Issue.record("seed \(seed) on \(name): \(failure); shrunk to \(shrunk.count) steps, failing with \"\(again.message)\":\n\(listing)")
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func demoSurvivesRandomSessions(seed: UInt64) {
        Self.check(DemoPlan.make(), name: "the demo", seed: seed, count: 250)
    }

    @Test(arguments: [11] as [UInt64])
    func generatedPlanSurvivesRandomSessions(seed: UInt64) {
        Self.check(PlanGenerator.generate(teams: 300, seed: seed), name: "a generated plan of 300 teams", seed: seed, count: 120, fullEvery: 4)
    }

    /// The sessions reach what they are meant to: plans replaced under every view.
    /// The demo sessions above replace the plan under every view.
    @Test func sessionsReplaceThePlanUnderEveryView() {
        var under = Set<ViewID>()
        for seed in 1...4 as ClosedRange<UInt64> {
            let run = SoakRun(plan: DemoPlan.make())
            for step in SoakGenerator.steps(seed: seed, count: 250) { run.send(step) }
            under.formUnion(run.replacedUnder)
        }
        #expect(under.count == ViewID.allCases.count, "plan replaced only under \(under.map(\.title).sorted())")
    }

    /// A printed step list reads back as the same steps, so a shrunk failure can be replayed.
    @Test func stepsHaveATextFormThatReadsBack() {
        for step in SoakGenerator.steps(seed: 3, count: 300) {
            #expect(SoakStep(step.description) == step, "\(step)")
        }
    }
}
