import PilotwaveCore

/// Checks the rules a decoded plan must keep before it is opened: unique ids, references that
/// resolve, values in range. Finds *every* problem, in one linear pass over the plan (dictionaries,
/// no nested scans), so that plans of 100,000 teams load quickly.
///
/// These are the rules that make a file unusable if broken. Softer advice (a wave that is too big, a
/// pilot without an outcome) belongs to the plan checks in PilotwaveCore, not here.
public enum PlanValidator {
    /// Every problem in `plan`, ordered by collection (in the file's key order) and then by position
    /// in the collection; empty when the plan is valid. Positions are not filled in.
    public static func validate(_ plan: Plan) -> [PlanProblem] {
        var v = Validation()
        v.run(plan)
        return v.sorted()
    }
}

private struct Validation {
    /// An id or key from the file, quoted and cut short for a message.
    func q(_ value: some CustomStringConvertible) -> String { Words.value(value.description) }

    /// A problem with the collection and element it belongs to, for ordering.
    var found: [(collection: String, index: Int, problem: PlanProblem)] = []

    mutating func add(_ collection: String, _ index: Int, _ rest: [JSONPath.Component], _ text: String) {
        let path = JSONPath([.key(collection), .index(index)] + rest)
        found.append((collection, index, PlanProblem(path: path, text: text)))
    }

    func sorted() -> [PlanProblem] {
        found.enumerated().sorted { a, b in
            (a.element.collection, a.element.index, a.offset) < (b.element.collection, b.element.index, b.offset)
        }.map(\.element.problem)
    }

    /// Index of the first element with each id; reports later duplicates.
    mutating func index<T>(_ items: [T], _ collection: String, noun: String = "id", _ id: (T) -> String) -> [String: Int] {
        var first: [String: Int] = [:]
        first.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            let key = id(item)
            if let j = first[key] {
                add(collection, i, [.key("id")], "duplicate \(noun) \(q(key)) (first at \(collection)[\(j)])")
            } else {
                first[key] = i
            }
        }
        return first
    }

    mutating func rating(_ value: Int, _ collection: String, _ i: Int, _ rest: [JSONPath.Component]) {
        if !Criterion.ratingRange.contains(value) {
            add(collection, i, rest, "expected a rating 1–5, found \(value)")
        }
    }

    mutating func run(_ plan: Plan) {
        let teams = index(plan.teams, "teams") { $0.id.raw }
        let coaches = index(plan.coaches, "coaches") { $0.id.raw }
        let stakeholders = index(plan.stakeholders, "stakeholders") { $0.id.raw }
        _ = index(plan.signals, "signals") { $0.id.raw }
        _ = index(plan.resistance, "resistance") { $0.id.raw }
        _ = index(plan.waves, "waves") { $0.id.raw }
        let blockers = index(plan.blockers, "blockers") { $0.id.raw }
        _ = index(plan.decisions, "decisions") { $0.id.raw }
        let workshops = index(plan.workshops, "workshops") { $0.id.raw }
        _ = index(plan.actions, "actions") { $0.id.raw }
        _ = index(plan.votes, "votes") { $0.id.raw }
        _ = index(plan.scenarios, "scenarios") { $0.id.raw }
        _ = index(plan.rounds, "rounds") { $0.id.raw }
        _ = index(plan.conflicts, "conflicts") { $0.id }
        let criteria = index(plan.criteria, "criteria", noun: "key") { $0.id }
        let dimensions = index(plan.dimensions, "dimensions", noun: "key") { $0.id }

        for (i, criterion) in plan.criteria.enumerated() where !Criterion.weightRange.contains(criterion.weight) {
            add("criteria", i, [.key("weight")], "expected a weight 0–10, found \(criterion.weight)")
        }

        for (i, team) in plan.teams.enumerated() {
            checkTeam(team, i, teams: teams, coaches: coaches, criteria: criteria)
        }

        for (i, coach) in plan.coaches.enumerated() {
            if coach.capacity < 1 {
                add("coaches", i, [.key("capacity")], "expected 1 or more teams, found \(coach.capacity)")
            }
            if let team = coach.seededFrom, teams[team.raw] == nil {
                add("coaches", i, [.key("seededFrom")], "no team with id \(q(team))")
            }
        }

        for (i, signal) in plan.signals.enumerated() {
            if dimensions[signal.dimension] == nil {
                add("signals", i, [.key("dimension")], "no readiness dimension with key \(q(signal.dimension))")
            }
            if let team = signal.team, teams[team.raw] == nil {
                add("signals", i, [.key("team")], "no team with id \(q(team))")
            }
            rating(signal.rating, "signals", i, [.key("rating")])
        }

        for (i, note) in plan.resistance.enumerated() {
            switch (note.team, note.stakeholder) {
            case (nil, nil):
                add("resistance", i, [], "expected exactly one of team or stakeholder, found neither")
            case (.some, .some):
                add("resistance", i, [], "expected exactly one of team or stakeholder, found both")
            default:
                break
            }
            if let team = note.team, teams[team.raw] == nil {
                add("resistance", i, [.key("team")], "no team with id \(q(team))")
            }
            if let stakeholder = note.stakeholder, stakeholders[stakeholder.raw] == nil {
                add("resistance", i, [.key("stakeholder")], "no stakeholder with id \(q(stakeholder))")
            }
        }

        var waveOfTeam: [String: (wave: Int, slot: Int)] = [:]
        for (w, wave) in plan.waves.enumerated() {
            for (k, teamID) in wave.teams.enumerated() {
                guard let t = teams[teamID.raw] else {
                    add("waves", w, [.key("teams"), .index(k)], "no team with id \(q(teamID))")
                    continue
                }
                if let earlier = waveOfTeam[teamID.raw] {
                    add("waves", w, [.key("teams"), .index(k)],
                        "team \(q(teamID)) is also in waves[\(earlier.wave)].teams[\(earlier.slot)]; "
                            + "a team belongs to at most one wave")
                } else {
                    waveOfTeam[teamID.raw] = (w, k)
                }
                let status = plan.teams[t].status
                if status == .candidate || status == .outOfScope {
                    add("waves", w, [.key("teams"), .index(k)],
                        "team \(q(teamID)) has status \(status.rawValue); a team in a wave must be pilot or inWave")
                }
            }
            for (k, blocker) in wave.entry.blockers.enumerated() where blockers[blocker.raw] == nil {
                add("waves", w, [.key("entry"), .key("blockers"), .index(k)], "no blocker with id \(q(blocker))")
            }
            for (k, threshold) in wave.entry.readiness.enumerated() {
                let at: [JSONPath.Component] = [.key("entry"), .key("readiness"), .index(k)]
                if dimensions[threshold.dimension] == nil {
                    add("waves", w, at + [.key("dimension")],
                        "no readiness dimension with key \(q(threshold.dimension))")
                }
                rating(threshold.minimum, "waves", w, at + [.key("minimum")])
            }
        }

        for (i, blocker) in plan.blockers.enumerated() {
            for (k, team) in blocker.surfacedBy.enumerated() where teams[team.raw] == nil {
                add("blockers", i, [.key("surfacedBy"), .index(k)], "no team with id \(q(team))")
            }
        }

        // Decisions' `selection` is history (its teams may since have been deleted): not checked.
        // Their `workshop` is not: deleting a workshop unlinks its decisions.
        for (i, decision) in plan.decisions.enumerated() {
            if let workshop = decision.workshop, workshops[workshop.raw] == nil {
                add("decisions", i, [.key("workshop")], "no workshop with id \(q(workshop))")
            }
        }

        for (i, workshop) in plan.workshops.enumerated() {
            checkWorkshop(workshop, i)
        }

        for (i, action) in plan.actions.enumerated() {
            if let workshop = action.workshop, workshops[workshop.raw] == nil {
                add("actions", i, [.key("workshop")], "no workshop with id \(q(workshop))")
            }
        }
        for (i, note) in plan.resistance.enumerated() {
            if let workshop = note.workshop, workshops[workshop.raw] == nil {
                add("resistance", i, [.key("workshop")], "no workshop with id \"\(workshop)\"")
            }
            if let name = note.raisedBy {
                if name.trimmingWhitespace().isEmpty {
                    add("resistance", i, [.key("raisedBy")], "expected a participant's name, found an empty string")
                } else if name.count > Submission.maxNameLength {
                    add("resistance", i, [.key("raisedBy")],
                        "expected a name of at most \(Submission.maxNameLength) characters, found \(name.count)")
                }
            }
        }

        for (i, round) in plan.votes.enumerated() {
            checkVoteRound(round, i, teams: teams)
        }

        for (i, scenario) in plan.scenarios.enumerated() {
            checkScenario(scenario, i, teams: teams, coaches: coaches, blockers: blockers, dimensions: dimensions)
        }

        for (i, round) in plan.rounds.enumerated() {
            checkRound(round, i, teams: teams, dimensions: dimensions, workshops: workshops)
        }

        for (i, conflict) in plan.conflicts.enumerated() {
            checkConflict(conflict, i)
        }
    }

    /// The plan's lists a conflict's id may name (`LIST/ID[/FIELD]`).
    static let conflictLists: Set<String> = [
        "actions", "blockers", "coaches", "criteria", "decisions", "dimensions", "resistance", "rounds", "scenarios",
        "signals", "stakeholders", "teams", "votes", "waves", "workshops",
    ]

    /// A merge conflict says where it is (`name`, `organisation`, `settings`, or `LIST/ID` or
    /// `LIST/ID/FIELD` with LIST one of the plan's lists) and what it is about, in words.
    mutating func checkConflict(_ conflict: MergeConflict, _ i: Int) {
        let parts = conflict.id.split(separator: "/", omittingEmptySubsequences: false)
        let known: Bool
        switch parts.count {
        case 1: known = ["name", "organisation", "settings"].contains(conflict.id)
        case 2, 3: known = Self.conflictLists.contains(String(parts[0])) && parts.dropFirst().allSatisfy { !$0.isEmpty }
        default: known = false
        }
        if !known {
            add("conflicts", i, [.key("id")],
                "expected \"name\", \"organisation\", \"settings\" or LIST/ID[/FIELD] with LIST one of the plan's lists, found \(q(conflict.id))")
        }
        if conflict.what.isEmpty {
            add("conflicts", i, [.key("what")], "expected what the conflict is about in words, found none")
        }
    }

    /// A participants' round names a team, dimensions and a workshop that exist; a concerns round
    /// is about a team, a readiness round rates at least one dimension; ratings are 1–5.
    mutating func checkRound(_ round: ParticipantRound, _ i: Int, teams: [String: Int], dimensions: [String: Int],
                             workshops: [String: Int]) {
        if let team = round.team {
            if teams[team.raw] == nil { add("rounds", i, [.key("team")], "no team with id \(q(team))") }
        } else if round.kind == .concerns {
            add("rounds", i, [.key("team")], "expected the team a concerns round is about, found none")
        }
        if round.kind == .readiness, round.dimensions.isEmpty {
            add("rounds", i, [.key("dimensions")], "expected at least one dimension in a readiness round, found none")
        }
        for (k, dimension) in round.dimensions.enumerated() where dimensions[dimension] == nil {
            add("rounds", i, [.key("dimensions"), .index(k)], "no readiness dimension with key \(q(dimension))")
        }
        for (r, response) in round.responses.enumerated() {
            for (k, line) in response.ratings.enumerated() {
                let at: [JSONPath.Component] = [.key("responses"), .index(r), .key("ratings"), .index(k)]
                if dimensions[line.dimension] == nil {
                    add("rounds", i, at + [.key("dimension")], "no readiness dimension with key \(q(line.dimension))")
                }
                rating(line.rating, "rounds", i, at + [.key("rating")])
            }
        }
        if let workshop = round.workshop, workshops[workshop.raw] == nil {
            add("rounds", i, [.key("workshop")], "no workshop with id \(q(workshop))")
        }
    }

    /// A scenario's waves and coach assignments name teams, coaches, blockers and dimensions that
    /// exist; a team is in at most one of its waves and has at most one coach in it. Team statuses
    /// are not checked: they follow the scenario's waves when it is applied.
    mutating func checkScenario(_ scenario: Scenario, _ i: Int, teams: [String: Int], coaches: [String: Int],
                                blockers: [String: Int], dimensions: [String: Int]) {
        var firstWave: [String: Int] = [:]
        var waveOfTeam: [String: (wave: Int, slot: Int)] = [:]
        for (w, wave) in scenario.waves.enumerated() {
            let at: [JSONPath.Component] = [.key("waves"), .index(w)]
            if let j = firstWave[wave.id.raw] {
                add("scenarios", i, at + [.key("id")],
                    "duplicate wave id \(q(wave.id)) (first at scenarios[\(i)].waves[\(j)])")
            } else {
                firstWave[wave.id.raw] = w
            }
            for (k, teamID) in wave.teams.enumerated() {
                guard teams[teamID.raw] != nil else {
                    add("scenarios", i, at + [.key("teams"), .index(k)], "no team with id \(q(teamID))")
                    continue
                }
                if let earlier = waveOfTeam[teamID.raw] {
                    add("scenarios", i, at + [.key("teams"), .index(k)],
                        "team \(q(teamID)) is also in scenarios[\(i)].waves[\(earlier.wave)].teams[\(earlier.slot)]; "
                            + "a team belongs to at most one wave")
                } else {
                    waveOfTeam[teamID.raw] = (w, k)
                }
            }
            for (k, blocker) in wave.entry.blockers.enumerated() where blockers[blocker.raw] == nil {
                add("scenarios", i, at + [.key("entry"), .key("blockers"), .index(k)], "no blocker with id \(q(blocker))")
            }
            for (k, threshold) in wave.entry.readiness.enumerated() {
                let path = at + [.key("entry"), .key("readiness"), .index(k)]
                if dimensions[threshold.dimension] == nil {
                    add("scenarios", i, path + [.key("dimension")],
                        "no readiness dimension with key \(q(threshold.dimension))")
                }
                rating(threshold.minimum, "scenarios", i, path + [.key("minimum")])
            }
        }
        var assigned: [String: Int] = [:]
        for (k, assignment) in scenario.assignments.enumerated() {
            let at: [JSONPath.Component] = [.key("assignments"), .index(k)]
            if teams[assignment.team.raw] == nil {
                add("scenarios", i, at + [.key("team")], "no team with id \(q(assignment.team))")
            } else if let j = assigned[assignment.team.raw] {
                add("scenarios", i, at + [.key("team")],
                    "team \(q(assignment.team)) is also assigned at scenarios[\(i)].assignments[\(j)]; "
                        + "a team has at most one coach")
            } else {
                assigned[assignment.team.raw] = k
            }
            if coaches[assignment.coach.raw] == nil {
                add("scenarios", i, at + [.key("coach")], "no coach with id \(q(assignment.coach))")
            }
        }
    }

    /// A workshop's `current` names one of its steps (or is 0 when it has none); its steps'
    /// timeboxes, time spent and extensions are 0 or more.
    mutating func checkWorkshop(_ workshop: Workshop, _ i: Int) {
        let n = workshop.steps.count
        if n == 0, workshop.current != 0 {
            add("workshops", i, [.key("current")], "expected 0 (the workshop has no steps), found \(workshop.current)")
        } else if n > 0, !(0..<n).contains(workshop.current) {
            let range = n == 1 ? "0 (the workshop has 1 step)" : "a step index 0–\(n - 1)"
            add("workshops", i, [.key("current")], "expected \(range), found \(workshop.current)")
        }
        for (k, step) in workshop.steps.enumerated() {
            let at: [JSONPath.Component] = [.key("steps"), .index(k)]
            if step.minutes < 0 {
                add("workshops", i, at + [.key("minutes")], "expected 0 or more minutes, found \(step.minutes)")
            }
            if step.spentSeconds < 0 {
                add("workshops", i, at + [.key("spentSeconds")],
                    "expected 0 or more seconds, found \(step.spentSeconds)")
            }
            if step.extraMinutes < 0 {
                add("workshops", i, at + [.key("extraMinutes")],
                    "expected 0 or more minutes, found \(step.extraMinutes)")
            }
        }
    }

    mutating func checkVoteRound(_ round: VoteRound, _ i: Int, teams: [String: Int]) {
        let range = VoteRound.budgetRange
        if !range.contains(round.budget) {
            add("votes", i, [.key("budget")],
                "expected \(range.lowerBound)–\(range.upperBound) votes per person, found \(round.budget)")
        }
        if let cap = round.capPerTeam {
            if cap < 1 {
                add("votes", i, [.key("capPerTeam")], "expected a cap of 1 or more votes per team, found \(cap)")
            } else if cap > round.budget {
                add("votes", i, [.key("capPerTeam")],
                    "expected a cap of at most the budget (\(round.budget) votes per person), found \(cap)")
            }
        }
        if round.attributed, !round.totals.isEmpty {
            let n = round.totals.count
            add("votes", i, [.key("totals")],
                "expected no totals in an attributed round (its tally is summed from the ballots), "
                    + "found totals for \(n) \(n == 1 ? "team" : "teams")")
        }
        if !round.attributed, !round.ballots.isEmpty {
            let n = round.ballots.count
            add("votes", i, [.key("ballots")],
                "expected no ballots in an unattributed round (it keeps only totals and a count), "
                    + "found \(n) \(n == 1 ? "ballot" : "ballots")")
        }
        for (b, ballot) in round.ballots.enumerated() {
            for (k, line) in ballot.votes.enumerated() {
                checkVotes(line, i, [.key("ballots"), .index(b), .key("votes"), .index(k)], teams: teams)
            }
        }
        for (k, line) in round.totals.enumerated() {
            checkVotes(line, i, [.key("totals"), .index(k)], teams: teams)
        }
    }

    /// A line of a ballot or of the totals of `votes[i]`: a team that exists, 0 or more votes.
    mutating func checkVotes(_ line: TeamVotes, _ i: Int, _ at: [JSONPath.Component], teams: [String: Int]) {
        if teams[line.team.raw] == nil {
            add("votes", i, at + [.key("team")], "no team with id \(q(line.team))")
        }
        if line.votes < 0 {
            add("votes", i, at + [.key("votes")], "expected 0 or more votes, found \(line.votes)")
        }
    }

    mutating func checkTeam(_ team: Team, _ i: Int, teams: [String: Int], coaches: [String: Int],
                            criteria: [String: Int]) {
        if team.name.trimmingWhitespace().isEmpty {
            add("teams", i, [.key("name")], "expected a team name, found an empty string")
        }
        for field in Roles.fields where team.roles[keyPath: field.keyPath] < 0 {
            add("teams", i, [.key("roles"), .key(field.name)],
                "expected 0 or more people, found \(team.roles[keyPath: field.keyPath])")
        }
        if team.ratings.contains(where: { criteria[$0.key] == nil || !Criterion.ratingRange.contains($0.value) }) {
            for (key, value) in team.ratings.sorted(by: { $0.key < $1.key }) {
                if criteria[key] == nil {
                    add("teams", i, [.key("ratings"), .key(key)], "no criterion with key \(q(key))")
                } else {
                    rating(value, "teams", i, [.key("ratings"), .key(key)])
                }
            }
        }
        if team.status == .outOfScope {
            switch team.outOfScopeReason {
            case nil:
                add("teams", i, [.key("outOfScopeReason")], "expected a reason when status is outOfScope, found none")
            case let reason? where reason.trimmingWhitespace().isEmpty:
                add("teams", i, [.key("outOfScopeReason")],
                    "expected a reason when status is outOfScope, found an empty string")
            default:
                break
            }
        }
        if let coach = team.coach, coaches[coach.raw] == nil {
            add("teams", i, [.key("coach")], "no coach with id \(q(coach))")
        }
        for (k, other) in team.dependsOn.enumerated() where teams[other.raw] == nil {
            add("teams", i, [.key("dependsOn"), .index(k)], "no team with id \(q(other))")
        }
    }
}
