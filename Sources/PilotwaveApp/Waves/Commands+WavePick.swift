import PilotwaveCore

// Marking teams on the Teams and Pilots lists and the board, and "Put in a wave" (P) from all three.
extension CommandRegistry {
    static let putInWaveHelp = "Put the selected team (or the marked teams) in a wave: the waves in order with their dates, the coach capacity left and the teams in each; a digit puts them in the wave of that number, n in a new wave after the last, Esc changes nothing. One undoable edit; wave 0 makes them pilots."

    static func canPut(_ hasTeam: @escaping @Sendable (AppState) -> Bool) -> @Sendable (AppState) -> Availability {
        { state in
            if let b = state.editBlocker { return .disabled(b) }
            return hasTeam(state) ? .enabled : .disabled("no team selected")
        }
    }

    // The three "Put in a wave" commands sit in their views' lists after the main key, so the hint
    // bar shows them.
    static let teamsPutInWave = Command("teams.putInWave", "Put in a wave", context: .teams, keys: ["P"], hint: true, short: "put in wave", help: putInWaveHelp,
                                               availability: canPut { !$0.derived.rows.isEmpty })

    static let pilotsPutInWave = Command("pilots.putInWave", "Put in a wave", context: .pilots, keys: ["P"], hint: true, short: "put in wave", help: putInWaveHelp,
                                               availability: canPut { $0.derived.pilots.rowCount > 0 })

    static let wavesPutInWave = Command("waves.putInWave", "Put in a wave", context: .waves, keys: ["P"], hint: true, short: "put in wave", help: putInWaveHelp,
                                               availability: canPut { s in !s.waves.marked.isEmpty || Reducer.selectedWaveTeam(s) != nil })

    static let wavePickCommands: [Command] = [
        Command("teams.mark", "Mark team", context: .teams, keys: ["m"],
                help: "Mark or unmark the selected team and go to the next row (m m m marks three in a row); P then puts every marked team in a wave at once."),
        Command("teams.clearMarks", "Clear the marks", context: .teams, keys: ["M"],
                help: "Unmark every marked team.",
                availability: { s in s.teams.marked.isEmpty ? .disabled("no team is marked") : .enabled }),
        Command("pilots.clearMarks", "Clear the marks", context: .pilots, keys: ["M"],
                help: "Unmark every marked team.",
                availability: { s in s.pilots.marked.isEmpty ? .disabled("no team is marked") : .enabled }),
        Command("waves.clearMarks", "Clear the marks", context: .waves, keys: ["M"],
                help: "Unmark every marked team.",
                availability: { s in s.waves.marked.isEmpty ? .disabled("no team is marked") : .enabled }),
    ]
}
