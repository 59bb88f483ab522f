import Foundation
import PilotwaveCore
import Testing

@Suite struct DemoAndGeneratorTests {
    // MARK: Consistency checker

    /// Everything that would make a plan file invalid or a screen lie: duplicate ids, dangling
    /// references, statuses that disagree with wave membership, ratings out of range.
    static func problems(in plan: Plan) -> [String] {
        var out: [String] = []
        func unique<S: Sequence>(_ what: String, _ ids: S) where S.Element: Hashable {
            var seen = Set<S.Element>()
            for id in ids where !seen.insert(id).inserted { out.append("duplicate \(what) id \(id)") }
        }
        unique("team", plan.teams.map(\.id))
        unique("stakeholder", plan.stakeholders.map(\.id))
        unique("coach", plan.coaches.map(\.id))
        unique("signal", plan.signals.map(\.id))
        unique("note", plan.resistance.map(\.id))
        unique("wave", plan.waves.map(\.id))
        unique("wave order", plan.waves.map(\.order))
        unique("blocker", plan.blockers.map(\.id))
        unique("decision", plan.decisions.map(\.id))
        unique("workshop", plan.workshops.map(\.id))
        unique("action", plan.actions.map(\.id))
        unique("criterion", plan.criteria.map(\.id))
        unique("dimension", plan.dimensions.map(\.id))

        let teamIDs = Set(plan.teams.map(\.id))
        let coachIDs = Set(plan.coaches.map(\.id))
        let stakeholderIDs = Set(plan.stakeholders.map(\.id))
        let blockerIDs = Set(plan.blockers.map(\.id))
        let dimensions = Dictionary(plan.dimensions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ratedKeys = Set(plan.criteria.filter { $0.source == .rated }.map(\.id))
        let rating = Criterion.ratingRange

        // Wave membership: each team in at most one wave.
        var waveOrderOf: [TeamID: Int] = [:]
        for wave in plan.waves {
            for t in wave.teams {
                if !teamIDs.contains(t) { out.append("wave \(wave.id) names unknown team \(t)") }
                if waveOrderOf.updateValue(wave.order, forKey: t) != nil { out.append("team \(t) in two waves") }
            }
            for b in wave.entry.blockers where !blockerIDs.contains(b) {
                out.append("wave \(wave.id) needs unknown blocker \(b)")
            }
            for r in wave.entry.readiness {
                if dimensions[r.dimension] == nil { out.append("wave \(wave.id) threshold on \(r.dimension)") }
                if !rating.contains(r.minimum) { out.append("wave \(wave.id) threshold \(r.minimum)") }
            }
            if let start = wave.start, let end = wave.end, end < start { out.append("wave \(wave.id) ends early") }
        }

        for team in plan.teams {
            let t = team.id
            if team.name.trimmingWhitespace().isEmpty { out.append("team \(t) has no name") }
            if let c = team.coach, !coachIDs.contains(c) { out.append("team \(t) coach \(c) unknown") }
            for d in team.dependsOn where !teamIDs.contains(d) || d == t { out.append("team \(t) depends on \(d)") }
            if Set(team.dependsOn).count != team.dependsOn.count { out.append("team \(t) repeats a dependency") }
            for (key, value) in team.ratings {
                if !ratedKeys.contains(key) { out.append("team \(t) rates unknown criterion \(key)") }
                if !rating.contains(value) { out.append("team \(t) rating \(key)=\(value)") }
            }
            if Roles.fields.contains(where: { team.roles[keyPath: $0.keyPath] < 0 }) {
                out.append("team \(t) has a negative head count")
            }
            let order = waveOrderOf[t]
            switch team.status {
            case .pilot where order != 0: out.append("pilot \(t) not in the order-0 wave")
            case .inWave where order == nil || order == 0: out.append("team \(t) inWave but in wave \(order ?? -1)")
            case .candidate where order != nil, .outOfScope where order != nil:
                out.append("team \(t) is \(team.status) but in a wave")
            default: break
            }
            if (team.status == .outOfScope) != !(team.outOfScopeReason ?? "").trimmingWhitespace().isEmpty {
                out.append("team \(t) out-of-scope reason does not match its status")
            }
        }

        for coach in plan.coaches {
            if let s = coach.seededFrom, !teamIDs.contains(s) { out.append("coach \(coach.id) seeded from \(s)") }
            if coach.capacity < 1 { out.append("coach \(coach.id) capacity \(coach.capacity)") }
        }
        for signal in plan.signals {
            guard let dimension = dimensions[signal.dimension] else {
                out.append("signal \(signal.id) on unknown dimension \(signal.dimension)")
                continue
            }
            if let t = signal.team {
                if !teamIDs.contains(t) { out.append("signal \(signal.id) on unknown team \(t)") }
                if dimension.scope == .organisation { out.append("signal \(signal.id) rates an org-only dimension") }
            } else if dimension.scope == .team {
                out.append("signal \(signal.id) rates a team-only dimension for the organisation")
            }
            if !rating.contains(signal.rating) { out.append("signal \(signal.id) rating \(signal.rating)") }
            if let s = signal.struck, s.reason.trimmingWhitespace().isEmpty {
                out.append("signal \(signal.id) struck without reason")
            }
        }
        for note in plan.resistance {
            switch (note.team, note.stakeholder) {
            case let (t?, nil) where !teamIDs.contains(t): out.append("note \(note.id) on unknown team \(t)")
            case let (nil, s?) where !stakeholderIDs.contains(s): out.append("note \(note.id) on unknown stakeholder \(s)")
            case (_?, nil), (nil, _?): break
            default: out.append("note \(note.id) needs exactly one of team and stakeholder")
            }
            if note.words.trimmingWhitespace().isEmpty { out.append("note \(note.id) has no words") }
        }
        for blocker in plan.blockers {
            for t in blocker.surfacedBy where !teamIDs.contains(t) {
                out.append("blocker \(blocker.id) surfaced by \(t)")
            }
        }
        unique("scenario", plan.scenarios.map(\.id))
        for scenario in plan.scenarios {
            let s = scenario.id
            unique("scenario \(s) wave", scenario.waves.map(\.id))
            unique("scenario \(s) placed team", scenario.waves.flatMap(\.teams))
            unique("scenario \(s) assigned team", scenario.assignments.map(\.team))
            let placed = Set(scenario.waves.flatMap(\.teams))
            for t in placed where !teamIDs.contains(t) { out.append("scenario \(s) places unknown team \(t)") }
            for t in placed where plan.teams.first(where: { $0.id == t })?.status == .outOfScope {
                out.append("scenario \(s) places out-of-scope team \(t)")
            }
            for b in scenario.waves.flatMap(\.entry.blockers) where !blockerIDs.contains(b) {
                out.append("scenario \(s) needs unknown blocker \(b)")
            }
            for a in scenario.assignments {
                if !placed.contains(a.team) { out.append("scenario \(s) assigns a coach to unplaced team \(a.team)") }
                if !coachIDs.contains(a.coach) { out.append("scenario \(s) assigns unknown coach \(a.coach)") }
            }
            if scenario.name.trimmingWhitespace().isEmpty { out.append("scenario \(s) has no name") }
        }
        var anyID = Set(plan.teams.map(\.id.raw))
        anyID.formUnion(plan.waves.map(\.id.raw))
        anyID.formUnion(plan.blockers.map(\.id.raw))
        anyID.formUnion(plan.coaches.map(\.id.raw))
        anyID.formUnion(plan.stakeholders.map(\.id.raw))
        anyID.formUnion(plan.resistance.map(\.id.raw))
        for decision in plan.decisions {
            for c in decision.concerns where !anyID.contains(c) { out.append("decision \(decision.id) concerns \(c)") }
        }
        let views = Set(WorkshopTemplates.views)
        let workshopIDs = Set(plan.workshops.map(\.id))
        for workshop in plan.workshops {
            for step in workshop.steps where !views.contains(step.view) || step.minutes <= 0 {
                out.append("workshop \(workshop.id) step \(step.title): view \(step.view), \(step.minutes) min")
            }
            for step in workshop.steps where step.spentSeconds < 0 || step.extraMinutes < 0 {
                out.append("workshop \(workshop.id) step \(step.title): \(step.spentSeconds) s, +\(step.extraMinutes) min")
            }
            if !workshop.steps.isEmpty && !workshop.steps.indices.contains(workshop.current) {
                out.append("workshop \(workshop.id) is on step \(workshop.current)")
            }
            if let t = workshop.template, WorkshopTemplates.template(named: t) == nil {
                out.append("workshop \(workshop.id) names template \(t)")
            }
        }
        for action in plan.actions {
            if let w = action.workshop, !workshopIDs.contains(w) { out.append("action \(action.id) from workshop \(w)") }
            if action.text.trimmingWhitespace().isEmpty { out.append("action \(action.id) has no text") }
        }
        for decision in plan.decisions {
            if let w = decision.workshop, !workshopIDs.contains(w) { out.append("decision \(decision.id) in workshop \(w)") }
        }
        return out
    }

    @Test func checkerCatchesBrokenPlans() throws {
        let good = DemoPlan.make()
        var broken: [(String, Plan)] = []
        var plan = good
        plan.teams[0].coach = "coach-nobody"
        broken.append(("dangling coach", plan))
        plan = good
        plan.teams[0].ratings[Criterion.familiarity] = 6
        broken.append(("rating out of range", plan))
        plan = good
        plan.waves[2].teams.append(plan.waves[1].teams[0])
        broken.append(("team in two waves", plan))
        plan = good
        let candidate = try #require(plan.teams.firstIndex { $0.status == .candidate })
        plan.teams[candidate].status = .pilot
        broken.append(("pilot outside the pilot wave", plan))
        plan = good
        plan.resistance[0].stakeholder = plan.stakeholders[0].id
        broken.append(("note with two sources", plan))
        plan = good
        plan.signals[0].dimension = "vibes"
        broken.append(("unknown dimension", plan))
        plan = good
        plan.teams.append(plan.teams[0])
        broken.append(("duplicate team id", plan))
        plan = good
        plan.scenarios[0].assignments.append(CoachAssignment(team: "team-web-campaigns", coach: "coach-anna-keller"))
        broken.append(("scenario coach for an unplaced team", plan))
        plan = good
        plan.scenarios[0].waves[1].teams.append("team-solvency-reporting")
        broken.append(("scenario places an out-of-scope team", plan))
        plan = good
        plan.actions[0].workshop = "workshop-nowhere"
        broken.append(("action from an unknown workshop", plan))
        plan = good
        plan.decisions[0].workshop = "workshop-nowhere"
        broken.append(("decision in an unknown workshop", plan))
        plan = good
        plan.workshops[0].current = 99
        broken.append(("workshop on a step it does not have", plan))
        plan = good
        plan.workshops[0].steps[0].view = "dashboard"
        broken.append(("step on an unknown view", plan))
        for (what, plan) in broken {
            #expect(!Self.problems(in: plan).isEmpty, "checker missed: \(what)")
        }
    }

    // MARK: Demo

    @Test func demoIsConsistent() {
        let problems = Self.problems(in: DemoPlan.make())
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func demoIsDeterministic() {
        #expect(DemoPlan.make() == DemoPlan.make())
    }

    @Test func demoTellsTheStory() throws {
        let plan = DemoPlan.make()
        #expect((20...28).contains(plan.teams.count))
        #expect(Set(plan.teams.map(\.area)).count == 5)
        #expect(plan.teams.filter { $0.status == .pilot }.count == 3)
        #expect(plan.waves.count == 3)
        #expect(plan.orderedWaves.first?.name == "Pilots")
        #expect(plan.orderedWaves.first?.status == .active)
        #expect(plan.teams.contains { $0.name.unicodeScalars.contains { !$0.isASCII } })
        #expect(plan.teams.contains { $0.name.unicodeScalars.contains { (0x3040...0x9FFF).contains($0.value) } })
        #expect(plan.teams.filter { $0.status == .outOfScope }.count >= 2)
        #expect(plan.teams.contains { !$0.isCrossFunctional && $0.status != .outOfScope })
        #expect(plan.teams.contains { $0.size > plan.settings.maxTeamSize })
        #expect(plan.teams.contains { $0.ratings.count < 3 })
        #expect(Set(plan.teams.map(\.stage)) == Set(LifecycleStage.allCases))
        #expect((6...8).contains(plan.stakeholders.count))
        #expect(plan.coaches.map(\.capacity) == [4, 3, 2])
        #expect(plan.coaches.contains { $0.seededFrom != nil })

        // All six kinds of DOMAIN.md §5, and an open high-severity note without an owner on a wave team.
        let kinds = Set(plan.resistance.map(\.kind))
        for kind in [ResistanceKind.noTime, .beginnerAgain, .neverWorkHere, .favouredSolutions, .reducedControl,
                     .updateBottlenecks] {
            #expect(kinds.contains(kind), "no note of kind \(kind)")
        }
        let waveTeams = Set(plan.waves.flatMap(\.teams))
        #expect(plan.resistance.contains {
            $0.severity == .high && $0.status == .open && $0.owner == nil && $0.team.map(waveTeams.contains) == true
        })

        // Readiness history: trend visible for the organisation; a struck signal; pilots rated.
        let orgSignals = plan.signals.filter { $0.team == nil && $0.struck == nil }
        let perDimension = Dictionary(grouping: orgSignals, by: \.dimension)
        #expect(perDimension.values.contains { $0.count >= 2 })
        for d in plan.dimensions where d.group == .precondition {
            #expect((perDimension[d.id]?.count ?? 0) >= 2, "no history for \(d.id)")
        }
        #expect(plan.signals.contains { $0.struck != nil })
        let pilots = plan.teams.filter { $0.status == .pilot }
        for pilot in pilots {
            #expect(plan.signals.contains { $0.team == pilot.id }, "pilot \(pilot.id) has no signals")
            #expect(pilot.outcome != nil)
        }

        // Deliberate findings: a later-wave dependency and a coach over capacity in wave 1.
        let order = Dictionary(plan.waves.flatMap { w in w.teams.map { ($0, w.order) } }, uniquingKeysWith: min)
        #expect(plan.teams.contains { t in t.dependsOn.contains { (order[$0] ?? -1) > (order[t.id] ?? Int.max) } })
        let wave1 = try #require(plan.waves.first { $0.order == 1 })
        let wave1Load = Dictionary(grouping: wave1.teams.compactMap { plan.team($0)?.coach }, by: { $0 })
        #expect(plan.coaches.contains { (wave1Load[$0.id]?.count ?? 0) > $0.capacity })
        #expect(!wave1.entry.blockers.isEmpty && !wave1.entry.readiness.isEmpty && !wave1.entry.checklist.isEmpty)
        #expect(Set(plan.blockers.map(\.status)) == Set(BlockerStatus.allCases))
        #expect(Set(plan.decisions.map(\.kind)) == Set(DecisionKind.allCases))
        #expect(plan.workshops.first.map { (5...6).contains($0.steps.count) } == true)

        // A coach seeded from a pilot, coaching a later wave: the seeding check stays quiet.
        let seeded = try #require(plan.coaches.first { $0.seededFrom != nil })
        #expect(plan.team(try #require(seeded.seededFrom))?.status == .pilot)
        #expect(plan.teams.contains { $0.coach == seeded.id && $0.status == .inWave })
        let findings = PlanChecks.run(plan, today: DemoPlan.storyWeek)
        #expect(!findings.contains { $0.code == "seededCoachTooEarly" })
    }

    @Test func demoScenarioIsAFasterAlternativeThatOverloadsCoaches() throws {
        let plan = DemoPlan.make()
        #expect(plan.scenarios.count == 1)
        let scenario = try #require(plan.scenarios.first)
        #expect(scenario.name == "Faster: two waves" && !scenario.note.isEmpty)
        #expect(scenario.waves.count < plan.waves.count)
        let faster = Scenarios.apply(scenario, to: plan)
        #expect(Self.problems(in: faster).isEmpty, "\(Self.problems(in: faster))")
        let c = Scenarios.compare(plan, faster)
        #expect(c.waves.map { $0.a?.teams } == [3, 6, 6] && c.waves.map { $0.b?.teams } == [3, 12, nil])
        #expect(c.moves.count == 6 && c.moves.allSatisfy { $0.to?.wave == "wave-1" })
        #expect(c.leftA == c.leftB)
        #expect(c.overloadedQuartersA.map(\.label) == ["Q2 2026"])
        #expect(c.overloadedQuartersB.map(\.label) == ["Q2 2026", "Q3 2026"])
        let q2 = try #require(c.load.first { $0.quarter == Quarter(year: 2026, q: 2) })
        #expect(q2.b.over.map { "\($0.name) \($0.teams)/\($0.capacity)" } == ["Marc Dubois 4/3", "Lena Brunner 3/2"])
        #expect(c.blockers.allSatisfy { $0.inA && $0.inB })
        // Broker Hub's dependency on Identity & Access is met in the scenario.
        let before = PlanChecks.run(plan, today: DemoPlan.storyWeek).filter { $0.code == "dependsOnLaterWave" }
        let after = PlanChecks.run(faster, today: DemoPlan.storyWeek).filter { $0.code == "dependsOnLaterWave" }
        #expect(before.contains { $0.concerns.first == "team-broker-hub" })
        #expect(!after.contains { $0.concerns.first == "team-broker-hub" })
    }

    @Test func demoRoundTripsThroughJSON() throws {
        let plan = DemoPlan.make()
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data = try encoder.encode(plan)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(Plan.self, from: data) == plan)
    }

    @Test func fixedDatesAreUTC() {
        #expect(DemoPlan.date("2026-03-04T10:00:00Z").timeIntervalSince1970 == 1_772_618_400)
        #expect(Day(DemoPlan.date("2026-12-31T23:59:59Z")) == Day(2026, 12, 31))
    }

    // MARK: Generator

    @Test(arguments: [0, 1, 50, 2_000], [UInt64(7), 20_260_304])
    func generatedPlansAreConsistent(teams: Int, seed: UInt64) {
        let plan = PlanGenerator.generate(teams: teams, seed: seed)
        #expect(plan.teams.count == teams)
        let problems = Self.problems(in: plan)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func sameSeedSamePlanDifferentSeedDifferentPlan() {
        #expect(PlanGenerator.generate(teams: 500, seed: 42) == PlanGenerator.generate(teams: 500, seed: 42))
        #expect(PlanGenerator.generate(teams: 500, seed: 42) != PlanGenerator.generate(teams: 500, seed: 43))
        #expect(PlanGenerator.generate(teams: 50, seed: 1).teams != PlanGenerator.generate(teams: 50, seed: 2).teams)
    }

    @Test func generatedPlanHasPlausibleShape() throws {
        let plan = PlanGenerator.generate(teams: 2_000, seed: 7)
        #expect(plan.teams.first?.id == "team-000001")
        #expect(plan.teams.last?.id == "team-002000")
        #expect(Set(plan.teams.map(\.area)).count == 12)
        let outOfScope = plan.teams.filter { $0.status == .outOfScope }.count
        #expect((50...150).contains(outOfScope))
        #expect((1...5).contains(plan.teams.filter { $0.status == .pilot }.count))
        #expect(plan.coaches.count == 50)
        #expect(plan.waves.count == 4)
        #expect(plan.waves.dropFirst().allSatisfy { !$0.teams.isEmpty })
        #expect(plan.signals.count >= 1_000 && plan.signals.count < 1_010)
        #expect(plan.resistance.count == 200)
        #expect(Set(plan.resistance.map(\.kind)) == Set(ResistanceKind.allCases))
        #expect((8...12).contains(plan.blockers.count))
        #expect((8...12).contains(plan.decisions.count))
        #expect(plan.teams.contains { $0.ratings.count < 3 })
        #expect(plan.teams.contains { $0.name.unicodeScalars.contains { !$0.isASCII } })
        #expect(plan.teams.contains { !$0.dependsOn.isEmpty })
        // One scenario: the waves after the pilots merged in pairs, the same teams and coaches.
        let scenario = try #require(plan.scenarios.first)
        #expect(plan.scenarios.count == 1 && scenario.waves.count == 3)  // pilots, waves 1–2, wave 3
        #expect(Set(scenario.waves.flatMap(\.teams)) == Set(plan.waves.flatMap(\.teams)))
        #expect(Scenarios.apply(scenario, to: plan).teams == plan.teams)
        #expect(!PlanChecks.run(plan, today: DemoPlan.storyWeek).contains { $0.code == "seededCoachTooEarly" })
        #expect(plan.coaches.contains { $0.seededFrom != nil })
        // Organisation-level history for every precondition.
        for d in plan.dimensions where d.group == .precondition {
            #expect(plan.signals.filter { $0.team == nil && $0.dimension == d.id }.count >= 2)
        }
    }

    @Test func splitMixMatchesReferenceSequence() {
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
        for _ in 0..<1_000 {
            #expect((0..<7).contains(rng.below(7)))
        }
    }
}
