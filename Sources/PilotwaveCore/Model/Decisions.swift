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
    /// The workshop it was taken in, if any.
    public var workshop: WorkshopID?

    public init(id: DecisionID, text: String, kind: DecisionKind = .decision, decidedBy: String,
                at: Date, concerns: [String] = [], selection: PilotSelection? = nil, workshop: WorkshopID? = nil) {
        self.id = id
        self.text = text
        self.kind = kind
        self.decidedBy = decidedBy
        self.at = at
        self.concerns = concerns
        self.selection = selection
        self.workshop = workshop
    }
}
