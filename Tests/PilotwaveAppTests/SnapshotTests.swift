import Foundation
import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// Each view as the screen shows it, at the sizes people use, against committed goldens.
/// The demo plan carries CJK (顧客ポータル), accented Latin (Équipe Crème) and an emoji (🚀 Launchpad).
@Suite("Screen snapshots")
struct SnapshotTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 80, height: 24), Layout.minimum]

    static func name(_ view: String, _ size: Size) -> String { "\(view)-\(size.width)x\(size.height)" }

    @Test(arguments: sizes)
    func teams(_ size: Size) throws {
        let d = AppDriver(size: size)
        d.keys("jjjj")  // 顧客ポータル
        try Goldens.check(Self.name("teams", size), d.frame.canvas, theme: .standard)
        try Goldens.check(Self.name("teams-mono", size), d.frame.canvas, theme: .mono)
    }

    @Test(arguments: sizes)
    func overview(_ size: Size) throws {
        let d = AppDriver(size: size)
        d.keys("1")
        try Goldens.check(Self.name("overview", size), d.frame.canvas, theme: .standard)
        try Goldens.check(Self.name("overview-mono", size), d.frame.canvas, theme: .mono)
    }

    @Test(arguments: sizes)
    func teamForm(_ size: Size) throws {
        let d = AppDriver(size: size)
        d.keys("jjjjj<enter><tab><tab>")
        try Goldens.check(Self.name("form", size), d.frame.canvas, theme: .standard)
    }

    @Test(arguments: sizes)
    func pilots(_ size: Size) throws {
        let d = AppDriver(size: size)
        d.keys("3jj]")  // Broker Hub selected, Learning appetite focused
        try Goldens.check(Self.name("pilots", size), d.frame.canvas, theme: .standard)
        try Goldens.check(Self.name("pilots-mono", size), d.frame.canvas, theme: .mono)
    }

    @Test(arguments: sizes)
    func readiness(_ size: Size) throws {
        let d = AppDriver(size: size)
        d.keys("4jjjl")  // Funded by outcomes × Claims Intake
        try Goldens.check(Self.name("readiness", size), d.frame.canvas, theme: .standard)
        try Goldens.check(Self.name("readiness-mono", size), d.frame.canvas, theme: .mono)
    }

    @Test(arguments: sizes)
    func resistance(_ size: Size) throws {
        let d = AppDriver(size: size)
        d.keys("5j")
        try Goldens.check(Self.name("resistance", size), d.frame.canvas, theme: .standard)
        try Goldens.check(Self.name("resistance-mono", size), d.frame.canvas, theme: .mono)
    }

    @Test(arguments: sizes)
    func waves(_ size: Size) throws {
        let d = AppDriver(size: size)
        d.keys("6lj")  // Wave 1, second team
        try Goldens.check(Self.name("waves", size), d.frame.canvas, theme: .standard)
        try Goldens.check(Self.name("waves-mono", size), d.frame.canvas, theme: .mono)
    }

    @Test(arguments: [Size(width: 120, height: 40), Size(width: 80, height: 24)])
    func wavesTimelineAndScenarios(_ size: Size) throws {
        let d = AppDriver(size: size)
        d.keys("6ljt")  // the timeline on Wave 1
        try Goldens.check(Self.name("timeline", size), d.frame.canvas, theme: .standard)
        try Goldens.check(Self.name("timeline-mono", size), d.frame.canvas, theme: .mono)
        d.keys("<esc>s")
        try Goldens.check(Self.name("scenarios", size), d.frame.canvas)
        d.keys("cjc")  // the current plan against the demo's scenario
        try Goldens.check(Self.name("scenario-compare", size), d.frame.canvas)
    }

    @Test(arguments: [Size(width: 120, height: 40), Size(width: 80, height: 24)])
    func workshop(_ size: Size) throws {
        let d = AppDriver(size: size)
        d.keys("8j<enter>")  // the demo's planned readiness check-in, its second step running
        d.clock.advance(754)
        d.send(.tick(d.clock.now))
        try Goldens.check(Self.name("workshop", size), d.frame.canvas, theme: .standard)
        try Goldens.check(Self.name("workshop-mono", size), d.frame.canvas, theme: .mono)
        d.keys("P")
        try Goldens.check(Self.name("presenter", size), d.frame.canvas)
        d.keys("a")
        try Goldens.check(Self.name("presenter-action", size), d.frame.canvas)
    }

    @Test(arguments: sizes)
    func blockers(_ size: Size) throws {
        let d = AppDriver(size: size)
        d.keys("7j")  // the second open blocker: coaching capacity, unowned, gating Wave 2
        try Goldens.check(Self.name("blockers", size), d.frame.canvas, theme: .standard)
        try Goldens.check(Self.name("blockers-mono", size), d.frame.canvas, theme: .mono)
    }

    @Test func conflictsOverlay() throws {
        let d = AppDriver(plan: ConflictsStoryTests.plan(), size: Size(width: 100, height: 30))
        try Goldens.check("conflicts-100x30", d.frame.canvas)
    }

    @Test func blockersOverlays() throws {
        let d = AppDriver(size: Size(width: 120, height: 40))
        d.keys("7jjje")  // Quarterly planning, in progress
        try Goldens.check("blockers-form-120x40", d.frame.canvas)
        d.keys("<esc>s")
        try Goldens.check("blockers-by-wave-120x40", d.frame.canvas)
        let narrow = AppDriver.resized(d, Size(width: 80, height: 24))
        narrow.keys("d")
        try Goldens.check("blockers-delete-80x24", narrow.frame.canvas)
    }

    @Test func readinessAndResistanceOverlays() throws {
        let d = AppDriver(size: Size(width: 120, height: 40))
        d.keys("4<enter>")
        try Goldens.check("readiness-history-120x40", d.frame.canvas)
        d.state.readiness.recorder = "Ana"  // named earlier in the session
        d.keys("<esc>jjjlr2")
        try Goldens.check("readiness-record-120x40", d.frame.canvas)
        d.keys("<enter>")
        try Goldens.check("readiness-systemic-120x40", d.frame.canvas)
        d.keys("2j!")
        d.type("We have no time for interviews")
        try Goldens.check("capture-120x40", d.frame.canvas)
        d.keys("<enter>5<enter>")
        try Goldens.check("resistance-note-120x40", d.frame.canvas)
        d.keys("<esc>t")
        try Goldens.check("stakeholders-120x40", d.frame.canvas)
    }

    @Test func pilotsSessionOverlays() throws {
        let size = Size(width: 120, height: 40)
        let d = AppDriver(size: size)
        d.keys("3v<enter>")
        d.type("Ana")
        d.keys("<enter>++jj+")
        try Goldens.check("pilots-ballot-120x40", d.frame.canvas)
        d.keys("<enter>V")
        try Goldens.check("pilots-revealed-120x40", d.frame.canvas)
        d.keys("mjmc")
        try Goldens.check("pilots-compare-120x40", d.frame.canvas)
        d.keys("<esc>]r")
        try Goldens.check("pilots-rate-120x40", d.frame.canvas)
        d.keys("<esc>o<ctrl-u>")
        d.type("Launch the app")
        try Goldens.check("pilots-outcome-120x40", d.frame.canvas)
        d.keys("<esc>D")
        try Goldens.check("pilots-decision-80x24", AppDriver.resized(d, Size(width: 80, height: 24)).frame.canvas)
    }

    @Test func helpPaletteAndDialogs() throws {
        let size = Size(width: 100, height: 30)
        let d = AppDriver(size: size)
        d.keys("?")
        try Goldens.check("help-100x30", d.frame.canvas)
        d.keys("<esc>:sort")
        try Goldens.check("palette-100x30", d.frame.canvas)
        d.keys("<esc>")
        d.send(.fileChangedOnDisk)
        try Goldens.check("external-change-100x30", d.frame.canvas)
    }

    @Test func filteredAndEmpty() throws {
        let d = AppDriver(size: Size(width: 80, height: 24))
        d.keys("/ü")
        try Goldens.check("teams-filtering-80x24", d.frame.canvas)
        let empty = AppDriver(plan: Plan.empty(id: "plan-1", name: "Fresh start", organisation: "Acme"),
                              size: Size(width: 80, height: 24))
        try Goldens.check("teams-empty-80x24", empty.frame.canvas)
    }

    @Test func tooSmall() throws {
        let d = AppDriver(size: Size(width: 30, height: 8))
        try Goldens.check("too-small-30x8", d.frame.canvas)
    }

    @Test func highContrastLooksDifferentButSaysTheSame() {
        let d = AppDriver(size: Size(width: 80, height: 24))
        let standard = Goldens.lookLayer(d.frame.canvas, theme: .standard)
        let high = Goldens.lookLayer(d.frame.canvas, theme: .highContrast)
        #expect(standard != high)
        // Meaning is never colour alone: the selected row has a marker in every theme.
        #expect(d.screen.contains("▶ Claims Intake"))
    }
}
