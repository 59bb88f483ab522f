import Foundation
import PilotwaveCore

/// Writes a ``Plan`` as the bytes of a plan file directly, byte for byte what
/// ``PlanCodec/encodeWithFoundation(_:)`` produces (sorted keys, `"key" : value`, two-space
/// indentation, `[]`/`{}` for empty containers, `/` unescaped, nil optionals omitted, ISO-8601
/// dates, a trailing newline), without `JSONEncoder`'s intermediate tree.
///
/// Keys are written in UTF-8 byte order, which is how `JSONEncoder` sorts them (see
/// ``isExact``). Keep in step with the model, like ``FastPlanReader``.
struct FastPlanWriter {
    var out: JSONOutput

    /// The file bytes for `plan`, whose `schemaVersion` the caller has set.
    static func write(_ plan: Plan) -> Data {
        // About 720 bytes per team in generated plans; growth doubles from there.
        var writer = FastPlanWriter(out: JSONOutput(capacity: 16_384 + plan.teams.count * 768 + plan.signals.count * 256))
        writer.plan(plan)
        writer.out.byte(0x0A)
        return writer.out.finish()
    }

    // MARK: Building blocks

    mutating func array<T>(_ items: [T], _ element: (inout FastPlanWriter, T) -> Void) {
        if items.isEmpty {
            out.raw("[]")
            return
        }
        out.openArray()
        for i in items.indices {
            out.element()
            element(&self, items[i])
        }
        out.closeArray()
    }

    mutating func strings(_ items: [String]) {
        array(items) { w, s in w.out.string(s) }
    }

    mutating func refs<Tag>(_ items: [Ref<Tag>]) {
        array(items) { w, id in w.out.string(id.raw) }
    }

    mutating func day(_ day: Day) {
        if !FastDates.write(day, into: &out) { out.string(day.description) }
    }

    mutating func date(_ date: Date) {
        // Fractional seconds, far past or future: what JSONEncoder's .iso8601 strategy calls.
        if !FastDates.write(date, into: &out) { out.string(date.formatted(.iso8601)) }
    }

    /// A `[String: Int]` object with keys in UTF-8 byte order, like `JSONEncoder`'s `.sortedKeys`.
    mutating func intsByKey(_ values: [String: Int]) {
        if values.isEmpty {
            out.raw("{}")
            return
        }
        out.openObject()
        if values.count == 1, let only = values.first {
            out.key(escaping: only.key)
            out.int(only.value)
        } else {
            for (key, value) in values.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                out.key(escaping: key)
                out.int(value)
            }
        }
        out.closeObject()
    }

    // MARK: Plan

    mutating func plan(_ plan: Plan) {
        out.openObject()
        out.key("actions")
        array(plan.actions) { w, a in w.action(a) }
        out.key("blockers")
        array(plan.blockers) { w, b in w.blocker(b) }
        out.key("coaches")
        array(plan.coaches) { w, c in w.coach(c) }
        out.key("conflicts")
        array(plan.conflicts) { w, c in w.conflict(c) }
        out.key("criteria")
        array(plan.criteria) { w, c in w.criterion(c) }
        out.key("decisions")
        array(plan.decisions) { w, d in w.decision(d) }
        out.key("dimensions")
        array(plan.dimensions) { w, d in w.dimension(d) }
        out.key("id")
        out.string(plan.id.raw)
        out.key("name")
        out.string(plan.name)
        out.key("organisation")
        organisation(plan.organisation)
        out.key("resistance")
        array(plan.resistance) { w, n in w.resistanceNote(n) }
        out.key("rounds")
        array(plan.rounds) { w, r in w.participantRound(r) }
        out.key("scenarios")
        array(plan.scenarios) { w, s in w.scenario(s) }
        out.key("schemaVersion")
        out.int(plan.schemaVersion)
        out.key("settings")
        settings(plan.settings)
        out.key("signals")
        array(plan.signals) { w, s in w.signal(s) }
        out.key("stakeholders")
        array(plan.stakeholders) { w, s in w.stakeholder(s) }
        out.key("teams")
        array(plan.teams) { w, t in w.team(t) }
        out.key("votes")
        array(plan.votes) { w, r in w.voteRound(r) }
        out.key("waves")
        array(plan.waves) { w, wave in w.wave(wave) }
        out.key("workshops")
        array(plan.workshops) { w, s in w.workshop(s) }
        out.closeObject()
    }

    mutating func organisation(_ o: Organisation) {
        out.openObject()
        out.key("name")
        out.string(o.name)
        if let size = o.size {
            out.key("size")
            out.string(size.rawValue)
        }
        out.key("thresholds")
        out.openObject()
        out.key("largeFrom")
        out.int(o.thresholds.largeFrom)
        out.key("midFrom")
        out.int(o.thresholds.midFrom)
        out.closeObject()
        out.closeObject()
    }

    mutating func conflict(_ c: MergeConflict) {
        out.openObject()
        if let base = c.base {
            out.key("base")
            out.string(base)
        }
        out.key("id")
        out.string(c.id)
        if let ours = c.ours {
            out.key("ours")
            out.string(ours)
        }
        if let theirs = c.theirs {
            out.key("theirs")
            out.string(theirs)
        }
        out.key("what")
        out.string(c.what)
        out.closeObject()
    }

    mutating func settings(_ s: PlanSettings) {
        out.openObject()
        out.key("maxTeamSize")
        out.int(s.maxTeamSize)
        out.key("maxWaveSharePercent")
        out.int(s.maxWaveSharePercent)
        if let n = s.robustnessTopN {
            out.key("robustnessTopN")
            out.int(n)
        }
        out.closeObject()
    }

    mutating func criterion(_ c: Criterion) {
        out.openObject()
        out.key("anchors")
        strings(c.anchors)
        out.key("help")
        out.string(c.help)
        out.key("id")
        out.string(c.id)
        out.key("name")
        out.string(c.name)
        out.key("source")
        out.string(c.source.rawValue)
        out.key("weight")
        out.int(c.weight)
        out.closeObject()
    }

    mutating func dimension(_ d: ReadinessDimension) {
        out.openObject()
        out.key("anchors")
        strings(d.anchors)
        out.key("group")
        out.string(d.group.rawValue)
        out.key("help")
        out.string(d.help)
        out.key("id")
        out.string(d.id)
        out.key("name")
        out.string(d.name)
        out.key("retired")
        out.bool(d.retired)
        out.key("scope")
        out.string(d.scope.rawValue)
        out.closeObject()
    }

    mutating func team(_ t: Team) {
        out.openObject()
        out.key("area")
        out.string(t.area)
        if let coach = t.coach {
            out.key("coach")
            out.string(coach.raw)
        }
        out.key("dependsOn")
        refs(t.dependsOn)
        out.key("id")
        out.string(t.id.raw)
        out.key("name")
        out.string(t.name)
        out.key("notes")
        out.string(t.notes)
        if let reason = t.outOfScopeReason {
            out.key("outOfScopeReason")
            out.string(reason)
        }
        if let outcome = t.outcome {
            out.key("outcome")
            self.outcome(outcome)
        }
        out.key("ratings")
        intsByKey(t.ratings)
        out.key("roles")
        roles(t.roles)
        out.key("stage")
        out.string(t.stage.rawValue)
        out.key("status")
        out.string(t.status.rawValue)
        out.key("tags")
        strings(t.tags)
        out.closeObject()
    }

    mutating func roles(_ r: Roles) {
        out.openObject()
        out.key("data")
        out.int(r.data)
        out.key("design")
        out.int(r.design)
        out.key("engineering")
        out.int(r.engineering)
        out.key("marketing")
        out.int(r.marketing)
        out.key("other")
        out.int(r.other)
        out.key("product")
        out.int(r.product)
        out.closeObject()
    }

    mutating func outcome(_ o: Outcome) {
        out.openObject()
        out.key("baseline")
        out.string(o.baseline)
        out.key("metric")
        out.string(o.metric)
        out.key("statement")
        out.string(o.statement)
        out.key("target")
        out.string(o.target)
        out.closeObject()
    }

    mutating func stakeholder(_ s: Stakeholder) {
        out.openObject()
        out.key("desiredStance")
        out.string(s.desiredStance.rawValue)
        out.key("id")
        out.string(s.id.raw)
        out.key("name")
        out.string(s.name)
        out.key("role")
        out.string(s.role)
        out.key("stance")
        out.string(s.stance.rawValue)
        if let history = s.stanceHistory {
            out.key("stanceHistory")
            array(history) { w, change in
                w.out.openObject()
                w.out.key("at")
                w.date(change.at)
                w.out.key("from")
                w.out.string(change.from.rawValue)
                w.out.key("to")
                w.out.string(change.to.rawValue)
                w.out.closeObject()
            }
        }
        out.closeObject()
    }

    mutating func coach(_ c: Coach) {
        out.openObject()
        out.key("capacity")
        out.int(c.capacity)
        out.key("id")
        out.string(c.id.raw)
        out.key("name")
        out.string(c.name)
        if let seededFrom = c.seededFrom {
            out.key("seededFrom")
            out.string(seededFrom.raw)
        }
        out.closeObject()
    }
}
