import Foundation
import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// The Readiness view: dimensions (rows) by the organisation and the teams in scope (columns).
/// Each cell: the latest rating as a number and a band, the trend against the previous rating and
/// a sparkline of its history. Under the matrix: the selected cell, the barrier, the systemic
/// patterns and the checks this view answers for.
enum ReadinessView {
    static let spark: [String] = ["▁", "▂", "▄", "▆", "█"]

    static func draw(_ frame: inout Frame, _ state: AppState, _ options: Render.Options) {
        let main = Layout.main(state.size)
        let d = state.derived.readiness
        let plan = state.plan
        let r = state.readiness
        // Header: scope and the barrier in words.
        let visibleTeams = min(Layout.readinessColumns(state.size), max(0, d.teams.count - r.leftColumn))
        var scope = "Columns: organisation + \(d.scopeTitle) (\(d.teams.count)) · w changes · pre = precondition"
        if d.teams.count > visibleTeams { scope += " · \(r.leftColumn + 1)–\(r.leftColumn + visibleTeams) shown, ←/→ scroll" }
        frame.canvas.text(scope, x: main.x + 1, y: main.y, role: .dim, width: main.width - 2)
        if let barrier = d.barrier {
            let text = "Barrier: \(barrier.dimension.name) \(barrier.signal.rating)/5 — the first precondition rated \(Readiness.barrierRating) or lower. \(barrier.dimension.help)"
            frame.canvas.text("! " + text, x: main.x + 1, y: main.y + 1, role: .warning, width: main.width - 2)
        } else {
            frame.canvas.text("No barrier: every rated precondition is above \(Readiness.barrierRating).", x: main.x + 1, y: main.y + 1, role: .good, width: main.width - 2)
        }
        // Matrix.
        let top = main.y + 2
        let labelW = Layout.readinessLabelWidth, cellW = Layout.readinessCellWidth
        let rowsRoom = max(1, main.height / 2)
        let shownRows = min(d.dimensions.count, rowsRoom)
        let firstRow = max(0, min(r.row - shownRows / 2, d.dimensions.count - shownRows))
        frame.canvas.fill(Rect(x: main.x, y: top, width: main.width, height: 1), role: .header)
        frame.canvas.field("Dimension", x: main.x + 2, y: top, width: labelW - 2, role: .header)
        frame.canvas.field("Organisation", x: main.x + labelW, y: top, width: cellW - 1, role: .header)
        for c in 0..<visibleTeams {
            let t = Int(d.teams[r.leftColumn + c])
            frame.canvas.field(plan.teams[t].name, x: main.x + labelW + cellW * (c + 1), y: top, width: cellW - 1, role: .header)
        }
        for i in 0..<shownRows {
            let row = firstRow + i
            let y = top + 1 + i
            let dim = plan.dimensions[d.dimensions[row]]
            let isBarrier = d.barrier?.dimension.id == dim.id
            let selectedRow = row == r.row
            frame.canvas.text(selectedRow ? "▶" : " ", x: main.x, y: y, role: .normal)
            // A precondition says so in a short tag; a retired dimension too.
            let tag = dim.retired ? "old" : dim.group == .precondition ? "pre" : ""
            frame.canvas.field(dim.name, x: main.x + 2, y: y, width: labelW - 7,
                               role: isBarrier ? .warning : dim.retired ? .dim : .normal)
            frame.canvas.field(tag, x: main.x + labelW - 4, y: y, width: 3, role: .dim)
            func drawCell(_ column: Int, x: Int) {
                let selected = selectedRow && column == r.column
                let base: StyleRole = selected ? (state.overlay == nil ? .selected : .selectedMuted) : .normal
                if selected { frame.canvas.fill(Rect(x: x, y: y, width: cellW - 1, height: 1), role: base) }
                guard let cell = d.cell(row: row, column: column, plan: plan) else {
                    frame.canvas.text("  —", x: x, y: y, role: selected ? base : .dim)
                    return
                }
                guard let trend = d.trends[cell] else {
                    frame.canvas.text("  ·", x: x, y: y, role: selected ? base : .dim)
                    return
                }
                let rating = trend.latest.rating
                let band: StyleRole = rating <= 2 ? .critical : rating == 3 ? .warning : .good
                frame.canvas.text("\(rating)", x: x + 1, y: y, role: selected ? base : band)
                frame.canvas.text(trend.direction.symbol, x: x + 3, y: y, role: selected ? base : trend.direction == .down ? .warning : .normal)
                let history = (d.histories[cell] ?? []).suffix(cellW - 7)
                let line = history.map { spark[min(max($0, 1), 5) - 1] }.joined()
                frame.canvas.text(line, x: x + 5, y: y, role: selected ? base : .gaugeFull)
                frame.hits.append(HitRegion(Rect(x: x, y: y, width: cellW - 1, height: 1), "cell:\(row):\(column)"))
            }
            drawCell(0, x: main.x + labelW)
            for c in 0..<visibleTeams { drawCell(r.leftColumn + c + 1, x: main.x + labelW + cellW * (c + 1)) }
        }
        // Under the matrix: the selected cell, systemic patterns, the checks.
        let panelTop = top + 2 + shownRows
        let panel = Rect(x: main.x, y: panelTop, width: main.width, height: main.maxY - panelTop)
        guard panel.height >= 3 else { return }
        frame.canvas.box(panel, role: .border, title: "Cell · systemic patterns · checks", titleRole: .title)
        let inner = panel.inset(dx: 2, dy: 1)
        var lines: [(String, StyleRole)] = []
        func add(_ text: String, _ role: StyleRole = .normal) {
            for part in TextWidth.wrap(text, width: inner.width) { lines.append((part, role)) }
        }
        if r.row < d.dimensions.count {
            let dim = plan.dimensions[d.dimensions[r.row]]
            let place = r.column == 0 ? "the organisation" : plan.teams[Int(d.teams[r.column - 1])].name
            if let cell = d.cell(row: r.row, column: r.column, plan: plan) {
                if let trend = d.trends[cell] {
                    let s = trend.latest
                    let anchor = s.rating <= dim.anchors.count ? " — \(dim.anchors[s.rating - 1])" : ""
                    add("\(dim.name), \(place): \(s.rating)/5 \(trend.direction.symbol)\(anchor)", .title)
                    let prev = trend.previous.map { "; before: \($0.rating) on \(Day($0.recordedAt))" } ?? ""
                    add("Recorded \(Day(s.recordedAt))\(s.recordedBy.isEmpty ? "" : " by \(s.recordedBy)")\(prev). "
                        + (s.evidence.isEmpty ? "" : "Evidence: \(s.evidence)"), .dim)
                    add("Enter: history (\(Words.count(d.histories[cell]?.count ?? 0, "rating")) standing) · r: record a new rating", .dim)
                } else {
                    add("\(dim.name), \(place): not rated yet — r records the first rating. \(dim.help)", .dim)
                }
            } else {
                add("\(dim.name) is rated for \(dim.scope == .organisation ? "the organisation only" : "teams only").", .dim)
            }
        }
        for pattern in d.systemic {
            let teams = pattern.teams.map { t in "\(state.derived.indexByID[t.team].map { plan.teams[$0].name } ?? t.team.raw) \(t.rating)" }
            if pattern.raised != nil {
                add("✓ \(pattern.dimension.name): raised as a systemic blocker (surfaced by \(Words.list(teams))).", .good)
            } else {
                add("! \(pattern.dimension.name): \(pattern.teams.count) pilot teams rate it \(Readiness.systemicRating) or lower (\(Words.list(teams))) — "
                    + "a systemic blocker, not each team's problem. b raises it; it then gates the later waves.", .warning)
            }
        }
        for f in d.findings {
            add((f.severity == .info ? "· " : "! ") + f.message, f.severity == .info ? .accent : .warning)
            add("  why: " + f.guidance, .dim)
        }
        for (i, line) in lines.prefix(inner.height).enumerated() {
            frame.canvas.text(line.0, x: inner.x, y: inner.y + i, role: line.1, width: inner.width)
        }
    }

    /// The history of one cell, over the matrix.
    static func history(_ frame: inout Frame, _ state: AppState, _ h: HistoryState) {
        let plan = state.plan
        let signals = Readiness.history(plan.signals, h.cell)
        let main = Layout.main(state.size)
        let width = min(96, main.width - 4)
        let height = min(main.height, max(8, signals.count * 2 + 5))
        let rect = Rect(x: main.x + (main.width - width) / 2, y: main.y + 1, width: width, height: height)
        let name = plan.dimension(h.cell.dimension)?.name ?? h.cell.dimension
        let place = h.cell.team.flatMap { id in state.derived.indexByID[id].map { plan.teams[$0].name } } ?? "organisation"
        frame.canvas.fill(rect, role: .modal)
        frame.canvas.box(rect, role: .border, title: "History — \(name), \(place)", titleRole: .modalTitle)
        let inner = rect.inset(dx: 2, dy: 1)
        let listHeight = inner.height - 1
        var lines: [(String, StyleRole, Int)] = []
        for (i, s) in signals.enumerated() {
            let who = s.recordedBy.isEmpty ? "" : " by \(s.recordedBy)"
            if let strike = s.struck {
                lines.append(("\(Day(s.recordedAt))  \(s.rating)/5\(who) — STRUCK: \(strike.reason) (\(strike.by.isEmpty ? "" : strike.by + ", ")\(Day(strike.at)))", .dim, i))
            } else {
                lines.append(("\(Day(s.recordedAt))  \(s.rating)/5\(who)", .normal, i))
            }
            if !s.evidence.isEmpty { lines.append(("            \(s.evidence)", .dim, i)) }
        }
        let selectedLine = lines.firstIndex { $0.2 == h.selected } ?? 0
        let first = max(0, min(selectedLine - listHeight / 2, lines.count - listHeight))
        for (j, line) in lines.dropFirst(first).prefix(listHeight).enumerated() {
            let y = inner.y + j
            let selected = line.2 == h.selected
            if selected { frame.canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selected) }
            frame.canvas.text(line.0, x: inner.x, y: y, role: selected ? .selected : line.1, width: inner.width)
        }
        frame.canvas.text("oldest first · j/k move · x strike with a reason (kept, marked struck) · u undo · Esc close",
                          x: inner.x, y: inner.maxY - 1, role: .dim, width: inner.width)
    }
}
