import Foundation

/// Merging one value three ways: a field of an element, an object nested in it (a team's ratings,
/// a wave's entry criteria), a list inside it (a wave's teams, a round's ballots).
extension PlanMerge {
    /// One merged value, with OURS' choice and THEIRS' choice where both sides changed the same
    /// thing differently (equal when `conflict` is false). nil: absent.
    struct Merged {
        var ours: MergeJSON?
        var theirs: MergeJSON?
        var conflict: Bool
    }

    /// Whole numbers that count things (ballots cast, concerns received, votes of a tally): both
    /// sides' increments add up.
    static let counterKeys: Set<String> = ["ballotCount", "concerns", "votes"]
    /// Lists whose order and duplicates matter (anchor sentences, agenda steps): merged whole.
    static let orderedKeys: Set<String> = ["anchors", "steps", "flags"]
    /// Lists of records identified by one of their fields (a ballot by its voter…); other lists of
    /// records are identified by `id` when they have one, else by their whole content.
    static let recordKeys: [String: String] = [
        "ballots": "voter", "responses": "participant", "assignments": "team", "readiness": "dimension",
        "checklist": "text", "totals": "team", "votes": "team", "ratings": "dimension", "tally": "team",
        "weights": "criterion", "teams": "team",
    ]

    static func merge3(_ b: MergeJSON?, _ o: MergeJSON?, _ t: MergeJSON?, key: String) -> Merged {
        if counterKeys.contains(key), o != b, t != b, let oi = o?.int, let ti = t?.int {
            let sum = MergeJSON.int(oi + ti - (b?.int ?? 0))
            return Merged(ours: sum, theirs: sum, conflict: false)
        }
        if o == t || t == b { return Merged(ours: o, theirs: o, conflict: false) }
        if o == b { return Merged(ours: t, theirs: t, conflict: false) }
        if case .object(let oo)? = o, case .object(let to)? = t {
            return mergeObjects(b?.object ?? [:], oo, to)
        }
        if case .array(let oa)? = o, case .array(let ta)? = t, !orderedKeys.contains(key) {
            let ba = b?.array ?? []
            let all = ba + oa + ta
            if all.allSatisfy(\.isScalar) { return mergeSets(ba, oa, ta) }
            if all.allSatisfy({ $0.object != nil }) {
                let field = all.allSatisfy({ $0.object?["id"]?.string != nil }) ? "id" : recordKeys[key]
                let keyOf: (MergeJSON) -> String = { element in
                    if let field, let k = element.object?[field] { return k.string ?? MergeCoding.text(k) ?? "" }
                    return MergeCoding.text(element) ?? ""
                }
                return mergeRecords(ba, oa, ta, keyOf: keyOf)
            }
        }
        return Merged(ours: o, theirs: t, conflict: true)
    }

    /// Key by key; a key both sides changed differently keeps each side's value in its variant.
    static func mergeObjects(_ b: [String: MergeJSON], _ o: [String: MergeJSON], _ t: [String: MergeJSON]) -> Merged {
        var ours: [String: MergeJSON] = [:]
        var theirs: [String: MergeJSON] = [:]
        var conflict = false
        for key in Set(o.keys).union(t.keys).union(b.keys) {
            let m = merge3(b[key], o[key], t[key], key: key)
            ours[key] = m.ours
            theirs[key] = m.theirs
            conflict = conflict || m.conflict
        }
        return Merged(ours: .object(ours), theirs: .object(theirs), conflict: conflict)
    }

    /// Sets of ids or words: what either side added or removed survives; ours' order, then theirs'
    /// additions.
    static func mergeSets(_ b: [MergeJSON], _ o: [MergeJSON], _ t: [MergeJSON]) -> Merged {
        let base = Set(b), theirs = Set(t)
        var seen = Set<MergeJSON>()
        var result: [MergeJSON] = []
        for v in o where !(base.contains(v) && !theirs.contains(v)) && seen.insert(v).inserted { result.append(v) }
        for v in t where !base.contains(v) && seen.insert(v).inserted { result.append(v) }
        return Merged(ours: .array(result), theirs: .array(result), conflict: false)
    }

    /// Lists of records by key: histories become unions; a record both sides changed is merged
    /// field by field; one deleted on one side and changed on the other stays as OURS has it.
    static func mergeRecords(_ b: [MergeJSON], _ o: [MergeJSON], _ t: [MergeJSON],
                             keyOf: (MergeJSON) -> String) -> Merged {
        var base: [String: MergeJSON] = [:]
        for e in b { base[keyOf(e)] = base[keyOf(e)] ?? e }
        var theirs: [String: MergeJSON] = [:]
        for e in t { theirs[keyOf(e)] = theirs[keyOf(e)] ?? e }
        var oursKeys = Set<String>()
        var rOurs: [MergeJSON] = [], rTheirs: [MergeJSON] = []
        var conflict = false
        for oe in o {
            let k = keyOf(oe)
            guard oursKeys.insert(k).inserted else { continue }
            let be = base[k]
            guard let te = theirs[k] else {
                if be == nil {
                    rOurs.append(oe); rTheirs.append(oe)
                } else if be != oe {
                    conflict = true
                    rOurs.append(oe)
                }
                continue
            }
            let m = merge3(be, oe, te, key: "")
            if let v = m.ours { rOurs.append(v) }
            if let v = m.theirs { rTheirs.append(v) }
            conflict = conflict || m.conflict
        }
        for te in t {
            let k = keyOf(te)
            guard !oursKeys.contains(k) else { continue }
            oursKeys.insert(k)
            if let be = base[k] {
                if be != te {
                    conflict = true
                    rTheirs.append(te)
                }
            } else {
                rOurs.append(te); rTheirs.append(te)
            }
        }
        return Merged(ours: .array(rOurs), theirs: .array(rTheirs), conflict: conflict)
    }
}
