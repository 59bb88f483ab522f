import PilotwaveCore
import TerminalUI

/// A field that names a team shows, as it is typed, the team its text resolves to — "= Sales Broker
/// Hub" — or, while it fits several, which ("? 3 fit: Policy Broker Hub, Sales Broker Hub, Finance
/// Broker Hub"), so the room sees which team Enter will take before it is pressed. Worked out once
/// per change of the text (``TeamMatch``, one pass over the names), never while drawing.
extension Reducer {
    static func echoTeamNames(_ state: inout AppState) {
        func needsEcho(_ field: TeamForm.Field) -> Bool {
            guard field.teamNames != .no, case .text(let input) = field.editor else { return false }
            return field.echo?.source != input.text
        }
        let focused: TeamForm.Field? = switch state.overlay {
        case .editForm(let form): form.focused
        case .form(let form): form.focused
        default: nil
        }
        guard let focused, needsEcho(focused) else { return }
        // The names folded once per plan revision, not at every key.
        if state.teamMatchCache?.revision != state.revision {
            state.teamMatchCache = .init(revision: state.revision, index: TeamMatch.Index(state.plan.teams))
        }
        let index = state.teamMatchCache?.index
        switch state.overlay {
        case .editForm(var form):
            if echo(&form.fields[form.focus], state.plan.teams, index: index) { state.overlay = .editForm(form) }
        case .form(var form):
            if echo(&form.fields[form.focus], state.plan.teams, index: index) { state.overlay = .form(form) }
        default:
            break
        }
    }

    /// Updates `field`'s echo when its text changed; true when it did.
    static func echo(_ field: inout TeamForm.Field, _ teams: [Team], index: TeamMatch.Index? = nil) -> Bool {
        guard field.teamNames != .no, case .text(let input) = field.editor else { return false }
        let text = input.text
        if field.echo?.source == text { return false }
        field.echo = echoText(text, list: field.teamNames == .list, teams, index: index)
            .map { .init(text: $0.text, ok: $0.ok, source: text) } ?? .init(text: "", ok: true, source: text)
        return true
    }

    /// What `text` names: nil when empty. A near name for a typo is looked for only in small plans
    /// while typing (Enter always looks): it compares the text with every name.
    static func echoText(_ text: String, list: Bool, _ teams: [Team], index: TeamMatch.Index? = nil) -> (text: String, ok: Bool)? {
        let parts = list ? text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            : [text.trimmingWhitespace()].filter { !$0.isEmpty }
        guard !parts.isEmpty else { return nil }
        var names: [String] = []
        for part in parts {
            switch TeamMatch.resolve(part, in: teams, index: index, nearest: teams.count <= 2_000) {
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
