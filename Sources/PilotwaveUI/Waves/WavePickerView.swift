import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// "Put in a wave": a box over the view listing the waves (a row each), "New wave…" and "Not yet planned".
enum WavePickerView {
    static func draw(_ frame: inout Frame, _ state: AppState, _ picker: WavePicker, _ options: Render.Options) {
        let main = Layout.main(state.size)
        let width = min(main.width - 4, 110)
        var notes: [(String, StyleRole)] = []
        for refusal in picker.refused { notes += TextWidth.wrap("! not put: " + refusal, width: width - 4).map { ($0, .warning) } }
        if let error = picker.error { notes += TextWidth.wrap("✗ " + error, width: width - 4).map { ($0, .critical) } }
        let help = "j/k move · Enter puts · 0–9 the wave of that number · n new wave · Esc " + (picker.offer ? "not now" : "closes")
        let listHeight = min(picker.rows.count, max(1, main.height - 6 - notes.count))
        let height = listHeight + notes.count + 4
        let rect = main.centred(Size(width: width, height: min(main.height, height)))
        frame.canvas.fill(rect, role: .modal)
        frame.canvas.box(rect, role: .border, title: picker.title, titleRole: .modalTitle)
        let inner = rect.inset(dx: 2, dy: 1)
        let top = max(0, picker.selected - listHeight + 1)
        let titleWidth = min(28, max(12, (picker.rows.map { TextWidth.of($0.title) }.max() ?? 12)))
        for (i, row) in picker.rows.enumerated().dropFirst(top).prefix(listHeight) {
            let y = inner.y + i - top
            let selected = i == picker.selected
            let base: StyleRole = selected ? .selected : .modal
            if selected { frame.canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: base) }
            var x = inner.x
            frame.canvas.text(selected ? (options.unicode ? "▶" : ">") : " ", x: x, y: y, role: base)
            x += 2
            frame.canvas.field(row.key, x: x, y: y, width: 1, role: selected ? base : .hintKey)
            x += 3
            frame.canvas.field(row.title, x: x, y: y, width: titleWidth, role: base)
            x += titleWidth + 2
            let now = row.now.isEmpty ? "" : " " + row.now
            let nowWidth = TextWidth.of(now)
            frame.canvas.text(row.detail, x: x, y: y, role: selected ? base : (row.warning ? .warning : .dim),
                              width: max(0, inner.maxX - x - nowWidth))
            if !now.isEmpty { frame.canvas.text(now, x: inner.maxX - nowWidth, y: y, role: selected ? base : .accent) }
        }
        var y = inner.y + listHeight
        for (text, role) in notes where y < rect.maxY - 2 {
            frame.canvas.text(text, x: inner.x, y: y, role: role, width: inner.width)
            y += 1
        }
        frame.canvas.text(help, x: inner.x, y: rect.maxY - 2, role: .dim, width: inner.width)
    }
}
