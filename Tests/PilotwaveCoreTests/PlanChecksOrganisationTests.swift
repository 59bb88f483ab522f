import Testing
@testable import PilotwaveCore

@Suite("Plan checks: resistance, preconditions, narrow transformation")
struct PlanChecksOrganisationTests {
    @Test func unansweredHighResistanceFromPlannedTeams() {
        var f = healthyPlan()
        f.note("n-3", team: "t-search", words: "That will never work here", kind: .neverWorkHere)
        f.note("n-4", team: "t-2", response: "Pair with a coach", owner: " ")
        f.note("n-5", team: "t-c1")                              // a candidate: not in a wave
        f.note("n-6", team: "t-3", severity: .medium)            // not high
        f.note("n-7", team: "t-3", status: .resolved)            // resolved
        f.note("n-8", team: "t-3", status: .beingAddressed, owner: "Fay")
        let findings = f.run(PlanChecks.unansweredResistance)
        #expect(findings.map(\.message) == [
            "High-severity resistance from Search (Pilots) has no response or owner: \"That will never work here\"",
            "High-severity resistance from Team 2 (Wave 1) has no owner: \"We don't have time\"",
            "High-severity resistance from Team 3 (Wave 1) has no response: \"We don't have time\"",
        ])
        #expect(findings.map(\.concerns) == [["n-3", "t-search"], ["n-4", "t-2"], ["n-8", "t-3"]])
        #expect(findings[0].guidance.hasSuffix("Contrast today's pain with the desired outcome."))
    }

    @Test func weakOrUnratedPreconditionsWhilePilotsArePlanned() {
        var f = healthyPlan()
        f.signal("sig-ec2", ReadinessDimension.executiveConviction, 2, day: 30)
        f.plan.signals.removeAll { $0.id == "sig-fp" }
        let findings = Finding.ordered(f.run(PlanChecks.preconditions))
        #expect(findings.map(\.message) == [
            "Pilots are planned while executive conviction is rated 2/5 (below 3)",
            "Pilots are planned but felt pain is not rated yet for the organisation",
        ])
        #expect(findings.map(\.severity) == [.warning, .info])
        #expect(findings.map(\.concerns) == [["sig-ec2", "executiveConviction"], ["feltPain"]])
    }

    @Test func preconditionsSilentWithoutPilots() {
        var f = RulesFixture()
        f.team("t-a", "Alpha")
        f.signal("sig-ec", ReadinessDimension.executiveConviction, 1)
        #expect(f.run(PlanChecks.preconditions).isEmpty)
    }

    @Test func narrowTransformationWithNoSystemicBlockers() {
        var f = healthyPlan()
        f.plan.blockers = [Blocker(id: "blk-ca", title: "Research gatekeeps customers", category: .customerAccess)]
        let findings = f.run(PlanChecks.narrowTransformation)
        #expect(findings.map(\.message) == ["Pilots are running but no funding, planning or decision rights blocker is recorded"])
        #expect(findings.first?.concerns == [])
    }

    @Test func narrowTransformationWhileEverySystemicBlockerIsUntouched() {
        var f = healthyPlan()
        f.plan.blockers[0].status = .open
        f.blocker("blk-rights", "Steering committee decides", .decisionRights)
        f.blocker("blk-ca", "Research gatekeeps customers", .customerAccess, status: .inProgress)
        let findings = f.run(PlanChecks.narrowTransformation)
        #expect(findings.map(\.message) == [
            "Pilots are running while every funding, planning or decision rights blocker is untouched: "
                + "Annual project budgets and Steering committee decides",
        ])
        #expect(findings.first?.concerns == ["blk-fund", "blk-rights"])
        f.plan.blockers[1].status = .resolved
        #expect(f.run(PlanChecks.narrowTransformation).isEmpty)
    }

    @Test func narrowTransformationSilentBeforePilots() {
        var f = RulesFixture()
        f.team("t-a", "Alpha")
        f.wave("w-0", "Pilots", order: 0)
        #expect(f.run(PlanChecks.narrowTransformation).isEmpty)
        f.plan.waves[0].status = .active  // an active pilot wave counts as running, even if empty
        #expect(f.run(PlanChecks.narrowTransformation).count == 1)
    }

    @Test func overdueFollowUps() {
        var f = healthyPlan()
        f.note("n-3", team: "t-2", words: "I don't want to be a beginner again", kind: .beginnerAgain,
               severity: .medium, owner: "Fay", followUp: Day(2026, 3, 10))
        f.note("n-4", stakeholder: "sh-cfo", words: "Who approves the roadmap now?", kind: .reducedControl,
               status: .beingAddressed, followUp: Day(2026, 3, 14))
        f.note("n-5", team: "t-3", followUp: Day(2026, 3, 15))   // due today: not overdue
        let findings = f.run(PlanChecks.overdueFollowUps)
        #expect(findings.map(\.message) == [
            "Follow-up on \"I don't want to be a beginner again\" (Team 2) was due 2026-03-10, 5 days ago; owner Fay",
            "Follow-up on \"Who approves the roadmap now?\" (CFO) was due 2026-03-14, 1 day ago; no owner",
        ])
        #expect(findings.map(\.severity) == [.info, .warning])
        #expect(findings.map(\.concerns) == [["n-3", "t-2"], ["n-4", "sh-cfo"]])
        #expect(f.run(PlanChecks.overdueFollowUps, today: Day(2026, 3, 1)).isEmpty)
    }

    @Test func runOrdersEverythingBySeverityThenCode() {
        var f = healthyPlan()
        f.plan.waves[1].teams += ["t-c1", "t-c2"]                          // everyoneAtOnce (critical)
        f.plan.teams[0].outcome = nil                                      // pilotNoOutcome (warning)
        f.note("n-9", team: "t-1", severity: .low, followUp: Day(2026, 3, 1))  // followUpOverdue (info)
        let findings = PlanChecks.run(f.plan, today: RulesFixture.today)
        #expect(findings.map(\.code) == ["everyoneAtOnce", "pilotNoOutcome", "waveTeamsWithoutCoach", "followUpOverdue"])
        #expect(findings.map(\.id) == ["everyoneAtOnce|w-1", "pilotNoOutcome|t-checkout",
                                       "waveTeamsWithoutCoach|w-1|t-c1|t-c2", "followUpOverdue|n-9|t-1"])
    }
}
