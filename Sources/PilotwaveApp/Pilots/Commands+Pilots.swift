import PilotwaveCore

extension CommandRegistry {
    static let hasCandidate: @Sendable (AppState) -> Availability = { state in
        if let b = state.editBlocker { return .disabled(b) }
        return state.derived.pilots.rowCount == 0 ? .disabled("no team yet") : .enabled
    }

    static let hasRound: @Sendable (AppState) -> Availability = { state in
        if let b = state.editBlocker { return .disabled(b) }
        return state.plan.votes.isEmpty ? .disabled("no voting round yet (v starts one)") : .enabled
    }

    static let pilotsCommands: [Command] = [
        Command("pilots.down", "Next team", context: .pilots, keys: ["j", "down"], inPalette: false,
                help: "Move down the ranking."),
        Command("pilots.up", "Previous team", context: .pilots, keys: ["k", "up"], inPalette: false,
                help: "Move up the ranking."),
        Command("pilots.pageDown", "Page down", context: .pilots, keys: ["pgdn", "ctrl-d"], inPalette: false,
                help: "Move a page down."),
        Command("pilots.pageUp", "Page up", context: .pilots, keys: ["pgup", "ctrl-u"], inPalette: false,
                help: "Move a page up."),
        Command("pilots.first", "First team", context: .pilots, keys: ["g", "home"], inPalette: false,
                help: "Go to the top of the ranking."),
        Command("pilots.last", "Last team", context: .pilots, keys: ["G", "end"], inPalette: false,
                help: "Go to the end of the list (the out-of-scope teams)."),
        Command("pilots.choose", "Choose as pilot", context: .pilots, keys: ["p", "space"], hint: true, short: "pilot",
                help: "Make the selected team a pilot, or a candidate again; with teams marked (m), make every marked team a pilot in one undoable edit. New pilots in no wave are offered the pilot wave (Esc: not now). The header compares the pilots chosen with the number recommended for the organisation's size.",
                availability: hasCandidate),
        pilotsPutInWave,
        Command("pilots.nextCriterion", "Next criterion", context: .pilots, keys: ["]", "right"], inPalette: false,
                help: "Focus the next criterion in the weights panel."),
        Command("pilots.previousCriterion", "Previous criterion", context: .pilots, keys: ["[", "left"], inPalette: false,
                help: "Focus the previous criterion in the weights panel."),
        Command("pilots.weightUp", "Raise weight", context: .pilots, keys: ["+", "="], hint: true, short: "weight",
                help: "Raise the focused criterion's weight by one (0–10); the ranking re-orders at once. u undoes it.",
                availability: editable),
        Command("pilots.weightDown", "Lower weight", context: .pilots, keys: ["-"], hint: true, short: "weight",
                help: "Lower the focused criterion's weight by one.", availability: editable),
        Command("pilots.setWeight", "Set weight", context: .pilots, keys: ["w"], hint: true, short: "set weight",
                help: "Type the focused criterion's weight (0–10) and Enter: one undoable edit, the ranking re-orders at once. ] or [ in the prompt sets it and moves to the next or previous criterion.",
                availability: editable),
        Command("pilots.setAllWeights", "Set all weights", context: .pilots, keys: [],
                help: "Type `weights` and one number 0–10 per criterion, in the order of the weights panel, in the palette (`weights 5 3 2 0 0 0`): one undoable edit. Chosen from the list, the palette opens with the current weights to edit.",
                availability: editable),
        Command("pilots.resetWeights", "Reset weights", context: .pilots, keys: ["R"],
                help: "Put every default criterion back to its default weight (custom criteria keep theirs).",
                availability: editable),
        Command("pilots.rate", "Rate on criterion", context: .pilots, keys: ["r"], hint: true, short: "rate",
                help: "Rate the selected team 1–5 on the focused criterion, with the anchor sentence of each level on screen.",
                availability: hasCandidate),
        Command("pilots.addCriterion", "Add criterion", context: .pilots, keys: ["n"],
                help: "Add a custom criterion: name, weight and an anchor sentence per level; then rate teams on it with r.",
                availability: editable),
        Command("pilots.topMore", "Robustness: one more", context: .pilots, keys: [">"], inPalette: false,
                help: "Check the stability of a larger top N."),
        Command("pilots.topLess", "Robustness: one fewer", context: .pilots, keys: ["<"], inPalette: false,
                help: "Check the stability of a smaller top N."),
        Command("pilots.mark", "Mark team", context: .pilots, keys: ["m"], hint: true, short: "mark",
                help: "Mark or unmark the selected team and go to the next row (m m m marks three in a row): P puts the marked teams in a wave, p chooses them as pilots, c compares two or three."),
        Command("pilots.compare", "Compare teams", context: .pilots, keys: ["c"], hint: true, short: "compare",
                help: "Show the marked teams (two or three; or the selected one and the next) criterion by criterion."),
        Command("pilots.outcome", "Edit outcome", context: .pilots, keys: ["o"], hint: true, short: "outcome",
                help: "The pilot's outcome: statement, metric, baseline and target, with the outcome-vs-output check as you type.",
                availability: hasCandidate),
        Command("pilots.edit", "Edit team", context: .pilots, keys: ["enter", "e"],
                help: "Open the selected team in the team form.", availability: hasCandidate),
        Command("pilots.vote", "Vote", context: .pilots, keys: ["v"], hint: true, short: "vote",
                help: "Enter the next person's ballot in the open voting round, or start a round (votes per person, optional cap per team, names kept or not).",
                availability: editable),
        Command("pilots.newRound", "New voting round", context: .pilots, keys: [],
                help: "Start a new voting round (the open one is closed; its ballots are kept).", availability: editable),
        Command("pilots.reveal", "Reveal or hide votes", context: .pilots, keys: ["V"],
                help: "Show the room the tally of the current round, or hide it again. Until then only the number of ballots shows.",
                availability: hasRound),
        Command("pilots.closeRound", "Close voting round", context: .pilots, keys: [],
                help: "Take no more ballots in the current round.", availability: hasRound),
        Command("pilots.decide", "Record the decision", context: .pilots, keys: ["D"], hint: true, short: "decide",
                help: "Record the pilot selection in the decision log: who decided, when, the teams, the weights used and the vote tally — one undoable edit.",
                availability: { s in
                    if let b = s.editBlocker { return .disabled(b) }
                    return s.derived.pilotsChosen == 0 ? .disabled("choose at least one pilot first (p)") : .enabled
                }),
    ]
}
