import Foundation
import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// The Pilots view's overlays: the smaller forms (with their live notes), a ballot, the rating
/// picker with the anchors, and the comparison of two or three teams.
enum PilotsOverlays {
    /// What the form shows under its fields while typing: the outcome-vs-output check, the
    /// selection a decision records, what an unattributed round keeps.
    static func notes(_ state: AppState, _ form: EditForm) -> [(String, StyleRole)] {
        switch form.purpose {
        case .outcome:
            let statement = form.text("statement")
            if let reading = OutcomeCheck.assess(statement) {
                return [("! Reads as an output. " + reading.reason, .warning),
                        (OutcomeCheck.outcomeDefinition, .dim)]
            }
            if statement.trimmingWhitespace().isEmpty {
                return [(OutcomeCheck.outcomeDefinition + " Give it a metric, a baseline and a target — not an output such as \"launch the app\".", .dim)]
            }
            let missing = ["metric", "baseline", "target"].filter { form.text($0).trimmingWhitespace().isEmpty }
            return missing.isEmpty ? [("✓ Reads as an outcome, with a metric, baseline and target.", .good)]
                : [("Reads as an outcome. Still to add: \(Words.list(missing)).", .dim)]
        case .weight(let key):
            let weights = state.plan.criteria.map { ($0.id == key ? "▶ " : "") + "\($0.name) \($0.weight)" }
            return [("Weights now: " + weights.joined(separator: " · "), .dim),
                    ("The ranking re-orders on Enter; u undoes it. All at once: `weights 5 3 2 0 0 0` in the palette (:).", .dim)]
        case .criterion:
            return [("A custom criterion is rated 1–5 per team (r in the Pilots view); unrated teams are scored on the other criteria, never as zero.", .dim)]
        case .voteRound:
            return form.text("attributed") == "unattributed"
                ? [("Unattributed: no names and no single ballots are stored — only the summed votes and the number of ballots. The room can vote candidly.", .accent)]
                : [("Each ballot is kept with the voter's name (useful to revisit a split decision). The tally stays hidden until V reveals it.", .dim)]
        case .decision:
            let sel = Reducer.selectionSummary(state)
            return sel.map { ($0, StyleRole.normal) }
        case .signal(let cell):
            guard let d = state.plan.dimension(cell.dimension) else { return [] }
            let chosen = form.rating("rating")
            var notes: [(String, StyleRole)] = [(d.help, .dim)]
            for (i, anchor) in d.anchors.enumerated() {
                notes.append(("\(i + 1)\(i + 1 == chosen ? " ▶ " : "   ")\(anchor)", i + 1 == chosen ? .title : .dim))
            }
            notes.append(("Appended to the history; earlier ratings are never overwritten.", .dim))
            return notes
        case .dimension:
            return [("Renaming or retiring keeps every rating recorded so far.", .dim)]
        case .note(let id):
            let kind = ResistanceKind.allCases[form.choiceIndex("kind")]
            if id == nil {
                return [("Only the words and the kind are needed now; the source, response, owner and follow-up can wait (Resistance view, Enter).", .dim)]
            }
            return [("Playbook for \(kind.label): " + kind.playbook.joined(separator: " · "), .dim),
                    ("A response, an owner and a follow-up date move an open note to \"being addressed\".", .dim)]
        case .stakeholder:
            return [("The gap between the stance now and the one wanted is where the work is.", .dim)]
        case .strike:
            return [("A struck rating stays in the history with the reason, and no longer counts for the trend or the barrier.", .dim)]
        case .gateOverride(let id):
            let unmet = (state.derived.waves.gates[id] ?? []).filter { !$0.met }
            return unmet.map { ("✗ \($0.text) — \($0.evidence.isEmpty ? "not done" : $0.evidence)", StyleRole.warning) }
                + [("Starting over an unmet gate is a decision: it goes to the decision log with the reason.", .dim)]
        case .wave:
            return [("Waves run one after another, each sized by the coaches it has; check-ins are where its teams and coaches review outcomes and blockers. The timeline (t) shows the dates by quarter.", .dim)]
        case .seedCoach:
            return [("Teams of earlier waves seed the coaches of later ones: the new coach is free once their own wave has run. Giving them a team of that wave or an earlier one shows as a finding.", .dim)]
        case .newScenario, .renameScenario:
            return [("A scenario is a copy of the waves and coach assignments: change it on the board without touching the plan, compare it (c), adopt it (a).", .dim)]
        case .adoptScenario:
            return [("The plan's waves, coaches and team statuses become the scenario's, in one undoable edit; the decision goes to the log and the plan as it is now is kept as a scenario.", .accent)]
        case .newWorkshop:
            let t = WorkshopTemplates.all[min(form.choiceIndex("template"), WorkshopTemplates.all.count - 1)]
            return [("\(t.title) · \(t.minutes) minutes: \(t.purpose)", .accent)]
                + t.steps.enumerated().map { ("\($0.offset + 1). \($0.element.title) (\($0.element.minutes)m) — \($0.element.question)", StyleRole.dim) }
        case .workshopDecision:
            return [("A decision stands; a suggestion is feedback the team may take or leave — saying which spares everyone the guessing.", .dim)]
        case .action:
            return [("Open actions are shown at the start of the next workshop until they are marked done.", .dim)]
        case .parking:
            return [("Parked items stay with this workshop and are shown at the start of the next one.", .dim)]
        case .export:
            return [("The report goes to a new file (an existing one is not replaced). CSV writes a folder with a file per table.", .dim)]
        case .blocker, .blockerOwner:
            return BlockersView.formNotes(state, form)
        case .openRound:
            return [("Participants answer from their own terminals: pilotwave join \(state.file ?? "FILE") --as NAME. Each answer arrives as one undoable edit; who has answered shows at once (@), what they answered only after the reveal (V).", .dim)]
        }
    }

    // MARK: Ballot

    static func ballot(_ frame: inout Frame, _ state: AppState, _ draft: BallotDraft) {
        let main = Layout.main(state.size)
        let width = min(70, main.width - 4)
        let rect = Rect(x: main.x + (main.width - width) / 2, y: main.y, width: width, height: main.height)
        frame.canvas.fill(rect, role: .modal)
        let round = state.plan.voteRound(draft.round)
        frame.canvas.box(rect, role: .border, title: "Ballot \((round?.ballotCount ?? 0) + 1) — \(round?.title ?? "")", titleRole: .modalTitle)
        let inner = rect.inset(dx: 2, dy: 1)
        var y = inner.y
        if draft.attributed {
            let x = inner.x + frame.canvas.text("Voter: ", x: inner.x, y: y, role: draft.editingVoter ? .hintKey : .modal)
            let w = min(40, inner.maxX - x)
            let (text, col) = draft.voter.visible(width: w, focused: draft.editingVoter)
            frame.canvas.field(text, x: x, y: y, width: w, role: draft.editingVoter ? .inputFocused : .input)
            if draft.editingVoter {
                frame.cursor = Point(x: x + col, y: y)
                frame.cursorVisible = true
            }
        } else {
            frame.canvas.text("Unattributed: no name is asked for or stored.", x: inner.x, y: y, role: .accent, width: inner.width)
        }
        y += 1
        let cap = draft.cap.map { ", at most \($0) per team" } ?? ""
        frame.canvas.text("\(draft.left) of \(draft.budget) votes left\(cap)", x: inner.x, y: y, role: draft.left == 0 ? .good : .title, width: inner.width)
        y += 2
        let footer = 3
        let listHeight = max(1, inner.maxY - y - footer)
        let top = max(0, min(draft.selected - listHeight / 2, draft.candidates.count - listHeight))
        for (i, c) in draft.candidates.enumerated().dropFirst(top).prefix(listHeight) {
            let ly = y + i - top
            let selected = i == draft.selected && !draft.editingVoter
            let role: StyleRole = selected ? .selected : .modal
            if selected { frame.canvas.fill(Rect(x: inner.x, y: ly, width: inner.width, height: 1), role: role) }
            let votes = draft.votes[i]
            frame.canvas.field("\(i + 1)", x: inner.x, y: ly, width: 3, role: selected ? role : .dim, alignRight: true)
            frame.canvas.field(c.name, x: inner.x + 4, y: ly, width: inner.width - 4 - 16, role: role)
            let dots = String(repeating: "●", count: min(votes, 10))
            frame.canvas.field(votes == 0 ? "·" : "\(dots) \(votes)", x: inner.maxX - 15, y: ly, width: 15, role: selected ? role : (votes > 0 ? .accent : .dim))
        }
        var fy = inner.maxY - footer + 1
        if let error = draft.error {
            frame.canvas.text("✗ \(error)", x: inner.x, y: fy, role: .critical, width: inner.width)
        }
        fy += 1
        let help = draft.editingVoter ? "type the name · Enter to the votes · Esc discards"
            : "j/k move · +/- or →/← a vote · 0–9 set · Enter casts · Esc discards" + (draft.attributed ? " · Tab name" : "")
        frame.canvas.text(help, x: inner.x, y: fy, role: .dim, width: inner.width)
    }

    // MARK: Rating picker

    static func rate(_ frame: inout Frame, _ state: AppState, _ picker: RatePicker) {
        let main = Layout.main(state.size)
        let width = min(84, main.width - 4)
        let height = min(main.height, 11)
        let rect = Rect(x: main.x + (main.width - width) / 2, y: main.y + max(0, (main.height - height) / 2), width: width, height: height)
        frame.canvas.fill(rect, role: .modal)
        frame.canvas.box(rect, role: .border, title: "\(picker.criterion.name) — \(picker.teamName)", titleRole: .modalTitle)
        let inner = rect.inset(dx: 2, dy: 1)
        frame.canvas.text(picker.criterion.help.isEmpty ? "Rate 1–5" : picker.criterion.help, x: inner.x, y: inner.y, role: .dim, width: inner.width)
        for level in 1...5 {
            let y = inner.y + 1 + level
            guard y < inner.maxY - 1 else { break }
            let selected = level == picker.level
            let role: StyleRole = selected ? .selected : .modal
            if selected { frame.canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role) }
            let anchor = level <= picker.criterion.anchors.count ? picker.criterion.anchors[level - 1] : ""
            let mark = picker.current == level ? "(now) " : ""
            frame.canvas.text("\(level)  \(mark)\(anchor.isEmpty ? String(repeating: "●", count: level) : anchor)", x: inner.x, y: y, role: role, width: inner.width)
        }
        frame.canvas.text("1–5 rate · j/k then Enter · 0 clears (unrated) · Esc cancels", x: inner.x, y: inner.maxY - 1, role: .dim, width: inner.width)
    }

    // MARK: Compare

    static func compare(_ frame: inout Frame, _ state: AppState, _ ids: [TeamID]) {
        let plan = state.plan
        let teams = ids.compactMap { id in state.derived.indexByID[id].map { plan.teams[$0] } }
        let main = Layout.main(state.size)
        frame.canvas.fill(main, role: .modal)
        frame.canvas.box(main, role: .border, title: "Compare — Esc closes", titleRole: .modalTitle)
        let inner = main.inset(dx: 2, dy: 1)
        guard !teams.isEmpty else { return }
        let labelWidth = min(22, inner.width / 4)
        let colWidth = max(8, (inner.width - labelWidth) / teams.count)
        let scores = teams.map { Scoring.score($0, in: plan) }
        let d = state.derived.pilots
        var y = inner.y
        func row(_ label: String, _ cells: [String], roles: [StyleRole]? = nil, labelRole: StyleRole = .modal) {
            guard y < inner.maxY else { return }
            frame.canvas.field(label, x: inner.x, y: y, width: labelWidth - 1, role: labelRole)
            for (i, cell) in cells.enumerated() {
                frame.canvas.field(cell, x: inner.x + labelWidth + i * colWidth, y: y, width: colWidth - 1, role: roles?[i] ?? .modal)
            }
            y += 1
        }
        row("", teams.map(\.name), roles: teams.map { _ in .title })
        row("Rank", teams.map { t in
            d.rank(ofTeam: state.derived.indexByID[t.id] ?? -1).map { "#\($0)" } ?? "out of scope"
        })
        row("Score", scores.map(\.summary), roles: scores.map { _ in .accent })
        if let round = d.round {
            row("Votes", teams.map { round.revealed ? "\(d.tally[$0.id] ?? 0)" : "hidden" })
        }
        row("Status", teams.map { d.chosen.contains(Int32(state.derived.indexByID[$0.id] ?? -1)) ? "pilot" : $0.status.label })
        y += 1
        for (c, criterion) in plan.criteria.enumerated() {
            let items = scores.map { $0.items[c] }
            let values = items.compactMap(\.value)
            // The best value is marked in words too (✓), not by colour alone; nothing when all agree.
            let best = Set(values).count > 1 ? values.max() : nil
            row("×\(criterion.weight) \(criterion.name)",
                items.map { $0.value == nil ? "unrated" : ($0.value == best ? "✓ " : "  ") + "\($0.input)  +\(String(format: "%.1f", $0.points))" },
                roles: items.map { $0.value == nil ? .dim : ($0.value == best ? .good : .modal) })
        }
        y += 1
        row("Hard flags", teams.map { HardFlag.flags($0, settings: plan.settings).map(\.label).joined(separator: "; ") },
            roles: teams.map { HardFlag.count($0, settings: plan.settings) > 0 ? .warning : .dim })
        row("Outcome", teams.map { $0.outcome?.statement ?? "not set" })
        row("Size · stage", teams.map { "\($0.size == 0 ? "?" : "\($0.size)") people · \($0.stage.label)" })
        if y < inner.maxY - 1 {
            frame.canvas.text("✓ marks the best value on each criterion. Votes are shown apart from the scores, never folded into them.",
                              x: inner.x, y: inner.maxY - 1, role: .dim, width: inner.width)
        }
    }
}
