import TerminalUI

/// Where a key is looked up. View contexts are tried first, then `global`.
public enum KeyContext: String, CaseIterable, Sendable, Hashable {
    case global, overview, teams, pilots, readiness, resistance, waves, timeline, scenarios, compare, blockers, workshop, form

    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .overview: "Overview"
        case .teams: "Teams"
        case .pilots: "Pilots"
        case .readiness: "Readiness"
        case .resistance: "Resistance"
        case .waves: "Waves"
        case .blockers: "Blockers"
        case .workshop: "Workshop"
        case .timeline: "Waves: timeline"
        case .scenarios: "Waves: scenarios"
        case .compare: "Waves: comparing scenarios"
        case .form: "Forms"
        }
    }
}

/// Whether a command can run now.
public enum Availability: Sendable, Equatable {
    case enabled
    /// Shown (greyed) with the reason; pressing it shows the reason as a toast.
    case disabled(String)
    /// Not offered at all in this state.
    case hidden
}

/// The stable id of a command, as used in keymaps, the palette and docs.
public struct CommandID: RawRepresentable, Hashable, Sendable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (a: CommandID, b: CommandID) -> Bool { a.rawValue < b.rawValue }
}

/// One thing the user can do: the single source for key dispatch, the hint bar, the help overlay,
/// the command palette and docs/keys.md.
public struct Command: Sendable {
    public var id: CommandID
    public var title: String
    public var help: String
    public var context: KeyContext
    public var keys: [Key]
    /// Shown in the bottom hint bar of its context.
    public var hint: Bool
    /// The word or two the hint bar shows (the title, lower-cased, when nil). Neighbouring hints
    /// with the same word share it: `+/- weight`.
    public var short: String?
    /// The hint bar's label.
    public var hintTitle: String { short ?? title.lowercased() }
    /// Offered in the command palette.
    public var inPalette: Bool
    public var availability: @Sendable (AppState) -> Availability

    public init(_ id: CommandID, _ title: String, context: KeyContext, keys: [String], hint: Bool = false,
                short: String? = nil, inPalette: Bool = true, help: String,
                availability: @escaping @Sendable (AppState) -> Availability = { _ in .enabled }) {
        self.id = id
        self.title = title
        self.help = help
        self.context = context
        self.keys = keys.map { Key(spec: $0)! }
        self.hint = hint
        self.short = short
        self.inPalette = inPalette
        self.availability = availability
    }
}

extension AppState {
    /// Why the plan cannot be edited now, or nil.
    var editBlocker: String? {
        if let readOnlyReason { return "read-only: \(readOnlyReason)" }
        return nil
    }
}

/// Every command, in the order help shows them.
public enum CommandRegistry {
    public static let all: [Command] = globalCommands + overviewCommands + teamsCommands + pilotsCommands
        + readinessCommands + resistanceCommands + wavesCommands + timelineCommands + scenarioCommands + compareCommands + blockersCommands + workshopCommands + formCommands
        + wavePickCommands

    public static func command(_ id: CommandID) -> Command? { byID[id] }

    static let byID: [CommandID: Command] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    static let editable: @Sendable (AppState) -> Availability = { state in
        state.editBlocker.map { .disabled($0) } ?? .enabled
    }

    static let hasTeam: @Sendable (AppState) -> Availability = { state in
        if let b = state.editBlocker { return .disabled(b) }
        return state.derived.rows.isEmpty ? .disabled("no team selected") : .enabled
    }

    static let globalCommands: [Command] = [
        Command("app.quit", "Quit", context: .global, keys: ["q", "ctrl-c"], hint: true, short: "quit",
                help: "Leave pilotwave. Asks first when edits are not saved."),
        Command("app.help", "Help", context: .global, keys: ["?", "f1"], hint: true, short: "help",
                help: "Show every key for the current view."),
        Command("app.palette", "Command palette", context: .global, keys: [":", "ctrl-p"], hint: true, short: "commands",
                help: "Find and run any command by typing part of its name."),
        Command("app.undo", "Undo", context: .global, keys: ["u"], hint: true, short: "undo",
                help: "Undo the last change to the plan.",
                availability: { s in
                    if let b = s.editBlocker { return .disabled(b) }
                    return s.history.canUndo ? .enabled : .disabled("nothing to undo")
                }),
        Command("app.redo", "Redo", context: .global, keys: ["ctrl-r"],
                help: "Redo the last undone change.",
                availability: { s in
                    if let b = s.editBlocker { return .disabled(b) }
                    return s.history.canRedo ? .enabled : .disabled("nothing to redo")
                }),
        Command("file.save", "Save now", context: .global, keys: ["ctrl-s"],
                help: "Write the plan to its file now (atomically; the previous version is kept as FILE.bak).",
                availability: { s in
                    if s.readOnlyReason != nil { return .disabled("read-only: \(s.readOnlyReason!)") }
                    if s.file == nil { return .disabled("the demo plan has no file; run `pilotwave demo --save-as FILE`") }
                    return .enabled
                }),
        Command("file.saveAs", "Save as…", context: .global, keys: [],
                help: "Write the plan to a new file and keep working on that file (for the demo: keep your edits)."),
        Command("file.toggleAutosave", "Toggle autosave", context: .global, keys: [],
                help: "Turn saving after every edit on or off. With it off, quitting asks about unsaved edits.",
                availability: { s in s.file == nil || s.readOnlyReason != nil ? .disabled("no writable file") : .enabled }),
        Command("file.export", "Export report", context: .global, keys: ["E"], hint: true, short: "export",
                help: "From any view: write the plan's report — or a workshop's record; the running one (in the Workshop view, the one shown) is preselected — as Markdown, HTML, CSV or JSON, beside the plan's file. An existing file is not overwritten."),
        roomShow,
        conflictsShow,
        Command("view.next", "Next view", context: .global, keys: ["tab"],
                help: "Go to the next view in the tab bar."),
        Command("view.previous", "Previous view", context: .global, keys: ["shift-tab"],
                help: "Go to the previous view in the tab bar."),
        Command("view.overview", "Overview", context: .global, keys: ["1"],
                help: "Organisation, pilot count, readiness headline and the plan checks with their guidance."),
        Command("view.teams", "Teams", context: .global, keys: ["2"],
                help: "All teams: sort, filter, score breakdown; add, edit, duplicate and delete."),
        Command("view.pilots", "Pilots", context: .global, keys: ["3"],
                help: "The pilot-selection session: ranking, weights, robustness, votes, outcomes and the decision."),
        Command("view.readiness", "Readiness", context: .global, keys: ["4"],
                help: "The readiness matrix: dimensions by organisation and teams, trends, history, the barrier and systemic patterns."),
        Command("view.resistance", "Resistance", context: .global, keys: ["5"],
                help: "The resistance log, grouped by kind, status or source; playbook responses, owners and follow-ups; stakeholders."),
        Command("view.waves", "Waves", context: .global, keys: ["6"],
                help: "The wave board: teams by wave, coach capacity, entry gates and the wave findings."),
        Command("view.blockers", "Blockers", context: .global, keys: ["7"],
                help: "The systemic blockers the pilots surfaced: status, owner, the waves each one holds up, and what fixing it takes."),
        Command("view.workshop", "Workshop", context: .global, keys: ["8"],
                help: "Run a workshop: its agenda, the timer of each step, presenter mode, decisions, actions and the parking lot; what carries over from last time."),
        Command("resistance.capture", "Capture resistance", context: .global, keys: ["!"], hint: true, short: "resistance",
                help: "From any view: note resistance as heard — the words and the kind; the current team is filled in; the rest can wait.",
                availability: editable),
        Command("app.redraw", "Redraw the screen", context: .global, keys: ["ctrl-l"],
                help: "Repaint the whole screen."),
        Command("app.suspend", "Suspend", context: .global, keys: ["ctrl-z"], inPalette: false,
                help: "Return to the shell; `fg` comes back."),
    ]

    static let overviewCommands: [Command] = [
        Command("overview.down", "Next plan check", context: .overview, keys: ["j", "down"], inPalette: false,
                help: "Select the next plan check."),
        Command("overview.up", "Previous plan check", context: .overview, keys: ["k", "up"], inPalette: false,
                help: "Select the previous plan check."),
        Command("overview.pageDown", "Page down", context: .overview, keys: ["pgdn", "space"], inPalette: false,
                help: "Select a plan check five further down."),
        Command("overview.pageUp", "Page up", context: .overview, keys: ["pgup"], inPalette: false,
                help: "Select a plan check five further up."),
        Command("overview.first", "First plan check", context: .overview, keys: ["g", "home"], inPalette: false,
                help: "Select the first (most severe) plan check."),
        Command("overview.last", "Last plan check", context: .overview, keys: ["G", "end"], inPalette: false,
                help: "Select the last plan check."),
        Command("overview.jump", "Go to what the check names", context: .overview, keys: ["enter", "n"], hint: true, short: "go to",
                help: "Open the team, wave or blocker the selected plan check is about, selected in its view; 1 comes back. On a merge conflict: the Conflicts overlay, on that conflict.",
                availability: { s in s.derived.findings.isEmpty ? .disabled("no plan checks") : .enabled }),
    ]

    static let teamsCommands: [Command] = [
        Command("teams.down", "Next team", context: .teams, keys: ["j", "down"], inPalette: false,
                help: "Move the selection down."),
        Command("teams.up", "Previous team", context: .teams, keys: ["k", "up"], inPalette: false,
                help: "Move the selection up."),
        Command("teams.pageDown", "Page down", context: .teams, keys: ["pgdn", "ctrl-d"], inPalette: false,
                help: "Move a page down."),
        Command("teams.pageUp", "Page up", context: .teams, keys: ["pgup", "ctrl-u"], inPalette: false,
                help: "Move a page up."),
        Command("teams.first", "First team", context: .teams, keys: ["g", "home"], inPalette: false,
                help: "Go to the first row."),
        Command("teams.last", "Last team", context: .teams, keys: ["G", "end"], inPalette: false,
                help: "Go to the last row."),
        Command("teams.edit", "Edit team", context: .teams, keys: ["enter", "e"], hint: true, short: "edit",
                help: "Open the selected team in the form.", availability: hasTeam),
        teamsPutInWave,
        Command("teams.add", "Add team", context: .teams, keys: ["a"], hint: true, short: "add",
                help: "Open an empty team form.", availability: editable),
        Command("teams.duplicate", "Duplicate team", context: .teams, keys: ["y"],
                help: "Open the form on a copy of the selected team.", availability: hasTeam),
        Command("teams.delete", "Delete team", context: .teams, keys: ["d", "delete"], hint: true, short: "delete",
                help: "Delete the selected team (and its signals, notes and wave places); u undoes it.",
                availability: hasTeam),
        Command("teams.filter", "Filter teams", context: .teams, keys: ["/"], hint: true, short: "filter",
                help: "Type to show only teams whose name, area, tags or status contain the text. Enter keeps it, Esc clears it."),
        Command("teams.nextMatch", "Next match", context: .teams, keys: ["n"], inPalette: false,
                help: "Move to the next row of the filtered list (wraps)."),
        Command("teams.previousMatch", "Previous match", context: .teams, keys: ["N"], inPalette: false,
                help: "Move to the previous row of the filtered list (wraps)."),
        Command("teams.clearFilter", "Clear filter", context: .teams, keys: ["esc"],
                help: "Show all teams again.",
                availability: { s in s.teams.filter.isEmpty ? .hidden : .enabled }),
        Command("teams.sort", "Sort by next column", context: .teams, keys: ["s"], hint: true, short: "sort",
                help: "Cycle the sort column: score, name, area, stage, size, status."),
        Command("teams.reverse", "Reverse sort", context: .teams, keys: ["S"],
                help: "Reverse the sort order."),
        Command("teams.toggleDetail", "Toggle detail pane", context: .teams, keys: ["i"],
                help: "Show or hide the score breakdown of the selected team."),
    ]

    static let formCommands: [Command] = [
        Command("form.next", "Next field", context: .form, keys: ["tab", "down"], inPalette: false,
                help: "Move to the next field."),
        Command("form.previous", "Previous field", context: .form, keys: ["shift-tab", "up"], inPalette: false,
                help: "Move to the previous field."),
        Command("form.commit", "Save the team", context: .form, keys: ["enter"], hint: true, inPalette: false,
                help: "Check the fields and apply the change as one undoable edit."),
        Command("form.cancel", "Cancel", context: .form, keys: ["esc"], hint: true, inPalette: false,
                help: "Close the form without changing anything."),
    ]
}
