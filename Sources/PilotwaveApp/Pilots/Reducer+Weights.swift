import PilotwaveCore
import TerminalUI

/// The criterion weights of the Pilots view: stepped with `+`/`-`, typed for one criterion with `w`,
/// or set all at once from the palette (`weights 5 3 2 0 0 0`). Each change is one undoable edit and
/// its toast names the criterion, the old and new weight and what moved in the ranking.
extension Reducer {
    /// `+`/`-`: the focused criterion's weight one up or down, stopping at 0 and 10 with a word.
    static func stepWeight(_ state: inout AppState, up: Bool, _ env: Environment) {
        guard state.pilots.criterion < state.plan.criteria.count else { return }
        let c = state.plan.criteria[state.pilots.criterion]
        let w = c.weight + (up ? 1 : -1)
        guard Criterion.weightRange.contains(w) else {
            toast(&state, "\(c.name) is already at \(c.weight) (weights run 0–10)", env, kind: .error)
            return
        }
        setWeights(&state, [(c, w)], env)
    }

    /// `w`: a one-field prompt for the focused criterion's weight.
    static func openWeightForm(_ state: inout AppState) {
        guard state.pilots.criterion < state.plan.criteria.count else { return }
        state.overlay = .editForm(.weight(state.plan.criteria[state.pilots.criterion]))
    }

    /// A weight typed in the prompt: a whole number 0–10, else nil with the reason in the field.
    static func typedWeight(_ form: inout EditForm, _ c: Criterion) -> Int?? {
        form.clearErrors()
        let text = form.text("weight").trimmingWhitespace()
        if text.isEmpty { return .some(nil) }
        guard let w = Int(text), Criterion.weightRange.contains(w) else {
            form.setError("weight", "\"\(text)\" is not a weight: type a whole number from 0 to 10 (\(c.name) is \(c.weight) now)")
            return nil
        }
        return .some(w)
    }

    /// Keys of the weight prompt: the keys that focus the next or previous criterion set the typed
    /// weight (if any) and move the prompt on, so several weights are typed in one go.
    static func handleWeightForm(_ state: inout AppState, _ form: EditForm, _ key: CriterionKey, _ press: Key,
                                 _ env: Environment) -> Bool {
        let move = env.keymap.command(for: press, in: .pilots)
        guard move == "pilots.nextCriterion" || move == "pilots.previousCriterion" else { return false }
        var form = form
        guard let c = state.plan.criterion(key), let typed = typedWeight(&form, c) else {
            state.overlay = .editForm(form)
            return true
        }
        if let w = typed, w != c.weight { setWeights(&state, [(c, w)], env) }
        let n = state.plan.criteria.count
        guard n > 0 else { return true }
        state.pilots.criterion = (state.pilots.criterion + (move == "pilots.nextCriterion" ? 1 : n - 1)) % n
        openWeightForm(&state)
        return true
    }

    /// Enter in the weight prompt. Several numbers set the focused criterion and the ones after it,
    /// in the order of the weights panel, as one undoable edit (`w 5 3 2 0 0 0` on the first one sets all).
    static func commitWeightForm(_ state: inout AppState, _ form: EditForm, _ key: CriterionKey, _ env: Environment) {
        var form = form
        guard let c = state.plan.criterion(key) else {
            state.overlay = nil
            return
        }
        let words = form.text("weight").split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        if words.count > 1 {
            commitWeightList(&state, &form, c, words, env)
            return
        }
        guard let typed = typedWeight(&form, c) else {
            state.overlay = .editForm(form)
            return
        }
        guard let w = typed, w != c.weight else {
            state.overlay = nil
            toast(&state, "\(c.name) stays at \(c.weight)", env, kind: .info)
            return
        }
        state.overlay = nil
        setWeights(&state, [(c, w)], env)
    }

    /// Several weights typed in the prompt, from the focused criterion on; every number is checked
    /// before any is set, and a refusal names the number and its criterion.
    private static func commitWeightList(_ state: inout AppState, _ form: inout EditForm, _ c: Criterion,
                                         _ words: [String], _ env: Environment) {
        form.clearErrors()
        let criteria = state.plan.criteria
        guard let first = criteria.firstIndex(where: { $0.id == c.id }) else {
            state.overlay = nil
            return
        }
        let after = criteria[first...]
        guard words.count <= after.count else {
            form.setError("weight", "\(words.count) numbers but \(after.count) \(after.count == 1 ? "criterion" : "criteria") from \(c.name) on "
                          + "(\(after.map(\.name).joined(separator: ", "))): nothing set")
            state.overlay = .editForm(form)
            return
        }
        var changes: [(Criterion, Int)] = []
        for (criterion, text) in zip(after, words) {
            guard let w = Int(text), Criterion.weightRange.contains(w) else {
                form.setError("weight", "\(Words.value(text)) for \(criterion.name) is not a weight: each is a whole number from 0 to 10; nothing set")
                state.overlay = .editForm(form)
                return
            }
            if w != criterion.weight { changes.append((criterion, w)) }
        }
        state.overlay = nil
        guard !changes.isEmpty else {
            toast(&state, "The weights stay as they are", env, kind: .info)
            return
        }
        setWeights(&state, changes, env)
    }

    /// `weights 5 3 2 0 0 0` typed in the palette: one number per criterion, in the order of the
    /// weights panel, set as one undoable edit. Without numbers the palette opens with the current ones.
    static func setAllWeights(_ state: inout AppState, _ arguments: [String], _ env: Environment) {
        let criteria = state.plan.criteria
        guard !arguments.isEmpty else {
            var palette = PaletteState()
            palette.query.insert("weights " + criteria.map { String($0.weight) }.joined(separator: " "))
            state.overlay = .palette(palette)
            return
        }
        guard arguments.count == criteria.count else {
            toast(&state, "weights takes \(criteria.count) numbers, one per criterion in order (\(criteria.map(\.name).joined(separator: ", "))); "
                  + "got \(arguments.count) — nothing changed", env, kind: .error)
            return
        }
        var changes: [(Criterion, Int)] = []
        for (c, text) in zip(criteria, arguments) {
            guard let w = Int(text), Criterion.weightRange.contains(w) else {
                toast(&state, "\"\(text)\" for \(c.name) is not a weight: each is a whole number from 0 to 10 — nothing changed",
                      env, kind: .error)
                return
            }
            if w != c.weight { changes.append((c, w)) }
        }
        guard !changes.isEmpty else {
            toast(&state, "The weights are already " + arguments.joined(separator: " "), env, kind: .info)
            return
        }
        setWeights(&state, changes, env)
    }

    /// Sets the weights as one undoable edit; the toast says old → new per criterion and what it did
    /// to the ranking: where the selected team went, or whether the order changed at all.
    static func setWeights(_ state: inout AppState, _ changes: [(Criterion, Int)], _ env: Environment) {
        let team = selectedPilotTeam(state)
        let rankBefore = state.derived.pilots.rank(row: state.pilots.selected)
        let orderBefore = state.derived.pilots.order
        let edit: PlanEdit = changes.count == 1 ? .setWeight(changes[0].0.id, changes[0].1)
            : .batch("Set weights", changes.map { .setWeight($0.0.id, $0.1) })
        guard apply(&state, edit, env) else { return }
        refreshPilots(&state)
        var text = changes.map { "\($0.0.name) weight \($0.0.weight) → \($0.1)" }.joined(separator: ", ")
        if let team, let old = rankBefore, let now = state.derived.pilots.rank(row: state.pilots.selected), old != now {
            text += "; \(team.name) #\(old) → #\(now)"
        } else if changes.count > 1 || orderBefore != state.derived.pilots.order {
            text += orderBefore == state.derived.pilots.order ? "; the ranking is unchanged" : "; the ranking re-ordered"
        }
        if changes.count > 1 { text += " — u to undo" }
        toast(&state, text, env)
    }
}
