import Foundation
import PilotwaveCore
import TerminalUI

// The Workshop view's forms: a workshop from a template, and the captures — a decision, an action,
// a parking-lot item — each a few keystrokes.
extension EditForm {
    static func newWorkshop(date: Day) -> EditForm {
        let templates = WorkshopTemplates.all
        return EditForm(purpose: .newWorkshop, title: "New workshop", fields: [
            Field(key: "template", label: "Template", editor: .choice(options: templates.map(\.title), index: 0),
                  help: "The agenda to start from: " + templates.map { "\($0.title) — \($0.purpose)" }.joined(separator: " · ")),
            textField("title", "Title", "", limit: 80, help: "Empty: the template's name."),
            dateField("date", "Date", [date], help: "The day it is held. " + dateHelp + "."),
        ])
    }

    /// `by`: who took the last decision, proposed (all selected: typing replaces it).
    static func workshopDecision(_ workshop: Workshop, by: String = "") -> EditForm {
        EditForm(purpose: .workshopDecision(workshop.id), title: "Decision — \(workshop.title)", fields: [
            textField("text", "What", "", limit: 300, help: "The decision or suggestion, in the words the room agreed."),
            Field(key: "kind", label: "Kind", editor: .choice(options: ["decision", "suggestion"], index: 0),
                  help: "A decision stands; a suggestion is feedback the team may take or leave."),
            textField("by", "Decided by", by, limit: 120, help: "Who decides (or suggests); the last one's is proposed."),
        ])
    }

    static func action(_ action: ActionItem?, workshop: WorkshopID?) -> EditForm {
        EditForm(purpose: .action(action?.id, workshop: workshop), title: action == nil ? "New action" : "Action", fields: [
            textField("text", "What", action?.text ?? "", limit: 300, help: "What is to be done, starting with a verb."),
            textField("owner", "Owner", action?.owner ?? "", limit: 120, help: "One person who sees it done."),
            dateField("due", "Due", action?.due.map { [$0] } ?? [],
                      help: dateHelp + " (optional, but an action without a date tends to drift)."),
            Field(key: "done", label: "Status", editor: .choice(options: ["open", "done"], index: action?.done == true ? 1 : 0),
                  help: "Open actions are shown at the start of the next workshop."),
        ])
    }

    static func parking(_ workshop: Workshop) -> EditForm {
        EditForm(purpose: .parking(workshop.id), title: "Parking lot — \(workshop.title)", fields: [
            textField("text", "Item", "", limit: 300, help: "A point raised that does not belong to this step: kept, shown at the next workshop."),
        ])
    }

    static let exportFormats = ["markdown", "html", "csv", "json"]

    /// Exporting a report: the format, where to, and which workshop's record it is — "none (the
    /// whole plan)" first, then the plan's workshops; `selected` is preselected (nil: none).
    static func export(workshops: [Workshop], selected: WorkshopID?, path: String) -> EditForm {
        var fields = [
            Field(key: "format", label: "Format", editor: .choice(options: exportFormats, index: 0),
                  help: "Markdown pastes into an email or a wiki; HTML is one file that prints cleanly; CSV is a file per table (a folder); JSON for other tools."),
            textField("path", "File", path, limit: 300, help: "Where to write it (relative to the folder pilotwave was started in). An existing file is not overwritten."),
        ]
        if !workshops.isEmpty {
            let index = selected.flatMap { id in workshops.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0
            let names = workshops.map { w in (w.date.map { "\($0) " } ?? "") + w.title }
            fields.append(Field(key: "scope", label: "Workshop", editor: .choice(options: [exportWholePlan] + names, index: index),
                                help: "None: the whole plan's report, every decision and action. A workshop: its agenda, decisions, actions and parking lot with the plan's state."))
        }
        return EditForm(purpose: .export(workshops.map(\.id)), title: "Export report", fields: fields)
    }

    static let exportWholePlan = "none (the whole plan)"
}
