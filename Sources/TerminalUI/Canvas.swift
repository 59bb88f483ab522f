import Synchronization

/// One terminal cell: a grapheme and its role. A wide glyph (CJK, emoji) occupies its cell and the
/// next, which is marked as its continuation and holds no glyph of its own.
///
/// Eight bytes: a single-scalar glyph (nearly all) is stored as its scalar value; a cluster of
/// several scalars (an accent on a letter, an emoji sequence) as an index into a shared table. So
/// a frame is small to build and fast to compare.
public struct Cell: Hashable, Sendable {
    /// The scalar value, or ``Cell/clusterFlag`` | index into ``ClusterTable``.
    var code: UInt32
    public var role: StyleRole
    public var isContinuation: Bool

    static let clusterFlag: UInt32 = 0x8000_0000

    public init(_ glyph: Character = " ", role: StyleRole = .normal, isContinuation: Bool = false) {
        code = Cell.code(for: glyph)
        self.role = role
        self.isContinuation = isContinuation
    }

    /// A cell for one ASCII byte or other single scalar (no checks).
    @inline(__always)
    init(scalar: UInt32, role: StyleRole) {
        code = scalar
        self.role = role
        isContinuation = false
    }

    /// The glyph's scalar value when it is a single scalar (nearly always), without building a
    /// `Character`: the backend's fast path.
    public var scalarValue: UInt32? { code & Cell.clusterFlag == 0 ? code : nil }

    public var glyph: Character {
        get {
            if code & Cell.clusterFlag != 0 { return ClusterTable.character(Int(code & ~Cell.clusterFlag)) }
            return Character(Unicode.Scalar(code) ?? " ")
        }
        set { code = Cell.code(for: newValue) }
    }

    static func code(for glyph: Character) -> UInt32 {
        if let a = glyph.asciiValue { return UInt32(a) }
        let scalars = glyph.unicodeScalars
        if scalars.count == 1, let s = scalars.first { return s.value }
        return Cell.clusterFlag | UInt32(ClusterTable.index(glyph))
    }

    public static let blank = Cell()
}

/// Grapheme clusters of more than one scalar seen on screen, interned once for the process.
enum ClusterTable {
    private static let table = Mutex<(list: [Character], index: [Character: Int])>(([], [:]))

    static func index(_ c: Character) -> Int {
        table.withLock { t in
            if let i = t.index[c] { return i }
            t.list.append(c)
            t.index[c] = t.list.count - 1
            return t.list.count - 1
        }
    }

    static func character(_ i: Int) -> Character {
        table.withLock { t in i < t.list.count ? t.list[i] : " " }
    }
}

/// An in-memory screen: the whole frame is drawn here, then a backend transports it (or a test reads it).
///
/// Drawing never writes outside the canvas or the given clip, never splits a wide glyph (writing
/// over half of one blanks both halves), and measures text with ``TextWidth``.
public struct Canvas: Hashable, Sendable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]
    /// The marker drawn where text is cut: `…`, or `~` when the terminal cannot show it.
    public var ellipsis: String = "…"

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Blanks every cell.
    public mutating func clear() {
        for i in cells.indices { cells[i] = .blank }
    }

    /// Fills `rect` with `glyph` in `role`.
    public mutating func fill(_ rect: Rect, role: StyleRole = .normal, glyph: Character = " ") {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        let cell = Cell(glyph, role: role)
        for y in r.y..<r.maxY {
            unsplit(x: r.x, y: y)
            unsplit(x: r.maxX - 1, y: y)
            let row = y * size.width
            for x in r.x..<r.maxX { cells[row + x] = cell }
        }
    }

    /// Changes the role of every cell in `rect`, keeping the glyphs.
    public mutating func paint(_ rect: Rect, role: StyleRole) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            let row = y * size.width
            for x in r.x..<r.maxX { cells[row + x].role = role }
        }
    }

    /// Draws `text` from (`x`, `y`) in `role`, cut to `width` cells (default: to the right edge)
    /// with the ellipsis when it does not fit. Control characters are shown as `·`.
    ///
    /// - Returns: the number of cells used.
    @discardableResult
    public mutating func text(_ text: String, x: Int, y: Int, role: StyleRole = .normal, width: Int? = nil) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(width ?? (size.width - x), size.width - x)
        guard limit > 0 else { return 0 }
        if let drawn = simpleText(text, x: x, y: y, role: role, limit: limit) { return drawn }
        return clusterText(text, x: x, y: y, role: role, limit: limit)
    }

    /// Draws `text` from (`x`, `y`) in `role`, cut to `width` cells; see ``text(_:x:y:role:width:)-(String,_,_,_,_)``.
    @discardableResult
    public mutating func text(_ text: some StringProtocol, x: Int, y: Int, role: StyleRole = .normal,
                              width: Int? = nil) -> Int {
        self.text(String(text), x: x, y: y, role: role, width: width)
    }

    /// The general path: grapheme by grapheme, measuring each.
    private mutating func clusterText(_ text: String, x: Int, y: Int, role: StyleRole, limit: Int) -> Int {
        let total = TextWidth.of(text)
        let cut = total > limit
        let budget = cut ? max(0, limit - TextWidth.of(ellipsis)) : limit
        var col = x
        var used = 0
        for ch in text {
            var glyph = ch
            var w = ch.isASCII ? 1 : TextWidth.of(ch)
            if let a = ch.asciiValue, a < 0x20 || a == 0x7F { glyph = "·"; w = 1 }
            if w == 0 { continue }
            if used + w > budget { break }
            put(glyph, width: w, x: col, y: y, role: role)
            col += w
            used += w
        }
        if cut {
            for ch in ellipsis where used < limit {
                put(ch, width: 1, x: col, y: y, role: role)
                col += 1
                used += 1
            }
            // A wide glyph that did not fit leaves a gap before the edge: pad it.
            while used < limit {
                put(" ", width: 1, x: col, y: y, role: role)
                col += 1
                used += 1
            }
        }
        return used
    }

    /// The fast path of ``text(_:x:y:role:width:)-(String,_,_,_,_)`` for text made only of
    /// one-cell glyphs that never join (``TextWidth/isSimple(_:)``: ASCII, Latin, `·`, `▶`, `✓`…):
    /// one cell per scalar, no grapheme breaking. Returns nil (drawing nothing) for anything else.
    private mutating func simpleText(_ text: String, x: Int, y: Int, role: StyleRole, limit: Int) -> Int? {
        guard x >= 0 else { return nil }
        var text = text
        // Nearly every string is ASCII: check its bytes first, then its scalars.
        let ascii = text.withUTF8 { bytes -> Int? in
            for b in bytes where b < 0x20 || b >= 0x7F { return nil }
            return bytes.count
        }
        let total: Int
        if let ascii {
            total = ascii
        } else {
            var n = 0
            for s in text.unicodeScalars {
                guard TextWidth.isSimple(s.value) else { return nil }
                n += 1
            }
            total = n
        }
        guard total > 0 else { return 0 }
        // Cut with the ellipsis when it does not fit (one cell per scalar).
        let mark = ellipsis.unicodeScalars.count == 1 ? ellipsis.unicodeScalars.first!.value : nil
        let cut = total > limit
        if cut && (mark == nil || TextWidth.of(ellipsis) != 1) { return nil }
        let count = cut ? limit - 1 : total
        let used = cut ? limit : total
        unsplit(x: x, y: y)
        unsplit(x: x + used - 1, y: y)
        var i = y * size.width + x
        if ascii != nil {
            text.withUTF8 { bytes in
                for b in bytes.prefix(count) {
                    cells[i] = Cell(scalar: UInt32(b), role: role)
                    i += 1
                }
            }
        } else {
            for s in text.unicodeScalars.prefix(count) {
                cells[i] = Cell(scalar: s.value, role: role)
                i += 1
            }
        }
        if cut { cells[i] = Cell(scalar: mark!, role: role) }
        return used
    }

    /// Draws `text` padded with spaces (or cut) to exactly `width` cells, left- or right-aligned.
    public mutating func field(_ text: String, x: Int, y: Int, width: Int, role: StyleRole = .normal,
                               alignRight: Bool = false) {
        guard width > 0 else { return }
        if alignRight {
            let w = min(TextWidth.of(text), width)
            fill(Rect(x: x, y: y, width: width - w, height: 1), role: role)
            self.text(text, x: x + width - w, y: y, role: role, width: w)
        } else {
            let used = self.text(text, x: x, y: y, role: role, width: width)
            fill(Rect(x: x + used, y: y, width: width - used, height: 1), role: role)
        }
    }

    /// Draws `text` padded with spaces (or cut) to exactly `width` cells, left- or right-aligned.
    public mutating func field(_ text: some StringProtocol, x: Int, y: Int, width: Int, role: StyleRole = .normal,
                               alignRight: Bool = false) {
        field(String(text), x: x, y: y, width: width, role: role, alignRight: alignRight)
    }

    /// A horizontal line of `glyph`.
    public mutating func hline(x: Int, y: Int, width: Int, role: StyleRole = .border, glyph: Character = "─") {
        fill(Rect(x: x, y: y, width: width, height: 1), role: role, glyph: glyph)
    }

    /// A vertical line of `glyph`.
    public mutating func vline(x: Int, y: Int, height: Int, role: StyleRole = .border, glyph: Character = "│") {
        fill(Rect(x: x, y: y, width: 1, height: height), role: role, glyph: glyph)
    }

    /// A rounded box around the edge of `rect`, with an optional title in the top edge.
    public mutating func box(_ rect: Rect, role: StyleRole = .border, title: String? = nil,
                             titleRole: StyleRole = .title) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        hline(x: rect.x + 1, y: rect.y, width: rect.width - 2, role: role)
        hline(x: rect.x + 1, y: rect.maxY - 1, width: rect.width - 2, role: role)
        vline(x: rect.x, y: rect.y + 1, height: rect.height - 2, role: role)
        vline(x: rect.maxX - 1, y: rect.y + 1, height: rect.height - 2, role: role)
        put("╭", width: 1, x: rect.x, y: rect.y, role: role)
        put("╮", width: 1, x: rect.maxX - 1, y: rect.y, role: role)
        put("╰", width: 1, x: rect.x, y: rect.maxY - 1, role: role)
        put("╯", width: 1, x: rect.maxX - 1, y: rect.maxY - 1, role: role)
        if let title, rect.width > 6 {
            text(" " + title + " ", x: rect.x + 2, y: rect.y, role: titleRole, width: rect.width - 4)
        }
    }

    /// Puts one glyph of `width` (1 or 2) at (`x`, `y`), blanking any wide glyph it would split.
    mutating func put(_ glyph: Character, width: Int, x: Int, y: Int, role: StyleRole) {
        guard y >= 0, y < size.height, x >= 0, x < size.width else { return }
        let row = y * size.width
        unsplit(x: x, y: y)
        if width == 2 {
            guard x + 1 < size.width else {
                cells[row + x] = Cell(" ", role: role)
                return
            }
            unsplit(x: x + 1, y: y)
            cells[row + x] = Cell(glyph, role: role)
            cells[row + x + 1] = Cell(" ", role: role, isContinuation: true)
        } else {
            cells[row + x] = Cell(glyph, role: role)
        }
    }

    /// Before (`x`, `y`) is overwritten: if it is half of a wide glyph, blank the other half.
    private mutating func unsplit(x: Int, y: Int) {
        guard x >= 0, x < size.width else { return }
        let row = y * size.width
        if cells[row + x].isContinuation, x > 0 {
            cells[row + x - 1] = Cell(" ", role: cells[row + x - 1].role)
            cells[row + x].isContinuation = false
            cells[row + x].glyph = " "
        } else if x + 1 < size.width, cells[row + x + 1].isContinuation {
            cells[row + x + 1] = Cell(" ", role: cells[row + x + 1].role)
        }
    }
}
