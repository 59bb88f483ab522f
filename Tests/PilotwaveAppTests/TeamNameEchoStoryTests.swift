import PilotwaveCore
import Testing
import TerminalUI
@testable import PilotwaveApp

/// Every field that names a team says, as it is typed, which team Enter will take — before the
/// room sees a refusal.
@Suite("Team names echoed as typed")
struct TeamNameEchoStoryTests {
    @Test func theCaptureFormShowsTheTeamTheTypedNameResolvesTo() throws {
        let d = AppDriver(plan: try FortyTeams.plan())
        d.keys("3!")
        d.type("We tried this in 2019")
        d.keys("<tab><tab>")
        d.type("broker")
        #expect(d.screen.contains("? fits Policy Broker Hub, Sales Broker Hub or Finance Broker Hub; type more"),
                "three teams fit: the room sees them all")
        d.type(" s")
        #expect(d.screen.contains("= Sales Broker Hub"))
        d.keys("<enter>")
        #expect(d.state.overlay == nil, "\(d.screen)")
        let note = try #require(d.state.plan.resistance.last)
        #expect(d.state.plan.teams.first { $0.id == note.team }?.name == "Sales Broker Hub")
        #expect(note.words == "We tried this in 2019")
    }

    @Test func aNameThatFitsNoTeamSaysSoAndOffersTheNearest() throws {
        let d = AppDriver(plan: try FortyTeams.plan())
        d.keys("!")
        d.type("Not again")
        d.keys("<tab><tab>")
        d.type("Claims Renewels")
        #expect(d.screen.contains("? no team named \"Claims Renewels\"; did you mean Claims Renewals?"))
        d.keys("<enter>")
        #expect(d.screen.contains("did you mean Claims Renewals?"), "Enter refuses it with the same words")
        #expect(!d.screen.contains("Renewals?."), "no doubled punctuation")
    }

    @Test func aListOfTeamsIsEchoedNameByName() throws {
        let d = AppDriver()
        d.keys("7a")  // a new blocker
        for _ in 0..<4 { d.keys("<tab>") }
        #expect(d.state.overlay.map { if case .editForm(let f) = $0 { f.focused.key } else { "" } } == "surfacedBy")
        d.type("broker, claims int")
        #expect(d.screen.contains("= Broker Hub, Claims Intake"))
    }
}
