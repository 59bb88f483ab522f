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
}
