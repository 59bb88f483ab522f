import Testing
@testable import PilotwaveCore

/// A mid-size plan that every check passes: two coached pilots with good outcomes, a later wave,
/// healthy preconditions and a funding blocker being worked on.
func healthyPlan() -> RulesFixture {
    var f = RulesFixture(size: .mid)
    f.coach("coach-ana", "Ana")
    f.coach("coach-bo", "Bo")
    f.pilot("t-checkout", "Checkout")
    f.pilot("t-search", "Search")
    for i in 1...3 {
        f.team(TeamID("t-\(i)"), "Team \(i)", status: .inWave, coach: "coach-bo", dependsOn: ["t-checkout"])
    }
    f.team("t-c1", "Candidate 1", ratings: [Criterion.familiarity: 4])
    f.team("t-c2", "Candidate 2")
    f.team("t-reg", "Regulatory reporting", status: .outOfScope)
    f.wave("w-0", "Pilots", order: 0, teams: ["t-checkout", "t-search"], status: .active,
           start: Day(2026, 1, 5), end: Day(2026, 6, 30))
    f.wave("w-1", "Wave 1", order: 1, teams: ["t-1", "t-2", "t-3"], start: Day(2026, 7, 1), end: Day(2026, 12, 31),
           blockers: ["blk-fund"], readiness: [ReadinessThreshold(dimension: ReadinessDimension.executiveConviction, minimum: 4)])
    f.healthyOrganisation()
    f.note("n-1", team: "t-1", response: "Take reporting off their plate", owner: "Fay", followUp: Day(2026, 4, 1))
    f.plan.stakeholders = [Stakeholder(id: "sh-cfo", name: "CFO")]
    f.note("n-2", stakeholder: "sh-cfo", kind: .reducedControl, severity: .medium, status: .resolved,
           followUp: Day(2026, 2, 1))
    return f
}

@Suite("Plan checks: pilots and outcomes")
struct PlanChecksPilotTests {
    @Test func healthyPlanHasNoFindings() {
        #expect(PlanChecks.run(healthyPlan().plan, today: RulesFixture.today).isEmpty)
    }

    @Test func pilotsAreStatusPilotPlusOrderZeroWaveDeduplicated() {
        var f = healthyPlan()
        f.team("t-x", "Extra", status: .inWave)
        f.plan.waves[0].teams += ["t-x", "t-search", "t-missing"]
        #expect(f.context().pilotTeams.map(\.id) == ["t-checkout", "t-search", "t-x"])
        #expect(PilotCount.pilots(f.plan).map(\.id) == ["t-checkout", "t-search", "t-x"])
    }

    @Test func tooManyPilots() {
        var f = healthyPlan()
        f.pilot("t-p3", "Payments")
        f.pilot("t-p4", "Pricing")
        #expect(f.run(PlanChecks.tooManyPilots).isEmpty)  // 4 is within 2–4
        f.team("t-p5", "Partners", status: .inWave)
        f.plan.waves[0].teams.append("t-p5")
        let findings = f.run(PlanChecks.tooManyPilots)
        #expect(findings.map(\.message) == ["5 pilots chosen; a mid-size organisation should start with 2–4"])
        #expect(findings.first?.concerns == ["t-checkout", "t-search", "t-p3", "t-p4", "t-p5"])
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.guidance.hasPrefix("Start small") == true)
    }

    @Test func tooManyPilotsWithInferredSize() {
        var f = RulesFixture(size: nil)
        f.pilot("t-a", "A")
        f.pilot("t-b", "B")
        f.team("t-c", "C")
        #expect(f.run(PlanChecks.tooManyPilots).map(\.message)
                == ["2 pilots chosen; a small organisation (inferred from 3 teams) should start with 1"])
    }

    @Test func noPilotYetNamesTopCandidate() {
        var f = RulesFixture()
        f.team("t-a", "Alpha", ratings: [Criterion.familiarity: 2])
        f.team("t-b", "Bravo", ratings: [Criterion.familiarity: 5, Criterion.learningAppetite: 5,
                                          Criterion.customerAccess: 5])
        f.team("t-c", "Charlie", status: .outOfScope)
        let findings = f.run(PlanChecks.noPilotYet)
        #expect(findings.map(\.message) == ["No pilot chosen yet among 2 candidates; top-ranked: Bravo (100)"])
        #expect(findings.first?.concerns == ["t-b"] && findings.first?.severity == .info)
        #expect(findings.first?.guidance.contains("2–4 bright spots") == true)
    }

    @Test func noPilotYetSilentWithPilotOrWithoutCandidates() {
        #expect(healthyPlan().run(PlanChecks.noPilotYet).isEmpty)
        var f = RulesFixture()
        f.team("t-c", "Charlie", status: .outOfScope)
        #expect(f.run(PlanChecks.noPilotYet).isEmpty)
    }

    @Test func pilotWithHardFlags() {
        var f = healthyPlan()
        f.team("t-ledger", "Ledger", status: .pilot, stage: .sustain, roles: Roles(product: 1, engineering: 5),
               outcome: RulesFixture.goodOutcome, coach: "coach-ana")
        f.team("t-cand", "Candidate", stage: .retire)  // not a pilot: no finding
        let findings = f.run(PlanChecks.pilotFlags)
        #expect(findings.map(\.message) == ["Pilot Ledger: not cross-functional: no design; late stage: sustain"])
        #expect(findings.first?.concerns == ["t-ledger"])
    }

    @Test func pilotOutcomes() {
        var f = RulesFixture()
        f.pilot("t-a", "Alpha", outcome: nil)
        f.pilot("t-b", "Bravo", outcome: Outcome(statement: "Launch the app", metric: "downloads", baseline: "0",
                                                 target: "10k"))
        f.pilot("t-c", "Charlie", outcome: Outcome(statement: "Increase repeat orders", metric: "repeat orders"))
        f.pilot("t-d", "Delta", outcome: Outcome(statement: "Reduce refund calls", metric: "refund calls a week",
                                                 target: "50"))
        f.pilot("t-e", "Echo")
        f.pilot("t-f", "Foxtrot", outcome: Outcome(statement: " "))
        let findings = Finding.ordered(f.run(PlanChecks.pilotOutcomes))
        #expect(findings.map(\.code) == ["outcomeIncomplete", "outcomeIsOutput", "pilotNoOutcome", "pilotNoOutcome",
                                         "outcomeNoBaseline"])
        #expect(findings.map(\.message) == [
            "Pilot Charlie's outcome has no target",
            "Pilot Bravo's outcome is worded as an output (\"launch\"): \"Launch the app\"",
            "Pilot Alpha has no outcome",
            "Pilot Foxtrot has no outcome",
            "Pilot Delta's outcome has no baseline for refund calls a week",
        ])
        #expect(findings.map(\.concerns) == [["t-c"], ["t-b"], ["t-a"], ["t-f"], ["t-d"]])
    }

    @Test func outcomeWithNeitherMetricNorTarget() {
        var f = RulesFixture()
        f.pilot("t-a", "Alpha", outcome: Outcome(statement: "More buyers return within a month"))
        #expect(f.run(PlanChecks.pilotOutcomes).map(\.message) == ["Pilot Alpha's outcome has no metric or target"])
    }

    @Test func findingsOrderBySeverityThenCode() {
        let make = { (code: String, s: FindingSeverity) in Finding(code: code, severity: s, message: code, guidance: "") }
        let ordered = Finding.ordered([make("b", .info), make("z", .critical), make("a", .warning),
                                       make("a", .info), make("c", .warning)])
        #expect(ordered.map { "\($0.severity.rawValue):\($0.code)" }
                == ["critical:z", "warning:a", "warning:c", "info:a", "info:b"])
    }
}
