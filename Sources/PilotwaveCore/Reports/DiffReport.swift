/// A ``PlanDiff`` for people (plain text in 80 columns, Markdown) and for programs (JSON).
public enum DiffReport {
    /// Plain text: a header line, then each heading with its changes as `- ` lines wrapped at
    /// `width` columns (continuations indented). "No changes." when there are none.
    public static func text(_ diff: PlanDiff, old: String, new: String, width: Int = 80) -> String {
        guard !diff.isEmpty else { return "No changes.\n" }
        var lines = ReportText.wrap("\(old) → \(new): \(Words.count(diff.changes.count, "change"))", width: width)
        for group in diff.groups {
            lines += ["", "\(group.area.title) (\(group.changes.count))"]
            for change in group.changes {
                lines += ReportText.wrap(ReportText.oneLine(change.text), width: width, first: "  - ", rest: "    ")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Markdown: a heading per area and a bullet per change.
    public static func markdown(_ diff: PlanDiff, old: String, new: String, planName: String) -> String {
        var lines = ["# Changes to \(MarkdownReport.escape(planName))", "",
                     "`\(old)` → `\(new)`: " + (diff.isEmpty ? "no changes." : Words.count(diff.changes.count, "change") + ".")]
        for group in diff.groups {
            lines += ["", "## \(group.area.title)", ""]
            lines += group.changes.map { "- " + ReportText.oneLine($0.text) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// JSON: `{"old", "new", "changes": count, "groups": [{"area", "title", "changes": [{"kinds",
    /// "id", "text"}]}]}`.
    public static func json(_ diff: PlanDiff, old: String, new: String) -> String {
        let root = JSON.object([
            ("old", .string(old)),
            ("new", .string(new)),
            ("changes", .int(diff.changes.count)),
            ("groups", .array(diff.groups.map { group in
                .object([
                    ("area", .string(group.area.rawValue)),
                    ("title", .string(group.area.title)),
                    ("changes", .array(group.changes.map { change in
                        .object([
                            ("kinds", .array(change.kinds.map { .string($0.rawValue) })),
                            ("id", .string(change.subject)),
                            ("text", .string(change.text)),
                        ])
                    })),
                ])
            })),
        ])
        return root.text + "\n"
    }
}
