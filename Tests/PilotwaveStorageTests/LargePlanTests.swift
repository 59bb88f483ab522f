import Foundation
import PilotwaveCore
import PilotwaveStorage
import Testing

/// Load and save of large plans. The 100,000-team run prints timings and is opt-in
/// (`PILOTWAVE_BENCH=1 swift test -c release --filter LargePlan`); the smaller one always runs.
@Suite("Large plans")
struct LargePlanTests {
    static let benchEnabled = ProcessInfo.processInfo.environment["PILOTWAVE_BENCH"] != nil

    /// A plan with `count` teams that passes validation: ratings, roles, tags, coaches, dependencies,
    /// ten waves, a readiness signal per ten teams.
    static func plan(teams count: Int) -> Plan {
        var plan = Plan(id: "plan-big", name: "Large", organisation: Organisation(name: "Big Co", size: .large))
        plan.coaches = (0..<50).map { Coach(id: CoachID("coach-\($0)"), name: "Coach \($0)", capacity: 5) }
        plan.blockers = (0..<20).map {
            Blocker(id: BlockerID("blocker-\($0)"), title: "Blocker \($0)", category: .planning, surfacedBy: ["team-0"])
        }
        let stages = LifecycleStage.allCases
        plan.teams = (0..<count).map { (i: Int) -> Team in
            let roles = Roles(product: i % 2, design: 1, engineering: 3 + i % 5, data: i % 3)
            let ratings: [CriterionKey: Int] = [
                "familiarity": 1 + i % 5, "learningAppetite": 1 + (i / 5) % 5, "customerAccess": 3,
            ]
            let status: TeamStatus = i < 10_000 ? .inWave : .candidate
            let coach: CoachID? = i % 7 == 0 ? CoachID("coach-\(i % 50)") : nil
            let dependsOn: [TeamID] = i > 0 && i % 11 == 0 ? [TeamID("team-\(i - 1)")] : []
            let notes = i % 17 == 0 ? "Notes for team \(i)\nsecond line" : ""
            return Team(id: TeamID("team-\(i)"), name: "Team \(i) Ωmega", area: "Area \(i % 40)", stage: stages[i % 4],
                        roles: roles, ratings: ratings, status: status, coach: coach, dependsOn: dependsOn,
                        tags: ["tag\(i % 13)", "área \(i % 3)"], notes: notes)
        }
        let waveSize = max(1, min(count, 10_000) / 10)
        plan.waves = (0..<10).map { (w: Int) -> Wave in
            let members: [TeamID] = (w * waveSize..<min(count, (w + 1) * waveSize)).map { TeamID("team-\($0)") }
            let threshold = ReadinessThreshold(dimension: ReadinessDimension.feltPain, minimum: 3)
            let entry = EntryCriteria(blockers: [BlockerID("blocker-\(w)")], readiness: [threshold])
            return Wave(id: WaveID("wave-\(w)"), name: "Wave \(w)", order: w, start: Day(2026, 1 + w, 1),
                        teams: members, entry: entry)
        }
        let start = Fixtures.monday
        plan.signals = stride(from: 0, to: count, by: 10).map { i in
            ReadinessSignal(id: SignalID("signal-\(i)"), dimension: ReadinessDimension.fundedByOutcomes,
                            team: TeamID("team-\(i)"), rating: 1 + i % 5, evidence: "Seen in review",
                            recordedBy: "Kai", recordedAt: start.addingTimeInterval(Double(i)))
        }
        // Schema 5: notes raised by participants, a counted vote round, participants' rounds.
        plan.resistance = stride(from: 0, to: count, by: 100).map { i in
            ResistanceNote(id: NoteID("note-\(i)"), team: TeamID("team-\(i)"), words: "Not again", kind: .neverWorkHere,
                           recordedAt: start, raisedBy: i % 200 == 0 ? "Participant \(i % 30)" : nil)
        }
        plan.votes = [VoteRound(id: "vote-1", title: "Pilots", budget: 3, attributed: false, openedAt: start,
                                totals: [TeamVotes(team: "team-0", votes: 3)], ballotCount: 1, revealed: true,
                                countedAt: start.addingTimeInterval(60))]
        plan.rounds = stride(from: 0, to: count, by: 100).map { i in
            let responses = (0..<5).map { p in
                RoundResponse(participant: "Participant \(p)",
                              ratings: [RoundRating(dimension: ReadinessDimension.feltPain, rating: 1 + (i + p) % 5,
                                                    evidence: p == 0 ? "Seen" : "")],
                              at: start.addingTimeInterval(Double(p)))
            }
            return i % 200 == 0
                ? ParticipantRound(id: RoundID("round-\(i)"), kind: .readiness, title: "Team \(i)", team: TeamID("team-\(i)"),
                                   dimensions: [ReadinessDimension.feltPain], responses: responses, revealed: true,
                                   closed: true, openedAt: start)
                : ParticipantRound(id: RoundID("round-\(i)"), kind: .concerns, title: "Team \(i)", team: TeamID("team-\(i)"),
                                   concerns: 3, named: ["Participant 1"], openedAt: start)
        }
        return plan
    }

    func roundTrip(teams count: Int, report: Bool) throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("big.json")
            let plan = Self.plan(teams: count)
            #expect(PlanValidator.validate(plan).isEmpty)
            let store = PlanStore()
            let clock = ContinuousClock()

            var stamp: FileStamp?
            let firstSave = try clock.measure { stamp = try store.save(plan, to: url, expecting: nil) }
            var loaded: (plan: Plan, stamp: FileStamp)?
            let load = try clock.measure { loaded = try store.load(url) }
            #expect(loaded?.plan == plan)
            #expect(loaded?.stamp == stamp)
            // Through the fast path: nothing in the plan sends it to JSONDecoder.
            #expect(PlanCodec.decodeFast(try Data(contentsOf: url)) == plan)
            let resave = try clock.measure { _ = try store.save(loaded!.plan, to: url, expecting: loaded!.stamp) }

            // The error path on the same file: a broken team near the end, located by line and column.
            var broken = plan
            broken.teams[count - 1].coach = "coach-missing"
            broken.teams[count / 2].name = ""
            let brokenURL = dir.appendingPathComponent("broken.json")
            try store.save(broken, to: brokenURL, expecting: nil)
            var failure: PlanLoadError?
            let failedLoad = clock.measure {
                do throws(PlanLoadError) {
                    _ = try store.load(brokenURL)
                } catch {
                    failure = error
                }
            }
            #expect(failure?.problems.count == 2)
            #expect(failure?.problems.allSatisfy { $0.position != nil } == true)

            if report {
                let bytes = try Data(contentsOf: url)
                var decoded: Plan?
                let encode = try clock.measure { _ = try PlanCodec.encode(plan) }
                let decode = try clock.measure { decoded = try PlanCodec.decode(bytes, file: "big.json") }
                let validate = clock.measure { _ = PlanValidator.validate(decoded!) }
                let hash = clock.measure { _ = FNV1a.hash64(bytes) }
                print("""
                    parts: encode \(encode), decode + validate \(decode), of which validate \(validate), \
                    FNV-1a \(hash)
                    """)
                let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
                print("""
                    large plan: \(count) teams, \(plan.signals.count) signals, \(size / 1_000_000) MB
                      save (new file): \(firstSave)
                      load (decode + validate): \(load)
                      save (replace, with .bak): \(resave)
                      failed load (decode + validate + locate 2 problems): \(failedLoad)
                    """)
            }
        }
    }

    @Test func tenThousandTeamsRoundTrip() throws {
        try roundTrip(teams: 10_000, report: false)
    }

    @Test(.enabled(if: benchEnabled, "set PILOTWAVE_BENCH=1 to run"))
    func hundredThousandTeamsTimings() throws {
        try roundTrip(teams: 100_000, report: true)
    }
}
