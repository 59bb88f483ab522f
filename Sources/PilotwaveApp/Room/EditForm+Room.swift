import Foundation
import PilotwaveCore
import TerminalUI

/// The form that opens a round for participants (`o` in Readiness, Resistance and Workshop).
extension EditForm {
    /// The kinds the form offers, in its choice order.
    static let roundKinds = ["dot vote", "readiness", "concerns"]

    /// Opening a round: what kind (when `kind` is nil the form asks), about which team (empty: the
    /// organisation, readiness only), which dimensions, its title.
    static func openRound(kind: RoundKind?, team: String, dimension: ReadinessDimension?, ratable: Int) -> EditForm {
        var fields: [Field] = []
        if kind == nil {
            fields.append(Field(key: "kind", label: "Round", editor: .choice(options: roundKinds, index: 1),
                                help: "Dot vote: each participant spreads dots over the pilot candidates. Readiness: each rates the dimensions 1–5, with evidence. Concerns: each writes resistance notes, named or anonymous."))
        }
        fields.append(teamField("team", "About", team,
                                help: kind == .concerns
                                    ? "The team the concerns are about (a team's name)."
                                    : "The team rated or spoken about (a team's name); empty: the organisation as a whole (readiness only)."))
        if kind != .concerns {
            var options = ["all \(ratable) that apply"]
            if let dimension { options.append("only \(dimension.name)") }
            fields.append(Field(key: "dimensions", label: "Dimensions", editor: .choice(options: options, index: 0),
                                help: "Which readiness dimensions participants rate (readiness rounds)."))
        }
        fields.append(textField("title", "Title", "", limit: 60,
                                help: "How the round is named on every screen; empty: \"Readiness: TEAM\" or \"Concerns: TEAM\"."))
        return EditForm(purpose: .openRound(kind, dimension: dimension?.id), title: "Open a round for participants", fields: fields)
    }
}
