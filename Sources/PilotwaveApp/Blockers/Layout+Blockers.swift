import TerminalUI

extension Layout {
    /// The Blockers view: the counts line, the list (a column header, then groups and rows) and,
    /// below it, the selected blocker; from 100 columns the guidance for its category sits beside.
    public struct Blockers: Equatable, Sendable {
        public var info: Rect
        /// The list, its column header on the first line.
        public var list: Rect
        public var detail: Rect?
        public var guidance: Rect?

        /// Lines of the list shown at once (under the column header).
        public var visibleLines: Int { max(1, list.height - 1) }
    }

    /// `blockers` is how many the plan has: a short list leaves the detail more room.
    public static func blockers(_ size: Size, showDetail: Bool, blockers: Int) -> Blockers {
        let (info, rest) = main(size).splitTop(1)
        guard showDetail, rest.height >= 14 else { return Blockers(info: info, list: rest) }
        // The column header, the rows and up to three group headings (the status groups).
        let spare = rest.height - (blockers + 4)
        let (list, below) = rest.splitBottom(max(8, min(16, rest.height * 9 / 20), min(16, spare)))
        guard below.width >= 100 else { return Blockers(info: info, list: list, detail: below) }
        let guideWidth = min(56, below.width * 2 / 5)
        return Blockers(info: info, list: list,
                        detail: Rect(x: below.x, y: below.y, width: below.width - guideWidth, height: below.height),
                        guidance: Rect(x: below.maxX - guideWidth, y: below.y, width: guideWidth, height: below.height))
    }
}
