import PilotwaveCore
import TerminalUI

/// The Resistance view's own state.
public struct ResistanceViewState: Sendable, Equatable {
    public var grouping: ResistanceRules.Grouping = .kind
    /// Row among the notes shown (group headings are not rows).
    public var selected = 0
    /// The note selected, followed when the rows change under it (set by the refresh).
    public var selectedID: NoteID?
    /// First screen line shown.
    public var top = 0
    public var filter = ""
    public var filterInput: TextInput?
    /// Showing the stakeholders list instead of the notes.
    public var stakeholders = false
    public var stakeholderRow = 0

    public init() {}
}
