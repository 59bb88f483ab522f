import Foundation
import PilotwaveCore
import TerminalUI

/// The forms of the Readiness view.
extension EditForm {
    /// Recording a rating of `cell`: the level (anchors in the notes), evidence and who.
    static func signal(_ cell: Readiness.CellKey, dimension: ReadinessDimension, where place: String,
                       current: Int?, recorder: String) -> EditForm {
        EditForm(purpose: .signal(cell), title: "\(dimension.name) — \(place)", fields: [
            Field(key: "rating", label: "Rating", editor: .rating(current ?? 3),
                  help: "1–5 (←/→ or a digit); what each level looks like is listed with the form."),
            textField("evidence", "Evidence", "", limit: 400, help: "What was seen or heard that supports the rating."),
            textField("by", "Recorded by", recorder, limit: 80, help: "Who gives the rating: the team, the leadership team, a coach. Proposed: the name given earlier in the session, else who rated this last, else the team itself."),
        ])
    }

    static let scopeChoices: [DimensionScope] = [.organisation, .team, .both]
    static let groupChoices: [DimensionGroup] = [.precondition, .takingHold]

    /// A new dimension, or the existing `dimension`.
    static func dimension(_ dimension: ReadinessDimension?) -> EditForm {
        let d = dimension
        var fields = [
            textField("name", "Name", d?.name ?? "", limit: 60, help: "A short name, e.g. \"Decision rights\"."),
            textField("help", "Question", d?.help ?? "", limit: 300, help: "What the dimension looks for, in one sentence."),
            Field(key: "scope", label: "Rated for", editor: .choice(options: scopeChoices.map(\.label), index: scopeChoices.firstIndex(of: d?.scope ?? .both) ?? 2),
                  help: "The organisation, each team, or both."),
            Field(key: "group", label: "Kind", editor: .choice(options: groupChoices.map(\.label), index: groupChoices.firstIndex(of: d?.group ?? .takingHold) ?? 1),
                  help: "A precondition before starting, or a sign that the model is taking hold."),
        ]
        for level in 1...5 {
            let anchor = level <= (d?.anchors.count ?? 0) ? d!.anchors[level - 1] : ""
            fields.append(textField("anchor\(level)", "Level \(level)", anchor, limit: 200, help: "What a rating of \(level) looks like."))
        }
        return EditForm(purpose: .dimension(d?.id), title: d.map { "Edit dimension — \($0.name)" } ?? "New readiness dimension", fields: fields)
    }

    static func strike(_ signal: ReadinessSignal, by: String) -> EditForm {
        EditForm(purpose: .strike(signal.id), title: "Strike the rating of \(signal.rating) (\(Day(signal.recordedAt)))", fields: [
            textField("reason", "Reason", "", limit: 200, help: "Why the rating is wrong (kept with it; the rating stays in the history, marked struck)."),
            textField("by", "Struck by", by, limit: 80, help: "Who strikes it."),
        ])
    }
}
