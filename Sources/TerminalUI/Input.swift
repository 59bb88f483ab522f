/// A key press, decoded by the backend and matched by the keymap.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (including space and any Unicode text).
    case char(Character)
    /// Ctrl with a letter or one of `@[\]^_`, lowercase: `.ctrl("r")`.
    case ctrl(Character)
    case up, down, left, right, home, end, pageUp, pageDown, insert, delete
    case backspace, enter, tab, backTab, escape
    case function(Int)

    /// The key's name as written in keymaps, help and docs: `j`, `ctrl-r`, `enter`, `shift-tab`, `f1`.
    public var spec: String {
        switch self {
        case .char(" "): "space"
        case .char(let c): String(c)
        case .ctrl(let c): "ctrl-\(c)"
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .home: "home"
        case .end: "end"
        case .pageUp: "pgup"
        case .pageDown: "pgdn"
        case .insert: "insert"
        case .delete: "delete"
        case .backspace: "backspace"
        case .enter: "enter"
        case .tab: "tab"
        case .backTab: "shift-tab"
        case .escape: "esc"
        case .function(let n): "f\(n)"
        }
    }

    /// A short label for hint bars and help: `j`, `^R`, `↵`, `⇧⇥`, `PgDn`.
    public var label: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "^" + String(c).uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .insert: "Ins"
        case .delete: "Del"
        case .backspace: "⌫"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .escape: "Esc"
        case .function(let n): "F\(n)"
        }
    }

    public var description: String { spec }

    /// Parses a key name as written in a keymap: `j`, `G`, `?`, `space`, `ctrl-r` (or `C-r`, `^R`),
    /// `enter`, `esc`, `tab`, `shift-tab`, `up`, `pgdn`, `home`, `f5`… Case matters for single
    /// characters only.
    public init?(spec raw: String) {
        let text = raw == " " ? raw : String(raw.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        guard !text.isEmpty else { return nil }
        if text.count == 1, let c = text.first {
            self = .char(c)
            return
        }
        let lower = text.lowercased()
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) && lower.count == prefix.count + 1 {
            let c = lower.last!
            guard c.isLetter && c.isASCII || "@[\\]^_".contains(c) else { return nil }
            self = .ctrl(c)
            return
        }
        switch lower {
        case "space": self = .char(" ")
        case "up": self = .up
        case "down": self = .down
        case "left": self = .left
        case "right": self = .right
        case "home": self = .home
        case "end": self = .end
        case "pgup", "pageup": self = .pageUp
        case "pgdn", "pagedown", "pgdown": self = .pageDown
        case "insert", "ins": self = .insert
        case "delete", "del": self = .delete
        case "backspace", "bs": self = .backspace
        case "enter", "return", "ret": self = .enter
        case "tab": self = .tab
        case "shift-tab", "backtab", "s-tab": self = .backTab
        case "esc", "escape": self = .escape
        default:
            if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) {
                self = .function(n)
            } else {
                return nil
            }
        }
    }
}

/// A mouse event: a button press or the wheel, at a cell.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case press, rightPress, wheelUp, wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// Everything the terminal can tell the program.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this size.
    case resize(Size)
    /// Text pasted in one go (bracketed paste), to be inserted, never interpreted as commands.
    case paste(String)
}

extension Key {
    /// Keys from a compact story string, for tests and scripts: plain characters are typed;
    /// `<name>` is a named key (`<enter>`, `<esc>`, `<ctrl-r>`, `<down>`, `<lt>` for `<`).
    public static func story(_ text: String) -> [Key] {
        var keys: [Key] = []
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "<", let close = text[i...].firstIndex(of: ">"), close > text.index(after: i) {
                let name = String(text[text.index(after: i)..<close])
                if name == "lt" {
                    keys.append(.char("<"))
                } else if let key = Key(spec: name) {
                    keys.append(key)
                } else {
                    keys.append(.char(c))
                    i = text.index(after: i)
                    continue
                }
                i = text.index(after: close)
            } else {
                keys.append(.char(c))
                i = text.index(after: i)
            }
        }
        return keys
    }
}
