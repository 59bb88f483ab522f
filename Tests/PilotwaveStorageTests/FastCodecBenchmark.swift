import Foundation
import PilotwaveCore
import PilotwaveStorage
import Testing

/// Fast codec against Foundation on generated plans, printed; opt-in like the large-plan timings
/// (`PILOTWAVE_BENCH=1 swift test -c release --disable-xctest --filter FastCodecBenchmark`).
@Suite("Fast codec benchmark")
struct FastCodecBenchmark {
    /// The best of `runs` timings of `body`, in milliseconds.
    static func best(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let elapsed = try ContinuousClock().measure(body)
            let ms = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
            best = min(best, ms)
        }
        return best
    }

    @Test(.enabled(if: LargePlanTests.benchEnabled, "set PILOTWAVE_BENCH=1 to run"), arguments: [10_000, 100_000])
    func encodeAndDecode(teams: Int) throws {
        let plan = PlanGenerator.generate(teams: teams, seed: 1)
        let runs = teams > 10_000 ? 3 : 5
        let bytes = try PlanCodec.encodeWithFoundation(plan)
        #expect(PlanCodec.encodeFast(plan) == bytes)
        let foundationEncode = try Self.best(runs) { _ = try PlanCodec.encodeWithFoundation(plan) }
        let fastEncode = Self.best(runs) { _ = PlanCodec.encodeFast(plan) }
        let foundationDecode = try Self.best(runs) { _ = try PlanCodec.decodeWithFoundation(bytes, file: "p") }
        let fastDecode = Self.best(runs) { _ = PlanCodec.decodeFast(bytes) }
        let load = try Self.best(runs) { _ = try PlanCodec.decode(bytes, file: "p") }
        func f(_ ms: Double) -> String { String(format: "%8.1f ms", ms) }
        print("""
            fast codec, \(teams) teams, \(bytes.count / 1_000) kB:
              encode  Foundation \(f(foundationEncode))   fast \(f(fastEncode))   ×\(String(format: "%.1f", foundationEncode / fastEncode))
              decode  Foundation \(f(foundationDecode))   fast \(f(fastDecode))   (decode + validate \(f(load)); Foundation figure includes validation)
            """)
    }
}
