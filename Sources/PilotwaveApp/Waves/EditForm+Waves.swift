import Foundation
import PilotwaveCore
import TerminalUI

// The Waves view's forms: a wave's dates and check-ins, seeding a coach, naming and adopting scenarios.
extension EditForm {
    static let statusOptions = WaveStatus.allCases.map(\.label)

    /// A wave's name, dates, check-ins and status; `wave` nil for a new one.
    static func wave(_ wave: Wave?, suggestedName: String = "") -> EditForm {
        let status = WaveStatus.allCases.firstIndex(of: wave?.status ?? .planned) ?? 0
        return EditForm(purpose: .wave(wave?.id), title: wave.map { "Wave — \($0.name)" } ?? "New wave", fields: [
            textField("name", "Name", wave?.name ?? suggestedName, limit: 60, help: "How the wave is called on the board and in reports."),
            dateField("start", "Starts", wave?.start.map { [$0] } ?? [],
                      help: dateHelp + "; empty while undecided. The timeline places the wave by its dates."),
            dateField("end", "Ends", wave?.end.map { [$0] } ?? [], help: dateHelp + "; empty while undecided."),
            dateField("checkIns", "Check-ins", wave?.checkIns ?? [], list: true,
                      help: "Dates the wave's teams and coaches meet to review outcomes and blockers, comma-separated (2026-12-18, fri, +2w, …)."),
            Field(key: "status", label: "Status", editor: .choice(options: statusOptions, index: status),
                  help: "Planned, active or done. A wave whose entry gate is unmet starts with A on the board, which asks for a reason."),
        ])
    }

    /// The wave the form describes, or nil with the fields in error marked.
    mutating func buildWave(_ existing: Wave?, plan: Plan, id: WaveID, gate: [WavePlanning.GateItem], today: Day) -> Wave? {
        clearErrors()
        let name = text("name").trimmingWhitespace()
        if name.isEmpty { setError("name", "a name for the wave") }
        if plan.waves.contains(where: { $0.name == name && $0.id != existing?.id }) { setError("name", "another wave has that name") }
        let start = day("start", today: today)
        let end = day("end", today: today)
        if let start, let end, end < start { setError("end", "before the start (\(start))") }
        let checkIns = days("checkIns", today: today)
        let status = WaveStatus.allCases[min(choice("status"), WaveStatus.allCases.count - 1)]
        let unmet = gate.filter { !$0.met }
        if status == .active, existing?.status == .planned, !unmet.isEmpty {
            setError("status", "the entry gate is unmet (\(unmet.count)); A on the board starts it with a reason")
        }
        guard focusFirstError() else { return nil }
        var wave = existing ?? Wave(id: id, name: name, order: (plan.waves.map(\.order).max() ?? -1) + 1)
        wave.name = name
        wave.start = start
        wave.end = end
        wave.checkIns = checkIns.sorted()
        wave.status = status
        // Dates the plan checks would question are shown on their fields first; Enter again saves.
        let warnings = PlanChecks.waveDateWarnings(wave, plan: plan, today: today)
        var fresh: Int?
        for i in fields.indices {
            let warning = warnings[fields[i].key]
            if let warning, warning != fields[i].warning, fresh == nil { fresh = i }
            fields[i].warning = warning
        }
        if let fresh {
            focus = fresh
            return nil
        }
        return wave
    }

    /// Seeding a coach from `team`: the person's name and how many teams they can carry.
    static func seedCoach(_ team: Team) -> EditForm {
        EditForm(purpose: .seedCoach(team.id), title: "Seed a coach from \(team.name)", fields: [
            textField("name", "Coach", "", limit: 80,
                      help: "The member of \(team.name) who will coach teams of later waves (once their own wave has run)."),
            Field(key: "capacity", label: "Capacity", editor: .count(TextInput(String(Coach.defaultCapacity), limit: 2)),
                  help: "Teams they can carry at once (a new coach usually starts with fewer)."),
        ])
    }

    /// A new scenario copied from `from` (nil: the plan as it stands).
    static func newScenario(from: Scenario?, plan: Plan) -> EditForm {
        let base = from?.name ?? "the current plan"
        return EditForm(purpose: .newScenario(from: from?.id), title: "New scenario from \(base)", fields: [
            textField("name", "Name", "", limit: 60, help: "E.g. \"Two coaches more\" or \"Finance first\"."),
            textField("note", "Idea", "", limit: 300, help: "What this scenario tries, in a sentence (shown beside it)."),
        ])
    }

    static func renameScenario(_ s: Scenario) -> EditForm {
        EditForm(purpose: .renameScenario(s.id), title: "Scenario — \(s.name)", fields: [
            textField("name", "Name", s.name, limit: 60, help: "The scenario's name."),
            textField("note", "Idea", s.note, limit: 300, help: "What this scenario tries, in a sentence."),
        ])
    }

    static func adoptScenario(_ s: Scenario) -> EditForm {
        EditForm(purpose: .adoptScenario(s.id), title: "Adopt \(s.name) as the plan", fields: [
            textField("by", "Decided by", "", limit: 120, help: "Who takes the decision (it goes to the decision log)."),
            textField("reason", "Why", "", limit: 300, help: "Why this scenario (optional, recorded with the decision). The plan as it is now is kept as a scenario."),
        ])
    }
}
