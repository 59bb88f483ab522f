import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// The team form: labels on the left, editors on the right, the focused field's help below, errors
/// next to the field they concern. A date field shows beside it the day its text resolves to
/// (read against `today`), or why it cannot be read.
enum FormView {
    static func draw(_ frame: inout Frame, _ form: some FieldForm, _ options: Render.Options,
                     notes: [(String, StyleRole)] = [], compact: Bool = false, today: Day? = nil) {
        var rect = Rect(x: 0, y: 1, width: frame.size.width, height: frame.size.height - 3)
        if compact {
            // A short form sits in a box of its own size, the view still visible around it.
            let width = min(96, rect.width - 4)
            let noteRows = notes.reduce(0) { $0 + TextWidth.wrap($1.0, width: width - 4).count }
            let height = min(rect.height, form.fields.count + noteRows + (noteRows > 0 ? 1 : 0) + 3 + 1 + 2)
            rect = Rect(x: (frame.size.width - width) / 2, y: 1 + max(0, (rect.height - height) / 3), width: width, height: height)
        }
        frame.canvas.fill(rect, role: .modal)
        frame.canvas.box(rect, role: .border, title: form.title, titleRole: .modalTitle)
        let inner = rect.inset(dx: 2, dy: 1)
        let helpHeight = inner.height >= 20 ? 3 : 2
        let noteLines = notes.flatMap { note in TextWidth.wrap(note.0, width: inner.width).map { ($0, note.1) } }
        let notesHeight = min(noteLines.count, max(0, inner.height - helpHeight - 1 - form.fields.count - 1))
        let listHeight = inner.height - helpHeight - 1 - (notesHeight > 0 ? notesHeight + 1 : 0)
        guard listHeight > 0 else { return }
        let labelWidth = min(22, inner.width / 3)
        let editorWidth = inner.width - labelWidth - 2
        let top = max(0, min(form.focus - listHeight / 2, form.fields.count - listHeight))
        for (i, field) in form.fields.enumerated().dropFirst(top).prefix(listHeight) {
            let y = inner.y + (i - top)
            let focused = i == form.focus
            frame.canvas.field(field.label, x: inner.x, y: y, width: labelWidth, role: focused ? .hintKey : .modal, alignRight: true)
            let ex = inner.x + labelWidth + 2
            frame.hits.append(HitRegion(Rect(x: inner.x, y: y, width: inner.width, height: 1), "field:\(i)"))
            var used = 0
            let errorText = field.error.map { " ✗ \($0)" } ?? field.warning.map { " ! \($0)" } ?? ""
            let errorWidth = min(TextWidth.of(errorText), editorWidth / 2)
            let width = editorWidth - errorWidth
            switch field.editor {
            case .text(let input), .count(let input):
                let echo = today.flatMap { field.dateEcho(today: $0) }
                    ?? field.echo.flatMap { $0.text.isEmpty || $0.source != input.text ? nil : ($0.text, $0.ok) }
                let w = field.isDate ? min(width, input.limit > 40 ? max(22, width / 2) : 22)
                    : field.teamNames != .no ? min(width, width / 2, max(20, TextWidth.of(input.text) + 2)) : min(width, 100)
                let (text, col) = input.visible(width: w, focused: focused)
                // A value all selected (typing replaces it) shows as a selection.
                frame.canvas.field(text, x: ex, y: y, width: w, role: focused ? (input.allSelected ? .selected : .inputFocused) : .input)
                if focused {
                    frame.cursor = Point(x: ex + col, y: y)
                    frame.cursorVisible = true
                }
                used = w
                if let echo, field.error == nil, width - w > 3 {
                    used += 1 + frame.canvas.text(echo.text, x: ex + w + 1, y: y, role: echo.ok ? .good : .warning, width: width - w - 1)
                }
            case .choice(let options, let index):
                let text = focused ? "◀ \(options[index]) ▶" : options[index]
                used = frame.canvas.text(text, x: ex, y: y, role: focused ? .inputFocused : .input, width: width)
                if focused { frame.cursor = Point(x: ex, y: y) }
            case .rating(let value):
                if let value {
                    frame.canvas.text(String(repeating: "●", count: value), x: ex, y: y, role: .gaugeFull)
                    frame.canvas.text(String(repeating: "○", count: 5 - value), x: ex + value, y: y, role: .gaugeEmpty)
                    used = 5 + frame.canvas.text(" \(value)/5", x: ex + 5, y: y, role: focused ? .inputFocused : .input)
                } else {
                    used = frame.canvas.text("unrated", x: ex, y: y, role: focused ? .inputFocused : .dim)
                }
                if focused { frame.cursor = Point(x: ex, y: y) }
            }
            if !errorText.isEmpty {
                frame.canvas.text(errorText, x: ex + used, y: y, role: field.error == nil ? .warning : .critical, width: errorWidth)
            }
        }
        let helpY = inner.maxY - helpHeight
        if notesHeight > 0 {
            let notesY = helpY - 1 - notesHeight
            for (i, l) in noteLines.prefix(notesHeight).enumerated() {
                frame.canvas.text(l.0, x: inner.x, y: notesY + i, role: l.1, width: inner.width)
            }
        }
        frame.canvas.hline(x: inner.x, y: helpY - 1, width: inner.width, role: .border)
        // A name that fits several teams or none: the whole echo under the fields too, where it has room.
        let echoNote = form.focused.echo.flatMap { echo -> String? in
            guard !echo.ok, !echo.text.isEmpty, form.focused.error == nil else { return nil }
            if case .text(let input) = form.focused.editor, input.text == echo.source { return echo.text + ". " }
            return nil
        }
        let note = echoNote ?? form.focused.error.map { "✗ \($0)" + (".?!".contains($0.last ?? " ") ? " " : ". ") } ?? form.focused.warning.map { "! \($0) (Enter again saves it as it is). " }
        let help = TextWidth.wrap((note ?? "") + form.focused.help, width: inner.width)
        for (i, l) in help.prefix(helpHeight).enumerated() {
            frame.canvas.text(l, x: inner.x, y: helpY + i, role: form.focused.error != nil ? .critical : note != nil ? .warning : .dim)
        }
    }
}
