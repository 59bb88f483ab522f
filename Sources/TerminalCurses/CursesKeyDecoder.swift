import CNcursesw
import TerminalUI

/// What one `wget_wch` result means, before the reader joins text into grapheme clusters, collects
/// pastes and asks ncurses for the mouse event or the new size.
public enum CursesInput: Hashable, Sendable {
    /// A key with a meaning of its own.
    case key(Key)
    /// A printable Unicode scalar (joined with its neighbours into `Character`s by the reader).
    case text(Unicode.Scalar)
    /// `KEY_RESIZE`: the terminal has a new size.
    case resize
    /// `KEY_MOUSE`: a mouse event is waiting in `getmouse`.
    case mouse
    /// The start (`ESC [ 200 ~`) and end (`ESC [ 201 ~`) of a bracketed paste.
    case pasteStart, pasteEnd
    /// Nothing the program uses (unknown key codes, C1 controls, ERR).
    case ignored
}

/// Pure decoding of ncurses input: `wget_wch` results to keys, `getmouse` states to mouse events.
/// No screen needed, so it is tested as a table.
public enum CursesKeyDecoder {
    /// Key codes given to `define_key` for the bracketed-paste markers (above `KEY_MAX`).
    public static let pasteStartCode = KEY_MAX + 0x100
    public static let pasteEndCode = KEY_MAX + 0x101

    /// Decodes the result of `wget_wch`: `status` is `OK`, `KEY_CODE_YES` or `ERR`; `code` is what
    /// it stored.
    public static func decode(status: Int32, code: UInt32) -> CursesInput {
        switch status {
        case KEY_CODE_YES: decodeKeyCode(Int32(bitPattern: code))
        case OK: decodeCharacter(code)
        default: .ignored
        }
    }

    /// A `KEY_*` code (returned with `KEY_CODE_YES`).
    public static func decodeKeyCode(_ code: Int32) -> CursesInput {
        switch code {
        case KEY_UP: .key(.up)
        case KEY_DOWN: .key(.down)
        case KEY_LEFT: .key(.left)
        case KEY_RIGHT: .key(.right)
        case KEY_HOME, KEY_FIND, KEY_A1, KEY_BEG: .key(.home)
        case KEY_END, KEY_SELECT, KEY_C1: .key(.end)
        case KEY_PPAGE, KEY_A3: .key(.pageUp)
        case KEY_NPAGE, KEY_C3: .key(.pageDown)
        case KEY_DC: .key(.delete)
        case KEY_IC: .key(.insert)
        case KEY_BACKSPACE: .key(.backspace)
        case KEY_ENTER: .key(.enter)
        case KEY_BTAB: .key(.backTab)
        case KEY_RESIZE: .resize
        case KEY_MOUSE: .mouse
        case pasteStartCode: .pasteStart
        case pasteEndCode: .pasteEnd
        case (KEY_F0 + 1)...(KEY_F0 + 63): .key(.function(Int(code - KEY_F0)))
        default: .ignored
        }
    }

    /// A character (returned with `OK`): control bytes become keys, the rest is text.
    public static func decodeCharacter(_ code: UInt32) -> CursesInput {
        switch code {
        case 9: .key(.tab)
        case 10, 13: .key(.enter)
        case 8, 127: .key(.backspace)
        case 27: .key(.escape)
        case 0: .key(.ctrl("@"))
        case 1...26: .key(.ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60))))
        case 28: .key(.ctrl("\\"))
        case 29: .key(.ctrl("]"))
        case 30: .key(.ctrl("^"))
        case 31: .key(.ctrl("_"))
        case 0x80..<0xA0: .ignored
        default: Unicode.Scalar(code).map { .text($0) } ?? .ignored
        }
    }

    /// Decodes a `getmouse` button state at a cell. Left button: one `.press` per click (on press;
    /// a release counts only when its press was not seen, and a click when neither was).
    ///
    /// - Parameter buttonDown: whether the left button's press was reported; updated.
    public static func mouse(state: mmask_t, x: Int, y: Int, buttonDown: inout Bool) -> MouseEvent? {
        if state & NCS_BUTTON4_PRESSED != 0 { return MouseEvent(.wheelUp, x: x, y: y) }
        if state & NCS_BUTTON5_PRESSED != 0 { return MouseEvent(.wheelDown, x: x, y: y) }
        if state & (NCS_BUTTON3_PRESSED | NCS_BUTTON3_CLICKED) != 0 { return MouseEvent(.rightPress, x: x, y: y) }
        if state & NCS_BUTTON1_PRESSED != 0 {
            buttonDown = true
            return MouseEvent(.press, x: x, y: y)
        }
        if state & NCS_BUTTON1_CLICKED != 0 {
            buttonDown = false
            return MouseEvent(.press, x: x, y: y)
        }
        if state & NCS_BUTTON1_RELEASED != 0 {
            defer { buttonDown = false }
            return buttonDown ? nil : MouseEvent(.press, x: x, y: y)
        }
        return nil
    }

    /// The mouse events asked for: left press/release, right press, wheel. No motion reports.
    public static var mouseMask: mmask_t {
        NCS_BUTTON1_PRESSED | NCS_BUTTON1_RELEASED | NCS_BUTTON3_PRESSED | NCS_BUTTON4_PRESSED | NCS_BUTTON5_PRESSED
    }

    /// Sequences some terminfo entries lack, bound when the entry does not already define them.
    static let extraSequences: [(String, Int32)] = [
        ("\u{1b}[1~", KEY_HOME), ("\u{1b}[7~", KEY_HOME), ("\u{1b}[H", KEY_HOME), ("\u{1b}OH", KEY_HOME),
        ("\u{1b}[4~", KEY_END), ("\u{1b}[8~", KEY_END), ("\u{1b}[F", KEY_END), ("\u{1b}OF", KEY_END),
        ("\u{1b}[A", KEY_UP), ("\u{1b}[B", KEY_DOWN), ("\u{1b}[C", KEY_RIGHT), ("\u{1b}[D", KEY_LEFT),
        ("\u{1b}OA", KEY_UP), ("\u{1b}OB", KEY_DOWN), ("\u{1b}OC", KEY_RIGHT), ("\u{1b}OD", KEY_LEFT),
        ("\u{1b}[5~", KEY_PPAGE), ("\u{1b}[6~", KEY_NPAGE), ("\u{1b}[3~", KEY_DC), ("\u{1b}[2~", KEY_IC),
        ("\u{1b}[Z", KEY_BTAB),
        ("\u{1b}[200~", pasteStartCode), ("\u{1b}[201~", pasteEndCode),
    ]

    /// Binds ``extraSequences`` that the current terminal's keypad table does not know yet.
    static func defineExtraKeys() {
        for (sequence, code) in extraSequences where key_defined(sequence) == 0 {
            define_key(sequence, code)
        }
    }
}
