import Foundation

/// What changed between two versions of a plan, in domain terms (DOMAIN.md §7: what a facilitator
/// sends round after a session): teams moved between waves, ratings recorded, notes resolved,
/// decisions taken. Things are matched by id, so a rename is a rename, not a removal and an addition.
///
/// One change per thing that changed, its aspects joined in one line ("Claims Triage: in a wave →
/// pilot; coach Lena Brunner → Anna Keller"); moves between waves are listed apart under the wave
/// plan. Linear in the size of the two plans: every list is indexed by id once.
public struct PlanDiff: Hashable, Sendable {
    /// The heading a change is listed under, in this order.
    public enum Area: String, CaseIterable, Sendable {
        case plan, teams, waves, readiness, resistance, blockers, coaches, stakeholders, decisions, actions, votes,
            rounds, scenarios, workshops

        public var title: String {
            switch self {
            case .plan: "Plan"
            case .teams: "Teams"
            case .waves: "Wave plan"
            case .readiness: "Readiness"
            case .resistance: "Resistance"
            case .blockers: "Blockers"
            case .coaches: "Coaches"
            case .stakeholders: "Stakeholders"
            case .decisions: "Decisions"
            case .actions: "Actions"
            case .votes: "Votes"
            case .rounds: "Participants' rounds"
            case .scenarios: "Scenarios"
            case .workshops: "Workshops"
            }
        }
    }

    /// Each aspect a change can have; stable codes for tests and JSON.
    public enum Kind: String, CaseIterable, Sendable {
        case planRenamed, organisationChanged, settingsChanged, criterionAdded, criterionRemoved, weightChanged,
            criterionEdited
        case teamAdded, teamRemoved, teamRenamed, teamStatus, teamCoach, teamRatings, teamStage, teamOutcome, teamEdited
        case teamMoved, teamPlaced, waveAdded, waveRemoved, waveRenamed, waveOrder, waveDates, waveStatus, waveEntry,
            waveCheckIns
        case signalRecorded, signalStruck, signalUnstruck, signalEdited, signalRemoved, dimensionAdded,
            dimensionRemoved, dimensionRetired, dimensionEdited
        case noteAdded, noteRemoved, noteResolved, noteStatus, noteOwner, noteFollowUp, noteResponse, noteSeverity,
            noteEdited
        case blockerAdded, blockerRemoved, blockerStatus, blockerOwner, blockerEdited
        case coachAdded, coachRemoved, coachCapacity, coachEdited
        case stakeholderAdded, stakeholderRemoved, stakeholderStance, stakeholderEdited
        case decisionTaken, decisionRemoved, decisionEdited
        case actionAdded, actionDone, actionReopened, actionEdited, actionRemoved
        case voteRoundOpened, votesCast, votesRevealed, voteRoundClosed, voteRoundEdited, voteRoundRemoved
        case roundOpened, roundAnswered, roundRevealed, roundClosed, roundEdited, roundRemoved
        case scenarioAdded, scenarioRemoved, scenarioAdopted, scenarioEdited
        case workshopAdded, workshopRemoved, workshopStatus, workshopEdited, parkingLotChanged
        /// Something changed that no other kind describes (a safety net: never "No changes." when
        /// the plans differ).
        case otherChanged
    }

    public struct Change: Hashable, Sendable {
        public var area: Area
        /// What changed about the thing, most telling first.
        public var kinds: [Kind]
        /// The id of the thing (team, wave, note…), or a key.
        public var subject: String
        /// One line for people.
        public var text: String

        public var kind: Kind { kinds.first ?? .otherChanged }

        public init(area: Area, kinds: [Kind], subject: String, text: String) {
            self.area = area
            self.kinds = kinds
            self.subject = subject
            self.text = text
        }
    }

    /// Every change, grouped by area in ``Area`` order; within an area in the new plan's order.
    public var changes: [Change]

    public var isEmpty: Bool { changes.isEmpty }

    /// Every kind of change present.
    public var kinds: Set<Kind> { Set(changes.flatMap(\.kinds)) }

    /// The changes under each heading that has any.
    public var groups: [(area: Area, changes: [Change])] {
        Area.allCases.compactMap { area in
            let list = changes.filter { $0.area == area }
            return list.isEmpty ? nil : (area, list)
        }
    }

    /// The changes of one kind.
    public func changes(_ kind: Kind) -> [Change] { changes.filter { $0.kinds.contains(kind) } }

    /// What changed from `old` to `new`.
    public static func compare(_ old: Plan, _ new: Plan) -> PlanDiff {
        let differ = PlanDiffer(old: old, new: new)
        differ.run()
        let order = Dictionary(uniqueKeysWithValues: Area.allCases.enumerated().map { ($1, $0) })
        let sorted = differ.changes.enumerated().sorted {
            (order[$0.element.area]!, $0.offset) < (order[$1.element.area]!, $1.offset)
        }.map(\.element)
        return PlanDiff(changes: sorted)
    }
}

/// Matches two lists by id: what was added (new order), removed (old order), and the pairs of
/// the same id whose values differ (new order). Ids are unique in a plan that loads; should one
/// repeat, its first occurrence is matched.
///
/// Lists mostly keep their order between two versions of a plan (things are appended, edited in
/// place, rarely removed), so the common prefix is compared position by position without hashing;
/// only the rest is matched through a dictionary. Only the pairs that differ are copied.
func pairByID<T: Identifiable & Equatable>(_ old: [T], _ new: [T]) -> (added: [T], removed: [T], changed: [(T, T)]) {
    var changed: [(T, T)] = []
    var prefix = 0
    let shorter = min(old.count, new.count)
    while prefix < shorter && old[prefix].id == new[prefix].id {
        if old[prefix] != new[prefix] { changed.append((old[prefix], new[prefix])) }
        prefix += 1
    }
    if prefix == old.count && prefix == new.count { return ([], [], changed) }
    var oldIndex: [T.ID: Int] = [:]
    oldIndex.reserveCapacity(old.count - prefix)
    for i in prefix..<old.count where oldIndex[old[i].id] == nil { oldIndex[old[i].id] = i }
    var matched = [Bool](repeating: false, count: old.count)
    var added: [T] = []
    var addedIDs = Set<T.ID>()
    for j in prefix..<new.count {
        let id = new[j].id
        if let i = oldIndex[id] {
            guard !matched[i] else { continue }
            matched[i] = true
            if old[i] != new[j] { changed.append((old[i], new[j])) }
        } else if addedIDs.insert(id).inserted {
            added.append(new[j])
        }
    }
    let removed = (prefix..<old.count).filter { !matched[$0] && oldIndex[old[$0].id] == $0 }.map { old[$0] }
    return (added, removed, changed)
}

/// One comparison. Names are looked up by id in the new plan, else the old one; the lookups are built
/// only when a change needs them (two plans of 100k teams that differ in one note never index teams).
private final class PlanDiffer {
    typealias Kind = PlanDiff.Kind
    let old: Plan
    let new: Plan
    var changes: [PlanDiff.Change] = []
    /// Teams of the new plan that the old one lacks.
    var addedTeams = Set<TeamID>()

    init(old: Plan, new: Plan) {
        self.old = old
        self.new = new
    }

    static func names<ID: Hashable>(_ a: [(ID, String)], _ b: [(ID, String)]) -> [ID: String] {
        var result = Dictionary(b, uniquingKeysWith: { x, _ in x })
        for (id, name) in a where result[id] == nil { result[id] = name }
        return result
    }

    lazy var teamNames = Self.names(old.teams.map { ($0.id, $0.name) }, new.teams.map { ($0.id, $0.name) })
    lazy var coachNames = Self.names(old.coaches.map { ($0.id, $0.name) }, new.coaches.map { ($0.id, $0.name) })
    lazy var waveNames = Self.names(old.waves.map { ($0.id, $0.name) }, new.waves.map { ($0.id, $0.name) })
    lazy var blockerNames = Self.names(old.blockers.map { ($0.id, $0.title) }, new.blockers.map { ($0.id, $0.title) })
    lazy var stakeholderNames = Self.names(old.stakeholders.map { ($0.id, $0.name) }, new.stakeholders.map { ($0.id, $0.name) })
    lazy var dimensionNames = Self.names(old.dimensions.map { ($0.id, $0.name) }, new.dimensions.map { ($0.id, $0.name) })
    lazy var criterionNames = Self.names(old.criteria.map { ($0.id, $0.name) }, new.criteria.map { ($0.id, $0.name) })

    func add(_ area: PlanDiff.Area, _ kinds: [Kind], _ subject: String, _ text: String) {
        changes.append(PlanDiff.Change(area: area, kinds: kinds.isEmpty ? [.otherChanged] : kinds, subject: subject, text: text))
    }

    func team(_ id: TeamID) -> String { teamNames[id] ?? id.raw }
    func coach(_ id: CoachID?) -> String { id.map { coachNames[$0] ?? $0.raw } ?? "none" }
    func text(_ s: String?) -> String { (s?.trimmingWhitespace()).flatMap { $0.isEmpty ? nil : $0 } ?? "none" }
    func day(_ d: Day?) -> String { d?.description ?? "none" }
    static func arrow(_ a: String, _ b: String) -> String { "\(a) → \(b)" }

    func run() {
        planLevel()
        teams()
        waves()
        readiness()
        resistance()
        blockers()
        coaches()
        stakeholders()
        decisions()
        actions()
        votes()
        rounds()
        scenarios()
        workshops()
        if changes.isEmpty {
            var a = old, b = new
            a.schemaVersion = 0
            b.schemaVersion = 0
            if a != b { add(.plan, [.otherChanged], new.id.raw, "Details changed that pilotwave does not itemise (ordering or ids)") }
        }
    }

    // MARK: Plan

    func planLevel() {
        if old.name != new.name { add(.plan, [.planRenamed], new.id.raw, "Plan renamed: " + Self.arrow(old.name, new.name)) }
        if old.organisation != new.organisation {
            var parts: [String] = []
            let (a, b) = (old.organisation, new.organisation)
            if a.name != b.name { parts.append("name " + Self.arrow(a.name, b.name)) }
            if a.size != b.size {
                parts.append("size " + Self.arrow(a.size?.label ?? "inferred", b.size?.label ?? "inferred"))
            }
            if a.thresholds != b.thresholds {
                parts.append("size thresholds mid from \(a.thresholds.midFrom), large from \(a.thresholds.largeFrom) → "
                    + "mid from \(b.thresholds.midFrom), large from \(b.thresholds.largeFrom)")
            }
            add(.plan, [.organisationChanged], "organisation", "Organisation: " + parts.joined(separator: "; "))
        }
        if old.settings != new.settings {
            var parts: [String] = []
            if old.settings.maxTeamSize != new.settings.maxTeamSize {
                parts.append("largest pilot team " + Self.arrow("\(old.settings.maxTeamSize)", "\(new.settings.maxTeamSize)"))
            }
            if old.settings.maxWaveSharePercent != new.settings.maxWaveSharePercent {
                parts.append("largest wave share " + Self.arrow("\(old.settings.maxWaveSharePercent) %", "\(new.settings.maxWaveSharePercent) %"))
            }
            add(.plan, [.settingsChanged], "settings", "Settings: " + parts.joined(separator: "; "))
        }
        let (added, removed, changed) = pairByID(old.criteria, new.criteria)
        for c in added { add(.plan, [.criterionAdded], c.id, "Criterion \(c.name) added (weight \(c.weight), \(c.source.label))") }
        for c in removed { add(.plan, [.criterionRemoved], c.id, "Criterion \(c.name) removed") }
        for (a, b) in changed {
            if a.weight != b.weight {
                add(.plan, [.weightChanged], b.id, "\(b.name) weight " + Self.arrow("\(a.weight)", "\(b.weight)"))
            }
            var x = a
            x.weight = b.weight
            if x != b { add(.plan, [.criterionEdited], b.id, "Criterion \(b.name) edited" + (a.name != b.name ? " (was \(a.name))" : "")) }
        }
        if added.isEmpty, removed.isEmpty, old.criteria.map(\.id) != new.criteria.map(\.id) {
            add(.plan, [.criterionEdited], "criteria", "Criteria reordered")
        }
    }

    // MARK: Teams

    func teams() {
        let (added, removed, changed) = pairByID(old.teams, new.teams)
        addedTeams = Set(added.map(\.id))
        for t in added {
            add(.teams, [.teamAdded], t.id.raw, "\(t.name) added (\(t.status.label)" + (t.area.isEmpty ? "" : ", \(t.area)") + ")")
        }
        for t in removed { add(.teams, [.teamRemoved], t.id.raw, "\(t.name) removed") }
        for (a, b) in changed {
            var kinds: [Kind] = [], parts: [String] = []
            if a.name != b.name {
                kinds.append(.teamRenamed)
                parts.append("renamed from \(a.name)")
            }
            if a.status != b.status {
                kinds.append(.teamStatus)
                parts.append(Self.arrow(a.status.label, b.status.label)
                    + (b.status == .outOfScope ? " (" + text(b.outOfScopeReason) + ")" : ""))
            }
            if a.coach != b.coach {
                kinds.append(.teamCoach)
                parts.append("coach " + Self.arrow(coach(a.coach), coach(b.coach)))
            }
            if a.ratings != b.ratings {
                kinds.append(.teamRatings)
                let order = new.criteria.map(\.id)
                let others = Set(a.ratings.keys).union(b.ratings.keys).subtracting(order).sorted()
                let lines = (order + others).compactMap { key -> String? in
                    let (x, y) = (a.ratings[key], b.ratings[key])
                    guard x != y else { return nil }
                    return "\(criterionNames[key] ?? key) " + Self.arrow(x.map(String.init) ?? "unrated", y.map(String.init) ?? "unrated")
                }
                parts.append(lines.joined(separator: ", "))
            }
            if a.stage != b.stage {
                kinds.append(.teamStage)
                parts.append("stage " + Self.arrow(a.stage.label, b.stage.label))
            }
            if a.outcome != b.outcome {
                kinds.append(.teamOutcome)
                let (x, y) = (a.outcome.flatMap { $0.isEmpty ? nil : $0 }, b.outcome.flatMap { $0.isEmpty ? nil : $0 })
                switch (x, y) {
                case (nil, let y?): parts.append("outcome set: " + Words.quote(y.statement))
                case (_?, nil): parts.append("outcome removed")
                case let (x?, y?) where x.statement != y.statement:
                    parts.append("outcome " + Self.arrow(Words.quote(x.statement, max: 40), Words.quote(y.statement, max: 40)))
                case let (x?, y?):
                    let fields = [("metric", x.metric != y.metric), ("baseline", x.baseline != y.baseline),
                                  ("target", x.target != y.target)].filter(\.1).map(\.0)
                    parts.append("outcome's " + Words.list(fields) + " edited")
                default: parts.append("outcome edited")
                }
            }
            var edited: [String] = []
            if a.area != b.area { edited.append("area") }
            if a.roles != b.roles { edited.append("roles (\(a.roles.size) → \(b.roles.size) people)") }
            if a.outOfScopeReason != b.outOfScopeReason, b.status == a.status || b.status != .outOfScope {
                edited.append("out-of-scope reason")
            }
            if a.dependsOn != b.dependsOn { edited.append("dependencies") }
            if a.tags != b.tags { edited.append("tags") }
            if a.notes != b.notes { edited.append("notes") }
            if !edited.isEmpty {
                kinds.append(.teamEdited)
                parts.append("edited " + Words.list(edited))
            }
            if kinds.isEmpty { continue }
            add(.teams, kinds, b.id.raw, "\(b.name): " + parts.joined(separator: "; "))
        }
    }

    // MARK: Waves

    /// Each team's wave: the earliest in planned order holding it.
    static func placement(_ plan: Plan) -> [TeamID: WaveID] {
        var result: [TeamID: WaveID] = [:]
        for wave in plan.orderedWaves {
            for t in wave.teams where result[t] == nil { result[t] = wave.id }
        }
        return result
    }

    func waves() {
        let (added, removed, changed) = pairByID(old.waves, new.waves)
        func dates(_ w: Wave) -> String { "\(day(w.start)) – \(day(w.end))" }
        for w in added.sorted(by: { ($0.order, $0.name) < ($1.order, $1.name) }) {
            add(.waves, [.waveAdded], w.id.raw, "\(w.name) added (order \(w.order), \(w.status.label), \(dates(w)))")
        }
        for w in removed { add(.waves, [.waveRemoved], w.id.raw, "\(w.name) removed") }
        for (a, b) in changed {
            var kinds: [Kind] = [], parts: [String] = []
            if a.name != b.name {
                kinds.append(.waveRenamed)
                parts.append("renamed from \(a.name)")
            }
            if a.order != b.order {
                kinds.append(.waveOrder)
                parts.append("order " + Self.arrow("\(a.order)", "\(b.order)"))
            }
            if a.start != b.start || a.end != b.end {
                kinds.append(.waveDates)
                parts.append("dates " + Self.arrow(dates(a), dates(b)))
            }
            if a.status != b.status {
                kinds.append(.waveStatus)
                parts.append(Self.arrow(a.status.label, b.status.label))
            }
            if a.entry != b.entry {
                kinds.append(.waveEntry)
                parts.append("entry gate: " + entryChanges(a.entry, b.entry))
            }
            if a.checkIns != b.checkIns {
                kinds.append(.waveCheckIns)
                let (x, y) = (Set(a.checkIns), Set(b.checkIns))
                let plus = b.checkIns.filter { !x.contains($0) }.map { "+\($0)" }
                let minus = a.checkIns.filter { !y.contains($0) }.map { "−\($0)" }
                parts.append("check-ins " + ((plus + minus).isEmpty ? "reordered" : (plus + minus).joined(separator: " ")))
            }
            if kinds.isEmpty { continue }  // only its teams changed: the moves say it
            add(.waves, kinds, b.id.raw, "\(b.name): " + parts.joined(separator: "; "))
        }

        // No wave changed its teams or its place in the order (order, then name): no team moved.
        let sameTeams = old.waves.count == new.waves.count
            && zip(old.waves, new.waves).allSatisfy { $0.id == $1.id && $0.order == $1.order && $0.name == $1.name && $0.teams == $1.teams }
        if sameTeams { return }
        let was = Self.placement(old), now = Self.placement(new)
        for team in new.teams {
            let (a, b) = (was[team.id], now[team.id])
            guard a != b else { continue }
            if addedTeams.contains(team.id) {
                if let b { add(.waves, [.teamPlaced], team.id.raw, "\(team.name) (new) placed in \(waveNames[b] ?? b.raw)") }
                continue
            }
            add(.waves, [.teamMoved], team.id.raw,
                "\(team.name): " + Self.arrow(a.map { waveNames[$0] ?? $0.raw } ?? "no wave", b.map { waveNames[$0] ?? $0.raw } ?? "no wave"))
        }
    }

    func entryChanges(_ a: EntryCriteria, _ b: EntryCriteria) -> String {
        var parts: [String] = []
        let (x, y) = (Set(a.blockers), Set(b.blockers))
        parts += b.blockers.filter { !x.contains($0) }.map { "+ blocker " + Words.quote(blockerNames[$0] ?? $0.raw, max: 40) }
        parts += a.blockers.filter { !y.contains($0) }.map { "− blocker " + Words.quote(blockerNames[$0] ?? $0.raw, max: 40) }
        if a.readiness != b.readiness {
            let show = { (t: [ReadinessThreshold]) in
                t.isEmpty ? "none" : t.map { "\(self.dimensionNames[$0.dimension] ?? $0.dimension) ≥ \($0.minimum)" }.joined(separator: ", ")
            }
            parts.append("readiness " + Self.arrow(show(a.readiness), show(b.readiness)))
        }
        if a.checklist != b.checklist {
            let before = Dictionary(a.checklist.map { ($0.text, $0) }, uniquingKeysWith: { x, _ in x })
            let after = Set(b.checklist.map(\.text))
            for item in b.checklist {
                if let prior = before[item.text] {
                    if !prior.done && item.done { parts.append("✓ " + Words.quote(item.text, max: 40)) }
                    if prior.done && !item.done { parts.append("unticked " + Words.quote(item.text, max: 40)) }
                } else {
                    parts.append("+ " + Words.quote(item.text, max: 40))
                }
            }
            parts += a.checklist.filter { !after.contains($0.text) }.map { "− " + Words.quote($0.text, max: 40) }
            if parts.isEmpty { parts.append("checklist edited") }
        }
        return parts.isEmpty ? "edited" : parts.joined(separator: ", ")
    }

    // MARK: Readiness

    func cell(_ dimension: DimensionKey, _ team: TeamID?) -> String {
        "\(dimensionNames[dimension] ?? dimension), \(team.map(self.team) ?? "organisation")"
    }

    func readiness() {
        let (added, removed, changed) = pairByID(old.signals, new.signals)
        let before = added.isEmpty ? [:] : Readiness.latest(old.signals)
        for s in added.enumerated().sorted(by: { ($0.element.recordedAt, $0.offset) < ($1.element.recordedAt, $1.offset) }).map(\.element) {
            let prior = before[Readiness.CellKey(dimension: s.dimension, team: s.team)]
            var text = "\(cell(s.dimension, s.team)): \(s.rating)/5 " + (prior.map { "(was \($0.rating))" } ?? "(first rating)")
            if !s.recordedBy.isEmpty { text += " by \(s.recordedBy)" }
            if !s.evidence.trimmingWhitespace().isEmpty { text += " — " + Words.quote(s.evidence) }
            if s.struck != nil { text += " (struck)" }
            add(.readiness, [.signalRecorded], s.id.raw, text)
        }
        for (a, b) in changed {
            let what = "\(cell(b.dimension, b.team)): \(b.rating)/5 of \(ReportText.day(b.recordedAt))"
            if a.struck == nil, let strike = b.struck {
                add(.readiness, [.signalStruck], b.id.raw,
                    "\(what) struck" + (strike.by.isEmpty ? "" : " by \(strike.by)") + ": " + Words.quote(strike.reason))
            } else if a.struck != nil, b.struck == nil {
                add(.readiness, [.signalUnstruck], b.id.raw, "\(what) no longer struck")
            } else {
                var x = a
                x.struck = b.struck
                let prior = x.rating != b.rating ? " (was \(x.rating)/5)" : ""
                add(.readiness, [.signalEdited], b.id.raw, "\(what) edited in place\(prior)")
            }
        }
        for s in removed {
            add(.readiness, [.signalRemoved], s.id.raw,
                "\(cell(s.dimension, s.team)): \(s.rating)/5 of \(ReportText.day(s.recordedAt)) removed from the history")
        }
        let dims = pairByID(old.dimensions, new.dimensions)
        for d in dims.added { add(.readiness, [.dimensionAdded], d.id, "Dimension \(d.name) added (\(d.scope.label))") }
        for d in dims.removed { add(.readiness, [.dimensionRemoved], d.id, "Dimension \(d.name) removed") }
        for (a, b) in dims.changed {
            if !a.retired && b.retired {
                add(.readiness, [.dimensionRetired], b.id, "Dimension \(b.name) retired")
            } else {
                add(.readiness, [.dimensionEdited], b.id, "Dimension \(b.name) " + (a.retired && !b.retired ? "back in use" : "edited"))
            }
        }
    }

    // MARK: Resistance

    func source(_ note: ResistanceNote) -> String {
        if let t = note.team { return team(t) }
        if let s = note.stakeholder { return stakeholderNames[s] ?? s.raw }
        return "no source"
    }

    func resistance() {
        let (added, removed, changed) = pairByID(old.resistance, new.resistance)
        for n in added {
            let raisedBy = n.raisedBy.map { ", raised by \($0)" } ?? ""
            add(.resistance, [.noteAdded], n.id.raw,
                "New from \(source(n))\(raisedBy) (\(n.severity.label), \(n.kind.label)): " + Words.quote(n.words)
                    + (n.status != .open ? " — \(n.status.label)" : ""))
        }
        for (a, b) in changed {
            var kinds: [Kind] = [], parts: [String] = []
            if a.status != b.status {
                kinds.append(b.status == .resolved ? .noteResolved : .noteStatus)
                parts.append(b.status == .resolved ? "resolved" : Self.arrow(a.status.label, b.status.label))
            }
            if a.severity != b.severity {
                kinds.append(.noteSeverity)
                parts.append("severity " + Self.arrow(a.severity.label, b.severity.label))
            }
            if a.response != b.response {
                kinds.append(.noteResponse)
                parts.append(text(a.response) == "none" ? "response: " + Words.quote(b.response ?? "") : "response edited")
            }
            if a.owner != b.owner {
                kinds.append(.noteOwner)
                parts.append("owner " + Self.arrow(text(a.owner), text(b.owner)))
            }
            if a.followUp != b.followUp {
                kinds.append(.noteFollowUp)
                parts.append("follow-up " + Self.arrow(day(a.followUp), day(b.followUp)))
            }
            var edited: [String] = []
            if a.words != b.words { edited.append("words") }
            if a.kind != b.kind { edited.append("kind") }
            if a.rootCause != b.rootCause { edited.append("root cause") }
            if a.team != b.team || a.stakeholder != b.stakeholder { edited.append("source") }
            if a.recordedAt != b.recordedAt { edited.append("time") }
            if a.raisedBy != b.raisedBy { edited.append("who raised it") }
            if !edited.isEmpty {
                kinds.append(.noteEdited)
                parts.append("edited " + Words.list(edited))
            }
            add(.resistance, kinds, b.id.raw, "\(Words.quote(b.words, max: 40)) (\(source(b))): " + parts.joined(separator: "; "))
        }
        for n in removed { add(.resistance, [.noteRemoved], n.id.raw, "Removed: " + Words.quote(n.words, max: 40) + " (\(source(n)))") }
    }

    // MARK: Blockers

    func blockers() {
        let (added, removed, changed) = pairByID(old.blockers, new.blockers)
        for b in added {
            add(.blockers, [.blockerAdded], b.id.raw,
                "\(b.title) added (\(b.category.label), \(b.status.label)" + (b.owner.map { ", owner \($0)" } ?? "") + ")")
        }
        for (a, b) in changed {
            var kinds: [Kind] = [], parts: [String] = []
            if a.status != b.status {
                kinds.append(.blockerStatus)
                parts.append(Self.arrow(a.status.label, b.status.label))
            }
            if a.owner != b.owner {
                kinds.append(.blockerOwner)
                parts.append("owner " + Self.arrow(text(a.owner), text(b.owner)))
            }
            var edited: [String] = []
            if a.title != b.title { edited.append("title (was \(Words.quote(a.title, max: 40)))") }
            if a.category != b.category { edited.append("category \(Self.arrow(a.category.label, b.category.label))") }
            if a.surfacedBy != b.surfacedBy { edited.append("surfaced by") }
            if !edited.isEmpty {
                kinds.append(.blockerEdited)
                parts.append("edited " + Words.list(edited))
            }
            add(.blockers, kinds, b.id.raw, "\(b.title): " + parts.joined(separator: "; "))
        }
        for b in removed { add(.blockers, [.blockerRemoved], b.id.raw, "\(b.title) removed") }
    }

    // MARK: People

    func coaches() {
        let (added, removed, changed) = pairByID(old.coaches, new.coaches)
        for c in added {
            add(.coaches, [.coachAdded], c.id.raw,
                "\(c.name) added (capacity \(c.capacity)" + (c.seededFrom.map { ", seeded from \(team($0))" } ?? "") + ")")
        }
        for (a, b) in changed {
            var kinds: [Kind] = [], parts: [String] = []
            if a.capacity != b.capacity {
                kinds.append(.coachCapacity)
                parts.append("capacity " + Self.arrow("\(a.capacity)", "\(b.capacity)"))
            }
            if a.name != b.name || a.seededFrom != b.seededFrom {
                kinds.append(.coachEdited)
                parts.append(a.name != b.name ? "renamed from \(a.name)" : "seeded from " + Self.arrow(a.seededFrom.map(team) ?? "none", b.seededFrom.map(team) ?? "none"))
            }
            add(.coaches, kinds, b.id.raw, "\(b.name): " + parts.joined(separator: "; "))
        }
        for c in removed { add(.coaches, [.coachRemoved], c.id.raw, "\(c.name) removed") }
    }

    func stakeholders() {
        let (added, removed, changed) = pairByID(old.stakeholders, new.stakeholders)
        for s in added {
            add(.stakeholders, [.stakeholderAdded], s.id.raw, "\(s.name)" + (s.role.isEmpty ? "" : " (\(s.role))") + " added, \(s.stance.label)")
        }
        for (a, b) in changed {
            var kinds: [Kind] = [], parts: [String] = []
            if a.stance != b.stance {
                kinds.append(.stakeholderStance)
                parts.append(Self.arrow(a.stance.label, b.stance.label))
            }
            var edited: [String] = []
            if a.name != b.name { edited.append("name (was \(a.name))") }
            if a.role != b.role { edited.append("role") }
            if a.desiredStance != b.desiredStance { edited.append("desired stance \(Self.arrow(a.desiredStance.label, b.desiredStance.label))") }
            if !edited.isEmpty {
                kinds.append(.stakeholderEdited)
                parts.append("edited " + Words.list(edited))
            }
            add(.stakeholders, kinds, b.id.raw, "\(b.name): " + parts.joined(separator: "; "))
        }
        for s in removed { add(.stakeholders, [.stakeholderRemoved], s.id.raw, "\(s.name) removed") }
    }

    // MARK: Decisions and actions

    func decisions() {
        let (added, removed, changed) = pairByID(old.decisions, new.decisions)
        let scenarioNames = Dictionary(old.scenarios.map { ($0.id.raw, $0.name) } + new.scenarios.map { ($0.id.raw, $0.name) },
                                       uniquingKeysWith: { a, _ in a })
        for d in added.enumerated().sorted(by: { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }).map(\.element) {
            add(.decisions, [.decisionTaken], d.id.raw,
                "\(ReportText.instant(d.at)) " + (d.decidedBy.isEmpty ? "" : "\(d.decidedBy) ") + "(\(d.kind.label)): "
                    + ReportText.oneLine(d.text))
            for concern in d.concerns {
                guard let name = scenarioNames[concern] else { continue }
                add(.scenarios, [.scenarioAdopted], concern,
                    "\(name) adopted" + (d.decidedBy.isEmpty ? "" : " by \(d.decidedBy)") + " on \(ReportText.day(d.at))")
            }
        }
        for (a, b) in changed {
            add(.decisions, [.decisionEdited], b.id.raw, "Edited: " + Words.quote(b.text)
                + (a.text != b.text ? " (was \(Words.quote(a.text, max: 40)))" : ""))
        }
        for d in removed { add(.decisions, [.decisionRemoved], d.id.raw, "Removed: " + Words.quote(d.text)) }
    }

    func actions() {
        let (added, removed, changed) = pairByID(old.actions, new.actions)
        for a in added {
            add(.actions, [.actionAdded], a.id.raw,
                ReportText.oneLine(a.text) + " — " + (a.owner.isEmpty ? "no owner" : a.owner)
                    + (a.due.map { ", due \($0)" } ?? "") + (a.done ? " (done)" : ""))
        }
        for (a, b) in changed {
            var kinds: [Kind] = [], parts: [String] = []
            if a.done != b.done {
                kinds.append(b.done ? .actionDone : .actionReopened)
                parts.append(b.done ? "done" : "reopened")
            }
            var edited: [String] = []
            if a.owner != b.owner { edited.append("owner " + Self.arrow(text(a.owner), text(b.owner))) }
            if a.due != b.due { edited.append("due " + Self.arrow(day(a.due), day(b.due))) }
            if a.text != b.text { edited.append("wording") }
            if a.workshop != b.workshop || a.createdAt != b.createdAt { edited.append("details") }
            if !edited.isEmpty {
                kinds.append(.actionEdited)
                parts += edited
            }
            add(.actions, kinds, b.id.raw, Words.quote(b.text, max: 50) + " (\(text(b.owner))): " + parts.joined(separator: "; "))
        }
        for a in removed { add(.actions, [.actionRemoved], a.id.raw, "Removed: " + Words.quote(a.text, max: 50)) }
    }

    // MARK: Votes, scenarios, workshops

    func tally(_ round: VoteRound) -> String {
        let lines = Voting.tallyLines(round)
        return lines.isEmpty ? "no votes" : lines.map { "\(team($0.team)) \($0.votes)" }.joined(separator: ", ")
    }

    func votes() {
        let (added, removed, changed) = pairByID(old.votes, new.votes)
        for r in added {
            var text = "\(Words.quote(r.title)) opened (\(r.budget) votes each" + (r.attributed ? ", names kept" : ", unattributed") + ")"
            if r.ballotCount > 0 { text += "; \(Words.count(r.ballotCount, "ballot")) cast" }
            if r.revealed { text += "; revealed: " + tally(r) }
            if r.closed { text += "; closed" }
            add(.votes, [.voteRoundOpened], r.id.raw, text)
        }
        for (a, b) in changed {
            var kinds: [Kind] = [], parts: [String] = []
            if b.ballotCount != a.ballotCount {
                kinds.append(.votesCast)
                let n = b.ballotCount - a.ballotCount
                parts.append(n > 0 ? "\(Words.count(n, "ballot")) cast (\(b.ballotCount) in all)" : "ballots \(a.ballotCount) → \(b.ballotCount)")
            }
            if !a.revealed && b.revealed {
                kinds.append(.votesRevealed)
                parts.append("revealed: " + tally(b))
            } else if a.revealed && b.revealed && kinds.contains(.votesCast) {
                parts.append("tally now " + tally(b))
            }
            if !a.closed && b.closed {
                kinds.append(.voteRoundClosed)
                parts.append("closed")
            }
            if kinds.isEmpty {
                kinds.append(.voteRoundEdited)
                parts.append("edited")
            }
            add(.votes, kinds, b.id.raw, "\(Words.quote(b.title)): " + parts.joined(separator: "; "))
        }
        for r in removed { add(.votes, [.voteRoundRemoved], r.id.raw, "\(Words.quote(r.title)) removed") }
    }

    /// How many have answered a round: participants in a readiness round, concerns in a concerns round.
    static func answers(_ round: ParticipantRound) -> Int {
        round.kind == .readiness ? round.responses.count : round.concerns
    }

    static func answerCount(_ round: ParticipantRound, _ n: Int) -> String {
        round.kind == .readiness ? Words.count(n, "answer") : Words.count(n, "concern")
    }

    /// Participants' rounds. What participants answered is never shown, revealed or not: only how
    /// many answered (who and what are for the room, on the facilitator's screen).
    func rounds() {
        let (added, removed, changed) = pairByID(old.rounds, new.rounds)
        for r in added {
            let on = r.team.map { team($0) } ?? "the organisation"
            var text = "\(Words.quote(r.title)) opened (\(r.kind.label) on \(on)"
                + (r.kind == .readiness ? ", \(Words.count(r.dimensions.count, "dimension")))" : ")")
            let n = Self.answers(r)
            if n > 0 { text += "; " + Self.answerCount(r, n) }
            if r.revealed { text += "; revealed" }
            if r.closed { text += "; closed" }
            add(.rounds, [.roundOpened], r.id.raw, text)
        }
        for (a, b) in changed {
            var kinds: [Kind] = [], parts: [String] = []
            let (x, y) = (Self.answers(a), Self.answers(b))
            if y > x {
                kinds.append(.roundAnswered)
                parts.append(Self.answerCount(b, y - x) + " (\(y) in all)")
            } else if y != x {
                kinds.append(.roundAnswered)
                parts.append((b.kind == .readiness ? "answers" : "concerns") + " \(x) → \(y)")
            } else if a.responses != b.responses || a.named != b.named {
                kinds.append(.roundAnswered)
                parts.append("answers changed (\(y) in all)")
            }
            if !a.revealed && b.revealed {
                kinds.append(.roundRevealed)
                parts.append("revealed")
            }
            if !a.closed && b.closed {
                kinds.append(.roundClosed)
                parts.append("closed")
            }
            if kinds.isEmpty {
                kinds.append(.roundEdited)
                parts.append("edited")
            }
            add(.rounds, kinds, b.id.raw, "\(Words.quote(b.title)): " + parts.joined(separator: "; "))
        }
        for r in removed { add(.rounds, [.roundRemoved], r.id.raw, "\(Words.quote(r.title)) removed") }
    }

    func scenarios() {
        let (added, removed, changed) = pairByID(old.scenarios, new.scenarios)
        for s in added {
            add(.scenarios, [.scenarioAdded], s.id.raw, "\(s.name) added (\(Words.count(s.waves.count, "wave")))")
        }
        for (a, b) in changed {
            var edited: [String] = []
            if a.name != b.name { edited.append("renamed from \(a.name)") }
            if a.note != b.note { edited.append("note edited") }
            if a.waves != b.waves || a.assignments != b.assignments { edited.append("waves edited") }
            add(.scenarios, [.scenarioEdited], b.id.raw, "\(b.name): " + (edited.isEmpty ? ["edited"] : edited).joined(separator: "; "))
        }
        for s in removed { add(.scenarios, [.scenarioRemoved], s.id.raw, "\(s.name) removed") }
    }

    func workshops() {
        let (added, removed, changed) = pairByID(old.workshops, new.workshops)
        for w in added {
            add(.workshops, [.workshopAdded], w.id.raw,
                "\(w.title) added" + (w.date.map { " for \($0)" } ?? "") + " (\(Words.count(w.steps.count, "step")))")
        }
        for (a, b) in changed {
            var kinds: [Kind] = [], parts: [String] = []
            if a.status != b.status {
                kinds.append(.workshopStatus)
                parts.append(Self.arrow(a.status.label, b.status.label))
            }
            if a.parkingLot != b.parkingLot {
                kinds.append(.parkingLotChanged)
                let n = b.parkingLot.count - a.parkingLot.count
                let closed = b.parkingLot.count { $0.closed } - a.parkingLot.count { $0.closed }
                var words: [String] = []
                if n > 0 { words.append("\(Words.count(n, "item")) parked") }
                if closed > 0 { words.append("\(closed) dealt with") }
                parts.append("parking lot: " + (words.isEmpty ? "edited" : words.joined(separator: ", ")))
            }
            let stepsDone = b.steps.count { $0.done } - a.steps.count { $0.done }
            let spent = b.steps.reduce(0) { $0 + $1.spentSeconds } - a.steps.reduce(0) { $0 + $1.spentSeconds }
            if stepsDone > 0 { parts.append("\(Words.count(stepsDone, "step")) done") }
            if stepsDone < 0 { parts.append("\(Words.count(-stepsDone, "step")) reopened") }
            if spent > 0 { parts.append("\(Words.count((spent + 30) / 60, "minute")) more used") }
            var x = a, y = b
            x.status = .planned
            y.status = .planned
            x.parkingLot = []
            y.parkingLot = []
            for i in x.steps.indices {
                x.steps[i].done = false
                x.steps[i].spentSeconds = 0
            }
            for i in y.steps.indices {
                y.steps[i].done = false
                y.steps[i].spentSeconds = 0
            }
            x.current = 0
            y.current = 0
            if x != y {
                var edited: [String] = []
                if x.title != y.title { edited.append("title (was \(x.title))") }
                if x.date != y.date { edited.append("date " + Self.arrow(day(x.date), day(y.date))) }
                if x.steps != y.steps { edited.append("agenda") }
                if x.template != y.template { edited.append("template") }
                parts.append("edited " + Words.list(edited))
            }
            if stepsDone != 0 || spent != 0 || x != y || a.current != b.current { kinds.append(.workshopEdited) }
            if parts.isEmpty { parts.append("moved to step \(b.current + 1)") }
            add(.workshops, kinds, b.id.raw, "\(b.title): " + parts.joined(separator: "; "))
        }
        for w in removed { add(.workshops, [.workshopRemoved], w.id.raw, "\(w.title) removed") }
    }
}
