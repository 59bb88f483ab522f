import Foundation
import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// The participant's screen (`pilotwave join`): who they are, the workshop's step, who is here,
/// the round on screen with their draft, what became of what they sent, and the keys.
///
/// Work per frame is proportional to what is on screen: candidates are drawn from the visible page
/// only; the ranking and the tally were worked out when the plan was read.
public enum JoinView {
    public static func frame(_ state: JoinState, unicode: Bool = true) -> Frame {
        var frame = Frame(size: state.size)
        frame.canvas.ellipsis = unicode ? "…" : "~"
        let w = state.size.width, h = state.size.height
        guard w > 0, h > 0 else { return frame }
        var y = 0
        // The participant's name stays whole; the plan's name gives way in a narrow terminal.
        let you = "You are \(state.name)"
        let room = w - TextWidth.of(you) - 3
        frame.canvas.fill(Rect(x: 0, y: y, width: w, height: 1), role: .title)
        if room >= 4 {
            let used = frame.canvas.text(state.plan.name, x: 0, y: y, role: .title, width: room)
            frame.canvas.text(" · " + you, x: used, y: y, role: .title)
        } else {
            frame.canvas.text(you, x: 0, y: y, role: .title)
        }
        y += 1
        if let ws = state.plan.workshops.first(where: { $0.status == .running }), !ws.steps.isEmpty, y < h - 2 {
            let i = min(max(0, ws.current), ws.steps.count - 1)
            let step = ws.steps[i]
            frame.canvas.text("\(ws.title) · step \(i + 1) of \(ws.steps.count): \(step.title)", x: 0, y: y, role: .header)
            y += 1
            if !step.question.isEmpty {
                for line in TextWidth.wrap(step.question, width: max(1, w - 2)).prefix(2) where y < h - 2 {
                    frame.canvas.text("  " + line, x: 0, y: y, role: .normal)
                    y += 1
                }
            }
        }
        if y < h - 2 {
            let here = state.present.isEmpty ? "Here: —" : "Here (\(state.present.count)): " + state.present.joined(separator: ", ")
            frame.canvas.text(here, x: 0, y: y, role: .dim)
            y += 1
        }
        if let problem = state.reloadProblem, y < h - 2 {
            frame.canvas.text("The plan file could not be read again (showing the last version): " + problem,
                              x: 0, y: y, role: .warning)
            y += 1
        }
        if y < h - 2 { frame.canvas.hline(x: 0, y: y, width: w, glyph: unicode ? "─" : "-"); y += 1 }
        let bottom = h - 2
        if let round = state.current {
            drawRound(&frame, state, round, top: y, bottom: bottom, unicode: unicode)
        } else if y < bottom {
            frame.canvas.text("Waiting for the facilitator to open a round", x: 2, y: min(bottom - 1, y + 1), role: .accent)
        }
        // The message line: what the last key did, or the status of the answer.
        if h >= 2 {
            let (text, role) = messageLine(state)
            frame.canvas.field(text, x: 0, y: h - 2, width: w, role: role)
        }
        drawHints(&frame, hints(state), y: h - 1, width: w)
        return frame
    }

    // MARK: Round

    static func drawRound(_ frame: inout Frame, _ state: JoinState, _ round: Participation.OpenRound,
                          top: Int, bottom: Int, unicode: Bool) {
        var y = top
        guard y < bottom else { return }
        let position = state.rounds.count > 1
            ? " (\((state.rounds.firstIndex { $0.key == round.key } ?? 0) + 1) of \(state.rounds.count) · Tab switches)" : ""
        let closed = state.isOpen(round) ? "" : " · closed"
        let kind: String
        switch round {
        case .vote: kind = "Dot vote"
        case .round(let r): kind = r.kind == .readiness ? "Readiness round" : "Concerns round"
        }
        frame.canvas.text("\(kind): \(round.title)\(closed)\(position)", x: 0, y: y, role: .title)
        y += 1
        switch round {
        case .vote(let v): drawVote(&frame, state, v, top: y, bottom: bottom, unicode: unicode)
        case .round(let r) where r.kind == .readiness: drawReadiness(&frame, state, r, top: y, bottom: bottom, unicode: unicode)
        case .round(let r): drawConcerns(&frame, state, r, top: y, bottom: bottom, unicode: unicode)
        }
    }

    static func drawVote(_ frame: inout Frame, _ state: JoinState, _ round: VoteRound, top: Int, bottom: Int, unicode: Bool) {
        var y = top
        let w = state.size.width
        let draft = state.votes[round.id.raw] ?? JoinState.VoteDraft()
        let left = round.budget - draft.given
        if y < bottom {
            var line = "\(left) of \(round.budget) dots left"
            if let cap = round.capPerTeam { line += " · at most \(cap) per team" }
            line += round.attributed ? " · your name is kept with your ballot" : " · ballots are counted without names"
            frame.canvas.text(line, x: 0, y: y, role: left == 0 ? .good : .normal)
            y += 1
        }
        if round.revealed, y < bottom {
            let total = state.tally.values.reduce(0, +)
            frame.canvas.text("Revealed: the room's votes are shown (\(total) in all, \(Words.count(round.ballotCount, "ballot")))",
                              x: 0, y: y, role: .accent)
            y += 1
        }
        let rows = bottom - y
        guard rows > 0, !state.candidates.isEmpty else {
            if state.candidates.isEmpty, y < bottom { frame.canvas.text("No teams in scope to vote for", x: 2, y: y, role: .dim) }
            return
        }
        let focus = min(draft.focus, state.candidates.count - 1)
        let first = (focus / rows) * rows
        let dot: Character = unicode ? "●" : "*"
        let scoreWidth = 9
        let roomWidth = round.revealed ? 9 : 0
        let dotsWidth = max(4, min(round.budget, round.capPerTeam ?? round.budget) + 3)
        let nameWidth = max(1, w - 2 - dotsWidth - scoreWidth - roomWidth - 2)
        for (offset, c) in state.candidates[first..<min(state.candidates.count, first + rows)].enumerated() {
            let i = first + offset
            let row = y + offset
            let selected = i == focus
            let mine = draft.dots[c.team] ?? 0
            let role: StyleRole = selected ? .selected : .normal
            frame.canvas.fill(Rect(x: 0, y: row, width: w, height: 1), role: role)
            frame.canvas.text(selected ? (unicode ? "▶ " : "> ") : "  ", x: 0, y: row, role: role)
            var x = 2
            frame.canvas.field(c.name, x: x, y: row, width: nameWidth, role: role)
            x += nameWidth + 1
            let dots = mine == 0 ? "·" : String(repeating: dot, count: min(mine, dotsWidth - 3)) + " \(mine)"
            frame.canvas.field(dots, x: x, y: row, width: dotsWidth, role: selected ? .selected : (mine > 0 ? .accent : .dim))
            x += dotsWidth + 1
            frame.canvas.field(c.score.map { "score \($0)" } ?? "unrated", x: x, y: row, width: scoreWidth, role: selected ? .selected : .dim,
                               alignRight: true)
            x += scoreWidth
            if round.revealed {
                frame.canvas.field("room \(state.tally[c.team] ?? 0)", x: x, y: row, width: roomWidth, role: role, alignRight: true)
            }
        }
    }

    static func drawReadiness(_ frame: inout Frame, _ state: JoinState, _ round: ParticipantRound, top: Int, bottom: Int,
                              unicode: Bool) {
        var y = top
        let w = state.size.width
        let draft = state.ratings[round.id.raw] ?? JoinState.RatingDraft()
        if y < bottom {
            let about = round.team.flatMap { state.plan.team($0)?.name }.map { "About \($0)" } ?? "About the organisation"
            let rated = round.dimensions.filter { draft.ratings[$0] != nil }.count
            frame.canvas.text("\(about) · \(rated) of \(round.dimensions.count) rated · 1 not at all … 5 fully", x: 0, y: y, role: .normal)
            y += 1
        }
        let distributions = round.revealed ? Participation.distributions(round) : []
        // Three lines a dimension (name and rating; the anchor; the evidence) when they fit,
        // else two (the evidence shows only while it is typed).
        let threeFit = (bottom - y) >= 3 * min(round.dimensions.count, 3)
        let perDimension = threeFit ? 3 : 2
        let rows = max(1, (bottom - y) / perDimension)
        let focus = min(draft.focus, max(0, round.dimensions.count - 1))
        let first = (focus / rows) * rows
        for (offset, key) in round.dimensions.enumerated().dropFirst(first).prefix(rows) {
            guard y < bottom else { break }
            let selected = offset == focus
            let role: StyleRole = selected ? .selected : .normal
            let dimension = state.plan.dimension(key)
            let rating = draft.ratings[key]
            let box = (1...5).map { (n: Int) -> String in rating == n ? "[\(n)]" : " \(n) " }.joined()
            frame.canvas.fill(Rect(x: 0, y: y, width: w, height: 1), role: role)
            frame.canvas.text(selected ? (unicode ? "▶ " : "> ") : "  ", x: 0, y: y, role: role)
            let boxWidth = TextWidth.of(box)
            let nameWidth = max(1, w - 4 - boxWidth)
            frame.canvas.field(dimension?.name ?? key, x: 2, y: y, width: nameWidth, role: role)
            frame.canvas.text(box, x: 2 + nameWidth + 1, y: y, role: role)
            y += 1
            let typing: TextInput? = if case .evidence(let r, let d, let input) = state.editing, r == round.id.raw, d == key {
                input
            } else {
                nil
            }
            var lines: [(String, StyleRole)] = []
            var detail: String
            if let rating, let anchors = dimension?.anchors, rating - 1 < anchors.count {
                detail = "\(rating): " + anchors[rating - 1]
            } else {
                detail = rating == nil ? "not rated yet" : "\(rating!)"
            }
            if let d = distributions.first(where: { $0.dimension == key }) { detail = "room: \(d.summary) · " + detail }
            let evidence: (String, StyleRole)? = if let typing {
                ("    evidence: " + typing.text + (unicode ? "▏" : "_"), .inputFocused)
            } else if let text = draft.evidence[key] {
                ("    evidence: " + text, .normal)
            } else if selected && state.isOpen(.round(round)) {
                ("    (e adds a line of evidence)", .dim)
            } else {
                nil
            }
            if perDimension == 3 || typing == nil { lines.append(("    " + detail, rating == nil ? .dim : .normal)) }
            if let evidence, perDimension == 3 || typing != nil { lines.append(evidence) }
            for (text, lineRole) in lines.prefix(perDimension - 1) where y < bottom {
                frame.canvas.field(text, x: 0, y: y, width: w, role: lineRole)
                y += 1
            }
            y += max(0, perDimension - 1 - lines.count)
        }
    }

    static func drawConcerns(_ frame: inout Frame, _ state: JoinState, _ round: ParticipantRound, top: Int, bottom: Int,
                             unicode: Bool) {
        var y = top
        let draft = state.concerns[round.id.raw] ?? JoinState.ConcernDraft()
        if y < bottom {
            let about = round.team.flatMap { state.plan.team($0)?.name }.map { "About \($0)" } ?? "About the organisation"
            frame.canvas.text("\(about) · what kind of resistance is it?", x: 0, y: y, role: .normal)
            y += 1
        }
        for (i, kind) in JoinState.concernKinds.enumerated() where y < bottom - 3 {
            let chosen = kind == draft.kind
            let mark = chosen ? (unicode ? "▶ (•) " : "> (*) ") : "  ( ) "
            frame.canvas.field(mark + "\(i + 1) " + kind.label, x: 0, y: y, width: state.size.width, role: chosen ? .selected : .normal)
            y += 1
        }
        if y < bottom {
            var text = "Words: "
            if case .words(let r, let input) = state.editing, r == round.id.raw {
                text += input.text + (unicode ? "▏" : "_")
                frame.canvas.field(text, x: 0, y: y, width: state.size.width, role: .inputFocused)
            } else {
                text += draft.words.isEmpty ? "(none yet — e to type)" : draft.words
                frame.canvas.field(text, x: 0, y: y, width: state.size.width, role: draft.words.isEmpty ? .dim : .input)
            }
            y += 1
        }
        if y < bottom {
            let who = draft.anonymous
                ? "Sent anonymously: your name is not stored anywhere (a to put it back)"
                : "Sent with your name, \(state.name) (a to send anonymously)"
            frame.canvas.text(who, x: 0, y: y, role: draft.anonymous ? .accent : .normal)
            y += 1
        }
        if y < bottom, let summary = state.concernsSummary(round) {
            frame.canvas.text(summary, x: 0, y: y, role: .normal)
        }
    }

    // MARK: Status and keys

    static func messageLine(_ state: JoinState) -> (String, StyleRole) {
        if let m = state.message {
            return (m.text, m.kind == .error ? .critical : m.kind == .done ? .good : .accent)
        }
        guard let round = state.current else { return ("", .normal) }
        if case .round(let r) = round, r.kind == .concerns {
            return (state.concernsSummary(r) ?? "No concern sent yet", .dim)
        }
        let status = state.status(round)
        var text = "Your answer: " + status.text
        if status == .waiting, case .vote(let v) = round, !v.attributed {
            text += " (counted when the round is revealed; you can change it until then)"
        } else if status != .notSent, state.isOpen(round) {
            text += " · Enter sends again to change it"
        }
        let role: StyleRole = switch status {
        case .notSent: .dim
        case .waiting: .accent
        case .counted: .good
        case .notCounted: .warning
        }
        return (text, role)
    }

    public static func hints(_ state: JoinState) -> [(String, String)] {
        if case .some(let editing) = state.editing {
            switch editing {
            case .evidence: return [("Enter", "keep evidence"), ("Esc", "cancel")]
            case .words: return [("Enter", "keep words"), ("Esc", "cancel")]
            }
        }
        var keys: [(String, String)] = []
        if let round = state.current, state.isOpen(round) {
            switch round {
            case .vote:
                keys += [("j/k", "move"), ("+/-", "dot"), ("Enter", "send")]
            case .round(let r) where r.kind == .readiness:
                keys += [("j/k", "move"), ("1-5", "rate"), ("e", "evidence"), ("Enter", "send")]
            case .round:
                keys += [("j/k", "kind"), ("e", "words"), ("a", "anonymous"), ("Enter", "send")]
            }
        }
        if state.rounds.count > 1 { keys.append(("Tab", "next round")) }
        keys.append(("q", "leave"))
        return keys
    }

    static func drawHints(_ frame: inout Frame, _ keys: [(String, String)], y: Int, width: Int) {
        guard y >= 0 else { return }
        frame.canvas.fill(Rect(x: 0, y: y, width: width, height: 1), role: .hint)
        // The last hint (q leave) is always shown: the others give way from the end.
        func need(_ k: (String, String)) -> Int { TextWidth.of(k.0) + 1 + TextWidth.of(k.1) + 2 }
        var keys = keys
        while keys.count > 1, keys.map(need).reduce(0, +) - 2 > width { keys.remove(at: keys.count - 2) }
        var x = 0
        for (key, label) in keys {
            guard x < width else { break }
            x += frame.canvas.text(key, x: x, y: y, role: .hintKey)
            x += frame.canvas.text(" " + label + "  ", x: x, y: y, role: .hint)
        }
    }
}
