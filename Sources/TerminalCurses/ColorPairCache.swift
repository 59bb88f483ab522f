import CNcursesw
import TerminalUI

/// Colour pairs allocated lazily, one per (foreground, background) combination, and reused.
///
/// The allocation itself (`init_pair`) is injected so the cache is testable without a screen.
public struct ColorPairCache {
    /// A colour as ncurses takes it: -1 is the terminal's default.
    public struct Key: Hashable, Sendable {
        /// Foreground colour number, -1 for the default.
        public var fg: Int16
        /// Background colour number, -1 for the default.
        public var bg: Int16
    }

    /// Pairs handed out so far.
    public private(set) var pairs: [Key: Int16] = [:]
    private var next: Int16 = 1
    private let colors: Int
    private let maxPairs: Int
    private let defaultColors: Bool
    private let allocate: (Int16, Int16, Int16) -> Bool

    /// - Parameters:
    ///   - colors: how many colours the terminal has (`COLORS`).
    ///   - maxPairs: how many pairs (`COLOR_PAIRS`); pair 0 is fixed.
    ///   - defaultColors: whether `use_default_colors` succeeded (else default = white on black).
    ///   - allocate: `init_pair(pair, fg, bg) == OK`.
    public init(colors: Int, maxPairs: Int, defaultColors: Bool,
                allocate: @escaping (Int16, Int16, Int16) -> Bool) {
        self.colors = colors
        self.maxPairs = maxPairs
        self.defaultColors = defaultColors
        self.allocate = allocate
    }

    /// The pair for `fg` on `bg`, allocating it on first use. Default on default is pair 0; when
    /// the terminal runs out of pairs, pair 0 too (attributes still apply).
    public mutating func pair(fg: TermColor, bg: TermColor) -> Int16 {
        let key = Key(fg: number(fg, isForeground: true), bg: number(bg, isForeground: false))
        if key.fg == -1 && key.bg == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        guard Int(next) < min(maxPairs, Int(Int16.max)), allocate(next, key.fg, key.bg) else { return 0 }
        pairs[key] = next
        next += 1
        return next - 1
    }

    /// The ncurses colour number: bright colours fold onto the first 8 on 8-colour terminals.
    private func number(_ color: TermColor, isForeground: Bool) -> Int16 {
        switch color {
        case .default:
            return defaultColors ? -1 : (isForeground ? 7 : 0)
        case .ansi(let n):
            let c = Int(n)
            return Int16(c < colors ? c : c % 8)
        }
    }
}

/// A role's look as ncurses wants it: attributes and a colour pair.
struct CursesStyle: Equatable {
    var attributes: attr_t
    var pair: Int16

    static func attributes(of style: CellStyle) -> attr_t {
        var a = NCS_A_NORMAL
        if style.bold { a |= NCS_A_BOLD }
        if style.dim { a |= NCS_A_DIM }
        if style.underline { a |= NCS_A_UNDERLINE }
        if style.reverse { a |= NCS_A_REVERSE }
        return a
    }

    /// Reads attributes back into a ``CellStyle`` (colours are filled in by the caller).
    static func cellStyle(attributes a: attr_t, fg: TermColor, bg: TermColor) -> CellStyle {
        CellStyle(fg: fg, bg: bg, bold: a & NCS_A_BOLD != 0, dim: a & NCS_A_DIM != 0,
                  underline: a & NCS_A_UNDERLINE != 0, reverse: a & NCS_A_REVERSE != 0)
    }
}
