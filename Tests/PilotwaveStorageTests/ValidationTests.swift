import Foundation
import PilotwaveCore
import PilotwaveStorage
import Testing

@Suite("Validation")
struct ValidationTests {
    func problems(_ plan: Plan) -> [String] { PlanValidator.validate(plan).map(\.description) }

    @Test func validPlansHaveNoProblems() {
        #expect(problems(Fixtures.smallPlan()) == [])
        #expect(problems(Fixtures.fullPlan()) == [])
        #expect(problems(Plan.empty(id: "p", name: "New", organisation: "Acme")) == [])
    }

    @Test func duplicateIDsInEveryCollection() {
        var plan = Fixtures.fullPlan()
        plan.teams.append(Team(id: "team-2", name: "Copy"))
        plan.coaches.append(Coach(id: "coach-1", name: "Copy"))
        plan.stakeholders.append(Stakeholder(id: "stakeholder-2", name: "Copy"))
        plan.signals.append(ReadinessSignal(id: "signal-1", dimension: ReadinessDimension.feltPain, rating: 2,
                                            recordedAt: Fixtures.monday))
        plan.resistance.append(ResistanceNote(id: "note-2", team: "team-3", words: "No", kind: .other,
                                              recordedAt: Fixtures.monday))
        plan.waves.append(Wave(id: "wave-0", name: "Copy", order: 2))
        plan.blockers.append(Blocker(id: "blocker-1", title: "Copy", category: .other))
        plan.decisions.append(Decision(id: "decision-1", text: "Copy", decidedBy: "x", at: Fixtures.monday))
        plan.workshops.append(Workshop(id: "workshop-1", title: "Copy"))
        plan.actions.append(ActionItem(id: "action-2", text: "Copy", owner: "", createdAt: Fixtures.monday))
        plan.votes.append(VoteRound(id: "vote-2", title: "Copy", budget: 3, attributed: true, openedAt: Fixtures.monday))
        plan.criteria.append(Criterion(id: "familiarity", name: "Copy", source: .rated, weight: 1, help: ""))
        plan.dimensions.append(plan.dimensions[1])
        plan.rounds.append(ParticipantRound(id: "round-1", kind: .concerns, title: "Copy", team: "team-1",
                                            openedAt: Fixtures.monday))
        plan.conflicts.append(MergeConflict(id: "teams/team-1/coach", what: "Copy", ours: nil, theirs: nil, base: nil))
        #expect(problems(plan) == [
            "actions[2].id: duplicate id \"action-2\" (first at actions[1])",
            "blockers[1].id: duplicate id \"blocker-1\" (first at blockers[0])",
            "coaches[2].id: duplicate id \"coach-1\" (first at coaches[0])",
            "conflicts[2].id: duplicate id \"teams/team-1/coach\" (first at conflicts[0])",
            "criteria[7].id: duplicate key \"familiarity\" (first at criteria[0])",
            "decisions[2].id: duplicate id \"decision-1\" (first at decisions[0])",
            "dimensions[8].id: duplicate key \"feltPain\" (first at dimensions[1])",
            "resistance[2].id: duplicate id \"note-2\" (first at resistance[1])",
            "rounds[3].id: duplicate id \"round-1\" (first at rounds[0])",
            "signals[2].id: duplicate id \"signal-1\" (first at signals[0])",
            "stakeholders[2].id: duplicate id \"stakeholder-2\" (first at stakeholders[1])",
            "teams[4].id: duplicate id \"team-2\" (first at teams[1])",
            "votes[2].id: duplicate id \"vote-2\" (first at votes[1])",
            "waves[2].id: duplicate id \"wave-0\" (first at waves[0])",
            "workshops[2].id: duplicate id \"workshop-1\" (first at workshops[0])",
        ])
    }

    /// A merge conflict says where it is, in one of the path forms, and what it is about.
    @Test func mergeConflictsNameAPlaceAndSayWhat() {
        var plan = Fixtures.fullPlan()
        let fine = ["name", "organisation", "settings", "teams/team-1", "waves/wave-0/teams", "rounds/round-1/title"]
        plan.conflicts = fine.map { MergeConflict(id: $0, what: "Something", ours: nil, theirs: "1", base: "2") }
        #expect(problems(plan) == [])
        plan.conflicts = ["", "teams", "squads/team-1", "teams//coach", "teams/team-1/", "teams/team-1/coach/x", "name/x"]
            .map { MergeConflict(id: $0, what: "Something", ours: nil, theirs: nil, base: nil) }
        plan.conflicts.append(MergeConflict(id: "teams/team-2/coach", what: "", ours: nil, theirs: nil, base: nil))
        let expected = "expected \"name\", \"organisation\", \"settings\" or LIST/ID[/FIELD] with LIST one of the plan's lists, found "
        #expect(problems(plan) == [
            "conflicts[0].id: \(expected)\"\"",
            "conflicts[1].id: \(expected)\"teams\"",
            "conflicts[2].id: \(expected)\"squads/team-1\"",
            "conflicts[3].id: \(expected)\"teams//coach\"",
            "conflicts[4].id: \(expected)\"teams/team-1/\"",
            "conflicts[5].id: \(expected)\"teams/team-1/coach/x\"",
            "conflicts[6].id: \(expected)\"name/x\"",
            "conflicts[7].what: expected what the conflict is about in words, found none",
        ])
    }

    @Test func danglingReferences() {
        var plan = Fixtures.fullPlan()
        plan.teams[0].coach = "coach-9"
        plan.teams[0].dependsOn = ["team-2", "team-77"]
        plan.teams[1].ratings["speeed"] = 3
        plan.signals[0].dimension = "vibes"
        plan.signals[1].team = "team-0"
        plan.resistance[0].team = "team-x"
        plan.resistance[1].stakeholder = "stakeholder-x"
        plan.waves[0].entry.blockers = ["blocker-1", "blocker-2"]
        plan.waves[0].entry.readiness[0].dimension = "mood"
        plan.waves[1].teams = ["team-2", "team-404"]
        plan.blockers[0].surfacedBy = ["team-5"]
        plan.coaches[0].seededFrom = "team-6"
        #expect(problems(plan) == [
            "blockers[0].surfacedBy[0]: no team with id \"team-5\"",
            "coaches[0].seededFrom: no team with id \"team-6\"",
            "resistance[0].team: no team with id \"team-x\"",
            "resistance[1].stakeholder: no stakeholder with id \"stakeholder-x\"",
            "signals[0].dimension: no readiness dimension with key \"vibes\"",
            "signals[1].team: no team with id \"team-0\"",
            "teams[0].coach: no coach with id \"coach-9\"",
            "teams[0].dependsOn[1]: no team with id \"team-77\"",
            "teams[1].ratings.speeed: no criterion with key \"speeed\"",
            "waves[0].entry.blockers[1]: no blocker with id \"blocker-2\"",
            "waves[0].entry.readiness[0].dimension: no readiness dimension with key \"mood\"",
            "waves[1].teams[1]: no team with id \"team-404\"",
        ])
    }

    /// Actions and decisions name workshops that exist (deleting a workshop unlinks them).
    @Test func workshopLinksResolve() {
        var plan = Fixtures.fullPlan()
        plan.actions[0].workshop = "workshop-gone"
        plan.actions[1].workshop = "workshop-2"  // fine
        plan.decisions[0].workshop = "workshop-9"
        #expect(problems(plan) == [
            "actions[0].workshop: no workshop with id \"workshop-gone\"",
            "decisions[0].workshop: no workshop with id \"workshop-9\"",
        ])
    }

    @Test func workshopSessionValuesInRange() {
        var plan = Fixtures.fullPlan()
        plan.workshops[0].current = 2  // two steps: 0 or 1
        plan.workshops[0].steps[0].minutes = -5
        plan.workshops[0].steps[0].spentSeconds = -1
        plan.workshops[0].steps[1].extraMinutes = -2
        plan.workshops[1].current = -1  // one step
        plan.workshops.append(Workshop(id: "workshop-3", title: "Empty", current: 1))
        plan.workshops.append(Workshop(id: "workshop-4", title: "Empty, on no step", current: 0))  // fine
        plan.workshops.append(Workshop(id: "workshop-5", title: "Zero-minute step", steps: [
            AgendaStep(title: "Check-out", view: "overview", minutes: 0),
        ]))  // fine: a step may have no timebox
        #expect(problems(plan) == [
            "workshops[0].current: expected a step index 0–1, found 2",
            "workshops[0].steps[0].minutes: expected 0 or more minutes, found -5",
            "workshops[0].steps[0].spentSeconds: expected 0 or more seconds, found -1",
            "workshops[0].steps[1].extraMinutes: expected 0 or more minutes, found -2",
            "workshops[1].current: expected 0 (the workshop has 1 step), found -1",
            "workshops[2].current: expected 0 (the workshop has no steps), found 1",
        ])
    }

    @Test func workshopProblemsAreLocatedInTheFile() {
        var plan = Fixtures.fullPlan()
        plan.workshops[0].steps[1].spentSeconds = -61
        plan.actions[0].workshop = "workshop-0"
        let text = Fixtures.encoded(plan)
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(text.utf8), file: "p.json") }
        let secondsAt = position(of: "-61", in: text)
        let workshopAt = position(of: "\"workshop-0\"", in: text)
        #expect(error?.message == """
            p.json: 2 problems; the file was not changed:
            p.json:\(workshopAt): actions[0].workshop: no workshop with id "workshop-0"
            p.json:\(secondsAt): workshops[0].steps[1].spentSeconds: expected 0 or more seconds, found -61
            """)
    }

    @Test func resistanceNeedsExactlyOneSource() {
        var plan = Fixtures.fullPlan()
        plan.resistance[0].stakeholder = "stakeholder-1"
        plan.resistance[1].stakeholder = nil
        #expect(problems(plan) == [
            "resistance[0]: expected exactly one of team or stakeholder, found both",
            "resistance[1]: expected exactly one of team or stakeholder, found neither",
        ])
    }

    @Test func teamsInWaves() {
        var plan = Fixtures.fullPlan()
        plan.waves[1].teams = ["team-2", "team-1", "team-3", "team-4"]
        #expect(problems(plan) == [
            "waves[1].teams[1]: team \"team-1\" is also in waves[0].teams[0]; a team belongs to at most one wave",
            "waves[1].teams[2]: team \"team-3\" has status candidate; a team in a wave must be pilot or inWave",
            "waves[1].teams[3]: team \"team-4\" has status outOfScope; a team in a wave must be pilot or inWave",
        ])
    }

    @Test func outOfScopeNeedsAReason() {
        var plan = Fixtures.fullPlan()
        plan.teams[3].outOfScopeReason = nil
        plan.teams[2].status = .outOfScope
        plan.teams[2].outOfScopeReason = "  "
        #expect(problems(plan) == [
            "teams[2].outOfScopeReason: expected a reason when status is outOfScope, found an empty string",
            "teams[3].outOfScopeReason: expected a reason when status is outOfScope, found none",
        ])
    }

    @Test func valuesOutOfRange() {
        var plan = Fixtures.fullPlan()
        plan.teams[0].ratings["familiarity"] = 0
        plan.teams[0].ratings["speed"] = 6
        plan.teams[1].roles.design = -1
        plan.teams[1].roles.other = -3
        plan.teams[2].name = " "
        plan.signals[0].rating = 7
        plan.waves[0].entry.readiness[0].minimum = 0
        plan.criteria[0].weight = 11
        plan.criteria[1].weight = -1
        plan.coaches[1].capacity = 0
        #expect(problems(plan) == [
            "coaches[1].capacity: expected 1 or more teams, found 0",
            "criteria[0].weight: expected a weight 0–10, found 11",
            "criteria[1].weight: expected a weight 0–10, found -1",
            "signals[0].rating: expected a rating 1–5, found 7",
            "teams[0].ratings.familiarity: expected a rating 1–5, found 0",
            "teams[0].ratings.speed: expected a rating 1–5, found 6",
            "teams[1].roles.design: expected 0 or more people, found -1",
            "teams[1].roles.other: expected 0 or more people, found -3",
            "teams[2].name: expected a team name, found an empty string",
            "waves[0].entry.readiness[0].minimum: expected a rating 1–5, found 0",
        ])
    }

    @Test func voteRoundsNameTeamsThatExist() {
        var plan = Fixtures.fullPlan()
        plan.votes[0].ballots[1].votes.append(TeamVotes(team: "team-77", votes: 1))
        plan.votes[1].totals[1].team = "team-0"
        #expect(problems(plan) == [
            "votes[0].ballots[1].votes[1].team: no team with id \"team-77\"",
            "votes[1].totals[1].team: no team with id \"team-0\"",
        ])
    }

    @Test func votesAreNotNegative() {
        var plan = Fixtures.fullPlan()
        plan.votes[0].ballots[0].votes[1].votes = -2
        plan.votes[1].totals[0].votes = -1
        plan.votes[1].totals[1].votes = 0  // zero is allowed
        #expect(problems(plan) == [
            "votes[0].ballots[0].votes[1].votes: expected 0 or more votes, found -2",
            "votes[1].totals[0].votes: expected 0 or more votes, found -1",
        ])
    }

    @Test func budgetAndCapInRange() {
        var plan = Fixtures.fullPlan()
        plan.votes[0].budget = 0
        plan.votes[0].capPerTeam = 0
        plan.votes[1].budget = 51
        plan.votes.append(VoteRound(id: "vote-3", title: "Capped", budget: 4, capPerTeam: 5, attributed: false,
                                    openedAt: Fixtures.monday))
        plan.votes.append(VoteRound(id: "vote-4", title: "Edges", budget: 50, capPerTeam: 50, attributed: false,
                                    openedAt: Fixtures.monday))
        plan.votes.append(VoteRound(id: "vote-5", title: "Edges", budget: 1, capPerTeam: 1, attributed: true,
                                    openedAt: Fixtures.monday))
        #expect(problems(plan) == [
            "votes[0].budget: expected 1–50 votes per person, found 0",
            "votes[0].capPerTeam: expected a cap of 1 or more votes per team, found 0",
            "votes[1].budget: expected 1–50 votes per person, found 51",
            "votes[2].capPerTeam: expected a cap of at most the budget (4 votes per person), found 5",
        ])
    }

    @Test func ballotsOnlyWhenAttributedTotalsOnlyWhenNot() {
        var plan = Fixtures.fullPlan()
        plan.votes[0].totals = [TeamVotes(team: "team-1", votes: 6)]
        plan.votes[1].ballots = [Ballot(voter: "Ana Núñez", votes: [TeamVotes(team: "team-1", votes: 2)]),
                                 Ballot(voter: "Bo", votes: [])]
        #expect(problems(plan) == [
            "votes[0].totals: expected no totals in an attributed round (its tally is summed from the ballots), "
                + "found totals for 1 team",
            "votes[1].ballots: expected no ballots in an unattributed round (it keeps only totals and a count), "
                + "found 2 ballots",
        ])
    }

    /// A pilot selection is history: the teams it names may have been deleted since.
    @Test func scenariosNameWhatExists() {
        var plan = Fixtures.fullPlan()
        plan.scenarios[0].waves[0].teams = ["team-3", "team-404"]
        plan.scenarios[0].waves[1].teams.append("team-3")
        plan.scenarios[0].waves[1].entry.blockers = ["blocker-1", "blocker-9"]
        plan.scenarios[0].waves[1].entry.readiness = [ReadinessThreshold(dimension: "mood", minimum: 0)]
        plan.scenarios[0].assignments += [CoachAssignment(team: "team-5", coach: "coach-1"),
                                          CoachAssignment(team: "team-1", coach: "coach-7")]
        plan.scenarios[1].waves = [Wave(id: "w", name: "A", order: 0), Wave(id: "w", name: "B", order: 1)]
        plan.scenarios.append(Scenario(id: "scenario-1", name: "Copy", createdAt: Fixtures.monday))
        #expect(problems(plan) == [
            "scenarios[0].waves[0].teams[1]: no team with id \"team-404\"",
            "scenarios[0].waves[1].teams[2]: team \"team-3\" is also in scenarios[0].waves[0].teams[0]; "
                + "a team belongs to at most one wave",
            "scenarios[0].waves[1].entry.blockers[1]: no blocker with id \"blocker-9\"",
            "scenarios[0].waves[1].entry.readiness[0].dimension: no readiness dimension with key \"mood\"",
            "scenarios[0].waves[1].entry.readiness[0].minimum: expected a rating 1–5, found 0",
            "scenarios[0].assignments[2].team: no team with id \"team-5\"",
            "scenarios[0].assignments[3].team: team \"team-1\" is also assigned at scenarios[0].assignments[0]; "
                + "a team has at most one coach",
            "scenarios[0].assignments[3].coach: no coach with id \"coach-7\"",
            "scenarios[1].waves[1].id: duplicate wave id \"w\" (first at scenarios[1].waves[0])",
            "scenarios[2].id: duplicate id \"scenario-1\" (first at scenarios[0])",
        ])
    }

    /// Participants' rounds name a team, dimensions and a workshop that exist; ratings are 1–5; a
    /// concerns round is about a team, a readiness round rates something.
    @Test func participantRoundsNameWhatExists() {
        var plan = Fixtures.fullPlan()
        plan.rounds[0].team = "team-404"
        plan.rounds[0].dimensions[1] = "mood"
        plan.rounds[0].responses[0].ratings[0].rating = 6
        plan.rounds[0].responses[1].ratings[0].rating = 0
        plan.rounds[0].responses[1].ratings.append(RoundRating(dimension: "vibes", rating: 3))
        plan.rounds[0].workshop = "workshop-gone"
        plan.rounds[1].team = nil
        plan.rounds[2].dimensions = []
        plan.rounds.append(ParticipantRound(id: "round-4", kind: .readiness, title: "Organisation, no workshop",
                                            dimensions: [ReadinessDimension.feltPain],
                                            openedAt: Fixtures.monday))  // fine
        #expect(problems(plan) == [
            "rounds[0].team: no team with id \"team-404\"",
            "rounds[0].dimensions[1]: no readiness dimension with key \"mood\"",
            "rounds[0].responses[0].ratings[0].rating: expected a rating 1–5, found 6",
            "rounds[0].responses[1].ratings[0].rating: expected a rating 1–5, found 0",
            "rounds[0].responses[1].ratings[1].dimension: no readiness dimension with key \"vibes\"",
            "rounds[0].workshop: no workshop with id \"workshop-gone\"",
            "rounds[1].team: expected the team a concerns round is about, found none",
            "rounds[2].dimensions: expected at least one dimension in a readiness round, found none",
        ])
    }

    /// A note a participant raised names them: not empty, at most as long as `pilotwave join` allows.
    @Test func raisedByIsAName() {
        var plan = Fixtures.fullPlan()
        plan.resistance[0].raisedBy = String(repeating: "é", count: 40)  // fine: 40 characters
        #expect(problems(plan) == [])
        plan.resistance[0].raisedBy = String(repeating: "é", count: 41)
        plan.resistance[1].raisedBy = " "
        #expect(problems(plan) == [
            "resistance[0].raisedBy: expected a name of at most 40 characters, found 41",
            "resistance[1].raisedBy: expected a participant's name, found an empty string",
        ])
    }

    @Test func roundProblemsAreLocatedInTheFile() {
        var plan = Fixtures.fullPlan()
        plan.rounds[0].responses[1].ratings[0].rating = 9
        plan.rounds[1].team = "team-gone"
        plan.resistance[1].raisedBy = ""
        let text = Fixtures.encoded(plan)
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(text.utf8), file: "p.json") }
        let raisedAt = position(of: "\"\"", in: text, after: "\"id\" : \"note-2\"")
        let ratingAt = position(of: "9", in: text, after: "\"participant\" : \"Bo\"")
        let teamAt = position(of: "\"team-gone\"", in: text)
        #expect(error?.message == """
            p.json: 3 problems; the file was not changed:
            p.json:\(raisedAt): resistance[1].raisedBy: expected a participant's name, found an empty string
            p.json:\(ratingAt): rounds[0].responses[1].ratings[0].rating: expected a rating 1–5, found 9
            p.json:\(teamAt): rounds[1].team: no team with id "team-gone"
            """)
    }

    @Test func scenarioTeamStatusesAreNotChecked() {
        // An out-of-scope or candidate team in a scenario's wave is fine: statuses follow the
        // scenario's waves when it is applied (out-of-scope teams are left out).
        var plan = Fixtures.fullPlan()
        plan.scenarios[0].waves[1].teams += ["team-3", "team-4"]
        #expect(problems(plan) == [])
    }

    @Test func scenarioProblemsAreLocatedInTheFile() {
        var plan = Fixtures.fullPlan()
        plan.scenarios[0].assignments[1].coach = "coach-gone"
        let text = Fixtures.encoded(plan)
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(text.utf8), file: "p.json") }
        let at = position(of: "\"coach-gone\"", in: text)
        #expect(error?.message == """
            p.json: 1 problem; the file was not changed:
            p.json:\(at): scenarios[0].assignments[1].coach: no coach with id "coach-gone"
            """)
    }

    @Test func selectionsAreNotChecked() {
        var plan = Fixtures.fullPlan()
        #expect(plan.decisions[1].selection?.teams.contains { $0.team == "team-9" } == true)
        plan.decisions[1].selection?.tally.append(TeamVotes(team: "team-404", votes: -1))
        plan.decisions[1].selection?.voteRound = "vote-404"
        plan.decisions[1].selection?.teams.append(SelectedTeam(team: "team-405", name: "Gone", score: 99, votes: -2))
        #expect(problems(plan) == [])
    }

    @Test func voteProblemsAreLocatedInTheFile() {
        var plan = Fixtures.fullPlan()
        plan.votes[1].totals[1].team = "team-0"
        let text = Fixtures.encoded(plan)
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(text.utf8), file: "p.json") }
        let at = position(of: "\"team-0\"", in: text)
        #expect(error?.message == """
            p.json: 1 problem; the file was not changed:
            p.json:\(at): votes[1].totals[1].team: no team with id "team-0"
            """)
    }

    @Test func loadListsEveryProblemWithLineAndColumn() {
        var plan = Fixtures.smallPlan()
        plan.teams[2].id = "team-1"
        plan.teams[1].coach = "coach-9"
        let text = Fixtures.encoded(plan)
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(text.utf8), file: "p.json") }
        #expect(error?.reason == .invalid)
        let coachAt = position(of: "\"coach-9\"", in: text)
        // Keys are sorted, so the third team's id comes after the second team's name.
        let idAt = position(of: "\"team-1\"", in: text, after: "\"name\" : \"Beta\"")
        #expect(error?.message == """
            p.json: 2 problems; the file was not changed:
            p.json:\(coachAt): teams[1].coach: no coach with id "coach-9"
            p.json:\(idAt): teams[2].id: duplicate id "team-1" (first at teams[0])
            """)
    }

    @Test func missingKeyProblemPointsAtTheObject() {
        var plan = Fixtures.smallPlan()
        plan.teams[2].status = .outOfScope
        let text = Fixtures.encoded(plan)
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(text.utf8), file: "p.json") }
        let teamAt = position(of: "{\n      \"area\"", in: text, after: "\"name\" : \"Beta\"")
        #expect(error?.message == """
            p.json: 1 problem; the file was not changed:
            p.json:\(teamAt): teams[2].outOfScopeReason: expected a reason when status is outOfScope, found none
            """)
    }

    @Test func longListsAreCutAfterTwentyProblems() {
        var plan = Fixtures.smallPlan()
        for i in 0..<25 { plan.teams.append(Team(id: TeamID("extra-\(i)"), name: "")) }
        let text = Fixtures.encoded(plan)
        let error = #expect(throws: PlanLoadError.self) { try PlanCodec.decode(Data(text.utf8), file: "p.json") }
        #expect(error?.problems.count == 25)
        let lines = error?.message.split(separator: "\n").map(String.init) ?? []
        #expect(lines.count == 22)
        #expect(lines.first == "p.json: 25 problems; the file was not changed:")
        #expect(lines[1] == "p.json:\(position(of: "\"\"", in: text, after: "\"id\" : \"extra-0\"")): "
            + "teams[3].name: expected a team name, found an empty string")
        #expect(lines.last == "p.json: and 5 more problems")
        #expect(error?.problems[19].position != nil)
        #expect(error?.problems[20].position == nil)
    }

    @Test func validationIsLinear() {
        // 20,000 teams in waves, with coaches and dependencies: a quadratic check would take minutes.
        var plan = Fixtures.smallPlan()
        plan.teams = (0..<20_000).map { i in
            Team(id: TeamID("t\(i)"), name: "Team \(i)", ratings: ["familiarity": 3], status: .inWave,
                 coach: "coach-1", dependsOn: i > 0 ? [TeamID("t\(i - 1)")] : [])
        }
        plan.waves = [Wave(id: "w", name: "All", order: 0, teams: plan.teams.map(\.id))]
        plan.blockers[0].surfacedBy = ["t0"]
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(PlanValidator.validate(plan).isEmpty) }
        #expect(elapsed < .seconds(5))
    }
}
