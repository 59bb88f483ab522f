import Testing
@testable import PilotwaveCore

@Suite("Readiness history and outcome wording")
struct ReadinessAndOutcomeTests {
    let ec = ReadinessDimension.executiveConviction
    let fp = ReadinessDimension.feltPain

    @Test func latestIsLatestUnstruckByDateThenArrayOrder() {
        var f = RulesFixture()
        f.signal("s1", ec, 2, day: 10)
        f.signal("s2", ec, 4, day: 5)          // older, recorded later in the array
        f.signal("s3", ec, 5, day: 20, struck: true)
        f.signal("s4", fp, 3, day: 7)
        f.signal("s5", fp, 4, day: 7)          // same moment: the later entry wins
        f.signal("s6", fp, 1, team: "t-a", day: 30)
        let latest = Readiness.latest(f.plan)
        #expect(latest[.organisation(ec)]?.id == "s1")
        #expect(latest[.organisation(fp)]?.id == "s5")
        #expect(latest[Readiness.CellKey(dimension: fp, team: "t-a")]?.id == "s6")
        #expect(latest.count == 3)
    }

    @Test func trendComparesTheTwoLatestUnstruckRatings() {
        var f = RulesFixture()
        f.signal("s1", ec, 2, day: 1)
        f.signal("s2", ec, 5, day: 9, struck: true)
        f.signal("s3", ec, 4, day: 5)
        f.signal("s4", ec, 3, day: 3)
        f.signal("s5", fp, 3, day: 1)
        f.signal("s6", fp, 3, day: 2)
        f.signal("s7", ReadinessDimension.techEnabler, 2, day: 1)
        let up = Readiness.trend(f.plan, .organisation(ec))
        #expect(up?.latest.id == "s3" && up?.previous?.id == "s4")
        #expect(up?.direction == .up && up?.delta == 1 && up?.direction.symbol == "↑")
        #expect(Readiness.trend(f.plan, .organisation(fp))?.direction == .flat)
        #expect(Readiness.trend(f.plan, .organisation(ReadinessDimension.techEnabler))?.direction == .new)
        #expect(Readiness.trend(f.plan, .organisation(ReadinessDimension.empoweredTeams)) == nil)
        f.signal("s8", ec, 1, day: 6)
        #expect(Readiness.trend(f.plan, .organisation(ec))?.direction == .down)
    }

    @Test func barrierIsFirstDimensionAtThreeOrBelow() {
        var f = RulesFixture()
        #expect(Readiness.barrier(f.plan) == nil)  // nothing rated: no barrier known
        f.signal("s1", ec, 4)
        f.signal("s2", fp, 3)
        f.signal("s3", ReadinessDimension.techEnabler, 1)
        f.signal("s4", ec, 1, team: "t-a")         // team cells do not count
        #expect(Readiness.barrier(f.plan)?.dimension.id == fp)
        #expect(Readiness.barrier(f.plan)?.signal.id == "s2")
        f.signal("s5", fp, 4, day: 1)
        #expect(Readiness.barrier(f.plan)?.dimension.id == ReadinessDimension.techEnabler)
        f.plan.dimensions[2].retired = true
        f.signal("s6", ReadinessDimension.fundedByOutcomes, 2)  // scope both: the organisation cell counts
        #expect(Readiness.barrier(f.plan)?.dimension.id == ReadinessDimension.fundedByOutcomes)
    }

    @Test(arguments: [
        ("Launch the app", "launch"),
        ("launch THE app", "launch"),
        ("Ship feature X by June", "ship"),
        ("We will build a new checkout", "build"),
        ("Our goal is to deliver the portal", "deliver"),
        ("By Q3, migrate all users to the new platform", "migrate"),
        ("In Q2 roll out self-service billing", "roll out"),
        ("Rollout of the partner API", "rollout"),
        ("Successfully completed migration", "completed"),
        ("Outcome: implement SSO", "implement"),
    ] as [(String, String?)])
    func outputWordingFlagged(statement: String, verb: String?) {
        #expect(OutcomeCheck.outputWording(statement) == verb)
    }

    @Test(arguments: [
        "Increase weekly active buyers from 2k to 5k",
        "Customers who relaunch the app within a week double",
        "Increase the share of customers who complete onboarding",
        "Reduce checkout drop-off, then launch in Spain",
        "Fewer support calls about invoices",
        "Buyers build a basket in under two minutes",
        "",
    ])
    func outcomeWordingNotFlagged(statement: String) {
        #expect(OutcomeCheck.outputWording(statement) == nil)
    }
}
