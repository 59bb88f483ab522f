import Foundation
import PilotwaveCore
import PilotwaveSoak

/// `pilotwave-bench soak`: a long random session (a million steps by default) on the demo or on a
/// generated plan, outside CI. The quick checks run after every step, the full one (the screen
/// against a fresh start's, another view at another size) every `--full-every` steps.
///
///   swift run -c release pilotwave-bench soak [--plan demo|TEAMS] [--steps N] [--seed S] [--full-every K]
///   … soak --plan demo --replay FILE        replays a saved step list (one step a line)
///   … soak --plan demo --seed S --steps N --shrink-crash   shrinks a crash, one child process a try
///
/// A broken invariant is shrunk in-process and printed; a crash prints the seed and step first
/// (then the crash report): run again with `--steps` one past it and `--shrink-crash`.
enum Soak {
    static func main(_ args: [String]) -> Int32 {
        func value(_ name: String) -> String? { args.firstIndex(of: name).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil } }
        let planName = value("--plan") ?? "demo"
        let steps = value("--steps").flatMap { Int($0) } ?? 1_000_000
        let seed = value("--seed").flatMap { UInt64($0) } ?? 1
        let fullEvery = value("--full-every").flatMap { Int($0) } ?? 100
        let plan: Plan
        if planName == "demo" {
            plan = DemoPlan.make()
        } else if let n = Int(planName) {
            plan = PlanGenerator.generate(teams: n, seed: 1)
        } else {
            print("soak: --plan is demo or a number of teams, not \(planName)")
            return 2
        }
        let label = planName == "demo" ? "the demo" : "a generated plan of \(planName) teams"
        if let file = value("--replay") {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return 2 }
            let list = text.split(separator: "\n").compactMap { SoakStep(String($0)) }
            CrashNote.set("soak replay of \(file) on \(label)")
            if let failure = SoakRun.replay(plan, list, fullEvery: 1) {
                print("soak replay: \(failure)")
                return 1
            }
            return 0
        }
        if args.contains("--shrink-crash") { return shrinkCrash(plan: planName, steps: SoakGenerator.steps(seed: seed, count: steps)) }

        print("soak: \(steps) steps on \(label), seed \(seed), full check every \(fullEvery) steps")
        fflush(nil)
        CrashNote.set("soak: seed \(seed) on \(label) (pilotwave-bench soak --plan \(planName) --seed \(seed))")
        var rng = SoakRNG(seed: seed)
        let run = SoakRun(plan: plan)
        let clock = ContinuousClock()
        let started = clock.now
        var keys = 0, replaced = 0, lastReport = started
        for i in 0..<steps {
            CrashNote.at(step: i)
            let step = SoakGenerator.step(&rng, serial: i)
            if case .keys(let story) = step { keys += story.count }
            let revision = run.state.revision
            run.send(step)
            if run.state.revision != revision { replaced += 1 }
            run.render()
            let broken = (i + 1) % fullEvery == 0 ? run.fullViolation(turn: i / fullEvery) : run.quickViolation()
            if let broken {
                print("soak: FAILED at step \(i): \(broken)")
                let prefix = SoakGenerator.steps(seed: seed, count: i + 1)
                let shrunk = SoakRun.shrink(prefix) { SoakRun.replay(plan, $0, fullEvery: 1) != nil }
                print("shrunk to \(shrunk.count) steps (save them to a file and run with --replay):")
                for s in shrunk { print("  \(s)") }
                return 1
            }
            if clock.now - lastReport > .seconds(30) {
                lastReport = clock.now
                print("  \(i + 1) steps, \(Int(Double(i + 1) / seconds(clock.now - started))) steps/s")
                fflush(nil)  // shows as it comes, also into a file
            }
        }
        let elapsed = seconds(clock.now - started)
        let failure = run.planViolation()
        print(String(format: "soak: %d steps (about %d keys; the plan replaced %d times) in %.1f s: %.0f steps/s; %@",
                     steps, keys, replaced, elapsed, Double(steps) / elapsed, failure.map { "FAILED: \($0)" } ?? "no failure"))
        return failure == nil ? 0 : 1
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// Shrinks a sequence that crashes: each try replays in a child process (a crash cannot be
    /// caught in-process) and counts as failing if the child does not exit cleanly.
    static func shrinkCrash(plan: String, steps: [SoakStep]) -> Int32 {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pilotwave-soak-\(getpid()).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        func fails(_ list: [SoakStep]) -> Bool {
            try? list.map(\.description).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            child.arguments = ["soak", "--plan", plan, "--replay", file.path]
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            var env = ProcessInfo.processInfo.environment
            env["SWIFT_BACKTRACE"] = "enable=no"
            child.environment = env
            guard (try? child.run()) != nil else { return false }
            child.waitUntilExit()
            return child.terminationReason != .exit || child.terminationStatus != 0
        }
        guard fails(steps) else {
            print("soak: these \(steps.count) steps do not fail")
            return 0
        }
        let shrunk = SoakRun.shrink(steps, budget: 300, fails: fails)
        print("crash shrunk to \(shrunk.count) steps (save them to a file and run with --replay):")
        for s in shrunk { print("  \(s)") }
        return 1
    }
}
