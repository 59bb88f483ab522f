import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// The Teams view: a sortable, filterable table of every team and the selected team's score
/// breakdown. Only the visible rows are drawn.
enum TeamsView {
    struct Column {
        var title: String
        var width: Int
        var alignRight = false
        /// Lower is dropped first when the table is narrow.
        var priority: Int
        var value: (Team, Int) -> (String, StyleRole?)
    }

    static func draw(_ frame: inout Frame, _ state: AppState, _ options: Render.Options) {
        let layout = Layout.teams(state.size, showDetail: state.teams.showDetail)
        infoLine(&frame, state, layout.info, options)
        table(&frame, state, layout.table, options)
        if let detail = layout.detail { DetailPane.draw(&frame, state, detail, options) }
    }

    static func infoLine(_ frame: inout Frame, _ state: AppState, _ rect: Rect, _ options: Render.Options) {
        let t = state.teams
        let arrow = t.descending ? "↓" : "↑"
        var x = rect.x + 1
        if let input = t.filterInput {
            x += frame.canvas.text("/", x: x, y: rect.y, role: .hintKey)
            let field = 30
            let (text, col) = input.visible(width: field)
            frame.canvas.field(text, x: x, y: rect.y, width: field, role: .inputFocused)
            frame.cursor = Point(x: x + col, y: rect.y)
            frame.cursorVisible = true
            x += field + 2
        } else if !t.filter.isEmpty {
            x += frame.canvas.text("filter: ", x: x, y: rect.y, role: .dim)
            x += frame.canvas.text(t.filter, x: x, y: rect.y, role: .match, width: 30) + 2
        }
        let count = state.derived.rows.count
        let total = state.plan.teams.count
        var shown = count == total ? "\(total) teams" : "\(count) of \(total) teams"
        let visible = Layout.teams(state.size, showDetail: t.showDetail).visibleRows
        if count > visible { shown += " · row \(t.selected + 1)" }
        x += frame.canvas.text(shown, x: x, y: rect.y, role: .normal) + 2
        if !t.marked.isEmpty {
            x += frame.canvas.text("\(t.marked.count) marked (P puts them in a wave, M clears)", x: x, y: rect.y, role: .accent) + 2
        }
        x += frame.canvas.text("sort: \(t.sort.title) \(arrow)", x: x, y: rect.y, role: .dim)
        if let rec = state.derived.recommendation {
            let text = "pilots \(state.derived.pilotsChosen) of \(rec.rangeText) recommended"
            let over = state.derived.pilotsChosen > rec.range.upperBound
            let w = TextWidth.of(text) + (over ? 2 : 0)
            if rect.maxX - w - 1 > x + 1 {
                frame.canvas.text((over ? "! " : "") + text, x: rect.maxX - w - 1, y: rect.y, role: over ? .warning : .dim)
            }
        }
    }

    /// "0" … "999", made once: the table draws many small numbers per frame.
    static let numbers: [String] = (0..<1000).map { String($0) }
    static let flagText = ["", "!1", "!2", "!3", "!4"]

    static func number(_ n: Int) -> String { n >= 0 && n < numbers.count ? numbers[n] : String(n) }

    static func columns(_ state: AppState, width: Int) -> [Column] {
        let plan = state.plan
        let rated = plan.criteria.filter { $0.source == .rated }
        var all: [Column] = [
            Column(title: "Area", width: 12, priority: 1) { t, _ in (t.area, .dim) },
            Column(title: "Stage", width: 7, priority: 4) { t, _ in
                (t.stage.label, t.stage == .sustain || t.stage == .retire ? .warning : nil)
            },
            Column(title: "Ppl", width: 3, alignRight: true, priority: 3) { t, _ in
                (t.size == 0 ? "?" : number(t.size), t.size > plan.settings.maxTeamSize ? .warning : nil)
            },
            Column(title: "XF", width: 2, priority: 5) { t, _ in
                t.size == 0 ? ("?", .dim) : t.isCrossFunctional ? ("✓", .good) : ("✗", .critical)
            },
        ]
        for criterion in rated {
            all.append(Column(title: String(criterion.name.prefix(3)), width: 3, alignRight: true, priority: 2) { t, _ in
                t.ratings[criterion.id].map { (number($0), nil) } ?? ("·", .dim)
            })
        }
        let scores = state.derived.scores, thin = state.derived.thin
        all += [
            Column(title: "Score", width: 5, alignRight: true, priority: 9) { _, i in
                if scores[i] < 0 { return ("–", .dim) }
                let n = Int(scores[i].rounded())
                return thin[i] ? (number(n) + "?", .dim) : (number(n), .accent)
            },
            Column(title: "Flag", width: 4, priority: 6) { t, _ in
                let n = HardFlag.count(t, settings: plan.settings)
                return n == 0 ? ("", nil) : (flagText[min(n, 4)], .warning)
            },
            Column(title: "Status", width: 12, priority: 8) { t, _ in
                // A team in a later wave says which (its order, as P numbers the waves).
                if t.status == .inWave, let wave = state.derived.membership.wave(of: t.id, in: plan) { return ("in wave \(wave.order)", nil) }
                return (t.status.label, t.status == .pilot ? .good : t.status == .outOfScope ? .dim : nil)
            },
        ]
        // Drop the least important columns until the name has room.
        let minName = 14
        var kept = all
        // Columns of equal priority (the rating columns) go together, never one by one.
        while kept.reduce(2 + minName, { $0 + $1.width + 1 }) > width,
            let lowest = kept.map(\.priority).min() {
            kept.removeAll { $0.priority == lowest }
        }
        return kept
    }

    static func table(_ frame: inout Frame, _ state: AppState, _ rect: Rect, _ options: Render.Options) {
        guard rect.height >= 2 else { return }
        let cols = columns(state, width: rect.width)
        let nameWidth = rect.width - 2 - cols.reduce(0) { $0 + $1.width + 1 } - 1
        let header = rect.y
        frame.canvas.fill(Rect(x: rect.x, y: header, width: rect.width, height: 1), role: .header)
        frame.canvas.field("Team", x: rect.x + 2, y: header, width: nameWidth, role: .header)
        var x = rect.x + 2 + nameWidth + 1
        for c in cols {
            frame.canvas.field(c.title, x: x, y: header, width: c.width, role: .header, alignRight: c.alignRight)
            x += c.width + 1
        }
        let rows = state.derived.rows
        if rows.isEmpty {
            let text = state.plan.teams.isEmpty
                ? "No teams yet. Press a to add one, or import a CSV: pilotwave import-teams FILE teams.csv"
                : "No team matches \"\(state.teams.filterInput?.text ?? state.teams.filter)\". Esc clears the filter."
            frame.canvas.text(text, x: rect.x + 2, y: header + 2, role: .dim, width: rect.width - 4)
            return
        }
        let visible = rect.height - 1
        let top = state.teams.top
        for line in 0..<visible {
            let row = top + line
            guard row < rows.count else { break }
            let index = Int(rows[row])
            let team = state.plan.teams[index]
            let y = header + 1 + line
            let selected = row == state.teams.selected
            let overlayOpen = state.overlay != nil
            let base: StyleRole = selected ? (overlayOpen ? .selectedMuted : .selected) : .normal
            // The canvas starts blank, so only the selected row needs its background filled.
            if base != .normal { frame.canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: base) }
            if selected { frame.canvas.text("▶", x: rect.x, y: y, role: base) }
            if state.teams.marked.contains(team.id) {
                frame.canvas.text(options.unicode ? "◆" : "*", x: rect.x + 1, y: y, role: selected ? base : .accent)
            }
            frame.canvas.field(team.name, x: rect.x + 2, y: y, width: nameWidth, role: base)
            var cx = rect.x + 2 + nameWidth + 1
            for c in cols {
                let (text, role) = c.value(team, index)
                frame.canvas.field(text, x: cx, y: y, width: c.width, role: selected ? base : (role ?? base), alignRight: c.alignRight)
                cx += c.width + 1
            }
            frame.hits.append(HitRegion(Rect(x: rect.x, y: y, width: rect.width, height: 1), "row:\(row)"))
            if selected && !frame.cursorVisible {
                frame.cursor = Point(x: rect.x, y: y)
            }
        }
    }
}
