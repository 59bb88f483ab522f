import Foundation
import PilotwaveCore
import TerminalUI

/// "Put in a wave" (`P` on Teams, Pilots and the board): the waves in order with their dates, the
/// coach capacity left and the teams already in each, then "New wave…" and "Not yet planned".
/// The rows are worked out once when it opens (a few waves, never the teams).
public struct WavePicker: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        case wave(WaveID)
        /// A wave made for the occasion, with the name and dates shown; created and filled in one edit.
        case newWave(Wave)
        /// Out of their waves (candidates again).
        case unplanned
    }

    public struct Row: Sendable, Equatable {
        public var target: Target
        /// The key that picks the row directly: the wave's order ("0"…"9"), "n", or "".
        public var key: String
        public var title: String
        public var detail: String
        /// "(now)", or "(now: 2 of 3)" when some of the teams are in it.
        public var now: String
        /// Shown as a warning (over capacity).
        public var warning: Bool
    }

    public var title: String
    /// The in-scope teams being put, in the list's order.
    public var teams: [TeamID]
    /// Teams refused before the picker opened ("Finance Close is out of scope: …").
    public var refused: [String]
    public var rows: [Row]
    public var selected: Int
    /// The view the teams were marked in (its marks are cleared after a put).
    public var source: ViewID
    /// Offered after `p`: Esc says the pilots are not put in a wave yet.
    public var offer: Bool
    public var error: String?
}

/// Which wave each team is in, and every wave's coach capacity, for the Teams and Pilots views:
/// rebuilt when the plan's waves (or, for the capacity, the plan) change — not per key.
public struct WaveMembership: Sendable {
    private var wavesSeen: [Wave]?
    /// Team id → position in `plan.waves` of its earliest wave in planned order.
    public private(set) var waveOf: [TeamID: Int] = [:]
    private var capacityRevision = -1
    private var capacityCache: [WaveID: WavePlanning.Capacity] = [:]

    mutating func refresh(_ plan: Plan) {
        if let seen = wavesSeen, seen == plan.waves { return }
        wavesSeen = plan.waves
        var map: [TeamID: Int] = [:]
        let order = plan.waves.indices.sorted { (plan.waves[$0].order, plan.waves[$0].name, $0) < (plan.waves[$1].order, plan.waves[$1].name, $1) }
        for w in order { for id in plan.waves[w].teams where map[id] == nil { map[id] = w } }
        waveOf = map
    }

    /// The wave the team is in, if any.
    public func wave(of team: TeamID, in plan: Plan) -> Wave? {
        guard let w = waveOf[team], w < plan.waves.count else { return nil }
        return plan.waves[w]
    }

    /// Every wave's capacity by the one coach-load rule, once per plan revision.
    mutating func capacity(_ plan: Plan, revision: Int) -> [WaveID: WavePlanning.Capacity] {
        if capacityRevision != revision {
            capacityCache = WavePlanning.capacity(plan)
            capacityRevision = revision
        }
        return capacityCache
    }
}

extension WavePicker {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "16 Mar – 8 May" (this year), "22 Mar – 3 Sep 2027", "5 Oct 2026 – 19 Mar 2027".
    public static func dates(_ start: Day?, _ end: Day?, today: Day) -> String {
        func short(_ d: Day, year: Bool) -> String { "\(d.day) \(monthNames[d.month - 1])" + (year ? " \(d.year)" : "") }
        switch (start, end) {
        case (nil, nil): return "no dates yet"
        case (let s?, nil): return "from " + short(s, year: s.year != today.year)
        case (nil, let e?): return "until " + short(e, year: e.year != today.year)
        case (let s?, let e?):
            if s.year == e.year { return short(s, year: false) + " – " + short(e, year: e.year != today.year) }
            return short(s, year: true) + " – " + short(e, year: true)
        }
    }

    /// The first Monday after `day`.
    static func mondayAfter(_ day: Day) -> Day { day.adding(days: 7 - day.weekday) }

    /// The wave "New wave…" would add: after the last, named "Pilots" at order 0 else "Wave N",
    /// from the Monday after the last wave ends (or the next Monday), as long as the previous wave
    /// (or 8 weeks, Monday to Friday).
    public static func proposedWave(_ plan: Plan, id: WaveID, today: Day) -> Wave {
        let ordered = plan.orderedWaves
        let order = (ordered.map(\.order).max() ?? -1) + 1
        let names = Set(plan.waves.map { $0.name.lowercased() })
        var name = order == 0 ? "Pilots" : "Wave \(order)"
        var n = 2
        while names.contains(name.lowercased()) {
            name = (order == 0 ? "Pilots" : "Wave \(order)") + " (\(n))"
            n += 1
        }
        let start = mondayAfter(plan.waves.compactMap(\.end).max() ?? today)
        var length = 8 * 7 - 3
        if let last = ordered.last, let s = last.start, let e = last.end, e >= s { length = e.ordinal - s.ordinal }
        return Wave(id: id, name: name, order: order, start: start, end: start.adding(days: length))
    }

    /// "2 coach places left", "3 coach places left, ! Marc Dubois over", "! 1 over coach capacity",
    /// "capacity unknown: no coach yet": the board's gauge (teams against places) in words.
    static func capacityText(_ cap: WavePlanning.Capacity?) -> (String, Bool) {
        guard let cap, !cap.coaches.isEmpty else { return ("capacity unknown: no coach yet", false) }
        let left = cap.capacity - cap.teams
        if left < 0 { return ("! \(-left) over coach capacity", true) }
        let text = left == 0 ? "no coach place left" : Words.count(left, "coach place") + " left"
        // A coach carrying more than their capacity (overlapping waves counted), as the board's "! over".
        let over = cap.coaches.filter(\.isOver).map(\.name)
        return over.isEmpty ? (text, false) : (text + ", ! \(Words.list(over)) over", true)
    }
}

extension Reducer {
    /// The plan `P` works on: the board's (a scenario being edited) on the Waves view, else the plan.
    static func pickerPlan(_ state: AppState, source: ViewID) -> Plan {
        source == .waves ? state.derived.waves.board : state.plan
    }

    /// Which wave (in `plan`) each of `teams` is in: from the cached membership for the plan, else
    /// (a scenario) from the scenario's waves.
    static func wavesOf(_ teams: [TeamID], _ state: inout AppState, source: ViewID) -> [TeamID: WaveID] {
        var result: [TeamID: WaveID] = [:]
        if source == .waves && state.waves.scenario != nil {
            let wanted = Set(teams)
            for wave in state.derived.waves.board.orderedWaves {
                for id in wave.teams where wanted.contains(id) && result[id] == nil { result[id] = wave.id }
            }
            return result
        }
        state.derived.membership.refresh(state.plan)
        for id in teams { if let w = state.derived.membership.wave(of: id, in: state.plan) { result[id] = w.id } }
        return result
    }

    /// Coach capacity of every wave of the plan `P` works on, by the board's one rule.
    static func pickerCapacity(_ state: inout AppState, source: ViewID) -> [WaveID: WavePlanning.Capacity] {
        if source == .waves { return state.derived.waves.capacity }
        return state.derived.membership.capacity(state.plan, revision: state.revision)
    }

    /// The teams `P` (or `p`) acts on in the current view: the marked ones, else the selected one.
    static func pickTeams(_ state: AppState) -> [TeamID] {
        switch state.view {
        case .teams:
            if !state.teams.marked.isEmpty { return sortedByIndex(state.teams.marked, state) }
            return state.derived.teamIndex(row: state.teams.selected).map { [state.plan.teams[$0].id] } ?? []
        case .pilots:
            if !state.pilots.marked.isEmpty { return sortedByRank(state.pilots.marked, state) }
            return selectedPilotTeam(state).map { [$0.id] } ?? []
        case .waves:
            if !state.waves.marked.isEmpty { return sortedByIndex(state.waves.marked, state) }
            return selectedWaveTeam(state).map { [$0.id] } ?? []
        default: return []
        }
    }

    static func sortedByIndex(_ ids: Set<TeamID>, _ state: AppState) -> [TeamID] {
        ids.compactMap { id in state.derived.indexByID[id].map { ($0, id) } }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    static func sortedByRank(_ ids: Set<TeamID>, _ state: AppState) -> [TeamID] {
        let d = state.derived.pilots
        return ids.compactMap { id in state.derived.indexByID[id].map { (d.row(ofTeam: $0) ?? Int.max, $0, id) } }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// A team's name by id (by index, not by a search of the list).
    static func teamName(_ id: TeamID, _ state: AppState, in plan: Plan) -> String {
        state.derived.indexByID[id].flatMap { $0 < plan.teams.count ? plan.teams[$0].name : nil } ?? id.raw
    }

    /// `P`: opens the picker for the marked (or selected) teams of the current view. Out-of-scope
    /// teams are refused in words.
    static func openWavePicker(_ state: inout AppState, _ env: Environment) {
        let source = state.view
        if source == .waves, state.waves.scenario != nil { refreshWaves(&state, env) }
        let ids = pickTeams(state)
        guard !ids.isEmpty else {
            toast(&state, "No team selected", env, kind: .error)
            return
        }
        let plan = pickerPlan(state, source: source)
        var inScope: [TeamID] = []
        var refused: [String] = []
        for id in ids {
            guard let i = state.derived.indexByID[id], i < plan.teams.count else { continue }
            let team = plan.teams[i]
            if team.status == .outOfScope {
                refused.append("\(team.name) is out of scope: \(team.outOfScopeReason ?? "no reason given"); the team form brings it back")
            } else {
                inScope.append(id)
            }
        }
        guard !inScope.isEmpty else {
            toast(&state, refused.count == 1 ? refused[0] : "\(Words.count(refused.count, "marked team")) are out of scope; the team form brings one back", env, kind: .error)
            return
        }
        let marked = source == .teams ? !state.teams.marked.isEmpty : source == .pilots ? !state.pilots.marked.isEmpty : !state.waves.marked.isEmpty
        let title = marked && inScope.count + refused.count > 1
            ? "Put \(Words.count(inScope.count, "marked team")) in a wave"
            : "Put \(teamName(inScope[0], state, in: plan)) in a wave"
        state.overlay = .wavePicker(makePicker(&state, teams: inScope, refused: refused, title: title, source: source, offer: false, env))
    }

    static func makePicker(_ state: inout AppState, teams: [TeamID], refused: [String], title: String, source: ViewID,
                           offer: Bool, _ env: Environment) -> WavePicker {
        let plan = pickerPlan(state, source: source)
        let current = wavesOf(teams, &state, source: source)
        let capacity = pickerCapacity(&state, source: source)
        var nowCount: [WaveID: Int] = [:]
        for (_, w) in current { nowCount[w, default: 0] += 1 }
        var rows: [WavePicker.Row] = []
        for wave in plan.orderedWaves {
            let (cap, over) = WavePicker.capacityText(capacity[wave.id])
            let n = nowCount[wave.id] ?? 0
            let now = n == 0 ? "" : n == teams.count ? "(now)" : "(now: \(n) of \(teams.count))"
            rows.append(WavePicker.Row(target: .wave(wave.id), key: (0...9).contains(wave.order) ? "\(wave.order)" : "",
                                       title: wave.name,
                                       detail: WavePicker.dates(wave.start, wave.end, today: state.today) + " · "
                                           + Words.count(wave.teams.count, "team") + " · " + cap,
                                       now: now, warning: over))
        }
        let proposed = WavePicker.proposedWave(plan, id: WaveID(env.newID("wave")), today: state.today)
        rows.append(WavePicker.Row(target: .newWave(proposed), key: "n", title: "New wave…",
                                   detail: "\(proposed.name), " + WavePicker.dates(proposed.start, proposed.end, today: state.today),
                                   now: "", warning: false))
        if !current.isEmpty {
            rows.append(WavePicker.Row(target: .unplanned, key: "", title: "Not yet planned",
                                       detail: "takes " + (teams.count == 1 ? "it" : "them") + " out of " + (current.count == 1 ? "its wave" : "their waves"),
                                       now: "", warning: false))
        }
        // Start on the first wave none of them is in yet.
        let selected = rows.firstIndex { $0.now.isEmpty } ?? 0
        return WavePicker(title: title, teams: teams, refused: refused, rows: rows, selected: selected, source: source,
                          offer: offer, error: nil)
    }

    /// Keys while the picker is open.
    static func handleWavePicker(_ state: inout AppState, _ picker: WavePicker, _ key: Key, _ env: Environment) {
        var p = picker
        p.error = nil
        switch key {
        case .escape, .ctrl("c"), .char("q"):
            state.overlay = nil
            if p.offer {
                toast(&state, "Not put in a wave; P puts them in one later", env, kind: .info)
            } else {
                toast(&state, "Nothing put in a wave", env, kind: .info)
            }
            return
        case .down, .char("j"): p.selected = min(p.rows.count - 1, p.selected + 1)
        case .up, .char("k"): p.selected = max(0, p.selected - 1)
        case .home, .char("g"): p.selected = 0
        case .end, .char("G"): p.selected = max(0, p.rows.count - 1)
        case .enter:
            return putInWave(&state, p, row: p.selected, env)
        case .char("n"):
            if let row = p.rows.firstIndex(where: { $0.key == "n" }) { return putInWave(&state, p, row: row, env) }
        case .char(let c) where c.isASCII && c.isNumber:
            if let row = p.rows.firstIndex(where: { $0.key == String(c) }) { return putInWave(&state, p, row: row, env) }
            p.error = "No wave \(c): n makes a new one"
        default: break
        }
        state.overlay = .wavePicker(p)
    }

    /// Puts the picker's teams where its row says, as one undoable edit (a new wave is created in
    /// the same edit); says what changed, clears the marks and keeps the selection on the team.
    static func putInWave(_ state: inout AppState, _ picker: WavePicker, row: Int, _ env: Environment) {
        guard row >= 0, row < picker.rows.count else { return }
        let source = picker.source
        let target = picker.rows[row].target
        if source == .waves, case .newWave = target, let refusal = scenarioRefusal(state, "adding a wave") {
            var p = picker
            p.error = refusal
            state.overlay = .wavePicker(p)
            return
        }
        let plan = pickerPlan(state, source: source)
        let current = wavesOf(picker.teams, &state, source: source)
        var edits: [PlanEdit] = []
        let wave: Wave?
        switch target {
        case .wave(let id):
            wave = plan.wave(id)
        case .newWave(let w):
            wave = w
            edits.append(.addWave(w))
        case .unplanned:
            wave = nil
        }
        let moving = picker.teams.filter { id in wave.map { current[id] != $0.id } ?? (current[id] != nil) }
        guard !moving.isEmpty else {
            state.overlay = nil
            toast(&state, wave.map { "Already in \($0.name); nothing changed" } ?? "In no wave already; nothing changed", env, kind: .info)
            return
        }
        edits += moving.map { .moveTeam($0, toWave: wave?.id) }
        let names = moving.map { teamName($0, state, in: plan) }
        let who = names.count == 1 ? names[0] : Words.count(names.count, "team")
        let title = wave.map { "Put \(who) in \($0.name)" } ?? "Take \(who) out of \(names.count == 1 ? "its wave" : "their waves")"
        let followed: TeamID? = source == .waves ? selectedWaveTeam(state)?.id : nil
        let ok = source == .waves ? applyBoard(&state, .batch(title, edits), env) : apply(&state, .batch(title, edits), env)
        guard ok else {
            state.overlay = nil
            return
        }
        state.overlay = nil
        switch source {
        case .teams: state.teams.marked = []
        case .pilots: state.pilots.marked = []
        case .waves: state.waves.marked = []
        default: break
        }
        if let followed { follow(&state, followed, env) }
        let listed = Words.short(names, limit: 3)
        var text: String
        var kind = ToastKind.done
        if let wave {
            text = "Put \(listed) in \(wave.name) (\(WavePicker.dates(wave.start, wave.end, today: state.today)))"
            if source == .waves { refreshWaves(&state, env) }
            let (cap, over) = WavePicker.capacityText(pickerCapacity(&state, source: source)[wave.id])
            text += "; " + cap
            if over { kind = .warning }
            if wave.order == 0 {
                let board = pickerPlan(state, source: source)
                for id in moving {
                    guard let i = state.derived.indexByID[id], i < board.teams.count,
                        let flag = HardFlag.flags(board.teams[i], settings: board.settings).first else { continue }
                    text += "; ! \(moving.count == 1 ? "" : board.teams[i].name + ": ")\(flag.label)"
                    kind = .warning
                }
            }
        } else {
            text = "Took \(listed) out of \(names.count == 1 ? "its wave" : "their waves"): not yet planned"
        }
        if !picker.refused.isEmpty {
            text += "; ! not put: " + picker.refused.joined(separator: "; ")
            kind = .warning
        }
        toast(&state, text + " — u to undo", env, kind: kind)
    }

    // MARK: Marks

    /// `m` on Teams, Pilots and the board: toggles the mark and moves to the next row.
    static func toggleMark(_ marked: inout Set<TeamID>, _ id: TeamID) {
        if marked.remove(id) == nil { marked.insert(id) }
    }

    static let wavePickCommands: Set<CommandID> = ["teams.mark", "teams.clearMarks", "teams.putInWave",
                                                   "pilots.clearMarks", "pilots.putInWave", "waves.clearMarks", "waves.putInWave"]

    static func runWavePick(_ state: inout AppState, _ id: CommandID, _ env: Environment) -> [Effect] {
        switch id {
        case "teams.mark":
            guard let index = state.derived.teamIndex(row: state.teams.selected) else { break }
            toggleMark(&state.teams.marked, state.plan.teams[index].id)
            moveSelection(&state, by: 1)
        case "teams.clearMarks":
            let n = state.teams.marked.count
            state.teams.marked = []
            toast(&state, "Cleared \(Words.count(n, "mark"))", env, kind: .info)
        case "pilots.clearMarks":
            let n = state.pilots.marked.count
            state.pilots.marked = []
            toast(&state, "Cleared \(Words.count(n, "mark"))", env, kind: .info)
        case "waves.clearMarks":
            let n = state.waves.marked.count
            state.waves.marked = []
            toast(&state, "Cleared \(Words.count(n, "mark"))", env, kind: .info)
        case "teams.putInWave", "pilots.putInWave", "waves.putInWave":
            openWavePicker(&state, env)
        default: break
        }
        return []
    }
}
