import PilotwaveCore

extension CommandRegistry {
    static let hasNote: @Sendable (AppState) -> Availability = { state in
        if let b = state.editBlocker { return .disabled(b) }
        return state.plan.resistance.isEmpty ? .disabled("no notes yet (! captures one)") : .enabled
    }

    static let resistanceCommands: [Command] = [
        Command("resistance.down", "Next note", context: .resistance, keys: ["j", "down"], inPalette: false,
                help: "Move down the log."),
        Command("resistance.up", "Previous note", context: .resistance, keys: ["k", "up"], inPalette: false,
                help: "Move up the log."),
        Command("resistance.first", "First note", context: .resistance, keys: ["g", "home"], inPalette: false,
                help: "Go to the first note."),
        Command("resistance.last", "Last note", context: .resistance, keys: ["G", "end"], inPalette: false,
                help: "Go to the last note."),
        Command("resistance.group", "Group by next", context: .resistance, keys: ["s"], hint: true, short: "group",
                help: "Group the log by kind, by status or by source (team or stakeholder)."),
        Command("resistance.filter", "Filter notes", context: .resistance, keys: ["/"], hint: true, short: "filter",
                help: "Show only notes whose words, kind, status, owner, response or source contain the text."),
        Command("resistance.clearFilter", "Clear filter", context: .resistance, keys: ["esc"],
                help: "Show all notes again.",
                availability: { s in s.resistance.filter.isEmpty ? .hidden : .enabled }),
        Command("resistance.edit", "Edit note", context: .resistance, keys: ["enter", "e"], hint: true, short: "edit",
                help: "Complete the note: source, severity, the response (from the kind's playbook or your own), owner and follow-up date.",
                availability: hasNote),
        resistanceOpenRound,
        Command("resistance.advance", "Next status", context: .resistance, keys: [">"], hint: true, short: "status",
                help: "Move the note on: open → being addressed → resolved.", availability: hasNote),
        Command("resistance.back", "Previous status", context: .resistance, keys: ["<"],
                help: "Move the note back a status.", availability: hasNote),
        Command("resistance.delete", "Delete note", context: .resistance, keys: ["d", "delete"],
                help: "Delete the selected note (or stakeholder); u undoes it.", availability: hasNote),
        Command("resistance.stakeholders", "Stakeholders", context: .resistance, keys: ["t"], hint: true, short: "stakeholders",
                help: "Switch between the notes and the stakeholders (name, role, stance now and wanted)."),
        Command("resistance.addStakeholder", "Add stakeholder", context: .resistance, keys: ["a"],
                help: "A new stakeholder: name, role, stance now and the stance wanted.", availability: editable),
    ]
}
