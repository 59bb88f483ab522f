// Organisation checks (DOMAIN.md §4–5): resistance, preconditions, narrow transformation, follow-ups.
extension PlanChecks {
    /// The preconditions checked while pilots are planned, with the minimum rating that is enough.
    public static let preconditionDimensions: [DimensionKey] = [
        ReadinessDimension.executiveConviction, ReadinessDimension.feltPain,
    ]
    /// A precondition rated below this while pilots are planned is a warning.
    public static let preconditionMinimum = 3

    /// Blocker categories whose change keeps a transformation from being narrow.
    public static let systemicCategories: [BlockerCategory] = [.funding, .planning, .decisionRights]

    /// `resistanceUnanswered` (warning): high-severity resistance, not resolved, from a pilot or a team
    /// in a wave, with no response or no owner.
    public static func unansweredResistance(_ c: CheckContext) -> [Finding] {
        c.plan.resistance.compactMap { note in
            guard note.severity == .high, note.status != .resolved, !note.hasResponseAndOwner,
                let id = note.team, let t = c.teamIndex[id], c.order(ofTeam: t) != nil
            else { return nil }
            let noResponse = (note.response ?? "").trimmingWhitespace().isEmpty
            let noOwner = (note.owner ?? "").trimmingWhitespace().isEmpty
            let missing = noResponse && noOwner ? "no response or owner" : noResponse ? "no response" : "no owner"
            return Finding(
                code: "resistanceUnanswered", severity: .warning,
                message: "High-severity resistance from \(c.plan.teams[t].name) (\(c.waveName(ofTeam: t))) has \(missing): "
                    + Words.quote(note.words),
                concerns: [note.id.raw, id.raw],
                guidance: "Treat resistance as an objection to understand, not an obstacle to remove: choose "
                    + "a response and an owner. Typical here: " + (note.kind.playbook.first ?? ""))
        }
    }

    /// While any pilot exists: `weakPrecondition` (warning) when executive conviction or felt pain is
    /// rated below 3 for the organisation; `preconditionUnrated` (info) when it is not rated yet.
    public static func preconditions(_ c: CheckContext) -> [Finding] {
        guard !c.pilots.isEmpty else { return [] }
        var findings: [Finding] = []
        for key in preconditionDimensions {
            let name = c.dimensionName(key).lowercased()
            if let signal = c.organisationLatest[key] {
                guard signal.rating < preconditionMinimum else { continue }
                findings.append(Finding(
                    code: "weakPrecondition", severity: .warning,
                    message: "Pilots are planned while \(name) is rated \(signal.rating)/5 "
                        + "(below \(preconditionMinimum))",
                    concerns: [signal.id.raw, key], guidance: preconditionGuidance))
            } else if c.dimensionNames[key] != nil {
                findings.append(Finding(
                    code: "preconditionUnrated", severity: .info,
                    message: "Pilots are planned but \(name) is not rated yet for the organisation",
                    concerns: [key], guidance: preconditionGuidance))
            }
        }
        return findings
    }

    static let preconditionGuidance =
        "Before starting, look for executive conviction (leaders believe today's way of working will not "
        + "win tomorrow) and felt pain with current results; without them pilots stall."

    /// `narrowTransformation` (warning): pilots are running (a pilot exists or an order-0 wave is active)
    /// while every funding, planning and decision-rights blocker is still untouched, or none is recorded.
    public static func narrowTransformation(_ c: CheckContext) -> [Finding] {
        let running = !c.pilots.isEmpty || c.plan.waves.contains { $0.order == 0 && $0.status == .active }
        guard running else { return [] }
        let systemic = c.plan.blockers.filter { systemicCategories.contains($0.category) }
        guard systemic.allSatisfy({ $0.status == .open }) else { return [] }
        let areas = Words.list(systemicCategories.map(\.label), conjunction: "or")
        let message = systemic.isEmpty
            ? "Pilots are running but no \(areas) blocker is recorded"
            : "Pilots are running while every \(areas) blocker is untouched: " + Words.short(systemic.map(\.title))
        return [Finding(
            code: "narrowTransformation", severity: .warning, message: message,
            concerns: systemic.map(\.id.raw),
            guidance: "A narrow transformation trains product managers while funding, planning and "
                + "decision rights stay unchanged; record the systemic blockers the pilots hit and start on them.")]
    }

    /// `followUpOverdue`: an unresolved note's follow-up date has passed; warning for high severity,
    /// info otherwise.
    public static func overdueFollowUps(_ c: CheckContext) -> [Finding] {
        let today = c.today.ordinal
        let stakeholders = Dictionary(c.plan.stakeholders.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return c.plan.resistance.compactMap { note in
            guard note.status != .resolved, let due = note.followUp, due.ordinal < today else { return nil }
            // A follow-up set before the note was taken is a mistake (`followUpBeforeNote`), not lateness.
            guard due >= Day(note.recordedAt) else { return nil }
            var concerns = [note.id.raw]
            var who = ""
            if let id = note.team {
                who = c.teamIndex[id].map { c.plan.teams[$0].name } ?? id.raw
                concerns.append(id.raw)
            } else if let id = note.stakeholder {
                who = stakeholders[id] ?? id.raw
                concerns.append(id.raw)
            }
            let owner = (note.owner ?? "").trimmingWhitespace()
            let late = today - due.ordinal
            return Finding(
                code: "followUpOverdue", severity: note.severity == .high ? .warning : .info,
                message: "Follow-up on \(Words.quote(note.words, max: 40))" + (who.isEmpty ? "" : " (\(who))")
                    + " was due \(due), \(Words.count(late, "day")) ago; "
                    + (owner.isEmpty ? "no owner" : "owner \(owner)"),
                concerns: concerns,
                guidance: "Committing to clear check-in points is how resistance gets answered; a missed "
                    + "follow-up tells people their objection was not heard.")
        }
    }
}
