// pilotwave-bench: the interactive program's speed on generated plans, measured in-process with
// the real reducer, renderer and ncurses backend (headless, so it runs without a terminal).
//
//   swift run -c release pilotwave-bench [--teams 1000,10000,100000] [--keys 400] [--size 120x40]
//   swift run -c release pilotwave-bench soak [--plan demo|2000] [--steps 1000000]   (Soak.swift)
//   swift run -c release pilotwave-bench room [--teams 10000,100000] [--participants 30]   (Room.swift)
//   swift run -c release pilotwave-bench merge [--teams 100000]   (Merge.swift)
//
// For each plan size: time to first frame (load the file + first reduce + render + present), per-key
// time for reduce + render + present (median, p99, max) for moving the selection, paging, sorting,
// filtering by typing and opening the form, bytes written per selection move, and peak RSS.
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PilotwaveApp
import PilotwaveCore
import PilotwaveStorage
import PilotwaveUI
import TerminalCurses
import TerminalUI

struct Stats {
    var samples: [Double]  // milliseconds

    func percentile(_ p: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    var line: String {
        String(format: "median %7.3f ms  p99 %7.3f ms  max %7.3f ms  (n=%d)", percentile(0.5), percentile(0.99),
               samples.max() ?? 0, samples.count)
    }
}

func ms(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func currentRSSMegabytes() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
        let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

// Child mode: write a generated plan and exit, so the measuring process never holds the
// generator's memory (its peak RSS is then the program's own: load, state, frames).
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "--write-plan", let n = Int(CommandLine.arguments[2]) {
    let plan = PlanGenerator.generate(teams: n, seed: 1)
    try PlanStore().save(plan, to: URL(fileURLWithPath: CommandLine.arguments[3]), expecting: nil)
    exit(0)
}

// `room`: participants of `pilotwave join` submitting at once (Room.swift).
if CommandLine.arguments.count >= 2, CommandLine.arguments[1] == "room" {
    exit(RoomBench.main(Array(CommandLine.arguments.dropFirst(2))))
}

// `merge`: three-way merges of generated plans (Merge.swift).
if CommandLine.arguments.count >= 2, CommandLine.arguments[1] == "merge" {
    exit(MergeBench.main(Array(CommandLine.arguments.dropFirst(2))))
}

// `soak`: a long random session with the invariants checked (Soak.swift).
if CommandLine.arguments.count >= 2, CommandLine.arguments[1] == "soak" {
    exit(Soak.main(Array(CommandLine.arguments.dropFirst(2))))
}

var teamCounts = [1_000, 10_000, 100_000]
var only: String?
var showPhases = false
var keyCount = 400
var size = Size(width: 120, height: 40)
var args = CommandLine.arguments.dropFirst().makeIterator()
while let arg = args.next() {
    switch arg {
    case "--teams": teamCounts = (args.next() ?? "").split(separator: ",").compactMap { Int($0) }
    case "--keys": keyCount = Int(args.next() ?? "") ?? keyCount
    case "--only": only = args.next()
    case "--phases": showPhases = true
    case "--size":
        let parts = (args.next() ?? "").split(separator: "x").compactMap { Int($0) }
        if parts.count == 2 { size = Size(width: parts[0], height: parts[1]) }
    case "-h", "--help":
        print("usage: pilotwave-bench [--teams 1000,10000,100000] [--keys N] [--size WxH] [--only NAME] [--phases]")
        exit(0)
    default:
        FileHandle.standardError.write(Data("pilotwave-bench: unknown argument \(arg)\n".utf8))
        exit(2)
    }
}

let clock = ContinuousClock()
let env = Environment(now: { Date() }, newID: { prefix in
    var ids = RandomIDs(SystemRandomNumberGenerator())
    return ids.next(prefix)
})
let options = Render.Options(keymap: .standard, unicode: true, timeZone: TimeZone(identifier: "UTC")!)
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pilotwave-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

#if DEBUG
let buildKind = "DEBUG build: figures are not representative; use -c release"
#else
let buildKind = "release build"
#endif
print("pilotwave-bench: \(size.width)×\(size.height), \(keyCount) presses per key kind, \(buildKind)")

for count in teamCounts {
    // Write the plan file once (not timed), then measure from the file as the program does.
    let url = folder.appendingPathComponent("plan-\(count).json")
    do {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        child.arguments = ["--write-plan", String(count), url.path]
        try child.run()
        child.waitUntilExit()
        guard child.terminationStatus == 0 else {
            FileHandle.standardError.write(Data("pilotwave-bench: could not write the \(count)-team plan\n".utf8))
            exit(1)
        }
    }
    let fileSize = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    let terminal = try CursesTerminal.headless(size: size, theme: .standard)
    var state: AppState!
    var frame: Frame!
    let rssBefore = currentRSSMegabytes()

    let t0 = clock.now
    let loaded = try PlanStore().load(url)
    let t1 = clock.now
    state = AppState(plan: loaded.plan, file: url.path, size: size)
    _ = Reducer.reduce(&state, .event(.resize(size)), env)
    let t2 = clock.now
    frame = Render.frame(state, options)
    terminal.present(frame)
    let t3 = clock.now
    let first = t3 - t0, loadTime = t1 - t0, stateTime = t2 - t1, renderTime = t3 - t2
    _ = terminal.drainOutput()
    print("")
    print("\(count) teams (\(String(format: "%.1f", Double(fileSize) / 1e6)) MB file):")
    print(String(format: "  first frame        %8.1f ms  (load %.1f, state %.1f, render+present %.1f)",
                 ms(first), ms(loadTime), ms(stateTime), ms(renderTime)))

    var phases: [[Double]] = [[], [], []]
    func press(_ keys: [Key]) -> Double {
        let start = clock.now
        for key in keys { _ = Reducer.reduce(&state, .event(.key(key)), env) }
        let reduced = clock.now
        frame = Render.frame(state, options)
        let rendered = clock.now
        terminal.present(frame)
        let end = clock.now
        phases[0].append(ms(reduced - start))
        phases[1].append(ms(rendered - reduced))
        phases[2].append(ms(end - rendered))
        return ms(end - start)
    }

    func run(_ name: String, _ n: Int, _ step: (Int) -> [Key]) {
        if let only, !name.hasPrefix(only) { return }
        var samples: [Double] = []
        phases = [[], [], []]
        for i in 0..<n { samples.append(press(step(i))) }
        print("  \(name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(Stats(samples: samples).line)")
        if showPhases {
            func median(_ x: [Double]) -> Double { x.sorted()[x.count / 2] }
            print(String(format: "    medians: reduce %.3f  render %.3f  present %.3f ms",
                         median(phases[0]), median(phases[1]), median(phases[2])))
        }
    }

    // Moving: down through the table, then back up; bytes measured separately.
    run("move (j/k)", keyCount) { i in [(i / 50) % 2 == 0 ? .char("j") : .char("k")] }
    var bytes: [Int] = []
    for i in 0..<100 {
        _ = terminal.drainOutput()
        _ = press([(i / 25) % 2 == 0 ? .char("j") : .char("k")])
        bytes.append(terminal.drainOutput().count)
    }
    let sortedBytes = bytes.sorted()
    print("  bytes per move     median \(sortedBytes[sortedBytes.count / 2])  max \(sortedBytes.last!)")
    // Holding j: past the first screen every press scrolls the table by a row.
    _ = press([.home])
    run("scroll (j held)", keyCount) { _ in [.char("j")] }
    run("page (PgDn/PgUp)", keyCount) { i in [(i / 20) % 2 == 0 ? .pageDown : .pageUp] }
    run("sort (s)", max(12, keyCount / 20)) { _ in [.char("s")] }
    _ = Reducer.reduce(&state, .command("teams.sort"), env)  // cycle back toward score
    while state.teams.sort != .score { _ = Reducer.reduce(&state, .command("teams.sort"), env) }
    let word = Array("team 12")
    run("filter (typing)", max(14, keyCount / 20)) { i in
        let k = i % (word.count * 2)
        if k == 0 { return [.escape, .char("/")] }
        return k <= word.count ? [.char(word[k - 1])] : [.backspace]
    }
    _ = press([.escape, .escape])
    var openSamples: [Double] = [], closeSamples: [Double] = []
    for i in 0..<(keyCount / 2) {
        openSamples.append(press([.enter]))
        closeSamples.append(press([.escape]))
        _ = press([i % 2 == 0 ? .char("j") : .char("k")])
    }
    print("  open form (Enter)  \(Stats(samples: openSamples).line)")
    print("  close form (Esc)   \(Stats(samples: closeSamples).line)")
    // Put in a wave: P opens the picker (the waves, their dates and capacity), a digit puts the
    // selected team in that wave (one edit), alternating waves 1 and 2.
    if only == nil || "put in a wave".hasPrefix(only!) {
        var pickOpen: [Double] = [], pickPut: [Double] = []
        for i in 0..<max(10, keyCount / 20) {
            pickOpen.append(press([.char("P")]))
            pickPut.append(press([.char(i % 2 == 0 ? "1" : "2")]))
        }
        print("  put: open (P)      \(Stats(samples: pickOpen).line)")
        print("  put: in wave (1/2) \(Stats(samples: pickPut).line)")
    }
    // A team named in a form: each typed character resolves the name (the "= Team" echo).
    if only == nil || "team name typed".hasPrefix(only!) {
        _ = press([.char("!")])
        _ = press([.tab])
        _ = press([.tab])
        var typed: [Double] = []
        for ch in "team 12 xyz" { typed.append(press([.char(ch)])) }
        _ = press([.escape])
        print("  team name typed    \(Stats(samples: typed).line)")
    }
    // The Pilots view: moving, then a weight change (re-rank, robustness of the top N, redraw).
    _ = press([.char("3")])
    run("pilots: move", keyCount) { i in [(i / 50) % 2 == 0 ? .char("j") : .char("k")] }
    run("pilots: weight +/-", max(20, keyCount / 10)) { i in [i % 2 == 0 ? .char("+") : .char("-")] }
    // Readiness: moving over the matrix, then recording a rating (re-reads the history of the plan).
    _ = press([.char("4")])
    run("readiness: move", keyCount) { i in [(i / 4) % 2 == 0 ? .char("j") : .char("k")] }
    run("readiness: record", max(20, keyCount / 10)) { i in [.char("r"), .char(Character(String(1 + i % 5))), .enter] }
    _ = press([.char("5")])
    run("resistance: move", keyCount) { i in [(i / 50) % 2 == 0 ? .char("j") : .char("k")] }
    // Waves: a team moved a wave later and back (an edit each; the wave checks re-run).
    _ = press([.char("6"), .char("l")])
    run("waves: move team", max(20, keyCount / 10)) { i in [i % 2 == 0 ? .char(">") : .char("<")] }
    print("    (\(state.plan.waves.count) waves)")
    run("waves: move (j/k)", keyCount) { i in [(i / 50) % 2 == 0 ? .char("j") : .char("k")] }
    // The "not yet planned" column: moving and paging down it, then back to its top.
    if let c = state.derived.waves.columns.firstIndex(where: { $0.wave == nil }) {
        state.waves.column = c
        run("waves: unplanned j", keyCount) { _ in [.char("j")] }
        run("waves: unplanned PgDn", keyCount) { i in [(i / 20) % 2 == 0 ? .pageDown : .pageUp] }
        print("    (\(state.derived.waves.columns[c].teams.count) teams not yet planned)")
        _ = press([.char("g")])
        // Planning the top team into the last wave and back (its status changes: the teams change).
        run("waves: plan/unplan", max(20, keyCount / 10)) { i in [i % 2 == 0 ? .char("<") : .char(">")] }
    }
    // Blockers: moving, regrouping, then a blocker resolved and stepped back (an edit each; the gates re-read).
    _ = press([.char("7")])
    run("blockers: move", keyCount) { i in [(i / 4) % 2 == 0 ? .char("j") : .char("k")] }
    run("blockers: group (s)", max(12, keyCount / 20)) { _ in [.char("s")] }
    while state.blockers.grouping != .status { _ = press([.char("s")]) }
    if let row = state.derived.blockers.rows.firstIndex(where: { state.plan.blockers[$0].owner != nil && state.plan.blockers[$0].status == .inProgress }) {
        state.blockers.selected = row
        _ = press([.char("i"), .char("i")])
        run("blockers: status", max(20, keyCount / 10)) { i in [i % 2 == 0 ? .char(">") : .char("<")] }
    }
    print("    (\(state.plan.blockers.count) blockers)")
    _ = press([.char("2")])
    print(String(format: "  memory             peak RSS %.0f MB (this size's plan and state: +%.0f MB)",
                 peakRSSMegabytes(), currentRSSMegabytes() - rssBefore))
    state = nil
    frame = nil
}
