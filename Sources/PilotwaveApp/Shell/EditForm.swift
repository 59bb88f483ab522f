import Foundation
import PilotwaveCore
import TerminalUI

/// A small form over a view (each feature adds its own in `EditForm+Feature`): fields, a purpose, and
/// the edit it becomes. Each is committed as one undoable edit.
public struct EditForm: FieldForm, Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        /// The outcome of a team (statement, metric, baseline, target).
        case outcome(TeamID)
        /// A new criterion the facilitator adds in the session.
        case criterion
        /// The weight of one criterion, typed.
        case weight(CriterionKey)
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
        /// Opening a round for participants (`kind` nil: the form asks); `dimension`: the one the
        /// facilitator was on, offered alone.
        case openRound(RoundKind?, dimension: DimensionKey?)
        /// Exporting a report: the workshops the form offers after "none (the whole plan)", in order.
        case export([WorkshopID])
    }

    public var purpose: Purpose
    public var title: String
    public var fields: [TeamForm.Field]
    public var focus = 0

    typealias Field = TeamForm.Field

    static func textField(_ key: String, _ label: String, _ text: String, limit: Int = 200, help: String) -> Field {
        Field(key: key, label: label, editor: .text(TextInput(text, limit: limit)), help: help)
    }

    /// A field naming one team (or, with `list`, teams separated by commas), resolved as typed.
    static func teamField(_ key: String, _ label: String, _ text: String, list: Bool = false, help: String) -> Field {
        Field(key: key, label: label, editor: .text(TextInput(text, limit: list ? 500 : 120)), help: help,
              teamNames: list ? .list : .one)
    }

    /// What every date field's help says it reads.
    static let dateHelp = "A date: 2026-12-18, fri, next friday, +7d, in 2 weeks, tomorrow"

    /// A date field (``Day/typed(_:today:)``): room for what people type, the day it resolves to
    /// shown beside it. `list` takes several, comma-separated.
    static func dateField(_ key: String, _ label: String, _ days: [Day], list: Bool = false, help: String) -> Field {
        var field = Field(key: key, label: label, editor: .text(TextInput(days.map(\.description).joined(separator: ", "),
                                                                          limit: list ? 400 : 40)), help: help)
        field.isDate = true
        return field
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
