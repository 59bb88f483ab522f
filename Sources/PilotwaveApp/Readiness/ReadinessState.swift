import PilotwaveCore
import TerminalUI

/// Which teams are the columns of the readiness matrix (after the organisation's column).
public enum ReadinessScope: Sendable, Equatable {
    /// The pilot teams (the usual check-in).
    case pilots
    /// The teams of one wave.
    case wave(WaveID)
    /// Every team in scope.
    case allTeams
}

/// The Readiness view's own state: the selected cell and what the columns show.
public struct ReadinessViewState: Sendable, Equatable {
    /// Row among the dimensions shown.
    public var row = 0
    /// Column: 0 is the organisation, then the teams in scope.
    public var column = 0
    /// The first team column shown (horizontal scroll).
    public var leftColumn = 0
    public var scope: ReadinessScope = .pilots
    /// Whether retired dimensions are shown (with their history).
    public var showRetired = false
    /// Who records ratings, remembered between recordings in a session.
    public var recorder = ""
    /// The team whose own name `recorder` is (the team rated itself): then it is not proposed for
    /// another team's cell.
    public var recorderTeam: TeamID?

    public init() {}
}

/// A readiness cell's history, open over the matrix: every rating, struck ones included.
public struct HistoryState: Sendable, Equatable {
    public var cell: Readiness.CellKey
    /// Index into the cell's history (oldest first).
    public var selected: Int

    public init(cell: Readiness.CellKey, selected: Int) {
        self.cell = cell
        self.selected = selected
    }
}

