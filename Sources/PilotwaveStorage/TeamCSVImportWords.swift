import PilotwaveCore

/// A team's fields in words, as the import's messages and change lists show them.
enum TeamFieldWords {
    /// The fields that differ between `old` and `new`, in the sheet's column order.
    static func changes(from old: Team, to new: Team, criteria: [Criterion]) -> [TeamSheetUpdate.FieldChange] {
        var changes: [TeamSheetUpdate.FieldChange] = []
        func note(_ field: String, _ a: String, _ b: String) {
            if a != b { changes.append(TeamSheetUpdate.FieldChange(field: field, old: a, new: b)) }
        }
        note("name", text(old.name), text(new.name))
        note("area", text(old.area), text(new.area))
        note("stage", old.stage.label, new.stage.label)
        for role in Roles.fields {
            note(role.name, String(old.roles[keyPath: role.keyPath]), String(new.roles[keyPath: role.keyPath]))
        }
        for criterion in criteria where criterion.source == .rated {
            note(criterion.name.lowercased(), rating(old.ratings[criterion.id]), rating(new.ratings[criterion.id]))
        }
        note("tags", old.tags.isEmpty ? "none" : old.tags.joined(separator: "; "),
             new.tags.isEmpty ? "none" : new.tags.joined(separator: "; "))
        note("notes", text(old.notes), text(new.notes))
        note("status", old.status.label, new.status.label)
        note("reason", text(old.outOfScopeReason ?? ""), text(new.outOfScopeReason ?? ""))
        return changes
    }

    /// A text field as shown in a change: quoted and shortened, `empty` when there is nothing.
    static func text(_ value: String) -> String {
        value.isEmpty ? "empty" : Words.quote(value.replacingNewlines(), max: 40)
    }

    static func rating(_ value: Int?) -> String { value.map(String.init) ?? "unrated" }

    /// What in `plan` refers to `team`, in words (`is a pilot in wave "Pilots"`, `has 3 readiness
    /// ratings`); empty when the team can go without losing anything but itself.
    static func history(of team: Team, in plan: Plan) -> [String] {
        var history: [String] = []
        if let wave = plan.waves.first(where: { $0.teams.contains(team.id) }) {
            history.append("is in wave \(Words.value(wave.name))")
        } else if team.status == .pilot || team.status == .inWave {
            history.append("is \(team.status == .pilot ? "a pilot" : "in a wave")")
        }
        let scenarios = plan.scenarios.filter { $0.waves.contains { $0.teams.contains(team.id) } }
        if !scenarios.isEmpty { history.append("is in " + Words.count(scenarios.count, "scenario")) }
        let signals = plan.signals.filter { $0.team == team.id }.count
        if signals > 0 { history.append("has " + Words.count(signals, "readiness rating")) }
        let notes = plan.resistance.filter { $0.team == team.id }.count
        if notes > 0 { history.append("has " + Words.count(notes, "resistance note")) }
        if plan.votes.contains(where: { round in
            round.totals.contains { $0.team == team.id } || round.ballots.contains { $0.votes.contains { $0.team == team.id } }
        }) {
            history.append("has votes")
        }
        let blockers = plan.blockers.filter { $0.surfacedBy.contains(team.id) }.count
        if blockers > 0 { history.append("surfaced " + Words.count(blockers, "blocker")) }
        let dependants = plan.teams.filter { $0.dependsOn.contains(team.id) }.count
        if dependants > 0 { history.append("has " + Words.count(dependants, "team") + " depending on it") }
        return history
    }
}

extension String {
    /// Line breaks shown as `⏎`, so that a value stays on one line of a message.
    func replacingNewlines() -> String { String(map { $0.isNewline ? "⏎" : $0 }) }
}
