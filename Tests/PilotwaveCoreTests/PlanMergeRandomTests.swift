import Foundation
import Testing
@testable import PilotwaveCore

@Suite("Merging random edits")
struct PlanMergeRandomTests {
    /// A random edit on `plan`: rename, move, change coach, add a signal, note or action, delete a team.
    static func randomEdit(_ plan: Plan, _ rng: inout SplitMix64, side: String, n: Int) -> PlanEdit {
        let team = rng.pick(plan.teams)
        switch rng.below(7) {
        case 0:
            var t = team; t.name = "\(team.name) \(side)\(n)"
            return .updateTeam(t)
        case 1: return .moveTeam(team.id, toWave: rng.pick(plan.waves).id)
        case 2:
            var t = team; t.coach = rng.pick(plan.coaches).id
            return .updateTeam(t)
        case 3:
            return .recordSignal(ReadinessSignal(id: SignalID("sig-\(side)-\(n)"), dimension: "feltPain", team: team.id,
                                                 rating: rng.int(in: 1...5), recordedAt: MergeFixture.when))
        case 4:
            return .addNote(ResistanceNote(id: NoteID("note-\(side)-\(n)"), team: team.id, words: "words \(n)",
                                           kind: .noTime, recordedAt: MergeFixture.when))
        case 5: return .addAction(ActionItem(id: ActionID("act-\(side)-\(n)"), text: "do \(n)", owner: side, createdAt: MergeFixture.when))
        default: return .removeTeam(team.id)
        }
    }

    static func randomSide(_ base: Plan, _ rng: inout SplitMix64, side: String) -> Plan {
        var p = base
        for n in 0..<rng.int(in: 1...6) { try? randomEdit(p, &rng, side: side, n: n).apply(to: &p) }
        return p
    }

    @Test(arguments: 0..<60)
    func mergesWithoutDanglingKeepingOneSidedEditsAndConflictingExactlyWhereBothChanged(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let base = DemoPlan.make()
        let ours = Self.randomSide(base, &rng, side: "o")
        let theirs = Self.randomSide(base, &rng, side: "t")
        let r = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(MergeFixture.problems(r.plan) == [], "seed \(seed)")

        let conflictIDs = Set(r.conflicts.map(\.id))
        let baseTeams = Dictionary(uniqueKeysWithValues: base.teams.map { ($0.id, $0) })
        let oursTeams = Dictionary(uniqueKeysWithValues: ours.teams.map { ($0.id, $0) })
        let theirsTeams = Dictionary(uniqueKeysWithValues: theirs.teams.map { ($0.id, $0) })
        for (id, b) in baseTeams {
            let o = oursTeams[id], t = theirsTeams[id]
            let merged = r.plan.team(id)
            switch (o, t) {
            case (nil, nil): #expect(merged == nil)
            case (nil, let t?): #expect(merged == nil); #expect(conflictIDs.contains("teams/\(id)") == (t != b), "seed \(seed)")
            case (let o?, nil): #expect(conflictIDs.contains("teams/\(id)") == (o != b), "seed \(seed)")
            case (let o?, let t?):
                for (field, get) in [("name", { (x: Team) in x.name }), ("coach", { $0.coach?.raw ?? "" })] {
                    let (bv, ov, tv) = (get(b), get(o), get(t))
                    let both = ov != bv && tv != bv && ov != tv
                    #expect(conflictIDs.contains("teams/\(id)/\(field)") == both, "seed \(seed) \(id) \(field)")
                    if both { #expect(merged.map(get) == ov) }
                    else if ov != bv { #expect(merged.map(get) == ov, "seed \(seed)") }
                    else if tv != bv, r.plan.team(id)?.coach != nil || field == "name" { #expect(merged.map(get) == tv, "seed \(seed)") }
                }
            }
        }
        // Additions made on one side (signals, notes, actions) survive unless their team is gone.
        for added in (ours.signals + theirs.signals) where !base.signals.contains(where: { $0.id == added.id }) {
            let kept = r.plan.signals.contains { $0.id == added.id }
            #expect(kept == (added.team.map { r.plan.team($0) != nil } ?? true), "seed \(seed)")
            if !kept { #expect(conflictIDs.contains("signals/\(added.id)"), "seed \(seed)") }
        }
        for added in (ours.actions + theirs.actions) where !base.actions.contains(where: { $0.id == added.id }) {
            #expect(r.plan.action(added.id) != nil, "seed \(seed)")
        }
        // Both moved a team to different waves: one conflict, the team stays in ours' wave.
        for t in r.plan.teams {
            let ow = ours.waves.first { $0.teams.contains(t.id) }?.id
            let tw = theirs.waves.first { $0.teams.contains(t.id) }?.id
            let bw = base.waves.first { $0.teams.contains(t.id) }?.id
            if ow != bw, tw != bw, ow != tw, ow != nil, tw != nil {
                #expect(conflictIDs.contains("teams/\(t.id)/wave"), "seed \(seed)")
                #expect(r.plan.waves.first { $0.teams.contains(t.id) }?.id == ow, "seed \(seed)")
            }
        }
    }

    /// For the benchmark: three 100k-team plans with a few edits on each side.
    static func largeTriple() -> (base: Plan, ours: Plan, theirs: Plan) {
        let base = PlanGenerator.generate(teams: 100_000, seed: 7)
        var rng = SplitMix64(seed: 11)
        return (base, randomSide(base, &rng, side: "o"), randomSide(base, &rng, side: "t"))
    }
}
