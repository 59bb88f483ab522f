import Foundation
import Testing
@testable import PilotwaveCore

/// The demo tells its story as of the day it is opened: whatever the day, a first look is a
/// believable live plan (pilots under way, wave 1 a few weeks out, a check-in next week, one
/// follow-up just overdue), never a plan whose dates have all gone by.
@Suite struct DemoStoryTests {
    /// The story's own week (each end), a year boundary, a leap day, days before the story was
    /// written and long after.
    static let todays: [Day] = [
        DemoPlan.storyWeek, Day(2026, 3, 12), Day(2026, 3, 15), Day(2026, 11, 23), Day(2026, 12, 7),
        Day(2026, 12, 31), Day(2027, 1, 1), Day(2028, 2, 29), Day(2025, 6, 18), Day(2041, 8, 4), Day(2099, 12, 31),
    ]

    @Test(arguments: todays)
    func storyReadsTheSameInAnyWeek(today: Day) throws {
        let plan = DemoPlan.make(today: today)
        let shift = DemoPlan.shift(for: today)
        #expect(shift % 7 == 0, "whole weeks keep the weekdays")
        #expect((0...6).contains(today.ordinal - DemoPlan.storyWeek.adding(days: shift).ordinal),
                "the story's week is the week of \(today)")
        let waves = plan.orderedWaves
        let pilots = waves[0], wave1 = waves[1]
        let pilotsStart = try #require(pilots.start), pilotsEnd = try #require(pilots.end)
        #expect(pilots.status == .active && pilotsStart < today && today < pilotsEnd, "pilots under way")
        let wave1Ahead = try #require(wave1.start).ordinal - today.ordinal
        #expect((14...42).contains(wave1Ahead), "wave 1 starts in \(wave1Ahead) days")
        let nextCheckIn = plan.waves.flatMap(\.checkIns).map { $0.ordinal - today.ordinal }.filter { $0 >= 0 }.min()
        #expect(nextCheckIn.map { (1...7).contains($0) } == true, "next check-in in \(String(describing: nextCheckIn)) days")
        let checkInWorkshop = try #require(plan.workshop("workshop-readiness-check-in")?.date)
        #expect((1...7).contains(checkInWorkshop.ordinal - today.ordinal), "the check-in workshop is next week")

        let late = plan.resistance.compactMap { ResistanceRules.daysOverdue($0, today: today) }
        #expect(late.count == 1, "exactly one follow-up overdue: \(late)")
        #expect(late.allSatisfy { (1...10).contains($0) }, "just overdue: \(late) days")
        let lateActions = plan.actions.filter { !$0.done }.compactMap { $0.due.map { today.ordinal - $0.ordinal } }
        #expect(lateActions.allSatisfy { $0 <= 30 }, "no action overdue by months: \(lateActions)")
        #expect(WaveTimeline(plan: plan, today: today).waves.allSatisfy { !$0.isLate })

        // The same findings as in the story's own week: none comes from the date, none is critical.
        let findings = PlanChecks.run(plan, today: today)
        let asWritten = PlanChecks.run(DemoPlan.make(), today: DemoPlan.storyWeek)
        #expect(findings.map(\.code) == asWritten.map(\.code))
        #expect(!findings.contains { $0.severity == .critical }, "\(findings.filter { $0.severity == .critical }.map(\.message))")
        #expect(!findings.contains { $0.message.contains("was due to start") }, "\(findings.map(\.message))")

        // Nothing was recorded after today.
        let recorded = Self.dates(in: plan)
        #expect(!recorded.isEmpty)
        #expect(recorded.allSatisfy { Day($0) <= today }, "recorded later than \(today)")
    }

    @Test func theStoryAsWrittenIsTheStoryOfItsWeek() {
        #expect(DemoPlan.shift(for: DemoPlan.storyWeek) == 0)
        #expect(DemoPlan.shift(for: Day(2026, 3, 15)) == 0)
        #expect(DemoPlan.shift(for: Day(2026, 3, 16)) == 7)
        #expect(DemoPlan.shift(for: Day(2026, 3, 8)) == -7)
        #expect(DemoPlan.make(today: Day(2026, 3, 11)) == DemoPlan.make())
        #expect(DemoPlan.make(today: Day(2026, 11, 26)) == DemoPlan.make(today: Day(2026, 11, 29)))
    }

    /// Every day and instant in the plan moves by the shift, and nothing else changes. Walks the
    /// encoded JSON, so a date field added to the model is checked without being named here, and
    /// asks the fixture to fill every part of the model that can hold one.
    @Test(arguments: [7, -371, 36_526])
    func shiftingMovesEveryDateAndNothingElse(days: Int) throws {
        let plan = Self.everyPartFilled()
        #expect(Self.emptyParts(of: DemoPlan.make()).contains("votes"), "the demo alone has no vote round")
        let unfilled = Self.emptyParts(of: plan)
        #expect(unfilled.isEmpty, "the fixture leaves these parts of the model empty, so their dates go unchecked: \(unfilled)")
        let before = try Self.json(plan), after = try Self.json(plan.shiftingDates(byDays: days))
        var moved = 0, problems: [String] = []
        Self.compare(before, after, days: days, path: "plan", moved: &moved, problems: &problems)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(moved > 60, "only \(moved) dates seen")
    }

    // MARK: Helpers

    /// The demo with a vote round and a recorded selection, so that every kind of record is there.
    static func everyPartFilled() -> Plan {
        var plan = DemoPlan.make()
        plan.votes = [VoteRound(id: "vote-1", title: "Bright spots", budget: 3, capPerTeam: 2, attributed: true,
                                openedAt: DemoPlan.date("2026-01-09T15:00:00Z"),
                                ballots: [Ballot(voter: "Ana", votes: [TeamVotes(team: "team-quote-buy", votes: 2)])],
                                totals: [TeamVotes(team: "team-quote-buy", votes: 2)], ballotCount: 1,
                                countedAt: DemoPlan.date("2026-01-09T15:20:00Z"))]
        plan.rounds = [ParticipantRound(
            id: "round-1", kind: .readiness, title: "How ready?", team: "team-quote-buy",
            dimensions: [ReadinessDimension.feltPain],
            responses: [RoundResponse(participant: "Ana", ratings: [RoundRating(dimension: ReadinessDimension.feltPain, rating: 3)],
                                      at: DemoPlan.date("2026-01-09T15:05:00Z"))],
            openedAt: DemoPlan.date("2026-01-09T15:01:00Z"))]
        plan.decisions[0].selection = PilotSelection(
            teams: [SelectedTeam(team: "team-quote-buy", name: "Quote & Buy", score: 80, votes: 2, flags: ["x"])],
            weights: [WeightUsed(criterion: Criterion.familiarity, name: "Familiarity", weight: 3)],
            recommended: "2–4", voteRound: "vote-1", tally: [TeamVotes(team: "team-quote-buy", votes: 2)])
        plan.stakeholders[0] = plan.stakeholders[0].withStance(.neutral, at: DemoPlan.date("2026-02-02T09:00:00Z"))
        plan.conflicts = [MergeConflict(id: "teams/team-quote-buy/area", what: "Team \"Quote & Buy\": area",
                                        ours: "\"Sales\"", theirs: "\"Direct\"", base: "\"\"")]
        return plan
    }

    static func json(_ plan: Plan) throws -> Any {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try JSONSerialization.jsonObject(with: encoder.encode(plan))
    }

    static func timestamp(_ text: String) -> Date? {
        text.count == 20 && text.hasSuffix("Z") ? ISO8601DateFormatter().date(from: text) : nil
    }

    static func compare(_ a: Any, _ b: Any, days: Int, path: String, moved: inout Int, problems: inout [String]) {
        switch (a, b) {
        case (let a as [String: Any], let b as [String: Any]):
            if Set(a.keys) != Set(b.keys) { problems.append("\(path): keys differ") }
            for key in a.keys.sorted() where b[key] != nil {
                compare(a[key]!, b[key]!, days: days, path: "\(path).\(key)", moved: &moved, problems: &problems)
            }
        case (let a as [Any], let b as [Any]):
            if a.count != b.count { problems.append("\(path): \(a.count) items became \(b.count)") }
            for (i, pair) in zip(a, b).enumerated() {
                compare(pair.0, pair.1, days: days, path: "\(path)[\(i)]", moved: &moved, problems: &problems)
            }
        case (let a as String, let b as String):
            if let day = Day(iso: a) {
                moved += 1
                if b != day.adding(days: days).description { problems.append("\(path): \(a) became \(b), not moved by \(days) days") }
            } else if let instant = timestamp(a) {
                moved += 1
                if timestamp(b) != instant.addingTimeInterval(TimeInterval(days * 86_400)) {
                    problems.append("\(path): \(a) became \(b), not moved by \(days) days")
                }
            } else if a != b {
                problems.append("\(path): \"\(a)\" changed to \"\(b)\"")
            }
        default:
            if "\(a)" != "\(b)" { problems.append("\(path): \(a) changed to \(b)") }
        }
    }

    /// Every instant in the plan (timestamps of ratings, strikes, notes, decisions, parking, actions…).
    static func dates(in plan: Plan) -> [Date] {
        var out: [Date] = []
        func walk(_ value: Any) {
            if let date = value as? Date { out.append(date); return }
            for child in Mirror(reflecting: value).children { walk(child.value) }
        }
        walk(plan)
        return out
    }

    /// The parts of the model (as paths like `waves[].checkIns`) that are empty or nil everywhere
    /// in `plan` and could hold a day or an instant: optionals and collections of records. Plain
    /// text, numbers, ids and names are left out.
    static func emptyParts(of plan: Plan) -> [String] {
        var filled: Set<String> = [], seen: Set<String> = []
        func isPlainLeaf(_ type: Any.Type) -> Bool {
            let name = String(describing: type)
            return ["String", "Int", "Double", "Bool", "Ref<"].contains { name.contains("<\($0)") || name.hasPrefix($0) }
                || (type as? any StringEnum.Type) != nil
                || ["Optional<OrgSize>", "Array<CriterionKey>", "Optional<CoachID>"].contains(name)
                || name.contains("StringEnum")
        }
        func walk(_ value: Any, _ path: String) {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional:
                if !isPlainLeaf(type(of: value)) { seen.insert(path) }
                if let some = mirror.children.first {
                    filled.insert(path)
                    walk(some.value, path)
                }
            case .collection, .set:
                if !isPlainLeaf(type(of: value)) { seen.insert(path) }
                if !mirror.children.isEmpty { filled.insert(path) }
                for child in mirror.children { walk(child.value, path + "[]") }
            case .dictionary:
                break
            default:
                for child in mirror.children {
                    walk(child.value, path.isEmpty ? (child.label ?? "?") : path + "." + (child.label ?? "?"))
                }
            }
        }
        walk(plan, "")
        return seen.subtracting(filled).sorted()
    }
}
