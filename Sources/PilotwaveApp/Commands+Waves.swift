import PilotwaveCore

extension CommandRegistry {
    static let wavesCommands: [Command] = [
        Command("waves.down", "Next team", context: .waves, keys: ["j", "down"], inPalette: false, help: "Move down the column."),
        Command("waves.up", "Previous team", context: .waves, keys: ["k", "up"], inPalette: false, help: "Move up the column."),
        Command("waves.right", "Next column", context: .waves, keys: ["l", "right"], inPalette: false, help: "Go to the next wave (then not yet planned, out of scope)."),
        Command("waves.left", "Previous column", context: .waves, keys: ["h", "left"], inPalette: false, help: "Go to the previous wave."),
        Command("waves.first", "First team", context: .waves, keys: ["g", "home"], inPalette: false, help: "Top of the column."),
        Command("waves.last", "Last team", context: .waves, keys: ["G", "end"], inPalette: false, help: "Bottom of the column."),
        Command("waves.moveLater", "Move to the next wave", context: .waves, keys: [">", "L"], hint: true,
                help: "Move the selected team (or the marked teams) one wave later; after the last wave it is not yet planned. One undoable edit; the checks re-run at once.",
                availability: editable),
        Command("waves.moveEarlier", "Move to the previous wave", context: .waves, keys: ["<", "H"], hint: true,
                help: "Move the selected team (or the marked teams) one wave earlier (wave 0 makes them pilots).", availability: editable),
        Command("waves.reorderUp", "Up in the wave", context: .waves, keys: ["K"], help: "Move the team up within its wave.", availability: editable),
        Command("waves.reorderDown", "Down in the wave", context: .waves, keys: ["J"], help: "Move the team down within its wave.", availability: editable),
        Command("waves.mark", "Mark team", context: .waves, keys: ["m", "space"], hint: true,
                help: "Mark or unmark the selected team; > and < then move every marked team at once."),
        Command("waves.coach", "Assign coach", context: .waves, keys: ["c"], hint: true,
                help: "Give the selected team the next coach (or none); the wave's capacity gauge updates.", availability: editable),
        Command("waves.start", "Start the wave", context: .waves, keys: ["A"],
                help: "Mark the selected wave active. With an entry criterion unmet, it asks for a reason to override the gate, and the override goes to the decision log.",
                availability: editable),
        Command("waves.nextFinding", "Next finding", context: .waves, keys: ["n"],
                help: "Step through the wave findings; the board jumps to the team or wave each one names."),
        Command("waves.edit", "Edit team", context: .waves, keys: ["enter", "e"], help: "Open the selected team in the team form.", availability: editable),
    ]
}
