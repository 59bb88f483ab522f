import Foundation
import PilotwaveCore
import TerminalUI

extension Reducer {
    // MARK: Refresh

    static func refreshBlockers(_ state: inout AppState, _ env: Environment) {
        let filter = state.blockers.filterInput?.text ?? state.blockers.filter
        let index = state.derived.indexByID
        let teams = state.plan.teams
        let rebuilt = state.derived.blockers.refresh(plan: state.plan, revision: state.revision, grouping: state.blockers.grouping,
                                                     filter: filter, teamName: { id in index[id].map { teams[$0].name } })
        let d = state.derived.blockers
        var b = state.blockers
        // The rows moved (an edit, the grouping, the filter): keep the same blocker selected.
        if rebuilt, let id = b.selectedID, let row = d.rows.firstIndex(where: { state.plan.blockers[$0].id == id }) {
            b.selected = row
        }
        b.selected = d.rows.isEmpty ? 0 : min(max(0, b.selected), d.rows.count - 1)
        b.selectedID = d.blocker(row: b.selected).map { state.plan.blockers[$0].id }
        let visible = Layout.blockers(state.size, showDetail: b.showDetail, blockers: state.plan.blockers.count).visibleLines
        if b.selected < d.lineOfRow.count {
            let line = d.lineOfRow[b.selected]
            // Moving up onto the first row of a group shows its heading too.
            if line < b.top { b.top = max(0, line - 1) }
            if line >= b.top + visible { b.top = line - visible + 1 }
        }
        b.top = max(0, min(b.top, max(0, d.lines.count - visible)))
        state.blockers = b
    }

    public static func selectedBlocker(_ state: AppState) -> Blocker? {
        state.derived.blockers.blocker(row: state.blockers.selected).flatMap { $0 < state.plan.blockers.count ? state.plan.blockers[$0] : nil }
    }

    // MARK: Commands

    static func runBlockers(_ state: inout AppState, _ id: CommandID, _ env: Environment) -> [Effect] {
        let d = state.derived.blockers
        switch id {
        case "blockers.down": state.blockers.selected = min(max(0, d.rows.count - 1), state.blockers.selected + 1)
        case "blockers.up": state.blockers.selected = max(0, state.blockers.selected - 1)
        case "blockers.first": state.blockers.selected = 0
        case "blockers.last": state.blockers.selected = max(0, d.rows.count - 1)
        case "blockers.group":
            let all = BlockerGrouping.allCases
            state.blockers.grouping = all[(all.firstIndex(of: state.blockers.grouping)! + 1) % all.count]
            toast(&state, "Grouped by \(state.blockers.grouping.label)", env, kind: .info)
        case "blockers.filter":
            state.blockers.filterInput = TextInput(state.blockers.filter, limit: 80)
        case "blockers.clearFilter":
            state.blockers.filter = ""
        case "blockers.toggleDetail":
            state.blockers.showDetail.toggle()
        case "blockers.add":
            // A new blocker holds up the next wave after the pilots unless the room says otherwise.
            let next = state.plan.orderedWaves.first { $0.order > 0 && $0.status != .done }
            state.overlay = .editForm(.blocker(nil, teams: "", waves: next.map { EditForm.waveNames([$0.id], plan: state.plan) } ?? ""))
        case "blockers.edit":
            guard let blocker = selectedBlocker(state) else { break }
            let names = blocker.surfacedBy.compactMap { id in state.derived.indexByID[id].map { state.plan.teams[$0].name } }
            let gated = state.plan.waves.filter { $0.entry.blockers.contains(blocker.id) }.map(\.id)
            state.overlay = .editForm(.blocker(blocker, teams: names.joined(separator: ", "), waves: EditForm.waveNames(gated, plan: state.plan)))
        case "blockers.owner":
            guard let blocker = selectedBlocker(state) else { break }
            state.overlay = .editForm(.blockerOwner(blocker, inProgress: false))
        case "blockers.advance", "blockers.back":
            guard var blocker = selectedBlocker(state) else { break }
            let all = BlockerStatus.allCases
            let i = all.firstIndex(of: blocker.status)!
            let j = id == "blockers.advance" ? i + 1 : i - 1
            guard j >= 0, j < all.count else {
                toast(&state, "\(Words.quote(blocker.title, max: 40)) is already \(blocker.status.label)", env, kind: .info)
                break
            }
            let before = gateState(state, blocker.id)
            blocker.status = all[j]
            if blocker.status == .inProgress && blocker.owner == nil {
                // Someone has to be working on it: ask who, and move it on in the same edit.
                state.overlay = .editForm(.blockerOwner(blocker, inProgress: true))
                break
            }
            if apply(&state, .batch("Mark blocker \(blocker.title) \(blocker.status.label)", [.updateBlocker(blocker)]), env) {
                let text = statusMessage(&state, blocker, before: before, env)
                toast(&state, text, env)
            }
        case "blockers.delete":
            guard let blocker = selectedBlocker(state) else { break }
            let gated = state.plan.orderedWaves.filter { $0.entry.blockers.contains(blocker.id) }.map(\.name)
            state.overlay = .confirm(Confirmation(
                action: .deleteBlocker(blocker.id), title: "Delete this blocker?",
                lines: [Words.quote(blocker.title, max: 200),
                        gated.isEmpty ? "It gates no wave." : "It leaves the entry gate\(gated.count == 1 ? "" : "s") of \(Words.list(gated)).",
                        "Resolving it (>) keeps the record of what the pilots surfaced; u undoes a delete."],
                keys: "y delete · Esc keep it"))
        default: break
        }
        return []
    }

    /// Per wave gated by `blocker`: whether its whole gate is met.
    static func gateState(_ state: AppState, _ blocker: BlockerID) -> [WaveID: Bool] {
        var result: [WaveID: Bool] = [:]
        for wave in state.derived.blockers.waves where wave.blockers.contains(blocker) { result[wave.id] = wave.unmet == 0 }
        return result
    }

    /// The message after a status change: which gates it opened or closed, first (the selection
    /// stays on the blocker, so its title is on screen already).
    static func statusMessage(_ state: inout AppState, _ blocker: Blocker, before: [WaveID: Bool], _ env: Environment) -> String {
        refreshBlockers(&state, env)
        let waves = state.derived.blockers.waves.filter { $0.blockers.contains(blocker.id) && $0.status != .done }
        var text: String
        switch blocker.status {
        case .resolved:
            text = "Resolved"
            let opened = waves.filter { $0.unmet == 0 }.map(\.short)
            let waiting = waves.filter { $0.unmet > 0 }.map { "\($0.short) still has \($0.unmet) unmet" }
            if waves.isEmpty { text += " (it held no upcoming wave)" }
            if !opened.isEmpty { text += " — gate now met: \(Words.list(opened))" }
            if !waiting.isEmpty { text += (opened.isEmpty ? " — " : "; ") + waiting.joined(separator: ", ") }
        case .inProgress:
            text = "In progress" + (blocker.owner.map { ", owner \($0)" } ?? "")
        case .open:
            text = "Open again"
        }
        let closed = waves.filter { before[$0.id] == true && $0.unmet > 0 }.map(\.short)
        if !closed.isEmpty { text += " — \(Words.list(closed)): gate no longer met" }
        return text + " — u to undo"
    }

    /// A click on a row selects it; a click on the selected row edits it.
    static func clickBlocker(_ state: inout AppState, row: Int, _ env: Environment) -> [Effect] {
        guard state.overlay == nil, state.view == .blockers else { return [] }
        if row == state.blockers.selected { return run(&state, "blockers.edit", env) }
        state.blockers.selected = max(0, min(row, state.derived.blockers.rows.count - 1))
        return []
    }

    /// A key while the filter line is being typed.
    static func blockersFilterKey(_ state: inout AppState, _ key: Key) {
        guard var input = state.blockers.filterInput else { return }
        switch filterKey(key, &input, applied: &state.blockers.filter) {
        case .closed: state.blockers.filterInput = nil
        case .move(let by): state.blockers.selected = max(0, state.blockers.selected + by)
        case .edited:
            state.blockers.filterInput = input
            state.blockers.selected = 0
            state.blockers.top = 0
        }
    }

    // MARK: Confirmation

    static func handleConfirm(_ state: inout AppState, _ confirmation: Confirmation, _ key: Key, _ env: Environment) {
        if case .finishWorkshop(let id) = confirmation.action { return handleFinishConfirm(&state, id, key, env) }
        switch key {
        case .char("y"), .char("Y"), .char("d"), .enter:
            state.overlay = nil
            switch confirmation.action {
            case .finishWorkshop: break
            case .retireDimension(let key): retireDimension(&state, key, env)
            case .deleteBlocker(let id):
                guard let blocker = state.plan.blocker(id) else { break }
                let gated = state.plan.orderedWaves.filter { $0.entry.blockers.contains(id) }.map { BlockersDerived.shortName($0.name) }
                if apply(&state, .removeBlocker(id), env) {
                    toast(&state, "Deleted \(Words.quote(blocker.title, max: 30))"
                        + (gated.isEmpty ? "" : "; it left the gate of \(Words.list(gated))") + " — u to undo", env)
                }
            }
        case .escape, .char("n"), .char("N"), .char("q"), .ctrl("c"):
            state.overlay = nil
            toast(&state, "Kept; nothing changed", env, kind: .info)
        default: break
        }
    }

    // MARK: Forms

    static func commitBlockerForm(_ state: inout AppState, _ form: EditForm, _ env: Environment) {
        var form = form
        form.clearErrors()
        switch form.purpose {
        case .blockerOwner(let id, let inProgress):
            guard var blocker = state.plan.blocker(id) else {
                state.overlay = nil
                return
            }
            let before = gateState(state, id)
            let owner = form.text("owner").trimmingWhitespace()
            if inProgress && owner.isEmpty { form.setError("owner", "in progress needs someone working on it") }
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            let old = blocker
            blocker.owner = owner.isEmpty ? nil : owner
            if inProgress { blocker.status = .inProgress }
            if blocker == old {
                state.overlay = nil
                toast(&state, "No changes", env, kind: .info)
                return
            }
            let name = inProgress ? "Mark blocker \(blocker.title) in progress, owner \(owner)"
                : blocker.owner == nil ? "Remove the owner of blocker \(blocker.title)" : "Set the owner of blocker \(blocker.title) to \(owner)"
            if apply(&state, .batch(name, [.updateBlocker(blocker)]), env) {
                state.overlay = nil
                if inProgress {
                    let text = statusMessage(&state, blocker, before: before, env)
                    toast(&state, text, env)
                } else {
                    toast(&state, (blocker.owner.map { "Owner: \($0)" } ?? "No owner now") + " — u to undo", env)
                }
            }
        case .blocker(let existing):
            let title = form.text("title").trimmingWhitespace()
            if title.isEmpty { form.setError("title", "a blocker needs a title") }
            if state.plan.blockers.contains(where: { $0.id != existing && $0.title.lowercased() == title.lowercased() }) {
                form.setError("title", "\(Words.quote(title, max: 40)) is a blocker already")
            }
            let owner = form.text("owner").trimmingWhitespace()
            let status = EditForm.blockerStatuses[form.choice("status")]
            if status == .inProgress && owner.isEmpty { form.setError("owner", "in progress needs an owner: who is working on it?") }
            let teams = EditForm.resolveTeams(form.text("surfacedBy"), plan: state.plan)
            if let error = teams.error { form.setError("surfacedBy", error) }
            let waves = EditForm.resolveWaves(form.text("waves"), plan: state.plan)
            if let error = waves.error { form.setError("waves", error) }
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            let id = existing ?? BlockerID(env.newID("blocker"))
            let old = existing.flatMap { state.plan.blocker($0) }
            let blocker = Blocker(id: id, title: title, category: EditForm.blockerCategories[form.choice("category")],
                                  surfacedBy: teams.ids, owner: owner.isEmpty ? nil : owner, status: status)
            var edits: [PlanEdit] = []
            if old == nil { edits.append(.addBlocker(blocker)) } else if old != blocker { edits.append(.updateBlocker(blocker)) }
            for wave in state.plan.orderedWaves {
                let gates = wave.entry.blockers.contains(id), wanted = waves.ids.contains(wave.id)
                guard gates != wanted else { continue }
                var w = wave
                if wanted { w.entry.blockers.append(id) } else { w.entry.blockers.removeAll { $0 == id } }
                edits.append(.updateWave(w))
            }
            guard !edits.isEmpty else {
                state.overlay = nil
                toast(&state, "No changes", env, kind: .info)
                return
            }
            let before = gateState(state, id)
            let name = (old == nil ? "Add" : "Edit") + " blocker \(title)"
            guard apply(&state, edits.count == 1 ? edits[0] : .batch(name, edits), env) else {
                state.overlay = .editForm(form)
                return
            }
            state.overlay = nil
            state.blockers.selectedID = id
            if old == nil {
                refreshBlockers(&state, env)
                let gated = state.derived.blockers.waves.filter { $0.blockers.contains(id) }.map(\.short)
                toast(&state, "Added" + (gated.isEmpty ? "; it gates no wave yet" : "; it gates \(Words.list(gated))")
                    + (owner.isEmpty ? " — o gives it an owner" : " — u to undo"), env)
            } else if old?.status != status {
                let text = statusMessage(&state, blocker, before: before, env)
                toast(&state, text, env)
            } else {
                toast(&state, "Blocker changed — u to undo", env)
            }
        default:
            break
        }
    }
}
