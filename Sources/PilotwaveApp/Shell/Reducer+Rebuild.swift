import Foundation

extension Reducer {
    /// `state` as a fresh start on the same plan and view would show it: every derived cache built
    /// anew. What the app shows must not depend on how the caches got where they are, so this
    /// and `state` render alike — the random-input tests and the soak check that after each step.
    public static func rebuiltFromScratch(_ state: AppState, _ env: Environment) -> AppState {
        var fresh = state
        fresh.derived = Derived()
        fresh.derived.refresh(plan: fresh.plan, revision: fresh.revision, teams: &fresh.teams, needFindings: false, today: fresh.today)
        refresh(&fresh, env)
        return fresh
    }
}
