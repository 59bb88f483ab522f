/// A report as one self-contained HTML page: inline CSS, no scripts, no images, fonts or links to
/// anything outside the file. Readable on screen; prints cleanly (big sections start a new page,
/// table headings repeat on each page, rows are not split, no backgrounds needed).
public enum HTMLReport {
    public static func render(_ report: Report) -> String {
        var out: [String] = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"generator\" content=\"pilotwave\">",
            "<title>\(escape(report.title))</title>",
            "<style>",
            style,
            "</style>",
            "</head>",
            "<body>",
            "<header>",
            "<h1>\(escape(report.title))</h1>",
            "<p class=\"subtitle\">\(escape(report.subtitle))</p>",
            "<nav><ul>" + report.sections.map { "<li><a href=\"#\(anchor($0.id))\">\(escape($0.title))</a></li>" }.joined() + "</ul></nav>",
            "</header>",
            "<main>",
        ]
        for section in report.sections {
            out.append("<section id=\"\(anchor(section.id))\"\(section.newPage ? " class=\"new-page\"" : "")>")
            out.append("<h2>\(escape(section.title))</h2>")
            for block in section.blocks {
                switch block {
                case .paragraph(let p):
                    out.append("<p>" + (p.lead.map { "<strong>\(escape($0)):</strong> " } ?? "") + escape(p.text) + "</p>")
                case .facts(let facts):
                    out.append("<dl class=\"facts\">")
                    out += facts.map { "<dt>\(escape($0.label))</dt><dd>\(escape($0.value.text))</dd>" }
                    out.append("</dl>")
                case .table(let table):
                    out += self.table(table)
                }
            }
            out.append("</section>")
        }
        out += ["</main>", "</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    static func table(_ table: ReportTable) -> [String] {
        var out: [String] = []
        if let title = table.title { out.append("<h3 id=\"\(anchor(table.id))\">\(escape(title))</h3>") }
        guard !table.rows.isEmpty else {
            out.append("<p class=\"empty\">\(escape(table.emptyText))</p>")
            return out
        }
        func cls(_ c: Int) -> String { table.columns[c].numeric ? " class=\"num\"" : "" }
        out.append("<table>")
        out.append("<thead><tr>" + table.columns.indices.map { "<th scope=\"col\"\(cls($0))>\(escape(table.columns[$0].title))</th>" }.joined() + "</tr></thead>")
        out.append("<tbody>")
        for row in table.rows {
            out.append("<tr>" + table.columns.indices.map { c in
                "<td\(cls(c))>\(c < row.count ? escape(row[c].text) : "")</td>"
            }.joined() + "</tr>")
        }
        out.append("</tbody>")
        out.append("</table>")
        return out
    }

    /// Text safe inside elements and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// An id made of letters, digits and dashes.
    static func anchor(_ id: String) -> String {
        String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }

    static let style = """
        body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
               color: #111; max-width: 75rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.25rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin: 2.2rem 0 .6rem; }
        h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
        p { margin: .4rem 0; max-width: 60rem; }
        .subtitle { color: #444; margin: 0 0 .8rem; }
        nav ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; }
        a { color: inherit; }
        table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .92em; }
        th, td { border: 1px solid #aaa; padding: .25rem .45rem; text-align: left; vertical-align: top; }
        th { border-bottom: 2px solid #333; font-weight: 600; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1.2rem; margin: .4rem 0; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        .empty { font-style: italic; color: #444; }
        @page { margin: 15mm; }
        @media print {
          body { font-size: 9.5pt; margin: 0; max-width: none; padding: 0; }
          nav { display: none; }
          section.new-page { break-before: page; }
          h2, h3 { break-after: avoid; }
          thead { display: table-header-group; }
          tr, dl.facts { break-inside: avoid; }
          a { text-decoration: none; }
        }
        """
}
