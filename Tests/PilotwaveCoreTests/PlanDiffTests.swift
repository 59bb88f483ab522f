import Foundation
import Testing
@testable import PilotwaveCore

/// PlanDiff on crafted pairs: the demo plan and a copy with one kind of change made to it.
@Suite("Plan diff")
struct PlanDiffTests {
    static let when = DemoPlan.date("2026-11-20T10:00:00Z")

    func diff(_ change: (inout Plan) -> Void) -> PlanDiff {
        let old = DemoPlan.make()
        var new = old
        change(&new)
        return PlanDiff.compare(old, new)
    }

    func index<T: Identifiable>(_ list: [T], _ id: T.ID) -> Int { list.firstIndex { $0.id == id }! }

    @Test func identicalPlansHaveNoChanges() {
        let d = PlanDiff.compare(DemoPlan.make(), DemoPlan.make())
        #expect(d.isEmpty)
        #expect(DiffReport.text(d, old: "a.json", new: "b.json") == "No changes.\n")
        let empty = Plan.empty(id: "p", name: "E", organisation: "O")
        #expect(PlanDiff.compare(empty, empty).isEmpty)
        var migrated = DemoPlan.make()
        migrated.schemaVersion = 3
        #expect(PlanDiff.compare(migrated, DemoPlan.make()).isEmpty, "the schema version is not a change to the plan")
    }

    // MARK: Teams

    @Test func teamsAddedRemovedRenamedStatusAndCoach() {
        let d = diff { plan in
            plan.teams.append(Team(id: "team-new", name: "Payments Hub", area: "Payments & Finance"))
            plan.teams.removeAll { $0.id == "team-document-services" }
            let triage = index(plan.teams, "team-claims-triage")
            plan.teams[triage].name = "Claims Routing"
            plan.teams[triage].status = .pilot
            plan.teams[triage].coach = "coach-anna-keller"
            let fraud = index(plan.teams, "team-fraud-signals")
            plan.teams[fraud].ratings[Criterion.customerAccess] = 4
            plan.teams[fraud].notes = "Now talks to claims handlers weekly."
        }
        #expect(d.changes(.teamAdded).map(\.text) == ["Payments Hub added (candidate, Payments & Finance)"])
        #expect(d.changes(.teamRemoved).map(\.text) == ["Document Services removed"])
        let triage = d.changes.first { $0.subject == "team-claims-triage" }
        #expect(triage?.kinds == [.teamRenamed, .teamStatus, .teamCoach])
        #expect(triage?.text == "Claims Routing: renamed from Claims Triage; in a wave → pilot; coach Lena Brunner → Anna Keller")
        #expect(d.changes(.teamRatings).map(\.text) == ["Fraud Signals: Customer access unrated → 4; edited notes"])
        #expect(d.changes.allSatisfy { $0.area == .teams })
    }

    @Test func teamsMovedBetweenIntoAndOutOfWaves() {
        let d = diff { plan in
            let w1 = index(plan.waves, "wave-1"), w2 = index(plan.waves, "wave-2")
            plan.waves[w1].teams.removeAll { $0 == "team-broker-hub" }
            plan.waves[w2].teams.append("team-broker-hub")
            plan.waves[w1].teams.append("team-refunds-payouts")
            plan.waves[w2].teams.removeAll { $0 == "team-motor-claims" }
            plan.teams.append(Team(id: "team-new", name: "Payments Hub", status: .inWave))
            plan.waves[w2].teams.append("team-new")
        }
        #expect(d.changes(.teamMoved).map(\.text) == [
            "Motor Claims: Wave 2 — scale out → no wave",
            "Broker Hub: Wave 1 — early adopters → Wave 2 — scale out",
            "Refunds & Payouts: no wave → Wave 1 — early adopters",
        ])
        #expect(d.changes(.teamPlaced).map(\.text) == ["Payments Hub (new) placed in Wave 2 — scale out"])
        #expect(d.changes.filter { $0.area == .waves }.count == 4, "a wave whose only change is its teams is said by the moves")
    }

    // MARK: Waves

    @Test func wavesAddedRemovedRedatedAndStarted() {
        let d = diff { plan in
            plan.waves.append(Wave(id: "wave-3", name: "Wave 3 — the rest", order: 3, start: Day(2027, 9, 6)))
            let w1 = index(plan.waves, "wave-1")
            plan.waves[w1].start = Day(2026, 5, 4)
            plan.waves[w1].status = .active
            plan.waves[w1].entry.checklist[0].done = true
            plan.waves[w1].entry.blockers.removeAll { $0 == "blocker-decision-rights" }
            plan.waves.removeAll { $0.id == "wave-2" }
        }
        #expect(d.changes(.waveAdded).map(\.text) == ["Wave 3 — the rest added (order 3, planned, 2027-09-06 – none)"])
        #expect(d.changes(.waveRemoved).map(\.text) == ["Wave 2 — scale out removed"])
        let w1 = d.changes.first { $0.subject == "wave-1" }
        #expect(w1?.kinds == [.waveDates, .waveStatus, .waveEntry])
        #expect(w1?.text == "Wave 1 — early adopters: dates 2026-04-13 – 2026-06-26 → 2026-05-04 – 2026-06-26; planned → active; "
            + "entry gate: − blocker \"Product managers cannot change scope wi…\", "
            + "✓ \"Pilot retrospective shared with the wav…\"")
        // The teams of the removed wave leave the waves.
        #expect(d.changes(.teamMoved).count == 6)
        #expect(d.changes(.teamMoved).first?.text == "Motor Claims: Wave 2 — scale out → no wave")
    }

    // MARK: Readiness

    @Test func ratingsRecordedAndStruck() {
        let d = diff { plan in
            plan.signals.append(ReadinessSignal(
                id: "signal-new", dimension: ReadinessDimension.executiveConviction, rating: 4,
                evidence: "CEO and COO opened the demo together.", recordedBy: "Anna Keller", recordedAt: Self.when))
            plan.signals.append(ReadinessSignal(
                id: "signal-first", dimension: ReadinessDimension.empoweredTeams, team: "team-launchpad", rating: 2,
                recordedAt: Self.when))
            let s = index(plan.signals, "signal-felt-pain-3")
            plan.signals[s].struck = Strike(reason: "Counted twice.", by: "Marc Dubois", at: Self.when)
        }
        #expect(d.changes(.signalRecorded).map(\.text) == [
            "Executive conviction, organisation: 4/5 (was 3) by Anna Keller — \"CEO and COO opened the demo together.\"",
            "Empowered teams, 🚀 Launchpad: 2/5 (first rating)",
        ])
        #expect(d.changes(.signalStruck).map(\.text) == [
            "Felt pain, organisation: 4/5 of 2026-03-03 struck by Marc Dubois: \"Counted twice.\"",
        ])
        #expect(d.changes.allSatisfy { $0.area == .readiness })
    }

    // MARK: Resistance

    @Test func notesAddedResolvedAndChanged() {
        let d = diff { plan in
            plan.resistance.append(ResistanceNote(
                id: "note-new", stakeholder: "stakeholder-daniel-vogt", words: "Who will run the old projects?",
                kind: .reducedControl, severity: .high, recordedAt: Self.when))
            let pricing = index(plan.resistance, "note-pricing-beginner")
            plan.resistance[pricing].status = .resolved
            let zahlungen = index(plan.resistance, "note-zahlungen-never")
            plan.resistance[zahlungen].status = .beingAddressed
            plan.resistance[zahlungen].owner = "Lena Brunner"
            plan.resistance[zahlungen].followUp = Day(2026, 12, 4)
        }
        #expect(d.changes(.noteAdded).map(\.text) == [
            "New from Daniel Vogt (high, discomfort with reduced control): \"Who will run the old projects?\"",
        ])
        #expect(d.changes(.noteResolved).map(\.text) == ["\"I've been the pricing expert for twelve…\" (Pricing Engine): resolved"])
        let z = d.changes.first { $0.subject == "note-zahlungen-never" }
        #expect(z?.kinds == [.noteStatus, .noteOwner, .noteFollowUp])
        #expect(z?.text.hasSuffix("(Zahlungen Süd): open → being addressed; owner none → Lena Brunner; follow-up 2026-05-06 → 2026-12-04") == true)
    }

    // MARK: Blockers, decisions, actions

    @Test func blockersAddedWithStatusAndOwner() {
        let d = diff { plan in
            plan.blockers.append(Blocker(id: "blocker-new", title: "No product-manager career path", category: .capability))
            let funding = index(plan.blockers, "blocker-project-funding")
            plan.blockers[funding].status = .inProgress
            plan.blockers[funding].owner = "Sophie Meier"
        }
        #expect(d.changes(.blockerAdded).map(\.text) == ["No product-manager career path added (capability, open)"])
        #expect(d.changes(.blockerStatus).map(\.text) == [
            "Funding is per project with fixed annual scope: open → in progress; owner none → Sophie Meier",
        ])
        #expect(d.changes(.blockerOwner).count == 1)
    }

    @Test func decisionsTakenAndScenariosAdopted() {
        let d = diff { plan in
            plan.decisions.append(Decision(id: "decision-new", text: "Broker Hub waits for Identity & Access.",
                                           decidedBy: "Regula Imhof", at: Self.when, concerns: ["wave-2"]))
            plan.decisions.append(Decision(id: "decision-adopt", text: "Adopt scenario Faster: two waves",
                                           decidedBy: "Regula Imhof", at: Self.when.addingTimeInterval(60),
                                           concerns: ["scenario-faster"]))
        }
        #expect(d.changes(.decisionTaken).map(\.text) == [
            "2026-11-20 10:00 Regula Imhof (decision): Broker Hub waits for Identity & Access.",
            "2026-11-20 10:01 Regula Imhof (decision): Adopt scenario Faster: two waves",
        ])
        #expect(d.changes(.scenarioAdopted).map(\.text) == ["Faster: two waves adopted by Regula Imhof on 2026-11-20"])
    }

    @Test func scenarioAdoptedThroughTheRealEdit() throws {
        let old = DemoPlan.make()
        let edit = Scenarios.adopt(old.scenarios[0], plan: old, decisionID: "decision-adopt", by: "Regula Imhof",
                                   at: Self.when, keepCurrentAs: "scenario-before")
        var new = old
        try edit.apply(to: &new)
        let d = PlanDiff.compare(old, new)
        let expected: Set<PlanDiff.Kind> = [.decisionTaken, .scenarioAdopted, .scenarioAdded, .waveRemoved, .teamMoved]
        #expect(d.kinds.isSuperset(of: expected))
        #expect(d.changes(.scenarioAdded).map(\.text) == ["Before adopting Faster: two waves added (3 waves)"])
    }

    @Test func actionsAddedAndDone() {
        let old = ReportTestsFixture.withAction(done: false)
        var new = old
        new.actions[0].done = true
        new.actions.append(ActionItem(id: "action-2", text: "Rate the wave-1 teams", owner: "Anna Keller",
                                      due: Day(2026, 12, 11), createdAt: Self.when))
        let d = PlanDiff.compare(old, new)
        #expect(d.changes(.actionDone).map(\.text) == ["\"Book the CFO for the funding trial\" (Sophie Meier): done"])
        #expect(d.changes(.actionAdded).map(\.text) == ["Rate the wave-1 teams — Anna Keller, due 2026-12-11"])
        #expect(PlanDiff.compare(new, old).changes(.actionReopened).count == 1)
    }

    // MARK: Votes, scenarios

    @Test func votesCastAndRevealed() {
        let round = VoteRound(id: "round-1", title: "Which teams go first?", budget: 3, attributed: true, openedAt: Self.when)
        var old = DemoPlan.make()
        old.votes = [round]
        var new = old
        Voting.cast(Ballot(voter: "Regula", votes: [TeamVotes(team: "team-broker-hub", votes: 2),
                                                    TeamVotes(team: "team-quote-buy", votes: 1)]), into: &new.votes[0])
        Voting.cast(Ballot(voter: "Daniel", votes: [TeamVotes(team: "team-broker-hub", votes: 3)]), into: &new.votes[0])
        let cast = PlanDiff.compare(old, new)
        #expect(cast.changes(.votesCast).map(\.text) == ["\"Which teams go first?\": 2 ballots cast (2 in all)"])
        #expect(!cast.changes[0].text.contains("Broker Hub"), "the tally stays hidden until revealed")

        var revealed = new
        revealed.votes[0].revealed = true
        revealed.votes[0].closed = true
        let shown = PlanDiff.compare(new, revealed)
        #expect(shown.changes.map(\.kinds) == [[.votesRevealed, .voteRoundClosed]])
        #expect(shown.changes[0].text == "\"Which teams go first?\": revealed: Broker Hub 5, Quote & Buy 1; closed")

        let opened = PlanDiff.compare(DemoPlan.make(), old)
        #expect(opened.changes(.voteRoundOpened).map(\.text) == ["\"Which teams go first?\" opened (3 votes each, names kept)"])
    }

    /// A note a participant sent named from their own terminal says who raised it.
    @Test func noteRaisedByAParticipant() {
        let d = diff { plan in
            plan.resistance.append(ResistanceNote(
                id: "note-joined", team: "team-motor-claims", words: "We tried this in 2019.", kind: .neverWorkHere,
                recordedAt: Self.when, raisedBy: "Zoë"))
            plan.resistance.append(ResistanceNote(
                id: "note-anonymous", team: "team-motor-claims", words: "No time.", kind: .noTime, recordedAt: Self.when))
        }
        #expect(d.changes(.noteAdded).map(\.text) == [
            "New from Motor Claims, raised by Zoë (medium, \(ResistanceKind.neverWorkHere.label)): \"We tried this in 2019.\"",
            "New from Motor Claims (medium, \(ResistanceKind.noTime.label)): \"No time.\"",
        ])
    }

    /// Participants' rounds: opened, answered (how many, never what), revealed, closed.
    @Test func participantRoundsOpenedAnsweredRevealedClosed() {
        let readiness = ParticipantRound(id: "round-1", kind: .readiness, title: "How ready is Motor Claims?",
                                         team: "team-motor-claims",
                                         dimensions: [ReadinessDimension.feltPain, ReadinessDimension.empoweredTeams],
                                         openedAt: Self.when)
        let concerns = ParticipantRound(id: "round-2", kind: .concerns, title: "What worries you?",
                                        team: "team-motor-claims", openedAt: Self.when)
        let organisation = ParticipantRound(id: "round-3", kind: .readiness, title: "Where do we stand?",
                                            dimensions: [ReadinessDimension.feltPain], openedAt: Self.when)
        var old = DemoPlan.make()
        old.rounds = []
        var opened = old
        opened.rounds = [readiness, concerns, organisation]
        let o = PlanDiff.compare(old, opened)
        #expect(o.changes.allSatisfy { $0.area == .rounds })
        #expect(o.changes(.roundOpened).map(\.text) == [
            "\"How ready is Motor Claims?\" opened (readiness round on Motor Claims, 2 dimensions)",
            "\"What worries you?\" opened (concerns round on Motor Claims)",
            "\"Where do we stand?\" opened (readiness round on the organisation, 1 dimension)",
        ])

        var answered = opened
        answered.rounds[0].responses = [
            RoundResponse(participant: "Regula", ratings: [RoundRating(dimension: ReadinessDimension.feltPain, rating: 2,
                                                                       evidence: "Budgets slip every quarter")],
                          at: Self.when),
            RoundResponse(participant: "Daniel", ratings: [RoundRating(dimension: ReadinessDimension.feltPain, rating: 5)],
                          at: Self.when),
        ]
        answered.rounds[1].concerns = 3
        answered.rounds[1].named = ["Zoë"]
        let a = PlanDiff.compare(opened, answered)
        #expect(a.changes(.roundAnswered).map(\.text) == [
            "\"How ready is Motor Claims?\": 2 answers (2 in all)",
            "\"What worries you?\": 3 concerns (3 in all)",
        ])
        for hidden in ["Regula", "Daniel", "Zoë", "Budgets", "Felt pain"] {
            #expect(!a.changes.contains { $0.text.contains(hidden) }, "\(hidden) stays hidden until revealed")
        }

        var revealed = answered
        revealed.rounds[0].revealed = true
        revealed.rounds[0].closed = true
        revealed.rounds[1].closed = true
        let r = PlanDiff.compare(answered, revealed)
        #expect(r.changes.map(\.kinds) == [[.roundRevealed, .roundClosed], [.roundClosed]])
        #expect(r.changes.map(\.text) == [
            "\"How ready is Motor Claims?\": revealed; closed",
            "\"What worries you?\": closed",
        ])
        let gone = PlanDiff.compare(revealed, old)
        #expect(gone.changes(.roundRemoved).map(\.text) == [
            "\"How ready is Motor Claims?\" removed", "\"What worries you?\" removed", "\"Where do we stand?\" removed",
        ])
        // Opened and answered between the two files: counts only, unless revealed.
        let both = PlanDiff.compare(old, answered)
        #expect(both.changes(.roundOpened).first?.text
            == "\"How ready is Motor Claims?\" opened (readiness round on Motor Claims, 2 dimensions); 2 answers")
        #expect(!both.changes.contains { $0.text.contains("Regula") || $0.text.contains("Zoë") })
    }

    @Test func scenariosAddedRemovedAndEdited() {
        let d = diff { plan in
            var copy = plan.scenarios[0]
            copy.id = "scenario-slower"
            copy.name = "Slower: four waves"
            plan.scenarios[0].note = "Rejected in November."
            plan.scenarios.append(copy)
        }
        #expect(d.changes(.scenarioAdded).map(\.text) == ["Slower: four waves added (2 waves)"])
        #expect(d.changes(.scenarioEdited).map(\.text) == ["Faster: two waves: note edited"])
        #expect(PlanDiff.compare(DemoPlan.make(), { var p = DemoPlan.make(); p.scenarios = []; return p }())
            .changes(.scenarioRemoved).map(\.text) == ["Faster: two waves removed"])
    }

    // MARK: The rest

    @Test func planCoachesStakeholdersAndWorkshops() {
        let d = diff { plan in
            plan.criteria[index(plan.criteria, Criterion.customerAccess)].weight = 3
            plan.settings.maxTeamSize = 12
            plan.coaches.append(Coach(id: "coach-new", name: "Nina Rossi", capacity: 3, seededFrom: "team-claims-intake"))
            plan.coaches[index(plan.coaches, "coach-marc-dubois")].capacity = 4
            plan.stakeholders[index(plan.stakeholders, "stakeholder-daniel-vogt")].stance = .neutral
            plan.workshops[1].status = .done
            plan.workshops[1].steps[0].done = true
            plan.workshops[1].steps[0].spentSeconds = 12 * 60
            plan.workshops[1].parkingLot.append(ParkingItem(text: "Who funds the coaches?", at: Self.when))
        }
        #expect(d.changes(.weightChanged).map(\.text) == ["Customer access weight 4 → 3"])
        #expect(d.changes(.settingsChanged).map(\.text) == ["Settings: largest pilot team 10 → 12"])
        #expect(d.changes(.coachAdded).map(\.text) == ["Nina Rossi added (capacity 3, seeded from Claims Intake)"])
        #expect(d.changes(.coachCapacity).map(\.text) == ["Marc Dubois: capacity 3 → 4"])
        #expect(d.changes(.stakeholderStance).map(\.text) == ["Daniel Vogt: leading → neutral"])
        #expect(d.changes(.workshopStatus).map(\.text) == [
            "Readiness check-in: planned → done; parking lot: 1 item parked; 1 step done; 12 minutes more used",
        ])
    }

    @Test func detailsNotItemisedAreStillChanges() {
        let d = diff { plan in
            let w1 = index(plan.waves, "wave-1")
            plan.waves[w1].teams.reverse()
        }
        #expect(d.changes.map(\.kinds) == [[.otherChanged]], "never \"No changes.\" when the plans differ")
    }

    @Test func listsArePairedByIDWhateverTheirOrder() {
        struct Item: Identifiable, Equatable { var id: String; var value: Int }
        let old = [Item(id: "a", value: 1), Item(id: "b", value: 2), Item(id: "c", value: 3), Item(id: "d", value: 4)]
        // Same prefix, then reordered, one changed, one removed, one added (twice: the first counts).
        let new = [Item(id: "a", value: 1), Item(id: "d", value: 40), Item(id: "e", value: 5), Item(id: "b", value: 2),
                   Item(id: "e", value: 6)]
        let p = pairByID(old, new)
        #expect(p.added.map(\.id) == ["e"])
        #expect(p.added.first?.value == 5)
        #expect(p.removed.map(\.id) == ["c"])
        #expect(p.changed.map { "\($0.0.id):\($0.0.value)→\($0.1.value)" } == ["d:4→40"])
        let same = pairByID(old, old)
        #expect(same.added.isEmpty && same.removed.isEmpty && same.changed.isEmpty)
        let reordered = PlanDiff.compare(DemoPlan.make(), { var p = DemoPlan.make(); p.teams.reverse(); return p }())
        #expect(reordered.changes.map(\.kinds) == [[.otherChanged]], "a reordered list is a change, and only that")
    }

    // MARK: Output

    @Test func textIsGroupedAndFitsEightyColumns() {
        let d = diff { plan in
            plan.teams[0].name = "Claims Intake and First Notice of Loss, Online and by Phone, for All Lines"
            plan.resistance.append(ResistanceNote(
                id: "note-new", team: "team-motor-claims",
                words: String(repeating: "We have heard all of this before and nothing changed. ", count: 3),
                kind: .neverWorkHere, recordedAt: Self.when))
            plan.decisions.append(Decision(id: "decision-new", text: "Keep going.", decidedBy: "Regula Imhof", at: Self.when))
        }
        let text = DiffReport.text(d, old: "before.json", new: "plan.json")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.allSatisfy { ReportText.width($0) <= 80 }, "\(text)")
        #expect(lines[0] == "before.json → plan.json: 3 changes")
        #expect(lines.contains("Teams (1)") && lines.contains("Resistance (1)") && lines.contains("Decisions (1)"))
        #expect(lines.firstIndex(of: "Teams (1)")! < lines.firstIndex(of: "Resistance (1)")!)
        #expect(lines.contains { $0.hasPrefix("    ") }, "a long change continues indented")

        let md = DiffReport.markdown(d, old: "before.json", new: "plan.json", planName: "Lindenhof")
        #expect(md.hasPrefix("# Changes to Lindenhof\n\n`before.json` → `plan.json`: 3 changes.\n\n## Teams\n\n- Claims Intake and"))

        let json = DiffReport.json(d, old: "before.json", new: "plan.json")
        let root = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(root?["changes"] as? Int == 3)
        let groups = root?["groups"] as? [[String: Any]]
        #expect(groups?.map { $0["area"] as? String } == ["teams", "resistance", "decisions"])
        let first = (groups?.first?["changes"] as? [[String: Any]])?.first
        #expect(first?["kinds"] as? [String] == ["teamRenamed"])
        #expect(first?["id"] as? String == "team-claims-intake")
    }

    @Test func aLargePlanDiffsInOnePass() {
        let old = PlanGenerator.generate(teams: 20_000, seed: 1)
        var new = old
        let wave = new.waves.count - 1
        let moved = new.waves[0].teams.removeLast()
        new.waves[wave].teams.append(moved)
        new.teams[17].name += " (renamed)"
        let clock = ContinuousClock()
        let start = clock.now
        let d = PlanDiff.compare(old, new)
        let elapsed = clock.now - start
        #expect(d.changes(.teamMoved).count == 1)
        #expect(d.changes(.teamRenamed).count == 1)
        #expect(elapsed < .seconds(5), "PlanDiff on 20k teams took \(elapsed)")
    }
}

/// A demo plan with one action.
enum ReportTestsFixture {
    static func withAction(done: Bool) -> Plan {
        var plan = DemoPlan.make()
        plan.actions = [ActionItem(id: "action-1", text: "Book the CFO for the funding trial", owner: "Sophie Meier",
                                   due: Day(2026, 12, 1), done: done, workshop: "workshop-pilot-selection",
                                   createdAt: PlanDiffTests.when)]
        return plan
    }
}
