import Foundation
import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// The Pilots view: the pilot-selection session on one screen. The ranking (rank, score bar,
/// score, votes, status and hard flags in words), out-of-scope teams apart with their reason;
/// beside it the weights, the robustness of the top N and the selected team's breakdown (under
/// 100 columns the weights and the robustness sit under the list).
enum PilotsView {
    static func draw(_ frame: inout Frame, _ state: AppState, _ options: Render.Options) {
        let layout = Layout.pilots(state.size, criteria: state.plan.criteria.count)
        header(&frame, state, layout.header)
        list(&frame, state, layout.list, options)
        if let side = layout.side { sidePanel(&frame, state, side, options) }
        if let below = layout.below { weights(&frame, state, below, boxed: true, options) }
        if let robust = layout.robustness { robustnessBox(&frame, state, robust) }
    }

    // MARK: Header

    static func header(_ frame: inout Frame, _ state: AppState, _ rect: Rect) {
        let d = state.derived.pilots
        let chosen = d.chosen.count
        var x = rect.x + 1
        var first = "Pilots chosen: \(chosen)"
        var warning: (String, StyleRole)?
        if let rec = state.derived.recommendation {
            first += " of \(rec.rangeText) recommended (\(rec.size.label), \(rec.sizeSource))"
            if chosen > rec.range.upperBound {
                warning = ("! \(chosen) pilots, more than the \(rec.rangeText) recommended for a \(rec.size.label) organisation: start small — a big bang swamps the coaches.", .warning)
            } else if chosen < rec.range.lowerBound {
                warning = ("Choose \(rec.range.lowerBound - chosen) more with p (\(rec.rangeText) recommended for a \(rec.size.label) organisation).", .dim)
            }
        }
        x += frame.canvas.text(first, x: x, y: rect.y, role: chosen > (state.derived.recommendation?.range.upperBound ?? .max) ? .warning : .title)
        if let round = d.round {
            let votes = round.revealed ? "tally shown" : "tally hidden (V reveals)"
            let waiting = state.room.waitingVoters(round.id).count
            let text = "  ·  \(round.title) — \(Words.count(round.ballotCount, "ballot"))"
                + (waiting > 0 ? ", \(waiting) waiting" : "")
                + "\(round.closed ? ", closed" : ""), \(votes)"
            x += frame.canvas.text(text, x: x, y: rect.y, role: .dim, width: max(0, rect.maxX - x))
        }
        if !state.pilots.marked.isEmpty {
            let text = "  ·  \(state.pilots.marked.count) marked (P puts them in a wave, p chooses them, M clears)"
            x += frame.canvas.text(text, x: x, y: rect.y, role: .accent, width: max(0, rect.maxX - x))
        }
        if warning == nil {
            let flagged = d.chosen.filter { d.flagCounts[Int($0)] > 0 }
            if let t = flagged.first {
                let team = state.plan.teams[Int(t)]
                let flag = HardFlag.flags(team, settings: state.plan.settings).first!
                warning = ("! Pilot \(team.name) has a hard flag: \(flag.label) (c compares, the detail says why)", .warning)
            }
        }
        let second = warning ?? ("+/- weight of the focused criterion · ←/→ criterion · p choose · v vote · o outcome · D record the decision", .dim)
        frame.canvas.text(second.0, x: rect.x + 1, y: rect.y + 1, role: second.1, width: rect.width - 2)
    }

    // MARK: Ranking list

    static let barWidth = 10

    static func bar(_ value: Double, width: Int, unicode: Bool) -> (full: String, empty: String) {
        guard value >= 0 else { return ("", String(repeating: unicode ? "·" : ".", count: width)) }
        let eighths = Int((value / 100 * Double(width * 8)).rounded())
        let full = eighths / 8, part = eighths % 8
        let parts = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var text = String(repeating: unicode ? "█" : "#", count: full)
        if full < width && part > 0 { text += unicode ? parts[part] : "" }
        let used = full + (full < width && part > 0 && unicode ? 1 : 0)
        return (text, String(repeating: unicode ? "░" : ".", count: max(0, width - used)))
    }

    static func list(_ frame: inout Frame, _ state: AppState, _ rect: Rect, _ options: Render.Options) {
        guard rect.height >= 2 else { return }
        let d = state.derived.pilots
        let plan = state.plan
        let robustness = d.robustness
        let topN = robustness?.n ?? 0
        let showVotes = d.round != nil
        let votesShown = d.round?.revealed ?? false
        let voteWidth = showVotes ? 6 : 0
        let fixed = 2 + 2 + 4 + barWidth + 1 + 5 + 1 + voteWidth + 10
        let nameWidth = max(8, min(24, (rect.width - fixed) / 2))
        let flagsWidth = max(0, rect.width - fixed - nameWidth - 1)
        let y0 = rect.y
        frame.canvas.fill(Rect(x: rect.x, y: y0, width: rect.width, height: 1), role: .header)
        var hx = rect.x + 4
        frame.canvas.field("  #", x: hx, y: y0, width: 4, role: .header)
        hx += 4
        frame.canvas.field("Team", x: hx, y: y0, width: nameWidth, role: .header)
        hx += nameWidth + 1
        frame.canvas.field("Score", x: hx, y: y0, width: barWidth + 6, role: .header)
        hx += barWidth + 6 + 1
        if showVotes {
            frame.canvas.field("Votes", x: hx, y: y0, width: voteWidth - 1, role: .header, alignRight: true)
            hx += voteWidth
        }
        frame.canvas.field("Status", x: hx, y: y0, width: 9, role: .header)
        hx += 10
        frame.canvas.field("Flags and notes", x: hx, y: y0, width: max(0, rect.maxX - hx), role: .header)
        if d.rowCount == 0 {
            frame.canvas.text("No teams yet: add them in the Teams view (2, then a) or import a CSV.", x: rect.x + 2, y: y0 + 2,
                              role: .dim, width: rect.width - 4)
            return
        }
        let visible = rect.height - 1
        let marked = state.pilots.marked
        let overlayOpen = state.overlay != nil
        for i in 0..<visible {
            let line = state.pilots.top + i
            guard line < d.lineCount else { break }
            let y = y0 + 1 + i
            guard let row = d.row(line: line), let index = d.teamIndex(row: row) else {
                let title = " Out of scope — kept project-shaped, with their reasons "
                frame.canvas.hline(x: rect.x, y: y, width: rect.width, role: .border, glyph: options.unicode ? "─" : "-")
                frame.canvas.text(title, x: rect.x + 2, y: y, role: .dim)
                continue
            }
            let team = plan.teams[index]
            let selected = row == state.pilots.selected
            let base: StyleRole = selected ? (overlayOpen ? .selectedMuted : .selected) : .normal
            if selected { frame.canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: base) }
            func role(_ r: StyleRole) -> StyleRole { selected ? base : r }
            var x = rect.x
            frame.canvas.text(selected ? "▶" : " ", x: x, y: y, role: base)
            let isPilot = d.chosen.contains(Int32(index))
            frame.canvas.text(marked.contains(team.id) ? (options.unicode ? "◆" : "*") : " ", x: x + 1, y: y, role: role(.accent))
            frame.canvas.text(isPilot ? "★" : " ", x: x + 2, y: y, role: role(.good))
            x += 4
            let rank = d.rank(row: row)
            frame.canvas.field(rank.map { "\($0)" } ?? "", x: x, y: y, width: 3, role: role(rank.map { $0 <= topN } ?? false ? .title : .dim), alignRight: true)
            x += 4
            frame.canvas.field(team.name, x: x, y: y, width: nameWidth, role: base)
            x += nameWidth + 1
            let standing = d.standings[index]
            let (full, empty) = bar(standing.value, width: barWidth, unicode: options.unicode)
            frame.canvas.text(full, x: x, y: y, role: role(standing.thin ? .dim : .gaugeFull))
            frame.canvas.text(empty, x: x + TextWidth.of(full), y: y, role: role(.gaugeEmpty))
            x += barWidth + 1
            let score = standing.value < 0 ? "–" : "\(Int(standing.value.rounded(.toNearestOrAwayFromZero)))" + (standing.thin ? "?" : "")
            frame.canvas.field(score, x: x, y: y, width: 4, role: role(standing.thin || standing.value < 0 ? .dim : .accent), alignRight: true)
            x += 6
            if showVotes {
                let v = votesShown ? "\(d.tally[team.id] ?? 0)" : "·"
                frame.canvas.field(team.status == .outOfScope ? "" : v, x: x, y: y, width: voteWidth - 1, role: role(votesShown ? .normal : .dim), alignRight: true)
                x += voteWidth
            }
            let wave = team.status == .inWave ? state.derived.membership.wave(of: team.id, in: plan) : nil
            let status = team.status == .outOfScope ? "out" : isPilot ? "PILOT" : team.status == .inWave ? (wave.map { "in wave \($0.order)" } ?? "in wave") : "candidate"
            frame.canvas.field(status, x: x, y: y, width: 9, role: role(isPilot ? .good : .dim))
            x += 10
            var note: String
            var noteRole: StyleRole = .warning
            if team.status == .outOfScope {
                note = team.outOfScopeReason ?? ""
                noteRole = .dim
            } else {
                let flags = d.flagCounts[index] > 0 ? HardFlag.flags(team, settings: plan.settings).map(\.label) : []
                note = flags.joined(separator: "; ")
                if let shifts = robustness?.dropsOut[Int32(index)], let shift = shifts.first {
                    note = "fragile: out if \(shift.label)" + (shifts.count > 1 ? " (+\(shifts.count - 1))" : "") + (note.isEmpty ? "" : "; " + note)
                } else if let shifts = robustness?.entrants[Int32(index)], let shift = shifts.first {
                    note = "in the top \(topN) if \(shift.label)" + (note.isEmpty ? "" : "; " + note)
                    if flagsWidth > 0, d.flagCounts[index] == 0 { noteRole = .accent }
                }
            }
            if x < rect.maxX { frame.canvas.text(note, x: x, y: y, role: role(noteRole), width: rect.maxX - x) }
            frame.hits.append(HitRegion(Rect(x: rect.x, y: y, width: rect.width, height: 1), "rank:\(row)"))
            if selected && !frame.cursorVisible { frame.cursor = Point(x: rect.x, y: y) }
        }
    }

    // MARK: Side panel

    static func sidePanel(_ frame: inout Frame, _ state: AppState, _ rect: Rect, _ options: Render.Options) {
        let weightsHeight = min(rect.height / 2, state.plan.criteria.count + 3)
        let (top, rest) = rect.splitTop(weightsHeight)
        weights(&frame, state, top, boxed: true, options)
        let robustHeight = min(rest.height / 2, 6)
        let (robust, detail) = rest.splitTop(robustHeight)
        robustnessBox(&frame, state, robust)
        breakdown(&frame, state, detail)
    }

    static func weights(_ frame: inout Frame, _ state: AppState, _ rect: Rect, boxed: Bool, _ options: Render.Options) {
        frame.canvas.box(rect, role: .border, title: "Weights (+/-, ←/→)", titleRole: .title)
        let inner = rect.inset(dx: 1, dy: 1)
        guard inner.height > 0, inner.width > 16 else { return }
        let criteria = state.plan.criteria
        let focus = state.pilots.criterion
        let first = max(0, min(focus - inner.height / 2, criteria.count - inner.height))
        let nameWidth = max(6, min(22, inner.width - 10 - 4 - 3))
        for (i, c) in criteria.enumerated().dropFirst(first).prefix(inner.height) {
            let y = inner.y + i - first
            let focused = i == focus
            let role: StyleRole = focused ? (state.overlay == nil ? .selected : .selectedMuted) : .normal
            if focused { frame.canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role) }
            frame.canvas.text(focused ? "▶" : " ", x: inner.x, y: y, role: role)
            frame.canvas.field(c.name, x: inner.x + 2, y: y, width: nameWidth, role: focused ? role : (c.weight == 0 ? .dim : .normal))
            let gx = inner.x + 2 + nameWidth + 1
            let full = String(repeating: options.unicode ? "■" : "#", count: c.weight)
            let empty = String(repeating: options.unicode ? "·" : ".", count: 10 - c.weight)
            frame.canvas.text(full, x: gx, y: y, role: focused ? role : .gaugeFull)
            frame.canvas.text(empty, x: gx + c.weight, y: y, role: focused ? role : .gaugeEmpty)
            frame.canvas.field("\(c.weight)", x: gx + 11, y: y, width: 2, role: role, alignRight: true)
            frame.hits.append(HitRegion(Rect(x: inner.x, y: y, width: inner.width, height: 1), "criterion:\(i)"))
        }
    }

    static func robustnessBox(_ frame: inout Frame, _ state: AppState, _ rect: Rect) {
        guard rect.height >= 3, let r = state.derived.pilots.robustness else { return }
        let title = "Top \(r.n) (< >): " + (r.isStable ? "stable" : "fragile")
        frame.canvas.box(rect, role: .border, title: title, titleRole: r.isStable ? .good : .warning)
        let inner = rect.inset(dx: 1, dy: 1)
        var lines: [(String, StyleRole)] = []
        let plan = state.plan
        if r.n == 0 {
            lines.append(("No ranked teams yet.", .dim))
        } else if r.isStable {
            lines.append(("✓ The same \(r.n) under each of the \(r.shiftsTried) one-step weight changes.", .good))
        } else {
            for (t, shifts) in r.dropsOut.sorted(by: { ($0.value.count, $0.key) > ($1.value.count, $1.key) }) {
                lines.append(("! \(plan.teams[Int(t)].name) drops out if " + Words.short(shifts.map(\.label), limit: 2), .warning))
            }
            for (t, shifts) in r.entrants.sorted(by: { ($0.value.count, $0.key) > ($1.value.count, $1.key) }) {
                lines.append(("  \(plan.teams[Int(t)].name) comes in if " + Words.short(shifts.map(\.label), limit: 2), .dim))
            }
        }
        // Every pilot chosen from outside the top N (on votes, or against the scores) is named, in one
        // line that the box keeps room for: the verdict lines give way first.
        let d = state.derived.pilots
        let outside = d.pilotsOutside
        let pilotLine = outside.count == 1
            ? "★ \(plan.teams[Int(outside[0].team)].name) is a pilot at #\(outside[0].rank), outside the top \(r.n)"
            : r.pilotsOutsideText(plan, outside: outside).map { "★ " + $0 }
        let pilotParts = pilotLine.map { TextWidth.wrap($0, width: inner.width) } ?? []
        var room = inner.height - pilotParts.count
        var verdict: [(String, StyleRole)] = []
        for line in lines {
            for part in TextWidth.wrap(line.0, width: inner.width) { verdict.append((part, line.1)) }
        }
        if verdict.count > room, room > 0 {
            let hidden = verdict.count - room + 1
            verdict = Array(verdict.prefix(room - 1)) + [("  … \(hidden) more line\(hidden == 1 ? "" : "s"): pilotwave rank", .dim)]
        }
        room = max(0, room)
        var y = inner.y
        for part in verdict.prefix(room) + pilotParts.map({ ($0, StyleRole.accent) }) where y < inner.maxY {
            frame.canvas.text(part.0, x: inner.x, y: y, role: part.1, width: inner.width)
            y += 1
        }
    }

    static func breakdown(_ frame: inout Frame, _ state: AppState, _ rect: Rect) {
        guard rect.height >= 3 else { return }
        let d = state.derived.pilots
        guard let index = d.teamIndex(row: state.pilots.selected) else {
            frame.canvas.box(rect, role: .border, title: "Team", titleRole: .title)
            return
        }
        let plan = state.plan
        let team = plan.teams[index]
        let rank = d.rank(row: state.pilots.selected).map { "#\($0)" } ?? "out of scope"
        frame.canvas.box(rect, role: .border, title: "\(team.name) · \(rank)", titleRole: .title)
        let inner = rect.inset(dx: 1, dy: 1)
        var lines: [(String, StyleRole)] = []
        func add(_ text: String, _ role: StyleRole = .normal) {
            for part in TextWidth.wrap(text, width: inner.width) { lines.append((part, role)) }
        }
        let score = Scoring.score(team, in: plan)
        add("Score \(score.summary)", .accent)
        let focusKey = state.pilots.criterion < plan.criteria.count ? plan.criteria[state.pilots.criterion].id : ""
        for item in score.items {
            let points = item.weight == 0 ? "weight 0" : item.value == nil ? "unrated" : String(format: "+%.1f", item.points)
            let name = TextWidth.fit((item.key == focusKey ? "▶" : " ") + item.name, to: max(6, inner.width - 22))
            let line = "\(name) \(TextWidth.fit("×\(item.weight)", to: 3, alignRight: true)) \(TextWidth.fit(item.input, to: 9)) \(TextWidth.fit(points, to: 7, alignRight: true))"
            lines.append((line, item.counts ? .normal : .dim))
        }
        if let round = d.round {
            let v = round.revealed ? "\(d.tally[team.id] ?? 0) in \(round.title)" : "hidden until V"
            add("Votes: \(v) — shown beside the score, never added to it", .dim)
        }
        for flag in HardFlag.flags(team, settings: plan.settings) { add("! \(flag.label)", .warning) }
        if let outcome = team.outcome, !outcome.statement.isEmpty {
            add("Outcome: \(outcome.statement)")
            if let reading = OutcomeCheck.assess(outcome.statement) {
                add("! Reads as an output (\(reading.label)); o edits", .warning)
            }
        } else if d.chosen.contains(Int32(index)) {
            add("! No outcome yet — o sets one", .warning)
        }
        for (i, line) in lines.prefix(inner.height).enumerated() {
            frame.canvas.text(line.0, x: inner.x, y: inner.y + i, role: line.1, width: inner.width)
        }
    }
}
