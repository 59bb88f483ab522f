import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// Replays a facilitator's flow key by key and counts its **command keys**: every key except the
/// text the room dictates — characters typed into a text field, the palette or a filter, and a
/// digit given as a rating. Each command key must be findable where it is pressed: on the hint
/// bar, on the tab bar (view digits), or on the open form, prompt or picker — or be one of the
/// moving keys (j/k/h/l/g/G and the arrows) that `?` and the user guide list first.
struct CountedFlow {
    let driver: AppDriver
    private(set) var commandKeys: [String] = []
    private(set) var unseen: [String] = []

    init(_ driver: AppDriver) { self.driver = driver }

    static let movingKeys: Set<Key> = [.char("j"), .char("k"), .char("h"), .char("l"), .char("g"), .char("G"),
                                       .up, .down, .left, .right, .backspace]

    var count: Int { commandKeys.count }

    /// Presses the keys of `story` (``Key/story(_:)`` syntax).
    mutating func press(_ story: String) {
        for key in Key.story(story) {
            if !isText(key) {
                commandKeys.append(key.label)
                if !Self.movingKeys.contains(key), !isShown(key) { unseen.append(key.label) }
            }
            driver.press(key)
        }
    }

    /// Typed text: a character into the focused text field, the palette, a filter or a name.
    private func isText(_ key: Key) -> Bool {
        guard case .char(let c) = key else { return false }
        let s = driver.state
        switch s.overlay {
        case .palette, .saveAs: return true
        case .editForm(let form): return Self.typed(c, into: form.focused)
        case .form(let form): return Self.typed(c, into: form.focused)
        case .ballot(let draft): return draft.editingVoter
        case .rate: return c.isNumber
        default:
            return s.teams.filterInput != nil && s.view == .teams || s.resistance.filterInput != nil && s.view == .resistance
                || s.blockers.filterInput != nil && s.view == .blockers
        }
    }

    private static func typed(_ c: Character, into field: TeamForm.Field) -> Bool {
        switch field.editor {
        case .text, .count: return true
        case .rating: return c.isNumber
        case .choice: return false
        }
    }

    /// The key's label on the screen where it is pressed.
    private func isShown(_ key: Key) -> Bool {
        let screen = driver.screen
        let label = key.label
        if case .char(let c) = key, c.isNumber, driver.state.overlay == nil {
            return screen.lines.first?.contains("\(c) ") == true
        }
        let hint = screen.lines.last ?? ""
        if hint.contains(" \(label) ") || hint.contains(" \(label)/") || hint.contains("/\(label) ") { return true }
        guard driver.state.overlay != nil else { return false }
        // A form, prompt or picker: its own lines name its keys.
        return screen.lines.dropLast().contains { $0.contains(label) }
    }
}
