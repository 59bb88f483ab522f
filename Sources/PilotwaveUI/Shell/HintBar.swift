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
        case .wavePicker:
            items = [("j/k", "move", nil), ("Enter", "put", nil), ("0-9", "wave", nil), ("n", "new wave", nil), ("Esc", "close", nil)]
        case .confirm:
            items = [("y", "confirm", nil), ("Esc", "cancel", nil)]
        case .room:
            items = [("j/k", "move", nil), ("V", "reveal", nil), ("C", "close round", nil), ("Enter", "record rating", nil), ("u", "undo", nil), ("Esc", "close", nil)]
        case .conflicts:
            items = [("j/k", "move", nil), ("Enter", "take theirs", nil), ("o", "keep ours", nil), ("u", "undo", nil), ("Esc", "close", nil)]
        case .saveAs:
            items = [("type", "a file name", nil), ("Enter", "save", nil), ("Esc", "cancel", nil)]
        case nil:
            if (state.view == .teams && state.teams.filterInput != nil) || (state.view == .resistance && state.resistance.filterInput != nil)
                || (state.view == .blockers && state.blockers.filterInput != nil) {
                items = [("type", "to filter", nil), ("↑↓", "move", nil), ("Enter", "keep filter", nil), ("Esc", "clear", nil)]
            } else if state.view == .waves && state.waves.mode == .board && state.waves.searchInput != nil {
                items = [("type", "part of a name", nil), ("↑↓", "next/previous found", nil), ("Enter", "keep search", nil), ("Esc", "clear", nil)]
            } else {
                items = commandHints(state, options)
            }
        }
        // The last items always show (note resistance, help: `tail` of them, their room kept); the
        // others as many as fit, in order — the first that does not fit ends them.
        let tailCount = items.reversed().prefix { $0.id == "app.help" || $0.id == "resistance.capture" }.count
        let tail = items.suffix(tailCount)
        let reserved = tail.reduce(0) { $0 + TextWidth.of($1.keys) + 1 + TextWidth.of($1.title) + 2 }
        var x = 1
        func draw(_ item: (keys: String, title: String, id: String?)) {
            let start = x
            x += frame.canvas.text(item.keys, x: x, y: rect.y, role: .hintKey)
            x += 1
            x += frame.canvas.text(item.title, x: x, y: rect.y, role: .hint)
            if let id = item.id { frame.hits.append(HitRegion(Rect(x: start, y: rect.y, width: x - start, height: 1), "cmd:\(id)")) }
            x += 2
        }
        for item in items.dropLast(tailCount) {
            let width = TextWidth.of(item.keys) + 1 + TextWidth.of(item.title)
            if x + width + reserved > rect.width - 1 { break }
            draw(item)
        }
        for item in tail where x + TextWidth.of(item.keys) + 1 + TextWidth.of(item.title) <= rect.width - 1 { draw(item) }
    }

    /// The keys of the view first (its most used, in the registry's order; neighbours with the same
    /// word share it: `+/- weight`), then the keys that work everywhere — export, undo, the
    /// palette, quit — and last the two that always show: note resistance and help.
    static func commandHints(_ state: AppState, _ options: Render.Options) -> [(keys: String, title: String, id: String?)] {
        var items: [(keys: String, title: String, id: String?)] = []
        func add(_ command: Command) {
            let keys = options.keymap.keys(command.id)
            guard let first = keys.first, command.availability(state) != .hidden else { return }
            let title = command.hintTitle
            if let last = items.last, last.title == title, command.context != .global {
                items[items.count - 1].keys += "/" + first.label
                return
            }
            items.append((first.label, title, command.id.rawValue))
        }
        let context = state.keyContext
        for command in CommandRegistry.all where command.hint && command.context == context { add(command) }
        // While participants are here or a round is open, the Room is one key away in every view.
        if RoomView.summary(state) != nil, let room = CommandRegistry.command("room.show") { add(room) }
        let always: [CommandID] = ["resistance.capture", "app.help"]
        let globals = CommandRegistry.all.filter { $0.hint && $0.context == .global && !always.contains($0.id) }
        for id in globalOrder { if let c = globals.first(where: { $0.id == id }) { add(c) } }
        for c in globals where !globalOrder.contains(c.id) { add(c) }
        // Resistance is noted as it is heard, in any view: its key shows on every bar, with help.
        for id in always { if let c = CommandRegistry.command(id) { add(c) } }
        return items
    }

    static let globalOrder: [CommandID] = ["file.export", "app.undo", "app.palette", "app.quit"]
}
