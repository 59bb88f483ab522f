import Foundation

public enum DecisionKind: String, StringEnum {
    /// Feedback the team may take or leave.
    case suggestion
    /// A call that stands.
    case decision
    public var label: String { rawValue }
}

/// An entry of the decision log (DOMAIN.md §3).
public struct Decision: Codable, Hashable, Sendable, Identifiable {
    public var id: DecisionID
    public var text: String
    public var kind: DecisionKind
    public var decidedBy: String
    public var at: Date
    /// Ids of whatever the decision concerns (teams, waves, blockers…), as plain strings.
    public var concerns: [String]
    /// For a pilot selection: the teams, weights, recommendation and tally it was made on.
    public var selection: PilotSelection?

    public init(id: DecisionID, text: String, kind: DecisionKind = .decision, decidedBy: String,
                at: Date, concerns: [String] = [], selection: PilotSelection? = nil) {
        self.id = id
        self.text = text
        self.kind = kind
        self.decidedBy = decidedBy
        self.at = at
        self.concerns = concerns
        self.selection = selection
    }
}

/// One timeboxed step of a workshop agenda.
public struct AgendaStep: Codable, Hashable, Sendable {
    public var title: String
    /// The view the step uses (`pilots`, `readiness`, `waves`…).
    public var view: String
    public var minutes: Int
    /// The key question the room answers in this step.
    public var question: String
    public var done: Bool

    public init(title: String, view: String, minutes: Int, question: String = "", done: Bool = false) {
        self.title = title
        self.view = view
        self.minutes = minutes
        self.question = question
        self.done = done
    }
}

public struct Workshop: Codable, Hashable, Sendable, Identifiable {
    public var id: WorkshopID
    public var title: String
    public var date: Day?
    public var steps: [AgendaStep]

    public init(id: WorkshopID, title: String, date: Day? = nil, steps: [AgendaStep] = []) {
        self.id = id
        self.title = title
        self.date = date
        self.steps = steps
    }
}
