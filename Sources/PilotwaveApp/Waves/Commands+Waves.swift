import PilotwaveCore

extension CommandRegistry {
    static let wavesCommands: [Command] = [
        Command("waves.down", "Next team", context: .waves, keys: ["j", "down"], inPalette: false, help: "Move down the column."),
        Command("waves.up", "Previous team", context: .waves, keys: ["k", "up"], inPalette: false, help: "Move up the column."),
        Command("waves.right", "Next column", context: .waves, keys: ["l", "right"], inPalette: false, help: "Go to the next wave (then not yet planned, out of scope)."),
        Command("waves.left", "Previous column", context: .waves, keys: ["h", "left"], inPalette: false, help: "Go to the previous wave."),
        Command("waves.first", "First team", context: .waves, keys: ["g", "home"], inPalette: false, help: "Top of the column."),
        Command("waves.last", "Last team", context: .waves, keys: ["G", "end"], inPalette: false, help: "Bottom of the column."),
        Command("waves.moveLater", "Move to the next wave", context: .waves, keys: [">", "L"], hint: true, short: "move",
                help: "Move the selected team (or the marked teams) one wave later; after the last wave it is not yet planned. One undoable edit; the checks re-run at once.",
                availability: editable),
        Command("waves.moveEarlier", "Move to the previous wave", context: .waves, keys: ["<", "H"], hint: true, short: "move",
                help: "Move the selected team (or the marked teams) one wave earlier (wave 0 makes them pilots).", availability: editable),
        wavesPutInWave,
        Command("waves.reorderUp", "Up in the wave", context: .waves, keys: ["K"], help: "Move the team up within its wave.", availability: editable),
        Command("waves.reorderDown", "Down in the wave", context: .waves, keys: ["J"], help: "Move the team down within its wave.", availability: editable),
        Command("waves.mark", "Mark team", context: .waves, keys: ["m", "space"], hint: true, short: "mark",
                help: "Mark or unmark the selected team and go to the next card (m m m marks three in a row); > and < then move every marked team at once, P puts them in a wave."),
        Command("waves.coach", "Assign coach", context: .waves, keys: ["c"], hint: true, short: "coach",
                help: "Give the selected team the next coach (or none); the wave's capacity gauge updates.", availability: editable),
        Command("waves.start", "Start the wave", context: .waves, keys: ["A"],
                help: "Mark the selected wave active. With an entry criterion unmet, it asks for a reason to override the gate, and the override goes to the decision log.",
                availability: editable),
        Command("waves.nextFinding", "Next finding", context: .waves, keys: ["n"],
                help: "Step through the wave findings; the board jumps to the team or wave each one names."),
        Command("waves.findingBlocker", "Go to the finding's blocker", context: .waves, keys: ["B"],
                help: "Open the Blockers view on the blocker the selected finding (n) names."),
        Command("waves.edit", "Edit team", context: .waves, keys: ["enter", "e"], help: "Open the selected team in the team form.", availability: editable),
        Command("waves.editWave", "Edit the wave", context: .waves, keys: ["W"], hint: true, short: "edit wave",
                help: "The selected wave's name, start and end dates, check-in dates and status.", availability: editable),
        Command("waves.addWave", "Add a wave", context: .waves, keys: ["N"], hint: true, short: "new wave",
                help: "Add a wave after the last one (its dates follow in the wave form).", availability: editable),
        Command("waves.seedCoach", "Seed a coach from this team", context: .waves, keys: ["S"],
                help: "Someone of the selected team becomes a coach for the waves after the team's own; pilotwave warns if the coach is given a team before then.",
                availability: editable),
        Command("waves.viewTimeline", "Timeline", context: .waves, keys: ["t"], hint: true, short: "timeline",
                help: "The waves on a quarter-by-quarter axis: dates, check-ins, status and each coach's load per quarter."),
        Command("waves.viewScenarios", "Scenarios", context: .waves, keys: ["s"], hint: true, short: "scenarios",
                help: "Wave-plan scenarios: duplicate the plan, edit a scenario on the board, compare two, adopt one."),
    ] + boardFindCommands

    /// Paging a long column and finding a team by name on the board.
    static let boardFindCommands: [Command] = [
        Command("waves.pageDown", "Page down", context: .waves, keys: ["pgdn", "ctrl-d"], inPalette: false,
                help: "A screen further down the column."),
        Command("waves.pageUp", "Page up", context: .waves, keys: ["pgup", "ctrl-u"], inPalette: false,
                help: "A screen further up the column."),
        Command("waves.search", "Find a team", context: .waves, keys: ["/"], hint: true,
                help: "Type part of a team's name: the board jumps to the first team that fits, in any column (↑/↓ step through them). Enter keeps the search (. and , then go to the next and previous team that fits); Esc clears it."),
        Command("waves.nextMatch", "Next team found", context: .waves, keys: ["."], hint: true,
                help: "Go to the next team that fits the search (/), column by column.",
                availability: { s in s.waves.search.isEmpty ? .hidden : .enabled }),
        Command("waves.previousMatch", "Previous team found", context: .waves, keys: [","],
                help: "Go to the previous team that fits the search (/).",
                availability: { s in s.waves.search.isEmpty ? .hidden : .enabled }),
        Command("waves.clearSearch", "Clear the search", context: .waves, keys: ["escape"],
                help: "Stop highlighting the teams the search (/) found.",
                availability: { s in s.waves.search.isEmpty ? .hidden : .enabled }),
    ]

    static let timelineCommands: [Command] = [
        Command("timeline.down", "Next wave", context: .timeline, keys: ["j", "down"], inPalette: false, help: "Select the next wave."),
        Command("timeline.up", "Previous wave", context: .timeline, keys: ["k", "up"], inPalette: false, help: "Select the previous wave."),
        Command("timeline.later", "Later quarters", context: .timeline, keys: ["l", "right"], inPalette: false, help: "Scroll the axis a quarter later."),
        Command("timeline.earlier", "Earlier quarters", context: .timeline, keys: ["h", "left"], inPalette: false, help: "Scroll the axis a quarter earlier."),
        Command("timeline.editWave", "Edit the wave", context: .timeline, keys: ["W", "e"], hint: true,
                help: "The selected wave's name, dates, check-ins and status.", availability: editable),
        Command("timeline.board", "Back to the board", context: .timeline, keys: ["t", "escape", "enter"], hint: true,
                help: "Return to the board, on the selected wave."),
    ]

    static let scenarioCommands: [Command] = [
        Command("scenarios.down", "Next", context: .scenarios, keys: ["j", "down"], inPalette: false, help: "Select the next scenario."),
        Command("scenarios.up", "Previous", context: .scenarios, keys: ["k", "up"], inPalette: false, help: "Select the previous scenario."),
        Command("scenarios.open", "Edit on the board", context: .scenarios, keys: ["enter"], hint: true,
                help: "Work on the selected scenario on the board (moves, reorders and coaches change the scenario, not the plan); Current plan returns to the plan."),
        Command("scenarios.duplicate", "Duplicate as a new scenario", context: .scenarios, keys: ["n"], hint: true,
                help: "Copy the selected wave plan (the current plan or a scenario) into a new, named scenario.", availability: editable),
        Command("scenarios.compare", "Compare two", context: .scenarios, keys: ["c"], hint: true,
                help: "Press on one wave plan, then on another: teams per wave, coach load per quarter, blockers depended on, teams left on the project model."),
        Command("scenarios.adopt", "Adopt as the plan", context: .scenarios, keys: ["a"], hint: true,
                help: "Make the selected scenario the plan's waves and coaches, as a decision in the log; the plan as it was is kept as a scenario.",
                availability: editable),
        Command("scenarios.rename", "Rename", context: .scenarios, keys: ["r"], help: "Rename the scenario or change its note.", availability: editable),
        Command("scenarios.delete", "Delete", context: .scenarios, keys: ["d"], help: "Delete the scenario (u undoes).", availability: editable),
        Command("scenarios.board", "Back to the board", context: .scenarios, keys: ["s", "escape"], hint: true, help: "Return to the board."),
    ]

    static let compareCommands: [Command] = [
        Command("compare.down", "Scroll down", context: .compare, keys: ["j", "down", "pgdn"], inPalette: false, help: "Scroll the comparison."),
        Command("compare.up", "Scroll up", context: .compare, keys: ["k", "up", "pgup"], inPalette: false, help: "Scroll the comparison."),
        Command("compare.swap", "Swap sides", context: .compare, keys: ["x"], hint: true, help: "Put the right-hand plan on the left."),
        Command("compare.back", "Back to the scenarios", context: .compare, keys: ["escape", "c", "s"], hint: true, help: "Return to the list of scenarios."),
    ]
}
