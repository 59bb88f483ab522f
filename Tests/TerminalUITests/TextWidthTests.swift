import Testing
@testable import TerminalUI

@Suite("Display width")
struct TextWidthTests {
    @Test func asciiAccentedCJKAndEmoji() {
        #expect(TextWidth.of("Checkout") == 8)
        #expect(TextWidth.of("Équipe Crème") == 12)
        #expect(TextWidth.of("e\u{301}") == 1, "e + combining acute is one cell")
        #expect(TextWidth.of("顧客ポータル") == 12)
        #expect(TextWidth.of("🚀 Launchpad") == 12)
        #expect(TextWidth.of("❤️") == 2, "VS16 asks for emoji presentation")
        #expect(TextWidth.of("👩‍👩‍👧") == 2, "a ZWJ family is one wide glyph")
        #expect(TextWidth.of("🇩🇪") == 2)
        #expect(TextWidth.of("한국어") == 6)
    }

    @Test func truncateNeverSplitsAWideGlyph() {
        #expect(TextWidth.truncate("顧客ポータル", to: 5) == "顧客…")
        #expect(TextWidth.of(TextWidth.truncate("顧客ポータル", to: 6)) <= 6)
        #expect(TextWidth.truncate("Payments", to: 8) == "Payments")
        #expect(TextWidth.truncate("Payments", to: 5) == "Paym…")
        #expect(TextWidth.truncate("Payments", to: 5, ellipsis: "~") == "Paym~")
        #expect(TextWidth.truncate("Payments", to: 0) == "")
    }

    @Test func fitPadsToExactWidth() {
        #expect(TextWidth.fit("顧客", to: 6) == "顧客  ")
        #expect(TextWidth.fit("7", to: 3, alignRight: true) == "  7")
        #expect(TextWidth.of(TextWidth.fit("顧客ポータル", to: 7)) == 7)
    }

    /// The fast path (one cell per scalar) must agree with grapheme breaking for every scalar it
    /// accepts: each is one cell wide, is its own grapheme and joins neither neighbour.
    @Test func everySimpleScalarIsOneCellAndItsOwnGrapheme() {
        var accepted = 0
        for v in UInt32(0)..<0x3000 {
            guard TextWidth.isSimple(v), let scalar = Unicode.Scalar(v) else { continue }
            accepted += 1
            let alone = Character(scalar)
            #expect(TextWidth.of(alone) == 1, "U+\(String(v, radix: 16)) is not one cell")
            let between = "a\(alone)b"
            #expect(between.count == 3, "U+\(String(v, radix: 16)) joins a neighbour")
            #expect(TextWidth.of(between) == 3)
        }
        #expect(accepted > 1_500, "the fast path covers Latin, Greek, Cyrillic and the UI symbols")
        for glyph in ["·", "–", "…", "▶", "✓", "✗", "█", "é", "ß", "Ж", "→", "↓"] {
            #expect(TextWidth.isSimple(glyph.unicodeScalars.first!.value), "\(glyph)")
        }
        for glyph in ["\u{301}", "\u{200D}", "\u{FE0F}", "✅", "⌚", "顧", "\u{93E}", "\u{AD}", "\t"] {
            #expect(!TextWidth.isSimple(glyph.unicodeScalars.first!.value), "\(glyph.debugDescription)")
        }
    }

    @Test func simpleTextDrawsLikeTheGraphemePath() {
        // "e" + combining acute is not simple, so that string takes the grapheme path; the rest
        // take the fast path; both must give what a reader sees.
        var c = Canvas(size: Size(width: 12, height: 3))
        c.text("▶ Café ✓ ·", x: 0, y: 0)
        c.text("Cafe\u{301} ✓ ·", x: 0, y: 1)
        c.text("→ ÉquipeCrème", x: 0, y: 2, width: 8)
        let lines = GridSnapshot(c).lines
        #expect(lines[0] == "▶ Café ✓ ·  ")
        #expect(lines[1] == "Café ✓ ·    ")
        #expect(lines[2] == "→ Équip…    ")
    }
}
