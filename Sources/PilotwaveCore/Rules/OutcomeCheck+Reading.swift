/// Why an outcome statement reads as an output, in words a facilitator can say to the team.
public struct OutputReading: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// It leads with an output verb: "Launch the new claims app".
        case leadingVerb
        /// It says something gets delivered: "The new portal is launched", "goes live".
        case delivered
        /// It names a thing and no change: "New customer portal".
        case thing
    }

    public var kind: Kind
    /// The output words as written ("launch", "is launched"); empty for ``Kind/thing``.
    public var words: String

    /// Short, for a finding or a list: `"launch"`, `"is launched"`, or "a thing, not a change".
    public var label: String { words.isEmpty ? "a thing, not a change" : "\"\(words)\"" }

    /// Why it reads as an output, in one sentence.
    public var reason: String {
        switch kind {
        case .leadingVerb:
            "It starts from \"\(words)\": that is something the team delivers, not a change anyone makes."
        case .delivered:
            "It says something \"\(words)\": that it was delivered, not what anyone does differently."
        case .thing:
            "It names a thing to have, not a change: nobody does anything differently and nothing is measured to move."
        }
    }
}

extension OutcomeCheck {
    /// What an outcome names, for the screens that show the check.
    public static let outcomeDefinition = "An outcome names a change in customer or business behaviour: who does "
        + "what differently, and by how much (e.g. \"more policyholders report a claim online without calling us\")."

    /// Whether `statement` reads as an output, and why; nil when it reads as an outcome or is blank.
    /// In order: it leads with an output verb (``outputWording(_:)``); it names a change, a measure
    /// or people acting (a word such as increase, fewer, faster, a share or a rate, a %, or a clause
    /// led by customers, brokers, staff…) — then it is an outcome; it says something gets delivered
    /// ("is launched", "has been shipped", "goes live"); otherwise it names a thing, not a change.
    public static func assess(_ statement: String) -> OutputReading? {
        let clauses = clauses(statement)
        guard !clauses.isEmpty else { return nil }
        if let verb = outputWording(statement) { return OutputReading(kind: .leadingVerb, words: verb) }
        if statement.contains("%") { return nil }
        for clause in clauses {
            if clause.contains(where: { outcomeWords.contains($0) || changeWords.contains($0) || measureWords.contains($0) }) {
                return nil
            }
            if leadsWithPeople(clause) { return nil }
        }
        for clause in clauses {
            if let words = deliveredWords(clause) { return OutputReading(kind: .delivered, words: words) }
        }
        return OutputReading(kind: .thing, words: "")
    }

    /// People as the subject: an actor word among the first three words after filler, not after
    /// "for", "to", "of" or "with" ("Brokers get a quote", "Claims handlers close…"; not "portal for brokers").
    static func leadsWithPeople(_ clause: [String]) -> Bool {
        let words = Array(clause.drop { fillers.contains($0) || quantifiers.contains($0) })
        for (i, word) in words.prefix(3).enumerated() where actors.contains(word) {
            if i > 0, ["for", "to", "of", "with", "by"].contains(words[i - 1]) { return false }
            return true
        }
        return false
    }

    /// "is launched", "has been shipped", "will be delivered", "goes live", "is complete": a form of
    /// be or have (and "been"), then an output verb's form or "live".
    static func deliveredWords(_ clause: [String]) -> String? {
        for i in clause.indices {
            if i + 1 < clause.count, twoWordForms.contains(clause[i] + " " + clause[i + 1]) {
                return clause[i] + " " + clause[i + 1]
            }
            guard auxiliaries.contains(clause[i]) else { continue }
            var j = i + 1
            while j < clause.count, ["been", "be", "now", "fully", "successfully", "finally", "all"].contains(clause[j]) { j += 1 }
            if j < clause.count, forms[clause[j]] != nil || clause[j] == "live" {
                return clause[i...j].joined(separator: " ")
            }
        }
        return nil
    }

    static let auxiliaries: Set<String> = ["is", "are", "was", "were", "will", "be", "been", "gets", "get", "got", "has", "have", "had"]

    /// Comparatives and verbs of change beyond ``outcomeWords``.
    static let changeWords: Set<String> = [
        "faster", "quicker", "sooner", "higher", "better", "cheaper", "shorter", "longer", "rises", "rise", "falls",
        "fall", "drops", "drop", "halve", "halved", "doubled", "tripled", "grew", "rose", "fell", "stay", "stays",
        "instead",
    ]

    /// Words that name a measure: the statement says how much, not what is built.
    static let measureWords: Set<String> = [
        "percent", "percentage", "share", "proportion", "rate", "ratio", "nps", "churn", "conversion", "retention",
        "satisfaction", "revenue", "half", "majority", "average", "median", "per",
    ]

    /// Words before the people that do not change who acts ("most brokers", "every customer").
    static let quantifiers: Set<String> = ["all", "most", "many", "our", "existing", "small"]

    /// People whose behaviour an outcome is about.
    static let actors: Set<String> = [
        "customers", "users", "buyers", "clients", "policyholders", "claimants", "members",
        "visitors", "brokers", "agents", "partners", "staff", "employees", "people", "patients", "shoppers",
        "subscribers", "drivers", "sellers", "merchants", "advisers", "advisors", "adjusters", "handlers", "families",
        "households", "businesses", "students", "citizens", "travellers", "travelers", "callers", "applicants",
        "owners", "tenants", "guests", "readers", "underwriters", "reps", "salespeople", "developers", "engineers",
        "nurses", "doctors", "farmers", "retailers", "suppliers", "dealers", "investors", "savers", "borrowers",
    ]
}
