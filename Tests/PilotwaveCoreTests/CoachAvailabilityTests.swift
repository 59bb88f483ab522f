import Testing
@testable import PilotwaveCore

/// A seeded coach's availability: one rule (``WavePlanning/availability(_:wave:order:start:)``) that
/// the board's capacity and the `seededCoachTooEarly` check both read, aware of dates when both waves
/// have them and of the planned order otherwise.
@Suite("Waves: seeded coaches' availability")
struct CoachAvailabilityTests {
    struct Case: CustomStringConvertible {
        var name: String
        var pilotsEnd: Day?
        var wave1Start: Day?
        var wave1Order = 1
        var seed: TeamID = "t-checkout"
        /// Teams Bo (seeded from `seed`) carries: Teams 1–3 (Wave 1) always, and these.
        var alsoCoaches: [TeamID] = []
        var free: Bool
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "Wave 1 starts the day after the pilots end", pilotsEnd: Day(2026, 6, 30), wave1Start: Day(2026, 7, 1), free: true),
        Case(name: "the pilots run a month into Wave 1", pilotsEnd: Day(2026, 7, 31), wave1Start: Day(2026, 7, 1), free: false),
        Case(name: "the pilots end the day Wave 1 starts", pilotsEnd: Day(2026, 7, 1), wave1Start: Day(2026, 7, 1), free: false),
        Case(name: "the pilots have no end: the order decides", pilotsEnd: nil, wave1Start: Day(2026, 7, 1), free: true),
        Case(name: "Wave 1 has no start: the order decides", pilotsEnd: Day(2026, 7, 31), wave1Start: nil, free: true),
        Case(name: "an undated wave of the same order", pilotsEnd: nil, wave1Start: nil, wave1Order: 0, free: false),
        Case(name: "a wave of the same order that starts after the pilots end", pilotsEnd: Day(2026, 6, 30),
             wave1Start: Day(2026, 7, 1), wave1Order: 0, free: true),
        Case(name: "a fellow pilot: their own wave", pilotsEnd: Day(2026, 6, 30), wave1Start: Day(2026, 7, 1),
             alsoCoaches: ["t-search"], free: false),
        Case(name: "seeded from a team in no wave", pilotsEnd: Day(2026, 6, 30), wave1Start: Day(2026, 7, 1),
             seed: "t-c1", free: false),
    ]

    func plan(_ c: Case) -> RulesFixture {
        var f = healthyPlan()
        f.plan.waves[0].end = c.pilotsEnd
        f.plan.waves[1].start = c.wave1Start
        f.plan.waves[1].order = c.wave1Order
        f.plan.coaches[1].seededFrom = c.seed
        for t in c.alsoCoaches { f.plan.teams[f.plan.teamIndex(t)!].coach = "coach-bo" }
        return f
    }

    @Test(arguments: cases) func theBoardAndTheCheckAgree(_ c: Case) throws {
        let f = plan(c)
        let bo = f.plan.coaches[1]
        let waves = c.alsoCoaches.isEmpty ? [f.plan.waves[1]] : [f.plan.waves[0]]
        for wave in waves {
            #expect(WavePlanning.availability(of: bo, for: wave, plan: f.plan).free == c.free, "the rule")
            let load = try #require(WavePlanning.load(of: bo.id, in: wave.id, plan: f.plan))
            #expect(load.isFree == c.free, "the board")
        }
        let findings = f.run(PlanChecks.seededCoachTooEarly)
        #expect(findings.map(\.concerns.first) == (c.free ? [] : ["coach-bo"]), "the check")
    }

    @Test func aCoachWhoseWaveRunsOnIsFreeTheDayAfterItEnds() throws {
        let f = plan(Self.cases[1])
        let cap = try #require(WavePlanning.capacity(f.plan)["w-1"])
        #expect(cap.summary == "3 teams · ! Bo not free until 2026-08-01, after Pilots")
        #expect(f.run(PlanChecks.seededCoachTooEarly).map(\.message) == [
            "Bo, seeded from Checkout (Pilots), coaches Team 1 (Wave 1), Team 2 (Wave 1) and Team 3 (Wave 1); "
                + "a seeded coach is free only for the waves after Pilots, which ends 2026-07-31, after Wave 1 (2026-07-01) starts",
        ])
        // Without the dates the order decides, and says so in the same words as before.
        var g = plan(Self.cases[5])
        g.plan.teams[g.plan.teamIndex("t-1")!].coach = "coach-ana"
        #expect(WavePlanning.capacity(g.plan)["w-1"]?.summary.contains("! Bo not free until after Pilots") == true)
        #expect(g.run(PlanChecks.seededCoachTooEarly).first?.message.hasSuffix("a seeded coach is free only for the waves after Pilots") == true)
    }

    @Test func theRuleOnItsOwn() {
        let team = Team(id: "t-s", name: "Seed", status: .inWave)
        let own = Wave(id: "w-a", name: "A", order: 1, start: Day(2026, 1, 1), end: Day(2026, 3, 31))
        let seed = WavePlanning.Seed(team: team, wave: own)
        func free(_ wave: WaveID?, _ order: Int, _ start: Day?) -> WavePlanning.Availability {
            WavePlanning.availability(seed, wave: wave, order: order, start: start)
        }
        #expect(free("w-b", 2, Day(2026, 4, 1)).free)
        #expect(free("w-b", 2, Day(2026, 3, 31)) == WavePlanning.Availability(free: false, after: "A", from: Day(2026, 4, 1)))
        #expect(free("w-b", 2, nil).free && !free("w-b", 1, nil).free && !free(nil, 0, nil).free)
        #expect(free("w-a", 1, Day(2027, 1, 1)) == WavePlanning.Availability(free: false, after: "A"), "never their own wave")
        #expect(free("w-b", 0, Day(2026, 5, 1)).free, "the dates decide when both are known")
        #expect(WavePlanning.availability(.unseeded, wave: nil, order: 0, start: nil).free)
        #expect(!WavePlanning.availability(WavePlanning.Seed(team: team, wave: nil), wave: "w-b", order: 9, start: nil).free)
        #expect(WavePlanning.Seed(team: Team(id: "t-p", name: "P", status: .pilot), wave: nil).seeding == .after(team: "t-p", order: 0))
    }
}
