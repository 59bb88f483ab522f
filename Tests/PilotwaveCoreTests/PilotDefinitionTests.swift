import Testing
@testable import PilotwaveCore

/// "Who is a pilot" has one answer (``PilotCount/pilots(_:)``): a team with status `pilot` or in a
/// wave of order 0. These plans make the two marks disagree, as a file edited by hand can; every
/// place that counts or lists pilots must still give the same answer, and the plan checks must say
/// where the marks disagree.
@Suite("One definition of the pilots")
struct PilotDefinitionTests {
    /// The places in Core that count or list pilots, each as the ids it names.
    func everyAnswer(_ plan: Plan) throws -> [String: [TeamID]] {
        let context = CheckContext(plan: plan, today: RulesFixture.today)
        let report = try Report.build(plan, today: RulesFixture.today)
        let chosen = report.section("summary")?.facts.first { $0.key == "pilotsChosen" }?.value
        var answers: [String: [TeamID]] = [
            "PilotCount.pilots": PilotCount.pilots(plan).map(\.id),
            "plan checks": context.pilotTeams.map(\.id),
        ]
        // The report's "Pilots chosen" fact counts them and names them.
        let byName = Dictionary(plan.teams.map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        if case .int(let n)? = chosen?.value, let text = chosen?.text, n == PilotCount.pilots(plan).count {
            answers["report"] = byName.filter { text.contains($0.key) }.map(\.value)
        } else {
            answers["report"] = []
        }
        // A readiness pattern rated low by every pilot names exactly the pilots.
        var low = plan
        let dimension = try #require(plan.dimensions.first { $0.scope != .organisation && !$0.retired })
        for (i, team) in plan.teams.enumerated() {
            low.signals.append(ReadinessSignal(id: SignalID("s-low-\(i)"), dimension: dimension.id,
                                               team: team.id, rating: 1, recordedAt: RulesFixture.at(10)))
        }
        answers["systemic patterns"] = Readiness.systemic(low).first { $0.dimension.id == dimension.id }
            .map { $0.teams.map(\.team) } ?? []
        return answers
    }

    /// Plans where status and pilot wave disagree, with the pilots they have.
    func disagreeing() -> [(String, Plan, [TeamID])] {
        var statusOnly = healthyPlan()
        statusOnly.pilot("t-c1", "Candidate 1")  // status pilot, not in the pilot wave
        var waveOnly = healthyPlan()
        waveOnly.plan.waves[0].teams.append("t-c2")  // in the pilot wave, status candidate
        var laterWave = healthyPlan()
        laterWave.plan.teams[laterWave.plan.teamIndex("t-1")!].status = .pilot  // status pilot, in wave 1
        return [
            ("status pilot outside the pilot wave", statusOnly.plan, ["t-checkout", "t-search", "t-c1"]),
            ("in the pilot wave as a candidate", waveOnly.plan, ["t-checkout", "t-search", "t-c2"]),
            ("status pilot in a later wave", laterWave.plan, ["t-checkout", "t-search", "t-1"]),
        ]
    }

    @Test func everyPlaceCountsTheSamePilots() throws {
        for (name, plan, pilots) in disagreeing() + [("consistent", healthyPlan().plan, ["t-checkout", "t-search"])] {
            let answers = try everyAnswer(plan)
            for (place, ids) in answers {
                #expect(Set(ids) == Set(pilots), "\(name): \(place) names \(ids.map(\.raw))")
            }
        }
    }

    @Test func thePlanChecksSayWhereStatusAndPilotWaveDisagree() throws {
        let messages = disagreeing().map { _, plan, _ in
            PlanChecks.run(plan, today: RulesFixture.today).filter { $0.code == "pilotWaveMismatch" }.map(\.message)
        }
        #expect(messages == [
            ["Candidate 1 has status pilot but is not in the pilot wave \"Pilots\""],
            ["Candidate 2 is in the pilot wave but has status candidate"],
            ["Team 1 has status pilot but is not in the pilot wave \"Pilots\""],
        ])
        #expect(PlanChecks.run(healthyPlan().plan, today: RulesFixture.today).isEmpty)
    }

    @Test func aPilotWithoutAnyPilotWaveIsNoMismatch() {
        var f = healthyPlan()
        f.plan.waves.removeAll { $0.order == 0 }
        for t in f.plan.teams.indices where ["t-checkout", "t-search"].contains(f.plan.teams[t].id) {
            f.plan.teams[t].status = .pilot
        }
        #expect(PilotCount.pilotWave(f.plan) == nil)
        #expect(!PlanChecks.run(f.plan, today: RulesFixture.today).contains { $0.code == "pilotWaveMismatch" })
        #expect(PilotCount.pilots(f.plan).map(\.id) == ["t-checkout", "t-search"])
    }
}
