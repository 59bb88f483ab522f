import Foundation

/// The coach a team has in a scenario.
public struct CoachAssignment: Codable, Hashable, Sendable {
    public var team: TeamID
    public var coach: CoachID

    public init(team: TeamID, coach: CoachID) {
        self.team = team
        self.coach = coach
    }
}

/// A named alternative wave plan (DOMAIN.md §6): its waves, and the coach of every team it places.
///
/// A scenario holds only what differs between wave plans. Everything else (the teams themselves,
/// coaches' capacities, blockers' statuses) is read from the plan when the scenario is shown,
/// compared or adopted; see ``Scenarios``.
public struct Scenario: Codable, Hashable, Sendable, Identifiable {
    public var id: ScenarioID
    public var name: String
    /// Why this alternative, in the facilitator's words; may be empty.
    public var note: String
    public var createdAt: Date
    /// The waves as the scenario would have them (with their teams, dates, entry criteria and status).
    public var waves: [Wave]
    /// The coach of each team placed in `waves` that has one, in the plan's team order. A placed
    /// team without an assignment has no coach in the scenario.
    public var assignments: [CoachAssignment]

    public init(id: ScenarioID, name: String, note: String = "", createdAt: Date, waves: [Wave] = [],
                assignments: [CoachAssignment] = []) {
        self.id = id
        self.name = name
        self.note = note
        self.createdAt = createdAt
        self.waves = waves
        self.assignments = assignments
    }

    /// Waves in their planned order (order, then name), like ``Plan/orderedWaves``.
    public var orderedWaves: [Wave] { waves.sorted { ($0.order, $0.name) < ($1.order, $1.name) } }
}
