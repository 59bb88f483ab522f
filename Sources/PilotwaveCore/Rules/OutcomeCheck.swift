/// Spotting outcomes worded as outputs ("launch the app") rather than changes in behaviour
/// (DOMAIN.md §3).
public enum OutcomeCheck {
    /// Output verbs in their base form; their inflections and nouns are matched too.
    public static let outputVerbs: [String] = [
        "launch", "ship", "build", "deliver", "release", "implement", "develop", "create", "complete",
        "migrate", "deploy", "introduce", "finish", "publish", "rebuild", "redesign", "add", "replace",
        "integrate", "upgrade", "roll out", "go live",
    ]

    /// The output verb the statement is built around, lower-cased as written ("launch", "shipped",
    /// "roll out"), or `nil`. A clause counts when, after filler such as "we will", "our goal is to" or
    /// "by Q3", it starts with an output verb, and no outcome verb (increase, reduce, improve…) came
    /// before it. Whole words only: "relaunch" is not "launch", and "customers who complete onboarding"
    /// is not flagged because the verb does not lead its clause.
    public static func outputWording(_ statement: String) -> String? {
        for clause in clauses(statement) {
            var i = 0
            while i < clause.count {
                if fillers.contains(clause[i]) {
                    i += 1
                } else if timeWords.contains(clause[i]), i + 1 < clause.count, forms[clause[i + 1]] == nil {
                    i += 2
                } else {
                    break
                }
            }
            if i < clause.count {
                if i + 1 < clause.count, twoWordForms.contains(clause[i] + " " + clause[i + 1]) {
                    return clause[i] + " " + clause[i + 1]
                }
                if forms[clause[i]] != nil { return clause[i] }
            }
            if clause.contains(where: { outcomeWords.contains($0) }) { return nil }
        }
        return nil
    }

    // MARK: Vocabulary

    /// Every inflection and noun form of the single-word output verbs, mapped to the base form.
    static let forms: [String: String] = {
        let irregular: [String: [String]] = [
            "ship": ["shipped", "shipping", "shipment"],
            "build": ["built"],
            "deliver": ["delivery"],
            "implement": ["implementation"],
            "develop": ["development"],
            "create": ["creation"],
            "complete": ["completion"],
            "migrate": ["migration"],
            "deploy": ["deployment"],
            "introduce": ["introduction"],
            "publish": ["publication"],
            "rebuild": ["rebuilt"],
            "add": ["added", "adding", "addition"],
            "replace": ["replacement"],
            "integrate": ["integration"],
        ]
        var map: [String: String] = [:]
        for verb in outputVerbs where !verb.contains(" ") {
            var words = [verb] + (irregular[verb] ?? [])
            if verb.hasSuffix("e") {
                words += [verb + "s", verb + "d", String(verb.dropLast()) + "ing"]
            } else if verb.hasSuffix("sh") || verb.hasSuffix("ch") {
                words += [verb + "es", verb + "ed", verb + "ing"]
            } else {
                words += [verb + "s", verb + "ed", verb + "ing"]
            }
            for word in words { map[word] = verb }
        }
        map["rollout"] = "roll out"
        return map
    }()

    static let twoWordForms: Set<String> = [
        "roll out", "rolls out", "rolled out", "rolling out",
        "go live", "goes live", "went live", "going live",
    ]

    /// Words that can precede the main verb without changing what the statement is about.
    static let fillers: Set<String> = [
        "we", "we'll", "will", "shall", "to", "must", "should", "can", "need", "needs", "the", "team",
        "teams", "our", "they", "it", "is", "are", "be", "going", "want", "wants", "aim", "aims", "plan",
        "plans", "goal", "successfully", "fully", "finally", "first", "then", "and", "also", "i", "us",
        "let's", "lets", "let", "a", "an",
    ]

    /// Words that open a time phrase of one more word ("by Q3", "in June", "before launch").
    static let timeWords: Set<String> = ["by", "in", "before", "within", "until", "during", "this", "next"]

    /// Words that name a change in behaviour or a measure; once seen, the statement is about outcomes.
    static let outcomeWords: Set<String> = [
        "increase", "increases", "increased", "increasing", "reduce", "reduces", "reduced", "reducing",
        "decrease", "decreases", "decreased", "improve", "improves", "improved", "improving", "grow",
        "grows", "growing", "raise", "raises", "lower", "lowers", "cut", "cuts", "double", "doubles",
        "halve", "halves", "triple", "boost", "boosts", "lift", "lifts", "shorten", "shortens", "expand",
        "retain", "retains", "more", "fewer", "less", "from",
    ]

    /// Lower-cased words of each clause; clauses split at , ; : . ! ? ( ) newlines and dashes.
    static func clauses(_ text: String) -> [[String]] {
        var clauses: [[String]] = []
        var clause: [String] = []
        var word = ""
        func endWord() {
            if !word.isEmpty { clause.append(word) }
            word = ""
        }
        func endClause() {
            endWord()
            if !clause.isEmpty { clauses.append(clause) }
            clause = []
        }
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                word.append(ch)
            } else if (ch == "'" || ch == "’" || ch == "-") && !word.isEmpty {
                word.append(ch == "’" ? "'" : ch)
            } else if ",;:.!?()\n–—".contains(ch) || (ch == "-" && word.isEmpty) {
                endClause()
            } else {
                endWord()
            }
        }
        endClause()
        return clauses
    }
}
