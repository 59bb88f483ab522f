/// A place on the screen.
public struct Point: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A clickable area of a frame and what it stands for (a tab, a row, a button); the app turns the
/// target into an action.
public struct HitRegion: Hashable, Sendable {
    public var rect: Rect
    public var target: String

    public init(_ rect: Rect, _ target: String) {
        self.rect = rect
        self.target = target
    }
}

/// What one render produces: the cells, where the hardware cursor goes (the focused row or field,
/// so screen readers follow it) and where the mouse may click.
public struct Frame: Hashable, Sendable {
    public var canvas: Canvas
    public var cursor: Point?
    /// Show the cursor as a text caret (in a text field) rather than hiding it on a row.
    public var cursorVisible: Bool
    public var hits: [HitRegion]

    public init(size: Size) {
        canvas = Canvas(size: size)
        cursor = nil
        cursorVisible = false
        hits = []
    }

    public var size: Size { canvas.size }

    /// The target under (`x`, `y`): the last region added wins (overlays are drawn last).
    public func target(x: Int, y: Int) -> String? {
        hits.last { $0.rect.contains(x: x, y: y) }?.target
    }
}

/// A frame as text, for tests and goldens: the screen's lines, and a parallel layer with one code
/// per cell for its role (see ``StyleRole/code``).
public struct GridSnapshot: Hashable, Sendable, CustomStringConvertible {
    public var lines: [String]
    public var roles: [String]

    public init(_ canvas: Canvas) {
        var lines: [String] = []
        var roles: [String] = []
        for y in 0..<canvas.size.height {
            var line = ""
            var role = ""
            for x in 0..<canvas.size.width {
                let cell = canvas[x, y]
                role.append(cell.role.code)
                if !cell.isContinuation { line.append(cell.glyph) }
            }
            lines.append(line)
            roles.append(role)
        }
        self.lines = lines
        self.roles = roles
    }

    /// The screen text with trailing spaces removed from each line.
    public var text: String {
        lines.map { line in
            var s = Substring(line)
            while s.last == " " { s.removeLast() }
            return String(s)
        }.joined(separator: "\n")
    }

    /// Text, a separator, then the role layer: the golden file format.
    public var description: String { text + "\n" + String(repeating: "═", count: 8) + "\n" + roles.joined(separator: "\n") }

    /// Whether any line contains `s`.
    public func contains(_ s: String) -> Bool { lines.contains { $0.contains(s) } }

    /// The first line containing `s`, and its index.
    public func line(containing s: String) -> (index: Int, text: String)? {
        lines.firstIndex { $0.contains(s) }.map { ($0, lines[$0]) }
    }
}
