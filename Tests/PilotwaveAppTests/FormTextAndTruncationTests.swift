import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// What people type is never cut in silence, dates are read as people write them, and text cut
/// for display ends in "…" (or at a word boundary, for a file name).
@Suite("Form text, dates and truncation")
struct FormTextAndTruncationTests {
    /// Every form with fields, built from the demo plan.
    static func allForms() -> [(String, EditForm)] {
        let plan = DemoPlan.make()
        let team = plan.teams[0]
        let workshop = plan.workshops[0]
        let note = plan.resistance[0]
        let dimension = plan.dimensions[0]
        let signal = ReadinessSignal(id: "s", dimension: dimension.id, team: team.id, rating: 3, evidence: "", recordedBy: "b",
                                     recordedAt: Date(timeIntervalSince1970: 0))
        let blocker = plan.blockers[0]
        let scenario = Scenario(id: "sc", name: "S", createdAt: Date(timeIntervalSince1970: 0))
        return [
            ("outcome", .outcome(team)), ("criterion", .criterion()), ("voteRound", .voteRound(number: 1, suggestedBudget: 3)),
            ("decision", .decision(text: "")), ("dimension", .dimension(dimension)), ("strike", .strike(signal, by: "b")),
            ("capture", .capture(teamName: team.name, stakeholders: plan.stakeholders)),
            ("note", .note(note, plan: plan, teamName: team.name)), ("stakeholder", .stakeholder(nil)),
            ("wave", .wave(nil)), ("seedCoach", .seedCoach(team)), ("newScenario", .newScenario(from: nil, plan: plan)),
            ("renameScenario", .renameScenario(scenario)), ("adoptScenario", .adoptScenario(scenario)),
            ("newWorkshop", .newWorkshop(date: Day(2026, 11, 23))), ("workshopDecision", .workshopDecision(workshop)),
            ("action", .action(nil, workshop: workshop.id)), ("parking", .parking(workshop)),
            ("export", .export(workshops: plan.workshops, selected: workshop.id, path: "x.md")),
            ("blocker", .blocker(blocker, teams: "", waves: "")), ("blockerOwner", .blockerOwner(blocker, inProgress: true)),
        ]
    }

    /// The keys of fields that hold dates, in whichever form.
    static let dateKeys: Set<String> = ["date", "due", "followUp", "start", "end", "checkIns"]

    /// Typing past any text field's limit either keeps every character or says "at most N" on
    /// the field: never a silent cut.
    @Test func noFieldCutsWhatIsTypedInSilence() throws {
        let forms = Self.allForms().map { ($0.0, $0.1 as any FieldForm) }
            + [("team", TeamForm(mode: .add, team: Team(id: "t", name: ""), plan: DemoPlan.make()) as any FieldForm)]
        var checked = 0
        for (name, original) in forms {
            for i in original.fields.indices {
                var form = original
                form.focus = i
                let limit: Int
                let digits: Bool
                switch form.fields[i].editor {
                case .text(let input): (limit, digits) = (input.limit, false)
                case .count(let input): (limit, digits) = (input.limit, true)
                default: continue
                }
                _ = form.edit(.ctrl("e"))
                _ = form.edit(.ctrl("u"))
                let typed = String(repeating: digits ? "1" : "x", count: limit + 3)
                for ch in typed { _ = form.edit(.char(ch)) }
                let field = form.fields[i]
                let kept = form.text(field.key)
                #expect(kept.count == typed.count || field.error?.contains("at most \(limit)") == true,
                        "\(name).\(field.key): \(kept.count) of \(typed.count) characters kept, no word said")
                checked += 1
            }
        }
        #expect(checked > 30)
        // Text given to a field (a stored value) is never cut either.
        #expect(TextInput(String(repeating: "a", count: 50), limit: 10).text.count == 50)
    }

    @Test func everyDateFieldReadsWhatPeopleType() throws {
        var dateFields = 0
        for (name, original) in Self.allForms() {
            for i in original.fields.indices where Self.dateKeys.contains(original.fields[i].key) {
                var form = original
                form.focus = i
                #expect(form.fields[i].isDate, "\(name).\(form.fields[i].key) is not read as a date")
                _ = form.edit(.ctrl("e"))
                _ = form.edit(.ctrl("u"))
                for ch in "next friday" { _ = form.edit(.char(ch)) }
                #expect(form.text(form.fields[i].key) == "next friday", "\(name).\(form.fields[i].key)")
                #expect(form.fields[i].error == nil)
                #expect(form.fields[i].dateEcho(today: Day(2026, 11, 23))?.text == "= Fri 2026-12-04")
                #expect(form.day(form.fields[i].key, today: Day(2026, 11, 23)) == Day(2026, 12, 4))
                dateFields += 1
            }
        }
        #expect(dateFields == 6, "workshop date, action due, follow-up, wave start, end and check-ins")
    }

    /// Every field that names teams (by its label: Team, Surfaced by, Depends on) resolves the name
    /// as it is typed, the same way everywhere.
    @Test func everyFieldThatNamesATeamEchoesTheTeam() throws {
        let teams = DemoPlan.make().teams
        var teamFields = 0
        var forms: [(String, [TeamForm.Field])] = Self.allForms().map { ($0.0, $0.1.fields) }
        forms.append(("team", TeamForm(mode: .edit(teams[0].id), team: teams[0], plan: DemoPlan.make()).fields))
        for (name, fields) in forms {
            for var field in fields where ["Team", "Surfaced by", "Depends on"].contains(field.label) {
                #expect(field.teamNames != .no, "\(name).\(field.key) does not say which team it names")
                field.editor = .text(TextInput("broker", limit: 500))
                #expect(Reducer.echo(&field, teams))
                #expect(field.echo?.text == "= Broker Hub", "\(name).\(field.key)")
                teamFields += 1
            }
        }
        #expect(teamFields >= 4, "capture, note, blocker and team form")
    }

    @Test func theDueFieldTakesNextFridayAndShowsTheDay() throws {
        let d = AppDriver()
        d.keys("8w<enter>a")
        d.type("Book the coaches")
        d.keys("<tab>")
        d.type("Marc")
        d.keys("<tab>")
        d.type("next friday")
        guard case .editForm(let form)? = d.state.overlay else {
            Issue.record("no action form")
            return
        }
        #expect(form.text("due") == "next friday", "not cut to 10 characters")
        #expect(d.screen.contains("= Fri 2026-03-20"), "the day it resolves to, beside the field")
        d.keys("<enter>")
        #expect(d.state.overlay == nil)
        #expect(d.state.plan.actions.last?.due == Day(2026, 3, 20))
        // What cannot be read is refused in words on the field.
        d.keys("a")
        d.type("Think")
        d.keys("<tab>")
        d.type("Ana")
        d.keys("<tab>")
        d.type("someday")
        d.keys("<enter>")
        guard case .editForm(let refused)? = d.state.overlay else {
            Issue.record("the form closed on a date it cannot read")
            return
        }
        #expect(refused.fields.first { $0.key == "due" }?.error?.contains("\"someday\" is not a date I can read") == true)
        #expect(d.screen.contains("not a date I can read"))
    }

    /// A text cut for the status line, a toast or a title ends in "…": what is shown is the whole
    /// text, or a beginning of it followed by "…".
    static func expectWholeOrEllipsis(_ shown: String, of full: String, _ what: String,
                                      sourceLocation: SourceLocation = #_sourceLocation) {
        if shown.contains(full) { return }
        guard let cut = shown.range(of: "…") else {
            Issue.record("\(what): \"\(full)\" is cut without …: \"\(shown)\"", sourceLocation: sourceLocation)
            return
        }
        let before = shown[..<cut.lowerBound]
        let start = String(full.prefix(8))
        guard let from = before.range(of: start) else { return }
        #expect(full.hasPrefix(String(before[from.lowerBound...])), "\(what): not a beginning of the text", sourceLocation: sourceLocation)
    }

    @Test func toastsAndTheStatusLineCutWithAnEllipsis() throws {
        for size in [Size(width: 120, height: 40), Size(width: 80, height: 24), Size(width: 60, height: 20)] {
            let d = AppDriver(size: size)
            d.keys("8Ac")  // the demo's carried-over action marked done: its text in the toast
            let action = "Find a designer for Claims Triage before wave 1 starts"
            let toast = try #require(d.state.toast?.text)
            Self.expectWholeOrEllipsis(toast, of: action, "the toast's text")
            let status = try #require(d.screen.lines.dropLast().last)
            Self.expectWholeOrEllipsis(status, of: "✓ " + toast, "the status line at \(size.width)×\(size.height)")
            // From 80 columns the message is shown whole: the save state steps back to the file's name.
            if size.width >= 80 {
                #expect(status.contains("✓ " + toast) && status.hasPrefix(" plan.json"), "\(status)")
            }
        }
    }

    @Test func theTimerOnTheStatusLineCutsALongStepTitleWithAnEllipsis() throws {
        var plan = DemoPlan.make()
        let i = try #require(plan.workshops.firstIndex { $0.status == .planned })
        let title = "Dimension by dimension, with every team and every coach in the room"
        plan.workshops[i].steps[1].title = title
        let d = AppDriver(plan: plan)
        d.keys("8j<enter>2")
        let status = try #require(d.screen.lines.dropLast().last)
        let timer = try #require(status.components(separatedBy: "⏱ 2/5 ").dropFirst().first, "\(status)")
        #expect(timer.hasPrefix(TextWidth.truncate(title, to: 24) + " "), "the step's title cut with …: \(status)")
        #expect(TextWidth.truncate(title, to: 24).hasSuffix("…"))
    }

    /// The file name an export proposes is cut between words, never inside one.
    @Test func theExportFileNameIsCutBetweenWords() throws {
        var plan = DemoPlan.make()
        plan.name = "Northwind Mutual Insurance product operating model rollout"
        let d = AppDriver(plan: plan)
        d.keys("8")
        let w = try #require(Reducer.selectedWorkshop(d.state))
        d.keys("E")
        guard case .editForm(let form)? = d.state.overlay else {
            Issue.record("no export form")
            return
        }
        let path = form.text("path")
        #expect(path.hasSuffix(".md"))
        let base = String(path.dropLast(3))
        #expect(base.count <= 60)
        let words = Set((plan.name + " " + (w.date?.description ?? "") + " " + w.title).lowercased()
            .split { !$0.isLetter && !$0.isNumber }.map(String.init))
        for part in base.split(separator: "-") {
            #expect(words.contains(String(part)), "\"\(part)\" of \(base) is not a whole word")
        }
        #expect(base.hasSuffix(Reducer.exportBase(w.title)), "the workshop's title comes whole: \(base)")
        #expect(Reducer.exportBase("Pilot selection workshop", limit: 20) == "pilot-selection")
        #expect(Reducer.exportBase("Supercalifragilistic", limit: 5) == "super", "one word longer than the room")
    }
}
