import TerminalUI

/// Keys to commands, per context: the registry's defaults, then the user's overrides.
public struct Keymap: Sendable {
    public private(set) var bindings: [KeyContext: [Key: CommandID]] = [:]
    /// Keys per command, in the order they were bound (for hints, help and docs).
    public private(set) var keysByCommand: [CommandID: [Key]] = [:]

    /// A problem found while binding: a key bound twice in one context, or an override naming an
    /// unknown command or key. `source` is the file (and line) the binding came from.
    public struct Conflict: Sendable, Equatable, CustomStringConvertible {
        public var source: String
        public var text: String
        public var description: String { "\(source): \(text)" }

        public init(source: String, text: String) {
            self.source = source
            self.text = text
        }
    }

    public private(set) var conflicts: [Conflict] = []

    /// The default keymap from the command registry.
    public static let standard = Keymap(commands: CommandRegistry.all)

    public init(commands: [Command]) {
        for command in commands {
            for key in command.keys { bind(key, to: command.id, in: command.context, source: "defaults") }
        }
    }

    /// Replaces a command's keys with `keys` (an empty list unbinds it).
    public mutating func override(_ id: CommandID, keys: [String], source: String) {
        guard let command = CommandRegistry.command(id) else {
            conflicts.append(Conflict(source: source, text: "unknown command \"\(id)\""))
            return
        }
        var parsed: [Key] = []
        for spec in keys {
            guard let key = Key(spec: spec) else {
                conflicts.append(Conflict(source: source, text: "\(id): unknown key \"\(spec)\""))
                continue
            }
            parsed.append(key)
        }
        for key in keysByCommand[id] ?? [] where bindings[command.context]?[key] == id {
            bindings[command.context]?[key] = nil
        }
        keysByCommand[id] = []
        for key in parsed { bind(key, to: id, in: command.context, source: source) }
    }

    private mutating func bind(_ key: Key, to id: CommandID, in context: KeyContext, source: String) {
        if let existing = bindings[context]?[key], existing != id {
            conflicts.append(Conflict(source: source,
                                      text: "key \(key.spec) is bound to both \(existing) and \(id) in \(context.title)"))
            return
        }
        bindings[context, default: [:]][key] = id
        keysByCommand[id, default: []].append(key)
    }

    /// The command for `key` in `context`, falling back to the global bindings.
    public func command(for key: Key, in context: KeyContext) -> CommandID? {
        if let id = bindings[context]?[key] { return id }
        if context == .form { return nil }
        return bindings[.global]?[key]
    }

    /// The keys bound to a command.
    public func keys(_ id: CommandID) -> [Key] { keysByCommand[id] ?? [] }
}
