import PilotwaveCore

// Merge conflicts: what `pilotwave merge` (or git with pilotwave as its merge driver) left to decide.
extension CommandRegistry {
    static let conflictsShow = Command(
        "conflicts.show", "Conflicts", context: .global, keys: ["X"],
        help: "The merge conflicts left in the plan, in words, with our value, theirs and the one both started from: Enter (or t) takes theirs, o keeps ours (one undoable edit each), Esc closes. Shows by itself when a plan with conflicts is opened.",
        availability: { s in s.plan.conflicts.isEmpty ? .disabled("no merge conflicts to resolve") : .enabled })
}
