import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// The conventions every form shares (a given value is replaced by typing, a letter picks a
/// choice, one team picker) and the Resistance view's own: filter, counts, selection, stakeholders.
@Suite("Forms and the resistance log, key by key")
struct FormAndResistanceStoryTests {
    func field(_ d: AppDriver, _ key: String) -> TeamForm.Field? {
        guard case .editForm(let form) = d.state.overlay else { return nil }
        return form.fields.first { $0.key == key }
    }

    func text(_ d: AppDriver, _ key: String) -> String? {
        guard case .editForm(let form) = d.state.overlay else { return nil }
        return form.text(key)
    }

    @Test func aGivenValueIsSelectedSoTypingReplacesIt() throws {
        let d = AppDriver()
        d.keys("7g")
        let blocker = try #require(Reducer.selectedBlocker(d.state))
        d.keys("o")
        d.type("Jürg Wyss")
        d.keys("<enter>")
        #expect(d.state.plan.blocker(blocker.id)?.owner == "Jürg Wyss")
        d.keys("o")
        #expect(text(d, "owner") == "Jürg Wyss")
        d.type("Marc Dubois")
        d.keys("<enter>")
        #expect(d.state.plan.blocker(blocker.id)?.owner == "Marc Dubois", "replaced, not \"Jürg WyssMarc Dubois\"")
        // A movement key keeps the value and moves into it; then typing edits.
        d.keys("o<home>")
        d.type("Dr ")
        d.keys("<enter>")
        #expect(d.state.plan.blocker(blocker.id)?.owner == "Dr Marc Dubois")
    }

    @Test func textInputSelectAllReplacesClearsOrKeeps() {
        var input = TextInput("Jürg Wyss")
        input.selectAll()
        input.handle(.char("M"))
        #expect(input.text == "M")
        input.selectAll()
        input.handle(.backspace)
        #expect(input.text == "")
        input.setText("abc")
        input.selectAll()
        input.handle(.end)
        input.handle(.char("d"))
        #expect(input.text == "abcd")
        input.selectAll()
        input.insert("pasted")
        #expect(input.text == "pasted")
        var empty = TextInput("")
        empty.selectAll()
        #expect(!empty.allSelected)
    }

    @Test func aLetterPicksTheChoiceStartingWithItOrIsRefusedInWords() throws {
        let d = AppDriver()
        d.keys("5!")
        d.type("We have no time")
        d.keys("<tab>")
        #expect(text(d, "kind") == ResistanceKind.noTime.label)
        d.keys("d")
        #expect(text(d, "kind") == ResistanceKind.reducedControl.label)
        #expect(d.screen.contains("◀ discomfort with reduced control ▶"), "the field shows the choice")
        d.keys("x")
        #expect(text(d, "kind") == ResistanceKind.reducedControl.label, "never a silent change")
        #expect(field(d, "kind")?.error == "no choice starts with \"x\": ←/→ or space to choose")
        #expect(d.screen.contains("✗ no choice starts with \"x\""))
        d.keys("t")  // "That will never work here", past its quote mark
        #expect(text(d, "kind") == ResistanceKind.neverWorkHere.label)
        #expect(field(d, "kind")?.error == nil)
    }

    @Test func theCaptureFindsATeamAsTheBlockerFormDoes() throws {
        let d = AppDriver()
        d.keys("5!")
        d.type("We have no time")
        d.keys("<tab><tab>")
        d.type("Launchpad")
        d.keys("<enter>")
        #expect(d.state.overlay == nil, "\(String(describing: field(d, "team")?.error))")
        #expect(d.state.plan.resistance.last?.team == "team-launchpad")
        d.keys("!")
        d.type("Not again")
        d.keys("<tab><tab>")
        d.type("claims")
        d.keys("<enter>")
        #expect(field(d, "team")?.error?.hasPrefix("\"claims\" fits several teams: did you mean Claims Intake") == true)
    }

    @Test func escClearsAKeptFilterAsInTeamsAndBlockers() {
        let d = AppDriver()
        d.keys("5/")
        d.type("time")
        d.keys("<enter>")
        #expect(d.state.resistance.filter == "time")
        let filtered = d.state.derived.noteRows.count
        d.keys("<esc>")
        #expect(d.state.resistance.filter == "")
        #expect(d.state.derived.noteRows.count > filtered)
        #expect(d.state.derived.noteRows.count == d.state.plan.resistance.count)
    }

    @Test func theHeaderAndTheGroupsCountOpenTheSameWay() throws {
        let d = AppDriver()
        d.keys("5s")  // grouped by status
        #expect(d.state.resistance.grouping == .status)
        let counts = ResistanceRules.statusCounts(d.state.plan.resistance)
        #expect(d.screen.contains("\(counts.open) open · \(counts.beingAddressed) being addressed"))
        #expect(d.screen.contains("open (\(counts.open))"))
        #expect(d.screen.contains("being addressed (\(counts.beingAddressed))"))
    }

    @Test func theSelectionFollowsTheNoteAfterACaptureElsewhere() throws {
        let d = AppDriver()
        d.keys("5jjj")
        let chosen = try #require(Reducer.selectedNote(d.state))
        d.keys("2!")
        d.type("Another meeting about meetings")
        d.keys("<tab>")
        d.keys("<tab><ctrl-u>")
        d.type("Claims Intake")
        d.keys("<enter>")
        #expect(d.state.plan.resistance.count > 0 && d.state.overlay == nil)
        d.keys("5")
        #expect(Reducer.selectedNote(d.state)?.id == chosen.id)
    }

    @Test func aFollowUpBeforeTheNoteIsRefusedInWords() throws {
        let d = AppDriver()
        d.keys("5<enter>")
        guard case .editForm(let form) = d.state.overlay, case .note(let id?) = form.purpose else {
            Issue.record("no note form"); return
        }
        let before = d.state.plan.resistance.first { $0.id == id }
        let index = try #require(form.fields.firstIndex { $0.key == "followUp" })
        d.keys(String(repeating: "<tab>", count: index))
        d.type("2025-04-09")
        d.keys("<enter>")
        let error = try #require(field(d, "followUp")?.error)
        #expect(error.hasPrefix("Wed 2025-04-09 is before the note was taken"), "\(error)")
        #expect(d.state.plan.resistance.first { $0.id == id } == before)
    }

    @Test func aStakeholdersNotesShowInTheStakeholderList() throws {
        let d = AppDriver()
        d.keys("5t")
        #expect(d.screen.contains("No notes from \(d.state.plan.stakeholders[0].name) yet (! captures one)."))
        let row = try #require(d.state.plan.stakeholders.firstIndex { s in d.state.plan.resistance.contains { $0.stakeholder == s.id } })
        d.keys(String(repeating: "j", count: row))
        let person = d.state.plan.stakeholders[row]
        let theirs = d.state.plan.resistance.filter { $0.stakeholder == person.id }
        #expect(d.screen.contains("Notes from \(person.name) (\(ResistanceRules.statusCounts(theirs).phrase)):"))
        for note in theirs { #expect(d.screen.contains(String(note.words.prefix(30)))) }
    }

    @Test func aChangeOfStanceIsKeptNotOverwritten() throws {
        let d = AppDriver()
        d.keys("5t")
        let before = d.state.plan.stakeholders[0]
        #expect(before.stance == .supportive && before.stanceHistory == nil)
        d.keys("<enter><tab><tab>l<enter>")  // Stance now: a letter picks "leading"
        let after = d.state.plan.stakeholders[0]
        #expect(after.stance == .leading)
        #expect(after.stanceHistory?.map { "\($0.from.label)→\($0.to.label)" } == ["supportive→leading"])
        #expect(d.screen.contains("Stance of \(before.name): supportive → leading on 2026-03-09"))
        d.keys("<enter><tab><tab>n<enter>")
        #expect(d.state.plan.stakeholders[0].stanceHistory?.map(\.to) == [.leading, .neutral], "appended")
        d.keys("u")
        #expect(d.state.plan.stakeholders[0].stanceHistory?.map(\.to) == [.leading])
    }
}
