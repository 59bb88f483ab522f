import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// Readiness check-ins and the resistance log, key by key.
@Suite("Readiness and resistance stories")
struct ReadinessStoryTests {
    /// Moves the readiness selection to `dimension` × `team` (nil: the organisation).
    func select(_ d: AppDriver, _ dimension: String, _ team: String?) {
        d.keys("4")
        let r = d.state.derived.readiness
        let row = r.dimensions.firstIndex { d.state.plan.dimensions[$0].name == dimension }!
        let column = team.map { name in r.teams.firstIndex { d.state.plan.teams[Int($0)].name == name }! + 1 } ?? 0
        d.keys(String(repeating: "k", count: 20) + String(repeating: "j", count: row))
        d.keys(String(repeating: "h", count: 20) + String(repeating: "l", count: column))
    }

    func signals(_ d: AppDriver, _ dimension: DimensionKey, _ team: String) -> [ReadinessSignal] {
        let id = d.state.plan.teams.first { $0.name == team }!.id
        return d.state.plan.signals.filter { $0.dimension == dimension && $0.team == id }
    }

    @Test func recordingTwiceKeepsBothAndShowsTheTrend() throws {
        let d = AppDriver()
        select(d, "Funded by outcomes", "Claims Intake")
        #expect(signals(d, ReadinessDimension.fundedByOutcomes, "Claims Intake").isEmpty)
        d.keys("r2<tab>")
        #expect(d.screen.contains("2 ▶ A few experiments with persistent funding."), "the anchor of the level is on screen")
        d.type("Budget still per project")
        d.keys("<tab>")
        d.type("Ana")
        d.keys("<enter>")
        #expect(d.state.toast?.text == "Recorded 2/5 (first rating) for Claims Intake, Funded by outcomes — u to undo")
        d.clock.advance(86_400 * 14)
        d.keys("r4<tab>")
        d.type("Quarterly funding review agreed")
        d.keys("<enter>")
        let both = signals(d, ReadinessDimension.fundedByOutcomes, "Claims Intake")
        #expect(both.map(\.rating) == [2, 4], "appended, never overwritten")
        #expect(both.map(\.recordedBy) == ["Ana", "Ana"], "who is remembered between recordings")
        #expect(d.state.toast?.text == "Recorded 4/5 ↑ from 2 for Claims Intake, Funded by outcomes — u to undo")
        let row = try #require(d.screen.line(containing: "▶ Funded by outcomes")).text
        #expect(row.contains("4 ↑ ▂▆"), "rating, trend and sparkline in the cell")
        d.keys("<enter>")
        guard case .history(let h) = d.state.overlay else { Issue.record("no history"); return }
        #expect(h.selected == 1)
        #expect(d.screen.contains("2026-03-09  2/5 by Ana"))
        #expect(d.screen.contains("2026-03-23  4/5 by Ana"))
    }

    @Test func aMistakenRatingIsStruckWithAReasonAndKept() throws {
        let d = AppDriver()
        select(d, "Funded by outcomes", "Claims Intake")
        d.keys("r")
        // Readiness is who said what, when: with no one named yet this session and no earlier
        // rating of the cell, the team itself is proposed…
        guard case .editForm(let proposed) = d.state.overlay else { Issue.record("no rating form"); return }
        #expect(proposed.text("by") == "Claims Intake")
        #expect(d.screen.contains("Recorded by  Claims Intake"))
        // …and with the name taken out, the form asks who gives it.
        d.keys("2<tab><tab><ctrl-u><enter>")
        guard case .editForm(let unsigned) = d.state.overlay else { Issue.record("saved without a rater"); return }
        #expect(unsigned.focused.key == "by")
        #expect(unsigned.focused.error == "say who gives this rating (remembered for the next ones)")
        #expect(d.screen.contains("✗ say who gives this rating"), "refused in words, on screen")
        #expect(signals(d, ReadinessDimension.fundedByOutcomes, "Claims Intake").isEmpty)
        d.type("Ana")
        d.keys("<enter>")
        d.clock.advance(3600)
        // … and fills it in after.
        d.keys("r5<enter>")
        #expect(signals(d, ReadinessDimension.fundedByOutcomes, "Claims Intake").map(\.recordedBy) == ["Ana", "Ana"])
        d.keys("<enter>x")
        guard case .editForm = d.state.overlay else { Issue.record("no strike form"); return }
        d.keys("<enter>")
        guard case .editForm(let form) = d.state.overlay else { Issue.record("struck without a reason"); return }
        #expect(form.fields[0].error == "say why it is struck")
        d.type("Rated the wrong team")
        d.keys("<enter>")
        guard case .history = d.state.overlay else { Issue.record("back to the history"); return }
        #expect(d.screen.contains("5/5 by Ana — STRUCK: Rated the wrong team"))
        let all = signals(d, ReadinessDimension.fundedByOutcomes, "Claims Intake")
        #expect(all.count == 2 && all[1].struck?.reason == "Rated the wrong team", "kept, marked struck")
        d.keys("<esc>")
        #expect(try #require(d.screen.line(containing: "▶ Funded by outcomes")).text.contains("2 •"),
                "the trend falls back to the rating that stands")
        d.keys("u")
        #expect(signals(d, ReadinessDimension.fundedByOutcomes, "Claims Intake")[1].struck == nil)
    }

    @Test func severalLowPilotTeamsBecomeASystemicBlockerThatGatesLaterWaves() throws {
        let d = AppDriver()
        select(d, "Funded by outcomes", "Claims Intake")
        #expect(!d.screen.contains("2 pilot teams rate it"))
        d.state.readiness.recorder = "Ana"  // named earlier in the session
        d.keys("r2<enter>")
        #expect(d.screen.contains("! Funded by outcomes: 2 pilot teams rate it 2 or lower (Claims Intake 2 and 🚀 Launchpad 1)"))
        let blockersBefore = d.state.plan.blockers.count
        d.keys("b")
        let blocker = try #require(d.state.plan.blockers.last)
        #expect(d.state.plan.blockers.count == blockersBefore + 1)
        #expect(blocker.title == "Systemic: Funded by outcomes" && blocker.category == .funding)
        #expect(Set(blocker.surfacedBy.compactMap { id in d.state.plan.team(id)?.name }) == ["Claims Intake", "🚀 Launchpad"])
        let gated = d.state.plan.waves.filter { $0.entry.blockers.contains(blocker.id) }
        #expect(!gated.isEmpty && gated.allSatisfy { $0.order > 0 })
        #expect(d.screen.contains("✓ Funded by outcomes: raised as a systemic blocker"))
        d.keys("b")
        #expect(d.state.toast?.text == "Systemic: Funded by outcomes is raised already")
        d.keys("u")
        #expect(d.state.plan.blockers.count == blockersBefore)
        #expect(!d.state.plan.waves.contains { $0.entry.blockers.contains(blocker.id) }, "one undo takes back the blocker and the gates")
    }

    @Test func columnsFollowThePilotsAWaveOrEveryTeam() {
        let d = AppDriver()
        d.keys("4")
        #expect(d.state.derived.readiness.teams.count == 3)
        #expect(d.screen.contains("Columns: organisation + the pilot teams (3)"))
        d.keys("w")
        let first = d.state.plan.orderedWaves[0]
        #expect(d.state.readiness.scope == .wave(first.id))
        #expect(d.state.derived.readiness.teams.count == first.teams.count)
        for _ in d.state.plan.waves { d.keys("w") }
        #expect(d.state.readiness.scope == .allTeams)
        #expect(d.state.derived.readiness.teams.count == d.state.plan.teams.filter { $0.status != .outOfScope }.count)
        d.keys("w")
        #expect(d.state.readiness.scope == .pilots)
    }

    @Test func dimensionsAreAddedRenamedMovedAndRetiredWithoutLosingHistory() throws {
        let d = AppDriver()
        d.keys("4n")
        d.type("Customer conversations")
        d.keys("<tab>")
        d.type("Teams talk to customers every week.")
        d.keys("<tab><left><enter>")  // rated for teams only
        let added = try #require(d.state.plan.dimensions.last)
        #expect(added.name == "Customer conversations" && added.scope == .team)
        // Executive conviction: rename, move down, retire; its history stays.
        d.keys("gkkkkkkkkkkkk")
        let history = d.state.plan.signals.filter { $0.dimension == ReadinessDimension.executiveConviction }.count
        d.keys("e<ctrl-u>")
        d.type("Leaders' conviction")
        d.keys("<enter>")
        #expect(d.state.plan.dimensions[0].name == "Leaders' conviction")
        d.keys("J")
        #expect(d.state.plan.dimensions[1].id == ReadinessDimension.executiveConviction)
        #expect(d.state.readiness.row == 1, "the selection moves with the dimension")
        // Wave 1's gate asks for it: retiring asks what becomes of that gate.
        let gateBefore = d.state.plan.waves.first { $0.id == "wave-1" }!.entry.readiness
        #expect(gateBefore.contains { $0.dimension == ReadinessDimension.executiveConviction })
        d.keys("R")
        guard case .confirm = d.state.overlay else { Issue.record("retired without asking about the gate"); return }
        #expect(d.screen.contains("It is in the entry gate of Wave 1 — early adopters (at least 4)."))
        #expect(d.state.plan.dimension(ReadinessDimension.executiveConviction)?.retired == false)
        let position = d.state.history.position
        d.keys("y")
        #expect(d.state.history.position == position + 1, "one undoable edit")
        #expect(d.state.toast?.text == "Retired Leaders' conviction; dropped from the gate of Wave 1 — early adopters — u to undo")
        let gate = d.state.plan.waves.first { $0.id == "wave-1" }!.entry.readiness
        #expect(!gate.contains { $0.dimension == ReadinessDimension.executiveConviction }, "the gate follows")
        #expect(!PlanChecks.run(d.state.plan, today: d.state.today).contains { $0.message.contains("Leaders' conviction") },
                "check no longer asks for a retired dimension")
        #expect(d.state.plan.dimension(ReadinessDimension.executiveConviction)?.retired == true)
        #expect(!d.screen.lines.contains { $0.dropFirst(2).hasPrefix("Leaders' conviction") }, "retired dimensions are hidden")
        #expect(d.state.plan.signals.filter { $0.dimension == ReadinessDimension.executiveConviction }.count == history)
        d.keys("z")
        #expect(d.screen.line(containing: "Leaders' conviction")?.text.contains("old") == true)
        d.keys("u")
        #expect(d.state.plan.dimension(ReadinessDimension.executiveConviction)?.retired == false)
        #expect(d.state.plan.waves.first { $0.id == "wave-1" }!.entry.readiness == gateBefore, "one undo brings both back")
    }

    @Test func captureFromAnotherViewThenMoveTheNoteThroughItsStatuses() throws {
        let d = AppDriver()
        d.keys("2j!")  // Teams view, Quote & Buy
        guard case .editForm(let form) = d.state.overlay else { Issue.record("no capture form"); return }
        #expect(form.text("team") == "Quote & Buy", "the current team is filled in")
        d.keys("<enter>")
        guard case .editForm(let empty) = d.state.overlay else { Issue.record("captured without words"); return }
        #expect(empty.fields[0].error != nil)
        d.type("We have no time for interviews")
        d.keys("<enter>")
        let note = try #require(d.state.plan.resistance.last)
        #expect(note.words == "We have no time for interviews" && note.kind == .noTime && note.status == .open)
        #expect(d.state.plan.team(note.team!)?.name == "Quote & Buy")
        #expect(d.state.view == .teams, "capture does not leave the view")
        // In the log: it cannot be "being addressed" without a response and an owner.
        d.keys("5/no time for interviews<enter>")
        #expect(Reducer.selectedNote(d.state)?.id == note.id)
        d.keys(">")
        #expect(d.state.plan.resistance.last?.status == .open)
        #expect(d.state.toast?.text.contains("response and an owner first") == true)
        // Complete it from the playbook: response, owner and follow-up move it on.
        d.keys("<enter>")
        #expect(d.screen.contains("Playbook for \"We don't have time\""))
        d.keys("<tab><tab><tab><tab><tab><right><tab><tab>")
        d.type("Marc")
        d.keys("<tab>")
        d.type("2026-12-01")
        d.keys("<enter>")
        let done = try #require(d.state.plan.resistance.last)
        #expect(done.response == ResistanceKind.noTime.playbook[0])
        #expect(done.owner == "Marc" && done.followUp == Day(2026, 12, 1))
        #expect(done.status == .beingAddressed)
        d.keys(">")
        #expect(d.state.plan.resistance.last?.status == .resolved)
        d.keys("<")
        #expect(d.state.plan.resistance.last?.status == .beingAddressed)
    }

    @Test func theLogGroupsFiltersAndFlagsOverdueFollowUps() throws {
        let d = AppDriver()
        d.keys("5")
        #expect(d.screen.contains("grouped by kind (s)"))
        let overdue = d.state.plan.resistance.filter { ResistanceRules.daysOverdue($0, today: d.state.today) != nil }
        #expect(!overdue.isEmpty)
        #expect(d.screen.contains("! overdue"))
        #expect(d.screen.contains("follow-ups overdue") || d.screen.contains("follow-up overdue"))
        d.keys("s")
        #expect(d.screen.contains("grouped by status (s)"))
        #expect(d.screen.contains("open ("))
        d.keys("s")
        #expect(d.screen.contains("grouped by source (s)"))
        d.keys("/pricing")
        let rows = Reducer.noteRows(d.state)
        #expect(!rows.isEmpty && rows.allSatisfy { d.state.plan.resistance[$0].words.lowercased().contains("pricing")
                || d.state.plan.resistance[$0].team.flatMap { d.state.plan.team($0)?.name.lowercased().contains("pricing") } == true
                || (d.state.plan.resistance[$0].response ?? "").lowercased().contains("pricing") })
        d.keys("<esc>")
        #expect(Reducer.noteRows(d.state).count == d.state.plan.resistance.count)
    }

    @Test func stakeholdersCarryLeadersResistance() throws {
        let d = AppDriver()
        d.keys("5ta")
        d.type("Regula Imhof")
        d.keys("<tab>")
        d.type("COO")
        d.keys("<tab><left><enter>")  // stance now: neutral → resistant
        let s = try #require(d.state.plan.stakeholders.last)
        #expect(s.name == "Regula Imhof" && s.role == "COO" && s.stance == .resistant && s.desiredStance == .supportive)
        #expect(d.screen.contains("Regula Imhof"))
        d.keys("t")
        #expect(!d.state.resistance.stakeholders)
        // A leader's words are captured against the person, not a team.
        d.keys("!")
        d.type("If teams choose, how do I answer to the board?")
        d.keys("<tab><right><tab><ctrl-u><enter>")
        guard case .editForm(let noSource) = d.state.overlay else { Issue.record("captured without a source"); return }
        #expect(noSource.fields.first { $0.key == "team" }?.error == "say who said it: a team, or a stakeholder below")
        d.keys("<tab>")
        d.keys("<left><enter>")  // from "none", wraps round to the last person: Regula
        let note = try #require(d.state.plan.resistance.last)
        #expect(note.stakeholder == s.id && note.team == nil && note.kind == .beginnerAgain)
    }

    @Test func aTeamsReadinessAndResistanceShowInItsDetailPane() throws {
        let d = AppDriver()
        let team = try #require(d.state.plan.resistance.first { $0.team != nil && $0.status != .resolved }?.team)
        let name = try #require(d.state.plan.team(team)?.name)
        d.keys("2/")
        d.type(name)
        d.keys("<enter>")
        #expect(d.screen.contains("Resistance: "))
        #expect(d.state.derived.activity[team]?.openNotes ?? 0 > 0)
    }
}
