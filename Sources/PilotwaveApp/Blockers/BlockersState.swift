import PilotwaveCore
import TerminalUI

/// How the Blockers list is grouped (`s` cycles).
public enum BlockerGrouping: String, CaseIterable, Sendable {
    /// Open, in progress, resolved; within each, the blocker holding up the earliest wave first.
    case status
    /// By the earliest upcoming wave each blocker gates ("gates nothing" last).
    case wave
    /// By category: funding, planning, customer access, capability, decision rights, other.
    case category
    /// By owner, the blockers nobody owns first.
    case owner

    public var label: String { rawValue }
}

/// The Blockers view's own state: the selection (kept by id across edits and regrouping), the
/// scroll, the grouping and the filter.
public struct BlockersViewState: Sendable, Equatable {
    public var grouping: BlockerGrouping = .status
    /// Row among the blockers shown (group headings are not rows).
    public var selected = 0
    /// The selected blocker, so that it stays selected when the rows move.
    public var selectedID: BlockerID?
    /// First screen line of the list shown.
    public var top = 0
    public var filter = ""
    public var filterInput: TextInput?
    public var showDetail = true

    public init() {}
}

/// A question that must be answered before something irreversible-looking happens.
public struct Confirmation: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        case deleteBlocker(BlockerID)
        /// Finishing a workshop (`x`): its own keys (``Reducer/handleFinishConfirm(_:_:_:_:)``).
        case finishWorkshop(WorkshopID)
        /// Retiring a readiness dimension that wave gates use (the gates drop it).
        case retireDimension(DimensionKey)
    }

    public var action: Action
    public var title: String
    public var lines: [String]
    /// The keys line at the bottom of the box.
    public var keys: String

    public init(action: Action, title: String, lines: [String], keys: String) {
        self.action = action
        self.title = title
        self.lines = lines
        self.keys = keys
    }
}

/// The Blockers view's derived data: the waves with their gates, and the rows in display order
/// with their group headings. Rebuilt when the plan revision, the grouping or the filter change;
/// moving the selection costs nothing here.
public struct BlockersDerived: Sendable {
    /// A wave as the blockers see it: its place, its start and its whole entry gate.
    public struct WaveInfo: Sendable {
        public var id: WaveID
        public var name: String
        /// The name before " — " ("Wave 1"), for the list.
        public var short: String
        public var start: Day?
        public var status: WaveStatus
        /// The entry gate item by item (blockers first, in `entry.blockers` order).
        public var gate: [WavePlanning.GateItem]
        /// The blockers in the gate, in gate order.
        public var blockers: [BlockerID]

        public var unmet: Int { gate.count { !$0.met } }
    }

    /// A line of the list: a group heading or a blocker row.
    public enum Line: Sendable, Equatable {
        case heading(String, count: Int)
        case row(Int)
    }

    struct Key: Equatable, Sendable {
        var revision: Int
        var grouping: BlockerGrouping
        var filter: String
    }

    var key: Key?
    private var builtRevision = -1
    /// What the waves and gates were built from (compared by storage first, so an edit elsewhere
    /// — a team, a note — rebuilds nothing but the team names).
    private var wavesSeen: [Wave]?
    private var blockersSeen: [Blocker]?
    private var dimensionsSeen: [ReadinessDimension]?
    private var teamsSeen: [Team]?
    /// What the organisation's latest ratings were worked out from.
    private var signalsSeen: [ReadinessSignal]?
    private var latest: [DimensionKey: ReadinessSignal] = [:]
    /// Lower-cased title, category, owner, status, teams and waves per blocker, for the filter.
    private var search: [String] = []

    /// Every wave, in planned order.
    public private(set) var waves: [WaveInfo] = []
    /// Per blocker (plan order): the waves it gates, as indices into `waves`, in order.
    public private(set) var gates: [[Int]] = []
    /// The blocker indices shown, in display order.
    public private(set) var rows: [Int] = []
    /// The screen lines: headings and rows.
    public private(set) var lines: [Line] = []
    /// The line index of each row.
    public private(set) var lineOfRow: [Int] = []

    public private(set) var open = 0
    public private(set) var inProgress = 0
    public private(set) var resolved = 0
    /// Blockers not resolved that nobody owns.
    public private(set) var unowned = 0
    /// Planned waves whose gate holds at least one unresolved blocker.
    public private(set) var wavesHeld = 0

    /// Drops the rows built for an older plan (they are blocker indices); the waves and gates stay,
    /// checked against the plan they came from on the next build.
    mutating func forget() {
        key = nil
        builtRevision = -1
        rows = []
        lines = []
        lineOfRow = []
    }

    /// Brings the rows up to date; true when they were rebuilt (the rows may have moved).
    @discardableResult
    mutating func refresh(plan: Plan, revision: Int, grouping: BlockerGrouping, filter: String,
                          teamName: (TeamID) -> String?) -> Bool {
        let key = Key(revision: revision, grouping: grouping, filter: filter)
        guard key != self.key else { return false }
        self.key = key
        if builtRevision != revision {
            builtRevision = revision
            if plan.waves != wavesSeen || plan.blockers != blockersSeen || plan.signals != signalsSeen
                || plan.dimensions != dimensionsSeen || plan.teams != teamsSeen {
                buildWaves(plan: plan, teamName: teamName)
                (wavesSeen, blockersSeen, dimensionsSeen, teamsSeen) = (plan.waves, plan.blockers, plan.dimensions, plan.teams)
            }
        }
        order(plan: plan, grouping: grouping, filter: filter)
        return true
    }

    private mutating func buildWaves(plan: Plan, teamName: (TeamID) -> String?) {
        if signalsSeen != plan.signals {
            latest = WavePlanning.organisationLatest(plan)
            signalsSeen = plan.signals
        }
        var blockerIndex: [BlockerID: Int] = [:]
        for (i, b) in plan.blockers.enumerated() where blockerIndex[b.id] == nil { blockerIndex[b.id] = i }
        var gates = Array(repeating: [Int](), count: plan.blockers.count)
        waves = plan.orderedWaves.enumerated().map { w, wave in
            for id in wave.entry.blockers {
                if let b = blockerIndex[id], gates[b].last != w { gates[b].append(w) }
            }
            return WaveInfo(id: wave.id, name: wave.name, short: Self.shortName(wave.name), start: wave.start, status: wave.status,
                            gate: WavePlanning.gate(wave, plan: plan, organisation: latest), blockers: wave.entry.blockers)
        }
        self.gates = gates
        open = 0
        inProgress = 0
        resolved = 0
        unowned = 0
        for b in plan.blockers {
            switch b.status {
            case .open: open += 1
            case .inProgress: inProgress += 1
            case .resolved: resolved += 1
            }
            if b.status != .resolved && b.owner == nil { unowned += 1 }
        }
        wavesHeld = plan.orderedWaves.count { wave in
            wave.status == .planned && wave.entry.blockers.contains { id in
                blockerIndex[id].map { plan.blockers[$0].status != .resolved } ?? false
            }
        }
        search = plan.blockers.enumerated().map { i, b in
            ([b.title, b.category.label, b.owner ?? "no owner", b.status.label]
                + b.surfacedBy.compactMap(teamName) + gates[i].map { waves[$0].name }).joined(separator: "\u{1}").lowercased()
        }
    }

    /// "Wave 1 — early adopters" → "Wave 1"; a name without a dash stays whole.
    public static func shortName(_ name: String) -> String {
        for separator in [" — ", " – ", " - ", ": "] {
            if let r = name.firstRange(of: separator), r.lowerBound > name.startIndex {
                return String(name[..<r.lowerBound])
            }
        }
        return name
    }

    /// The earliest wave (its index) a blocker gates that is not done yet; nil when none.
    public func nextWave(_ blocker: Int) -> Int? {
        guard blocker < gates.count else { return nil }
        return gates[blocker].first { waves[$0].status != .done }
    }

    private mutating func order(plan: Plan, grouping: BlockerGrouping, filter: String) {
        let needle = filter.trimmingWhitespace().lowercased()
        var shown = Array(plan.blockers.indices)
        if !needle.isEmpty { shown = shown.filter { search[$0].contains(needle) } }
        let statusRank: (Int) -> Int = { BlockerStatus.allCases.firstIndex(of: plan.blockers[$0].status)! }
        let next = plan.blockers.indices.map { nextWave($0) ?? (gates[$0].isEmpty ? Int.max : Int.max - 1) }
        let waveRank: (Int) -> Int = { next[$0] }
        let titles = plan.blockers.map { $0.title.lowercased() }
        func within(_ a: Int, _ b: Int) -> Bool {
            let ka = (statusRank(a), waveRank(a), plan.blockers[a].owner == nil ? 0 : 1)
            let kb = (statusRank(b), waveRank(b), plan.blockers[b].owner == nil ? 0 : 1)
            if ka != kb { return ka < kb }
            return titles[a] != titles[b] ? titles[a] < titles[b] : a < b
        }
        // Group key (sortable) and heading per blocker.
        var groups: [(rank: Int, name: String, title: String)] = []
        var groupOf: [Int: Int] = [:]
        func group(_ rank: Int, _ name: String, _ title: String) -> Int {
            if let g = groups.firstIndex(where: { $0.rank == rank && $0.name == name }) { return g }
            groups.append((rank, name, title))
            return groups.count - 1
        }
        for b in shown {
            let blocker = plan.blockers[b]
            switch grouping {
            case .status:
                let title = switch blocker.status {
                case .open: "Open — nobody is on it yet"
                case .inProgress: "In progress"
                case .resolved: "Resolved"
                }
                groupOf[b] = group(statusRank(b), "", title)
            case .wave:
                if let w = nextWave(b) {
                    let wave = waves[w]
                    groupOf[b] = group(w, "", wave.name + (wave.start.map { " · starts \($0)" } ?? ""))
                } else {
                    groupOf[b] = group(Int.max, "", gates[b].isEmpty ? "Gates nothing" : "Gates only finished waves")
                }
            case .category:
                let c = BlockerCategory.allCases.firstIndex(of: blocker.category)!
                groupOf[b] = group(c, "", blocker.category.label.prefix(1).uppercased() + blocker.category.label.dropFirst())
            case .owner:
                if let owner = blocker.owner {
                    groupOf[b] = group(1, owner.lowercased(), owner)
                } else {
                    groupOf[b] = group(0, "", "No owner — find one")
                }
            }
        }
        let groupOrder = groups.indices.sorted { (groups[$0].rank, groups[$0].name) < (groups[$1].rank, groups[$1].name) }
        var members = Array(repeating: [Int](), count: groups.count)
        for b in shown { members[groupOf[b]!].append(b) }
        rows = []
        lines = []
        lineOfRow = []
        for g in groupOrder {
            let sorted = members[g].sorted(by: within)
            lines.append(.heading(groups[g].title, count: sorted.count))
            for b in sorted {
                lineOfRow.append(lines.count)
                lines.append(.row(rows.count))
                rows.append(b)
            }
        }
    }

    /// The blocker index shown at `row`, if any.
    public func blocker(row: Int) -> Int? { row >= 0 && row < rows.count ? rows[row] : nil }
}

/// What fixing a blocker of each category usually takes and who usually owns it (DOMAIN.md §6,
/// §4 and §1): shown beside the selected blocker and in its forms.
public enum BlockerGuidance {
    public static func fix(_ category: BlockerCategory) -> String {
        switch category {
        case .funding:
            "Fund persistent teams for outcomes instead of projects for scope: a standing team budget, reviewed each quarter against the outcome metrics, not re-approved per project."
        case .planning:
            "Plan by outcomes, not outputs: roadmaps of problems and target metrics rather than fixed feature lists and dates; reviews open with the metrics."
        case .customerAccess:
            "Make customer contact standard: a standing approval (data protection, account managers) and a research panel, so a team talks to customers every week without asking each time."
        case .capability:
            "Build capability ahead of the wave: coaches with free capacity (it bounds the wave's size), training paths for product managers and designers, coaches seeded from earlier waves."
        case .decisionRights:
            "Write down who decides what: leaders agree the outcome and give context; the team decides how to reach it. Say whether feedback is a suggestion or a decision, and log decisions."
        case .other:
            "Name the rule or habit behind it, who can change it and which wave it holds up. If one team could fix it alone, it is not a systemic blocker."
        }
    }

    public static func owner(_ category: BlockerCategory) -> String {
        switch category {
        case .funding: "the CFO or finance, with the executive sponsor"
        case .planning: "the portfolio or PMO lead, with product leadership"
        case .customerAccess: "the head of customer experience or sales, with legal and data protection"
        case .capability: "the transformation lead, with HR and the coaches"
        case .decisionRights: "the executive sponsor and the leadership team"
        case .other: "a leader with the authority to change the rule behind it"
        }
    }

    /// The reminder under every blocker.
    public static let why = "Teams cannot fix it alone; the later waves wait until the systemic blockers are being fixed. Training product managers while this stays unchanged is a narrow transformation."

    /// Short labels for narrow columns.
    public static func shortLabel(_ category: BlockerCategory) -> String {
        switch category {
        case .customerAccess: "cust. access"
        case .decisionRights: "dec. rights"
        default: category.label
        }
    }
}
