import Foundation
import Testing
@testable import PilotwaveCore

@Suite("Merging plans by id")
struct PlanMergeTests {
    let base = MergeFixture.base()
    let when = MergeFixture.when

    func merge(_ ours: Plan, _ theirs: Plan) -> PlanMerge.Result {
        let r = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(MergeFixture.problems(r.plan) == [])
        return r
    }

    func team(_ p: Plan, _ id: TeamID) -> Team { p.team(id)! }

    @Test func teamAddedHereAndAnotherRenamedThere() throws {
        let ours = try MergeFixture.edited(base, .addTeam(Team(id: "team-e", name: "Payments")))
        var renamed = team(base, "team-c"); renamed.name = "Pricing"
        let theirs = try MergeFixture.edited(base, .updateTeam(renamed))
        let r = merge(ours, theirs)
        #expect(r.conflicts == [])
        #expect(r.plan.teams.map(\.name) == ["Claims Intake", "Quote & Buy", "Pricing", "Broker Hub", "Payments"])
    }

    @Test func bothRenamedTheSameTeamIsAConflictKeepingOurs() throws {
        var a = team(base, "team-c"); a.name = "Pricing"
        var b = team(base, "team-c"); b.name = "Rates"
        let r = merge(try MergeFixture.edited(base, .updateTeam(a)), try MergeFixture.edited(base, .updateTeam(b)))
        #expect(r.plan.team("team-c")?.name == "Pricing")
        #expect(r.conflicts == [MergeConflict(id: "teams/team-c/name", what: "Team \"Pricing\": name",
                                              ours: "\"Pricing\"", theirs: "\"Rates\"", base: "\"Pricing Engine\"")])
        #expect(r.plan.conflicts == r.conflicts)
    }

    @Test func teamDeletedHereButChangedThere() throws {
        let ours = try MergeFixture.edited(base, .removeTeam("team-b"))
        let theirs = try MergeFixture.edited(base, .setOutcome("team-b", Outcome(statement: "Faster quotes")))
        let r = merge(ours, theirs)
        #expect(r.plan.team("team-b") == nil)
        #expect(r.conflicts.map(\.id) == ["teams/team-b"])
        #expect(r.conflicts.first?.what == "Team \"Quote & Buy\" was deleted here but changed there")
        #expect(r.conflicts.first?.ours == nil)
    }

    @Test func teamDeletedThereAndUnchangedHereIsDeletedWithWhatNamesIt() throws {
        let theirs = try MergeFixture.edited(base, .removeTeam("team-a"))
        let ours = try MergeFixture.edited(base, .renamePlan("Lindenhof 2026"))
        let r = merge(ours, theirs)
        #expect(r.conflicts == [])
        #expect(r.plan.team("team-a") == nil)
        #expect(r.plan.name == "Lindenhof 2026")
        #expect(r.plan.blockers[0].surfacedBy == [])
    }

    @Test func movedHereAndCoachChangedThereBothSurvive() throws {
        let ours = try MergeFixture.edited(base, .moveTeam("team-c", toWave: "wave-2"))
        var t = team(base, "team-c"); t.coach = "coach-2"
        let theirs = try MergeFixture.edited(base, .updateTeam(t))
        let r = merge(ours, theirs)
        #expect(r.conflicts == [])
        #expect(r.plan.wave("wave-2")?.teams == ["team-c"])
        #expect(r.plan.team("team-c")?.coach == "coach-2")
        #expect(r.plan.team("team-c")?.status == .inWave)
    }

    @Test func movedToDifferentWavesIsAConflictInWords() throws {
        let ours = try MergeFixture.edited(base, .moveTeam("team-c", toWave: "wave-2"))
        let theirs = try MergeFixture.edited(base, .moveTeam("team-c", toWave: "wave-3"))
        let r = merge(ours, theirs)
        #expect(r.plan.wave("wave-2")?.teams == ["team-c"])
        #expect(r.plan.wave("wave-3")?.teams == [])
        #expect(r.conflicts.map(\.id) == ["teams/team-c/wave"])
        #expect(r.conflicts.first?.what == "Team \"Pricing Engine\": moved to Wave 2 here, Wave 3 there")
    }

    @Test func teamsAddedToOneWaveOnBothSidesAllStay() throws {
        let ours = try MergeFixture.edited(base, .moveTeam("team-c", toWave: "wave-1"))
        let theirs = try MergeFixture.edited(base, .moveTeam("team-d", toWave: "wave-1"))
        let r = merge(ours, theirs)
        #expect(r.conflicts == [])
        #expect(r.plan.wave("wave-1")?.teams == ["team-c", "team-d"])
    }

    @Test func waveStartChangedOnBothSides() throws {
        var a = base.wave("wave-1")!; a.start = Day(2026, 4, 13)
        var b = base.wave("wave-1")!; b.start = Day(2026, 5, 4)
        let r = merge(try MergeFixture.edited(base, .updateWave(a)), try MergeFixture.edited(base, .updateWave(b)))
        #expect(r.plan.wave("wave-1")?.start == Day(2026, 4, 13))
        #expect(r.conflicts.map(\.what) == ["Wave \"Wave 1\": start"])
        #expect(r.conflicts.first?.theirs == "\"2026-05-04\"")
    }

    @Test func coachesAddedAndEditedOnBothSides() throws {
        var ana = base.coach("coach-1")!; ana.capacity = 6
        let ours = try MergeFixture.edited(base, .updateCoach(ana))
        let theirs = try MergeFixture.edited(base, .addCoach(Coach(id: "coach-9", name: "Dana")))
        let r = merge(ours, theirs)
        #expect(r.conflicts == [])
        #expect(r.plan.coach("coach-1")?.capacity == 6)
        #expect(r.plan.coach("coach-9")?.name == "Dana")
    }

    @Test func coachDeletedThereWhileAssignedHereIsDroppedWithAConflict() throws {
        var t = team(base, "team-c"); t.coach = "coach-3"
        let ours = try MergeFixture.edited(base, .updateTeam(t))
        let theirs = try MergeFixture.edited(base, .removeCoach("coach-3"))
        let r = merge(ours, theirs)
        #expect(r.plan.coach("coach-3") == nil)
        #expect(r.plan.team("team-c")?.coach == nil)
        #expect(r.conflicts.map(\.id) == ["teams/team-c/coach"])
        #expect(r.conflicts.first?.what.contains("coach \"Cleo\" was deleted there") == true)
    }

    @Test func criteriaWeightsAndRatings() throws {
        let ours = try MergeFixture.edited(base, .setWeight("familiarity", 5), .rateTeam("team-a", "familiarity", 4))
        let theirs = try MergeFixture.edited(base, .setWeight("size", 0), .rateTeam("team-a", "customerAccess", 2),
                                             .setWeight("familiarity", 1))
        let r = merge(ours, theirs)
        #expect(r.plan.criterion("size")?.weight == 0)
        #expect(r.plan.criterion("familiarity")?.weight == 5)
        #expect(r.plan.team("team-a")?.ratings == ["familiarity": 4, "customerAccess": 2])
        #expect(r.conflicts.map(\.what) == ["Criterion \"Familiarity\": weight"])
    }

    @Test func readinessSignalsOnBothSidesAreAUnion() throws {
        let s1 = ReadinessSignal(id: "sig-1", dimension: "feltPain", rating: 3, recordedAt: when)
        let s2 = ReadinessSignal(id: "sig-2", dimension: "feltPain", team: "team-a", rating: 4, recordedAt: when)
        let r = merge(try MergeFixture.edited(base, .recordSignal(s1)), try MergeFixture.edited(base, .recordSignal(s2)))
        #expect(r.conflicts == [])
        #expect(r.plan.signals.map(\.id) == ["sig-1", "sig-2"])
    }

    @Test func noteForATeamDeletedOnTheOtherSideIsDroppedAndSaid() throws {
        let note = ResistanceNote(id: "note-1", team: "team-d", words: "We don't have time", kind: .noTime, recordedAt: when)
        let ours = try MergeFixture.edited(base, .removeTeam("team-d"))
        let theirs = try MergeFixture.edited(base, .addNote(note),
                                             .addNote(ResistanceNote(id: "note-2", stakeholder: "sh-1", words: "Never here",
                                                                     kind: .neverWorkHere, recordedAt: when)))
        let r = merge(ours, theirs)
        #expect(r.plan.resistance.map(\.id) == ["note-2"])
        #expect(r.conflicts.map(\.id) == ["resistance/note-1"])
        #expect(r.conflicts.first?.what == "Resistance note \"We don't have time\" dropped: team \"Broker Hub\" was deleted here")
    }

    @Test func blockersDeletedThereLeaveNoDanglingWaveEntry() throws {
        var w = base.wave("wave-2")!; w.entry.blockers = ["blk-1"]
        let ours = try MergeFixture.edited(base, .updateWave(w))
        let theirs = try MergeFixture.edited(base, .removeBlocker("blk-1"))
        let r = merge(ours, theirs)
        #expect(r.plan.blockers == [])
        #expect(r.plan.wave("wave-2")?.entry.blockers == [])
        #expect(r.conflicts.map(\.id) == ["waves/wave-2/entry"])
        #expect(r.conflicts.first?.what.contains("blocker \"Annual budgets\" was deleted there") == true)
    }

    @Test func blockerSurfacedByMergesAsASet() throws {
        var a = base.blocker("blk-1")!; a.surfacedBy.append("team-b"); a.status = .inProgress
        var b = base.blocker("blk-1")!; b.surfacedBy = ["team-c"]
        let r = merge(try MergeFixture.edited(base, .updateBlocker(a)), try MergeFixture.edited(base, .updateBlocker(b)))
        #expect(r.conflicts == [])
        #expect(r.plan.blocker("blk-1")?.surfacedBy == ["team-b", "team-c"])
        #expect(r.plan.blocker("blk-1")?.status == .inProgress)
    }

    @Test func decisionsAndActionsRecordedOnBothSidesAllSurvive() throws {
        let ours = try MergeFixture.edited(base, .recordDecision(Decision(id: "dec-1", text: "Start pilots", decidedBy: "COO", at: when)),
                                           .addAction(ActionItem(id: "act-1", text: "Book room", owner: "Ana", createdAt: when)))
        var theirs = try MergeFixture.edited(base, .recordDecision(Decision(id: "dec-2", text: "Fund by outcome", decidedBy: "CFO", at: when)),
                                             .addAction(ActionItem(id: "act-2", text: "Send invite", owner: "Ben", createdAt: when)))
        var done = theirs.action("act-2")!; done.done = true
        try PlanEdit.updateAction(done).apply(to: &theirs)
        let r = merge(ours, theirs)
        #expect(r.conflicts == [])
        #expect(r.plan.decisions.map(\.id) == ["dec-1", "dec-2"])
        #expect(r.plan.actions.map(\.id) == ["act-1", "act-2"])
        #expect(r.plan.action("act-2")?.done == true)
    }

    @Test func actionDueChangedOnBothSides() throws {
        let start = try MergeFixture.edited(base, .addAction(ActionItem(id: "act-1", text: "Book room", owner: "Ana", createdAt: when)))
        var a = start.action("act-1")!; a.due = Day(2026, 3, 1)
        var b = start.action("act-1")!; b.due = Day(2026, 3, 8)
        let r = PlanMerge.merge(base: start, ours: try MergeFixture.edited(start, .updateAction(a)),
                                theirs: try MergeFixture.edited(start, .updateAction(b)))
        #expect(r.conflicts.map(\.what) == ["Action \"Book room\": due"])
    }

    @Test func ballotsCastOnBothSidesAreAUnion() throws {
        let ours = try MergeFixture.edited(base, .castBallot("vote-1", Ballot(voter: "Ana", votes: [TeamVotes(team: "team-a", votes: 3)])))
        let theirs = try MergeFixture.edited(base, .castBallot("vote-1", Ballot(voter: "Ben", votes: [TeamVotes(team: "team-b", votes: 2)])))
        let r = merge(ours, theirs)
        #expect(r.conflicts == [])
        #expect(r.plan.voteRound("vote-1")?.ballots.map(\.voter) == ["Ana", "Ben"])
        #expect(r.plan.voteRound("vote-1")?.ballotCount == 2)
    }

    @Test func scenariosAddedAndNotedOnBothSides() throws {
        var s = base.scenario("sc-1")!; s.note = "Two waves"
        let ours = try MergeFixture.edited(base, .updateScenario(s))
        let theirs = try MergeFixture.edited(base, .addScenario(Scenario(id: "sc-2", name: "Slower", createdAt: when)))
        let r = merge(ours, theirs)
        #expect(r.conflicts == [])
        #expect(r.plan.scenarios.map(\.note) == ["Two waves", ""])
    }

    @Test func workshopsTitledDifferentlyAndParkedOnBothSides() throws {
        var a = base.workshop("ws-1")!; a.title = "Choosing pilots"; a.parkingLot = [ParkingItem(text: "Budget?", at: when)]
        var b = base.workshop("ws-1")!; b.title = "Pilot picks"; b.parkingLot = [ParkingItem(text: "Who coaches?", at: when)]
        let r = merge(try MergeFixture.edited(base, .updateWorkshop(a)), try MergeFixture.edited(base, .updateWorkshop(b)))
        #expect(r.plan.workshop("ws-1")?.parkingLot.map(\.text) == ["Budget?", "Who coaches?"])
        #expect(r.conflicts.map(\.what) == ["Workshop \"Choosing pilots\": title"])
    }

    @Test func planSettingsAndName() throws {
        let ours = try MergeFixture.edited(base, .setSettings(PlanSettings(maxTeamSize: 8)), .renamePlan("Ours"))
        let theirs = try MergeFixture.edited(base, .setSettings(PlanSettings(maxTeamSize: 12, maxWaveSharePercent: 40)),
                                             .renamePlan("Theirs"))
        let r = merge(ours, theirs)
        #expect(r.plan.name == "Ours")
        #expect(r.plan.settings == PlanSettings(maxTeamSize: 8, maxWaveSharePercent: 40))
        #expect(r.conflicts.map(\.id) == ["name", "settings"])
        #expect(r.conflicts.map(\.what) == ["Plan name", "Plan settings"])
    }

    @Test func conflictsAlreadyInOursAreKept() throws {
        var ours = base
        ours.conflicts = [MergeConflict(id: "name", what: "Plan name", ours: "\"A\"", theirs: "\"B\"", base: nil)]
        let r = merge(ours, try MergeFixture.edited(base, .addTeam(Team(id: "team-e", name: "E"))))
        #expect(r.plan.conflicts.map(\.id) == ["name"])
        #expect(r.conflicts == [])
    }

    @Test func resolveAFieldConflictEitherWay() throws {
        var a = team(base, "team-c"); a.name = "Pricing"
        var b = team(base, "team-c"); b.name = "Rates"
        let merged = merge(try MergeFixture.edited(base, .updateTeam(a)), try MergeFixture.edited(base, .updateTeam(b))).plan
        #expect(PlanEdit.resolveConflict("teams/team-c/name", takeTheirs: true).title(in: merged) == "Take theirs: Team \"Pricing\": name")
        var theirs = merged
        try PlanEdit.resolveConflict("teams/team-c/name", takeTheirs: true).apply(to: &theirs)
        #expect(theirs.team("team-c")?.name == "Rates")
        #expect(theirs.conflicts == [])
        var ours = merged
        try PlanEdit.resolveConflict("teams/team-c/name", takeTheirs: false).apply(to: &ours)
        #expect(ours.team("team-c")?.name == "Pricing")
        #expect(ours.conflicts == [])
    }

    @Test func resolveDeleteVersusEditEitherWay() throws {
        var t = team(base, "team-b"); t.notes = "Busy quarter"
        let ours = try MergeFixture.edited(base, .updateTeam(t))
        let theirs = try MergeFixture.edited(base, .removeTeam("team-b"))
        let merged = merge(ours, theirs).plan
        #expect(merged.conflicts.map(\.what) == ["Team \"Quote & Buy\" was changed here but deleted there"])
        var taken = merged
        try PlanEdit.resolveConflict("teams/team-b", takeTheirs: true).apply(to: &taken)
        #expect(taken.team("team-b") == nil)
        #expect(taken.conflicts == [])
        #expect(MergeFixture.problems(taken) == [])
        var kept = merged
        try PlanEdit.resolveConflict("teams/team-b", takeTheirs: false).apply(to: &kept)
        #expect(kept.team("team-b")?.notes == "Busy quarter")
        #expect(kept.conflicts == [])
    }

    @Test func resolveTheirWave() throws {
        let merged = merge(try MergeFixture.edited(base, .moveTeam("team-c", toWave: "wave-2")),
                           try MergeFixture.edited(base, .moveTeam("team-c", toWave: "wave-3"))).plan
        var p = merged
        try PlanEdit.resolveConflict("teams/team-c/wave", takeTheirs: true).apply(to: &p)
        #expect(p.wave("wave-3")?.teams == ["team-c"])
        #expect(p.wave("wave-2")?.teams == [])
        #expect(p.conflicts == [])
    }
}
