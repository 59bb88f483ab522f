import Testing
@testable import PilotwaveCore

/// The wave rules the board, the checks and the reports share: a coach's load counting overlapping
/// waves, seeded coaches' availability, and the wave date checks (with their form warnings).
@Suite("Waves: one truth")
struct WaveOneTruthTests {
    func run(_ f: RulesFixture, _ check: (CheckContext) -> [Finding]) -> [Finding] { f.run(check) }

    @Test func aCoachsLoadInAWaveCountsTheWavesRunningAtTheSameTime() throws {
        var f = healthyPlan()
        f.plan.waves[0].end = nil                        // the pilots run on into Wave 1
        f.plan.teams[0].coach = "coach-bo"
        f.plan.teams[1].coach = "coach-bo"
        // Bo: 3 teams in Wave 1 and 2 pilots at once, capacity 4 — over in both waves, as the check says.
        let cap = try #require(WavePlanning.capacity(f.plan)["w-1"])
        let bo = try #require(cap.coaches.first)
        #expect(bo.teams == 3 && bo.others == 2 && bo.isOver)
        #expect(cap.isOver)
        #expect(cap.summary == "3 teams · 1 coach for 2 · ! over capacity: Bo 5/4 (3 here, 2 in Pilots)")
        #expect(WavePlanning.capacity(f.plan)["w-0"]?.summary == "2 teams · 1 coach for 1 · ! over capacity: Bo 5/4 (2 here, 3 in Wave 1)")
        #expect(WavePlanning.load(of: "coach-bo", in: "w-1", plan: f.plan) == bo)
        #expect(f.run(PlanChecks.coachOverlap).map(\.message) == ["Bo coaches 5 teams across overlapping waves Pilots and Wave 1; capacity 4"])
        // Once the pilots end before Wave 1 starts, each wave stands alone, on the board and in the checks.
        f.plan.waves[0].end = Day(2026, 6, 30)
        #expect(WavePlanning.capacity(f.plan)["w-1"]?.summary == "3 teams · 1 coach for 4")
        #expect(f.run(PlanChecks.coachOverlap).isEmpty)
    }

    @Test func theBusiestPointCountsOnlyWavesThatRunTogether() throws {
        var f = healthyPlan()
        // Wave 1 overlaps the pilots at its start and Wave 2 at its end; the pilots and Wave 2 never meet.
        f.plan.waves[0].end = Day(2026, 7, 31)
        f.team("t-4", "Team 4", status: .inWave, coach: "coach-bo")
        f.wave("w-2", "Wave 2", order: 2, teams: ["t-4"], start: Day(2026, 12, 1), end: Day(2027, 6, 30))
        f.plan.teams[0].coach = "coach-bo"
        let bo = try #require(WavePlanning.capacity(f.plan)["w-1"]?.coaches.first)
        #expect(bo.total == 4 && bo.otherWaves == ["Pilots"])  // 3 + 1 pilot, never 3 + 1 + 1
        #expect(!bo.isOver)
    }

    @Test func aSeededCoachNotYetFreeAddsNoCapacity() throws {
        var f = healthyPlan()
        // Ana carries Team 1; Bo, seeded from Team 2 of the same wave, carries Teams 2 and 3.
        f.plan.teams[f.plan.teamIndex("t-1")!].coach = "coach-ana"
        f.plan.coaches[1].seededFrom = "t-2"
        let cap = try #require(WavePlanning.capacity(f.plan)["w-1"])
        #expect(cap.capacity == 4, "only Ana's capacity counts")
        #expect(cap.needsCoaches)
        #expect(cap.summary == "3 teams · 1 coach for 4 · ! Bo not free until after Wave 1")
        #expect(!WavePlanning.availability(of: f.plan.coaches[1], for: f.plan.waves[1], plan: f.plan).free)
        #expect(f.run(PlanChecks.seededCoachTooEarly).count == 1, "the check agrees")
    }

    @Test func noCoachYetIsNotACapacityOfZero() throws {
        var f = healthyPlan()
        for t in ["t-1", "t-2", "t-3"] { f.plan.teams[f.plan.teamIndex(TeamID(t))!].coach = nil }
        let cap = try #require(WavePlanning.capacity(f.plan)["w-1"])
        #expect(!cap.isOver)
        #expect(cap.needsCoaches)
        #expect(cap.summary == "3 teams · no coach yet")
    }

    // MARK: Wave dates

    @Test func aCheckInOutsideItsWave() {
        var f = healthyPlan()
        f.plan.waves[1].checkIns = [Day(2026, 9, 1), Day(2027, 1, 15)]
        let findings = f.run(PlanChecks.waveDates)
        #expect(findings.map(\.code) == ["checkInOutsideWave"])
        #expect(findings.first?.message == "Wave 1 has a check-in outside its dates (from 2026-07-01 to 2026-12-31): 2027-01-15")
        #expect(findings.first?.guidance.isEmpty == false)
    }

    @Test func overlappingWaves() {
        var f = healthyPlan()
        f.plan.waves[1].start = Day(2026, 6, 1)
        let findings = f.run(PlanChecks.waveDates)
        #expect(findings.map(\.code) == ["wavesOverlap"])
        #expect(findings.first?.message == "Pilots (2026-01-05 to 2026-06-30) and Wave 1 (2026-06-01 to 2026-12-31) overlap")
        #expect(findings.first?.concerns == ["w-0", "w-1"])
    }

    @Test func aLaterWaveStartedBeforeAnEarlierOneAndAPlannedStartThatHasPassed() {
        var f = healthyPlan()
        f.plan.waves[0].start = Day(2026, 4, 1)
        f.plan.waves[0].end = Day(2026, 5, 31)
        f.plan.waves[1].start = Day(2026, 3, 2)
        f.plan.waves[1].end = Day(2026, 3, 31)
        let findings = f.run(PlanChecks.waveDates)
        #expect(findings.map(\.code) == ["waveOrderDates", "waveStartPassed"])
        #expect(findings.map(\.message) == [
            "Wave 1 starts 2026-03-02, before Pilots, which comes earlier (starts 2026-04-01)",
            "Wave 1 is still planned, but its start (2026-03-02) has passed",
        ])
    }

    @Test func anActiveWavePastItsEnd() {
        var f = healthyPlan()
        f.plan.waves[0].end = Day(2026, 3, 1)
        let findings = f.run(PlanChecks.waveDates)
        #expect(findings.map(\.message) == ["Pilots is still active, but its end (2026-03-01) has passed"])
        #expect(PlanChecks.run(f.plan, today: RulesFixture.today).contains { $0.code == "waveEndPassed" },
                "the date checks run with every plan check")
    }

    @Test func theWaveFormWarnsOnTheFieldItsDateIsTypedIn() {
        let f = healthyPlan()
        let new = Wave(id: "w-new", name: "Wave 2", order: 2, start: Day(2026, 1, 5), end: Day(2026, 2, 27),
                       checkIns: [Day(2026, 3, 6)])
        let warnings = PlanChecks.waveDateWarnings(new, plan: f.plan, today: RulesFixture.today)
        #expect(warnings["start"] == "in the past (today is 2026-03-15); before Wave 1, which comes earlier")
        #expect(warnings["end"] == "overlaps Pilots")
        #expect(warnings["checkIns"] == "outside the wave's dates: 2026-03-06")
        #expect(PlanChecks.waveDateWarnings(f.plan.waves[1], plan: f.plan, today: RulesFixture.today).isEmpty)
    }

    // MARK: Scenario compare

    @Test func comparingScenariosShowsChangedWaveDates() {
        let f = healthyPlan()
        var later = f.plan
        later.waves[1].start = Day(2026, 9, 1)
        let cmp = Scenarios.compare(f.plan, later)
        #expect(cmp.waves.map(\.datesChanged) == [false, true])
        #expect(cmp.waves[1].a?.dates == "2026-07-01 – 2026-12-31")
        #expect(cmp.waves[1].b?.dates == "2026-09-01 – 2026-12-31")
        #expect(Scenarios.summary(from: f.plan, to: later) == "new dates for Wave 1 2026-09-01 – 2026-12-31")
    }
}
