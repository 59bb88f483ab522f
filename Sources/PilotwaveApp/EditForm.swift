import Foundation
import PilotwaveCore
import TerminalUI

/// The smaller forms of the Pilots view: a pilot's outcome, a custom criterion, a voting round and
/// the pilot-selection decision. Each is committed as one undoable edit.
public struct EditForm: FieldForm, Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        /// The outcome of a team (statement, metric, baseline, target).
        case outcome(TeamID)
        /// A new criterion the facilitator adds in the session.
        case criterion
        /// A new dot-voting round.
        case voteRound
        /// Recording the pilot selection in the decision log.
        case decision
        /// A rating of one readiness cell.
        case signal(Readiness.CellKey)
        /// A new readiness dimension (nil) or an existing one.
        case dimension(DimensionKey?)
        /// A resistance note: a new one captured quickly (nil) or a full edit of an existing one.
        case note(NoteID?)
        /// A new stakeholder (nil) or an existing one.
        case stakeholder(StakeholderID?)
        /// Striking a mistaken rating: the reason.
        case strike(SignalID)
        /// Starting a wave over its unmet entry gate: the reason and who decides.
        case gateOverride(WaveID)
        /// A new systemic blocker (nil) or an existing one: title, category, owner, status, teams, waves.
        case blocker(BlockerID?)
        /// A blocker's owner; `advance` also moves an open blocker to in progress.
        case blockerOwner(BlockerID, advance: Bool)
        /// A wave's name, dates, check-ins and status (nil: a new wave).
        case wave(WaveID?)
        /// A coach seeded from a team of an earlier wave.
        case seedCoach(TeamID)
        /// A new scenario copied from a wave plan (`from` nil: the current plan).
        case newScenario(from: ScenarioID?)
        /// Renaming a scenario.
        case renameScenario(ScenarioID)
        /// Adopting a scenario as the plan: who decides and why.
        case adoptScenario(ScenarioID)
        /// A new workshop from a template.
        case newWorkshop
        /// A decision (or suggestion) captured in a workshop.
        case workshopDecision(WorkshopID)
        /// A new action (nil) or an existing one, agreed in a workshop (or not).
        case action(ActionID?, workshop: WorkshopID?)
        /// A parking-lot item of a workshop.
        case parking(WorkshopID)
        /// Exporting a report (of a workshop, or of the whole plan).
        case export(WorkshopID?)
    }

    public var purpose: Purpose
    public var title: String
    public var fields: [TeamForm.Field]
    public var focus = 0

    typealias Field = TeamForm.Field

    static func textField(_ key: String, _ label: String, _ text: String, limit: Int = 200, help: String) -> Field {
        Field(key: key, label: label, editor: .text(TextInput(text, limit: limit)), help: help)
    }

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

    // MARK: Building the edit

    /// The outcome from the fields (nil when all are empty: the outcome is cleared).
    func buildOutcome() -> Outcome? {
        let o = Outcome(statement: text("statement").trimmingWhitespace(), metric: text("metric").trimmingWhitespace(),
                        baseline: text("baseline").trimmingWhitespace(), target: text("target").trimmingWhitespace())
        return o.isEmpty ? nil : o
    }

    /// The criterion from the fields, or nil with the fields in error.
    mutating func buildCriterion(plan: Plan) -> Criterion? {
        clearErrors()
        let name = text("name").trimmingWhitespace()
        if name.isEmpty { setError("name", "a criterion needs a name") }
        if plan.criteria.contains(where: { $0.name.lowercased() == name.lowercased() }) {
            setError("name", "\"\(name)\" already exists")
        }
        let weight = Int(text("weight").trimmingWhitespace()) ?? -1
        if !Criterion.weightRange.contains(weight) { setError("weight", "a whole number 0–10") }
        guard focusFirstError() else { return nil }
        var key = Self.key(for: name)
        var n = 2
        while plan.criterion(key) != nil {
            key = Self.key(for: name) + String(n)
            n += 1
        }
        let anchors = (1...5).map { text("anchor\($0)").trimmingWhitespace() }
        return Criterion(id: key, name: name, source: .rated, weight: weight,
                         help: text("help").trimmingWhitespace(),
                         anchors: anchors.allSatisfy(\.isEmpty) ? [] : anchors)
    }

    /// "Sponsor support" → "sponsorSupport" (ASCII letters and digits; "custom" when none).
    static func key(for name: String) -> String {
        let words = name.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        guard let first = words.first else { return "custom" }
        return first.lowercased() + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
    }

    /// The voting round from the fields, or nil with the fields in error.
    mutating func buildVoteRound(id: VoteRoundID, at: Date) -> VoteRound? {
        clearErrors()
        let title = text("title").trimmingWhitespace()
        if title.isEmpty { setError("title", "a round needs a title") }
        let budget = Int(text("budget").trimmingWhitespace()) ?? 0
        if !VoteRound.budgetRange.contains(budget) { setError("budget", "1–50 votes") }
        let capText = text("cap").trimmingWhitespace()
        let cap = capText.isEmpty ? nil : Int(capText)
        if let cap, cap < 1 || cap > budget { setError("cap", "1–\(max(1, budget)), or empty for no cap") }
        guard focusFirstError() else { return nil }
        return VoteRound(id: id, title: title, budget: budget, capPerTeam: cap, attributed: choice("attributed") == 0, openedAt: at)
    }
}
