/// The editing model of a one-line text field: text, a cursor between characters, and the keys
/// people expect from a shell or an editor's prompt.
///
/// Keys: ←/→, Home/End, Ctrl-A/Ctrl-E (start/end), Ctrl-B/Ctrl-F (left/right), Backspace/Ctrl-H,
/// Delete/Ctrl-D, Ctrl-U (delete to start), Ctrl-K (delete to end), Ctrl-W (delete the word before
/// the cursor); any printable character or pasted text is inserted at the cursor.
public struct TextInput: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// 0…characters.count
    public private(set) var cursor: Int
    /// Longest text accepted from typing or pasting, in characters. Text given to the field (a
    /// stored value longer than the limit) is kept whole, never cut: only more typing is refused.
    public var limit: Int
    /// The last text typed or pasted did not all fit under ``limit``: some (or all) of it was left
    /// out. A form says so ("at most N characters") instead of cutting in silence; the next key
    /// clears it.
    public private(set) var overflowed = false
    /// The whole text is selected (a field given a value, on entering it): the first character
    /// typed or pasted replaces it, Backspace or Delete clears it, a movement key keeps it and
    /// moves the cursor (←/Home to the start, →/End to the end).
    public private(set) var allSelected = false

    public init(_ text: String = "", limit: Int = 500) {
        characters = Array(text)
        cursor = characters.count
        self.limit = limit
    }

    public var text: String { String(characters) }

    /// What a key did to the field.
    public enum Outcome: Sendable, Equatable {
        /// The text changed.
        case edited
        /// Only the cursor moved.
        case moved
        /// Not a text-editing key; the caller may use it.
        case ignored
    }

    public mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
        overflowed = false
        allSelected = false
    }

    /// Selects the whole text (nothing when empty), so that typing replaces it.
    public mutating func selectAll() {
        allSelected = !characters.isEmpty
        cursor = characters.count
    }

    @discardableResult
    public mutating func handle(_ key: Key) -> Outcome {
        overflowed = false
        if allSelected {
            allSelected = false
            switch key {
            case .char:
                characters = []
                cursor = 0
            case .backspace, .ctrl("h"), .delete, .ctrl("d"), .ctrl("u"), .ctrl("k"), .ctrl("w"):
                characters = []
                cursor = 0
                return .edited
            case .left, .ctrl("b"), .home, .ctrl("a"):
                return move(to: 0)
            case .right, .ctrl("f"), .end, .ctrl("e"):
                return move(to: characters.count)
            default:
                allSelected = true
                return .ignored
            }
        }
        switch key {
        case .char(let c):
            return insert(String(c))
        case .left, .ctrl("b"):
            return move(to: cursor - 1)
        case .right, .ctrl("f"):
            return move(to: cursor + 1)
        case .home, .ctrl("a"):
            return move(to: 0)
        case .end, .ctrl("e"):
            return move(to: characters.count)
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return .moved }
            characters.remove(at: cursor - 1)
            cursor -= 1
            return .edited
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { return .moved }
            characters.remove(at: cursor)
            return .edited
        case .ctrl("u"):
            guard cursor > 0 else { return .moved }
            characters.removeSubrange(0..<cursor)
            cursor = 0
            return .edited
        case .ctrl("k"):
            guard cursor < characters.count else { return .moved }
            characters.removeSubrange(cursor...)
            return .edited
        case .ctrl("w"):
            guard cursor > 0 else { return .moved }
            var start = cursor
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
            return .edited
        default:
            return .ignored
        }
    }

    /// Inserts `text` at the cursor (typed or pasted); line breaks and tabs become spaces, other
    /// control characters are dropped; the field's limit is respected, and ``overflowed`` tells
    /// when it left something out.
    @discardableResult
    public mutating func insert(_ text: String) -> Outcome {
        overflowed = false
        if allSelected {
            allSelected = false
            characters = []
            cursor = 0
        }
        var added: [Character] = []
        for ch in text {
            if ch == "\n" || ch == "\r\n" || ch == "\r" || ch == "\t" {
                added.append(" ")
            } else if let a = ch.asciiValue, a < 0x20 || a == 0x7F {
                continue
            } else {
                added.append(ch)
            }
        }
        let room = limit - characters.count
        guard !added.isEmpty else { return .ignored }
        overflowed = added.count > room
        guard room > 0 else { return .ignored }
        let accepted = added.prefix(room)
        characters.insert(contentsOf: accepted, at: cursor)
        cursor += accepted.count
        return .edited
    }

    private mutating func move(to position: Int) -> Outcome {
        cursor = min(max(0, position), characters.count)
        return .moved
    }

    /// The visible part of the text for a field `width` cells wide, scrolled so the cursor shows,
    /// and the cursor's column within it.
    public func visible(width: Int, focused: Bool = true) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        if !focused { return (TextWidth.truncate(text, to: width), 0) }
        // Walk left from the cursor until the field is full, keeping one cell for the caret at the end.
        var startIndex = cursor
        var used = 0
        while startIndex > 0 {
            let w = TextWidth.of(characters[startIndex - 1])
            if used + w > width - 1 { break }
            used += w
            startIndex -= 1
        }
        let cursorColumn = used
        var text = String(characters[startIndex..<cursor])
        var total = used
        var i = cursor
        while i < characters.count {
            let w = TextWidth.of(characters[i])
            if total + w > width { break }
            text.append(characters[i])
            total += w
            i += 1
        }
        return (text, cursorColumn)
    }
}
