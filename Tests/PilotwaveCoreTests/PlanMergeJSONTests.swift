import Foundation
import Testing
@testable import PilotwaveCore

@Suite("Merge values as JSON")
struct PlanMergeJSONTests {
    @Test func elementsSurviveTheRoundTripExactly() throws {
        let plan = DemoPlan.make()
        var note = plan.resistance[0]
        note.words = "\"Quoted\" \\ back/slash, tab\t, line\nbreak, 🚀 and é"
        note.recordedAt = Date(timeIntervalSinceReferenceDate: 812_345_678.25)
        #expect(try MergeCoding.value(ResistanceNote.self, from: MergeCoding.json(note)) == note)
        for team in plan.teams { #expect(try MergeCoding.value(Team.self, from: MergeCoding.json(team)) == team) }
        for s in plan.signals { #expect(try MergeCoding.value(ReadinessSignal.self, from: MergeCoding.json(s)) == s) }
        #expect(MergeCoding.text(plan.signals[0].recordedAt)?.hasSuffix("Z\"") == true)
    }
}
