import Testing
@testable import TerminalUI

@Suite("Canvas, text input, wrapping, fuzzy match")
struct CanvasAndInputTests {
    func line(_ c: Canvas, _ y: Int = 0) -> String { GridSnapshot(c).lines[y] }

    @Test func textIsCutWithAnEllipsisAndNeverSplitsAWideGlyph() {
        var c = Canvas(size: Size(width: 10, height: 1))
        #expect(c.text("Équipe Crème", x: 0, y: 0) == 10)
        #expect(line(c) == "Équipe Cr…")
        c.clear()
        c.text("顧客ポータル", x: 0, y: 0, width: 6)
        #expect(line(c) == "顧客…     ", "a wide glyph that does not fit is dropped whole, then padded")
        c.clear()
        c.text("ab🚀cd", x: 0, y: 0)
        #expect(line(c) == "ab🚀cd    ")
        #expect(c[3, 0].isContinuation)
        // Writing over half of a wide glyph blanks both halves.
        c.text("x", x: 3, y: 0)
        #expect(line(c) == "ab xcd    ")
        #expect(!c[2, 0].isContinuation && c[2, 0].glyph == " ")
    }

    @Test func asciiFastPathMatchesTheGeneralPath() {
        var a = Canvas(size: Size(width: 12, height: 1))
        var b = Canvas(size: Size(width: 12, height: 1))
        a.text("Claims 42", x: 1, y: 0, role: .accent)
        b.text("Claims 42é".dropLast(), x: 1, y: 0, role: .accent)  // a Substring takes the same path
        #expect(a == b)
        var cut = Canvas(size: Size(width: 5, height: 1))
        cut.text("abcdefgh", x: 0, y: 0)
        #expect(line(cut) == "abcd…")
        var control = Canvas(size: Size(width: 5, height: 1))
        control.text("a\tb", x: 0, y: 0)
        #expect(line(control) == "a·b  ")
    }

    @Test func fieldPadsAndAlignsAndBoxDraws() {
        var c = Canvas(size: Size(width: 8, height: 3))
        c.field("42", x: 0, y: 0, width: 5, role: .accent, alignRight: true)
        #expect(line(c) == "   42   ")
        c.box(Rect(x: 0, y: 1, width: 8, height: 2))
        #expect(line(c, 1) == "╭──────╮")
        #expect(line(c, 2) == "╰──────╯")
    }

    @Test func textInputEditsLikeAShellPrompt() {
        var t = TextInput("hello world")
        t.handle(.ctrl("w"))
        #expect(t.text == "hello ")
        t.handle(.ctrl("a"))
        t.insert("顧客 ")
        #expect(t.text == "顧客 hello ")
        #expect(t.cursor == 3)
        t.handle(.ctrl("k"))
        #expect(t.text == "顧客 ")
        t.handle(.end)
        t.handle(.backspace)
        t.handle(.left)
        t.handle(.delete)
        #expect(t.text == "顧")
        #expect(t.cursor == 1)
        t.handle(.ctrl("u"))
        #expect(t.text == "" && t.cursor == 0)
        #expect(t.handle(.enter) == .ignored)
        t.insert("line\none\u{7}")
        #expect(t.text == "line one")
    }

    @Test func textInputScrollsToKeepTheCursorVisible() {
        var t = TextInput(String(repeating: "x", count: 30))
        let (text, col) = t.visible(width: 10)
        #expect(text == String(repeating: "x", count: 9))
        #expect(col == 9)
        t.handle(.home)
        #expect(t.visible(width: 10).cursorColumn == 0)
        #expect(TextInput("a long name here").visible(width: 8, focused: false).text == "a long …")
    }

    @Test func wrapBreaksAtSpacesAndCutsLongWords() {
        #expect(TextWidth.wrap("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(TextWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWidth.wrap("a\n\nb", width: 5) == ["a", "", "b"])
        for line in TextWidth.wrap("顧客ポータル チーム東京 と 大阪", width: 7) { #expect(TextWidth.of(line) <= 7) }
    }

    @Test func fuzzyPrefersWordStartsAndRuns() {
        #expect(Fuzzy.match("dt", "Delete team") != nil)
        #expect(Fuzzy.match("xz", "Delete team") == nil)
        #expect(Fuzzy.match("sort", "Reverse sort")!.positions == [8, 9, 10, 11], "a whole word beats scattered letters")
        #expect(Fuzzy.match("rs", "Reverse sort")!.score > Fuzzy.match("rs", "Previous match")!.score)
        #expect(Fuzzy.match("dt", "Delete team")!.positions == [0, 7])
    }

    @Test func hitRegionsLastDrawnWins() {
        var f = Frame(size: Size(width: 10, height: 2))
        f.hits.append(HitRegion(Rect(x: 0, y: 0, width: 10, height: 2), "row:1"))
        f.hits.append(HitRegion(Rect(x: 2, y: 0, width: 3, height: 1), "cmd:x"))
        #expect(f.target(x: 3, y: 0) == "cmd:x")
        #expect(f.target(x: 3, y: 1) == "row:1")
        #expect(f.target(x: 11, y: 1) == nil)
    }
}
