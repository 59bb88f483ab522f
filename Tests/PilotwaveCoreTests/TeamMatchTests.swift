import Foundation
import Testing
@testable import PilotwaveCore

/// One team picker for every field that names a team: typed text → one team, or why not.
@Suite("Team match: typed text to a team")
struct TeamMatchTests {
    let teams = DemoPlan.make().teams

    func name(_ typed: String) -> String? {
        guard case .team(let id) = TeamMatch.resolve(typed, in: teams) else { return nil }
        return teams.first { $0.id == id }?.name
    }

    @Test func exactThenCaseAccentAndEmojiInsensitiveThenPrefixThenLettersInOrder() {
        #expect(name("🚀 Launchpad") == "🚀 Launchpad")
        #expect(name("Launchpad") == "🚀 Launchpad", "the emoji need not be typed")
        #expect(name("launch") == "🚀 Launchpad")
        #expect(name("equipe creme") == "Équipe Crème")
        #expect(name("zahlungen sud") == "Zahlungen Süd")
        #expect(name("triage") == "Claims Triage", "the start of any word of the name")
        #expect(name("quote & buy") == "Quote & Buy")
        #expect(name("quote buy") == "Quote & Buy", "punctuation need not be typed")
        #expect(name("lnchpd") == "🚀 Launchpad", "its letters in order")
        #expect(name("triage cl") == "Claims Triage", "the starts of its words, in any order")
        #expect(name("hub bro") == "Broker Hub")
        #expect(name("顧客ポータル") == "顧客ポータル")
    }

    @Test func severalFitsAskDidYouMeanAndNoneOffersTheNearest() {
        let claims = TeamMatch.resolve("claims", in: teams)
        guard case .ambiguous(let names) = claims else { Issue.record("\(claims)"); return }
        #expect(names.contains("Claims Intake") && names.contains("Claims Triage"))
        #expect(TeamMatch.problem("claims", claims)?.hasPrefix("\"claims\" fits several teams: did you mean Claims Intake, Claims Triage") == true)
        let typo = TeamMatch.resolve("Brokr Hubb", in: teams)
        #expect(TeamMatch.problem("Brokr Hubb", typo) == "no team named \"Brokr Hubb\": did you mean Broker Hub?")
        let unknown = TeamMatch.resolve("Zebra", in: teams)
        #expect(TeamMatch.problem("Zebra", unknown) == "no team named \"Zebra\"")
        #expect(TeamMatch.resolve("  ", in: teams) == .none(nearest: nil))
    }
}
