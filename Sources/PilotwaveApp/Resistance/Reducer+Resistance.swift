import Foundation
import PilotwaveCore
import TerminalUI

extension Reducer {
    // MARK: Refresh

    static func refreshResistance(_ state: inout AppState, _ env: Environment) {
        let today = state.today
        let filter = state.resistance.filterInput?.text ?? state.resistance.filter
        let key = (state.revision, state.resistance.grouping, filter, today)
        var rebuilt = false
        if let old = state.derived.noteGroupsKey, old.revision == key.0, old.grouping == key.1, old.filter == key.2, old.today == key.3 {
        } else {
            rebuilt = true
            let groups = ResistanceRules.grouped(state.plan, by: state.resistance.grouping, matching: filter, today: today)
            state.derived.noteGroups = groups
            state.derived.noteGroupsKey = key
            state.derived.noteRows = groups.flatMap(\.notes)
            var starts: [Int] = [], n = 0
            for g in groups {
                starts.append(n)
                n += g.notes.count
            }
            state.derived.noteGroupStarts = starts
            state.derived.noteCounts = ResistanceRules.statusCounts(state.plan.resistance)
            state.derived.overdueNotes = state.plan.resistance.count { ResistanceRules.daysOverdue($0, today: today) != nil }
        }
        let rows = noteRows(state)
        let count = rows.count
        var r = state.resistance
        if rebuilt, let id = r.selectedID, let row = rows.firstIndex(where: { state.plan.resistance[$0].id == id }) {
            // The plan or the grouping changed (a capture from another view, an undo): the
            // selection follows the note, not the row position.
            r.selected = row
        }
        r.selected = count == 0 ? 0 : min(max(0, r.selected), count - 1)
        r.selectedID = count == 0 ? nil : state.plan.resistance[rows[r.selected]].id
        r.stakeholderRow = state.plan.stakeholders.isEmpty ? 0 : min(max(0, r.stakeholderRow), state.plan.stakeholders.count - 1)
        // `top` counts screen lines: each group has a heading line.
        let line = noteLine(state, row: r.selected)
        let visible = max(1, Layout.resistance(state.size).list.height)
        if line < r.top { r.top = max(0, line - 1) }
        if line >= r.top + visible { r.top = line - visible + 1 }
        state.resistance = r
    }

    /// The note indices in display order (the rows of the log).
    static func noteRows(_ state: AppState) -> [Int] { state.derived.noteRows }

    /// The screen line of `row`, counting one heading per group up to it (binary search).
    static func noteLine(_ state: AppState, row: Int) -> Int {
        let starts = state.derived.noteGroupStarts
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= row { lo = mid + 1 } else { hi = mid }
        }
        return row + lo  // `lo` groups start at or before the row: one heading line each
    }

    static func selectedNote(_ state: AppState) -> ResistanceNote? {
        let rows = noteRows(state)
        guard state.resistance.selected < rows.count else { return nil }
        return state.plan.resistance[rows[state.resistance.selected]]
    }

    // MARK: Resistance commands

    static func runResistance(_ state: inout AppState, _ id: CommandID, _ env: Environment) -> [Effect] {
        let rows = noteRows(state)
        let r = state.resistance
        switch id {
        case "resistance.capture":
            state.overlay = .editForm(.capture(teamName: currentTeam(state)?.name ?? "", stakeholders: state.plan.stakeholders))
        case "resistance.down":
            if r.stakeholders {
                state.resistance.stakeholderRow = min(max(0, state.plan.stakeholders.count - 1), r.stakeholderRow + 1)
            } else {
                state.resistance.selected = min(max(0, rows.count - 1), r.selected + 1)
            }
        case "resistance.up":
            if r.stakeholders { state.resistance.stakeholderRow = max(0, r.stakeholderRow - 1) } else { state.resistance.selected = max(0, r.selected - 1) }
        case "resistance.first":
            if r.stakeholders { state.resistance.stakeholderRow = 0 } else { state.resistance.selected = 0 }
        case "resistance.last":
            if r.stakeholders {
                state.resistance.stakeholderRow = max(0, state.plan.stakeholders.count - 1)
            } else {
                state.resistance.selected = max(0, rows.count - 1)
            }
        case "resistance.group":
            let all = ResistanceRules.Grouping.allCases
            state.resistance.grouping = all[(all.firstIndex(of: r.grouping)! + 1) % all.count]
            state.resistance.selected = 0
            state.resistance.top = 0
            toast(&state, "Grouped by \(state.resistance.grouping.label)", env, kind: .info)
        case "resistance.filter":
            state.resistance.filterInput = TextInput(r.filter, limit: 80)
        case "resistance.clearFilter":
            state.resistance.filter = ""
        case "resistance.stakeholders":
            state.resistance.stakeholders.toggle()
        case "resistance.addStakeholder":
            state.overlay = .editForm(.stakeholder(nil))
        case "resistance.edit":
            if r.stakeholders {
                guard r.stakeholderRow < state.plan.stakeholders.count else { break }
                state.overlay = .editForm(.stakeholder(state.plan.stakeholders[r.stakeholderRow]))
            } else if let note = selectedNote(state) {
                let team = note.team.flatMap { id in state.derived.indexByID[id].map { state.plan.teams[$0].name } } ?? ""
                state.overlay = .editForm(.note(note, plan: state.plan, teamName: team))
            }
        case "resistance.advance", "resistance.back":
            guard !r.stakeholders, var note = selectedNote(state) else { break }
            let all = NoteStatus.allCases
            let i = all.firstIndex(of: note.status)!
            let j = id == "resistance.advance" ? i + 1 : i - 1
            guard j >= 0, j < all.count else {
                toast(&state, "The note is already \(note.status.label)", env, kind: .info)
                break
            }
            note.status = all[j]
            if note.status == .beingAddressed && !note.hasResponseAndOwner {
                toast(&state, "Give it a response and an owner first (Enter) — the playbook has suggestions", env, kind: .error)
                break
            }
            if apply(&state, .updateNote(note), env) { toast(&state, "Note \(note.status.label) — u to undo", env) }
        case "resistance.delete":
            if r.stakeholders {
                guard r.stakeholderRow < state.plan.stakeholders.count else { break }
                let s = state.plan.stakeholders[r.stakeholderRow]
                if apply(&state, .removeStakeholder(s.id), env) { toast(&state, "Deleted \(s.name) — u to undo", env) }
            } else if let note = selectedNote(state) {
                if apply(&state, .removeNote(note.id), env) { toast(&state, "Deleted the note — u to undo", env) }
            }
        default: break
        }
        return []
    }
}
