import Foundation
import PilotwaveCore
import PilotwaveStorage
import Testing

/// Large files are read while their pages are given back behind the reader. The threshold is
/// lowered here so small files take that path; the results must be those of the normal load.
@Suite("Load that releases pages")
struct ReleasingLoadTests {
    static var releasing: PlanStore {
        var store = PlanStore()
        store.releasingThreshold = 1
        return store
    }

    @Test func validPlansLoadTheSameAndKeepTheirStamp() throws {
        try withTemporaryDirectory { dir in
            for (name, plan) in [("demo", DemoPlan.make()), ("full", Fixtures.fullPlan()),
                                 ("big", PlanGenerator.generate(teams: 3000, seed: 5))] {
                let url = dir.appendingPathComponent("\(name).json")
                try PlanStore().save(plan, to: url, expecting: nil)
                let normal = try PlanStore().load(url)
                let released = try Self.releasing.load(url)
                #expect(released.plan == normal.plan, "\(name)")
                #expect(released.stamp == normal.stamp, "\(name)")
            }
        }
    }

    @Test func badFilesStillGetTheExactMessage() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("plan.json")
            try PlanStore().save(DemoPlan.make(), to: url, expecting: nil)
            let text = try String(contentsOf: url, encoding: .utf8)
            let cases = [
                text.replacingOccurrences(of: "\"stage\" : \"invest\"", with: "\"stage\" : \"investing\""),  // fast path misses
                text.replacingOccurrences(of: "\"coach\" : \"coach-anna-keller\"", with: "\"coach\" : \"coach-nobody\""),  // validation
                String(text.dropLast(40)),  // truncated
            ]
            for bad in cases {
                try Data(bad.utf8).write(to: url)
                var normal = ""
                var released = ""
                do throws(PlanLoadError) { _ = try PlanStore().load(url) } catch { normal = error.message }
                do throws(PlanLoadError) { _ = try Self.releasing.load(url) } catch { released = error.message }
                #expect(!normal.isEmpty)
                #expect(released == normal)
            }
        }
    }
}
