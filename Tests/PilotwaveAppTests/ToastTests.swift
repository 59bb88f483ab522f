import Foundation
import Testing
import TerminalUI
@testable import PilotwaveApp

/// Messages on the status line: what kind each one is, where it shows and when it goes.
@Suite("Toasts")
struct ToastTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/PilotwaveApp")

    /// Every `toast(&state, …)` call in the app, from its first line to the `env` argument, with
    /// where it is.
    static func callSites() throws -> [(place: String, call: String)] {
        var out: [(String, String)] = []
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        for file in files {
            let lines = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8).components(separatedBy: "\n")
            for (i, line) in lines.enumerated() where line.contains("toast(&state") {
                var call = line
                var j = i
                while !call.contains("env") && j + 1 < lines.count {
                    j += 1
                    call += lines[j]
                }
                // Up to the end of the line the `env` argument is on (where `kind:` goes).
                out.append(("\(file):\(i + 1)", call))
            }
        }
        return out
    }

    @Test func noOpsAndCaveatsAreNotShownAsDone() throws {
        let sites = try Self.callSites()
        #expect(sites.count > 80, "the scan finds the call sites")
        // Words that say nothing changed, or that something went only partly well.
        let notDone = [" but ", "already", "nothing", "No change", "no view of its own", "Cancelled"]
        for site in sites {
            let call = site.call
            let hit = notDone.first { call.contains($0) }
            guard let hit else { continue }
            // A kind given outright, or chosen by a condition (`kind: x == nil ? .done : .warning`).
            let kind = call.components(separatedBy: "kind: ").dropFirst().first ?? ""
            #expect(kind.hasPrefix(".info") || kind.hasPrefix(".warning") || kind.hasPrefix(".error")
                    || (kind.contains("?") && (kind.contains(".warning") || kind.contains(".info") || kind.contains(".error"))),
                    "\(site.place): a message with \"\(hit)\" is shown as ✓ done: \(call.trimmingCharacters(in: .whitespaces))")
        }
    }

    @Test func eachKindHasItsOwnMark() {
        #expect(Set(ToastKind.allCases.map(\.mark)).count == ToastKind.allCases.count)
        #expect(ToastKind.done.mark == "✓" && ToastKind.error.mark == "✗" && ToastKind.warning.mark == "!")
    }

    @Test func aNoOpShowsNoTick() {
        let d = AppDriver(size: Size(width: 120, height: 40))
        d.keys("2s")  // sorting is not an edit
        #expect(d.state.toast?.kind == .info)
        let status = d.screen.lines[Layout.status(d.state.size).y]
        #expect(status.contains("· Sorted by"), "\(status)")
        #expect(!status.contains("✓"), "\(status)")
    }

    @Test func aMessageGoesWhenTheViewChanges() {
        let d = AppDriver(size: Size(width: 120, height: 40))
        d.keys("2u")  // nothing to undo: a message on Teams
        #expect(d.state.toast != nil)
        d.keys("6")
        #expect(d.state.toast == nil, "the Teams message is not carried to Waves")
        #expect(!d.screen.lines[Layout.status(d.state.size).y].contains("undo"))
    }

    @Test func undoNamesAndShowsWhereTheChangeWas() {
        let d = AppDriver(size: Size(width: 120, height: 40))
        d.keys("2d")  // delete the selected team on Teams
        let deleted = d.state.history.nextUndoTitle ?? ""
        #expect(!deleted.isEmpty)
        d.keys("6u")  // undo from Waves
        #expect(d.state.toast?.text == "Undid: \(deleted) (Teams, 2)", "undo says which view the change was on")
        #expect(d.screen.lines[Layout.status(d.state.size).y].contains("✓ Undid: \(deleted) (Teams, 2)"))
        d.keys("1<ctrl-r>")
        #expect(d.state.toast?.text == "Redid: \(deleted) (Teams, 2)")
    }
}
