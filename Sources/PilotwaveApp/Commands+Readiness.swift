import PilotwaveCore

extension CommandRegistry {
    static let hasNote: @Sendable (AppState) -> Availability = { state in
        if let b = state.editBlocker { return .disabled(b) }
        return state.plan.resistance.isEmpty ? .disabled("no notes yet (! captures one)") : .enabled
    }

    static let readinessCommands: [Command] = [
        Command("readiness.down", "Next dimension", context: .readiness, keys: ["j", "down"], inPalette: false,
                help: "Move down a dimension."),
        Command("readiness.up", "Previous dimension", context: .readiness, keys: ["k", "up"], inPalette: false,
                help: "Move up a dimension."),
        Command("readiness.right", "Next column", context: .readiness, keys: ["l", "right"], inPalette: false,
                help: "Move to the next team column."),
        Command("readiness.left", "Previous column", context: .readiness, keys: ["h", "left"], inPalette: false,
                help: "Move to the previous column (the organisation is the first)."),
        Command("readiness.record", "Record a rating", context: .readiness, keys: ["r", "space"], hint: true,
                help: "Rate the selected cell 1–5 with the level's anchor on screen, the evidence and who saw it. Appended to the history, never overwriting.",
                availability: editable),
        Command("readiness.history", "History of the cell", context: .readiness, keys: ["enter"], hint: true,
                help: "Every rating of the cell, oldest first, struck ones included; x strikes a mistaken one with a reason."),
        Command("readiness.scope", "Columns: pilots / a wave / all teams", context: .readiness, keys: ["w"], hint: true,
                help: "Cycle the team columns: the pilot teams, the teams of each wave, every team in scope."),
        Command("readiness.raise", "Raise a systemic blocker", context: .readiness, keys: ["b"], hint: true,
                help: "When several pilot teams rate the selected dimension low, raise it as a systemic blocker surfaced by those teams; it joins the entry criteria of the later waves.",
                availability: editable),
        Command("readiness.addDimension", "Add dimension", context: .readiness, keys: ["n"],
                help: "A new readiness dimension: name, question, organisation/team/both, precondition or sign of taking hold, anchors.",
                availability: editable),
        Command("readiness.editDimension", "Edit dimension", context: .readiness, keys: ["e"],
                help: "Rename the selected dimension or change its question, scope or anchors; its history stays.",
                availability: editable),
        Command("readiness.moveUp", "Move dimension up", context: .readiness, keys: ["K"],
                help: "Move the selected dimension up (order matters: the barrier is the first weak precondition).",
                availability: editable),
        Command("readiness.moveDown", "Move dimension down", context: .readiness, keys: ["J"],
                help: "Move the selected dimension down.", availability: editable),
        Command("readiness.retire", "Retire or restore dimension", context: .readiness, keys: ["R"],
                help: "Retire the selected dimension (hidden, history kept) or bring a retired one back.",
                availability: editable),
        Command("readiness.showRetired", "Show retired dimensions", context: .readiness, keys: ["z"],
                help: "Show or hide retired dimensions."),
    ]

    static let resistanceCommands: [Command] = [
        Command("resistance.down", "Next note", context: .resistance, keys: ["j", "down"], inPalette: false,
                help: "Move down the log."),
        Command("resistance.up", "Previous note", context: .resistance, keys: ["k", "up"], inPalette: false,
                help: "Move up the log."),
        Command("resistance.first", "First note", context: .resistance, keys: ["g", "home"], inPalette: false,
                help: "Go to the first note."),
        Command("resistance.last", "Last note", context: .resistance, keys: ["G", "end"], inPalette: false,
                help: "Go to the last note."),
        Command("resistance.group", "Group by next", context: .resistance, keys: ["s"], hint: true,
                help: "Group the log by kind, by status or by source (team or stakeholder)."),
        Command("resistance.filter", "Filter notes", context: .resistance, keys: ["/"], hint: true,
                help: "Show only notes whose words, kind, status, owner, response or source contain the text."),
        Command("resistance.edit", "Edit note", context: .resistance, keys: ["enter", "e"], hint: true,
                help: "Complete the note: source, severity, the response (from the kind's playbook or your own), owner and follow-up date.",
                availability: hasNote),
        Command("resistance.advance", "Next status", context: .resistance, keys: [">"], hint: true,
                help: "Move the note on: open → being addressed → resolved.", availability: hasNote),
        Command("resistance.back", "Previous status", context: .resistance, keys: ["<"],
                help: "Move the note back a status.", availability: hasNote),
        Command("resistance.delete", "Delete note", context: .resistance, keys: ["d", "delete"],
                help: "Delete the selected note (or stakeholder); u undoes it.", availability: hasNote),
        Command("resistance.stakeholders", "Stakeholders", context: .resistance, keys: ["t"], hint: true,
                help: "Switch between the notes and the stakeholders (name, role, stance now and wanted)."),
        Command("resistance.addStakeholder", "Add stakeholder", context: .resistance, keys: ["a"],
                help: "A new stakeholder: name, role, stance now and the stance wanted.", availability: editable),
    ]
}
