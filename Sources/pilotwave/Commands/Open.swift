import ArgumentParser
import Foundation
import PilotwaveCore
import PilotwaveStorage

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open a plan in the terminal UI (the default: `pilotwave FILE`).",
        discussion: "A plan already open for writing in another pilotwave opens read-only.")

    @Argument(help: "The plan file (JSON). Create one with `pilotwave new FILE` or `pilotwave demo --save-as FILE`.")
    var file: String?

    @OptionGroup var ui: UIOptions

    func run() throws {
        try guarded {
            guard let file else {
                Console.out(Pilotwave.helpMessage())
                return
            }
            let loaded = try PlanFile.load(file, opening: true)
            var lock: PlanLock?
            var readOnly: String?
            do throws(PlanLockError) {
                lock = try PlanLock.acquire(for: fileURL(file))
            } catch {
                readOnly = error.readOnlyNotice
            }
            defer { lock?.release() }
            try Interactive.open(plan: loaded.plan, file: file, stamp: loaded.stamp, readOnly: readOnly, lock: lock, ui: ui)
        }
    }
}
