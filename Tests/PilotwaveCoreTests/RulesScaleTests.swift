import Testing
@testable import PilotwaveCore

@Suite("Rules at scale")
struct RulesScaleTests {
    /// 10,000 teams: 6 pilots, a 7,000-team wave, 100 coaches, signals and notes for many teams.
    @Test func tenThousandTeamsRunAllChecksAndRanking() {
        var f = RulesFixture(size: nil)
        let n = 10_000
        for i in 0..<100 { f.coach(CoachID("c-\(i)"), "Coach \(i)", capacity: 50) }
        for i in 0..<n {
            let status: TeamStatus = i < 6 ? .pilot : i < 7_006 ? .inWave : i % 10 == 0 ? .outOfScope : .candidate
            f.team(TeamID("t-\(i)"), "Team \(i)", status: status, stage: LifecycleStage.allCases[i % 4],
                   roles: Roles(product: i % 3 == 0 ? 0 : 1, design: 1, engineering: 1 + i % 12),
                   ratings: i % 7 == 0 ? [:] : [Criterion.familiarity: 1 + i % 5, Criterion.customerAccess: 1 + i % 5],
                   outcome: RulesFixture.goodOutcome, coach: i < 7_006 ? CoachID("c-\(i % 100)") : nil,
                   dependsOn: i > 0 ? [TeamID("t-\(i - 1)")] : [])
            if i % 5 == 0 {
                f.signal(SignalID("s-\(i)"), ReadinessDimension.empoweredTeams, 1 + i % 5, team: TeamID("t-\(i)"), day: i % 90)
            }
            if i % 50 == 0 { f.note(NoteID("n-\(i)"), team: TeamID("t-\(i)"), followUp: Day(2026, 1, 1)) }
        }
        f.wave("w-0", "Pilots", order: 0, teams: (0..<6).map { TeamID("t-\($0)") }, status: .active)
        f.wave("w-1", "Wave 1", order: 1, teams: (6..<7_006).map { TeamID("t-\($0)") }, status: .active)

        let ranking = Scoring.rank(f.plan)
        #expect(ranking.ranked.count + ranking.outOfScope.count == n)
        #expect(ranking.outOfScope.count == (7_006..<n).count { $0 % 10 == 0 })
        #expect(zip(ranking.ranked, ranking.ranked.dropFirst()).allSatisfy { !Scoring.precedes($1, $0) })

        let findings = PlanChecks.run(f.plan, today: RulesFixture.today)
        let counts = Dictionary(findings.map { ($0.code, 1) }, uniquingKeysWith: +)
        #expect(counts == [
            "tooManyPilots": 1,            // large (inferred from 10,000 teams): up to 5, and there are 6
            "pilotFlagged": 4,             // t-0, t-3 lack product; t-2, t-3 late stage; t-5 customer access 1
            "everyoneAtOnce": 1,           // Wave 1 holds 7,000 of 9,701 in-scope teams
            "coachOverCapacity": 100,      // 70 Wave 1 teams per coach, capacity 50
            "coachOverlap": 6,             // coaches of the 6 pilots carry 71 across both active waves
            "resistanceUnanswered": 141,   // every 50th planned team
            "followUpOverdue": 200,        // every 50th team
            "narrowTransformation": 1,     // no systemic blocker recorded
            "preconditionUnrated": 2,      // conviction and felt pain unrated
        ])
        #expect(findings.first { $0.code == "tooManyPilots" }?.concerns.count == 6)
        #expect(findings.first?.severity == .critical)
    }
}
