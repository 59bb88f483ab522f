/// What a cell means, not how it looks: a theme maps each role to colours and attributes for the
/// terminal's capabilities. Meaning is never carried by colour alone; views add markers and words.
public enum StyleRole: UInt8, CaseIterable, Sendable, Hashable {
    case normal, dim, title, header, border
    case selected, selectedMuted
    case tab, tabActive
    case statusBar, statusAlert
    case hint, hintKey
    case accent, good, warning, critical
    case input, inputFocused
    case modal, modalTitle
    case toast, toastError
    case match
    case gaugeFull, gaugeEmpty

    /// One character per role for grid snapshots (`.` is normal).
    public var code: Character {
        switch self {
        case .normal: "."
        case .dim: "d"
        case .title: "T"
        case .header: "h"
        case .border: "b"
        case .selected: "S"
        case .selectedMuted: "s"
        case .tab: "t"
        case .tabActive: "A"
        case .statusBar: "u"
        case .statusAlert: "U"
        case .hint: "i"
        case .hintKey: "k"
        case .accent: "a"
        case .good: "g"
        case .warning: "w"
        case .critical: "c"
        case .input: "n"
        case .inputFocused: "N"
        case .modal: "m"
        case .modalTitle: "M"
        case .toast: "o"
        case .toastError: "O"
        case .match: "x"
        case .gaugeFull: "G"
        case .gaugeEmpty: "e"
        }
    }
}

/// A terminal colour: the terminal's default, or one of the 16 ANSI colours (0–15).
public enum TermColor: Hashable, Sendable {
    case `default`
    case ansi(UInt8)

    public static let black = TermColor.ansi(0), red = TermColor.ansi(1), green = TermColor.ansi(2)
    public static let yellow = TermColor.ansi(3), blue = TermColor.ansi(4), magenta = TermColor.ansi(5)
    public static let cyan = TermColor.ansi(6), white = TermColor.ansi(7)
    public static let brightBlack = TermColor.ansi(8), brightWhite = TermColor.ansi(15)
}

/// How a role looks on the terminal.
public struct CellStyle: Hashable, Sendable {
    public var fg: TermColor
    public var bg: TermColor
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(fg: TermColor = .default, bg: TermColor = .default, bold: Bool = false, dim: Bool = false,
                underline: Bool = false, reverse: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }

    public static let plain = CellStyle()
}

/// A mapping from roles to styles.
public struct Theme: Sendable, Hashable {
    public enum Name: String, CaseIterable, Sendable {
        case `default`, mono
        case highContrast = "high-contrast"
    }

    public let name: Name
    /// Indexed by `StyleRole.rawValue`.
    public let styles: [CellStyle]

    public func style(_ role: StyleRole) -> CellStyle { styles[Int(role.rawValue)] }

    public var usesColour: Bool { name != .mono }

    public static func named(_ name: Name) -> Theme {
        switch name {
        case .default: .standard
        case .mono: .mono
        case .highContrast: .highContrast
        }
    }

    init(name: Name, _ map: (StyleRole) -> CellStyle) {
        self.name = name
        styles = StyleRole.allCases.map(map)
    }

    /// 16 colours on the terminal's own background.
    public static let standard = Theme(name: .default) { role in
        switch role {
        case .normal, .input: .plain
        case .dim, .hint, .gaugeEmpty: CellStyle(dim: true)
        case .title: CellStyle(fg: .cyan, bold: true)
        case .header: CellStyle(bold: true, underline: true)
        case .border: CellStyle(fg: .brightBlack)
        case .selected: CellStyle(fg: .black, bg: .cyan, bold: true)
        case .selectedMuted: CellStyle(reverse: true)
        case .tab: .plain
        case .tabActive: CellStyle(fg: .black, bg: .cyan, bold: true)
        case .statusBar: CellStyle(fg: .black, bg: .white)
        case .statusAlert: CellStyle(fg: .brightWhite, bg: .red, bold: true)
        case .hintKey: CellStyle(fg: .cyan, bold: true)
        case .accent: CellStyle(fg: .cyan)
        case .good: CellStyle(fg: .green)
        case .warning: CellStyle(fg: .yellow, bold: true)
        case .critical: CellStyle(fg: .red, bold: true)
        case .inputFocused: CellStyle(underline: true)
        case .modal: .plain
        case .modalTitle: CellStyle(fg: .cyan, bold: true)
        case .toast: CellStyle(fg: .black, bg: .green)
        case .toastError: CellStyle(fg: .brightWhite, bg: .red, bold: true)
        case .match: CellStyle(fg: .yellow, bold: true, underline: true)
        case .gaugeFull: CellStyle(fg: .green)
        }
    }

    /// Attributes only: for `NO_COLOR`, terminals without colour, and printouts.
    public static let mono = Theme(name: .mono) { role in
        switch role {
        case .normal, .input, .tab, .modal, .accent, .good, .border, .gaugeFull: .plain
        case .dim, .hint, .gaugeEmpty: CellStyle(dim: true)
        case .title, .modalTitle, .hintKey, .warning: CellStyle(bold: true)
        case .header, .inputFocused: CellStyle(underline: true)
        case .selected, .tabActive, .statusBar, .toast: CellStyle(reverse: true)
        case .selectedMuted: CellStyle(underline: true)
        case .statusAlert, .toastError, .critical: CellStyle(bold: true, reverse: true)
        case .match: CellStyle(bold: true, underline: true)
        }
    }

    /// Strong contrast for projectors and bright rooms: bold text, no dim, saturated backgrounds.
    public static let highContrast = Theme(name: .highContrast) { role in
        switch role {
        case .normal, .input, .tab, .modal: CellStyle(bold: true)
        case .dim, .hint, .gaugeEmpty, .border: .plain
        case .title, .modalTitle: CellStyle(fg: .brightWhite, bold: true, underline: true)
        case .header: CellStyle(bold: true, underline: true)
        case .selected, .tabActive: CellStyle(fg: .black, bg: .yellow, bold: true)
        case .selectedMuted: CellStyle(bold: true, reverse: true)
        case .statusBar: CellStyle(fg: .black, bg: .brightWhite, bold: true)
        case .statusAlert, .toastError: CellStyle(fg: .brightWhite, bg: .red, bold: true)
        case .hintKey, .accent: CellStyle(fg: .yellow, bold: true)
        case .good, .gaugeFull: CellStyle(fg: .green, bold: true)
        case .warning: CellStyle(fg: .yellow, bold: true, underline: true)
        case .critical: CellStyle(fg: .red, bold: true, underline: true)
        case .inputFocused: CellStyle(bold: true, underline: true)
        case .toast: CellStyle(fg: .black, bg: .green, bold: true)
        case .match: CellStyle(fg: .black, bg: .yellow, bold: true)
        }
    }
}
