import Foundation
import PilotwaveCore

extension TeamCSVImport {
    /// The plan's teams as a sheet in the columns the import reads, with each team's id first:
    /// edit it in a spreadsheet and import it again with `--update`; unchanged, it changes nothing.
    /// UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting (as the CSV reports).
    public static func sheet(of plan: Plan, separator: Character = ",") -> String {
        let rated = plan.criteria.filter { $0.source == .rated }
        let header = ["id", "name", "area", "stage"] + Roles.fields.map(\.name) + rated.map { $0.name.lowercased() }
            + ["tags", "notes", "status", "reason"]
        var records = [header]
        records.reserveCapacity(plan.teams.count + 1)
        for team in plan.teams {
            var record = [team.id.raw, team.name, team.area, team.stage.rawValue]
            record += Roles.fields.map { String(team.roles[keyPath: $0.keyPath]) }
            record += rated.map { team.ratings[$0.id].map(String.init) ?? "" }
            record += [team.tags.joined(separator: "; "), team.notes, team.status.label, team.outOfScopeReason ?? ""]
            records.append(record)
        }
        return CSVReport.byteOrderMark + records.map { record in
            record.map { field($0, separator: separator) }.joined(separator: String(separator)) + "\r\n"
        }.joined()
    }

    /// One field, quoted when it holds the separator, a quote, a line break or spaces at its ends.
    static func field(_ text: String, separator: Character) -> String {
        let needsQuotes = text.contains { $0 == separator || $0 == "\"" || $0.isNewline }
            || text != text.trimmingWhitespace()
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
