import Foundation

/// Large, plausible, internally consistent synthetic plans for benchmarks and tests.
///
/// Deterministic: the same `teams` and `seed` give an equal plan on every run and platform (the
/// random numbers come from `SplitMix64`, not the system generator). Linear in the number of teams;
/// ids are sequential (`team-000042`).
public enum PlanGenerator {
    public static func generate(teams count: Int, seed: UInt64) -> Plan {
        var rng = SplitMix64(seed: seed)
        let n = max(0, count)

        // Teams.
        var teams: [Team] = []
        teams.reserveCapacity(n)
        let combos = firstWords.count * secondWords.count
        let offset = Int(seed % UInt64(combos))
        for i in 0..<n {
            let k = (i % combos * 319 + offset) % combos  // 319 = 11·29 is coprime with 768: a permutation
            var name = firstWords[k / secondWords.count] + " " + secondWords[k % secondWords.count]
            if i >= combos { name += " \(i / combos + 1)" }
            var team = Team(id: TeamID(id("team", i + 1, width: 6)), name: name, area: rng.pick(areas),
                            stage: stage(&rng), roles: roles(&rng))
            for key in [Criterion.familiarity, Criterion.learningAppetite, Criterion.customerAccess]
            where rng.chance(85) {
                team.ratings[key] = rng.int(in: 1...5)
            }
            if rng.chance(5) {
                team.status = .outOfScope
                team.outOfScopeReason = rng.pick(outOfScopeReasons)
            }
            if rng.chance(30) { team.tags = [rng.pick(tagWords)] }
            if rng.chance(10) { team.notes = rng.pick(teamNotes) }
            teams.append(team)
        }
        let inScope = teams.indices.filter { teams[$0].status != .outOfScope }

        // Pilots: in-scope bright spots (explore/invest, cross-functional) first, any in-scope team next.
        let pilotCount = n == 0 ? 0 : n < 8 ? 1 : n < 40 ? 3 : 4
        var pilots: [Int] = []
        if !inScope.isEmpty {
            let start = rng.below(inScope.count)
            for strict in [true, false] {
                for j in 0..<inScope.count where pilots.count < pilotCount {
                    let t = inScope[(start + j) % inScope.count]
                    let bright = (teams[t].stage == .explore || teams[t].stage == .invest)
                        && teams[t].isCrossFunctional
                    if (bright || !strict) && !pilots.contains(t) { pilots.append(t) }
                }
            }
            pilots.sort()
        }
        for (p, t) in pilots.enumerated() {
            teams[t].status = .pilot
            if p == 0 && pilots.count > 1 {
                // Deliberately an output, so the outcome check has something to say.
                teams[t].outcome = Outcome(statement: "Launch the new \(rng.pick(productWords)) app",
                                           metric: "App live", target: "End of quarter")
            } else {
                let o = rng.pick(outcomes)
                teams[t].outcome = Outcome(statement: o.0, metric: o.1, baseline: o.2, target: o.3)
            }
        }

        // Waves: order 0 holds the pilots; about 70 % of the other in-scope teams join a later wave.
        let waveCount = max(3, n / 500)
        var members: [[Int]] = Array(repeating: [], count: waveCount)
        var waveOf = [Int](repeating: -1, count: n)
        members[0] = pilots
        for t in pilots { waveOf[t] = 0 }
        for t in inScope where teams[t].status == .candidate && rng.chance(70) {
            let w = 1 + rng.below(waveCount - 1)
            members[w].append(t)
            waveOf[t] = w
            teams[t].status = .inWave
        }

        // Coaches (≈ one per 40 teams), some seeded from pilot teams.
        let coachCount = max(3, n / 40)
        var coaches: [Coach] = []
        coaches.reserveCapacity(coachCount)
        for c in 0..<coachCount {
            let seeded: TeamID? = c >= 1 && c <= pilots.count && rng.chance(60) ? teams[pilots[c - 1]].id : nil
            coaches.append(Coach(id: CoachID(id("coach", c + 1, width: 5)), name: personName(&rng),
                                 capacity: rng.int(in: 2...5), seededFrom: seeded))
        }
        for t in 0..<n where waveOf[t] == 0 || (waveOf[t] > 0 && rng.chance(60)) {
            let c = rng.below(coachCount)
            // A coach seeded from a pilot is free only after the pilots: pilots get the first coach.
            teams[t].coach = coaches[waveOf[t] == 0 && coaches[c].seededFrom != nil ? 0 : c].id
        }

        // Dependencies: mostly on teams of earlier waves, rarely on a later one.
        for t in 0..<n {
            let w = waveOf[t]
            var deps: [TeamID] = []
            if w >= 1 && rng.chance(20) {
                let pool = members[rng.below(w)]
                if !pool.isEmpty { deps.append(teams[rng.pick(pool)].id) }
            }
            if w >= 0 && w < waveCount - 1 && rng.chance(1) {
                let pool = members[w + 1 + rng.below(waveCount - 1 - w)]
                if !pool.isEmpty {
                    let d = teams[rng.pick(pool)].id
                    if !deps.contains(d) { deps.append(d) }
                }
            }
            if w == -1 && teams[t].status == .candidate && n > 1 && rng.chance(5) {
                let d = rng.below(n)
                if d != t { deps.append(teams[d].id) }
            }
            teams[t].dependsOn = deps
        }

        // Stakeholders.
        let stakeholderCount = min(200, 8 + n / 250)
        var stakeholders: [Stakeholder] = []
        for s in 0..<stakeholderCount {
            stakeholders.append(Stakeholder(
                id: StakeholderID(id("stakeholder", s + 1, width: 3)), name: personName(&rng),
                role: stakeholderRoles[s % stakeholderRoles.count], stance: rng.pick(Stance.allCases),
                desiredStance: rng.chance(70) ? .supportive : .leading))
        }
        let ownerNames = coaches.prefix(20).map(\.name) + stakeholders.prefix(8).map(\.name)

        // Readiness signals (≈ teams / 2), with history.
        var signals: [ReadinessSignal] = []
        signals.reserveCapacity(n / 2 + 16)
        func record(_ dimension: DimensionKey, _ team: TeamID?, series: Int) {
            var day = rng.below(30)
            var rating = rng.int(in: 1...4)
            for _ in 0..<series {
                let at = DemoPlan.date(base.adding(days: day), seconds: 8 * 3600 + rng.below(10 * 3600))
                let by = rng.pick(ownerNames)
                let struck = rng.chance(2)
                    ? Strike(reason: "Rated the wrong cell.", by: by, at: at.addingTimeInterval(3600)) : nil
                signals.append(ReadinessSignal(
                    id: SignalID(id("signal", signals.count + 1, width: 7)), dimension: dimension, team: team,
                    rating: rating, evidence: rng.pick(evidenceTexts), recordedBy: by, recordedAt: at,
                    struck: struck))
                day += 21 + rng.below(21)
                rating = min(5, max(1, rating + rng.int(in: -1...1)))
            }
        }
        let dimensions = ReadinessDimension.defaults
        for d in dimensions where d.group == .precondition { record(d.id, nil, series: 3) }
        record(ReadinessDimension.fundedByOutcomes, nil, series: 2)
        let takingHold = dimensions.filter { $0.group == .takingHold && $0.scope != .organisation }.map(\.id)
        while signals.count < n / 2 && !inScope.isEmpty {
            record(rng.pick(takingHold), teams[rng.pick(inScope)].id, series: rng.int(in: 1...3))
        }

        // Resistance notes (≈ teams / 10), every kind represented.
        let noteCount = max(ResistanceKind.allCases.count, n / 10)
        var notes: [ResistanceNote] = []
        notes.reserveCapacity(noteCount)
        for i in 0..<noteCount {
            let kinds = ResistanceKind.allCases
            let kind = i < kinds.count ? kinds[i] : rng.pick(kinds)
            let fromTeam = n > 0 && (kind.typicalSource == "teams" || (kind == .other && rng.chance(50)))
            let status: NoteStatus = rng.chance(45) ? .open : rng.chance(60) ? .beingAddressed : .resolved
            let answered = status != .open || rng.chance(40)
            var note = ResistanceNote(
                id: NoteID(id("note", i + 1, width: 6)), words: rng.pick(resistanceWords[kind] ?? ["…"]),
                kind: kind, severity: rng.pick(Severity.allCases), status: status,
                response: answered ? rng.pick(kind.playbook) : nil, owner: answered ? rng.pick(ownerNames) : nil,
                followUp: status != .resolved && rng.chance(70) ? base.adding(days: 60 + rng.below(120)) : nil,
                recordedAt: DemoPlan.date(base.adding(days: rng.below(70)), seconds: 9 * 3600 + rng.below(9 * 3600)))
            if fromTeam {
                note.team = teams[inScope.isEmpty ? rng.below(n) : rng.pick(inScope)].id
            } else {
                note.stakeholder = rng.pick(stakeholders).id
            }
            notes.append(note)
        }

        // Systemic blockers, surfaced by pilots.
        var blockers: [Blocker] = []
        for (b, entry) in blockerTitles.enumerated() {
            var surfaced: [TeamID] = []
            for _ in 0..<(pilots.isEmpty ? 0 : rng.int(in: 1...3)) {
                let t = teams[rng.pick(pilots)].id
                if !surfaced.contains(t) { surfaced.append(t) }
            }
            blockers.append(Blocker(
                id: BlockerID(id("blocker", b + 1, width: 2)), title: entry.0, category: entry.1,
                surfacedBy: surfaced, owner: rng.chance(60) ? rng.pick(stakeholders).name : nil,
                status: rng.pick(BlockerStatus.allCases)))
        }

        // Waves with dates, entry criteria and check-ins, spread over about four years.
        let step = max(7, min(182, 1456 / waveCount))
        var waves: [Wave] = []
        waves.reserveCapacity(waveCount)
        for w in 0..<waveCount {
            let start = Day(2026, 1, 12).adding(days: w * step)
            var entry = EntryCriteria()
            if w > 0 {
                let first = rng.below(blockers.count)
                entry.blockers = [blockers[first].id]
                if rng.chance(50) {
                    let second = (first + 1 + rng.below(blockers.count - 1)) % blockers.count
                    entry.blockers.append(blockers[second].id)
                }
                if rng.chance(50) {
                    entry.readiness.append(ReadinessThreshold(
                        dimension: ReadinessDimension.executiveConviction, minimum: 3))
                }
                if rng.chance(30) {
                    entry.readiness.append(ReadinessThreshold(
                        dimension: ReadinessDimension.feltPain, minimum: rng.int(in: 3...4)))
                }
                entry.checklist = [
                    ChecklistItem(text: "Previous wave's retrospective shared", done: rng.chance(30)),
                    ChecklistItem(text: "A coach with free capacity for every team", done: rng.chance(30)),
                ]
            }
            waves.append(Wave(
                id: WaveID(id("wave", w, width: 3)), name: w == 0 ? "Pilots" : "Wave \(w)", order: w,
                start: start, end: start.adding(days: 83), teams: members[w].map { teams[$0].id }, entry: entry,
                checkIns: [28, 56, 83].map { start.adding(days: $0) }, status: w == 0 ? .active : .planned))
        }

        // Decision log.
        let concernable = pilots.map { teams[$0].id.raw } + waves.prefix(4).map(\.id.raw) + blockers.map(\.id.raw)
        var decisions: [Decision] = []
        for d in 0..<10 {
            decisions.append(Decision(
                id: DecisionID(id("decision", d + 1, width: 2)), text: decisionTexts[d % decisionTexts.count],
                kind: rng.chance(60) ? .decision : .suggestion, decidedBy: rng.pick(stakeholders).name,
                at: DemoPlan.date(base.adding(days: d * 7), seconds: 15 * 3600),
                concerns: [rng.pick(concernable)]))
        }

        var plan = Plan(
            id: PlanID("plan-generated-\(n)-\(seed)"), name: "Generated plan: \(n) teams (seed \(seed))",
            organisation: Organisation(name: "Generated organisation \(seed)"), teams: teams,
            stakeholders: stakeholders, coaches: coaches, dimensions: dimensions, signals: signals,
            resistance: notes, waves: waves, blockers: blockers, decisions: decisions,
            workshops: [Workshop(id: "workshop-pilot-selection", title: "Pilot-selection workshop",
                                 date: Day(2026, 1, 9), steps: DemoPlan.pilotSelectionAgenda)])
        plan.scenarios = [fewerWaves(plan, at: DemoPlan.date(base.adding(days: 70), seconds: 16 * 3600))]
        return plan
    }

    /// A scenario with the waves after the pilots merged in pairs ("Waves 1–2", …), each running from
    /// the first one's start to the second one's end, and every team keeping its coach. Uses no
    /// random numbers, so the rest of the plan is as it was before plans had scenarios.
    static func fewerWaves(_ plan: Plan, at: Date) -> Scenario {
        let ordered = plan.orderedWaves
        var waves: [Wave] = ordered.prefix(1).map { $0 }
        var i = 1
        while i < ordered.count {
            var merged = ordered[i]
            if i + 1 < ordered.count {
                let next = ordered[i + 1]
                merged.name = "Waves \(i)–\(i + 1)"
                merged.end = next.end
                merged.teams += next.teams
                merged.entry.blockers += next.entry.blockers.filter { !merged.entry.blockers.contains($0) }
                merged.checkIns += next.checkIns
            }
            merged.order = waves.count
            waves.append(merged)
            i += 2
        }
        // The same teams as the plan's waves, so the same coach assignments.
        return Scenario(id: "scenario-01", name: "Fewer waves", note: "Later waves merged in pairs.", createdAt: at,
                        waves: waves, assignments: Scenarios.assignments(in: plan))
    }

    // MARK: Helpers

    private static let base = Day(2026, 1, 5)

    /// `prefix-000042`.
    static func id(_ prefix: String, _ number: Int, width: Int) -> String {
        let digits = String(number)
        return prefix + "-" + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func stage(_ rng: inout SplitMix64) -> LifecycleStage {
        let r = rng.below(100)
        return r < 25 ? .explore : r < 60 ? .invest : r < 90 ? .sustain : .retire
    }

    private static func roles(_ rng: inout SplitMix64) -> Roles {
        Roles(product: rng.chance(88) ? 1 : 0,
              design: rng.chance(70) ? (rng.chance(20) ? 2 : 1) : 0,
              engineering: rng.int(in: 2...6) + (rng.chance(6) ? 6 : 0),
              data: rng.chance(35) ? rng.int(in: 1...3) : 0,
              marketing: rng.chance(15) ? 1 : 0,
              other: rng.chance(30) ? rng.int(in: 1...3) : 0)
    }

    private static func personName(_ rng: inout SplitMix64) -> String {
        rng.pick(givenNames) + " " + rng.pick(familyNames)
    }

    // MARK: Word lists

    private static let areas = [
        "Claims", "Policy", "Pricing", "Payments", "Customer Channels", "Distribution", "Data & Analytics",
        "Core Platforms", "Finance", "Risk & Compliance", "Région Ouest", "Kundenservice Süd",
    ]
    private static let firstWords = [
        "Claims", "Quote", "Policy", "Pricing", "Billing", "Broker", "Payments", "Identity", "Search",
        "Onboarding", "Renewals", "Fraud", "Ledger", "Portal", "Mobile", "Insight", "Risk", "Partner",
        "Loyalty", "Checkout", "Équipe", "Zahlungen", "Crème", "Forêt", "Nordlicht", "Señal", "顧客",
        "決済", "Atlas", "Harbour", "Beacon", "Compass",
    ]
    private static let secondWords = [
        "Intake", "Hub", "Engine", "Flow", "Studio", "Core", "Desk", "Lab", "Works", "Bridge", "Signals",
        "Services", "Ops", "Platform", "Süd", "Ouest", "Nord", "Express", "ポータル", "Direct", "Care",
        "Connect", "Insights", "Foundry",
    ]
    private static let givenNames = [
        "Anna", "Marc", "Lena", "Jürg", "Zoë", "Anaïs", "Søren", "Łukasz", "Priya", "Kenji", "Fatima",
        "Tom", "Elif", "Mateo", "Ingrid", "Chloé", "Yuki", "Omar", "Sara", "David",
    ]
    private static let familyNames = [
        "Keller", "Dubois", "Brunner", "Müller", "Rossi", "Nguyen", "Tanaka", "Schmid", "Lefèvre", "Costa",
        "Novak", "Okafor", "Jensen", "García", "Weber", "Moreau", "Huber", "Kowalski", "Ahmed", "Berg",
    ]
    private static let stakeholderRoles = [
        "CEO", "CIO", "CFO", "COO", "Head of Claims", "Head of Distribution", "Chief Risk Officer",
        "Head of Marketing", "Head of Operations", "Head of Underwriting",
    ]
    private static let tagWords = ["digital-first", "platform", "data-heavy", "brokers", "mobile", "legacy", "regional"]
    private static let teamNotes = [
        "Recently reorganised; familiarity will grow.",
        "Most requests arrive through the business analysts.",
        "Volunteered at the last town hall.",
        "Shares two engineers with a neighbouring team.",
    ]
    private static let outOfScopeReasons = [
        "Regulatory reporting with fixed deadlines; stays project-shaped.",
        "One-off migration of a core system with a fixed end date.",
        "Compliance control whose scope is set by the regulator.",
        "Being retired with its platform within the year.",
    ]
    private static let productWords = ["claims", "customer", "broker", "payments", "self-service"]
    private static let outcomes: [(String, String, String, String)] = [
        ("More customers complete a claim online without calling", "Share of claims reported online", "30 %", "50 %"),
        ("More visitors who start a quote go on to buy", "Quote-to-policy conversion", "4 %", "6 %"),
        ("Brokers resolve policy questions without contacting us", "Broker calls per 100 policies", "12", "7"),
        ("Customers renew without a retention call", "Unassisted renewal rate", "61 %", "75 %"),
        ("Claims are paid sooner after the last document arrives", "Median days to payment", "9", "3"),
    ]
    private static let evidenceTexts = [
        "Seen in the sprint review.", "Heard in the steering committee.", "From the quarterly business review.",
        "Team retrospective.", "Budget proposal for next year.", "Customer interview notes.",
    ]
    private static let resistanceWords: [ResistanceKind: [String]] = [
        .noTime: ["We don't have time for this on top of the roadmap.", "Discovery is a luxury we can't afford this quarter."],
        .beginnerAgain: ["I don't want to be a beginner again.", "I was hired as an expert, not to learn a new job."],
        .neverWorkHere: ["That will never work here.", "We're regulated; this only works for start-ups."],
        .favouredSolutions: ["We already know what customers want: just build it.", "The new portal is the answer."],
        .reducedControl: ["How will I know the team is doing the right thing?", "I need to sign off every change."],
        .updateBottlenecks: ["I never hear what the team is doing.", "I find out about changes from customers."],
        .other: ["The budget cycle can't handle persistent teams.", "HR has no job family for product managers."],
    ]
    private static let blockerTitles: [(String, BlockerCategory)] = [
        ("Funding is per project with fixed annual scope", .funding),
        ("Business cases required for every change over 50k", .funding),
        ("Quarterly planning fixes feature lists", .planning),
        ("Roadmaps are committed a year ahead", .planning),
        ("No standard way to reach customers for research", .customerAccess),
        ("Customer data access needs a case-by-case sign-off", .customerAccess),
        ("Too few coaches for the teams that want one", .capability),
        ("No training path for product managers", .capability),
        ("Scope changes need the steering committee", .decisionRights),
        ("Architecture board approves every new component", .other),
    ]
    private static let decisionTexts = [
        "Pilot teams keep their outcome for at least two quarters.",
        "Discovery–delivery demo every other week, open to all stakeholders.",
        "Consider moving one coach to the next wave early.",
        "Outcome metrics go into the quarterly business review.",
        "Consider persistent funding for the pilots from next quarter.",
    ]
}
