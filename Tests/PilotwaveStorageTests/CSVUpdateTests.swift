import Foundation
import PilotwaveCore
import PilotwaveStorage
import Testing

/// `import-teams --update`: a team sheet imported again changes only what changed in the sheet.
@Suite("CSV import, updating the plan's teams")
struct CSVUpdateTests {
    func updating(_ text: String, _ plan: Plan, removeMissing: Bool = false) throws -> TeamSheetUpdate {
        var ids = SequentialIDs()
        return try TeamCSVImport.update(fromCSV: text, file: "teams.csv", plan: plan, ids: &ids, removeMissing: removeMissing)
    }

    func refusal(_ text: String, _ plan: Plan, removeMissing: Bool = false) -> [String] {
        let error = #expect(throws: TeamCSVImportError.self) { try updating(text, plan, removeMissing: removeMissing) }
        return error?.problems.map(\.description) ?? []
    }

    func applied(_ update: TeamSheetUpdate, to plan: Plan) throws -> Plan {
        var plan = plan
        if let edit = update.edit { try edit.apply(to: &plan) }
        return plan
    }

    static let sheet = """
        Team name;Area;Stage;PM;Designers;Engineers;Familiarity;Tags;Notes;Status;Reason
        Claims Core;Claims;invest;1;1;4;3;"motor; home";"Two sites, one backlog";;
        Policy Admin;Policy;sustain;1;0;3;;;;out of scope;Regulator owns the roadmap

        """

    @Test func theSameSheetImportedAgainChangesNothing() throws {
        var plan = Fixtures.smallPlan()
        var ids = SequentialIDs()
        plan.teams += try TeamCSVImport.teams(fromCSV: Self.sheet, file: "teams.csv", plan: plan, ids: &ids)
        let again = try updating(Self.sheet, plan)
        #expect(again.isEmpty)
        #expect(again.edit == nil)
        #expect(again.matching == .name)
        #expect(again.unchanged.map(\.name) == ["Claims Core", "Policy Admin"])
        #expect(again.missing.map(\.name) == ["Alpha", "Beta", "Gamma"])
    }

    @Test(arguments: [("small", Fixtures.smallPlan()), ("full", Fixtures.fullPlan()), ("demo", DemoPlan.make())])
    func thePlansOwnSheetChangesNothing(name: String, plan: Plan) throws {
        let sheet = TeamCSVImport.sheet(of: plan)
        let again = try updating(sheet, plan)
        #expect(again.changed.map { "\($0.old.name): \($0.fields)" } == [])
        #expect(again.added.isEmpty && again.missing.isEmpty)
        #expect(again.matching == .id)
        #expect(again.unchanged.count == plan.teams.count)
        // Read with the separator detected, even when written with another one.
        #expect(try updating(TeamCSVImport.sheet(of: plan, separator: ";"), plan).isEmpty)
    }

    @Test func changesAreListedFieldByFieldAndAppliedAsOneEdit() throws {
        var plan = Fixtures.smallPlan()
        plan.teams[1].area = "Policy"
        plan.teams[1].notes = "Keeps the\nlegacy core"
        plan.teams[2].tags = ["ops"]
        let sheet = """
            name,area,stage,engineering,familiarity,tags,notes
            alpha,Claims,explore,3,,,
            Beta,Policy,invest,2,5,,Keeps the legacy core running
            Delta,Sales,,,,,
            """
        let update = try updating(sheet, plan)
        #expect(update.added.map(\.name) == ["Delta"])
        #expect(update.added.map(\.id) == ["team-4"])
        #expect(update.changed.map(\.old.name) == ["Alpha", "Beta"])
        #expect(update.changed.map { $0.fields.map(\.description) } == [
            ["name: \"Alpha\" → \"alpha\"", "area: empty → \"Claims\"", "familiarity: 4 → unrated"],
            ["engineering: 0 → 2", "familiarity: unrated → 5",
             "notes: \"Keeps the⏎legacy core\" → \"Keeps the legacy core running\""],
        ])
        #expect(update.unchanged.isEmpty)
        #expect(update.missing.map(\.name) == ["Gamma"])
        #expect(update.title == "Update teams from teams.csv")

        let after = try applied(update, to: plan)
        #expect(after.teams.map(\.name) == ["alpha", "Beta", "Gamma", "Delta"])
        // What the sheet has no column for is kept: roles not in it, status, coach, dependencies.
        #expect(after.teams[0].roles == Roles(product: 1, design: 1, engineering: 3))
        #expect(after.teams[0].status == .pilot)
        #expect(after.teams[0].coach == "coach-1")
        #expect(after.teams[1].dependsOn == ["team-1"])
        #expect(after.teams[2].tags == ["ops"], "Gamma is not in the sheet: kept as it was")
        #expect(PlanValidator.validate(after).isEmpty)
        #expect(try updating(sheet, after).isEmpty, "applying it once leaves nothing to change")
    }

    @Test func matchingByIDRenamesAndFallsBackToNameWhereTheIDIsEmpty() throws {
        let plan = Fixtures.smallPlan()
        let update = try updating("id,name,area\nteam-2,Beta Prime,Policy\n,gamma,Ops\nteam-9,Epsilon,\n", plan)
        #expect(update.matching == .id)
        #expect(update.changed.map { "\($0.old.id): " + $0.fields.map(\.description).joined(separator: "; ") } == [
            "team-2: name: \"Beta\" → \"Beta Prime\"; area: empty → \"Policy\"",
            "team-3: name: \"Gamma\" → \"gamma\"; area: empty → \"Ops\"",
        ])
        #expect(update.added.map(\.name) == ["Epsilon"], "an id the plan does not have is a new team, with a new id")
        #expect(update.added.map(\.id) == ["team-4"])
    }

    @Test func rowsThatCannotBeMatchedSafelyAreRefused() throws {
        let plan = Fixtures.smallPlan()
        #expect(refusal("id,name\nteam-7,Beta\n", plan) == [
            "line 2, column id: no team with id \"team-7\" in the plan, but \"Beta\" (team-2) is; correct the id, or "
                + "clear it to match by name",
        ])
        #expect(refusal("id,name\nteam-2,Beta\n,beta\n", plan) == [
            "line 3, column name: duplicate team name \"beta\" (first on line 2)",
        ])
        #expect(refusal("id,name\nteam-2,Beta\nteam-2,Beta 2\n", plan) == [
            "line 3, column id: duplicate id \"team-2\" (first on line 2)",
        ])
        // Two teams swapping names through their ids is fine.
        #expect(try updating("id,name\nteam-2,Gamma\nteam-3,Beta\n", plan).changed.count == 2)
        #expect(refusal("id,name\nteam-2,Gamma\n", plan) == [
            "line 2, column name: \"Gamma\" is also the name of team-3 (\"Gamma\"), which the sheet does not list; "
                + "team names must differ",
        ])
    }

    @Test func statusMovesBetweenCandidateAndOutOfScopeButNotIntoOrOutOfAWave() throws {
        let plan = Fixtures.smallPlan()
        let out = try updating("name,status,reason\nGamma,out of scope,Runs the mainframe\nAlpha,pilot,\nBeta,,\n", plan)
        #expect(out.changed.map { $0.fields.map(\.description) } == [
            ["status: candidate → out of scope", "reason: empty → \"Runs the mainframe\""],
        ])
        #expect(out.unchanged.map(\.name) == ["Alpha", "Beta"], "pilot written as it is, and an empty status, keep it")
        let after = try applied(out, to: plan)
        #expect(after.teams[2].status == .outOfScope)
        #expect(after.teams[2].outOfScopeReason == "Runs the mainframe")

        #expect(refusal("name,status\nAlpha,candidate\nBeta,in a wave\n", plan) == [
            "line 2, column status: \"Alpha\" is a pilot (wave \"Pilots\"), but the sheet says candidate; take it out "
                + "of its wave on the Waves board, or write pilot here",
            "line 3, column status: \"Beta\" is candidate, but the sheet says in a wave; teams join waves on the Waves "
                + "board, not from a sheet",
        ])
        // Back in from out of scope: the reason goes.
        let back = try updating("name,status\nGamma,candidate\n", after)
        #expect(back.changed.first?.fields.map(\.description) == [
            "status: out of scope → candidate", "reason: \"Runs the mainframe\" → empty",
        ])
    }

    @Test func teamsMissingFromTheSheetAreKeptUnlessAskedAndNeverWithHistory() throws {
        let plan = Fixtures.smallPlan()
        let kept = try updating("name\nAlpha\nBeta\n", plan)
        #expect(kept.missing.map(\.name) == ["Gamma"])
        #expect(kept.isEmpty)

        let removing = try updating("name\nAlpha\nBeta\n", plan, removeMissing: true)
        #expect(!removing.isEmpty)
        let after = try applied(removing, to: plan)
        #expect(after.teams.map(\.name) == ["Alpha", "Beta"])

        #expect(refusal("name\nGamma\n", plan, removeMissing: true) == [
            "\"Alpha\" (team-1) is not in the sheet, but is not removed: it is in wave \"Pilots\", surfaced 1 blocker "
                + "and has 1 team depending on it, which removing it would delete; keep its row (status out of scope "
                + "if it no longer takes part), or delete it in the terminal UI's Teams view",
        ])
        var rated = plan
        rated.signals.append(ReadinessSignal(id: "signal-2", dimension: "feltPain", team: "team-3", rating: 2,
                                             recordedAt: Fixtures.monday))
        rated.resistance.append(ResistanceNote(id: "note-1", team: "team-3", words: "Not again", kind: .noTime,
                                               recordedAt: Fixtures.monday))
        #expect(refusal("name\nAlpha\nBeta\n", rated, removeMissing: true) == [
            "\"Gamma\" (team-3) is not in the sheet, but is not removed: it has 1 readiness rating and has 1 resistance "
                + "note, which removing it would delete; keep its row (status out of scope if it no longer takes "
                + "part), or delete it in the terminal UI's Teams view",
        ])
    }

    @Test func rowProblemsAreListedAsOnImport() {
        #expect(refusal("name,familiarity,status\nAlpha,9,\nBeta,,gone\n", Fixtures.smallPlan()) == [
            "line 2, column familiarity: expected a rating 1–5 or empty, found \"9\"",
            "line 3, column status: expected candidate, pilot, in a wave or out of scope, found \"gone\"",
        ])
    }

    @Test func withoutUpdateATeamAlreadyInThePlanPointsAtUpdate() {
        var ids = SequentialIDs()
        let error = #expect(throws: TeamCSVImportError.self) {
            try TeamCSVImport.teams(fromCSV: "id,name\nteam-2,Beta 2\n,Gamma\n", file: "teams.csv",
                                    plan: Fixtures.smallPlan(), ids: &ids)
        }
        #expect(error?.problems.map(\.description) == [
            "line 2, column id: the team with id \"team-2\" (Beta) is already in the plan; to update the plan's teams "
                + "from this file, use --update",
            "line 3, column name: a team named \"Gamma\" is already in the plan (team-3); to update the plan's teams "
                + "from this file, use --update",
        ])
    }
}
