import PilotwaveCore

/// What the Overview says about workshops: the next one, and planned ones whose date has passed.
public enum OverviewFacts {
    /// The workshop running now, else the next one dated today or later (undated ones after the
    /// dated), else nil.
    public static func nextWorkshop(_ plan: Plan, today: Day) -> Workshop? {
        if let running = plan.workshops.first(where: { $0.status == .running }) { return running }
        let upcoming = plan.workshops.filter { $0.status == .planned && ($0.date.map { $0 >= today } ?? true) }
        return upcoming.min { a, b in
            switch (a.date, b.date) {
            case let (x?, y?): x < y
            case (.some, nil): true
            default: false
            }
        }
    }

    /// Planned workshops dated before today: they did not happen, or were not marked done.
    public static func overdueWorkshops(_ plan: Plan, today: Day) -> [Workshop] {
        plan.workshops.filter { $0.status == .planned && ($0.date.map { $0 < today } ?? false) }
    }
}

extension Reducer {
    /// The Overview's keys: the selected finding (j/k, g/G, pages) and jumping to what it names.
    static func runOverview(_ state: inout AppState, _ id: CommandID, _ env: Environment) {
        let count = state.derived.findings.count
        let last = max(0, count - 1)
        switch id {
        case "overview.down": state.overviewFinding = min(last, state.overviewFinding + 1)
        case "overview.up": state.overviewFinding = max(0, state.overviewFinding - 1)
        case "overview.pageDown": state.overviewFinding = min(last, state.overviewFinding + 5)
        case "overview.pageUp": state.overviewFinding = max(0, state.overviewFinding - 5)
        case "overview.first": state.overviewFinding = 0
        case "overview.last": state.overviewFinding = last
        case "overview.jump": jumpToFinding(&state, env)
        default: break
        }
    }

    /// Opens the view of the first team, wave or blocker the selected finding names, with it selected.
    static func jumpToFinding(_ state: inout AppState, _ env: Environment) {
        let findings = state.derived.findings
        guard state.overviewFinding < findings.count else {
            toast(&state, "No plan checks to go to", env, kind: .info)
            return
        }
        let concerns = findings[state.overviewFinding].concerns
        if findings[state.overviewFinding].code == "mergeConflict" {
            showConflict(&state, concerns.first ?? "")
            return
        }
        for concern in concerns {
            if let index = state.derived.indexByID[TeamID(concern)] {
                state.view = .teams
                state.teams.filter = ""
                state.teams.filterInput = nil
                refresh(&state, env)
                if let row = state.derived.rows.firstIndex(of: Int32(index)) { state.teams.selected = row }
                toast(&state, "\(state.plan.teams[index].name) — 1 returns to the Overview", env, kind: .info)
                return
            }
            if let wave = state.plan.waves.first(where: { $0.id.raw == concern }) {
                state.view = .waves
                state.waves.mode = .board
                refresh(&state, env)
                if let column = state.derived.waves.columns.firstIndex(where: { $0.wave == wave.id }) { state.waves.column = column }
                toast(&state, "\(wave.name) — 1 returns to the Overview", env, kind: .info)
                return
            }
            if let blocker = state.plan.blockers.first(where: { $0.id.raw == concern }) {
                state.view = .blockers
                state.blockers.filter = ""
                state.blockers.filterInput = nil
                refresh(&state, env)
                if let row = state.derived.blockers.rows.firstIndex(where: { state.plan.blockers[$0].id == blocker.id }) {
                    state.blockers.selected = row
                    state.blockers.selectedID = blocker.id
                }
                toast(&state, "Blocker \(Words.quote(blocker.title, max: 40)) — 1 returns to the Overview", env, kind: .info)
                return
            }
        }
        toast(&state, "This check names no team, wave or blocker to go to", env, kind: .info)
    }
}
