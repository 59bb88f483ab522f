import PilotwaveCore
import TerminalUI

/// The command palette: a query and the commands that match it.
public struct PaletteState: Sendable, Equatable {
    public var query = TextInput("", limit: 80)
    public var selected = 0

    public init() {}

    /// A palette line: the command, whether it can run, and which title characters matched.
    public struct Item: Sendable, Equatable {
        public var id: CommandID
        public var title: String
        public var keys: [Key]
        public var availability: Availability
        public var matched: [Int]
    }

    /// Commands typed with their arguments: the word, then the arguments separated by spaces.
    static let typedCommands: [String: CommandID] = ["weights": "pilots.setAllWeights"]

    /// The command and its arguments when the query is a typed command (`weights 5 3 2 0 0 0`).
    public static func typed(_ query: String) -> (id: CommandID, arguments: [String])? {
        let words = query.split(separator: " ").map(String.init)
        guard words.count >= 2, let id = typedCommands[words[0].lowercased()] else { return nil }
        return (id, Array(words.dropFirst()))
    }

    /// The commands offered for the query in `state`, best match first; a typed command is offered
    /// alone, as the one Enter runs.
    public static func items(_ query: String, state: AppState, keymap: Keymap) -> [Item] {
        if let typed = typed(query), let command = CommandRegistry.command(typed.id) {
            let availability = command.context.rawValue == state.view.rawValue ? command.availability(state)
                : .disabled("works in the \(command.context.title) view")
            return [Item(id: command.id, title: command.title + ": " + typed.arguments.joined(separator: " "),
                         keys: keymap.keys(command.id), availability: availability, matched: [])]
        }
        var scored: [(Int, Int, Item)] = []
        for (order, command) in CommandRegistry.all.enumerated() where command.inPalette {
            let availability = command.availability(state)
            if availability == .hidden { continue }
            if command.context != .global && command.context.rawValue != state.view.rawValue { continue }
            guard let match = Fuzzy.match(query, command.title) ?? Fuzzy.match(query, command.id.rawValue).map({ ($0.score - 5, []) })
            else { continue }
            scored.append((match.score, order, Item(id: command.id, title: command.title, keys: keymap.keys(command.id),
                                                    availability: availability, matched: match.positions)))
        }
        scored.sort { ($0.0, -$0.1) > ($1.0, -$1.1) }
        return scored.map(\.2)
    }
}

extension Reducer {
    /// Enter on a typed command in the palette: runs it with its arguments (refused in words where
    /// it cannot run).
    static func runTyped(_ state: inout AppState, _ id: CommandID, _ arguments: [String], _ env: Environment) -> [Effect] {
        guard let command = CommandRegistry.command(id) else { return [] }
        guard command.context.rawValue == state.view.rawValue else {
            toast(&state, "\(command.title) works in the \(command.context.title) view", env, kind: .error)
            return []
        }
        if case .disabled(let reason) = command.availability(state) {
            toast(&state, "\(command.title): \(reason)", env, kind: .error)
            return []
        }
        switch id {
        case "pilots.setAllWeights": setAllWeights(&state, arguments, env)
        default: break
        }
        return []
    }
}
