import Testing
@testable import PilotwaveCore

@Suite("Plan checks: waves")
struct PlanChecksWaveTests {
    @Test func waveTeamsWithoutCoachAndCoachOverCapacity() {
        var f = healthyPlan()
        f.plan.coaches[1].capacity = 2  // Bo carries 3 teams in Wave 1
        f.team("t-4", "Team 4", status: .inWave)
        f.team("t-5", "Team 5", status: .inWave, coach: "coach-ghost")  // unknown coach counts as none
        f.plan.waves[1].teams += ["t-4", "t-5", "t-4"]
        let findings = f.run(PlanChecks.coachCapacity)
        #expect(findings.map(\.code) == ["waveTeamsWithoutCoach", "coachOverCapacity"])
        #expect(findings.map(\.message) == [
            "Wave 1 has 2 teams without a coach: Team 4 and Team 5",
            "Bo coaches 3 teams in Wave 1; capacity 2",
        ])
        #expect(findings[0].concerns == ["w-1", "t-4", "t-5"])
        #expect(findings[1].concerns == ["w-1", "coach-bo", "t-1", "t-2", "t-3"])
    }

    @Test func coachCapacitySkipsDoneWaves() {
        var f = healthyPlan()
        f.plan.coaches[1].capacity = 1
        f.plan.waves[1].status = .done
        #expect(f.run(PlanChecks.coachCapacity).isEmpty)
    }

    @Test func coachOverCapacityAcrossOverlappingWaves() {
        var f = healthyPlan()
        #expect(f.run(PlanChecks.coachOverlap).isEmpty)  // Pilots end before Wave 1 starts
        f.plan.waves[0].end = nil                        // the pilots run on: overlap from July
        f.plan.teams[0].coach = "coach-bo"
        f.plan.teams[1].coach = "coach-bo"
        let findings = f.run(PlanChecks.coachOverlap)
        #expect(findings.map(\.message) == ["Bo coaches 5 teams across overlapping waves Pilots and Wave 1; capacity 4"])
        #expect(findings.first?.concerns == ["coach-bo", "w-0", "w-1"])
        f.plan.waves[1].start = nil                      // a planned wave without a start does not count
        #expect(f.run(PlanChecks.coachOverlap).isEmpty)
    }

    @Test func seededCoachIsFreeOnlyForLaterWaves() {
        var f = healthyPlan()
        // Bo, seeded from the pilot Checkout, coaches Wave 1: as it should be.
        f.plan.coaches[1].seededFrom = "t-checkout"
        #expect(f.run(PlanChecks.seededCoachTooEarly).isEmpty)
        #expect(PlanChecks.run(f.plan, today: RulesFixture.today).isEmpty)
        // Coaching a fellow pilot is too early.
        f.plan.teams[1].coach = "coach-bo"
        var findings = f.run(PlanChecks.seededCoachTooEarly)
        #expect(findings.map(\.code) == ["seededCoachTooEarly"])
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.message == "Bo, seeded from Checkout (Pilots), coaches Search (Pilots); "
            + "a seeded coach is free only for the waves after Pilots")
        #expect(findings.first?.concerns == ["coach-bo", "t-checkout", "t-search"])
        #expect(findings.first?.guidance.hasPrefix("Teams of earlier waves seed coaches for later ones") == true)
        // Ana, seeded from Team 1 (Wave 1), coaches both pilots and, in Wave 2, Team 3: only the pilots count.
        f.plan.teams[1].coach = "coach-ana"
        f.plan.coaches[0].seededFrom = "t-1"
        f.wave("w-2", "Wave 2", order: 2, start: Day(2027, 1, 4))
        f.plan.waves[1].teams.removeAll { $0 == "t-3" }
        f.plan.waves[2].teams = ["t-3"]
        f.plan.teams[f.plan.teamIndex("t-3")!].coach = "coach-ana"
        findings = f.run(PlanChecks.seededCoachTooEarly)
        #expect(findings.map(\.message) == ["Ana, seeded from Team 1 (Wave 1), coaches Checkout (Pilots) and "
            + "Search (Pilots); a seeded coach is free only for the waves after Wave 1"])
        #expect(findings.first?.concerns == ["coach-ana", "t-1", "t-checkout", "t-search"])
        // Coaching its own seeding team is too early too.
        f.plan.teams[f.plan.teamIndex("t-1")!].coach = "coach-ana"
        findings = f.run(PlanChecks.seededCoachTooEarly)
        #expect(findings.first?.message.contains("coaches Checkout (Pilots), Search (Pilots) and Team 1 (Wave 1);") == true)
        #expect(findings.first?.concerns == ["coach-ana", "t-1", "t-checkout", "t-search"])
        // A done wave is history.
        f.plan.waves[0].status = .done
        f.plan.teams[f.plan.teamIndex("t-1")!].coach = "coach-bo"
        #expect(f.run(PlanChecks.seededCoachTooEarly).isEmpty)
    }

    @Test func seededCoachFromATeamInNoWave() {
        var f = healthyPlan()
        f.plan.coaches[1].seededFrom = "t-c1"  // a candidate in no wave
        let findings = f.run(PlanChecks.seededCoachTooEarly)
        #expect(findings.map(\.message) == ["Bo is seeded from Candidate 1, which is in no wave, yet coaches "
            + "Team 1 (Wave 1), Team 2 (Wave 1) and Team 3 (Wave 1)"])
        #expect(findings.first?.concerns == ["coach-bo", "t-c1", "t-1", "t-2", "t-3"])
        // Carrying nobody in a wave, such a coach is no problem yet.
        for i in f.plan.teams.indices where f.plan.teams[i].coach == "coach-bo" { f.plan.teams[i].coach = nil }
        f.plan.teams[f.plan.teamIndex("t-c2")!].coach = "coach-bo"  // a candidate: not in a wave
        #expect(f.run(PlanChecks.seededCoachTooEarly).isEmpty)
        // A pilot chosen outside any wave counts as the pilots' wave.
        var g = healthyPlan()
        g.pilot("t-free", "Free")
        g.plan.coaches[1].seededFrom = "t-free"
        #expect(g.run(PlanChecks.seededCoachTooEarly).isEmpty)
        g.plan.teams[g.plan.teamIndex("t-checkout")!].coach = "coach-bo"
        #expect(g.run(PlanChecks.seededCoachTooEarly).map(\.message)
            == ["Bo, seeded from Free (pilots), coaches Checkout (Pilots); a seeded coach is free only for the waves after pilots"])
        // An unknown seeding team (refused on load) is ignored.
        g.plan.coaches[1].seededFrom = "t-gone"
        #expect(g.run(PlanChecks.seededCoachTooEarly).isEmpty)
    }

    @Test func everyoneAtOnce() {
        var f = healthyPlan()
        #expect(f.run(PlanChecks.everyoneAtOnce).isEmpty)  // 3 of 7 in-scope teams
        f.plan.waves[1].teams += ["t-c1", "t-reg"]          // out-of-scope members do not count
        let findings = f.run(PlanChecks.everyoneAtOnce)
        #expect(findings.map(\.message) == ["Wave 1 holds 4 of 7 in-scope teams (57%); more than 50% at once is a big bang"])
        #expect(findings.first?.severity == .critical && findings.first?.concerns == ["w-1"])
        f.plan.settings.maxWaveSharePercent = 60
        #expect(f.run(PlanChecks.everyoneAtOnce).isEmpty)
    }

    @Test func everyoneAtOnceNeedsTwoTeams() {
        var f = RulesFixture()
        f.pilot("t-a", "Solo")
        f.wave("w-0", "Pilots", order: 0, teams: ["t-a"])
        #expect(f.run(PlanChecks.everyoneAtOnce).isEmpty)
    }

    @Test func entryBlockersWhenWaveStarts() {
        var f = healthyPlan()
        f.blocker("blk-rights", "Product decisions need steering committee", .decisionRights)
        f.plan.waves[1].entry.blockers.append("blk-rights")
        #expect(f.run(PlanChecks.entryBlockers).isEmpty)  // Wave 1 starts in July
        let july = Day(2026, 7, 2)
        var findings = f.run(PlanChecks.entryBlockers, today: july)
        #expect(findings.map(\.message) == [
            "Wave 1 was due to start 2026-07-01 with 2 entry blockers unresolved: Annual project budgets "
                + "(in progress) and Product decisions need steering committee (open)",
        ])
        #expect(findings.first?.severity == .critical && findings.first?.concerns == ["w-1", "blk-fund", "blk-rights"])
        f.plan.blockers[1].status = .resolved
        f.plan.waves[1].status = .active
        findings = f.run(PlanChecks.entryBlockers)
        #expect(findings.map(\.message) == ["Wave 1 is active with 1 entry blocker unresolved: Annual project budgets (in progress)"])
        #expect(findings.first?.severity == .warning)
        f.plan.blockers[0].status = .resolved
        #expect(f.run(PlanChecks.entryBlockers).isEmpty)
    }

    @Test func entryReadinessThresholds() {
        var f = healthyPlan()
        f.plan.waves[1].status = .active
        #expect(f.run(PlanChecks.entryReadiness).isEmpty)  // conviction 4 meets 4
        f.signal("sig-ec2", ReadinessDimension.executiveConviction, 3, day: 40)
        f.signal("sig-ec3", ReadinessDimension.executiveConviction, 5, day: 50, struck: true)
        f.plan.waves[1].entry.readiness.append(ReadinessThreshold(dimension: ReadinessDimension.techEnabler, minimum: 3))
        let findings = f.run(PlanChecks.entryReadiness)
        #expect(findings.map(\.message) == [
            "Wave 1 is active below its readiness thresholds: Executive conviction 3/5 (needs 4) and "
                + "Technology as enabler unrated (needs 3)",
        ])
        #expect(findings.first?.concerns == ["w-1", "sig-ec2"])
    }

    @Test func dependencies() {
        var f = healthyPlan()
        #expect(f.run(PlanChecks.dependencies).isEmpty)  // Wave 1 teams depend on a pilot
        f.plan.teams[0].dependsOn = ["t-1", "t-c1", "t-reg", "t-gone"]  // Checkout (pilot) depends on…
        let findings = f.run(PlanChecks.dependencies)
        #expect(findings.map(\.message) == [
            "Checkout (Pilots) depends on Team 1 (Wave 1), which comes later",
            "Checkout (Pilots) depends on Candidate 1, which is in no wave",
        ])
        #expect(findings.map(\.severity) == [.warning, .info])
        #expect(findings.map(\.concerns) == [["t-checkout", "t-1"], ["t-checkout", "t-c1"]])
    }

    @Test func pilotOutsideAnyWaveCountsAsOrderZero() {
        var f = RulesFixture()
        f.pilot("t-a", "Alpha")
        f.team("t-b", "Bravo", status: .inWave, dependsOn: ["t-a"])
        f.plan.teams[0].dependsOn = ["t-b"]
        f.wave("w-2", "Wave 2", order: 2, teams: ["t-b"])
        #expect(f.run(PlanChecks.dependencies).map(\.message) == ["Alpha (pilots) depends on Bravo (Wave 2), which comes later"])
    }
}
