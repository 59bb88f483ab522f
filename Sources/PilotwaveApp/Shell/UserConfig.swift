import TerminalUI

/// The user's settings from `$XDG_CONFIG_HOME/pilotwave/config.toml` (default `~/.config/…`):
///
/// ```toml
/// theme = "high-contrast"      # default, mono or high-contrast
/// autosave = true              # false: save with Ctrl-S only (the quit guard asks)
/// autosave_delay = 0.4         # seconds of quiet after an edit before autosave writes
///
/// [keys]                       # command id = key or list of keys; [] unbinds
/// "teams.delete" = ["x", "delete"]
/// "app.palette" = "ctrl-p"
/// ```
///
/// A small TOML subset: top-level settings, a `[keys]` table of strings or string arrays, `#`
/// comments. Every problem is reported with the file and line, and the rest still applies.
public struct UserConfig: Sendable {
    public var theme: String?
    /// Autosave on or off at start (nil: on).
    public var autosave: Bool?
    /// Seconds of quiet after an edit before autosave writes (nil: the default).
    public var autosaveDelay: Double?
    public var keymap: Keymap
    public var problems: [Keymap.Conflict]

    public init(theme: String? = nil, keymap: Keymap = .standard, problems: [Keymap.Conflict] = []) {
        self.theme = theme
        self.keymap = keymap
        self.problems = problems
    }

    /// Reads the config text; `source` names the file in messages.
    public static func parse(_ text: String, source: String) -> UserConfig {
        var config = UserConfig()
        var section = ""
        var problems: [Keymap.Conflict] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let at = "\(source):\(n + 1)"
            let line = stripComment(String(raw)).trimmingSpaces()
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    problems.append(.init(source: at, text: "expected a table header like [keys]"))
                    continue
                }
                section = String(line.dropFirst().dropLast()).trimmingSpaces()
                if section != "keys" { problems.append(.init(source: at, text: "unknown table [\(section)]; expected [keys]")) }
                continue
            }
            guard let eq = line.firstIndex(of: "=") else {
                problems.append(.init(source: at, text: "expected key = value"))
                continue
            }
            let key = unquote(String(line[..<eq]).trimmingSpaces())
            let valueText = String(line[line.index(after: eq)...]).trimmingSpaces()
            if section.isEmpty, key == "autosave" || key == "autosave_delay" {
                setting(key, valueText, at: at, into: &config, problems: &problems)
                continue
            }
            guard let values = parseValue(valueText) else {
                problems.append(.init(source: at, text: "\(key): expected a \"string\" or a list of strings, found \(valueText)"))
                continue
            }
            switch section {
            case "":
                if key == "theme", values.count == 1 {
                    if Theme.Name(rawValue: values[0]) == nil {
                        problems.append(.init(source: at, text: "theme: expected default, mono or high-contrast; found \"\(values[0])\""))
                    } else {
                        config.theme = values[0]
                    }
                } else {
                    problems.append(.init(source: at, text: "unknown setting \"\(key)\" (known: theme, autosave, autosave_delay, and the [keys] table)"))
                }
            case "keys":
                config.keymap.override(CommandID(rawValue: key), keys: values, source: at)
            default:
                break
            }
        }
        config.problems = problems + config.keymap.conflicts
        return config
    }

    /// The bare (unquoted) settings: `autosave = true|false`, `autosave_delay = SECONDS`.
    static func setting(_ key: String, _ value: String, at: String, into config: inout UserConfig,
                        problems: inout [Keymap.Conflict]) {
        switch key {
        case "autosave":
            switch value {
            case "true": config.autosave = true
            case "false": config.autosave = false
            default: problems.append(.init(source: at, text: "autosave: expected true or false, found \(value)"))
            }
        default:
            if let seconds = Double(value), seconds >= 0.1, seconds <= 600 {
                config.autosaveDelay = seconds
            } else {
                problems.append(.init(source: at, text: "autosave_delay: expected seconds from 0.1 to 600, found \(value)"))
            }
        }
    }

    static func stripComment(_ line: String) -> String {
        var inString = false
        var out = ""
        for ch in line {
            if ch == "\"" { inString.toggle() }
            if ch == "#" && !inString { break }
            out.append(ch)
        }
        return out
    }

    static func unquote(_ s: String) -> String {
        s.count >= 2 && s.hasPrefix("\"") && s.hasSuffix("\"") ? String(s.dropFirst().dropLast()) : s
    }

    /// `"x"` → ["x"]; `["a", "b"]` → ["a", "b"]; `[]` → []; anything else → nil.
    static func parseValue(_ text: String) -> [String]? {
        if text.hasPrefix("\"") {
            guard text.count >= 2, text.hasSuffix("\""), !text.dropFirst().dropLast().contains("\"") else { return nil }
            return [String(text.dropFirst().dropLast())]
        }
        guard text.hasPrefix("["), text.hasSuffix("]") else { return nil }
        let inner = String(text.dropFirst().dropLast()).trimmingSpaces()
        if inner.isEmpty { return [] }
        var items: [String] = []
        for part in inner.split(separator: ",", omittingEmptySubsequences: false) {
            let p = String(part).trimmingSpaces()
            if p.isEmpty { continue }
            guard p.count >= 2, p.hasPrefix("\""), p.hasSuffix("\"") else { return nil }
            items.append(String(p.dropFirst().dropLast()))
        }
        return items
    }
}

extension String {
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
