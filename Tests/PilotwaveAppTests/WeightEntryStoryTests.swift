import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// Setting criterion weights by typing them — `w` for the focused criterion, `weights 5 3 2 0 0 0`
/// in the palette — instead of stepping each with `+`/`-` (19 presses for the story below).
@Suite("Typed weights stories")
struct WeightEntryStoryTests {
    func weights(_ d: AppDriver) -> [Int] { d.state.plan.criteria.map(\.weight) }

    /// Sends a key story and counts the command keys: every key except the letters, digits and
    /// spaces typed into an open palette or form.
    @discardableResult
    func commandKeys(_ d: AppDriver, _ story: String) -> (command: Int, total: Int) {
        var command = 0, total = 0
        for key in Key.story(story) {
            total += 1
            var typed = false
            if case .char(let c) = key, c.isLetter || c.isNumber || c == " " {
                switch d.state.overlay {
                case .palette, .editForm: typed = true
                default: break
                }
            }
            if !typed { command += 1 }
            d.press(key)
        }
        return (command, total)
    }

    @Test func threeWeightsSetAndTheOthersZeroedWithTheWPrompt() {
        let d = AppDriver()
        d.keys("3")
        #expect(weights(d) == [3, 4, 4, 4, 3, 2])
        d.keys("w")
        #expect(d.screen.contains("Weight — Familiarity"))
        #expect(d.screen.contains("now 3"), "the prompt says the weight it replaces")
        let count = commandKeys(d, "5]3]2]0]0]0<enter>")
        #expect(weights(d) == [5, 3, 2, 0, 0, 0])
        #expect(d.state.overlay == nil)
        #expect(count.command + 1 <= 7 && count.total + 1 <= 13, "w, five ], Enter and six digits — not 19 presses")
        #expect(d.state.toast?.text.hasPrefix("Size weight 2 → 0") == true)
        // Each criterion is its own undoable edit.
        d.keys("u")
        #expect(weights(d) == [5, 3, 2, 0, 0, 2])
    }

    @Test func theWPromptSetsOneWeightAndSaysWhatMovedAndRefusesOtherInputInWords() {
        let d = AppDriver()
        d.keys("3jj]")  // Broker Hub, Learning appetite
        #expect(d.state.derived.pilots.rank(row: d.state.pilots.selected) == 3)
        d.keys("w11<enter>")
        #expect(d.screen.contains("\"11\" is not a weight: type a whole number from 0 to 10 (Learning appetite is 4 now)"))
        #expect(weights(d)[1] == 4, "nothing changed")
        d.keys("<backspace><backspace>x<enter>")
        #expect(d.screen.contains("\"x\" is not a weight"))
        d.keys("<backspace>7<enter>")
        #expect(d.state.overlay == nil)
        #expect(weights(d)[1] == 7)
        #expect(d.state.toast?.text == "Learning appetite weight 4 → 7; Broker Hub #3 → #4")
        #expect(d.screen.contains("Learning appetite weight 4 → 7; Broker Hub #3 → #4"), "the room sees it")
        d.keys("u")
        #expect(weights(d)[1] == 4, "one u undoes the typed weight")
        d.keys("w<esc>")
        #expect(d.state.toast?.text == "Cancelled; nothing changed")
        #expect(weights(d) == [3, 4, 4, 4, 3, 2])
    }

    @Test func thePaletteSetsAllWeightsAsOneEdit() {
        let d = AppDriver()
        d.keys("3:")
        d.type("weights 5 3 2 0 0 0")
        #expect(d.screen.contains("Set all weights: 5 3 2 0 0 0"), "the palette shows what Enter runs")
        d.keys("<enter>")
        #expect(weights(d) == [5, 3, 2, 0, 0, 0])
        let toast = d.state.toast?.text ?? ""
        #expect(toast.hasPrefix("Familiarity weight 3 → 5, Learning appetite weight 4 → 3, Cross-functional weight 4 → 2"))
        #expect(toast.hasSuffix(" — u to undo"))
        d.keys("u")
        #expect(weights(d) == [3, 4, 4, 4, 3, 2], "one u undoes all six")
        let count = commandKeys(d, ":weights 5 3 2 0 0 0<enter>")
        #expect(weights(d) == [5, 3, 2, 0, 0, 0])
        #expect(count.command == 2, ": and Enter; the rest is typed text")
    }

    @Test func thePaletteRefusesAWrongCountOrAnOutOfRangeWeightInWords() {
        let d = AppDriver()
        d.keys("3:")
        d.type("weights 5 3")
        d.keys("<enter>")
        #expect(d.state.toast?.text == "weights takes 6 numbers, one per criterion in order (Familiarity, Learning appetite, Cross-functional, Customer access, Lifecycle stage, Size); got 2 — nothing changed")
        d.keys(":")
        d.type("weights 5 3 2 0 0 11")
        d.keys("<enter>")
        #expect(d.state.toast?.text == "\"11\" for Size is not a weight: each is a whole number from 0 to 10 — nothing changed")
        #expect(weights(d) == [3, 4, 4, 4, 3, 2])
        // Away from the Pilots view it says where it works.
        d.keys("2:")
        d.type("weights 5 3 2 0 0 0")
        d.keys("<enter>")
        #expect(d.state.toast?.text == "Set all weights works in the Pilots view")
        #expect(weights(d) == [3, 4, 4, 4, 3, 2])
        // Chosen from the list, the palette opens with the current weights to edit.
        d.keys("3:")
        d.type("set all weights")
        d.keys("<enter>")
        guard case .palette(let palette) = d.state.overlay else {
            Issue.record("the palette should open again")
            return
        }
        #expect(palette.query.text == "weights 3 4 4 4 3 2")
    }

    @Test func theWPromptTakesSeveralWeightsFromTheFocusedCriterionOn() {
        let d = AppDriver()
        d.keys("3")
        let count = commandKeys(d, "w5 3 2 0 0 0<enter>")
        #expect(weights(d) == [5, 3, 2, 0, 0, 0])
        #expect(d.state.overlay == nil)
        #expect(count.command == 2, "w and Enter; the weights are the text the room agreed")
        #expect(d.screen.contains("Familiarity weight 3 → 5, Learning appetite weight 4 → 3"))
        d.keys("u")
        #expect(weights(d) == [3, 4, 4, 4, 3, 2], "one u undoes the whole list")
        // From the third criterion on, three numbers set the third, fourth and fifth.
        d.keys("]]w1 1 1<enter>")
        #expect(weights(d) == [3, 4, 1, 1, 1, 2])
        // Too many numbers, or one that is not a weight: nothing is set and the prompt says why.
        d.keys("w1 1 1 1 1<enter>")
        #expect(d.screen.contains("5 numbers but 4 criteria from Cross-functional on"))
        #expect(weights(d) == [3, 4, 1, 1, 1, 2])
        d.keys("<esc>w1 x<enter>")
        #expect(d.screen.contains("\"x\" for Customer access is not a weight"))
        #expect(weights(d) == [3, 4, 1, 1, 1, 2])
    }
}
