import Foundation
import PilotwaveCore
import Testing
@testable import PilotwaveStorage

/// `settings.robustnessTopN` is an optional field: written only when set, read by the fast reader
/// and by Foundation alike, absent in older files (no schema bump, no migration).
@Suite("Plan settings: the robustness N")
struct SettingsFieldTests {
    @Test func setIsWrittenAndReadBackByBothPaths() throws {
        var plan = DemoPlan.make()
        plan.settings.robustnessTopN = 5
        let data = try PlanCodec.encode(plan)
        #expect(String(decoding: data, as: UTF8.self).contains("\"robustnessTopN\" : 5"))
        #expect(data == (try PlanCodec.encodeWithFoundation(plan)), "the fast writer writes what Foundation writes")
        #expect(PlanCodec.decodeFast(data)?.settings.robustnessTopN == 5, "the fast reader reads it, not stepping aside")
        #expect(try PlanCodec.decode(data, file: "plan.json").settings.robustnessTopN == 5)
        #expect(try PlanCodec.decodeWithFoundation(data, file: "plan.json").settings.robustnessTopN == 5)
        #expect(PlanCodec.fastPathsMatchModel)
    }

    @Test func unsetIsLeftOutAndOlderFilesReadAsUnset() throws {
        let plan = DemoPlan.make()
        let data = try PlanCodec.encode(plan)
        #expect(!String(decoding: data, as: UTF8.self).contains("robustnessTopN"))
        #expect(try PlanCodec.decode(data, file: "plan.json").settings.robustnessTopN == nil)
        #expect(PlanSettings.robustnessN(plan) == 4, "unset: the recommended pilot count's upper bound")
    }

    @Test func anEditRefusesAnNBelowOne() {
        var plan = DemoPlan.make()
        var settings = plan.settings
        settings.robustnessTopN = 0
        #expect(throws: EditError.self) { try PlanEdit.setSettings(settings).apply(to: &plan) }
    }
}
