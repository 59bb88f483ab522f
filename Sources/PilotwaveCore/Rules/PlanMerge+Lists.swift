import Foundation

/// An element of one of the plan's id-keyed lists, as the merge sees it.
protocol MergeElement: Codable, Equatable {
    /// The plan's JSON key for the list (`teams`).
    static var listKey: String { get }
    /// What one is called, capitalised (`Team`).
    static var noun: String { get }
    var mergeID: String { get }
    /// How people recognise it (its name, title or first words).
    var mergeLabel: String { get }
}

extension PlanMerge {
    /// Merges one list by id: elements kept in OURS' order, THEIRS' additions after.
    static func mergeList<T: MergeElement>(_ base: [T], _ ours: [T], _ theirs: [T],
                                           _ found: inout [MergeConflict]) -> [T] {
        if ours == theirs || theirs == base { return ours }
        if ours == base { return theirs }
        let baseIndex = index(base), theirsIndex = index(theirs)
        var oursIDs = Set<String>()
        oursIDs.reserveCapacity(ours.count)
        var result: [T] = []
        result.reserveCapacity(max(ours.count, theirs.count))
        for o in ours {
            let id = o.mergeID
            oursIDs.insert(id)
            let b = baseIndex[id].map { base[$0] }
            guard let t = theirsIndex[id].map({ theirs[$0] }) else {
                if let b, b != o {
                    found.append(deletedConflict(o, ours: o, theirs: nil, base: b, deletedHere: false))
                    result.append(o)
                } else if b == nil {
                    result.append(o)
                }
                continue
            }
            if t == o || t == b { result.append(o); continue }
            if o == b { result.append(t); continue }
            result.append(mergeElement(b, o, t, &found))
        }
        for t in theirs where !oursIDs.contains(t.mergeID) {
            if let b = baseIndex[t.mergeID].map({ base[$0] }) {
                if b != t { found.append(deletedConflict(t, ours: nil, theirs: t, base: b, deletedHere: true)) }
            } else {
                result.append(t)
            }
        }
        return result
    }

    static func index<T: MergeElement>(_ items: [T]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(items.count)
        for (i, item) in items.enumerated() where index[item.mergeID] == nil { index[item.mergeID] = i }
        return index
    }

    /// Field by field (a field is one of the element's JSON keys); a field both sides changed
    /// differently keeps OURS' value and is a conflict.
    static func mergeElement<T: MergeElement>(_ b: T?, _ o: T, _ t: T, _ found: inout [MergeConflict]) -> T {
        let bj = b.map { MergeCoding.json($0).object ?? [:] } ?? [:]
        let oj = MergeCoding.json(o).object ?? [:]
        let tj = MergeCoding.json(t).object ?? [:]
        var merged: [String: MergeJSON] = [:]
        var conflicts: [MergeConflict] = []
        for key in Set(oj.keys).union(tj.keys).union(bj.keys).sorted() {
            let m = merge3(bj[key], oj[key], tj[key], key: key)
            merged[key] = m.ours
            if m.conflict {
                conflicts.append(MergeConflict(
                    id: "\(T.listKey)/\(o.mergeID)/\(key)", what: "\(describe(o)): \(fieldWords(key))",
                    ours: MergeCoding.text(m.ours), theirs: MergeCoding.text(m.theirs), base: MergeCoding.text(bj[key])))
            }
        }
        guard let value = try? MergeCoding.value(T.self, from: .object(merged)) else {
            // Cannot happen with values both sides wrote; keep OURS' element whole if it does.
            found.append(MergeConflict(id: "\(T.listKey)/\(o.mergeID)", what: "\(describe(o)) was changed on both sides",
                                       ours: MergeCoding.text(o), theirs: MergeCoding.text(t), base: MergeCoding.text(b)))
            return o
        }
        found.append(contentsOf: conflicts)
        return value
    }

    static func deletedConflict<T: MergeElement>(_ e: T, ours: T?, theirs: T?, base: T, deletedHere: Bool) -> MergeConflict {
        MergeConflict(
            id: "\(T.listKey)/\(e.mergeID)",
            what: "\(describe(e)) was " + (deletedHere ? "deleted here but changed there" : "changed here but deleted there"),
            ours: MergeCoding.text(ours), theirs: MergeCoding.text(theirs), base: MergeCoding.text(base))
    }

    static func describe<T: MergeElement>(_ e: T) -> String { "\(T.noun) \(quoted(e.mergeLabel))" }

    static func quoted(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return "\"" + (line.count > 40 ? String(line.prefix(39)) + "…" : line) + "\""
    }

    /// A JSON key in words: `dependsOn` → `depends on`.
    static func fieldWords(_ key: String) -> String {
        var out = ""
        for c in key {
            if c.isUppercase { out += " " + c.lowercased() } else { out.append(c) }
        }
        return out
    }
}

extension Criterion: MergeElement {
    static var listKey: String { "criteria" }
    static var noun: String { "Criterion" }
    var mergeID: String { id }
    var mergeLabel: String { name }
}

extension Team: MergeElement {
    static var listKey: String { "teams" }
    static var noun: String { "Team" }
    var mergeID: String { id.raw }
    var mergeLabel: String { name }
}

extension Stakeholder: MergeElement {
    static var listKey: String { "stakeholders" }
    static var noun: String { "Stakeholder" }
    var mergeID: String { id.raw }
    var mergeLabel: String { name }
}

extension Coach: MergeElement {
    static var listKey: String { "coaches" }
    static var noun: String { "Coach" }
    var mergeID: String { id.raw }
    var mergeLabel: String { name }
}

extension ReadinessDimension: MergeElement {
    static var listKey: String { "dimensions" }
    static var noun: String { "Readiness dimension" }
    var mergeID: String { id }
    var mergeLabel: String { name }
}

extension ReadinessSignal: MergeElement {
    static var listKey: String { "signals" }
    static var noun: String { "Readiness rating" }
    var mergeID: String { id.raw }
    var mergeLabel: String { "\(dimension) \(rating)" + (recordedBy.isEmpty ? "" : " by \(recordedBy)") }
}

extension ResistanceNote: MergeElement {
    static var listKey: String { "resistance" }
    static var noun: String { "Resistance note" }
    var mergeID: String { id.raw }
    var mergeLabel: String { words }
}

extension Wave: MergeElement {
    static var listKey: String { "waves" }
    static var noun: String { "Wave" }
    var mergeID: String { id.raw }
    var mergeLabel: String { name }
}

extension Blocker: MergeElement {
    static var listKey: String { "blockers" }
    static var noun: String { "Blocker" }
    var mergeID: String { id.raw }
    var mergeLabel: String { title }
}

extension Decision: MergeElement {
    static var listKey: String { "decisions" }
    static var noun: String { "Decision" }
    var mergeID: String { id.raw }
    var mergeLabel: String { text }
}

extension Workshop: MergeElement {
    static var listKey: String { "workshops" }
    static var noun: String { "Workshop" }
    var mergeID: String { id.raw }
    var mergeLabel: String { title }
}

extension ActionItem: MergeElement {
    static var listKey: String { "actions" }
    static var noun: String { "Action" }
    var mergeID: String { id.raw }
    var mergeLabel: String { text }
}

extension VoteRound: MergeElement {
    static var listKey: String { "votes" }
    static var noun: String { "Voting round" }
    var mergeID: String { id.raw }
    var mergeLabel: String { title }
}

extension Scenario: MergeElement {
    static var listKey: String { "scenarios" }
    static var noun: String { "Scenario" }
    var mergeID: String { id.raw }
    var mergeLabel: String { name }
}

extension ParticipantRound: MergeElement {
    static var listKey: String { "rounds" }
    static var noun: String { "Round" }
    var mergeID: String { id.raw }
    var mergeLabel: String { title }
}

extension MergeConflict: MergeElement {
    static var listKey: String { "conflicts" }
    static var noun: String { "Conflict" }
    var mergeID: String { id }
    var mergeLabel: String { what }
}
