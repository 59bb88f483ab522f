/// The robustness check in words, for the Pilots view's box, `pilotwave rank` and a recorded
/// decision: whether the top N holds under one-step weight changes, and every pilot chosen from
/// outside it.
extension Robustness {
    /// Every pilot (``PilotCount/pilots(_:)``) ranked outside the top N, with its 1-based rank, in
    /// rank order. `order` is the ranking (team indices in `plan.teams`).
    public func pilotsOutside(_ plan: Plan, order: [Int32]) -> [(team: Int32, rank: Int)] {
        let pilots = Set(PilotCount.pilots(plan).map(\.id))
        let inTop = Set(top)
        return order.enumerated().compactMap { r, t in
            !inTop.contains(t) && pilots.contains(plan.teams[Int(t)].id) ? (t, r + 1) : nil
        }
    }

    /// "Pilots outside the top 3: Fraud Signals (#5) and 🚀 Launchpad (#7)", or nil when none is.
    public func pilotsOutsideText(_ plan: Plan, order: [Int32]) -> String? {
        pilotsOutsideText(plan, outside: pilotsOutside(plan, order: order))
    }

    /// The same from pilots already found outside the top N (a view's cache).
    public func pilotsOutsideText(_ plan: Plan, outside: [(team: Int32, rank: Int)]) -> String? {
        guard !outside.isEmpty else { return nil }
        let names = outside.map { "\(plan.teams[Int($0.team)].name) (#\($0.rank))" }
        return (outside.count == 1 ? "Pilot outside the top \(n): " : "Pilots outside the top \(n): ") + Words.list(names)
    }

    /// The verdict in one sentence: "Top 3 stable under each of the 12 one-step weight changes" or
    /// "Top 3 fragile: Broker Hub drops out if Familiarity +1", then the pilots outside the top N.
    public func verdict(_ plan: Plan, order: [Int32]) -> String {
        var text: String
        if n == 0 {
            text = "No ranked teams"
        } else if isStable {
            text = "Top \(n) stable under each of the \(shiftsTried) one-step weight changes"
        } else {
            let out = dropsOut.sorted { $0.key < $1.key }.map {
                "\(plan.teams[Int($0.key)].name) drops out if " + Words.list($0.value.map(\.label), conjunction: "or")
            }
            text = "Top \(n) fragile: " + out.joined(separator: "; ")
        }
        if let outside = pilotsOutsideText(plan, order: order) { text += "; " + outside.prefix(1).lowercased() + String(outside.dropFirst()) }
        return text
    }
}

/// What the checks said about a pilot selection when it was decided, kept with the decision so the
/// log shows the risks taken knowingly.
public enum SelectionChecks {
    /// The robustness verdict for the plan's N, and the outcome problems of the pilots.
    public static func notes(_ plan: Plan, today: Day) -> [String] {
        let model = RankingModel(plan: plan)
        let robustness = Robustness.analyse(model, n: PlanSettings.robustnessN(plan))
        var notes = ["Robustness: " + robustness.verdict(plan, order: model.rank().order)]
        let outcomes = PlanChecks.pilotOutcomes(CheckContext(plan: plan, today: today))
        notes.append(outcomes.isEmpty ? "Outcomes: every pilot has one, worded as a change, with a metric, baseline and target"
            : "Outcomes: " + outcomes.map(\.message).joined(separator: "; "))
        return notes
    }

    /// A decision's text with the notes appended: "We start with … — When decided: Robustness: …".
    public static func text(_ text: String, notes: [String]) -> String {
        notes.isEmpty ? text : text + " — When decided: " + notes.joined(separator: ". ") + "."
    }
}
