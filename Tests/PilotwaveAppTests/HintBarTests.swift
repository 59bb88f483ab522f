import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// The bottom row carries each view's most used keys first, then the keys that work everywhere,
/// and help always — at the sizes a projector gives.
@Suite("Hint bar")
struct HintBarTests {
    static func hintLine(_ d: AppDriver) -> String { d.screen.lines.last ?? "" }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)])
    func everyViewEndsWithHelpAndStartsWithItsOwnKeys(size: Size) {
        let d = AppDriver(size: size)
        let first: [Character: String] = ["1": "Enter go to", "2": "Enter edit", "3": "p pilot", "4": "r rate",
                                          "5": "s group", "6": ">/< move", "7": "> status", "8": "w new"]
        for view in "12345678" {
            d.keys(String(view))
            let line = Self.hintLine(d)
            #expect(line.trimmingCharacters(in: .whitespaces).hasSuffix("? help"), "view \(view) at \(size): \(line)")
            #expect(line.hasPrefix(" " + first[view]!), "view \(view) at \(size): \(line)")
        }
    }

    @Test func theKeysOfTheFacilitatorsFlowsAreOnTheBarsAt100Columns() {
        let d = AppDriver(size: Size(width: 100, height: 30))
        let wanted: [(String, [String])] = [
            ("3", ["p pilot", "+/- weight", "w set weight", "r rate", "m mark"]),
            ("4", ["r rate", "! resistance", "E export"]),
            ("6", ["m mark", "N new wave"]),
            ("7", ["! resistance", "E export"]),
            ("2", ["/ filter", "! resistance", "E export"]),
        ]
        for (view, items) in wanted {
            d.keys(view)
            let line = Self.hintLine(d)
            for item in items { #expect(line.contains(item), "view \(view): \(item) missing from \(line)") }
        }
        // In the Workshop view with a workshop running, the capture keys come before the timer's.
        d.keys("8<enter>")
        let line = Self.hintLine(d)
        for item in ["d decision", "a action", "p park"] { #expect(line.contains(item), "\(item) missing from \(line)") }
    }

    @Test func aClickOnAHintRunsItsCommand() {
        let d = AppDriver(size: Size(width: 100, height: 30))
        d.keys("3")
        let region = d.frame.hits.first { $0.target == "cmd:pilots.setWeight" }
        #expect(region != nil, "w set weight is clickable")
    }
}
