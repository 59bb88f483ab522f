import Foundation
import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// Presenter mode: the whole screen for the current step — its title, the room's question and the
/// time left in large digits — readable on a projector or a shared tmux session. One focus at a
/// time; the capture keys stay live and their forms open over it.
enum PresenterView {
    static func draw(_ frame: inout Frame, _ state: AppState) {
        let size = state.size
        let rect = Rect(x: 0, y: 0, width: size.width, height: max(1, size.height - 1))
        frame.canvas.fill(rect, role: .normal)
        guard let w = Reducer.selectedWorkshop(state), !w.steps.isEmpty else {
            centered(&frame, "No workshop to present — P returns", y: rect.height / 2, width: rect.width, role: .title)
            return
        }
        let running = state.workshop.session?.workshop == w.id
        let step = running ? w.current : min(state.workshop.step, w.steps.count - 1)
        let s = w.steps[step]
        var y = 1
        centered(&frame, "\(w.title) · step \(step + 1) of \(w.steps.count)", y: y, width: rect.width, role: .dim)
        y += 2
        centered(&frame, spaced(s.title.uppercased(), fits: rect.width - 4), y: y, width: rect.width, role: .title)
        y += 2
        for line in TextWidth.wrap(s.question, width: min(rect.width - 8, 70)).prefix(4) {
            centered(&frame, line, y: y, width: rect.width, role: .normal)
            y += 1
        }
        y += 1
        if let clock = Reducer.stepClock(state, w, step: step, now: state.clock) {
            let role: StyleRole = !running ? .dim : clock.remaining < 0 ? .critical : clock.remaining <= 120 ? .warning : .good
            let digits = BigDigits.render(clock.text)
            if y + digits.count + 4 < rect.height, TextWidth.of(digits[0]) <= rect.width {
                for row in digits {
                    centered(&frame, row, y: y, width: rect.width, role: role)
                    y += 1
                }
            } else {
                centered(&frame, clock.text, y: y, width: rect.width, role: role)
                y += 1
            }
            y += 1
            let label = !running ? (w.status == .done ? "finished" : "not started — Enter starts it")
                : state.workshop.session?.runningSince == nil ? "paused — Space resumes"
                : clock.remaining < 0 ? "over time — + adds 5 minutes, n moves on" : "left"
            centered(&frame, label, y: y, width: rect.width, role: role == .good ? .dim : role)
            y += 2
            let barWidth = min(rect.width - 8, 60)
            let filled = min(barWidth, clock.elapsed * barWidth / max(1, clock.box))
            centered(&frame, String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled), y: y, width: rect.width, role: role)
            y += 2
        }
        if step + 1 < w.steps.count, y < rect.height - 2 {
            centered(&frame, "Next: \(w.steps[step + 1].title)", y: y, width: rect.width, role: .dim)
            y += 2
        }
        // The room, for the room: who is here, who has answered, and what only after the reveal.
        let room = roomLines(state, width: min(rect.width - 4, 90))
        var roomY = max(y, size.height - 2 - room.count)
        for (text, role) in room where roomY < size.height - 1 {
            centered(&frame, text, y: roomY, width: rect.width, role: role)
            roomY += 1
        }
        let keys = "d decision · a action · p park · o round · ! resistance · n next · Space pause · + 5 min · P leave"
        centered(&frame, keys, y: size.height - 1, width: rect.width, role: .dim)
    }

    /// The participants' part of the projected screen.
    static func roomLines(_ state: AppState, width: Int) -> [(String, StyleRole)] {
        guard state.room.watching else { return [] }
        var lines: [(String, StyleRole)] = []
        let here = state.room.present
        if !here.isEmpty { lines.append((TextWidth.truncate("Here (\(here.count)): " + here.joined(separator: ", "), to: width), .dim)) }
        guard let open = Participation.roomRounds(state.plan).first else { return lines }
        let answered = RoomView.roundDetail(open, state).first ?? ""
        lines.append((TextWidth.truncate(RoomView.roundTitle(open, state.plan), to: width), .accent))
        lines.append((TextWidth.truncate(answered, to: width), .normal))
        switch open {
        case .vote(let r) where r.revealed:
            let tally = Voting.tallyLines(r).prefix(6).map { line in
                "\(state.plan.team(line.team)?.name ?? line.team.raw) \(line.votes)"
            }
            lines.append((TextWidth.truncate("Tally: " + tally.joined(separator: " · "), to: width), .title))
        case .round(let r) where r.kind == .readiness && r.revealed:
            for d in Participation.distributions(r) {
                let name = state.plan.dimension(d.dimension)?.name ?? d.dimension
                lines.append((TextWidth.truncate("\(name): \(d.summary)" + (d.disagrees ? " — disagreement" : ""), to: width),
                              d.disagrees ? .warning : .normal))
            }
        default:
            break
        }
        return lines
    }

    static func centered(_ frame: inout Frame, _ text: String, y: Int, width: Int, role: StyleRole) {
        guard y >= 0 else { return }
        let w = min(width, TextWidth.of(text))
        frame.canvas.text(text, x: max(0, (width - w) / 2), y: y, role: role, width: width)
    }

    /// "S T E P" when it fits, for a heading that reads from the back of the room.
    static func spaced(_ text: String, fits width: Int) -> String {
        let spaced = text.map(String.init).joined(separator: " ")
        return TextWidth.of(spaced) <= width ? spaced : text
    }
}

/// Digits five rows high, for the timer in presenter mode.
enum BigDigits {
    static let glyphs: [Character: [String]] = [
        "0": ["███", "█ █", "█ █", "█ █", "███"],
        "1": [" ██", "  █", "  █", "  █", "  █"],
        "2": ["███", "  █", "███", "█  ", "███"],
        "3": ["███", "  █", "███", "  █", "███"],
        "4": ["█ █", "█ █", "███", "  █", "  █"],
        "5": ["███", "█  ", "███", "  █", "███"],
        "6": ["███", "█  ", "███", "█ █", "███"],
        "7": ["███", "  █", "  █", "  █", "  █"],
        "8": ["███", "█ █", "███", "█ █", "███"],
        "9": ["███", "█ █", "███", "  █", "███"],
        ":": [" ", "█", " ", "█", " "],
        "+": ["   ", " █ ", "███", " █ ", "   "],
    ]

    /// `text` in five rows, a space between glyphs; characters without a glyph are left out.
    static func render(_ text: String) -> [String] {
        var rows = [String](repeating: "", count: 5)
        for ch in text {
            guard let g = glyphs[ch] else { continue }
            for r in 0..<5 { rows[r] += (rows[r].isEmpty ? "" : " ") + g[r] }
        }
        return rows
    }
}
