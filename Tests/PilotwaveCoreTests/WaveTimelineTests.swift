import Testing
@testable import PilotwaveCore

/// Quarters, the waves on a quarter-by-quarter axis, and coach load per quarter.
@Suite("Wave timeline")
struct WaveTimelineTests {
    func q(_ year: Int, _ q: Int) -> Quarter { Quarter(year: year, q: q) }

    // MARK: Quarters

    @Test func quarterOfADayWithItsLabelsAndDays() {
        let q1 = Quarter(Day(2026, 2, 14))
        #expect(q1 == q(2026, 1))
        #expect(q1.label == "Q1 2026" && q1.shortLabel == "Q1'26" && "\(q1)" == "Q1 2026")
        #expect(q1.first == Day(2026, 1, 1) && q1.last == Day(2026, 3, 31))
        #expect(q(2026, 2).last == Day(2026, 6, 30) && q(2026, 3).first == Day(2026, 7, 1))
        #expect(q(2026, 3).last == Day(2026, 9, 30) && q(2026, 4).last == Day(2026, 12, 31))
        #expect(Quarter(Day(2026, 3, 31)) == q(2026, 1) && Quarter(Day(2026, 4, 1)) == q(2026, 2))
        #expect(Quarter(Day(2026, 12, 31)) == q(2026, 4))
        #expect(q(2005, 3).shortLabel == "Q3'05" && q(2100, 2).shortLabel == "Q2'00")
        #expect(q1.contains(Day(2026, 1, 1)) && !q1.contains(Day(2025, 12, 31)))
    }

    @Test func quartersStepAcrossYearEnds() {
        #expect(q(2026, 4).next == q(2027, 1))
        #expect(q(2027, 1).previous == q(2026, 4))
        #expect(q(2026, 2).advanced(by: 11) == q(2029, 1))
        #expect(q(2026, 2).advanced(by: -6) == q(2024, 4))
        #expect(Quarter(year: 2026, q: 5) == q(2027, 1) && Quarter(year: 2026, q: 0) == q(2025, 4))
        #expect(q(2026, 3).distance(to: q(2028, 1)) == 6 && q(2028, 1).distance(to: q(2026, 3)) == -6)
        #expect(q(2026, 4) < q(2027, 1) && q(2027, 1) < q(2027, 2))
        #expect(Quarter.range(from: q(2026, 3), through: q(2027, 2)).map(\.shortLabel) == ["Q3'26", "Q4'26", "Q1'27", "Q2'27"])
        #expect(Quarter.range(from: q(2027, 1), through: q(2026, 4)).isEmpty)
        #expect(q(0, 1).previous == q(-1, 4) && q(-1, 4).next == q(0, 1))
        let bc = q(0, 1).advanced(by: -5)
        #expect(bc.year == -2 && bc.q == 4 && bc.first == Day(-2, 10, 1))
    }

    // MARK: The axis

    func plan(_ waves: [Wave]) -> Plan {
        var p = Plan.empty(id: "p", name: "P", organisation: "O")
        p.waves = waves
        return p
    }

    @Test func theAxisRunsFromTheFirstToTheLastWaveDateAtLeastFourQuarters() {
        // Across a year end: Q4 2026 to Q1 2027, padded to four quarters.
        let short = plan([Wave(id: "w", name: "W", order: 0, start: Day(2026, 11, 2), end: Day(2027, 2, 26))])
        #expect(WaveTimeline.quarters(short, today: Day(2020, 1, 1)).map(\.shortLabel) == ["Q4'26", "Q1'27", "Q2'27", "Q3'27"])
        // Over several years, with a check-in after the last end.
        let long = plan([
            Wave(id: "w0", name: "Pilots", order: 0, start: Day(2026, 1, 12), end: Day(2026, 3, 31)),
            Wave(id: "w2", name: "Wave 2", order: 2, start: Day(2028, 5, 1), end: Day(2029, 2, 28),
                 checkIns: [Day(2029, 5, 15)]),
            Wave(id: "w1", name: "Wave 1", order: 1),
        ])
        let quarters = WaveTimeline.quarters(long, today: Day(2026, 3, 15))
        #expect(quarters.count == 14)
        #expect(quarters.first == q(2026, 1) && quarters.last == q(2029, 2))
        #expect(zip(quarters, quarters.dropFirst()).allSatisfy { $0.next == $1 })
        // No dated wave: four quarters from today's.
        let undated = plan([Wave(id: "w", name: "W", order: 0)])
        #expect(WaveTimeline.quarters(undated, today: Day(2026, 8, 3)).map(\.label) == ["Q3 2026", "Q4 2026", "Q1 2027", "Q2 2027"])
        #expect(WaveTimeline.quarters(covering: [undated]).isEmpty)
        // A mistyped year does not make the axis endless.
        let typo = plan([Wave(id: "w", name: "W", order: 0, start: Day(2026, 1, 5), end: Day(2206, 1, 5))])
        #expect(WaveTimeline.quarters(typo, today: Day(2026, 1, 1)).count == WaveTimeline.maximumQuarters)
        #expect(WaveTimeline.quarters(covering: [typo]).count == WaveTimeline.maximumQuarters)
    }

    @Test func eachWaveWithItsQuartersCheckInsStatusAndLateness() throws {
        let p = plan([
            Wave(id: "w-late", name: "Late", order: 1, start: Day(2026, 1, 12), end: Day(2026, 3, 31),
                 checkIns: [Day(2026, 2, 6), Day(2026, 4, 2)], status: .active),
            Wave(id: "w-pilots", name: "Pilots", order: 0, start: Day(2025, 11, 3), end: Day(2026, 2, 27), status: .done),
            Wave(id: "w-open", name: "Open-ended", order: 2, start: Day(2026, 8, 3)),
            Wave(id: "w-due", name: "Due", order: 3, end: Day(2026, 4, 30)),
            Wave(id: "w-none", name: "Someday", order: 4, checkIns: [Day(2027, 1, 8)]),
        ])
        let timeline = WaveTimeline(plan: p, today: Day(2026, 4, 30))
        #expect(timeline.waves.map(\.name) == ["Pilots", "Late", "Open-ended", "Due", "Someday"])
        let spans = Dictionary(uniqueKeysWithValues: timeline.waves.map { ($0.wave, $0) })
        let pilots = try #require(spans["w-pilots"])
        #expect(pilots.quarters == q(2025, 4)...q(2026, 1) && pilots.status == .done && !pilots.isLate)
        let late = try #require(spans["w-late"])
        #expect(late.quarters == q(2026, 1)...q(2026, 1) && late.isLate)
        #expect(late.checkIns == [q(2026, 1), q(2026, 2)])
        #expect(late.covers(q(2026, 1)) && !late.covers(q(2026, 2)))
        let open = try #require(spans["w-open"])
        #expect(open.quarters == q(2026, 3)...q(2026, 3) && !open.isLate)  // a start only: one quarter
        let due = try #require(spans["w-due"])
        #expect(due.quarters == q(2026, 2)...q(2026, 2) && !due.isLate)    // ends today: not late yet
        #expect(WaveTimeline.span(p.waves[3], today: Day(2026, 5, 1)).isLate)
        let someday = try #require(spans["w-none"])
        #expect(someday.isUndated && someday.quarters == nil && !someday.covers(q(2027, 1)))
        #expect(someday.checkIns == [q(2027, 1)])
        #expect(timeline.undated.map(\.name) == ["Someday"])
        // The axis covers every date, the undated wave's check-in included.
        #expect(timeline.quarters.first == q(2025, 4) && timeline.quarters.last == q(2027, 1))
    }

    // MARK: Coach load

    @Test func coachLoadPerQuarterAgainstCapacity() {
        var f = RulesFixture()
        f.coach("coach-ana", "Ana", capacity: 2)
        f.coach("coach-ben", "Ben", capacity: 1)
        f.pilot("t-1", "One", coach: "coach-ana")
        f.team("t-2", "Two", status: .inWave, coach: "coach-ana")
        f.team("t-3", "Three", status: .inWave, coach: "coach-ana")
        f.team("t-4", "Four", status: .inWave, coach: "coach-ben")
        f.team("t-5", "Five", status: .inWave, coach: "coach-gone")
        f.team("t-6", "Six", status: .inWave, coach: "coach-ben")
        // Pilots Q4 2026–Q1 2027; Wave 1 Q1–Q2 2027 (overlapping the pilots in Q1); Wave 2 undated.
        f.wave("w-0", "Pilots", order: 0, teams: ["t-1"], status: .active, start: Day(2026, 10, 5), end: Day(2027, 3, 26))
        f.wave("w-1", "Wave 1", order: 1, teams: ["t-2", "t-3", "t-4", "t-5", "t-2"], start: Day(2027, 1, 11),
               end: Day(2027, 6, 25))
        f.wave("w-2", "Wave 2", order: 2, teams: ["t-6"])
        let quarters = WaveTimeline.quarters(f.plan, today: Day(2026, 1, 1))
        #expect(quarters.map(\.shortLabel) == ["Q4'26", "Q1'27", "Q2'27", "Q3'27"])
        let load = WaveTimeline.coachLoad(f.plan, quarters)
        func text(_ l: WaveTimeline.QuarterLoad) -> String {
            (l.coaches.map { "\($0.name) \($0.teams)/\($0.capacity)\($0.isOver ? "!" : "")" }
                + (l.uncoached > 0 ? ["\(l.uncoached) uncoached"] : [])).joined(separator: ", ")
        }
        #expect(load.map(text) == ["Ana 1/2", "Ana 3/2!, Ben 1/1, 1 uncoached", "Ana 2/2, Ben 1/1, 1 uncoached", ""])
        #expect(load.map(\.teams) == [1, 5, 4, 0])
        #expect(load.map(\.isOver) == [false, true, false, false])
        #expect(load[1].over.map(\.coach) == ["coach-ana"])
        // Only the quarters asked for, in the order asked, contiguous or not.
        let picked = WaveTimeline.coachLoad(f.plan, [q(2027, 2), q(2026, 4), q(2030, 1)])
        #expect(picked.map(text) == ["Ana 2/2, Ben 1/1, 1 uncoached", "Ana 1/2", ""])
        #expect(WaveTimeline.coachLoad(f.plan, []).isEmpty)
        // A team listed twice (refused on load) counts once.
        f.plan.teams.append(f.plan.teams[1])
        #expect(WaveTimeline.coachLoad(f.plan, quarters).map(\.teams) == [1, 5, 4, 0])
    }

    /// Ana (capacity 2) carries two teams in each of two waves that fall in Q3 2026.
    func twoWavesInOneQuarter(secondStarts: Day) -> RulesFixture {
        var f = RulesFixture()
        f.coach("coach-ana", "Ana", capacity: 2)
        for t in ["t-1", "t-2", "t-3", "t-4"] { f.team(TeamID(t), t, status: .inWave, coach: "coach-ana") }
        f.wave("w-1", "Wave 1", order: 1, teams: ["t-1", "t-2"], status: .active, start: Day(2026, 7, 1), end: Day(2026, 8, 14))
        f.wave("w-2", "Wave 2", order: 2, teams: ["t-3", "t-4"], start: secondStarts, end: Day(2026, 9, 30))
        return f
    }

    @Test func wavesThatFollowEachOtherInAQuarterDoNotAddUpAndOverlappingOnesDo() throws {
        let q3 = [q(2026, 3)]
        // Wave 2 starts the day after Wave 1 ends: Ana carries two teams at a time, as on the board.
        var f = twoWavesInOneQuarter(secondStarts: Day(2026, 8, 15))
        var load = try #require(WaveTimeline.coachLoad(f.plan, q3).first)
        #expect(load.coaches.map(\.teams) == [2] && !load.isOver && load.teams == 4)
        #expect(WavePlanning.capacity(f.plan).values.allSatisfy { !$0.isOver })
        // Starting a day before it ends, the waves overlap: four teams at once, over here and on the board.
        f = twoWavesInOneQuarter(secondStarts: Day(2026, 8, 14))
        load = try #require(WaveTimeline.coachLoad(f.plan, q3).first)
        #expect(load.coaches.map(\.teams) == [4] && load.isOver)
        #expect(WavePlanning.capacity(f.plan)["w-2"]?.isOver == true)
        // A done wave is carried by nobody any more.
        f.plan.waves[0].status = .done
        load = try #require(WaveTimeline.coachLoad(f.plan, q3).first)
        #expect(load.coaches.map(\.teams) == [2] && !load.isOver && load.teams == 2)
    }

    /// The timeline and the board read one rule: over the demo and variations of it, a coach is over
    /// in some quarter exactly when the board has them over in some wave not done, at the same peak.
    @Test func theTimelineAndTheBoardAgreeOnEveryCoachsPeak() {
        var plans = [DemoPlan.make(today: DemoPlan.storyWeek)]
        var later = plans[0]
        for w in later.waves.indices { later.waves[w].start = later.waves[w].start?.adding(days: -40) }
        plans.append(later)
        var done = plans[0]
        if let w = done.waves.indices.first { done.waves[w].status = .done }
        plans.append(done)
        for plan in plans {
            let quarters = WaveTimeline.quarters(plan, today: DemoPlan.storyWeek)
            let timeline = WaveTimeline.coachLoad(plan, quarters)
            let board = WavePlanning.capacity(plan)
            for coach in plan.coaches {
                let onTimeline = timeline.compactMap { $0.coaches.first { $0.coach == coach.id }?.teams }.max() ?? 0
                let onBoard = plan.waves.filter { WavePlanning.busyDays($0) != nil }
                    .compactMap { board[$0.id]?.coaches.first { $0.coach == coach.id }?.total }.max() ?? 0
                #expect(onTimeline == onBoard, "\(coach.name)")
            }
        }
    }
}
