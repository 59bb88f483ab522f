import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// The pilot-selection session, key by key, as a facilitator runs it in the room.
@Suite("Pilots view stories")
struct PilotsStoryTests {
    /// Team names in ranking order as the view holds them.
    func ranking(_ d: AppDriver) -> [String] {
        d.state.derived.pilots.order.map { d.state.plan.teams[Int($0)].name }
    }

    func selected(_ d: AppDriver) -> Team? {
        d.state.derived.pilots.teamIndex(row: d.state.pilots.selected).map { d.state.plan.teams[$0] }
    }

    @Test func aWeightChangeReordersAtOnceAndUndoesStepByStep() throws {
        let d = AppDriver()
        d.keys("3")
        #expect(d.state.view == .pilots)
        #expect(Array(ranking(d).prefix(4)) == ["Claims Intake", "Quote & Buy", "Broker Hub", "Équipe Crème"])
        d.keys("jj")  // Broker Hub
        #expect(selected(d)?.name == "Broker Hub")
        d.keys("]")   // Learning appetite
        #expect(d.screen.line(containing: "▶ Learning appetite") != nil)
        var toasts: [String] = []
        for _ in 0..<3 {
            d.keys("+")
            toasts.append(d.state.toast?.text ?? "")
        }
        #expect(d.state.plan.criterion(Criterion.learningAppetite)?.weight == 7)
        #expect(Array(ranking(d).prefix(4)) == ["Claims Intake", "Équipe Crème", "Quote & Buy", "Broker Hub"])
        #expect(selected(d)?.name == "Broker Hub", "the selection follows the team when the ranking re-orders")
        #expect(d.screen.line(containing: "▶     4 Broker Hub") != nil)
        #expect(toasts.first == "Learning appetite weight 4 → 5; the ranking re-ordered", "the toast says the ranking moved even when the selected team stays")
        #expect(toasts.contains { $0.hasSuffix("; Broker Hub #3 → #4") }, "the toast says where the selected team went")
        d.keys("u")
        #expect(d.state.plan.criterion(Criterion.learningAppetite)?.weight == 6)
        d.keys("uu")
        #expect(d.state.plan.criterion(Criterion.learningAppetite)?.weight == 4)
        #expect(Array(ranking(d).prefix(4)) == ["Claims Intake", "Quote & Buy", "Broker Hub", "Équipe Crème"])
        // Weights stop at 0 and 10 with a word, not a wrap-around.
        d.keys("----")
        #expect(d.state.plan.criterion(Criterion.learningAppetite)?.weight == 0)
        d.keys("-")
        #expect(d.state.toast?.text.contains("already at 0") == true)
        d.keys("R")
        #expect(d.state.plan.criterion(Criterion.learningAppetite)?.weight == 4)
    }

    @Test func choosingPilotsComparesWithTheRecommendationAndNamesHardFlags() throws {
        let d = AppDriver()
        d.keys("3")
        #expect(d.screen.contains("Pilots chosen: 3 of 2–4 recommended (mid-size, inferred from 24 teams)"))
        d.keys("jj<space>")  // Broker Hub, in wave 1
        #expect(d.state.plan.team(selected(d)!.id)?.status == .pilot)
        #expect(d.state.toast?.text.hasPrefix("Chose Broker Hub as pilot (taken out of its wave) — 4 of 2–4 recommended") == true)
        #expect(!d.state.plan.waves.contains { $0.order > 0 && $0.teams.contains(selected(d)!.id) })
        // A fifth pilot, with a hard flag: both are said in words.
        let fraud = try #require(ranking(d).firstIndex(of: "Fraud Signals"))
        d.keys("g" + String(repeating: "j", count: fraud) + "p")
        #expect(d.state.toast?.isError == false, "the team was chosen: a warning, not a failure")
        #expect(d.state.toast?.text.contains("more than recommended") == true)
        #expect(d.state.toast?.text.contains("! not cross-functional") == true)
        #expect(d.screen.contains("! 5 pilots, more than the 2–4 recommended for a mid-size organisation: start small"))
        #expect(d.screen.line(containing: "Fraud Signals")?.text.contains("PILOT") == true)
        // p again makes it a candidate; u undoes that.
        d.keys("p")
        #expect(d.state.plan.team(selected(d)!.id)?.status == .candidate)
        d.keys("u")
        #expect(d.state.plan.team(selected(d)!.id)?.status == .pilot)
        // Out-of-scope teams are listed apart with their reason and cannot be chosen.
        d.keys("G")
        let last = try #require(selected(d))
        #expect(last.status == .outOfScope)
        #expect(d.screen.contains("Out of scope — kept project-shaped"))
        let row = try #require(d.screen.lines.first { $0.hasPrefix("▶") })
        #expect(row.contains(String(last.name.prefix(12))) && row.contains(String((last.outOfScopeReason ?? "").prefix(12))))
        d.keys("p")
        #expect(d.state.plan.team(last.id)?.status == .outOfScope)
        #expect(d.state.toast?.text.contains("is out of scope") == true)
    }

    @Test func anAttributedRoundHidesTheTallyUntilRevealed() throws {
        let d = AppDriver()
        d.keys("3v")
        guard case .editForm(let form) = d.state.overlay else { Issue.record("no round form"); return }
        #expect(form.text("budget") == "4", "the budget starts at the recommended pilot count")
        d.keys("<tab><tab><ctrl-u>2<enter>")  // cap 2 per team
        guard case .ballot = d.state.overlay else { Issue.record("no ballot after opening the round"); return }
        d.keys("<enter>")
        guard case .ballot(let noName) = d.state.overlay else { Issue.record("ballot closed without a name"); return }
        #expect(noName.error?.contains("name") == true)
        d.type("Ana")
        d.keys("<enter>+++")
        guard case .ballot(let capped) = d.state.overlay else { Issue.record("ballot closed"); return }
        #expect(capped.votes[0] == 2)
        #expect(capped.error == "at most 2 per team")
        d.keys("jj++<enter>")
        let round = try #require(d.state.plan.votes.last)
        #expect(round.ballots == [Ballot(voter: "Ana", votes: [
            TeamVotes(team: d.state.plan.teams.first { $0.name == "Claims Intake" }!.id, votes: 2),
            TeamVotes(team: d.state.plan.teams.first { $0.name == "Broker Hub" }!.id, votes: 2),
        ].sorted { $0.team < $1.team })])
        #expect(d.screen.contains("1 ballot, tally hidden (V reveals)"))
        #expect(d.screen.line(containing: "Claims Intake")?.text.contains(" 2 PILOT") == false, "no count before the reveal")
        // The same person cannot vote twice in a named round.
        d.keys("v")
        d.type("ana")
        d.keys("<enter>")
        guard case .ballot(let twice) = d.state.overlay else { Issue.record("second ballot accepted"); return }
        #expect(twice.error == "ana has already voted in this round", "said when the name is entered, before any vote")
        #expect(twice.editingVoter)
        d.keys("<esc>V")
        #expect(d.state.plan.votes.last?.revealed == true)
        #expect(d.screen.line(containing: "Claims Intake")?.text.contains("2 PILOT") == true)
        #expect(d.screen.line(containing: "Quote & Buy")?.text.contains("0 PILOT") == true)
    }

    @Test func anUnattributedRoundKeepsNoNameAndNoBallot() throws {
        let d = AppDriver()
        d.keys("3v<tab><tab><tab><right>")
        guard case .editForm(let form) = d.state.overlay else { Issue.record("no round form"); return }
        #expect(form.text("attributed") == "unattributed")
        #expect(d.screen.contains("pilotwave never stores who voted"))
        d.keys("<enter>")
        #expect(d.screen.contains("Unattributed: no name is asked for or stored."))
        d.keys("++j+<enter>")
        d.keys("v+++j+<enter>")
        let round = try #require(d.state.plan.votes.last)
        #expect(round.ballots.isEmpty)
        #expect(round.ballotCount == 2)
        #expect(Voting.tally(round).values.sorted() == [2, 5])
        let json = String(decoding: try JSONEncoder().encode(round), as: UTF8.self)
        #expect(!json.contains("voter"))
        // A fifth vote is refused with the budget named.
        d.keys("v+++++")
        guard case .ballot(let draft) = d.state.overlay else { Issue.record("ballot closed"); return }
        #expect(draft.error?.contains("no votes left") == true)
    }

    @Test func theOutcomeEditorExplainsAnOutputWhileTyping() throws {
        let d = AppDriver()
        d.keys("3jjo<ctrl-u>")
        d.type("Launch the app")
        #expect(d.screen.contains("! Reads as an output. It starts from \"launch\": that is something the team"))
        #expect(d.screen.contains("An outcome names a change in customer or business behaviour"))
        // An output worded as a thing, or as a done deed, is explained too — with its reason.
        d.keys("<ctrl-u>")
        d.type("New customer portal")
        #expect(d.screen.contains("It names a thing to have, not a change"))
        d.keys("<ctrl-u>")
        d.type("The new portal is launched")
        #expect(d.screen.contains("It says something \"is launched\""))
        d.keys("<ctrl-u>")
        d.type("Launch the app")
        d.keys("<tab>")
        d.type("Share of quotes completed online")
        d.keys("<enter>")
        let team = try #require(selected(d))
        #expect(team.outcome?.statement == "Launch the app")
        #expect(d.state.toast?.kind == .warning, "saved, with a caveat: a warning, not a failure")
        d.keys("o<ctrl-u>")
        d.type("More customers complete a quote online without calling")
        #expect(d.screen.contains("Reads as an outcome. Still to add: baseline and target."))
        d.keys("<esc>")
        #expect(d.state.plan.team(team.id)?.outcome?.statement == "Launch the app", "Esc changes nothing")
    }

    @Test func aCustomCriterionIsAddedWeightedAndRatedFromTheView() throws {
        let d = AppDriver()
        d.keys("3n")
        d.type("Sponsor support")
        d.keys("<tab><ctrl-u>5<tab>")
        d.type("A senior sponsor backs the team")
        d.keys("<tab>")
        d.type("No sponsor")
        d.keys("<tab><tab><tab><tab>")
        d.type("Sponsor shows up every week")
        d.keys("<enter>")
        let c = try #require(d.state.plan.criterion("sponsorSupport"))
        #expect(c.weight == 5 && c.anchors.first == "No sponsor" && c.anchors.last == "Sponsor shows up every week")
        #expect(d.state.plan.criteria[d.state.pilots.criterion].id == "sponsorSupport", "the new criterion has the focus")
        d.keys("r")
        #expect(d.screen.contains("Sponsor shows up every week"))
        d.keys("5")
        let team = try #require(selected(d))
        #expect(team.ratings["sponsorSupport"] == 5)
        // A derived criterion is not rated by hand: the view says where it comes from.
        d.keys("[r")
        #expect(d.state.overlay == nil)
        #expect(d.state.toast?.text.contains("Size is worked out from the team's head count") == true)
        // Undo takes back the rating, then the criterion.
        d.keys("uu")
        #expect(d.state.plan.criterion("sponsorSupport") == nil)
    }

    @Test func robustnessNamesWhoDropsOutAndTheShiftThatDoesIt() throws {
        let d = AppDriver()
        d.keys("3")
        #expect(d.screen.contains("Top 4 (< >): stable"))
        // Find a top N the demo holds only narrowly, then step to it with > and <.
        let model = RankingModel(plan: d.state.plan)
        let fragile = try #require((1...12).first { !Robustness.analyse(model, n: $0).isStable })
        let steps = fragile - 4
        d.keys(String(repeating: steps > 0 ? ">" : "<", count: abs(steps)))
        let r = try #require(d.state.derived.pilots.robustness)
        #expect(r.n == fragile && !r.isStable)
        #expect(d.screen.contains("Top \(fragile) (< >): fragile"))
        let (team, shifts) = try #require(r.dropsOut.first)
        let name = d.state.plan.teams[Int(team)].name
        #expect(d.screen.contains("! \(name) drops out if"))
        let row = d.screen.lines.first { $0.contains(" \(name) ") && $0.contains("fragile: out if") }
        #expect(row != nil, "the team's row says it is fragile")
        #expect(shifts.allSatisfy { $0.delta == 1 || $0.delta == -1 })
    }

    @Test func comparingTwoOrThreeTeamsCriterionByCriterion() throws {
        let d = AppDriver()
        d.keys("3mjm")  // m marks and moves to the next row
        #expect(d.state.pilots.marked.count == 2)
        d.keys("c")
        guard case .compare(let ids) = d.state.overlay else { Issue.record("no compare"); return }
        #expect(ids.count == 2)
        let screen = d.screen
        #expect(screen.contains("Compare — Esc closes"))
        #expect(screen.line(containing: "×4 Learning appetite")?.text.contains("5/5") == true)
        #expect(screen.line(containing: "Rank")?.text.contains("#1") == true)
        #expect(screen.line(containing: "Rank")?.text.contains("#3") == true)
        d.keys("<esc>")
        #expect(d.state.overlay == nil)
    }

    @Test func theDecisionRecordsTeamsWeightsAndTallyAsOneEdit() throws {
        let d = AppDriver()
        d.keys("3v<enter>")
        d.type("Ana")
        d.keys("<enter>++jj++<enter>V")
        d.keys("jj<space>")  // Broker Hub joins the pilots
        let decisionsBefore = d.state.plan.decisions.count
        d.keys("D")
        #expect(d.screen.contains("Teams: Claims Intake (91, 2 votes)"))
        d.type("Leadership team")
        d.keys("<enter>")
        #expect(d.state.plan.decisions.count == decisionsBefore + 1)
        let decision = try #require(d.state.plan.decisions.last)
        #expect(decision.decidedBy == "Leadership team")
        // The robustness verdict and the pilots' outcome problems are kept with it, in words.
        #expect(decision.text == "Start with 4 pilot teams: Claims Intake, Quote & Buy, Broker Hub and 🚀 Launchpad."
            + " — When decided: Robustness: Top 4 stable under each of the 12 one-step weight changes;"
            + " pilot outside the top 4: 🚀 Launchpad (#7). Outcomes: Pilot 🚀 Launchpad's outcome is worded as an"
            + " output (\"launch\"): \"Launch the new claims app\"; Pilot 🚀 Launchpad's outcome has no baseline for"
            + " App live in both stores; Pilot Broker Hub has no outcome.")
        let selection = try #require(decision.selection)
        #expect(selection.teams.map(\.name) == ["Claims Intake", "Quote & Buy", "Broker Hub", "🚀 Launchpad"])
        #expect(selection.teams.map(\.votes) == [2, 0, 2, 0])
        #expect(selection.weights.count == d.state.plan.criteria.count)
        #expect(selection.recommended == "2–4")
        #expect(selection.tally.map(\.votes) == [2, 2])
        #expect(decision.at == AppDriver.start)
        d.keys("u")
        #expect(d.state.plan.decisions.count == decisionsBefore, "one undo removes the whole decision")
    }
}
