import Foundation
import PilotwaveCore

/// Data derived from the plan for the views, cached by plan revision and view settings, so a key
/// press that only moves the selection costs nothing here.
public struct Derived: Sendable, Equatable {
    /// The plan revision the per-team data below belongs to.
    public private(set) var revision = -1
    /// Pilot score per team (plan order), 0…100, or -1 when unrated.
    public private(set) var scores: [Double] = []
    /// Per team: less than half the criteria weight is rated (the score is shown with `?` and
    /// ranks after the others).
    public private(set) var thin: [Bool] = []
    /// Lower-cased name, area, tags and status per team, for filtering.
    var searchText = ByteTable()
    /// Lower-cased names, for sorting.
    var sortNames = ByteTable()
    /// Lower-cased areas, made the first time the table is sorted by area in a revision.
    var sortAreas: ByteTable?
    /// What the caches were built from (compared by storage first, so unchanged parts cost nothing).
    private var teamsSeen: [Team] = []
    private var criteriaSeen: [Criterion]?
    private var settingsSeen: PlanSettings?
    private var organisationSeen: Organisation?
    private var pilotWavesSeen: [Wave]?
    private var coachesSeen: [Coach]?
    /// Counts changes to what the Teams table's order depends on (the teams, and the criteria and
    /// settings behind their scores): an edit elsewhere (a vote, a note, a rating) keeps the order.
    private var teamsGeneration = 0
    /// The plan revision the Teams rows were last checked against.
    private var rowsValidAt = -1
    /// Team id → index in `plan.teams`.
    public private(set) var indexByID: [TeamID: Int] = [:]
    /// Coach id → index in `plan.coaches`.
    public private(set) var coachIndexByID: [CoachID: Int] = [:]

    struct OrderKey: Equatable, Sendable {
        var revision: Int
        var sort: TeamSort
        var descending: Bool
    }

    var orderKey: OrderKey?
    /// Every team index in the current sort order.
    var order: [Int32] = []
    var rowsKey: (order: OrderKey, filter: String)?
    /// The team indices shown in the Teams table, in order.
    public private(set) var rows: [Int32] = []

    public private(set) var recommendation: PilotRecommendation?
    public private(set) var pilotsChosen = 0
    public private(set) var findingsRevision = -1
    public private(set) var findings: [Finding] = []
    /// The Pilots view's ranking, robustness and tally (built while that view is shown).
    public internal(set) var pilots = PilotsDerived()
    /// The Waves board's columns, capacity, gates and findings (built while that view is shown).
    public internal(set) var waves = WavesDerived()
    /// Which wave each team is in, and the waves' coach capacity (Teams and Pilots views, `P`).
    public internal(set) var membership = WaveMembership()
    /// The Blockers view's rows and the waves they gate (built while that view is shown).
    public internal(set) var blockers = BlockersDerived()
    /// The Readiness view's matrix data (built while that view is shown).
    public internal(set) var readiness = ReadinessDerived()
    /// Each team's readiness and resistance at a glance, and the revision it was built for.
    public internal(set) var activity: [TeamID: TeamActivity] = [:]
    var activityRevision = -1
    /// The Resistance view's groups (title and note indices), and what they were built for.
    public internal(set) var noteGroups: [(title: String, notes: [Int])] = []
    var noteGroupsKey: (revision: Int, grouping: ResistanceRules.Grouping, filter: String, today: Day)?
    /// The note indices in display order, and the first row of each group.
    public internal(set) var noteRows: [Int] = []
    public internal(set) var noteGroupStarts: [Int] = []
    /// Notes per status, and those with an overdue follow-up (all notes, not only those shown).
    public internal(set) var noteCounts = ResistanceRules.StatusCounts()
    public internal(set) var overdueNotes = 0
    /// Organisation-level readiness per dimension (not retired, not team-only), with its trend.
    public private(set) var orgReadiness: [(dimension: ReadinessDimension, trend: Readiness.Trend?)] = []

    public static func == (a: Derived, b: Derived) -> Bool {
        a.revision == b.revision && a.orderKey == b.orderKey && a.rows == b.rows
            && a.findingsRevision == b.findingsRevision && a.rowsKey?.filter == b.rowsKey?.filter
    }

    /// Brings the caches up to date for `revision` and the Teams view's sort and filter, and keeps
    /// the selected team selected (by id) when rows move.
    mutating func refresh(plan: Plan, revision: Int, teams: inout TeamsViewState, needFindings: Bool, today: Day,
                          needTeams: Bool = true) {
        if self.revision != revision {
            self.revision = revision
            // Comparing with what the caches were built from is instant when nothing changed (the
            // arrays share storage), so an edit elsewhere (a rating, a note, a vote) rebuilds nothing here.
            let teamsSame = plan.teams == teamsSeen
            if !teamsSame || plan.criteria != criteriaSeen || plan.settings != settingsSeen {
                teamsGeneration += 1
                let scoring = Scoring(plan: plan)
                let values = plan.teams.map { scoring.valueAndCoverage($0) }
                scores = values.map { $0.value ?? -1 }
                thin = values.map(\.thin)
                criteriaSeen = plan.criteria
                settingsSeen = plan.settings
            }
            if !teamsSame || plan.organisation != organisationSeen {
                recommendation = PilotCount.recommend(plan)
                organisationSeen = plan.organisation
            }
            // Pilots are teams with status pilot plus the teams of order-0 waves: a move between later
            // waves changes neither.
            let pilotWaves = plan.waves.filter { $0.order == 0 }
            if !teamsSame || pilotWaves != pilotWavesSeen {
                pilotsChosen = PilotCount.pilots(plan).count
                pilotWavesSeen = pilotWaves
            }
            if plan.coaches != coachesSeen {
                coachIndexByID = Dictionary(plan.coaches.indices.map { (plan.coaches[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
                coachesSeen = plan.coaches
            }
            // An edit that leaves the teams alone (a weight, a vote, a decision) keeps the search
            // and sort keys: comparing the array with the last one is instant when it is the same storage.
            if plan.teams == teamsSeen { return finishRefresh(plan: plan, revision: revision, teams: &teams, needFindings: needFindings, today: today, needTeams: needTeams) }
            teamsSeen = plan.teams
            var search = ByteTable(reservingCapacity: plan.teams.count, bytes: plan.teams.count * 48)
            var names = ByteTable(reservingCapacity: plan.teams.count, bytes: plan.teams.count * 20)
            for team in plan.teams {
                search.appendFolded(team.name)
                search.appendSeparator()
                search.appendFolded(team.area)
                search.appendSeparator()
                search.appendFolded(team.status.label)
                for tag in team.tags {
                    search.appendSeparator()
                    search.appendFolded(tag)
                }
                search.finish()
                names.appendFolded(team.name)
                names.finish()
            }
            searchText = search
            sortNames = names
            sortAreas = nil
            indexByID = Dictionary(plan.teams.indices.map { (plan.teams[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        }
        finishRefresh(plan: plan, revision: revision, teams: &teams, needFindings: needFindings, today: today, needTeams: needTeams)
    }

    private mutating func finishRefresh(plan: Plan, revision: Int, teams: inout TeamsViewState, needFindings: Bool,
                                        today: Day, needTeams: Bool) {
        if needFindings && findingsRevision != revision {
            // The team index is the one kept per teams version, not built again for every check run.
            findings = Finding.ordered(PlanChecks.run(CheckContext(plan: plan, today: today, teamIndex: indexByID)))
            findingsRevision = revision
            let trends = Readiness.trends(plan.signals.filter { $0.team == nil })
            orgReadiness = plan.dimensions.filter { $0.scope != .team && !$0.retired }
                .map { ($0, trends[.organisation($0.id)]) }
        }
        // The Teams table's order and rows are only worked out while that view (or the Overview)
        // is shown; elsewhere rows built for an older plan are dropped by `forgetStale`.
        guard needTeams else { return }
        let key = OrderKey(revision: teamsGeneration, sort: teams.sort, descending: teams.descending)
        if orderKey != key {
            order = sortedOrder(plan: plan, sort: teams.sort, descending: teams.descending)
            orderKey = key
        }
        let filter = teams.filterInput?.text ?? teams.filter
        if rowsKey?.order != key || rowsKey?.filter != filter {
            let needle = Self.folded(filter)
            let table = searchText
            rows = needle.isEmpty ? order : order.filter { table.contains(Int($0), needle) }
            rowsKey = (key, filter)
            reselect(plan: plan, teams: &teams)
        } else {
            clamp(&teams)
        }
        rowsValidAt = revision
    }

    /// After rows changed: select the same team if it is still shown, else keep the position.
    private func reselect(plan: Plan, teams: inout TeamsViewState) {
        if let id = teams.selectedID, let index = indexByID[id],
            let row = rows.firstIndex(of: Int32(index)) {
            teams.selected = row
        }
        clamp(&teams)
    }

    private func clamp(_ teams: inout TeamsViewState) {
        teams.selected = rows.isEmpty ? 0 : min(max(0, teams.selected), rows.count - 1)
        teams.top = max(0, min(teams.top, max(0, rows.count - 1)))
    }

    /// The plan revision the Teams table's rows were built for (-1: none built, or dropped).
    public var rowsRevision: Int { rowsKey == nil ? -1 : rowsValidAt }

    /// Drops what was built for an older plan by views that are not on screen. Their rows hold
    /// indices into the plan's lists: after an undo, redo, reload or adopted scenario those can
    /// name another team, note or blocker, or none at all, so nothing may read them until the view
    /// is shown again and builds them anew. What is kept to make rebuilding cheap (the search
    /// text, a view's per-wave or per-team caches) is checked against the plan it came from.
    mutating func forgetStale(revision: Int, showing view: ViewID) {
        if view != .teams && view != .overview && (rowsKey != nil || !rows.isEmpty) && rowsRevision != revision {
            rows = []
            order = []
            rowsKey = nil
            orderKey = nil
        }
        if view != .pilots && pilots.revision != revision && pilots.revision != -1 { pilots.forget() }
        if view != .readiness && readiness.key != nil && readiness.key?.revision != revision { readiness.forget() }
        if view != .resistance, let key = noteGroupsKey, key.revision != revision {
            noteGroups = []
            noteRows = []
            noteGroupStarts = []
            noteGroupsKey = nil
        }
        if view != .waves && waves.revision != revision && waves.revision != -1 { waves.forget() }
        if view != .blockers && blockers.key != nil && blockers.key?.revision != revision { blockers.forget() }
    }

    /// The coach with `id`, found by index.
    public func coach(_ id: CoachID, in plan: Plan) -> Coach? {
        coachIndexByID[id].flatMap { $0 < plan.coaches.count ? plan.coaches[$0] : nil }
    }

    /// The index in `plan.teams` of the team at `row`, if any.
    public func teamIndex(row: Int) -> Int? {
        row >= 0 && row < rows.count ? Int(rows[row]) : nil
    }

    private mutating func sortedOrder(plan: Plan, sort: TeamSort, descending: Bool) -> [Int32] {
        let teams = plan.teams
        var order = (0..<Int32(teams.count)).map { $0 }
        let names = sortNames
        func nameBefore(_ a: Int, _ b: Int) -> Bool {
            let order = names.compare(a, b)
            return order != 0 ? order < 0 : a < b
        }
        /// Sorts by a small integer key per team, then by name; `descending` orders the key
        /// high to low (names stay A–Z).
        func sortByKey(_ key: [Int], descending: Bool) {
            order.sort { a, b in
                let x = key[Int(a)], y = key[Int(b)]
                if x != y { return descending ? x > y : x < y }
                return nameBefore(Int(a), Int(b))
            }
        }
        switch sort {
        case .score:
            let s = scores, th = thin
            order.sort { a, b in
                // Rated first, then thin, then unrated (reversed when ascending).
                let ca = Scoring.standingClass(s[Int(a)] < 0 ? nil : 0, thin: th[Int(a)])
                let cb = Scoring.standingClass(s[Int(b)] < 0 ? nil : 0, thin: th[Int(b)])
                if ca != cb { return descending ? ca < cb : ca > cb }
                let x = s[Int(a)], y = s[Int(b)]
                if x != y { return descending ? x > y : x < y }
                return nameBefore(Int(a), Int(b))
            }
            return order
        case .name:
            order.sort { nameBefore(Int($0), Int($1)) }
        case .area:
            let areas = sortAreas ?? {
                var table = ByteTable(reservingCapacity: teams.count, bytes: teams.count * 12)
                for team in teams {
                    table.appendFolded(team.area)
                    table.finish()
                }
                return table
            }()
            sortAreas = areas
            order.sort { a, b in
                let c = areas.compare(Int(a), Int(b))
                return c != 0 ? c < 0 : nameBefore(Int(a), Int(b))
            }
        case .stage:
            let stages = LifecycleStage.allCases
            sortByKey(teams.map { stages.firstIndex(of: $0.stage)! }, descending: false)
        case .size:
            sortByKey(teams.map(\.size), descending: descending)
            return order
        case .status:
            let statuses = TeamStatus.allCases
            sortByKey(teams.map { statuses.firstIndex(of: $0.status)! }, descending: false)
        }
        return descending ? order.reversed() : order
    }

    /// Lower-cased UTF-8 bytes for matching and sorting: ASCII folded byte by byte (the common
    /// case, no allocation of an intermediate string), anything else through `lowercased()`.
    static func folded(_ text: String) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        for b in text.utf8 {
            if b >= 0x80 { return Array(text.lowercased().utf8) }
            out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        return out
    }
}
