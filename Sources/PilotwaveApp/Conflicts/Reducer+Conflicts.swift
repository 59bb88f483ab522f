import PilotwaveCore
import TerminalUI

extension Reducer {
    /// A key in the Conflicts overlay: j/k and ↓/↑ move, Enter (or t) takes theirs, o keeps ours, u undoes,
    /// Esc (or X) closes.
    static func handleConflicts(_ state: inout AppState, _ overlay: ConflictsOverlay, _ key: Key, _ env: Environment) {
        var overlay = overlay
        let count = state.plan.conflicts.count
        switch key {
        case .escape, .char("q"), .char("X"), .ctrl("c"):
            state.overlay = nil
            return
        case .char("j"), .down:
            overlay.selected = min(overlay.selected + 1, max(count - 1, 0))
        case .char("k"), .up:
            overlay.selected = max(overlay.selected - 1, 0)
        case .enter, .char("t"), .char("o"):
            guard overlay.selected < count else { return }
            resolveConflict(&state, state.plan.conflicts[overlay.selected].id, takeTheirs: key != .char("o"), env)
        case .char("u"):
            _ = run(&state, "app.undo", env)
        case .ctrl("r"):
            _ = run(&state, "app.redo", env)
        default:
            return
        }
        overlay.selected = max(0, min(overlay.selected, state.plan.conflicts.count - 1))
        state.overlay = .conflicts(overlay)
    }

    /// The Conflicts overlay, on the conflict with `id` (the first when the plan has none such).
    static func showConflict(_ state: inout AppState, _ id: String) {
        state.overlay = .conflicts(ConflictsOverlay(selected: state.plan.conflicts.firstIndex { $0.id == id } ?? 0))
    }

    /// Decides one merge conflict as one undoable edit: takes theirs or keeps ours, and says so.
    static func resolveConflict(_ state: inout AppState, _ id: String, takeTheirs: Bool, _ env: Environment) {
        guard let conflict = state.plan.conflicts.first(where: { $0.id == id }) else { return }
        let done = takeTheirs ? Self.takeTheirs(&state, conflict, env) : keepOurs(&state, conflict, env)
        guard done else { return }
        let left = state.plan.conflicts.count
        let rest = left == 0 ? "no conflicts left" : Words.count(left, "conflict") + " left"
        toast(&state, (takeTheirs ? "Took theirs: " : "Kept ours: ") + conflict.what + " — \(rest); u to undo", env)
    }

    static func keepOurs(_ state: inout AppState, _ conflict: MergeConflict, _ env: Environment) -> Bool {
        apply(&state, .batch("Keep ours: " + conflict.what, [.dropConflict(conflict.id)]), env)
    }

    static func takeTheirs(_ state: inout AppState, _ conflict: MergeConflict, _ env: Environment) -> Bool {
        apply(&state, .batch("Take theirs: " + conflict.what, [.resolveConflict(conflict.id, takeTheirs: true)]), env)
    }
}
