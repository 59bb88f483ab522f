#if canImport(Glibc)
import Glibc
#endif
import TerminalCurses
import TerminalUI
import Testing

/// Everything that touches ncurses (process-global state) runs here, one test at a time.
/// Passes without a TTY: `CI=true setsid swift test --filter TerminalCursesTests </dev/null`.
@Suite(.serialized)
struct CursesScreenTests {
    // MARK: Refusals

    @Test func probeRefusesInOrder() {
        #expect(CursesTerminal.probe(term: "xterm-256color", stdinIsTTY: false, stdoutIsTTY: false) == .stdinNotTerminal)
        #expect(CursesTerminal.probe(term: "xterm-256color", stdinIsTTY: true, stdoutIsTTY: false) == .stdoutNotTerminal)
        #expect(CursesTerminal.probe(term: nil, stdinIsTTY: true, stdoutIsTTY: true) == .termUnset)
        #expect(CursesTerminal.probe(term: "", stdinIsTTY: true, stdoutIsTTY: true) == .termUnset)
        #expect(CursesTerminal.probe(term: "no-such-terminal-xyz", stdinIsTTY: true, stdoutIsTTY: true)
            == .unknownTerminal(term: "no-such-terminal-xyz"))
        #expect(CursesTerminal.probe(term: "dumb", stdinIsTTY: true, stdoutIsTTY: true) == .noCursorAddressing(term: "dumb"))
        #expect(CursesTerminal.probe(term: "xterm-256color", stdinIsTTY: true, stdoutIsTTY: true) == nil)
        #expect(CursesTerminal.probe(term: "vt100", stdinIsTTY: true, stdoutIsTTY: true) == nil)
    }

    @Test func probeLeavesAnOpenScreenWorking() throws {
        let terminal = try CursesTerminal.headless(size: Size(width: 20, height: 3), theme: .standard)
        _ = CursesTerminal.probe(term: "dumb", stdinIsTTY: true, stdoutIsTTY: true)
        _ = CursesTerminal.probe(term: "vt100", stdinIsTTY: true, stdoutIsTTY: true)
        terminal.present(frame(Size(width: 20, height: 3), ["still here"]))
        #expect(terminal.screenLine(0) == "still here")
    }

    @Test func openRefusesWithoutATerminal() {
        let stdinTTY = isatty(STDIN_FILENO) == 1, stdoutTTY = isatty(STDOUT_FILENO) == 1
        guard !stdinTTY || !stdoutTTY else { return }  // run from a terminal: nothing to refuse
        #expect(throws: stdinTTY ? TerminalOpenError.stdoutNotTerminal : .stdinNotTerminal) {
            _ = try CursesTerminal.open(theme: .standard)
        }
    }

    // MARK: Output

    @Test func presentPutsUnicodeAtTheRightColumns() throws {
        let size = Size(width: 30, height: 4)
        let terminal = try CursesTerminal.headless(size: size, theme: .standard)
        #expect(terminal.unicode)
        var f = Frame(size: size)
        f.canvas.text("チーム東京|Équipe|🚀|x", x: 0, y: 0)
        f.canvas.text("cafe\u{301} ok", x: 2, y: 1)
        f.canvas.text("bottom-right", x: 18, y: 3, role: .selected)
        terminal.present(f)
        #expect(terminal.screenLine(0) == "チーム東京|Équipe|🚀|x")
        #expect(terminal.screenLine(1) == "  cafe\u{301} ok")
        #expect(terminal.screenLine(3) == String(repeating: " ", count: 18) + "bottom-right")
        #expect(terminal.screenCell(x: 0, y: 0).glyph == "チ")
        #expect(terminal.screenCell(x: 8, y: 0).glyph == "京")
        #expect(terminal.screenCell(x: 10, y: 0).glyph == "|")
        #expect(terminal.screenCell(x: 11, y: 0).glyph == "É")
        #expect(terminal.screenCell(x: 18, y: 0).glyph == "🚀")
        #expect(terminal.screenCell(x: 20, y: 0).glyph == "|")
        #expect(terminal.screenCell(x: 5, y: 1).glyph == "e\u{301}")
        #expect(terminal.screenCell(x: 29, y: 3).glyph == "t")
    }

    /// The canvas counts `❤️` (VS16) as 2 cells, glibc's wcwidth as 1: the next cell is blanked so
    /// everything after it stays in its column.
    @Test func widthDisagreementsKeepColumns() throws {
        let size = Size(width: 10, height: 1)
        let terminal = try CursesTerminal.headless(size: size, theme: .mono)
        var f = Frame(size: size)
        f.canvas.text("\u{2764}\u{FE0F}x|", x: 0, y: 0)
        #expect(f.canvas[2, 0].glyph == "x")
        terminal.present(f)
        #expect(terminal.screenCell(x: 2, y: 0).glyph == "x")
        #expect(terminal.screenCell(x: 3, y: 0).glyph == "|")
    }

    @Test func stylesBecomeAttributesAndCachedPairs() throws {
        let size = Size(width: 20, height: 3)
        let terminal = try CursesTerminal.headless(size: size, theme: .standard)
        var f = frame(size, ["plain", "selected", "warning"])
        f.canvas.paint(Rect(x: 0, y: 1, width: 20, height: 1), role: .selected)
        f.canvas.paint(Rect(x: 0, y: 2, width: 20, height: 1), role: .warning)
        terminal.present(f)
        #expect(terminal.screenCell(x: 0, y: 0).style == .plain)
        #expect(terminal.screenCell(x: 0, y: 1).style == CellStyle(fg: .black, bg: .cyan, bold: true))
        #expect(terminal.screenCell(x: 0, y: 2).style == CellStyle(fg: .yellow, bold: true))
        #expect(terminal.allocatedColorPairs == 2)
        f.canvas.paint(Rect(x: 0, y: 0, width: 20, height: 1), role: .tabActive)  // same colours as selected
        terminal.present(f)
        #expect(terminal.allocatedColorPairs == 2)
        #expect(terminal.screenCell(x: 3, y: 0).style == CellStyle(fg: .black, bg: .cyan, bold: true))
    }

    @Test func noColourTerminalFallsBackToMono() throws {
        let terminal = try CursesTerminal.headless(size: Size(width: 10, height: 2), theme: .standard, term: "vt100")
        #expect(terminal.theme.name == .mono)
        var f = frame(Size(width: 10, height: 2), ["row"])
        f.canvas.paint(Rect(x: 0, y: 0, width: 10, height: 1), role: .selected)
        terminal.present(f)
        #expect(terminal.screenCell(x: 0, y: 0).style == CellStyle(reverse: true))
        #expect(terminal.allocatedColorPairs == 0)
    }

    /// A 120×40 list: the full first frame against moving the selection by one row.
    @Test func oneRowChangeCostsAFractionOfAFullRepaint() throws {
        let size = Size(width: 120, height: 40)
        let terminal = try CursesTerminal.headless(size: size, theme: .standard)
        #expect(terminal.countsBytes)
        func list(selected: Int) -> Frame {
            var f = Frame(size: size)
            f.canvas.box(Rect(size: size), title: "Teams")
            for row in 1..<(size.height - 1) {
                f.canvas.field("Team \(row) · readiness \(row * 7 % 100)% · チーム", x: 1, y: row,
                               width: size.width - 2, role: row == selected ? .selected : .normal)
            }
            f.cursor = Point(x: 1, y: selected)
            return f
        }
        _ = terminal.drainOutput()
        let start = terminal.bytesWritten
        terminal.present(list(selected: 3))
        let full = terminal.bytesWritten - start
        let fullOutput = terminal.drainOutput()
        terminal.present(list(selected: 4))
        let move = terminal.bytesWritten - start - full
        let moveOutput = terminal.drainOutput()
        terminal.present(list(selected: 4))
        let same = terminal.bytesWritten - start - full - move
        print("bytes at 120×40: full repaint \(full), selection move \(move), unchanged frame \(same)")
        #expect(fullOutput.count == full)
        #expect(moveOutput.count == move)
        #expect(move > 0)
        #expect(move * 10 < full)
        #expect(same < 16)
        let clear = Array("\u{1b}[H\u{1b}[2J".utf8)
        #expect(contains(fullOutput, clear))
        #expect(!contains(moveOutput, clear), "an incremental update must not clear the screen")
        #expect(terminal.screenLine(4).hasPrefix("│Team 4 · readiness 28% · チーム"))

        terminal.invalidate()
        terminal.present(list(selected: 4))
        let repaint = terminal.drainOutput()
        #expect(contains(repaint, clear))
        #expect(repaint.count * 2 > full)
    }

    @Test func cursorFollowsTheFrame() throws {
        let size = Size(width: 20, height: 5)
        let terminal = try CursesTerminal.headless(size: size, theme: .mono)
        var f = frame(size, ["name: Ana"])
        f.cursor = Point(x: 9, y: 0)
        f.cursorVisible = true
        _ = terminal.drainOutput()
        terminal.present(f)
        let out = terminal.drainOutput()
        #expect(contains(out, Array("\u{1b}[?25h".utf8)) || contains(out, Array("\u{1b}[?12;25h".utf8)))
        f.cursorVisible = false
        terminal.present(f)
        #expect(contains(terminal.drainOutput(), Array("\u{1b}[?25l".utf8)))
    }

    @Test func resizeIsReportedAndRepaintsEverything() throws {
        let terminal = try CursesTerminal.headless(size: Size(width: 40, height: 10), theme: .standard)
        terminal.present(frame(Size(width: 40, height: 10), ["before"]))
        terminal.simulateResize(to: Size(width: 30, height: 6))
        #expect(terminal.size == Size(width: 30, height: 6))
        let events = try terminal.events(timeoutMilliseconds: 50)
        #expect(events == [.resize(Size(width: 30, height: 6))])
        _ = terminal.drainOutput()
        terminal.present(frame(Size(width: 30, height: 6), ["after"]))
        #expect(contains(terminal.drainOutput(), Array("\u{1b}[H\u{1b}[2J".utf8)))
        #expect(terminal.screenLine(0) == "after")
    }

    // MARK: Input

    @Test func keysTextAndControlsAreDecoded() throws {
        let terminal = try CursesTerminal.headless(size: Size(width: 20, height: 5), theme: .standard)
        terminal.feedInput("jk\u{1b}OA\u{1b}[B\r\t\u{1b}[Z\u{03}\u{7f}\u{1b}OP\u{1b}[3~\u{1b}[1~e\u{301}チ")
        let events = try terminal.events(timeoutMilliseconds: 200)
        #expect(events == [
            .key(.char("j")), .key(.char("k")), .key(.up), .key(.down), .key(.enter), .key(.tab), .key(.backTab),
            .key(.ctrl("c")), .key(.backspace), .key(.function(1)), .key(.delete), .key(.home),
            .key(.char("e\u{301}")), .key(.char("チ")),
        ])
    }

    @Test func loneEscapeArrivesAfterTheDelay() throws {
        let terminal = try CursesTerminal.headless(size: Size(width: 20, height: 5), theme: .standard)
        terminal.feedInput("\u{1b}")
        #expect(try terminal.events(timeoutMilliseconds: 500) == [.key(.escape)])
    }

    @Test func bracketedPasteIsOneEvent() throws {
        let terminal = try CursesTerminal.headless(size: Size(width: 20, height: 5), theme: .standard)
        terminal.feedInput("a\u{1b}[200~q line one\r\nline\ttwo\rÉ\u{1b}[201~b")
        let events = try terminal.events(timeoutMilliseconds: 200)
        #expect(events == [.key(.char("a")), .paste("q line one\nline\ttwo\nÉ"), .key(.char("b"))])
    }

    @Test func mouseClicksAndWheel() throws {
        let terminal = try CursesTerminal.headless(size: Size(width: 40, height: 10), theme: .standard)
        // SGR (1006) reports as xterm sends them, 1-based. ncurses folds a burst of button events
        // into its last one (a press+release burst arrives as the release): one press either way.
        func events(_ input: String) throws -> [InputEvent] {
            terminal.feedInput(input)
            return try terminal.events(timeoutMilliseconds: 200)
        }
        #expect(try events("\u{1b}[<0;5;3M\u{1b}[<0;5;3m") == [.mouse(MouseEvent(.press, x: 4, y: 2))])
        #expect(try events("\u{1b}[<0;6;3M") == [.mouse(MouseEvent(.press, x: 5, y: 2))])
        #expect(try events("\u{1b}[<0;6;3m") == [])
        #expect(try events("\u{1b}[<2;7;4M\u{1b}[<2;7;4m") == [.mouse(MouseEvent(.rightPress, x: 6, y: 3))])
        #expect(try events("\u{1b}[<64;1;1M\u{1b}[<64;1;1M") == [
            .mouse(MouseEvent(.wheelUp, x: 0, y: 0)), .mouse(MouseEvent(.wheelUp, x: 0, y: 0)),
        ])
        #expect(try events("\u{1b}[<65;2;2M") == [.mouse(MouseEvent(.wheelDown, x: 1, y: 1))])
    }

    @Test func timeoutReturnsNothing() throws {
        let terminal = try CursesTerminal.headless(size: Size(width: 20, height: 5), theme: .standard)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try terminal.events(timeoutMilliseconds: 60).isEmpty)
        #expect(start.duration(to: clock.now) >= .milliseconds(50))
    }

    @Test func endOfInputThrowsWithoutWaiting() throws {
        let terminal = try CursesTerminal.headless(size: Size(width: 20, height: 5), theme: .standard)
        terminal.feedInput("x")
        terminal.closeInput()
        #expect(try terminal.events(timeoutMilliseconds: 1000) == [.key(.char("x"))])
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: TerminalInputClosed.self) { try terminal.events(timeoutMilliseconds: 5000) }
        #expect(throws: TerminalInputClosed.self) { try terminal.events(timeoutMilliseconds: -1) }
        #expect(start.duration(to: clock.now) < .seconds(1))
    }

    @Test func restoreIsIdempotentAndFinal() throws {
        let terminal = try CursesTerminal.headless(size: Size(width: 20, height: 5), theme: .standard)
        terminal.restore()
        terminal.restore()
        terminal.present(frame(Size(width: 20, height: 5), ["ignored"]))
        #expect(throws: TerminalInputClosed.self) { try terminal.events(timeoutMilliseconds: 0) }
    }

    // MARK: Helpers

    private func frame(_ size: Size, _ lines: [String]) -> Frame {
        var f = Frame(size: size)
        for (y, line) in lines.enumerated() { f.canvas.text(line, x: 0, y: y) }
        return f
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { i in haystack[i..<(i + needle.count)].elementsEqual(needle) }
    }
}
