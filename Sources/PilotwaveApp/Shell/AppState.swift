import Foundation
import PilotwaveCore
import TerminalUI

/// The views in the tab bar, in order. A view appears here only once it is built.
public enum ViewID: String, CaseIterable, Sendable, Hashable {
    case overview, teams, pilots, readiness, resistance, waves, blockers, workshop

    public var title: String {
        switch self {
        case .overview: "Overview"
        case .teams: "Teams"
        case .pilots: "Pilots"
        case .readiness: "Readiness"
        case .resistance: "Resistance"
        case .waves: "Waves"
        case .blockers: "Blockers"
        case .workshop: "Workshop"
        }
    }

    /// Where this view's keys are looked up.
    public var keyContext: KeyContext {
        switch self {
        case .overview: .overview
        case .teams: .teams
        case .pilots: .pilots
        case .readiness: .readiness
        case .resistance: .resistance
        case .waves: .waves
        case .blockers: .blockers
        case .workshop: .workshop
        }
    }

    /// The number key that jumps to the view.
    public var number: Int { ViewID.allCases.firstIndex(of: self)! + 1 }
}

/// Where saving stands, for the status line.
public enum SaveStatus: Sendable, Equatable {
    /// Nothing to save (`at` is when the last save finished, if any in this session).
    case saved(at: Date?)
    /// Edits not yet on disk.
    case unsaved
    /// The last save failed; the message says why. Edits are kept in memory.
    case failed(String)
    /// Opened from the embedded demo: edits live in memory until saved under a name.
    case inMemory
}

/// What a message reports, which decides its mark and colour on the status line.
public enum ToastKind: String, Sendable, Equatable, CaseIterable {
    /// A change was made as asked ("✓").
    case done
    /// Nothing changed, or a hint about where one is ("·"): a no-op is not a success.
    case info
    /// It was done, but something deserves a look ("!").
    case warning
    /// It could not be done ("✗").
    case error

    /// The mark in front of the text.
    public var mark: String {
        switch self {
        case .done: "✓"
        case .info: "·"
        case .warning: "!"
        case .error: "✗"
        }
    }
}

/// A short message at the bottom of the screen that goes away by itself (or when the view changes).
public struct Toast: Sendable, Equatable {
    public var text: String
    public var kind: ToastKind
    public var expires: Date

    public var isError: Bool { kind == .error }

    public init(text: String, kind: ToastKind, expires: Date) {
        self.text = text
        self.kind = kind
        self.expires = expires
    }
}

/// Something drawn over the current view that takes the keys first.
public enum Overlay: Sendable, Equatable {
    case help(scroll: Int)
    case palette(PaletteState)
    case form(TeamForm)
    /// Quit with unsaved edits or a failed save.
    case confirmQuit
    /// The file changed on disk since it was loaded or saved.
    case externalChange
    /// "Save as…": the path being typed.
    case saveAs(TextInput)
    /// An outcome, criterion, voting-round or decision form.
    case editForm(EditForm)
    /// A ballot being entered.
    case ballot(BallotDraft)
    /// Rating a team on one criterion, the anchors on screen.
    case rate(RatePicker)
    /// Two or three teams side by side.
    case compare([TeamID])
    /// A readiness cell's history (every rating, struck ones too).
    case history(HistoryState)
    /// A yes/no question before a deletion (a blocker).
    case confirm(Confirmation)
    /// "Put in a wave" (P), or the offer of the pilot wave after p.
    case wavePicker(WavePicker)
    /// The room of participants (`@`): who is here, the open rounds, refusals, distributions.
    case room(RoomOverlay)
    /// What a merge left to decide (X; shown when such a plan is opened).
    case conflicts(ConflictsOverlay)
}

/// The whole state of the interactive program. `reduce` is the only thing that changes it.
public struct AppState: Sendable, Equatable {
    public var plan: Plan
    /// The teams' names as ``TeamMatch`` matches them, and the revision they were made for: a
    /// field naming a team resolves its text at every typed key without folding every name again.
    struct TeamMatchCache: Sendable, Equatable {
        var revision: Int
        var index: TeamMatch.Index
    }
    var teamMatchCache: TeamMatchCache?
    /// Increases with every change to `plan`; caches are keyed by it.
    public private(set) var revision = 0
    /// The plan file, or nil for the embedded demo.
    public var file: String?
    /// Why the plan is read-only (another pilotwave holds the file), if it is.
    public var readOnlyReason: String?
    public var autosave = true
    public var saveStatus: SaveStatus
    /// The revision last written to disk (or loaded).
    public var savedRevision = 0
    /// The undo position of the version on disk, when known: undoing back to it is not an unsaved change.
    public var savedPosition: Int? = 0
    /// When the last edit was made (autosave waits for a quiet moment after it).
    public var lastEditAt: Date?
    public var view: ViewID = .teams
    public var teams = TeamsViewState()
    public var pilots = PilotsViewState()
    public var readiness = ReadinessViewState()
    public var resistance = ResistanceViewState()
    public var waves = WavesViewState()
    public var workshop = WorkshopViewState()
    /// Participants who joined with `pilotwave join`, and their submissions.
    public var room = RoomState()
    /// The time of the last action (the timer is drawn against it).
    public internal(set) var clock = Date()
    /// When the last tick came (a timebox that ran out since then rings the bell).
    var lastTick = Date.distantPast
    /// Effects a form's commit asked for, handed to the runtime at the end of the action.
    var pending: [Effect] = []
    public var blockers = BlockersViewState()
    public var overviewScroll = 0
    /// The selected plan check on the Overview (Enter goes to what it names).
    public var overviewFinding = 0
    public var overlay: Overlay?
    public var toast: Toast?
    public var size: Size
    public var history = UndoHistory()
    public var quitting = false
    /// Today, as of the last action (follow-ups are overdue against it).
    public internal(set) var today = Day(Date())
    /// When `today` was worked out (it takes the calendar; once a minute is enough).
    var todayAt = Date.distantPast
    /// Data derived from the plan, recomputed when the revision or the view's settings change.
    public internal(set) var derived = Derived()

    public init(plan: Plan, file: String?, size: Size, readOnlyReason: String? = nil) {
        self.plan = plan
        self.file = file
        self.size = size
        self.readOnlyReason = readOnlyReason
        saveStatus = file == nil ? .inMemory : .saved(at: nil)
        derived.refresh(plan: plan, revision: revision, teams: &teams, needFindings: false, today: Day(Date()))
        showConflictsOnOpen()
    }

    /// Whether the plan has edits that are not on disk.
    public var isDirty: Bool { revision != savedRevision }

    /// The keys in force: the view's, or on the Waves view those of the timeline, the scenarios or
    /// a comparison while one shows.
    public var keyContext: KeyContext {
        guard view == .waves else { return view.keyContext }
        switch waves.mode {
        case .board: return .waves
        case .timeline: return .timeline
        case .scenarios: return .scenarios
        case .compare: return .compare
        }
    }

    /// Replaces the plan after an edit, undo or reload and invalidates the caches.
    mutating func replacePlan(_ new: Plan) {
        plan = new
        revision += 1
    }
}

/// The Teams view's own state: selection, scroll, sort and filter.
public struct TeamsViewState: Sendable, Equatable {
    public var sort: TeamSort = .score
    public var descending = true
    /// The applied filter (case-insensitive substring of name, area, tags and status).
    public var filter = ""
    /// The filter being typed, when the filter line has focus.
    public var filterInput: TextInput?
    /// The selected team, kept across sorting and filtering.
    public var selectedID: TeamID?
    /// Index into the visible rows.
    public var selected = 0
    /// First visible row.
    public var top = 0
    public var showDetail = true
    /// Teams marked (m) to put in a wave together (P).
    public var marked: Set<TeamID> = []

    public init() {}
}

/// The columns the Teams table can be sorted by.
public enum TeamSort: String, CaseIterable, Sendable {
    case score, name, area, stage, size, status

    public var title: String { rawValue }

    /// Whether the natural order is highest first.
    public var naturalDescending: Bool { self == .score || self == .size }
}
