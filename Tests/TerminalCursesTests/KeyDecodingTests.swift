import CNcursesw
import TerminalCurses
import TerminalUI
import Testing

/// Pure decoding: no screen, so these may run in parallel with everything else.
struct KeyDecodingTests {
    @Test("KEY_CODE_YES codes decode to keys", arguments: [
        (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_HOME, .home), (KEY_FIND, .home), (KEY_END, .end), (KEY_SELECT, .end),
        (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_DC, .delete), (KEY_IC, .insert),
        (KEY_BACKSPACE, .backspace), (KEY_ENTER, .enter), (KEY_BTAB, .backTab),
        (KEY_F0 + 1, .function(1)), (KEY_F0 + 12, .function(12)), (KEY_F0 + 24, .function(24)),
    ])
    func keyCodes(code: Int32, key: Key) {
        #expect(CursesKeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(code)) == .key(key))
    }

    @Test("characters and control bytes", arguments: [
        (UInt32(9), CursesInput.key(.tab)), (10, .key(.enter)), (13, .key(.enter)),
        (8, .key(.backspace)), (127, .key(.backspace)), (27, .key(.escape)),
        (1, .key(.ctrl("a"))), (3, .key(.ctrl("c"))), (12, .key(.ctrl("l"))), (18, .key(.ctrl("r"))),
        (26, .key(.ctrl("z"))), (0, .key(.ctrl("@"))), (31, .key(.ctrl("_"))),
        (0x6A, .text("j")), (0x20, .text(" ")), (0xE9, .text("é")), (0x30C1, .text("チ")),
        (0x1F680, .text("🚀")), (0x85, .ignored),
    ])
    func characters(code: UInt32, expected: CursesInput) {
        #expect(CursesKeyDecoder.decode(status: OK, code: code) == expected)
    }

    @Test func specialCodes() {
        #expect(CursesKeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(KEY_RESIZE)) == .resize)
        #expect(CursesKeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(KEY_MOUSE)) == .mouse)
        #expect(CursesKeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(CursesKeyDecoder.pasteStartCode)) == .pasteStart)
        #expect(CursesKeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(CursesKeyDecoder.pasteEndCode)) == .pasteEnd)
        #expect(CursesKeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(KEY_B2)) == .ignored)
        #expect(CursesKeyDecoder.decode(status: ERR, code: 0) == .ignored)
    }

    @Test func mouseEmitsOnePressPerClick() {
        var down = false
        let press = CursesKeyDecoder.mouse(state: NCS_BUTTON1_PRESSED, x: 4, y: 2, buttonDown: &down)
        #expect(press == MouseEvent(.press, x: 4, y: 2))
        #expect(down)
        #expect(CursesKeyDecoder.mouse(state: NCS_BUTTON1_RELEASED, x: 4, y: 2, buttonDown: &down) == nil)
        #expect(!down)
        // A release whose press was never reported still counts once; so does a click.
        #expect(CursesKeyDecoder.mouse(state: NCS_BUTTON1_RELEASED, x: 1, y: 1, buttonDown: &down)
            == MouseEvent(.press, x: 1, y: 1))
        #expect(CursesKeyDecoder.mouse(state: NCS_BUTTON1_CLICKED, x: 2, y: 1, buttonDown: &down)
            == MouseEvent(.press, x: 2, y: 1))
        #expect(CursesKeyDecoder.mouse(state: NCS_BUTTON3_PRESSED, x: 0, y: 0, buttonDown: &down)
            == MouseEvent(.rightPress, x: 0, y: 0))
        #expect(CursesKeyDecoder.mouse(state: NCS_BUTTON4_PRESSED, x: 0, y: 0, buttonDown: &down)
            == MouseEvent(.wheelUp, x: 0, y: 0))
        #expect(CursesKeyDecoder.mouse(state: NCS_BUTTON5_PRESSED, x: 0, y: 0, buttonDown: &down)
            == MouseEvent(.wheelDown, x: 0, y: 0))
        #expect(CursesKeyDecoder.mouse(state: 0, x: 0, y: 0, buttonDown: &down) == nil)
    }

    @Test func mouseMaskHasNoMotion() {
        let mask = CursesKeyDecoder.mouseMask
        #expect(mask & NCS_BUTTON1_PRESSED != 0)
        #expect(mask & NCS_BUTTON5_PRESSED != 0)
        #expect(mask & NCS_REPORT_MOUSE_POSITION == 0)
    }
}

struct ColorPairCacheTests {
    final class Recorder: @unchecked Sendable {
        var calls: [(Int16, Int16, Int16)] = []
    }

    @Test func pairsAreAllocatedOnceAndReused() {
        let recorder = Recorder()
        var cache = ColorPairCache(colors: 256, maxPairs: 256, defaultColors: true) { pair, fg, bg in
            recorder.calls.append((pair, fg, bg))
            return true
        }
        #expect(cache.pair(fg: .default, bg: .default) == 0)
        let selected = cache.pair(fg: .black, bg: .cyan)
        #expect(selected == 1)
        #expect(cache.pair(fg: .cyan, bg: .default) == 2)
        #expect(cache.pair(fg: .black, bg: .cyan) == selected)
        #expect(recorder.calls.count == 2)
        #expect(recorder.calls[0] == (1, 0, 6))
        #expect(recorder.calls[1] == (2, 6, -1))
    }

    @Test func eightColourTerminalsFoldBrightColours() {
        let recorder = Recorder()
        var cache = ColorPairCache(colors: 8, maxPairs: 64, defaultColors: false) { pair, fg, bg in
            recorder.calls.append((pair, fg, bg))
            return true
        }
        _ = cache.pair(fg: .brightWhite, bg: .default)
        #expect(recorder.calls.first! == (1, 7, 0))  // bright white -> white; default bg -> black
    }

    @Test func runningOutOfPairsFallsBackToPairZero() {
        var cache = ColorPairCache(colors: 16, maxPairs: 2, defaultColors: true) { _, _, _ in true }
        #expect(cache.pair(fg: .red, bg: .default) == 1)
        #expect(cache.pair(fg: .green, bg: .default) == 0)
        var failing = ColorPairCache(colors: 16, maxPairs: 64, defaultColors: true) { _, _, _ in false }
        #expect(failing.pair(fg: .red, bg: .default) == 0)
        #expect(failing.pairs.isEmpty)
    }
}

struct TerminalOpenErrorTests {
    @Test func messagesSayWhatIsWrong() {
        #expect(TerminalOpenError.stdoutNotTerminal.message
            == "pilotwave needs an interactive terminal (stdout is not a terminal)")
        #expect(TerminalOpenError.stdinNotTerminal.message.contains("stdin is not a terminal"))
        #expect(TerminalOpenError.termUnset.message.contains("TERM is not set"))
        #expect(TerminalOpenError.unknownTerminal(term: "bogus").message.contains("'bogus'"))
        #expect(TerminalOpenError.noCursorAddressing(term: "dumb").message.contains("cannot move the cursor"))
    }
}
