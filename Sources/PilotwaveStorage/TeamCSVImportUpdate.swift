import PilotwaveCore

/// What importing a team sheet again (`import-teams --update`) changes in a plan, worked out
/// before anything is changed: the teams added, the fields changed (old → new), the teams
/// unchanged, and the plan's teams missing from the sheet. Apply it as one edit with ``edit``.
public struct TeamSheetUpdate: Sendable, Hashable {
    /// How rows were matched to the plan's teams.
    public enum Matching: Sendable, Hashable {
        /// By the `id` column (by name on rows whose id cell is empty).
        case id
        /// By name, ignoring case.
        case name
    }

    /// One field of a team, old → new, in words: `area: Claims → Motor claims`.
    public struct FieldChange: Sendable, Hashable, CustomStringConvertible {
        public var field: String
        public var old: String
        public var new: String
        public var description: String { "\(field): \(old) → \(new)" }
    }

    /// A team the sheet changes.
    public struct Changed: Sendable, Hashable {
        public var old: Team
        public var new: Team
        /// The fields that differ, in column order.
        public var fields: [FieldChange]
    }

    public var matching: Matching
    /// New teams (with their new ids), in sheet order.
    public var added: [Team]
    /// Teams whose fields change, in sheet order.
    public var changed: [Changed]
    /// Teams in the sheet that stay as they are.
    public var unchanged: [Team]
    /// The plan's teams that are not in the sheet, in plan order: kept, or removed when
    /// ``removesMissing``.
    public var missing: [Team]
    /// The teams missing from the sheet are removed (`--remove-missing`).
    public var removesMissing: Bool
    /// The edit's name, for the plan's history.
    public var title: String

    /// Nothing is added, changed or removed.
    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && (missing.isEmpty || !removesMissing) }

    /// The whole update as one edit; `nil` when there is nothing to change.
    public var edit: PlanEdit? {
        guard !isEmpty else { return nil }
        var edits: [PlanEdit] = removesMissing ? missing.map { .removeTeam($0.id) } : []
        edits += changed.map { .updateTeam($0.new) }
        if !added.isEmpty { edits.append(.importTeams(added)) }
        return .batch(title, edits)
    }
}

extension TeamCSVImport {
    /// Works out how the sheet in `text` updates `plan`'s teams; changes nothing.
    ///
    /// Rows are matched to the plan's teams by the `id` column when the sheet has one (by name,
    /// ignoring case, where an id cell is empty), else by name. A matched team takes the value of
    /// every column the sheet has (an empty cell as on import: 0 people, unrated, no tags…);
    /// columns the sheet lacks leave the team's fields alone; an empty status keeps the team's
    /// status. A row that matches no team is a new team. Teams can move between candidate and
    /// out of scope, but not into or out of a wave.
    ///
    /// - Parameter removeMissing: remove the plan's teams the sheet does not list. Refused for a
    ///   team that has history elsewhere in the plan (a wave, readiness ratings, resistance notes…).
    /// - Throws: ``TeamCSVImportError`` listing every problem; then nothing is changed.
    public static func update<IDs: IDSource>(fromCSV text: String, file: String, plan: Plan, ids: inout IDs,
                                             separator: CSVSeparator? = nil, removeMissing: Bool = false)
        throws(TeamCSVImportError) -> TeamSheetUpdate
    {
        let sheet = try read(text, file: file, plan: plan, separator: separator, updating: true)
        var matcher = SheetMatcher(plan: plan, sheet: sheet)
        matcher.match()
        if removeMissing { matcher.checkRemovable() }
        matcher.checkNames(removing: removeMissing)
        if !matcher.problems.isEmpty {
            let sorted = matcher.problems.enumerated().sorted {
                ($0.element.line ?? .max, $0.offset) < ($1.element.line ?? .max, $1.offset)
            }.map(\.element)
            throw TeamCSVImportError(file: file, reason: .badRows, problems: sorted)
        }
        var added = matcher.added.map(\.team)
        newIDs(for: &added, plan: plan, ids: &ids)
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return TeamSheetUpdate(
            matching: sheet.fields.contains(.id) ? .id : .name, added: added, changed: matcher.changed,
            unchanged: matcher.unchanged, missing: matcher.missing, removesMissing: removeMissing,
            title: "Update teams from \(name)")
    }
}

/// Matches a sheet's rows to a plan's teams and works out each team's changes.
struct SheetMatcher {
    let plan: Plan
    let sheet: TeamCSVImport.Sheet
    var problems: [CSVProblem] = []
    var added: [CSVTeamRow] = []
    var changed: [TeamSheetUpdate.Changed] = []
    var unchanged: [Team] = []
    var missing: [Team] = []
    /// The line that matched each plan team, by index.
    var matchedLine: [Int: Int] = [:]
    /// The line of each new or changed team's name, by name key.
    var lineOfTeam: [TeamID: Int] = [:]

    init(plan: Plan, sheet: TeamCSVImport.Sheet) {
        self.plan = plan
        self.sheet = sheet
    }

    mutating func match() {
        var byID: [String: Int] = [:]
        var byName: [String: Int] = [:]
        for (index, team) in plan.teams.enumerated() {
            if byID[team.id.raw] == nil { byID[team.id.raw] = index }
            if byName[CSVRowReader.nameKey(team.name)] == nil { byName[CSVRowReader.nameKey(team.name)] = index }
        }
        for row in sheet.rows {
            let named = byName[CSVRowReader.nameKey(row.team.name)]
            let target: Int?
            if !row.id.isEmpty {
                target = byID[row.id]
                if target == nil, let named {
                    let team = plan.teams[named]
                    problems.append(CSVProblem(
                        line: row.line, column: sheet.header(.id, or: "id"),
                        text: "no team with id \(Words.value(row.id)) in the plan, but \(Words.value(team.name)) (\(team.id)) is; "
                            + "correct the id, or clear it to match by name"))
                    continue
                }
            } else {
                target = named
            }
            guard let target else {
                added.append(row)
                continue
            }
            if let first = matchedLine[target] {
                problems.append(CSVProblem(
                    line: row.line, text: "\(Words.value(plan.teams[target].name)) is already updated by line \(first); keep one row per team"))
                continue
            }
            matchedLine[target] = row.line
            lineOfTeam[plan.teams[target].id] = row.line
            compare(plan.teams[target], with: row)
        }
        missing = plan.teams.indices.filter { matchedLine[$0] == nil }.map { plan.teams[$0] }
    }

    /// The team as the row has it, and what differs.
    mutating func compare(_ old: Team, with row: CSVTeamRow) {
        var new = old
        let fields = sheet.fields
        new.name = row.team.name
        if fields.contains(.area) { new.area = row.team.area }
        if fields.contains(.stage) { new.stage = row.team.stage }
        for (index, role) in Roles.fields.enumerated() where fields.contains(.role(index)) {
            new.roles[keyPath: role.keyPath] = row.team.roles[keyPath: role.keyPath]
        }
        for criterion in plan.criteria where fields.contains(.rating(criterion.id)) {
            new.ratings[criterion.id] = row.team.ratings[criterion.id]
        }
        if fields.contains(.tags) { new.tags = row.team.tags }
        if fields.contains(.notes) { new.notes = row.team.notes }
        if let status = row.status, status != old.status {
            guard checkStatus(old, status, line: row.line) else { return }
            new.status = status
        }
        if new.status == .outOfScope {
            new.outOfScopeReason = row.reason ?? old.outOfScopeReason
            if new.outOfScopeReason == nil {
                problems.append(CSVProblem(line: row.line, column: sheet.header(.reason, or: "reason"),
                                           text: "\(Words.value(old.name)) is out of scope, so it needs a reason"))
                return
            }
        } else {
            new.outOfScopeReason = nil
        }
        let differences = TeamFieldWords.changes(from: old, to: new, criteria: plan.criteria)
        if differences.isEmpty {
            unchanged.append(old)
        } else {
            changed.append(TeamSheetUpdate.Changed(old: old, new: new, fields: differences))
        }
    }

    /// A sheet moves a team between candidate and out of scope; waves are planned on the Waves board.
    mutating func checkStatus(_ team: Team, _ status: TeamStatus, line: Int) -> Bool {
        let inWave: Set<TeamStatus> = [.pilot, .inWave]
        guard inWave.contains(team.status) || inWave.contains(status) else { return true }
        let wave = plan.waves.first { $0.teams.contains(team.id) }.map { " (wave \"\($0.name)\")" } ?? ""
        let text = inWave.contains(team.status)
            ? "\(Words.value(team.name)) is \(team.status == .pilot ? "a pilot" : "in a wave")\(wave), but the sheet says "
                + "\(status.label); take it out of its wave on the Waves board, or write \(team.status.label) here"
            : "\(Words.value(team.name)) is \(team.status.label), but the sheet says \(status.label); teams join waves on the "
                + "Waves board, not from a sheet"
        problems.append(CSVProblem(line: line, column: sheet.header(.status, or: "status"), text: text))
        return false
    }

    /// A team missing from the sheet is removed only when nothing else in the plan refers to it.
    mutating func checkRemovable() {
        for team in missing {
            let history = TeamFieldWords.history(of: team, in: plan)
            guard !history.isEmpty else { continue }
            problems.append(CSVProblem(
                line: nil, text: "\(Words.value(team.name)) (\(team.id)) is not in the sheet, but is not removed: it "
                    + Words.list(history) + ", which removing it would delete; keep its row (status out of scope if "
                    + "it no longer takes part), or delete it in the terminal UI's Teams view"))
        }
    }

    /// After the update, no two teams share a name.
    mutating func checkNames(removing: Bool) {
        let removed = removing ? Set(missing.map(\.id)) : []
        var owner: [String: Team] = [:]
        let kept = plan.teams.filter { !removed.contains($0.id) }
        let changedByID = Dictionary(changed.map { ($0.new.id, $0.new) }, uniquingKeysWith: { a, _ in a })
        for team in kept.map({ changedByID[$0.id] ?? $0 }) {
            let key = CSVRowReader.nameKey(team.name)
            if let other = owner[key] {
                let (renamed, kept) = lineOfTeam[team.id] != nil ? (team, other) : (other, team)
                problems.append(CSVProblem(
                    line: lineOfTeam[renamed.id], column: sheet.header(.name, or: "name"),
                    text: "\(Words.value(renamed.name)) is also the name of \(kept.id) (\(Words.value(kept.name))), which the sheet "
                        + "\(lineOfTeam[kept.id] == nil ? "does not list" : "does not rename"); team names must differ"))
            } else {
                owner[key] = team
            }
        }
        for row in added {
            let key = CSVRowReader.nameKey(row.team.name)
            if let other = owner[key] {
                let place = lineOfTeam[other.id].map { ", line \($0)" } ?? ""
                problems.append(CSVProblem(
                    line: row.line, column: sheet.header(.name, or: "name"),
                    text: "\(Words.value(row.team.name)) would also be the name of \(other.id)\(place); team names must differ"))
            }
        }
    }
}
