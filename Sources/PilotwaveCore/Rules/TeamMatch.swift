import Foundation

/// Typed text → a team, the same way in every field that names a team: the exact name, then the
/// name ignoring case, accents, emoji and punctuation, then the start of the name or of a word in
/// it, then a part of it, then the starts of its words in any order ("broker s"), then its
/// letters in order ("lnchpd"). When the text fits several teams
/// it says which ("did you mean …"), never picks one at random; when it fits none, it offers the
/// nearest name if there is a close one.
public enum TeamMatch {
    public enum Result: Equatable, Sendable {
        case team(TeamID)
        /// Several teams fit equally well: their names, at most four.
        case ambiguous([String])
        /// No team fits; the nearest name when one is close (a typo).
        case none(nearest: String?)
    }

    /// The teams' names as they are matched, made once for a list of teams and reused while it
    /// does not change (a field resolving its text at every typed key).
    public struct Index: Sendable, Equatable {
        public let folded: [String]
        public init(_ teams: [Team]) { folded = teams.map { TeamMatch.fold($0.name) } }
    }

    /// `typed` resolved among `teams`. `index`, when given, must be made from `teams`;
    /// `nearest: false` skips looking for a near name when none fits (the costly part).
    public static func resolve(_ typed: String, in teams: [Team], index: Index? = nil, nearest: Bool = true) -> Result {
        let wanted = typed.trimmingWhitespace()
        guard !wanted.isEmpty else { return .none(nearest: nil) }
        if let exact = teams.first(where: { $0.name == wanted }) { return .team(exact.id) }
        let key = fold(wanted)
        guard !key.isEmpty else { return .none(nearest: nil) }
        let folded = index.map(\.folded).flatMap { $0.count == teams.count ? $0 : nil } ?? teams.map { fold($0.name) }
        // A word of the name starts at its beginning or after a space (folded names have single spaces).
        let spacedKey = " " + key
        let keyWords = key.split(separator: " ").map { (String($0), " " + $0) }
        let letters = key.filter { $0 != " " }
        let stages: [(String) -> Bool] = [
            { $0 == key },
            { $0.hasPrefix(key) || $0.contains(spacedKey) },
            { $0.contains(key) },
            // Each typed word starts a word of the name, in any order: "broker s" → Sales Broker Hub.
            { name in keyWords.count > 1 && keyWords.allSatisfy { name.hasPrefix($0.0) || name.contains($0.1) } },
            { isSubsequence(letters, of: $0) },
        ]
        for stage in stages {
            let hits = teams.indices.filter { stage(folded[$0]) }
            if hits.count == 1 { return .team(teams[hits[0]].id) }
            if hits.count > 1 { return .ambiguous(hits.prefix(4).map { teams[$0].name }) }
        }
        guard nearest else { return .none(nearest: nil) }
        var best: (distance: Int, name: String)?
        for i in teams.indices {
            let d = distance(key, folded[i])
            if d <= max(1, key.count / 3), d < (best?.distance ?? .max) { best = (d, teams[i].name) }
        }
        return .none(nearest: best?.name)
    }

    /// What to tell the user when `typed` did not resolve to one team; nil when it did.
    public static func problem(_ typed: String, _ result: Result) -> String? {
        let shown = "\"\(typed.trimmingWhitespace())\""
        switch result {
        case .team: return nil
        case .ambiguous(let names):
            return "\(shown) fits several teams: did you mean \(Words.list(names, conjunction: "or"))?"
        case .none(let nearest):
            return "no team named \(shown)" + (nearest.map { ": did you mean \($0)?" } ?? "")
        }
    }

    /// The name as it is matched: lower case, no accents, letters, digits and single spaces only.
    public static func fold(_ name: String) -> String {
        let plain = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out = ""
        var space = false
        for c in plain {
            if c.isLetter || c.isNumber {
                if space && !out.isEmpty { out.append(" ") }
                out.append(c)
                space = false
            } else {
                space = true
            }
        }
        return out
    }

    static func isSubsequence(_ needle: String, of haystack: String) -> Bool {
        var it = haystack.makeIterator()
        outer: for c in needle {
            while let h = it.next() { if h == c { continue outer } }
            return false
        }
        return true
    }

    /// Edit distance (insertions, deletions, substitutions).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return row[b.count]
    }
}
