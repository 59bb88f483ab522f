import Foundation
import PilotwaveCore
import TerminalUI

/// The forms of the Blockers view: the whole blocker, and its owner alone.
extension EditForm {
    static let blockerCategories = BlockerCategory.allCases
    static let blockerStatuses = BlockerStatus.allCases

    /// A new blocker (`blocker` nil; `waves` suggests the gates) or an existing one, with the
    /// names of the teams that surfaced it and the waves it gates, comma-separated.
    static func blocker(_ blocker: Blocker?, teams: String, waves: String) -> EditForm {
        let b = blocker
        return EditForm(purpose: .blocker(b?.id), title: b.map { "Blocker — \(Words.quote($0.title, max: 50))" } ?? "New systemic blocker", fields: [
            textField("title", "Title", b?.title ?? "", limit: 200,
                      help: "What teams cannot fix alone, in one sentence, e.g. \"Funding is per project with fixed annual scope\"."),
            Field(key: "category", label: "Category", editor: .choice(options: blockerCategories.map(\.label),
                                                                      index: blockerCategories.firstIndex(of: b?.category ?? .other) ?? 0),
                  help: "Funding, planning, customer access, capability, decision rights or other (←/→); the guidance below follows it."),
            textField("owner", "Owner", b?.owner ?? "", limit: 80,
                      help: "The leader who owns fixing it; empty while nobody does (the list shows it as the thing to fix)."),
            Field(key: "status", label: "Status", editor: .choice(options: blockerStatuses.map(\.label),
                                                                  index: blockerStatuses.firstIndex(of: b?.status ?? .open) ?? 0),
                  help: "open: nobody is working on it; in progress: someone is (it needs an owner); resolved: it no longer holds any wave."),
            teamField("surfacedBy", "Surfaced by", teams, list: true,
                      help: "The names of the teams that hit it, separated by commas (case is ignored)."),
            textField("waves", "Gates waves", waves, limit: 300,
                      help: "The waves that wait for it, separated by commas: a wave's name or its short name (\"Wave 1\"). It joins their entry gates."),
        ])
    }

    /// Only the owner; `inProgress` also moves the blocker to in progress (from `>`).
    static func blockerOwner(_ blocker: Blocker, inProgress: Bool) -> EditForm {
        EditForm(purpose: .blockerOwner(blocker.id, advance: inProgress),
                 title: inProgress ? "Who is working on \(Words.quote(blocker.title, max: 40))?" : "Owner — \(Words.quote(blocker.title, max: 50))",
                 fields: [
                    textField("owner", "Owner", blocker.owner ?? "", limit: 80,
                              help: "Usually \(BlockerGuidance.owner(blocker.category)). "
                                + (inProgress ? "Enter sets the owner and moves it to in progress." : "Empty: no owner.")),
                 ])
    }

    /// Comma-separated names → the teams (each resolved by ``TeamMatch``, as in every field that
    /// names a team), and an error naming the first that does not resolve to one team.
    static func resolveTeams(_ text: String, plan: Plan) -> (ids: [TeamID], error: String?) {
        let names = text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        var ids: [TeamID] = []
        for name in names {
            let result = TeamMatch.resolve(name, in: plan.teams)
            guard case .team(let found) = result else { return (ids, TeamMatch.problem(name, result)) }
            if !ids.contains(found) { ids.append(found) }
        }
        return (ids, nil)
    }

    /// Comma-separated wave names (full or short) → the waves, and an error naming an unknown one.
    static func resolveWaves(_ text: String, plan: Plan) -> (ids: [WaveID], error: String?) {
        let names = text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        var ids: [WaveID] = []
        let waves = plan.orderedWaves
        for name in names {
            let wanted = name.lowercased()
            var matches = waves.filter { $0.name.lowercased() == wanted }
            if matches.isEmpty { matches = waves.filter { BlockersDerived.shortName($0.name).lowercased() == wanted } }
            if matches.isEmpty { matches = waves.filter { $0.name.lowercased().hasPrefix(wanted) } }
            guard matches.count == 1 else {
                let known = waves.map { BlockersDerived.shortName($0.name) }
                return (ids, matches.isEmpty
                    ? "no wave named \"\(name)\"" + (known.isEmpty ? " (the plan has no waves)" : " (" + Words.short(known, limit: 4) + ")")
                    : "\"\(name)\" fits \(matches.count) waves; use the full name")
            }
            if !ids.contains(matches[0].id) { ids.append(matches[0].id) }
        }
        return (ids, nil)
    }

    /// The names for the "Gates waves" field: short names when they tell the waves apart.
    static func waveNames(_ ids: [WaveID], plan: Plan) -> String {
        let waves = plan.orderedWaves
        let shorts = waves.map { BlockersDerived.shortName($0.name).lowercased() }
        return waves.filter { ids.contains($0.id) }.map { wave in
            let short = BlockersDerived.shortName(wave.name)
            return shorts.count { $0 == short.lowercased() } == 1 ? short : wave.name
        }.joined(separator: ", ")
    }
}
