import PilotwaveApp
import TerminalUI

/// A box of text lines over the view, one of them selected (the Room, the merge conflicts): the
/// lines from `top`, the selected one marked, a help line at the bottom.
enum LineBox {
    typealias Line = (text: String, role: StyleRole, selected: Bool)

    static func draw(_ frame: inout Frame, _ rect: Rect, title: String, lines: [Line], top: Int, help: String,
                     _ options: Render.Options) {
        frame.canvas.fill(rect, role: .modal)
        frame.canvas.box(rect, role: .border, title: title, titleRole: .modalTitle)
        let body = rect.inset(dx: 2, dy: 1)
        let visible = max(1, body.height - 1)
        for (i, line) in lines.enumerated().dropFirst(top).prefix(visible) {
            let y = body.y + i - top
            if line.selected {
                frame.canvas.fill(Rect(x: body.x, y: y, width: body.width, height: 1), role: .selected)
                frame.canvas.text((options.unicode ? "▶ " : "> ") + line.text, x: body.x, y: y, role: .selected, width: body.width)
            } else {
                frame.canvas.text("  " + line.text, x: body.x, y: y, role: line.role == .normal ? .modal : line.role, width: body.width)
            }
        }
        frame.canvas.text(help, x: body.x, y: body.maxY - 1, role: .dim, width: body.width)
    }

    /// The lines a box of `rect` shows at once.
    static func visible(_ rect: Rect) -> Int { max(1, rect.inset(dx: 2, dy: 1).height - 1) }
}
