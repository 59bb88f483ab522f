import Foundation

extension PlanMerge {
    /// A generated plan of `teams` teams and two copies with a few edits each (teams renamed,
    /// moved, coached, deleted; signals, notes and actions added): what the merge benchmark merges.
    public static func benchmarkTriple(teams: Int = 100_000, seed: UInt64 = 7) -> (base: Plan, ours: Plan, theirs: Plan) {
        let base = PlanGenerator.generate(teams: teams, seed: seed)
        var rng = SplitMix64(seed: seed &+ 1)
        return (base, edits(base, &rng, side: "o"), edits(base, &rng, side: "t"))
    }

    private static func edits(_ base: Plan, _ rng: inout SplitMix64, side: String) -> Plan {
        var p = base
        let at = Date(timeIntervalSince1970: 1_780_000_000)
        for n in 0..<8 {
            let team = rng.pick(p.teams)
            var t = team
            let edit: PlanEdit
            switch n % 6 {
            case 0: t.name += " \(side)"; edit = .updateTeam(t)
            case 1: edit = .moveTeam(team.id, toWave: rng.pick(p.waves).id)
            case 2: t.coach = rng.pick(p.coaches).id; edit = .updateTeam(t)
            case 3: edit = .recordSignal(ReadinessSignal(id: SignalID("sig-\(side)-\(n)"), dimension: p.dimensions[0].id,
                                                         team: team.id, rating: 3, recordedAt: at))
            case 4: edit = .addAction(ActionItem(id: ActionID("act-\(side)-\(n)"), text: "Follow up", owner: side, createdAt: at))
            default: edit = .removeTeam(team.id)
            }
            try? edit.apply(to: &p)
        }
        return p
    }
}
