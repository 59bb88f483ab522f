import Foundation
import PilotwaveCore

/// Reads the bytes of a plan file straight into a ``Plan``, without `JSONDecoder`'s intermediate
/// tree: the fast path of ``PlanCodec/decode(_:file:migrations:)``.
///
/// It mirrors the model's `Codable` conformances exactly: every non-optional key required,
/// optionals missing or `null`, unknown keys ignored, enum raw values, non-empty ids, days as
/// `YYYY-MM-DD`, date-times as `YYYY-MM-DDTHH:MM:SSZ`. Whatever it cannot read exactly as
/// `JSONDecoder` would (including anything `JSONDecoder` rejects, a repeated key, an older or
/// newer `schemaVersion`, and rare spellings it accepts) makes it return nil, and the caller runs
/// `JSONDecoder`, which gives the precise result or error message. When it returns a plan, that
/// plan is `==` to what `JSONDecoder` produces.
///
/// Keep in step with the model: a new stored property needs a key in ``Fields`` and a case in
/// the reader and in ``FastPlanWriter`` (the tests compare both with Foundation).
struct FastPlanReader {
    var input: JSONInput
    /// The members of the `[String: Int]` object being read; reused.
    private var pairs: [(String, Int)] = []
    /// Ratings read lately, shared by teams rated alike.
    private var intsByKeyCache = SpanCache<[String: Int]>(slotBits: 10)

    /// The plan in `bytes`, or nil if the fast path cannot read it exactly.
    ///
    /// - Parameter schemaVersion: the only `schemaVersion` accepted (older files need migrating).
    static func read(_ bytes: UnsafeRawBufferPointer, schemaVersion: Int, releaseChunk: Int? = nil) -> Plan? {
        guard ModelShape.matches, let start = bytes.baseAddress, !bytes.isEmpty else { return nil }
        var reader = FastPlanReader(
            input: JSONInput(start: start.assumingMemoryBound(to: UInt8.self), count: bytes.count,
                             releaseChunk: releaseChunk))
        do {
            let plan = try reader.plan(schemaVersion: schemaVersion)
            reader.input.skipWhitespace()
            return reader.input.isAtEnd ? plan : nil
        } catch {
            return nil
        }
    }

    // MARK: Building blocks

    /// Reads the next key of an object of a type with `names`; returns its index (and marks it
    /// seen, a repeated key being a miss) or -1 for a key the type does not have.
    @inline(__always)
    mutating func field(_ names: FieldNames, _ hint: inout Int, _ seen: inout UInt32) throws(FastPathMiss) -> Int {
        let key = try input.key()
        let index = names.index(of: key, hint: hint)
        guard index >= 0 else {
            // An unknown key is ignored, unless it is non-ASCII: a string equal (by Unicode
            // canonical equivalence, as Swift compares keys) to a known key is left to JSONDecoder.
            if key.contains(where: { $0 >= 0x80 }) { throw FastPathMiss() }
            return -1
        }
        let bit: UInt32 = 1 << UInt32(index)
        guard seen & bit == 0 else { throw FastPathMiss() }
        seen |= bit
        hint = index + 1
        return index
    }

    /// Reads `{ … }`, calling `member` with the index of each key of `names` (-1: unknown, whose
    /// value `member` must skip).
    @inline(__always)
    mutating func object(_ names: FieldNames,
                         _ member: (inout FastPlanReader, Int) throws(FastPathMiss) -> Void) throws(FastPathMiss)
    {
        guard try input.objectStart() else { return }
        var hint = 0
        var seen: UInt32 = 0
        repeat {
            let index = try field(names, &hint, &seen)
            try member(&self, index)
        } while try input.objectNext()
    }

    @inline(__always)
    mutating func array<T>(_ element: (inout FastPlanReader) throws(FastPathMiss) -> T) throws(FastPathMiss) -> [T] {
        guard try input.arrayStart() else { return [] }
        var result: [T] = []
        repeat {
            result.append(try element(&self))
            input.releaseBehind()
        } while try input.arrayNext()
        return result
    }

    mutating func string() throws(FastPathMiss) -> String { try input.string() }
    mutating func int() throws(FastPathMiss) -> Int { try input.int() }
    mutating func bool() throws(FastPathMiss) -> Bool { try input.bool() }
    mutating func skip() throws(FastPathMiss) { try input.skipValue() }

    mutating func strings() throws(FastPathMiss) -> [String] { try array { r throws(FastPathMiss) in try r.string() } }

    mutating func optionalString() throws(FastPathMiss) -> String? {
        try input.consumeNull() ? nil : input.string()
    }

    mutating func optionalInt() throws(FastPathMiss) -> Int? {
        try input.consumeNull() ? nil : input.int()
    }

    /// An id: a non-empty string.
    mutating func ref<Tag>(_: Tag.Type = Tag.self) throws(FastPathMiss) -> Ref<Tag> {
        let raw = try input.string()
        guard !raw.isEmpty else { throw FastPathMiss() }
        return Ref(raw)
    }

    mutating func optionalRef<Tag>(_: Tag.Type = Tag.self) throws(FastPathMiss) -> Ref<Tag>? {
        try input.consumeNull() ? nil : ref(Tag.self)
    }

    mutating func refs<Tag>(_: Tag.Type = Tag.self) throws(FastPathMiss) -> [Ref<Tag>] {
        try array { r throws(FastPathMiss) in try r.ref(Tag.self) }
    }

    /// An enum value: its raw value, matched by bytes (or, if written with escapes, unescaped
    /// and matched as `init(rawValue:)` does).
    mutating func value<E: StringEnum>(_ table: EnumNames<E>) throws(FastPathMiss) -> E {
        let value: E?
        if let bytes = try input.rawString() {
            value = table.value(bytes)
        } else {
            value = E(rawValue: try input.string())
        }
        guard let value else { throw FastPathMiss() }
        return value
    }

    mutating func optionalValue<E: StringEnum>(_ table: EnumNames<E>) throws(FastPathMiss) -> E? {
        try input.consumeNull() ? nil : value(table)
    }

    mutating func day() throws(FastPathMiss) -> Day {
        guard let text = try input.rawString(), let day = FastDates.day(text) else { throw FastPathMiss() }
        return day
    }

    mutating func optionalDay() throws(FastPathMiss) -> Day? {
        try input.consumeNull() ? nil : day()
    }

    mutating func days() throws(FastPathMiss) -> [Day] { try array { r throws(FastPathMiss) in try r.day() } }

    mutating func date() throws(FastPathMiss) -> Date {
        guard let text = try input.rawString(), let date = FastDates.dateTime(text) else { throw FastPathMiss() }
        return date
    }

    /// A `[String: Int]` object such as a team's ratings; a repeated key is a miss.
    mutating func intsByKey() throws(FastPathMiss) -> [String: Int] {
        input.skipWhitespace()
        let start = input.p
        guard try input.objectStart() else { return [:] }
        // Collected first so that the dictionary is allocated once, at its final size.
        pairs.removeAll(keepingCapacity: true)
        repeat {
            let key = try input.string()
            input.skipWhitespace()
            try input.consume(UInt8(ascii: ":"))
            input.skipWhitespace()
            pairs.append((key, try input.int()))
        } while try input.objectNext()
        let text = UnsafeBufferPointer(start: start, count: input.p - start)
        if let shared = intsByKeyCache.value(for: text) { return shared }
        var result = [String: Int](minimumCapacity: pairs.count)
        for (key, value) in pairs where result.updateValue(value, forKey: key) != nil { throw FastPathMiss() }
        intsByKeyCache.store(result, for: text)
        return result
    }

    // MARK: Plan

    mutating func plan(schemaVersion expected: Int) throws(FastPathMiss) -> Plan {
        var actions: [ActionItem]?, blockers: [Blocker]?, coaches: [Coach]?, conflicts: [MergeConflict]?
        var criteria: [Criterion]?
        var decisions: [Decision]?, dimensions: [ReadinessDimension]?, id: PlanID?, name: String?
        var organisation: Organisation?, resistance: [ResistanceNote]?, rounds: [ParticipantRound]?
        var scenarios: [Scenario]?, version: Int?
        var settings: PlanSettings?, signals: [ReadinessSignal]?
        var stakeholders: [Stakeholder]?, teams: [Team]?, votes: [VoteRound]?, waves: [Wave]?, workshops: [Workshop]?
        try object(Fields.plan) { r, field throws(FastPathMiss) in
            switch field {
            case 0: actions = try r.array { r throws(FastPathMiss) in try r.action() }
            case 1: blockers = try r.array { r throws(FastPathMiss) in try r.blocker() }
            case 2: coaches = try r.array { r throws(FastPathMiss) in try r.coach() }
            case 3: conflicts = try r.array { r throws(FastPathMiss) in try r.conflict() }
            case 4: criteria = try r.array { r throws(FastPathMiss) in try r.criterion() }
            case 5: decisions = try r.array { r throws(FastPathMiss) in try r.decision() }
            case 6: dimensions = try r.array { r throws(FastPathMiss) in try r.dimension() }
            case 7: id = try r.ref()
            case 8: name = try r.string()
            case 9: organisation = try r.organisation()
            case 10: resistance = try r.array { r throws(FastPathMiss) in try r.resistanceNote() }
            case 11: rounds = try r.array { r throws(FastPathMiss) in try r.participantRound() }
            case 12: scenarios = try r.array { r throws(FastPathMiss) in try r.scenario() }
            case 13:
                // Another version (older: to be migrated; newer: refused) is left to JSONDecoder.
                let found = try r.int()
                guard found == expected else { throw FastPathMiss() }
                version = found
            case 14: settings = try r.settings()
            case 15: signals = try r.array { r throws(FastPathMiss) in try r.signal() }
            case 16: stakeholders = try r.array { r throws(FastPathMiss) in try r.stakeholder() }
            case 17: teams = try r.array { r throws(FastPathMiss) in try r.team() }
            case 18: votes = try r.array { r throws(FastPathMiss) in try r.voteRound() }
            case 19: waves = try r.array { r throws(FastPathMiss) in try r.wave() }
            case 20: workshops = try r.array { r throws(FastPathMiss) in try r.workshop() }
            default: try r.skip()
            }
        }
        guard let actions, let blockers, let coaches, let conflicts, let criteria, let decisions, let dimensions, let id, let name,
            let organisation, let resistance, let rounds, let scenarios, let version, let settings, let signals, let stakeholders,
            let teams, let votes, let waves, let workshops
        else { throw FastPathMiss() }
        var plan = Plan(id: id, name: name, organisation: organisation, settings: settings, criteria: criteria,
                        teams: teams, stakeholders: stakeholders, coaches: coaches, dimensions: dimensions,
                        signals: signals, resistance: resistance, waves: waves, blockers: blockers,
                        decisions: decisions, workshops: workshops, actions: actions, votes: votes,
                        scenarios: scenarios, rounds: rounds, conflicts: conflicts)
        plan.schemaVersion = version
        return plan
    }

    mutating func organisation() throws(FastPathMiss) -> Organisation {
        var name: String?, size: OrgSize?, thresholds: SizeThresholds?
        try object(Fields.organisation) { r, field throws(FastPathMiss) in
            switch field {
            case 0: name = try r.string()
            case 1: size = try r.optionalValue(Enums.orgSize)
            case 2: thresholds = try r.sizeThresholds()
            default: try r.skip()
            }
        }
        guard let name, let thresholds else { throw FastPathMiss() }
        return Organisation(name: name, size: size, thresholds: thresholds)
    }

    mutating func sizeThresholds() throws(FastPathMiss) -> SizeThresholds {
        var largeFrom: Int?, midFrom: Int?
        try object(Fields.sizeThresholds) { r, field throws(FastPathMiss) in
            switch field {
            case 0: largeFrom = try r.int()
            case 1: midFrom = try r.int()
            default: try r.skip()
            }
        }
        guard let largeFrom, let midFrom else { throw FastPathMiss() }
        return SizeThresholds(midFrom: midFrom, largeFrom: largeFrom)
    }

    mutating func settings() throws(FastPathMiss) -> PlanSettings {
        var maxTeamSize: Int?, maxWaveSharePercent: Int?, robustnessTopN: Int?
        try object(Fields.settings) { r, field throws(FastPathMiss) in
            switch field {
            case 0: maxTeamSize = try r.int()
            case 1: maxWaveSharePercent = try r.int()
            case 2: robustnessTopN = try r.optionalInt()
            default: try r.skip()
            }
        }
        guard let maxTeamSize, let maxWaveSharePercent else { throw FastPathMiss() }
        return PlanSettings(maxTeamSize: maxTeamSize, maxWaveSharePercent: maxWaveSharePercent,
                            robustnessTopN: robustnessTopN)
    }

    mutating func criterion() throws(FastPathMiss) -> Criterion {
        var anchors: [String]?, help: String?, id: CriterionKey?, name: String?, source: CriterionSource?
        var weight: Int?
        try object(Fields.criterion) { r, field throws(FastPathMiss) in
            switch field {
            case 0: anchors = try r.strings()
            case 1: help = try r.string()
            case 2: id = try r.string()
            case 3: name = try r.string()
            case 4: source = try r.value(Enums.criterionSource)
            case 5: weight = try r.int()
            default: try r.skip()
            }
        }
        guard let anchors, let help, let id, let name, let source, let weight else { throw FastPathMiss() }
        return Criterion(id: id, name: name, source: source, weight: weight, help: help, anchors: anchors)
    }

    mutating func dimension() throws(FastPathMiss) -> ReadinessDimension {
        var anchors: [String]?, group: DimensionGroup?, help: String?, id: DimensionKey?, name: String?
        var retired: Bool?, scope: DimensionScope?
        try object(Fields.dimension) { r, field throws(FastPathMiss) in
            switch field {
            case 0: anchors = try r.strings()
            case 1: group = try r.value(Enums.dimensionGroup)
            case 2: help = try r.string()
            case 3: id = try r.string()
            case 4: name = try r.string()
            case 5: retired = try r.bool()
            case 6: scope = try r.value(Enums.dimensionScope)
            default: try r.skip()
            }
        }
        guard let anchors, let group, let help, let id, let name, let retired, let scope else { throw FastPathMiss() }
        return ReadinessDimension(id: id, name: name, help: help, scope: scope, group: group, anchors: anchors,
                                  retired: retired)
    }

    mutating func team() throws(FastPathMiss) -> Team {
        var area: String?, coach: CoachID?, dependsOn: [TeamID]?, id: TeamID?, name: String?, notes: String?
        var outOfScopeReason: String?, outcome: Outcome?, ratings: [CriterionKey: Int]?, roles: Roles?
        var stage: LifecycleStage?, status: TeamStatus?, tags: [String]?
        try object(Fields.team) { r, field throws(FastPathMiss) in
            switch field {
            case 0: area = try r.string()
            case 1: coach = try r.optionalRef()
            case 2: dependsOn = try r.refs()
            case 3: id = try r.ref()
            case 4: name = try r.string()
            case 5: notes = try r.string()
            case 6: outOfScopeReason = try r.optionalString()
            case 7: outcome = try r.input.consumeNull() ? nil : r.outcome()
            case 8: ratings = try r.intsByKey()
            case 9: roles = try r.roles()
            case 10: stage = try r.value(Enums.lifecycleStage)
            case 11: status = try r.value(Enums.teamStatus)
            case 12: tags = try r.strings()
            default: try r.skip()
            }
        }
        guard let area, let dependsOn, let id, let name, let notes, let ratings, let roles, let stage, let status,
            let tags
        else { throw FastPathMiss() }
        return Team(id: id, name: name, area: area, stage: stage, roles: roles, ratings: ratings, outcome: outcome,
                    status: status, outOfScopeReason: outOfScopeReason, coach: coach, dependsOn: dependsOn,
                    tags: tags, notes: notes)
    }

    mutating func roles() throws(FastPathMiss) -> Roles {
        var data: Int?, design: Int?, engineering: Int?, marketing: Int?, other: Int?, product: Int?
        try object(Fields.roles) { r, field throws(FastPathMiss) in
            switch field {
            case 0: data = try r.int()
            case 1: design = try r.int()
            case 2: engineering = try r.int()
            case 3: marketing = try r.int()
            case 4: other = try r.int()
            case 5: product = try r.int()
            default: try r.skip()
            }
        }
        guard let data, let design, let engineering, let marketing, let other, let product else { throw FastPathMiss() }
        return Roles(product: product, design: design, engineering: engineering, data: data, marketing: marketing,
                     other: other)
    }

    mutating func outcome() throws(FastPathMiss) -> Outcome {
        var baseline: String?, metric: String?, statement: String?, target: String?
        try object(Fields.outcome) { r, field throws(FastPathMiss) in
            switch field {
            case 0: baseline = try r.string()
            case 1: metric = try r.string()
            case 2: statement = try r.string()
            case 3: target = try r.string()
            default: try r.skip()
            }
        }
        guard let baseline, let metric, let statement, let target else { throw FastPathMiss() }
        return Outcome(statement: statement, metric: metric, baseline: baseline, target: target)
    }

    mutating func stakeholder() throws(FastPathMiss) -> Stakeholder {
        var desiredStance: Stance?, id: StakeholderID?, name: String?, role: String?, stance: Stance?
        var history: [StanceChange]?
        try object(Fields.stakeholder) { r, field throws(FastPathMiss) in
            switch field {
            case 0: desiredStance = try r.value(Enums.stance)
            case 1: id = try r.ref()
            case 2: name = try r.string()
            case 3: role = try r.string()
            case 4: stance = try r.value(Enums.stance)
            case 5: history = try r.input.consumeNull() ? nil : r.array { r throws(FastPathMiss) in try r.stanceChange() }
            default: try r.skip()
            }
        }
        guard let desiredStance, let id, let name, let role, let stance else { throw FastPathMiss() }
        return Stakeholder(id: id, name: name, role: role, stance: stance, desiredStance: desiredStance, stanceHistory: history)
    }

    mutating func stanceChange() throws(FastPathMiss) -> StanceChange {
        var at: Date?, from: Stance?, to: Stance?
        try object(Fields.stanceChange) { r, field throws(FastPathMiss) in
            switch field {
            case 0: at = try r.date()
            case 1: from = try r.value(Enums.stance)
            case 2: to = try r.value(Enums.stance)
            default: try r.skip()
            }
        }
        guard let at, let from, let to else { throw FastPathMiss() }
        return StanceChange(from: from, to: to, at: at)
    }

    mutating func coach() throws(FastPathMiss) -> Coach {
        var capacity: Int?, id: CoachID?, name: String?, seededFrom: TeamID?
        try object(Fields.coach) { r, field throws(FastPathMiss) in
            switch field {
            case 0: capacity = try r.int()
            case 1: id = try r.ref()
            case 2: name = try r.string()
            case 3: seededFrom = try r.optionalRef()
            default: try r.skip()
            }
        }
        guard let capacity, let id, let name else { throw FastPathMiss() }
        return Coach(id: id, name: name, capacity: capacity, seededFrom: seededFrom)
    }

    mutating func conflict() throws(FastPathMiss) -> MergeConflict {
        var base: String?, id: String?, ours: String?, theirs: String?, what: String?
        try object(Fields.conflict) { r, field throws(FastPathMiss) in
            switch field {
            case 0: base = try r.optionalString()
            case 1: id = try r.string()
            case 2: ours = try r.optionalString()
            case 3: theirs = try r.optionalString()
            case 4: what = try r.string()
            default: try r.skip()
            }
        }
        guard let id, let what else { throw FastPathMiss() }
        return MergeConflict(id: id, what: what, ours: ours, theirs: theirs, base: base)
    }
}
