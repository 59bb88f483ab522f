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

    /// The commands offered for the query in `state`, best match first.
    public static func items(_ query: String, state: AppState, keymap: Keymap) -> [Item] {
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
