import PilotwaveCore

/// One team row of a CSV file, read and checked on its own.
struct CSVTeamRow {
    var line: Int
    /// The id cell, trimmed; empty when there is no id column or the cell is empty.
    var id: String
    /// The team the row describes (id `pending`); its status is `candidate` when the cell is empty.
    var team: Team
    /// The status cell, `nil` when it is empty or there is no status column.
    var status: TeamStatus?
    /// The reason cell, `nil` when it is empty or there is no reason column.
    var reason: String?
}

/// Turns CSV rows into draft teams (ids filled in later), collecting every problem.
struct CSVRowReader {
    let fields: [CSVField?]
    let headers: [String]
    /// Whether the rows update the plan's teams (`--update`) rather than add to them.
    let updating: Bool
    var problems: [CSVProblem] = []
    /// Normalised names of teams already in the plan.
    let namesInPlan: [String: TeamID]
    let plan: Plan
    /// Normalised names seen so far in the CSV, with their line.
    var namesInCSV: [String: Int] = [:]
    /// Ids seen so far in the CSV, with their line.
    var idsInCSV: [String: Int] = [:]

    init(plan: Plan, fields: [CSVField?], headers: [String], updating: Bool = false) {
        self.plan = plan
        self.fields = fields
        self.headers = headers
        self.updating = updating
        var names: [String: TeamID] = [:]
        for team in plan.teams where names[CSVRowReader.nameKey(team.name)] == nil {
            names[CSVRowReader.nameKey(team.name)] = team.id
        }
        namesInPlan = names
    }

    /// What the messages about a team already in the plan end with.
    static let updateHint = "to update the plan's teams from this file, use --update"

    static func nameKey(_ name: String) -> String { name.trimmingWhitespace().lowercased() }

    func header(of field: CSVField) -> String? {
        fields.firstIndex(of: field).map { headers[$0] }
    }

    mutating func problem(_ line: Int, _ column: String?, _ text: String) {
        problems.append(CSVProblem(line: line, column: column, text: text))
    }

    /// The team on one row, or `nil` (with problems recorded) if any cell is bad.
    mutating func read(_ cells: [String], line: Int) -> CSVTeamRow? {
        let before = problems.count
        if cells.count > fields.count, cells[fields.count...].contains(where: { !$0.trimmingWhitespace().isEmpty }) {
            problem(line, nil, "\(cells.count) cells, but the header has \(fields.count) columns")
        }
        var team = Team(id: TeamID("pending"), name: "")
        var status: TeamStatus?
        var reason: String?
        var id = ""
        for (column, field) in fields.enumerated() {
            let value = column < cells.count ? cells[column].trimmingWhitespace() : ""
            let header = headers[column]
            guard let field else {
                if header.isEmpty, !value.isEmpty {
                    problem(line, "\(column + 1)", "found \"\(value)\" in a column with no header; name the column or clear it")
                }
                continue
            }
            switch field {
            case .id:
                id = value
                readID(value, line: line, header: header)
            case .name:
                readName(value, line: line, header: header, into: &team)
            case .area:
                team.area = value
            case .stage:
                guard !value.isEmpty else { continue }
                if let stage = LifecycleStage(loose: value) {
                    team.stage = stage
                } else {
                    problem(line, header, "expected one of \(LifecycleStage.expectedValues); found \"\(value)\"")
                }
            case .role(let index):
                guard !value.isEmpty else { continue }
                if let count = Int(value), count >= 0 {
                    team.roles[keyPath: Roles.fields[index].keyPath] = count
                } else {
                    problem(line, header, "expected a whole number 0 or more, found \"\(value)\"")
                }
            case .rating(let key):
                guard !value.isEmpty else { continue }
                if let rating = Int(value), Criterion.ratingRange.contains(rating) {
                    team.ratings[key] = rating
                } else {
                    problem(line, header, "expected a rating 1–5 or empty, found \"\(value)\"")
                }
            case .tags:
                team.tags = value.split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            case .notes:
                team.notes = value
            case .status:
                guard !value.isEmpty else { continue }
                if let parsed = TeamStatus(loose: value), updating || parsed == .candidate || parsed == .outOfScope {
                    status = parsed
                } else {
                    let expected = updating ? "candidate, pilot, in a wave or out of scope" : "candidate or out of scope"
                    problem(line, header, "expected \(expected), found \"\(value)\"")
                }
            case .reason:
                reason = value.isEmpty ? nil : value
            }
        }
        if status == .outOfScope, reason == nil {
            if let reasonHeader = header(of: .reason) {
                problem(line, reasonHeader, "expected a reason when status is out of scope, found an empty cell")
            } else {
                problem(line, header(of: .status), "out of scope needs a reason; add a reason column")
            }
        }
        team.status = status ?? .candidate
        team.outOfScopeReason = status == .outOfScope ? reason : nil
        return problems.count == before ? CSVTeamRow(line: line, id: id, team: team, status: status, reason: reason) : nil
    }

    mutating func readID(_ value: String, line: Int, header: String) {
        guard !value.isEmpty else { return }
        if let first = idsInCSV[value] {
            problem(line, header, "duplicate id \"\(value)\" (first on line \(first))")
            return
        }
        idsInCSV[value] = line
        if !updating, let existing = plan.team(TeamID(value)) {
            problem(line, header, "the team with id \"\(value)\" (\(existing.name)) is already in the plan; "
                + CSVRowReader.updateHint)
        }
    }

    mutating func readName(_ value: String, line: Int, header: String, into team: inout Team) {
        guard !value.isEmpty else {
            problem(line, header, "expected a team name, found an empty cell")
            return
        }
        let key = CSVRowReader.nameKey(value)
        if !updating, let existing = namesInPlan[key] {
            problem(line, header, "a team named \"\(value)\" is already in the plan (\(existing)); \(CSVRowReader.updateHint)")
        } else if let first = namesInCSV[key] {
            problem(line, header, "duplicate team name \"\(value)\" (first on line \(first))")
        } else {
            namesInCSV[key] = line
        }
        team.name = value
    }
}
