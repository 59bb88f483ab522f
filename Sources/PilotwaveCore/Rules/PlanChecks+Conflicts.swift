import Foundation

// Merge conflicts (`pilotwave merge`): what both sides changed differently, until someone decides.
extension PlanChecks {
    /// `mergeConflict` (warning): one per conflict a merge left in the plan, in words.
    public static func mergeConflicts(_ c: CheckContext) -> [Finding] {
        guard !c.plan.conflicts.isEmpty else { return [] }
        let names = PlanNames(c.plan)
        return c.plan.conflicts.map { conflict in
            Finding(
                code: "mergeConflict", severity: .warning,
                message: "Merge conflict: \(ConflictWords.summary(conflict, names: names)). Open the plan to resolve it.",
                concerns: [conflict.id],
                guidance: "Both sides of a merge changed this differently; the plan keeps ours until someone "
                    + "decides. Open it in pilotwave: the Conflicts overlay lists each conflict, Enter takes "
                    + "theirs, o keeps ours.")
        }
    }
}

/// A merge conflict in words, for `check` and the Conflicts overlay.
public enum ConflictWords {
    /// `Team "Claims Intake": coach — ours "Mira", theirs "Jonas" (base "Kai")`.
    public static func summary(_ conflict: MergeConflict, names: PlanNames, max: Int = 60) -> String {
        "\(conflict.what) — ours \(value(conflict.ours, names: names, absent: "deleted", max: max)), "
            + "theirs \(value(conflict.theirs, names: names, absent: "deleted", max: max)) "
            + "(base \(value(conflict.base, names: names, absent: "not there", max: max)))"
    }

    /// A value as people read it: the JSON text on one line, at most `max` characters; a string
    /// that is the id of something in the plan (a team, coach, wave…) as that thing's name, quoted;
    /// `absent` when there is no value.
    public static func value(_ json: String?, names: PlanNames, absent: String, max: Int = 60) -> String {
        guard let json else { return absent }
        if let data = json.data(using: .utf8),
            let string = try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) as? String,
            let name = names.name(string) {
            return Words.quote(name, max: max)
        }
        let oneLine = json.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        return Words.clip(oneLine, max: max)
    }
}
