import TerminalUI

/// Where the parts of the screen go, shared by the reducer (page sizes, clicks) and the views.
public enum Layout {
    /// Below this the app shows "terminal too small".
    public static let minimum = Size(width: 60, height: 15)

    public static func isTooSmall(_ size: Size) -> Bool {
        size.width < minimum.width || size.height < minimum.height
    }

    /// The tab bar (top row).
    public static func tabBar(_ size: Size) -> Rect { Rect(x: 0, y: 0, width: size.width, height: 1) }

    /// Everything between the tab bar and the status line.
    public static func main(_ size: Size) -> Rect { Rect(x: 0, y: 1, width: size.width, height: size.height - 3) }

    /// The status line (file, save state, toasts).
    public static func status(_ size: Size) -> Rect { Rect(x: 0, y: size.height - 2, width: size.width, height: 1) }

    /// The hint bar (bottom row).
    public static func hints(_ size: Size) -> Rect { Rect(x: 0, y: size.height - 1, width: size.width, height: 1) }

    /// The Teams view's parts: the sort/filter line, the table (header + rows) and the detail pane.
    public struct Teams: Equatable, Sendable {
        public var info: Rect
        public var table: Rect
        public var detail: Rect?

        /// Rows of teams the table shows at once.
        public var visibleRows: Int { max(1, table.height - 1) }
    }

    public static func teams(_ size: Size, showDetail: Bool) -> Teams {
        let (info, rest) = main(size).splitTop(1)
        guard showDetail else { return Teams(info: info, table: rest, detail: nil) }
        if rest.width >= 110 {
            let detailWidth = min(52, rest.width / 3)
            let table = Rect(x: rest.x, y: rest.y, width: rest.width - detailWidth, height: rest.height)
            let detail = Rect(x: table.maxX, y: rest.y, width: detailWidth, height: rest.height)
            return Teams(info: info, table: table, detail: detail)
        }
        if rest.height >= 24 {
            let (table, detail) = rest.splitBottom(max(11, rest.height * 2 / 5))
            return Teams(info: info, table: table, detail: detail)
        }
        return Teams(info: info, table: rest, detail: nil)
    }

    /// The Pilots view's parts: the header (chosen vs recommended, warnings), the ranking list
    /// and the side panel (weights, robustness, the selected team's breakdown). Under 100 columns
    /// the weights and the robustness of the top N share the area under the list (side by side
    /// from 80 columns; the weights alone below that) and the breakdown is left to the compare overlay.
    public struct Pilots: Equatable, Sendable {
        public var header: Rect
        public var list: Rect
        /// Beside the list (wide screens): weights, robustness, breakdown.
        public var side: Rect?
        /// Under the list (narrow screens): the weights.
        public var below: Rect?
        /// Under the list beside the weights (80–99 columns): the robustness of the top N.
        public var robustness: Rect?

        /// Rows of the list shown at once (under its column header).
        public var visibleRows: Int { max(1, list.height - 1) }
    }

    public static func pilots(_ size: Size, criteria: Int = 6) -> Pilots {
        let (header, rest) = main(size).splitTop(2)
        if rest.width >= 100 {
            let sideWidth = min(46, rest.width / 3)
            let list = Rect(x: rest.x, y: rest.y, width: rest.width - sideWidth, height: rest.height)
            return Pilots(header: header, list: list, side: Rect(x: list.maxX, y: rest.y, width: sideWidth, height: rest.height))
        }
        let belowHeight = min(criteria + 3, rest.height / 2)
        let (list, below) = rest.splitBottom(belowHeight)
        guard rest.width >= 80 else { return Pilots(header: header, list: list, below: below) }
        let weightsWidth = below.width / 2
        return Pilots(header: header, list: list,
                      below: Rect(x: below.x, y: below.y, width: weightsWidth, height: below.height),
                      robustness: Rect(x: below.x + weightsWidth, y: below.y, width: below.width - weightsWidth, height: below.height))
    }

    /// The Readiness view: widths of the row labels and cells, and how many team columns fit.
    public static let readinessLabelWidth = 28
    public static let readinessCellWidth = 15

    /// Team columns of the readiness matrix that fit beside the labels and the organisation column.
    public static func readinessColumns(_ size: Size) -> Int {
        max(0, (size.width - readinessLabelWidth - readinessCellWidth - 1) / readinessCellWidth)
    }

    /// The Resistance view's parts: the info line, the log and the detail of the selected note.
    public struct Resistance: Equatable, Sendable {
        public var info: Rect
        public var list: Rect
        public var detail: Rect
    }

    public static func resistance(_ size: Size) -> Resistance {
        let (info, rest) = main(size).splitTop(1)
        if rest.width >= 100 {
            let w = min(50, rest.width * 2 / 5)
            return Resistance(info: info, list: Rect(x: rest.x, y: rest.y, width: rest.width - w, height: rest.height),
                              detail: Rect(x: rest.maxX - w, y: rest.y, width: w, height: rest.height))
        }
        let (list, detail) = rest.splitBottom(min(10, rest.height / 2))
        return Resistance(info: info, list: list, detail: detail)
    }

    /// The Waves board: the columns of cards on top, the panel (wave, capacity, gate, findings) below.
    public struct Waves: Equatable, Sendable {
        public var board: Rect
        public var panel: Rect
    }

    /// The board takes what its tallest column needs (two header lines, the cards and the "1–8 of
    /// 20" line) and the panel the rest, but never less than half the height (up to 12 rows), so the
    /// selected wave's entry gate shows at any size; the board keeps at least one card.
    public static func waves(_ size: Size, tallest: Int) -> Waves {
        let main = main(size)
        let wanted = max(1, tallest) + 3
        let panelHeight = min(main.height - 4, max(min(12, main.height / 2), main.height - wanted))
        let (board, panel) = main.splitBottom(max(0, panelHeight))
        return Waves(board: board, panel: panel)
    }

    /// Cards a board column shows at once (under the column's two header lines).
    public static func wavesCardRows(_ size: Size, tallest: Int) -> Int { max(1, waves(size, tallest: tallest).board.height - 3) }

    /// The board's layout for the plan on screen (its tallest column).
    public static func waves(_ state: AppState) -> Waves { waves(state.size, tallest: wavesTallest(state)) }

    /// Cards a board column shows at once for the plan on screen.
    public static func wavesCardRows(_ state: AppState) -> Int { wavesCardRows(state.size, tallest: wavesTallest(state)) }

    static func wavesTallest(_ state: AppState) -> Int { state.derived.waves.columns.map(\.teams.count).max() ?? 0 }
}
