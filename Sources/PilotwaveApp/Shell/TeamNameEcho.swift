import PilotwaveCore
import TerminalUI

/// A field that names a team shows, as it is typed, the team its text resolves to — "= Sales Broker
/// Hub" — or, while it fits several, which ("? 3 fit: Policy Broker Hub, Sales Broker Hub, Finance
/// Broker Hub"), so the room sees which team Enter will take before it is pressed. Worked out once
/// per change of the text (``TeamMatch``, one pass over the names), never while drawing.
extension Reducer {
    static func echoTeamNames(_ state: inout AppState) {
        switch state.overlay {
        case .editForm(var form):
            if echo(&form.fields[form.focus], state.plan.teams) { state.overlay = .editForm(form) }
        case .form(var form):
            if echo(&form.fields[form.focus], state.plan.teams) { state.overlay = .form(form) }
        default:
            break
        }
    }

    /// Updates `field`'s echo when its text changed; true when it did.
    static func echo(_ field: inout TeamForm.Field, _ teams: [Team]) -> Bool {
        guard field.teamNames != .no, case .text(let input) = field.editor else { return false }
        let text = input.text
        if field.echo?.source == text { return false }
        field.echo = echoText(text, list: field.teamNames == .list, teams).map { .init(text: $0.text, ok: $0.ok, source: text) }
            ?? .init(text: "", ok: true, source: text)
        return true
    }

    /// What `text` names: nil when empty.
    static func echoText(_ text: String, list: Bool, _ teams: [Team]) -> (text: String, ok: Bool)? {
        let parts = list ? text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            : [text.trimmingWhitespace()].filter { !$0.isEmpty }
        guard !parts.isEmpty else { return nil }
        var names: [String] = []
        for part in parts {
            switch TeamMatch.resolve(part, in: teams) {
            case .team(let id):
                names.append(teams.first { $0.id == id }?.name ?? part)
            case .ambiguous(let fits):
                return ("? " + (list ? "\(Words.value(part)): " : "") + "fits " + Words.list(fits, conjunction: "or")
                        + (fits.count >= 4 ? " or more" : "") + "; type more of the name", false)
            case .none(let nearest):
                return ("? no team named \(Words.value(part))" + (nearest.map { "; did you mean \($0)?" } ?? ""), false)
            }
        }
        return ("= " + names.joined(separator: ", "), true)
    }
}
