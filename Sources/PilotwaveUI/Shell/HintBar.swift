import PilotwaveApp
import TerminalUI

/// The bottom row: the main keys of the current context, from the command registry.
enum HintBar {
    static func draw(_ frame: inout Frame, _ state: AppState, _ options: Render.Options) {
        let rect = Layout.hints(state.size)
        frame.canvas.fill(rect, role: .hint)
        var items: [(keys: String, title: String, id: String?)] = []
        switch state.overlay {
        case .form:
            items = [("Tab/↑↓", "field", nil), ("←→", "choose", nil), ("1-5", "rate", nil),
                     ("Enter", "save team", nil), ("Esc", "cancel", nil)]
        case .editForm:
            items = [("Tab/↑↓", "field", nil), ("←→", "choose", nil), ("Enter", "save", nil), ("Esc", "cancel", nil)]
        case .ballot(let draft):
            items = draft.editingVoter ? [("type", "the voter's name", nil), ("Enter", "to the votes", nil), ("Esc", "discard", nil)]
                : [("j/k", "move", nil), ("+/-", "vote", nil), ("Enter", "cast", nil), ("Esc", "discard", nil)]
        case .rate:
            items = [("1-5", "rate", nil), ("j/k Enter", "choose", nil), ("0", "unrated", nil), ("Esc", "cancel", nil)]
        case .compare:
            items = [("Esc", "close", nil)]
        case .history:
            items = [("j/k", "move", nil), ("x", "strike", nil), ("u", "undo", nil), ("Esc", "close", nil)]
        case .palette:
            items = [("type", "to search", nil), ("↑↓", "select", nil), ("Enter", "run", nil), ("Esc", "close", nil)]
        case .help:
            items = [("j/k", "scroll", nil), ("Esc", "close", nil)]
        case .confirmQuit, .externalChange:
            items = []
        case .confirm:
            items = [("y", "confirm", nil), ("Esc", "cancel", nil)]
        case .saveAs:
            items = [("type", "a file name", nil), ("Enter", "save", nil), ("Esc", "cancel", nil)]
        case nil:
            if (state.view == .teams && state.teams.filterInput != nil) || (state.view == .resistance && state.resistance.filterInput != nil)
                || (state.view == .blockers && state.blockers.filterInput != nil) {
                items = [("type", "to filter", nil), ("↑↓", "move", nil), ("Enter", "keep filter", nil), ("Esc", "clear", nil)]
            } else if state.view == .waves && state.waves.mode == .board && state.waves.searchInput != nil {
                items = [("type", "part of a name", nil), ("↑↓", "next/previous found", nil), ("Enter", "keep search", nil), ("Esc", "clear", nil)]
            } else {
                let context = state.keyContext
                for command in CommandRegistry.all where command.hint && (command.context == context || command.context == .global) {
                    let keys = options.keymap.keys(command.id)
                    guard let first = keys.first, command.availability(state) != .hidden else { continue }
                    items.append((first.label, command.title.lowercased(), command.id.rawValue))
                }
            }
        }
        var x = 1
        for item in items {
            let width = TextWidth.of(item.keys) + 1 + TextWidth.of(item.title)
            if x + width > rect.width - 1 { break }
            let start = x
            x += frame.canvas.text(item.keys, x: x, y: rect.y, role: .hintKey)
            x += 1
            x += frame.canvas.text(item.title, x: x, y: rect.y, role: .hint)
            if let id = item.id { frame.hits.append(HitRegion(Rect(x: start, y: rect.y, width: x - start, height: 1), "cmd:\(id)")) }
            x += 2
        }
    }
}
