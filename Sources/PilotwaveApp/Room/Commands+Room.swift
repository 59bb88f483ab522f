import PilotwaveCore

// The room of participants who join with `pilotwave join`: opening their rounds and seeing them.
extension CommandRegistry {
    static let roomCommandIDs: Set<CommandID> = ["room.show", "readiness.openRound", "resistance.openRound", "workshop.openRound"]

    static let openRoundHelp = "Open a round that participants answer from their own terminals with `pilotwave join FILE --as NAME`: each participant's answer arrives in the plan's inbox and is applied as one undoable edit; @ shows who is here and who has answered."

    static let readinessOpenRound = Command("readiness.openRound", "Open a readiness round", context: .readiness, keys: ["o"], hint: true, short: "open round",
                                            help: "Participants rate the selected column's team (or the organisation) on every dimension that applies, or only the selected one, 1–5 with a line of evidence. " + openRoundHelp,
                                            availability: editable)
    static let resistanceOpenRound = Command("resistance.openRound", "Open a concerns round", context: .resistance, keys: ["o"], hint: true, short: "open round",
                                             help: "Participants write resistance notes about a team — the kind, the words, named or anonymous (an anonymous concern carries no name anywhere). " + openRoundHelp,
                                             availability: editable)
    static let workshopOpenRound = Command("workshop.openRound", "Open a round for participants", context: .workshop, keys: ["o"], hint: true, short: "open round",
                                           help: "A dot vote, a readiness round or a concerns round. " + openRoundHelp,
                                           availability: editable)
    static let roomShow = Command("room.show", "Room", context: .global, keys: ["@"], short: "room",
                                  help: "Who has joined with `pilotwave join`, each open round with who has answered (never what, before the reveal), refused submissions with the reason, and a revealed readiness round's spread per dimension: V reveals or hides, C closes, Enter records the agreed rating.",
                                  availability: { s in s.room.watching || !s.plan.rounds.isEmpty ? .enabled : .disabled("participants join a plan file that is open for writing: pilotwave join FILE --as NAME") })
}
