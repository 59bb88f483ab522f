import Foundation
import PilotwaveCore
import TerminalUI

/// The forms of the Resistance view: quick capture, the full note, a stakeholder.
extension EditForm {
    /// Quick capture: only the words and the kind are needed; the team is filled in.
    static func capture(teamName: String, stakeholders: [Stakeholder]) -> EditForm {
        EditForm(purpose: .note(nil), title: "Capture resistance", fields: [
            textField("words", "Words heard", "", limit: 400, help: "As they were said, e.g. \"We don't have time for this\"."),
            Field(key: "kind", label: "Kind", editor: .choice(options: ResistanceKind.allCases.map(\.label), index: 0),
                  help: "←/→ to choose. The playbook of responses for the kind comes with the full note (Resistance view, Enter)."),
            teamField("team", "Team", teamName, help: "The team it came from (a team's name); empty when a stakeholder said it."),
            Field(key: "stakeholder", label: "Or stakeholder", editor: .choice(options: ["none"] + stakeholders.map(\.name), index: 0),
                  help: "A leader or stakeholder it came from (empty the Team field); add people in view 5 with t, a."),
            Field(key: "severity", label: "Severity", editor: .choice(options: Severity.allCases.map(\.label), index: 1),
                  help: "How much it could hold things back."),
        ])
    }

    /// The full note: source, severity, status, the response from the playbook or one's own, owner, follow-up.
    static func note(_ note: ResistanceNote, plan: Plan, teamName: String) -> EditForm {
        let playbook = note.kind.playbook
        let stakeholders = plan.stakeholders
        return EditForm(purpose: .note(note.id), title: "Resistance note", fields: [
            textField("words", "Words heard", note.words, limit: 400, help: "As they were said."),
            Field(key: "kind", label: "Kind", editor: .choice(options: ResistanceKind.allCases.map(\.label),
                                                              index: ResistanceKind.allCases.firstIndex(of: note.kind) ?? 0),
                  help: "Each kind has its own playbook of typical responses."),
            teamField("team", "Team", teamName, help: "The team it came from, or empty."),
            Field(key: "stakeholder", label: "Stakeholder", editor: .choice(options: ["none"] + stakeholders.map(\.name),
                                                                            index: note.stakeholder.flatMap { id in stakeholders.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0),
                  help: "A leader or stakeholder it came from (add them with t then a in the Resistance view)."),
            Field(key: "severity", label: "Severity", editor: .choice(options: Severity.allCases.map(\.label),
                                                                      index: Severity.allCases.firstIndex(of: note.severity) ?? 1),
                  help: "How much it could hold things back."),
            Field(key: "playbook", label: "Playbook", editor: .choice(options: ["(my own words below)"] + playbook,
                                                                      index: note.response.flatMap { r in playbook.firstIndex(of: r) }.map { $0 + 1 } ?? 0),
                  help: "Typical responses for this kind; ←/→ to choose one, or write your own below."),
            textField("response", "Response", note.response.map { playbook.contains($0) ? "" : $0 } ?? "", limit: 300,
                      help: "Your own response, if none of the playbook fits."),
            textField("owner", "Owner", note.owner ?? "", limit: 80, help: "Who follows it up."),
            dateField("followUp", "Follow up on", note.followUp.map { [$0] } ?? [], help: dateHelp + "."),
            Field(key: "status", label: "Status", editor: .choice(options: NoteStatus.allCases.map(\.label),
                                                                  index: NoteStatus.allCases.firstIndex(of: note.status) ?? 0),
                  help: "A response, an owner and a follow-up date move an open note to \"being addressed\"."),
            textField("rootCause", "Behind it", note.rootCause ?? "", limit: 300, help: "What lies behind the objection, once understood."),
        ])
    }

    static let stanceChoices = Stance.allCases

    static func stakeholder(_ s: Stakeholder?) -> EditForm {
        EditForm(purpose: .stakeholder(s?.id), title: s.map { "Stakeholder — \($0.name)" } ?? "New stakeholder", fields: [
            textField("name", "Name", s?.name ?? "", limit: 80, help: "Their name."),
            textField("role", "Role", s?.role ?? "", limit: 80, help: "e.g. \"Head of Claims\"."),
            Field(key: "stance", label: "Stance now", editor: .choice(options: stanceChoices.map(\.label), index: stanceChoices.firstIndex(of: s?.stance ?? .neutral) ?? 2),
                  help: "unaware, resistant, neutral, supportive or leading."),
            Field(key: "desired", label: "Stance wanted", editor: .choice(options: stanceChoices.map(\.label), index: stanceChoices.firstIndex(of: s?.desiredStance ?? .supportive) ?? 3),
                  help: "Where the change needs them."),
        ])
    }
}
