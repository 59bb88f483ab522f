import Foundation
import PilotwaveCore
import TerminalUI

// The Workshop view's forms committed: a workshop from a template, the captures (decision, action,
// parking-lot item) and the export; and the file name an export proposes.
extension Reducer {
    static func commitWorkshopForm(_ state: inout AppState, _ form: EditForm, _ env: Environment) {
        var form = form
        form.clearErrors()
        switch form.purpose {
        case .newWorkshop:
            let templates = WorkshopTemplates.all
            let template = templates[min(form.choiceIndex("template"), templates.count - 1)]
            let title = form.text("title").trimmingWhitespace()
            let date = form.day("date", today: state.today)
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            var w = WorkshopTemplates.make(template.key, id: WorkshopID(env.newID("workshop")), date: date)
            if !title.isEmpty { w.title = title }
            if apply(&state, .addWorkshop(w), env) {
                state.overlay = nil
                state.workshop.selectedID = w.id
                state.workshop.step = 0
                toast(&state, "\(w.title): \(Words.count(w.steps.count, "step")), \(w.steps.reduce(0) { $0 + $1.minutes }) minutes — Enter starts the first", env)
            }
        case .workshopDecision(let id):
            let text = form.text("text").trimmingWhitespace()
            let by = form.text("by").trimmingWhitespace()
            if text.isEmpty { form.setError("text", "what was decided") }
            if by.isEmpty { form.setError("by", "who decides (or suggests)") }
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            let kind: DecisionKind = form.choiceIndex("kind") == 0 ? .decision : .suggestion
            let decision = Decision(id: DecisionID(env.newID("decision")), text: text, kind: kind, decidedBy: by, at: env.now(), workshop: id)
            if apply(&state, .recordDecision(decision), env) {
                state.overlay = nil
                toast(&state, "\(kind == .decision ? "Decision" : "Suggestion") logged: \(Words.quote(text, max: 40)) (\(Words.clip(by, max: 30))) — u to undo", env)
            }
        case .action(let existing, let workshop):
            let text = form.text("text").trimmingWhitespace()
            let owner = form.text("owner").trimmingWhitespace()
            if text.isEmpty { form.setError("text", "what is to be done") }
            if owner.isEmpty { form.setError("owner", "an action without an owner is a wish") }
            let due = form.day("due", today: state.today)
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            let old = existing.flatMap { id in state.plan.actions.first { $0.id == id } }
            var action = old ?? ActionItem(id: ActionID(env.newID("action")), text: text, owner: owner, workshop: workshop, createdAt: env.now())
            action.text = text
            action.owner = owner
            action.due = due
            action.done = form.choiceIndex("done") == 1
            if apply(&state, old == nil ? .addAction(action) : .updateAction(action), env) {
                state.overlay = nil
                toast(&state, (old == nil ? "Action for \(Words.clip(owner, max: 30))" : "Action saved") + ": " + Words.quote(text, max: 40)
                      + (due.map { ", due \($0)" } ?? "") + " — u to undo", env)
            }
        case .parking(let id):
            let text = form.text("text").trimmingWhitespace()
            if text.isEmpty { form.setError("text", "what to come back to") }
            guard form.focusFirstError(), var w = state.plan.workshops.first(where: { $0.id == id }) else {
                state.overlay = .editForm(form)
                return
            }
            w.parkingLot.append(ParkingItem(text: text, at: env.now()))
            if apply(&state, .batch("Park " + Words.quote(text, max: 30), [.updateWorkshop(w)]), env) {
                state.overlay = nil
                toast(&state, "Parked \(Words.quote(text, max: 40)); it stays on the workshop's list — u to undo", env)
            }
        case .export(let ids):
            let formats = EditForm.exportFormats
            let format = formats[min(form.choiceIndex("format"), formats.count - 1)]
            var path = form.text("path").trimmingWhitespace()
            if path.isEmpty { form.setError("path", "where to write it") }
            guard form.focusFirstError() else {
                state.overlay = .editForm(form)
                return
            }
            // The extension follows the format when the name still has another format's.
            let ext = ["markdown": ".md", "html": ".html", "csv": "", "json": ".json"][format] ?? ""
            for other in [".md", ".html", ".json"] where path.hasSuffix(other) && other != ext {
                path = String(path.dropLast(other.count)) + ext
            }
            let scope = ids.isEmpty ? 0 : form.choiceIndex("scope")
            let workshop = scope > 0 && scope <= ids.count ? ids[scope - 1] : nil
            state.overlay = nil
            flushTimer(&state, env)
            state.pending.append(.export(state.plan, format: format, path: path, workshop: workshop, today: state.today))
        default:
            commitRoomForm(&state, form, env)
        }
    }

    /// `E` from any view: the export form with Markdown, a file named after the plan (and the
    /// workshop) beside the plan's file — in the current folder for the demo — and the workshop
    /// preselected: the one running; in the Workshop view, the one it shows; else none (the whole plan).
    static func openExport(_ state: inout AppState) {
        let preselected = state.view == .workshop ? selectedWorkshop(state) : runningWorkshop(state)
        let base = preselected.map { exportBase(plan: state.plan.name, workshop: $0) } ?? exportBase(state.plan.name)
        state.overlay = .editForm(.export(workshops: state.plan.workshops, selected: preselected?.id,
                                          path: exportFolder(state.file) + (base.isEmpty ? "report" : base) + ".md"))
    }

    /// The folder of the plan's file, as a prefix ("" for a file in the current folder or the demo).
    static func exportFolder(_ file: String?) -> String {
        guard let file, let slash = file.lastIndex(of: "/") else { return "" }
        return String(file[...slash])
    }

    /// A file name from a title: letters, digits and dashes, at most `limit` characters — cut
    /// between words, never inside one (a first word longer than the limit is the only one cut).
    static func exportBase(_ text: String, limit: Int = 60) -> String {
        guard limit > 0 else { return "" }
        var words: [String] = [""]
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { words[words.count - 1].append(ch) } else if !words[words.count - 1].isEmpty { words.append("") }
        }
        words = words.filter { !$0.isEmpty }
        var out = ""
        for word in words {
            let next = out.isEmpty ? word : out + "-" + word
            if next.count > limit { break }
            out = next
        }
        if out.isEmpty, let first = words.first { out = String(first.prefix(limit)) }
        return out
    }

    /// The file name an export of `workshop` proposes: the plan's name, the workshop's date and
    /// title, at most `limit` characters cut between words. The date and title come whole (the
    /// title cut between words if it alone is too long); the plan's name gets the room left, in
    /// whole words, or is left out.
    static func exportBase(plan: String, workshop: Workshop, limit: Int = 60) -> String {
        let tail = exportBase((workshop.date.map(\.description) ?? "") + " " + workshop.title, limit: limit)
        let room = limit - tail.count - 1
        guard room > 0 else { return tail }
        let head = exportBase(plan, limit: room)
        // A plan name whose first word alone does not fit is left out rather than cut.
        guard !head.isEmpty, exportBase(plan, limit: 10_000).hasPrefix(head + "-") || exportBase(plan, limit: 10_000) == head else { return tail }
        return head + "-" + tail
    }
}
