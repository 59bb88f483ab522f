import Foundation
import PilotwaveCore
import TerminalUI

/// Paging a long column, and `/` on the board: typing part of a name jumps the selection to the
/// first team that fits (from where `/` was pressed, column by column), ↑/↓ step through them,
/// Enter keeps the search (`.` and `,` step on), Esc clears it.
extension Reducer {
    static func runBoardFind(_ state: inout AppState, _ id: CommandID, _ env: Environment) {
        let d = state.derived.waves
        let c = state.waves.column
        let count = c < d.columns.count ? d.columns[c].teams.count : 0
        let page = max(1, Layout.wavesCardRows(state))
        switch id {
        case "waves.pageDown", "waves.pageUp":
            let by = id == "waves.pageDown" ? page : -page
            state.waves.rows[c] = min(max(0, count - 1), max(0, state.waves.row + by))
            state.waves.tops[c] = max(0, (state.waves.tops[c] ?? 0) + by)
        case "waves.search":
            state.waves.searchInput = TextInput(state.waves.search, limit: 80)
            state.waves.searchOriginColumn = c
            state.waves.searchOriginRow = state.waves.row
        case "waves.nextMatch", "waves.previousMatch":
            stepMatch(&state, by: id == "waves.nextMatch" ? 1 : -1, env)
        case "waves.clearSearch":
            state.waves.search = ""
        default: break
        }
    }

    /// A key while the board's search is typed.
    static func boardSearchKey(_ state: inout AppState, _ key: Key, _ env: Environment) {
        guard var input = state.waves.searchInput else { return }
        switch key {
        case .enter:
            state.waves.searchInput = nil
            state.waves.search = input.text.trimmingWhitespace()
            refreshWaves(&state, env)
            let n = state.derived.waves.matches.count
            if !state.waves.search.isEmpty {
                toast(&state, n == 0 ? "No team's name contains \"\(state.waves.search)\""
                              : "\(Words.count(n, "team")) found for \"\(state.waves.search)\" — . next, , previous, Esc clears",
                      env, kind: .info)
            }
        case .escape, .ctrl("c"):
            state.waves.searchInput = nil
            state.waves.search = ""
            goToOrigin(&state)
        case .down, .ctrl("n"): stepMatch(&state, by: 1, env)
        case .up: stepMatch(&state, by: -1, env)
        default:
            input.handle(key)
            state.waves.searchInput = input
            refreshWaves(&state, env)
            if let m = state.derived.waves.match(from: state.waves.searchOriginColumn, state.waves.searchOriginRow) {
                state.waves.column = m.column
                state.waves.rows[m.column] = m.row
            } else {
                goToOrigin(&state)
            }
        }
    }

    static func goToOrigin(_ state: inout AppState) {
        state.waves.column = state.waves.searchOriginColumn
        state.waves.rows[state.waves.searchOriginColumn] = state.waves.searchOriginRow
    }

    /// The next (or previous) team the search found, after the selected one.
    static func stepMatch(_ state: inout AppState, by: Int, _ env: Environment) {
        refreshWaves(&state, env)
        guard let m = state.derived.waves.match(from: state.waves.column, state.waves.row, by: by) else {
            toast(&state, "No team's name contains \"\(state.waves.searchText)\"", env, kind: .info)
            return
        }
        state.waves.column = m.column
        state.waves.rows[m.column] = m.row
    }
}
