#if canImport(Glibc)
import Glibc
#endif
import CNcursesw
import TerminalUI

extension CursesTerminal {
    /// Puts `frame` on the screen: writes the cells that differ from the last presented frame (all of
    /// them after a size change or ``invalidate()``, with one clear), places the hardware cursor at
    /// `frame.cursor` (shown as a caret only when `frame.cursorVisible`), then one `doupdate`.
    public func present(_ frame: Frame) {
        guard !restored else { return }
        activate()
        if isHeadless, lseek(outFD, 0, SEEK_CUR) > 8 << 20 { _ = drainOutput() }
        let before = meter.reading()
        let windowSize = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
        let canvas = frame.canvas
        let old = previous.flatMap { $0.size == canvas.size && windowSize == presentedWindowSize ? $0 : nil }
        if old == nil || needsClear {
            clearok(ncs_curscr(), true)
            werase(window)
            needsClear = false
        }
        let width = min(canvas.size.width, windowSize.width)
        let height = min(canvas.size.height, windowSize.height)
        let stride = canvas.size.width
        let oldCells = old?.cells ?? []
        let diff = old != nil
        canvas.cells.withUnsafeBufferPointer { cells in
            oldCells.withUnsafeBufferPointer { before in
                for y in 0..<max(0, height) {
                    let row = y * stride
                    var x = 0
                    while x < width {
                        let i = row + x
                        let wide = x + 1 < stride && cells[i + 1].isContinuation
                        if cells[i].isContinuation {
                            // An orphan half (its glyph is off-canvas): show a blank.
                            if !diff || before[i] != cells[i] {
                                put(Cell(" ", role: cells[i].role), wide: false, x: x, y: y, limit: width)
                            }
                        } else if diff, before[i] == cells[i], !wide || before[i + 1] == cells[i + 1] {
                            // Unchanged, including a wide glyph's right half.
                        } else {
                            put(cells[i], wide: wide, x: x, y: y, limit: width)
                        }
                        x += wide ? 2 : 1
                    }
                }
            }
        }
        previous = canvas
        presentedWindowSize = windowSize
        placeCursor(frame, width: width, height: height)
        wnoutrefresh(window)
        doupdate()
        bytesWritten += max(0, meter.reading() - before)
    }

    /// Whether ``bytesWritten`` counts anything.
    public var countsBytes: Bool { meter.isAvailable }

    private func placeCursor(_ frame: Frame, width: Int, height: Int) {
        var show = false
        if let c = frame.cursor, c.x >= 0, c.y >= 0, c.x < width, c.y < height {
            wmove(window, Int32(c.y), Int32(c.x))
            show = frame.cursorVisible
        } else {
            wmove(window, 0, 0)
        }
        if cursorShown != show {
            curs_set(show ? 1 : 0)
            cursorShown = show
        }
    }

    /// Writes one cell (two for a wide glyph) at (`x`, `y`) with its role's attributes and pair.
    private func put(_ cell: Cell, wide: Bool, x: Int, y: Int, limit: Int) {
        let style = resolvedStyle(cell.role)
        let fits = !wide || x + 1 < limit  // a wide glyph cut by a narrower window shows as a blank
        var cc = cchar_t()
        if !wide, let v = cell.scalarValue, v >= 0x20, v < 0x7F || (v >= 0xA0 && unicode && wcwidth(wchar_t(bitPattern: v)) == 1) {
            // Printable ASCII (the common case) or another single scalar one cell wide for both
            // the canvas and libc: no grapheme work.
            var chars: (wchar_t, wchar_t) = (wchar_t(v), 0)
            withUnsafePointer(to: &chars) { p in
                p.withMemoryRebound(to: wchar_t.self, capacity: 2) { _ = setcchar(&cc, $0, style.attributes, style.pair, nil) }
            }
            _ = mvwadd_wch(window, Int32(y), Int32(x), &cc)
            return
        }
        let plan = Self.glyphPlan(fits ? cell.glyph : " ", cells: wide && fits ? 2 : 1, unicode: unicode)
        plan.scalars.withUnsafeBufferPointer { chars in
            _ = setcchar(&cc, chars.baseAddress, style.attributes, style.pair, nil)
        }
        // ERR in the bottom-right cell (the cursor cannot advance past it) is expected: the glyph is drawn.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cc)
        if plan.padRight, x + 1 < limit {
            var blank = cchar_t()
            let space: [wchar_t] = [32, 0]
            space.withUnsafeBufferPointer { _ = setcchar(&blank, $0.baseAddress, style.attributes, style.pair, nil) }
            _ = mvwadd_wch(window, Int32(y), Int32(x + 1), &blank)
        }
    }

    /// What to hand ncurses for a glyph that the canvas gives `cells` columns.
    struct GlyphPlan: Equatable {
        /// The scalars for `setcchar`, NUL-terminated: a spacing character and up to 4 marks.
        var scalars: [wchar_t]
        /// The glyph is narrower for ncurses (libc `wcwidth`) than for the canvas: blank the next cell.
        var padRight: Bool
    }

    /// Reconciles the canvas's width with libc's: when they disagree, or the glyph cannot be shown
    /// (control character, non-UTF-8 locale), a `?` keeps every later cell in its column.
    static func glyphPlan(_ glyph: Character, cells: Int, unicode: Bool) -> GlyphPlan {
        let scalars = glyph.unicodeScalars
        if glyph.isASCII, let a = glyph.asciiValue, a >= 0x20, a != 0x7F {
            return GlyphPlan(scalars: [wchar_t(a), 0], padRight: cells == 2)
        }
        let first = scalars.first.map { wchar_t(bitPattern: $0.value) } ?? 32
        let width = unicode ? Int(wcwidth(first)) : -1
        if width < 1 || width > cells {
            return GlyphPlan(scalars: [63, 0], padRight: cells == 2)  // "?"
        }
        var chars: [wchar_t] = [first]
        for s in scalars.dropFirst() where chars.count < Int(CCHARW_MAX) && wcwidth(wchar_t(bitPattern: s.value)) == 0 {
            chars.append(wchar_t(bitPattern: s.value))
        }
        chars.append(0)
        return GlyphPlan(scalars: chars, padRight: width < cells)
    }

    /// The attributes and colour pair for `role` under the current theme (pairs allocated on first use).
    func resolvedStyle(_ role: StyleRole) -> CursesStyle {
        let index = Int(role.rawValue)
        if let style = roleStyles[index] { return style }
        let cellStyle = theme.style(role)
        let pair = theme.usesColour && has_colors() ? pairs.pair(fg: cellStyle.fg, bg: cellStyle.bg) : 0
        let style = CursesStyle(attributes: CursesStyle.attributes(of: cellStyle), pair: pair)
        roleStyles[index] = style
        return style
    }

    /// How many colour pairs have been allocated so far.
    public var allocatedColorPairs: Int { pairs.pairs.count }

    // MARK: Reading the screen back

    /// Row `y` of what ncurses believes the terminal shows (its `curscr`), wide glyphs once, with
    /// trailing spaces removed. For tests.
    public func screenLine(_ y: Int) -> String {
        activate()
        guard let cur = ncs_curscr(), y >= 0, y < Int(getmaxy(cur)) else { return "" }
        let width = Int(getmaxx(cur))
        var buffer = [wchar_t](repeating: 0, count: width * Int(CCHARW_MAX) + 1)
        let n = mvwinnwstr(cur, Int32(y), 0, &buffer, Int32(buffer.count - 1))
        guard n != ERR else { return "" }
        var text = String(String.UnicodeScalarView(buffer.prefix { $0 != 0 }.compactMap {
            Unicode.Scalar(UInt32(bitPattern: $0))
        }))
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The glyph and look of the cell at (`x`, `y`) on ncurses' idea of the terminal (`curscr`). For tests.
    public func screenCell(x: Int, y: Int) -> (glyph: String, style: CellStyle) {
        activate()
        guard let cur = ncs_curscr() else { return ("", .plain) }
        var cc = cchar_t()
        guard mvwin_wch(cur, Int32(y), Int32(x), &cc) != ERR else { return ("", .plain) }
        var chars = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        _ = getcchar(&cc, &chars, &attributes, &pair, nil)
        let glyph = String(String.UnicodeScalarView(chars.prefix { $0 != 0 }.compactMap {
            Unicode.Scalar(UInt32(bitPattern: $0))
        }))
        var fg: Int16 = -1, bg: Int16 = -1
        if pair != 0 { pair_content(pair, &fg, &bg) }
        func color(_ n: Int16) -> TermColor { n < 0 ? .default : .ansi(UInt8(n)) }
        return (glyph, CursesStyle.cellStyle(attributes: attributes, fg: color(fg), bg: color(bg)))
    }
}
