import PilotwaveCore

extension CommandRegistry {
    static let hasBlocker: @Sendable (AppState) -> Availability = { state in
        if let b = state.editBlocker { return .disabled(b) }
        if state.plan.blockers.isEmpty { return .disabled("no blockers yet (a adds one)") }
        return state.derived.blockers.rows.isEmpty && state.view == .blockers ? .disabled("no blocker shown (Esc clears the filter)") : .enabled
    }

    static let blockersCommands: [Command] = [
        Command("blockers.down", "Next blocker", context: .blockers, keys: ["j", "down"], inPalette: false,
                help: "Move down the list."),
        Command("blockers.up", "Previous blocker", context: .blockers, keys: ["k", "up"], inPalette: false,
                help: "Move up the list."),
        Command("blockers.first", "First blocker", context: .blockers, keys: ["g", "home"], inPalette: false,
                help: "Go to the first blocker."),
        Command("blockers.last", "Last blocker", context: .blockers, keys: ["G", "end"], inPalette: false,
                help: "Go to the last blocker."),
        Command("blockers.advance", "Next status", context: .blockers, keys: [">"], hint: true, short: "status",
                help: "Move the blocker on: open → in progress → resolved, one undoable edit. In progress needs an owner (asked for when missing); resolving names the waves whose gate is now met.",
                availability: hasBlocker),
        Command("blockers.back", "Previous status", context: .blockers, keys: ["<"],
                help: "Move the blocker back a status (resolved → in progress → open); the message names any gate that is no longer met.",
                availability: hasBlocker),
        Command("blockers.owner", "Set owner", context: .blockers, keys: ["o"], hint: true, short: "owner",
                help: "Give the selected blocker an owner (or clear it): the leader who owns fixing it. An unowned blocker is the thing to fix.",
                availability: hasBlocker),
        Command("blockers.edit", "Edit blocker", context: .blockers, keys: ["enter", "e"], hint: true, short: "edit",
                help: "Edit the blocker: title, category, owner, status, the teams that surfaced it and the waves it gates.",
                availability: hasBlocker),
        Command("blockers.add", "Add blocker", context: .blockers, keys: ["a"], hint: true, short: "add",
                help: "A new systemic blocker: what teams cannot fix alone, its category, owner, the teams that hit it and the waves that wait for it.",
                availability: editable),
        Command("blockers.delete", "Delete blocker", context: .blockers, keys: ["d", "delete"],
                help: "Delete the selected blocker after a confirmation; it leaves every wave's entry gate. u undoes it. Prefer resolving it.",
                availability: hasBlocker),
        Command("blockers.filter", "Filter blockers", context: .blockers, keys: ["/"], hint: true, short: "filter",
                help: "Show only blockers whose title, category, owner, status, teams or waves contain the text. Enter keeps it, Esc clears it."),
        Command("blockers.clearFilter", "Clear filter", context: .blockers, keys: ["esc"],
                help: "Show every blocker again.",
                availability: { s in s.blockers.filter.isEmpty ? .hidden : .enabled }),
        Command("blockers.group", "Group by next", context: .blockers, keys: ["s"], hint: true, short: "group",
                help: "Group the list by status, by the earliest wave each blocker holds up, by category or by owner."),
        Command("blockers.toggleDetail", "Toggle detail", context: .blockers, keys: ["i"],
                help: "Show or hide the selected blocker's detail and the guidance for its category."),
    ]
}
