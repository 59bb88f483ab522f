import Foundation
import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// The Room (`@`): who joined with `pilotwave join`, each open round with who has answered (never
/// what, before the reveal), a revealed readiness round's spread per dimension, refusals.
enum RoomView {
    static func draw(_ frame: inout Frame, _ state: AppState, _ room: RoomOverlay, _ options: Render.Options) {
        let main = Layout.main(state.size)
        let width = min(main.width - 2, 110)
        let inner = width - 4
        var lines: [(String, StyleRole, Bool)] = []   // text, role, selected
        lines += TextWidth.wrap(hereLine(state), width: inner).map { ($0, .normal, false) }
        if state.room.joined.count > state.room.present.count {
            let gone = state.room.joined.filter { name in !state.room.present.contains { Participation.sameName($0, name) } }
            lines += TextWidth.wrap("Joined earlier: " + gone.joined(separator: ", "), width: inner).map { ($0, .dim, false) }
        }
        lines.append(("", .normal, false))
        let roomLines = Reducer.roomLines(state.plan)
        if roomLines.isEmpty {
            lines.append(("No round is open. o opens one in Readiness, Resistance or Workshop; v a dot vote in Pilots.", .dim, false))
        }
        for (i, line) in roomLines.enumerated() {
            let selected = i == room.selected
            switch line {
            case .round(let open):
                lines.append((roundTitle(open, state.plan), .title, selected))
                for text in roundDetail(open, state) {
                    lines += TextWidth.wrap("  " + text, width: inner).map { ($0, .dim, false) }
                }
            case .dimension(_, let d):
                let name = state.plan.dimension(d.dimension)?.name ?? d.dimension
                var text = "  " + TextWidth.truncate(name, to: 28).padding(toLength: 30, withPad: " ", startingAt: 0)
                    + d.summary + "  " + bars(d.counts)
                if d.disagrees { text += "  ! disagreement: \(d.spread) apart" }
                lines.append((text, d.disagrees ? .warning : .normal, selected))
            }
        }
        if !state.room.refused.isEmpty {
            lines.append(("", .normal, false))
            lines.append(("Refused", StyleRole.title, false))
            for r in state.room.refused.suffix(5) {
                lines += TextWidth.wrap("  \(r.who): \(r.reason)", width: inner).map { ($0, .warning, false) }
            }
        }
        let help = "j/k move · V reveal/hide · C close · Enter record the agreed rating · u undo · Esc close"
        let height = min(main.height, lines.count + 4)
        let rect = main.centred(Size(width: width, height: height))
        let selectedLine = lines.firstIndex { $0.2 } ?? 0
        let top = max(0, selectedLine - LineBox.visible(rect) + 2)
        LineBox.draw(&frame, rect, title: "Room — participants with pilotwave join", lines: lines, top: top, help: help, options)
    }

    static func hereLine(_ state: AppState) -> String {
        let here = state.room.present
        if here.isEmpty {
            return state.room.watching
                ? "No one has joined yet. Participants run: pilotwave join \(state.file ?? "FILE") --as NAME"
                : "Participants join a plan file that is open for writing."
        }
        return "Here (\(here.count)): " + here.joined(separator: ", ")
    }

    static func roundTitle(_ open: Participation.OpenRound, _ plan: Plan) -> String {
        switch open {
        case .vote(let r):
            return "Dot vote \"\(r.title)\" · \(r.budget) dots each" + (r.capPerTeam.map { ", ≤ \($0) per team" } ?? "")
                + (r.attributed ? " · names kept" : " · unattributed") + (r.revealed ? " · revealed" : " · hidden")
        case .round(let r):
            return "\(r.kind == .readiness ? "Readiness round" : "Concerns round") \"\(r.title)\""
                + (r.kind == .readiness ? " · \(Words.count(r.dimensions.count, "dimension"))" + (r.revealed ? " · revealed" : " · hidden") : "")
                + (r.closed ? " · closed" : "")
        }
    }

    /// Who has answered (names only), who has not yet.
    static func roundDetail(_ open: Participation.OpenRound, _ state: AppState) -> [String] {
        var answered: [String]
        var extra: [String] = []
        switch open {
        case .vote(let r):
            if r.attributed {
                answered = r.ballots.map(\.voter)
            } else {
                answered = state.room.waitingVoters(r.id)
                if r.ballotCount > 0 { extra.append("\(Words.count(r.ballotCount, "ballot")) counted") }
                if !answered.isEmpty { extra.append("ballots from participants are counted at the reveal (V) or the close") }
            }
        case .round(let r):
            answered = r.respondents
            if r.kind == .concerns {
                let anonymous = r.concerns - r.named.count
                extra.append("\(Words.count(r.concerns, "concern")) received" + (anonymous > 0 ? " (anonymous ones counted only)" : "") + " — they are in the Resistance log")
            }
        }
        var out = ["Answered (\(answered.count)): " + (answered.isEmpty ? "no one yet" : answered.joined(separator: ", "))]
        let notYet = state.room.present.filter { p in !answered.contains { Participation.sameName($0, p) } }
        if !notYet.isEmpty, open.kind != .concern { out.append("Not yet: " + notYet.joined(separator: ", ")) }
        return out + extra
    }

    /// "▁▃█▃▁"-style counts per level 1…5, in digits for mono screens: "1:0 2:1 3:3 4:1 5:0".
    static func bars(_ counts: [Int]) -> String {
        counts.enumerated().map { "\($0.offset + 1):\($0.element)" }.joined(separator: " ")
    }

    /// The status line's room summary: "room 5 · 3/5 answered · @".
    static func summary(_ state: AppState) -> String? {
        guard state.room.watching, !state.room.present.isEmpty || !Participation.roomRounds(state.plan).isEmpty else { return nil }
        var text = "room \(state.room.present.count)"
        if let open = Participation.roomRounds(state.plan).first {
            let answered: Int
            switch open {
            case .vote(let r): answered = r.attributed ? r.ballots.count : state.room.waitingVoters(r.id).count
            case .round(let r): answered = r.kind == .readiness ? r.responses.count : r.concerns
            }
            text += " · \(answered) " + (open.kind == .concern ? "concerns" : "answered")
        }
        return text + " · @ "
    }
}
