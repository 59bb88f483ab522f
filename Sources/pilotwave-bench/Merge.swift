import Foundation
import PilotwaveCore
import PilotwaveStorage

/// `pilotwave-bench merge [--teams 100000]`: a three-way merge of generated plans as
/// `pilotwave merge` (the git merge driver) does it, in process: each side with a few hundred
/// edits of its own (renames, moves between waves, coaches, notes, signals), once with no two
/// sides touching the same thing and once with conflicts. `--write DIR` writes the three files
/// instead, to time the whole command.
enum MergeBench {
    static func main(_ args: [String]) -> Int32 {
        var teamCounts = [100_000]
        var folder: String?
        var it = args.makeIterator()
        while let arg = it.next() {
            switch arg {
            case "--teams": teamCounts = (it.next() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--write": folder = it.next()
            default:
                FileHandle.standardError.write(Data("pilotwave-bench merge: unknown argument \(arg)\n".utf8))
                return 2
            }
        }
        if let folder {
            // The three files, to time the whole command: pilotwave merge base.json ours.json theirs.json
            let base = PlanGenerator.generate(teams: teamCounts[0], seed: 7)
            let (ours, theirs) = sides(base, conflicting: false)
            for (name, plan) in [("base", base), ("ours", ours), ("theirs", theirs)] {
                do {
                    _ = try PlanStore().save(plan, to: URL(fileURLWithPath: folder).appendingPathComponent("\(name).json"), expecting: nil)
                } catch {
                    FileHandle.standardError.write(Data("pilotwave-bench merge: \(error)\n".utf8))
                    return 1
                }
            }
            print("wrote base.json, ours.json and theirs.json (\(teamCounts[0]) teams) in \(folder)")
            return 0
        }
        let clock = ContinuousClock()
        print("pilotwave-bench merge: three plans, each side ~300 edits; median of 3 runs")
        for count in teamCounts {
            let base = PlanGenerator.generate(teams: count, seed: 7)
            for conflicting in [false, true] {
                let (ours, theirs) = sides(base, conflicting: conflicting)
                var samples: [Double] = []
                var result: PlanMerge.Result?
                for _ in 0..<3 {
                    let t = clock.now
                    result = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
                    samples.append(ms(clock.now - t))
                }
                let stats = Stats(samples: samples)
                print(String(format: "  %6d teams, %@  median %7.1f ms  max %7.1f ms  (%d conflicts)", count,
                             conflicting ? "with conflicts   " : "no shared changes", stats.percentile(0.5),
                             samples.max() ?? 0, result?.conflicts.count ?? -1))
            }
        }
        return 0
    }

    /// Two descendants of `base`: disjoint edits, or (`conflicting`) some on the same teams.
    static func sides(_ base: Plan, conflicting: Bool) -> (Plan, Plan) {
        var ours = base, theirs = base
        let n = base.teams.count
        let waves = base.waves.map(\.id)
        let coaches = base.coaches.map(\.id)
        let at = Date(timeIntervalSince1970: 1_773_046_800)
        for i in 0..<100 {
            let a = (i * 7919) % n, b = (i * 104_729 + 13) % n
            let c = conflicting && i % 10 == 0 ? a : b
            var team = ours.teams[a]
            team.name += " (ours)"
            try? PlanEdit.updateTeam(team).apply(to: &ours)
            var other = theirs.teams[c]
            other.name += " (theirs)"
            try? PlanEdit.updateTeam(other).apply(to: &theirs)
            if !waves.isEmpty {
                try? PlanEdit.moveTeam(base.teams[(a + 1) % n].id, toWave: waves[i % waves.count]).apply(to: &ours)
            }
            if !coaches.isEmpty {
                var t = theirs.teams[(b + 1) % n]
                t.coach = coaches[i % coaches.count]
                try? PlanEdit.updateTeam(t).apply(to: &theirs)
            }
            try? PlanEdit.addNote(ResistanceNote(id: NoteID("note-ours-\(i)"), team: base.teams[a].id, words: "ours \(i)",
                                                 kind: .noTime, recordedAt: at)).apply(to: &ours)
            try? PlanEdit.recordSignal(ReadinessSignal(id: SignalID("sig-theirs-\(i)"), dimension: ReadinessDimension.feltPain,
                                                       team: base.teams[b].id, rating: 3, recordedAt: at)).apply(to: &theirs)
        }
        return (ours, theirs)
    }
}
