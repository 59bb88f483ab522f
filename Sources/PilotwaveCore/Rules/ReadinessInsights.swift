import Foundation

/// Reading across the readiness grid (DOMAIN.md §4, §6): each cell's history for a sparkline, and
/// the systemic pattern — several pilot teams rating the same dimension low — that should become a
/// systemic blocker rather than each team's problem.
extension Readiness {
    /// Every signal of one cell, struck ones included, oldest first (ties in array order).
    public static func history(_ signals: [ReadinessSignal], _ cell: CellKey) -> [ReadinessSignal] {
        signals.enumerated()
            .filter { $0.element.dimension == cell.dimension && $0.element.team == cell.team }
            .sorted { ($0.element.recordedAt, $0.offset) < ($1.element.recordedAt, $1.offset) }
            .map(\.element)
    }

    /// Each rated cell's unstruck ratings, oldest first, in one pass (for sparklines).
    public static func ratingHistories(_ signals: [ReadinessSignal]) -> [CellKey: [Int]] {
        var dated: [CellKey: [(Date, Int, Int)]] = [:]
        for (i, s) in signals.enumerated() where s.struck == nil {
            dated[CellKey(dimension: s.dimension, team: s.team), default: []].append((s.recordedAt, i, s.rating))
        }
        return dated.mapValues { $0.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2) }
    }

    /// A dimension several pilot teams rate low: a candidate systemic blocker.
    public struct SystemicPattern: Hashable, Sendable {
        public var dimension: ReadinessDimension
        /// The pilot teams whose latest rating is at or below the threshold, with that rating.
        public var teams: [(team: TeamID, rating: Int)]
        /// A blocker already raised for it (same title), if any.
        public var raised: BlockerID?

        public static func == (a: SystemicPattern, b: SystemicPattern) -> Bool {
            a.dimension == b.dimension && a.raised == b.raised && a.teams.map(\.team) == b.teams.map(\.team)
                && a.teams.map(\.rating) == b.teams.map(\.rating)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(dimension)
            hasher.combine(teams.map(\.team))
        }
    }

    /// A team rating at or below this counts as low for the systemic check.
    public static let systemicRating = 2
    /// How many pilot teams must rate a dimension low for it to be systemic.
    public static let systemicTeams = 2

    /// Dimensions (team-level, not retired) that at least ``systemicTeams`` pilot teams rate
    /// ``systemicRating`` or lower, in the plan's dimension order; teams in plan order.
    public static func systemic(_ plan: Plan, latest: [CellKey: ReadinessSignal]? = nil,
                                pilots pilotIDs: [TeamID]? = nil) -> [SystemicPattern] {
        let latest = latest ?? Readiness.latest(plan)
        let pilots = pilotIDs ?? PilotCount.pilots(plan).map(\.id)
        var result: [SystemicPattern] = []
        for dimension in plan.dimensions where dimension.scope != .organisation && !dimension.retired {
            let low = pilots.compactMap { team -> (TeamID, Int)? in
                guard let s = latest[CellKey(dimension: dimension.id, team: team)], s.rating <= systemicRating else { return nil }
                return (team, s.rating)
            }
            guard low.count >= systemicTeams else { continue }
            let title = blockerTitle(dimension)
            let raised = plan.blockers.first { $0.title == title }?.id
            result.append(SystemicPattern(dimension: dimension, teams: low.map { (team: $0.0, rating: $0.1) }, raised: raised))
        }
        return result
    }

    /// "Systemic: Funded by outcomes": the title a raised blocker gets (and how it is found again).
    public static func blockerTitle(_ dimension: ReadinessDimension) -> String { "Systemic: \(dimension.name)" }

    /// The blocker category a dimension most likely points at (DOMAIN.md §6's list).
    public static func blockerCategory(_ dimension: ReadinessDimension) -> BlockerCategory {
        switch dimension.id {
        case ReadinessDimension.fundedByOutcomes: .funding
        case ReadinessDimension.outcomesOverOutputs: .planning
        case ReadinessDimension.empoweredTeams, ReadinessDimension.stakeholdersBringContext: .decisionRights
        case ReadinessDimension.outcomeMetricsImprove: .customerAccess
        default: .other
        }
    }

    /// The edit that raises `pattern` as a systemic blocker, surfaced by its teams, and adds it to
    /// the entry criteria of every wave after the pilots that is not done yet: one undoable step.
    public static func raiseBlocker(_ pattern: SystemicPattern, id: BlockerID, plan: Plan) -> PlanEdit {
        let blocker = Blocker(id: id, title: blockerTitle(pattern.dimension), category: blockerCategory(pattern.dimension),
                              surfacedBy: pattern.teams.map(\.team))
        var edits: [PlanEdit] = [.addBlocker(blocker)]
        for wave in plan.waves where wave.order > 0 && wave.status != .done && !wave.entry.blockers.contains(id) {
            var w = wave
            w.entry.blockers.append(id)
            edits.append(.updateWave(w))
        }
        return .batch("Raise systemic blocker \(blocker.title)", edits)
    }
}

/// Resistance rules (DOMAIN.md §5): overdue follow-ups and the ways to group the log.
public enum ResistanceRules {
    /// Days past the follow-up date of a note that is not resolved; nil when not overdue.
    public static func daysOverdue(_ note: ResistanceNote, today: Day) -> Int? {
        guard note.status != .resolved, let due = note.followUp, due < today else { return nil }
        return today.ordinal - due.ordinal
    }

    /// How many notes are in each status. "open" means the status open, the same word and number
    /// everywhere (the header, the groups by status, the stakeholders): a note being addressed is
    /// not open, it is being addressed.
    public struct StatusCounts: Hashable, Sendable {
        public var open = 0
        public var beingAddressed = 0
        public var resolved = 0
        public init() {}
        public var unresolved: Int { open + beingAddressed }

        /// "9 open · 5 being addressed" (a status with none is left out; "none open" when both are).
        public var phrase: String {
            var parts: [String] = []
            if open > 0 { parts.append("\(open) \(NoteStatus.open.label)") }
            if beingAddressed > 0 { parts.append("\(beingAddressed) \(NoteStatus.beingAddressed.label)") }
            return parts.isEmpty ? "none open" : parts.joined(separator: " · ")
        }
    }

    public static func statusCounts(_ notes: some Sequence<ResistanceNote>) -> StatusCounts {
        var c = StatusCounts()
        for note in notes {
            switch note.status {
            case .open: c.open += 1
            case .beingAddressed: c.beingAddressed += 1
            case .resolved: c.resolved += 1
            }
        }
        return c
    }

    /// How the log is grouped.
    public enum Grouping: String, CaseIterable, Sendable {
        case kind, status, source
        public var label: String { rawValue }
    }

    /// The group a note falls in, for `grouping`, and the order of that group.
    public static func group(_ note: ResistanceNote, by grouping: Grouping, plan: Plan,
                             teamNames: [TeamID: String] = [:]) -> (order: Int, title: String) {
        switch grouping {
        case .kind:
            let i = ResistanceKind.allCases.firstIndex(of: note.kind) ?? 0
            return (i, note.kind.label)
        case .status:
            let i = NoteStatus.allCases.firstIndex(of: note.status) ?? 0
            return (i, note.status.label)
        case .source:
            if let s = note.stakeholder, let sh = plan.stakeholder(s) { return (0, "\(sh.name) (\(sh.role.isEmpty ? "stakeholder" : sh.role))") }
            if let t = note.team { return (1, teamNames[t] ?? plan.team(t)?.name ?? t.raw) }
            return (2, "no source recorded")
        }
    }

    /// Note indices grouped by `grouping`, groups in order; within a group: overdue first, then
    /// severity (high first), then newest first.
    public static func grouped(_ plan: Plan, by grouping: Grouping, matching filter: String = "", today: Day)
        -> [(title: String, notes: [Int])]
    {
        let needle = filter.trimmingWhitespace().lowercased()
        let teamNames = Dictionary(plan.teams.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var groups: [String: (order: Int, notes: [Int])] = [:]
        for (i, note) in plan.resistance.enumerated() {
            if !needle.isEmpty {
                let source = note.team.flatMap { teamNames[$0] } ?? note.stakeholder.flatMap { plan.stakeholder($0)?.name } ?? ""
                let text = [note.words, note.kind.label, note.status.label, note.owner ?? "", note.response ?? "", source]
                    .joined(separator: "\u{1F}").lowercased()
                if !text.contains(needle) { continue }
            }
            let g = group(note, by: grouping, plan: plan, teamNames: teamNames)
            groups[g.title, default: (g.order, [])].notes.append(i)
        }
        let notes = plan.resistance
        return groups.sorted { ($0.value.order, $0.key) < ($1.value.order, $1.key) }.map { title, group in
            (title, group.notes.sorted { a, b in
                let oa = daysOverdue(notes[a], today: today) != nil, ob = daysOverdue(notes[b], today: today) != nil
                if oa != ob { return oa }
                if notes[a].severity.rank != notes[b].severity.rank { return notes[a].severity.rank > notes[b].severity.rank }
                return notes[a].recordedAt > notes[b].recordedAt
            })
        }
    }

    /// After a response, an owner and a follow-up date are set on an open note, it is being addressed.
    public static func advanced(_ note: ResistanceNote) -> ResistanceNote {
        var n = note
        if n.status == .open, n.hasResponseAndOwner, n.followUp != nil { n.status = .beingAddressed }
        return n
    }
}
