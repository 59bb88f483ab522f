import PilotwaveCore
import TerminalUI

/// The team form: every field of a team as a draft, edited in place; committed as one edit.
public struct TeamForm: FieldForm, Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        case add
        case edit(TeamID)
        case duplicate(of: TeamID)
    }

    /// One field's editor.
    public enum Editor: Sendable, Equatable {
        case text(TextInput)
        /// Whole number ≥ 0, typed as text.
        case count(TextInput)
        /// One of `options`; ←/→ or Space cycle, a letter jumps to the next option starting with it.
        case choice(options: [String], index: Int)
        /// 1–5 or unrated (nil); digits set it, 0 / Backspace / `-` clear it.
        case rating(Int?)
    }

    public struct Field: Sendable, Equatable {
        public var key: String
        public var label: String
        public var editor: Editor
        /// A short note under the label: the criterion's anchors, the format expected.
        public var help: String
        /// The field's problem after a commit attempt, shown next to it.
        public var error: String?
        /// Something to think about before saving (the value is allowed), shown next to the field.
        public var warning: String?
        /// A date field (``Day/typed(_:today:)`` reads it; the form shows the day it resolves to).
        public var isDate = false
        /// A field that names a team (`.one`) or teams separated by commas (`.list`): the form
        /// shows beside it the team(s) its text resolves to as it is typed (``echo``).
        public var teamNames: TeamNames = .no
        /// What the text resolves to ("= Sales Broker Hub") or why not, for the text in `echoSource`;
        /// set by the reducer when the text changes, never while drawing.
        public var echo: Echo?

        public enum TeamNames: Sendable, Equatable { case no, one, list }

        public struct Echo: Sendable, Equatable {
            public var text: String
            public var ok: Bool
            public var source: String
        }

        /// A field; a text or number field given a value starts with it all selected, so that
        /// typing replaces it (a movement key keeps it and moves the cursor) — in every form.
        public init(key: String, label: String, editor: Editor, help: String, error: String? = nil, isDate: Bool = false,
                    teamNames: TeamNames = .no) {
            self.key = key
            self.label = label
            switch editor {
            case .text(var input):
                input.selectAll()
                self.editor = .text(input)
            case .count(var input):
                input.selectAll()
                self.editor = .count(input)
            default:
                self.editor = editor
            }
            self.help = help
            self.error = error
            self.isDate = isDate
            self.teamNames = teamNames
        }
    }

    public var mode: Mode
    public var fields: [Field]
    public var focus = 0
    /// The team as it was when the form opened (edit) or the template (add, duplicate).
    public var original: Team
    /// Coach ids in the order of the coach choice (after "none").
    var coachIDs: [CoachID]

    public var title: String {
        switch mode {
        case .add: "Add team"
        case .edit: "Edit team — \(original.name)"
        case .duplicate: "Duplicate team — \(original.name)"
        }
    }

    /// The names of the teams `ids`, looked up by index where known.
    static func names(of ids: [TeamID], in plan: Plan, indexByID: [TeamID: Int]) -> [String] {
        ids.compactMap { id in
            if let i = indexByID[id], i < plan.teams.count, plan.teams[i].id == id { return plan.teams[i].name }
            return plan.team(id)?.name
        }
    }

    static let statusChoices: [TeamStatus] = [.candidate, .pilot, .inWave, .outOfScope]
    static let stageChoices = LifecycleStage.allCases

    /// A form for `team`. `indexByID` (team id → index in `plan.teams`, as ``Derived`` keeps it)
    /// lets the form name the teams this one depends on without a search through the plan.
    public init(mode: Mode, team: Team, plan: Plan, indexByID: [TeamID: Int] = [:]) {
        self.mode = mode
        original = team
        coachIDs = plan.coaches.map(\.id)
        var fields: [Field] = [
            Field(key: "name", label: "Name", editor: .text(TextInput(team.name, limit: 120)), help: "Required; unique in the plan."),
            Field(key: "area", label: "Area", editor: .text(TextInput(team.area, limit: 120)), help: "Business area or domain."),
            Field(key: "stage", label: "Lifecycle stage",
                  editor: .choice(options: Self.stageChoices.map(\.label), index: Self.stageChoices.firstIndex(of: team.stage) ?? 0),
                  help: "explore or invest suit a pilot; sustain or retire are hard flags."),
        ]
        for (name, keyPath) in Roles.fields {
            fields.append(Field(key: "roles.\(name)", label: name.capitalized + " people",
                                editor: .count(TextInput(String(team.roles[keyPath: keyPath]), limit: 4)),
                                help: "How many people in this role (0 or more)."))
        }
        for criterion in plan.criteria where criterion.source == .rated {
            let anchors = criterion.anchors.isEmpty ? criterion.help : criterion.anchors.enumerated()
                .map { "\($0.offset + 1) \($0.element)" }.joined(separator: " · ")
            fields.append(Field(key: "rating.\(criterion.id)", label: criterion.name,
                                editor: .rating(team.ratings[criterion.id]), help: "1–5, 0 = unrated. " + anchors))
        }
        let outcome = team.outcome ?? Outcome(statement: "")
        fields += [
            Field(key: "outcome.statement", label: "Outcome", editor: .text(TextInput(outcome.statement, limit: 300)),
                  help: "A change in customer or business behaviour, not an output like \"launch the app\"."),
            Field(key: "outcome.metric", label: "Outcome metric", editor: .text(TextInput(outcome.metric, limit: 200)),
                  help: "How you will see the change."),
            Field(key: "outcome.baseline", label: "Baseline", editor: .text(TextInput(outcome.baseline, limit: 100)),
                  help: "Where the metric stands today."),
            Field(key: "outcome.target", label: "Target", editor: .text(TextInput(outcome.target, limit: 100)),
                  help: "Where it should be."),
            Field(key: "status", label: "Status",
                  editor: .choice(options: Self.statusChoices.map(\.label), index: Self.statusChoices.firstIndex(of: team.status) ?? 0),
                  help: "candidate, pilot or out of scope (which needs a reason). \"in a wave\" is set by wave planning: P puts the team in a wave from the Teams and Pilots lists and the Waves board."),
            Field(key: "reason", label: "Out-of-scope reason", editor: .text(TextInput(team.outOfScopeReason ?? "", limit: 300)),
                  help: "Why the team stays project-shaped (regulation, a one-off migration…)."),
            Field(key: "coach", label: "Coach",
                  editor: .choice(options: ["none"] + plan.coaches.map(\.name),
                                  index: team.coach.flatMap { c in plan.coaches.firstIndex { $0.id == c } }.map { $0 + 1 } ?? 0),
                  help: "The coach who supports this team."),
            Field(key: "dependsOn", label: "Depends on",
                  editor: .text(TextInput(Self.names(of: team.dependsOn, in: plan, indexByID: indexByID).joined(separator: ", "), limit: 500)),
                  help: "Names of teams this team waits on, separated by commas.", teamNames: .list),
            Field(key: "tags", label: "Tags", editor: .text(TextInput(team.tags.joined(separator: ", "), limit: 300)),
                  help: "Separated by commas."),
            Field(key: "notes", label: "Notes", editor: .text(TextInput(team.notes, limit: 1000)), help: "Anything else."),
        ]
        self.fields = fields
    }

    /// The field with focus.


    /// Builds the team from the fields, or marks the fields in error and returns nil (focus moves
    /// to the first field in error).
    mutating func build(plan: Plan, id: TeamID) -> Team? {
        for i in fields.indices { fields[i].error = nil }
        var team = original
        team.id = id
        team.name = text("name").trimmingWhitespace()
        if team.name.isEmpty { setError("name", "a team needs a name") }
        let clash = plan.teams.first { $0.name.lowercased() == team.name.lowercased() && $0.id != id }
        if let clash { setError("name", "\"\(clash.name)\" already exists") }
        team.area = text("area").trimmingWhitespace()
        team.stage = Self.stageChoices[choice("stage")]
        for (name, keyPath) in Roles.fields {
            let raw = text("roles.\(name)").trimmingWhitespace()
            if raw.isEmpty {
                team.roles[keyPath: keyPath] = 0
            } else if let n = Int(raw), n >= 0, n <= 999 {
                team.roles[keyPath: keyPath] = n
            } else {
                setError("roles.\(name)", "a whole number 0–999")
            }
        }
        var ratings: [CriterionKey: Int] = [:]
        for field in fields where field.key.hasPrefix("rating.") {
            if case .rating(let v?) = field.editor { ratings[CriterionKey(String(field.key.dropFirst(7)))] = v }
        }
        // Ratings for criteria the form does not show (not rated criteria) are kept.
        for (key, value) in original.ratings where !fields.contains(where: { $0.key == "rating.\(key)" }) {
            ratings[key] = value
        }
        team.ratings = ratings
        let outcome = Outcome(statement: text("outcome.statement").trimmingWhitespace(),
                              metric: text("outcome.metric").trimmingWhitespace(),
                              baseline: text("outcome.baseline").trimmingWhitespace(),
                              target: text("outcome.target").trimmingWhitespace())
        team.outcome = outcome.isEmpty ? nil : outcome
        team.status = Self.statusChoices[choice("status")]
        let reason = text("reason").trimmingWhitespace()
        team.outOfScopeReason = team.status == .outOfScope ? reason : nil
        if team.status == .outOfScope && reason.isEmpty { setError("reason", "say why the team is out of scope") }
        let inAWave = plan.waves.contains { $0.teams.contains(id) }
        if team.status == .inWave && !inAWave { setError("status", "only wave planning puts a team in a wave") }
        let coachIndex = choice("coach")
        team.coach = coachIndex == 0 ? nil : coachIDs[coachIndex - 1]
        var deps: [TeamID] = []
        for name in text("dependsOn").split(separator: ",").map({ String($0).trimmingWhitespace() }) where !name.isEmpty {
            let match = TeamMatch.resolve(name, in: plan.teams.filter { $0.id != id })
            if case .team(let dep) = match {
                if !deps.contains(dep) { deps.append(dep) }
            } else {
                setError("dependsOn", TeamMatch.problem(name, match) ?? "")
            }
        }
        team.dependsOn = deps
        team.tags = text("tags").split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        team.notes = text("notes").trimmingWhitespace()
        if let bad = fields.firstIndex(where: { $0.error != nil }) {
            focus = bad
            return nil
        }
        return team
    }
}
