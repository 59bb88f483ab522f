import Foundation

extension PlanMerge {
    /// Settles one conflict a merge recorded: keeping OURS just removes it (the plan already holds
    /// OURS' value); taking THEIRS puts their value at the conflict's path (a deleted element goes
    /// with what depends on it, an absent field is reset) and removes it. Throws, leaving the plan
    /// unchanged, when there is no such conflict or THEIRS' value names something the plan no
    /// longer has.
    public static func resolve(_ plan: inout Plan, conflict id: String, takeTheirs: Bool) throws(EditError) {
        guard let i = plan.conflicts.firstIndex(where: { $0.id == id }) else { throw EditError("no conflict \(id)") }
        var copy = plan
        let conflict = copy.conflicts.remove(at: i)
        if takeTheirs {
            let theirs: MergeJSON?
            do { theirs = try MergeCoding.parse(conflict.theirs) } catch { throw EditError("their value cannot be read") }
            try takeValue(theirs, at: conflict, in: &copy)
            var checked = copy
            var repair = Repair(ours: copy, theirs: copy, base: copy, found: [])
            repair.run(&checked)
            if checked != copy {
                let why = repair.found.first.map { $0.what } ?? "it names something the plan no longer has"
                throw EditError("their version cannot be taken: \(why)")
            }
        }
        plan = copy
    }

    private static func takeValue(_ theirs: MergeJSON?, at conflict: MergeConflict, in plan: inout Plan) throws(EditError) {
        let (list, element, field) = conflict.path
        guard let element else {
            guard let theirs else { throw EditError("their version has no \(list)") }
            switch list {
            case "name": plan.name = try decode(String.self, theirs)
            case "organisation": plan.organisation = try decode(Organisation.self, theirs)
            case "settings": plan.settings = try decode(PlanSettings.self, theirs)
            default: throw EditError("no plan field \(list)")
            }
            return
        }
        switch (list, field) {
        case ("teams", "wave"):
            let wave = try theirs.map { j throws(EditError) in WaveID(try decode(String.self, j)) }
            try PlanEdit.moveTeam(TeamID(element), toWave: wave).apply(to: &plan)
            return
        case ("teams", "status"):
            guard let theirs else { throw EditError("their version has no status") }
            let status = try decode(TeamStatus.self, theirs)
            let reason = plan.team(TeamID(element))?.outOfScopeReason ?? "out of scope on the other side"
            try PlanEdit.setTeamStatus(TeamID(element), status, reason: reason).apply(to: &plan)
            return
        default: break
        }
        let removal: PlanEdit? = switch list {
        case "teams": .removeTeam(TeamID(element))
        case "coaches": .removeCoach(CoachID(element))
        case "waves": .removeWave(WaveID(element))
        case "blockers": .removeBlocker(BlockerID(element))
        case "workshops": .removeWorkshop(WorkshopID(element))
        default: nil
        }
        func take<T: MergeElement>(_ items: WritableKeyPath<Plan, [T]>) throws(EditError) {
            try takeElement(items, element, field, theirs, removal, &plan)
        }
        switch list {
        case "criteria":
            try take(\.criteria)
            if field == nil, theirs == nil {
                for t in plan.teams.indices where plan.teams[t].ratings[element] != nil { plan.teams[t].ratings[element] = nil }
            }
        case "teams": try take(\.teams)
        case "stakeholders": try take(\.stakeholders)
        case "coaches": try take(\.coaches)
        case "dimensions": try take(\.dimensions)
        case "signals": try take(\.signals)
        case "resistance": try take(\.resistance)
        case "waves": try take(\.waves)
        case "blockers": try take(\.blockers)
        case "decisions": try take(\.decisions)
        case "workshops": try take(\.workshops)
        case "actions": try take(\.actions)
        case "votes": try take(\.votes)
        case "scenarios": try take(\.scenarios)
        case "rounds": try take(\.rounds)
        default: throw EditError("no list \(list) in the plan")
        }
    }

    private static func takeElement<T: MergeElement>(_ items: WritableKeyPath<Plan, [T]>, _ id: String, _ field: String?,
                                                     _ theirs: MergeJSON?, _ removal: PlanEdit?,
                                                     _ plan: inout Plan) throws(EditError) {
        let index = plan[keyPath: items].firstIndex { $0.mergeID == id }
        guard let field else {
            guard let theirs else {
                guard let index else { return }
                if let removal { try removal.apply(to: &plan) } else { plan[keyPath: items].remove(at: index) }
                return
            }
            let value = try decode(T.self, theirs)
            if let index { plan[keyPath: items][index] = value } else { plan[keyPath: items].append(value) }
            return
        }
        guard let index else { throw EditError("no \(T.noun.lowercased()) \(id)") }
        var object = MergeCoding.json(plan[keyPath: items][index]).object ?? [:]
        object[field] = theirs
        plan[keyPath: items][index] = try decode(T.self, .object(object))
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ json: MergeJSON) throws(EditError) -> T {
        do { return try MergeCoding.value(T.self, from: json) } catch { throw EditError("their value cannot be read") }
    }
}
