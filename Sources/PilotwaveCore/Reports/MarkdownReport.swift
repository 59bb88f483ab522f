/// A report as Markdown: headings, short paragraphs, bullet facts and pipe tables padded so that
/// they line up in a monospace font. Reads as plain text pasted into an email, renders as tables
/// in a wiki.
public enum MarkdownReport {
    public static func render(_ report: Report) -> String {
        var out: [String] = ["# " + escape(report.title), "", escape(report.subtitle)]
        for section in report.sections {
            out += ["", "## " + escape(section.title)]
            for block in section.blocks {
                out.append("")
                switch block {
                case .paragraph(let p):
                    out.append(paragraph(p))
                case .facts(let facts):
                    out += facts.map { "- **\(escape($0.label)):** \(escape($0.value.text))" }
                case .table(let table):
                    if let title = table.title { out += ["### " + escape(title), ""] }
                    out += self.table(table)
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func paragraph(_ p: ReportParagraph) -> String {
        (p.lead.map { "**\(escape($0)):** " } ?? "") + escape(p.text)
    }

    /// Columns are padded so that they line up in a monospace font as long as the line up to them
    /// stays within this width; the columns after that (long texts) are written as they are, so a
    /// row stays one line that an email client can wrap, not a screenful of padding.
    public static let paddedWidth = 120

    /// A pipe table, or the table's empty text in italics.
    public static func table(_ table: ReportTable) -> [String] {
        guard !table.rows.isEmpty else { return ["_\(escape(table.emptyText))_"] }
        let header = table.columns.map { escape($0.title) }
        let rows = table.rows.map { $0.map { escape($0.text) } }
        var widths = table.columns.indices.map { c in
            max(3, ([header[c]] + rows.map { c < $0.count ? $0[c] : "" }).map(ReportText.width).max() ?? 3)
        }
        // 0: not padded (past the width budget).
        var used = 1
        for c in widths.indices {
            used += widths[c] + 3
            if used > paddedWidth { widths[c] = 0 }
        }
        func line(_ cells: [String]) -> String {
            let padded = table.columns.indices.map { c in
                ReportText.pad(c < cells.count ? cells[c] : "", to: widths[c], right: table.columns[c].numeric)
            }
            return ("| " + padded.joined(separator: " | ") + " |").trimmingTrailingSpaces()
        }
        let rule = "|" + table.columns.indices.map { c in
            let dashes = String(repeating: "-", count: max(3, widths[c]) - (table.columns[c].numeric ? 1 : 0))
            return " " + dashes + (table.columns[c].numeric ? ":" : "") + " "
        }.joined(separator: "|") + "|"
        return [line(header), rule] + rows.map(line)
    }

    /// One line with `|` escaped (pipe tables) and line breaks as spaces.
    public static func escape(_ text: String) -> String {
        let flat = ReportText.oneLine(text)
        guard flat.contains("|") else { return flat }
        return flat.replacing(character: "|", with: "\\|")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }

    /// Every `target` replaced with `replacement` (Foundation-free).
    func replacing(character target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self {
            if ch == target { out += replacement } else { out.append(ch) }
        }
        return out
    }
}
