import Foundation
import PilotwaveApp
import PilotwaveCore
import PilotwaveUI
import TerminalUI

/// Drives the app as the runtime does, without a terminal: keys in, state and screen out.
/// The clock starts at a fixed instant and advances only when told; ids count up.
final class AppDriver {
    var state: AppState
    var effects: [Effect] = []
    let clock: Clock
    let env: Environment
    var options = Render.Options(keymap: .standard, unicode: true, timeZone: TimeZone(identifier: "UTC")!)

    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Date
        private var ids = 0
        init(_ start: Date) { value = start }
        var now: Date { lock.withLock { value } }
        func advance(_ seconds: TimeInterval) { lock.withLock { value = value.addingTimeInterval(seconds) } }
        func nextID(_ prefix: String) -> String {
            lock.withLock {
                ids += 1
                return "\(prefix)-t\(ids)"
            }
        }
    }

    /// 2026-03-09 09:00 UTC: Monday of the week the demo's story is written for (``DemoPlan/storyWeek``),
    /// so `DemoPlan.make()` is the demo as a user sees it on that day.
    static let start = Date(timeIntervalSince1970: 1_773_046_800)

    init(plan: Plan = DemoPlan.make(), file: String? = "plan.json", size: Size = Size(width: 120, height: 40),
         readOnly: String? = nil) {
        let clock = Clock(Self.start)
        self.clock = clock
        env = Environment(now: { clock.now }, newID: { clock.nextID($0) })
        state = AppState(plan: plan, file: file, size: size, readOnlyReason: readOnly)
        send(.event(.resize(size)))
    }

    @discardableResult
    func send(_ action: Action) -> [Effect] {
        let out = Reducer.reduce(&state, action, env)
        effects += out
        return out
    }

    /// Types a key story: `"jj<enter>Ana<tab>4<enter>"`.
    func keys(_ story: String) {
        for key in Key.story(story) { send(.event(.key(key))) }
    }

    func press(_ key: Key) { send(.event(.key(key))) }

    func type(_ text: String) {
        for ch in text { send(.event(.key(.char(ch)))) }
    }

    var frame: Frame { Render.frame(state, options) }
    var screen: GridSnapshot { GridSnapshot(frame.canvas) }

    /// The selected team.
    var selectedTeam: Team? {
        state.derived.teamIndex(row: state.teams.selected).map { state.plan.teams[$0] }
    }

    /// `d` after the terminal was resized to `size`.
    static func resized(_ d: AppDriver, _ size: Size) -> AppDriver {
        d.send(.event(.resize(size)))
        return d
    }

    /// The row shown for a team name, if visible.
    func row(of name: String) -> String? { screen.line(containing: name)?.text }
}
