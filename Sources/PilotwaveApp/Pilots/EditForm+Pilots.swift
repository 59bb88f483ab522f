import Foundation
import PilotwaveCore
import TerminalUI

/// The forms of the Pilots view: a pilot's outcome, a custom criterion, a voting round, the decision.
extension EditForm {
    /// The outcome editor for `team`.
    public static func outcome(_ team: Team) -> EditForm {
        let o = team.outcome ?? Outcome(statement: "")
        return EditForm(purpose: .outcome(team.id), title: "Outcome — \(team.name)", fields: [
            textField("statement", "Outcome", o.statement, limit: 300,
                      help: "The change in customer or business behaviour that would show the pilot worked — not an output such as \"launch the app\"."),
            textField("metric", "Metric", o.metric, help: "How the change is measured, e.g. \"share of claims filed online\"."),
            textField("baseline", "Baseline", o.baseline, limit: 100, help: "Where the metric stands today."),
            textField("target", "Target", o.target, limit: 100, help: "Where it should be, and by when."),
        ])
    }

    /// The weight of `criterion`, typed: empty to start, the current weight in the help.
    public static func weight(_ criterion: Criterion) -> EditForm {
        EditForm(purpose: .weight(criterion.id), title: "Weight — \(criterion.name)", fields: [
            textField("weight", "Weight", "", limit: 60,
                      help: "A whole number from 0 (ignored) to 10; now \(criterion.weight). Enter sets it; ] or [ sets it and moves to the next or previous criterion. Several numbers (5 3 2 0) set this criterion and the ones after it, in one go."),
        ])
    }

    /// A new custom criterion, rated 1–5 with an anchor sentence per level.
    public static func criterion() -> EditForm {
        var fields = [
            textField("name", "Name", "", limit: 40, help: "A short name, e.g. \"Sponsor support\". It becomes a column and a weight."),
            Field(key: "weight", label: "Weight", editor: .count(TextInput("3", limit: 2)),
                  help: "0 (ignored) to 10; the six defaults weigh 2–4."),
            textField("help", "Question", "", help: "What the criterion asks, in one sentence."),
        ]
        for level in 1...5 {
            fields.append(textField("anchor\(level)", "Level \(level)", "",
                                    help: "What a team rated \(level) looks like (optional, shown when rating)."))
        }
        return EditForm(purpose: .criterion, title: "New criterion", fields: fields)
    }

    /// A new voting round; `suggestedBudget` is usually the recommended pilot count.
    public static func voteRound(number: Int, suggestedBudget: Int) -> EditForm {
        EditForm(purpose: .voteRound, title: "New voting round", fields: [
            textField("title", "Title", "Round \(number)", limit: 60, help: "How the round is named in the decision log."),
            Field(key: "budget", label: "Votes per person", editor: .count(TextInput(String(suggestedBudget), limit: 2)),
                  help: "Each person spreads this many votes over the candidates (1–50)."),
            Field(key: "cap", label: "Cap per team", editor: .count(TextInput("", limit: 2)),
                  help: "Most votes one person may give one team; empty for no cap."),
            Field(key: "attributed", label: "Names", editor: .choice(options: ["kept with each ballot", "unattributed"], index: 0),
                  help: "Unattributed: pilotwave never stores who voted or any one person's ballot — only the sum of the votes and how many ballots were cast."),
        ])
    }

    /// Recording the selection: who decided, and the words for the log.
    public static func decision(text: String) -> EditForm {
        EditForm(purpose: .decision, title: "Record the pilot selection", fields: [
            textField("decidedBy", "Decided by", "", limit: 120, help: "Who made the call, e.g. \"Leadership team\" or names."),
            textField("text", "Decision", text, limit: 400, help: "The words for the decision log."),
        ])
    }

}
