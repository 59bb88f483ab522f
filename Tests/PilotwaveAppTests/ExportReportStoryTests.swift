import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// `E` exports the report from every view, not only from the Workshop view: Markdown, a file
/// named after the plan beside the plan's file, and the workshop preselected only when one runs.
@Suite("Export report stories")
struct ExportReportStoryTests {
    /// The demo plan's name, as a file name: whole words, dashes.
    static let planBase = "lindenhof-towards-product-teams"

    /// The export form the last key opened, or nil.
    func exportForm(_ d: AppDriver) -> EditForm? {
        if case .editForm(let form)? = d.state.overlay, case .export = form.purpose { return form }
        return nil
    }

    /// From each view without a workshop running: `E` opens the form on Markdown, the plan's name
    /// beside the plan and no workshop; Enter asks for the plan's report; the status line names the file.
    @Test(arguments: ["1", "2", "3", "4", "5", "6", "7"])
    func eExportsThePlansReportFromEveryView(_ view: String) throws {
        let d = AppDriver(file: "plans/plan.json")
        d.keys(view)
        #expect(Reducer.runningWorkshop(d.state) == nil, "no workshop runs in the demo")
        d.keys("E")
        let form = try #require(exportForm(d), "E opened no export form in view \(view): \(d.state.toast?.text ?? "")")
        #expect(form.title == "Export report")
        #expect(form.choiceIndex("format") == 0 && EditForm.exportFormats[0] == "markdown")
        let path = "plans/\(Self.planBase).md"
        #expect(form.text("path") == path)
        #expect(d.screen.contains("Markdown") || d.screen.contains("markdown"))
        #expect(d.screen.contains("none (the whole plan)"), "the workshop choice says the report is the plan's")
        d.effects = []
        d.keys("<enter>")
        #expect(d.state.overlay == nil)
        #expect(d.effects == [.export(d.state.plan, format: "markdown", path: path, workshop: nil, today: d.state.today)])
        d.send(.exported(.success([path])))
        #expect(d.screen.contains("Exported \(path)"), "the status line names the file")
    }

    /// The demo has no file: the name is proposed in the current folder.
    @Test func theDemoProposesANameInTheCurrentFolder() throws {
        let d = AppDriver(file: nil)
        d.keys("6E")
        #expect(try #require(exportForm(d)).text("path") == "\(Self.planBase).md")
        d.effects = []
        d.keys("<enter>")
        #expect(d.effects == [.export(d.state.plan, format: "markdown", path: "\(Self.planBase).md", workshop: nil, today: d.state.today)])
    }

    /// With a workshop running, `E` from another view preselects it and names the file after it.
    @Test func aRunningWorkshopIsPreselected() throws {
        let d = AppDriver()
        d.keys("8w<enter><enter>")
        let w = try #require(Reducer.runningWorkshop(d.state))
        d.keys("2E")
        let form = try #require(exportForm(d))
        #expect(form.choiceIndex("scope") == 1 + (d.state.plan.workshops.firstIndex { $0.id == w.id } ?? -1))
        #expect(d.screen.contains(w.title))
        let path = Reducer.exportBase(plan: d.state.plan.name, workshop: w) + ".md"
        #expect(form.text("path") == path)
        d.effects = []
        d.keys("<enter>")
        #expect(d.effects.contains(.export(d.state.plan, format: "markdown", path: path, workshop: w.id, today: d.state.today)))
    }

    /// Choosing "none" in the form exports the whole plan even with a workshop running.
    @Test func noneExportsTheWholePlanWhileAWorkshopRuns() throws {
        let d = AppDriver()
        d.keys("8w<enter><enter>6E<down><down>")
        let form = try #require(exportForm(d))
        let index = form.choiceIndex("scope")
        #expect(index > 0)
        for _ in 0..<index { d.keys("<left>") }
        d.effects = []
        d.keys("<enter>")
        let export = try #require(d.effects.last)
        guard case .export(_, _, _, let workshop, _) = export else {
            Issue.record("no export: \(d.effects)")
            return
        }
        #expect(workshop == nil)
    }

    /// `E` is the Everywhere command "Export report", in the palette, and no view binds `E` to anything else.
    @Test func eIsAnEverywhereCommandInThePalette() throws {
        let command = try #require(CommandRegistry.command("file.export"))
        #expect(command.context == .global && command.title == "Export report" && command.inPalette)
        #expect(CommandRegistry.all.filter { $0.keys.contains(.char("E")) }.map(\.id) == ["file.export"])
        #expect(KeysDoc.markdown().contains("| `E` | Export report | `file.export` |"))
        let d = AppDriver()
        d.keys("4:export report<enter>")
        #expect(exportForm(d) != nil, "the palette opens the export form")
    }
}
