/// The difference between two versions of a plan, kept small: for each list only the elements that
/// changed (with their old and new values), so an undo history holds little even for a plan of
/// 100,000 teams. `revert` turns the new version back into the old; `reapply` the other way.
public struct PlanDelta: Sendable, Hashable {
    var name: Change<String>?
    var organisation: Change<Organisation>?
    var settings: Change<PlanSettings>?
    var criteria: ListDelta<Criterion>?
    var teams: ListDelta<Team>?
    var stakeholders: ListDelta<Stakeholder>?
    var coaches: ListDelta<Coach>?
    var dimensions: ListDelta<ReadinessDimension>?
    var signals: ListDelta<ReadinessSignal>?
    var resistance: ListDelta<ResistanceNote>?
    var waves: ListDelta<Wave>?
    var blockers: ListDelta<Blocker>?
    var decisions: ListDelta<Decision>?
    var workshops: ListDelta<Workshop>?
    var votes: ListDelta<VoteRound>?
    var scenarios: ListDelta<Scenario>?
    var actions: ListDelta<ActionItem>?
    var rounds: ListDelta<ParticipantRound>?
    var conflicts: ListDelta<MergeConflict>?

    struct Change<T: Hashable & Sendable>: Hashable, Sendable {
        var old: T
        var new: T
    }

    /// What turns `old` into `new`.
    public init(from old: Plan, to new: Plan) {
        if old.name != new.name { name = Change(old: old.name, new: new.name) }
        if old.organisation != new.organisation { organisation = Change(old: old.organisation, new: new.organisation) }
        if old.settings != new.settings { settings = Change(old: old.settings, new: new.settings) }
        criteria = ListDelta(old.criteria, new.criteria)
        teams = ListDelta(old.teams, new.teams)
        stakeholders = ListDelta(old.stakeholders, new.stakeholders)
        coaches = ListDelta(old.coaches, new.coaches)
        dimensions = ListDelta(old.dimensions, new.dimensions)
        signals = ListDelta(old.signals, new.signals)
        resistance = ListDelta(old.resistance, new.resistance)
        waves = ListDelta(old.waves, new.waves)
        blockers = ListDelta(old.blockers, new.blockers)
        decisions = ListDelta(old.decisions, new.decisions)
        workshops = ListDelta(old.workshops, new.workshops)
        votes = ListDelta(old.votes, new.votes)
        scenarios = ListDelta(old.scenarios, new.scenarios)
        actions = ListDelta(old.actions, new.actions)
        rounds = ListDelta(old.rounds, new.rounds)
        conflicts = ListDelta(old.conflicts, new.conflicts)
    }

    /// Nothing changed.
    public var isEmpty: Bool { self == PlanDelta(empty: ()) }

    private init(empty: Void) {}

    /// The number of list elements held (old and new), a measure of the delta's memory.
    public var weight: Int {
        let lists: [Int?] = [criteria?.weight, teams?.weight, stakeholders?.weight, coaches?.weight,
                             dimensions?.weight, signals?.weight, resistance?.weight, waves?.weight,
                             blockers?.weight, decisions?.weight, workshops?.weight, votes?.weight,
                             scenarios?.weight, actions?.weight, rounds?.weight, conflicts?.weight]
        return lists.reduce(3) { $0 + ($1 ?? 0) }
    }

    /// Turns the new version back into the old.
    public func revert(_ plan: inout Plan) { apply(&plan, forward: false) }

    /// Turns the old version into the new.
    public func reapply(_ plan: inout Plan) { apply(&plan, forward: true) }

    private func apply(_ plan: inout Plan, forward: Bool) {
        if let name { plan.name = forward ? name.new : name.old }
        if let organisation { plan.organisation = forward ? organisation.new : organisation.old }
        if let settings { plan.settings = forward ? settings.new : settings.old }
        criteria?.apply(&plan.criteria, forward: forward)
        teams?.apply(&plan.teams, forward: forward)
        stakeholders?.apply(&plan.stakeholders, forward: forward)
        coaches?.apply(&plan.coaches, forward: forward)
        dimensions?.apply(&plan.dimensions, forward: forward)
        signals?.apply(&plan.signals, forward: forward)
        resistance?.apply(&plan.resistance, forward: forward)
        waves?.apply(&plan.waves, forward: forward)
        blockers?.apply(&plan.blockers, forward: forward)
        decisions?.apply(&plan.decisions, forward: forward)
        workshops?.apply(&plan.workshops, forward: forward)
        votes?.apply(&plan.votes, forward: forward)
        scenarios?.apply(&plan.scenarios, forward: forward)
        actions?.apply(&plan.actions, forward: forward)
        rounds?.apply(&plan.rounds, forward: forward)
        conflicts?.apply(&plan.conflicts, forward: forward)
    }
}

/// How one list changed: same length → the changed positions; otherwise the run between the common
/// prefix and suffix is replaced.
enum ListDelta<T: Hashable & Sendable>: Hashable, Sendable {
    case changed(indices: [Int], old: [T], new: [T])
    case spliced(at: Int, old: [T], new: [T])

    /// nil when the lists are equal.
    init?(_ old: [T], _ new: [T]) {
        if old.count == new.count {
            var indices: [Int] = []
            var o: [T] = []
            var n: [T] = []
            old.withUnsafeBufferPointer { ob in
                new.withUnsafeBufferPointer { nb in
                    if ob.baseAddress == nb.baseAddress { return }
                    for i in 0..<ob.count where ob[i] != nb[i] {
                        indices.append(i)
                        o.append(ob[i])
                        n.append(nb[i])
                    }
                }
            }
            if indices.isEmpty { return nil }
            self = .changed(indices: indices, old: o, new: n)
        } else {
            var prefix = 0
            let shortest = min(old.count, new.count)
            while prefix < shortest, old[prefix] == new[prefix] { prefix += 1 }
            var suffix = 0
            while suffix < shortest - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
            self = .spliced(at: prefix, old: Array(old[prefix..<(old.count - suffix)]),
                            new: Array(new[prefix..<(new.count - suffix)]))
        }
    }

    var weight: Int {
        switch self {
        case .changed(let i, _, _): 2 * i.count
        case .spliced(_, let o, let n): o.count + n.count
        }
    }

    func apply(_ list: inout [T], forward: Bool) {
        switch self {
        case .changed(let indices, let old, let new):
            let values = forward ? new : old
            for (k, i) in indices.enumerated() where i < list.count { list[i] = values[k] }
        case .spliced(let at, let old, let new):
            let (remove, insert) = forward ? (old, new) : (new, old)
            let end = min(list.count, at + remove.count)
            list.replaceSubrange(min(at, end)..<end, with: insert)
        }
    }
}
