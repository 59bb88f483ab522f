/// Fuzzy matching for the command palette: every query character must appear in order; matches at
/// word starts and consecutive runs score higher.
public enum Fuzzy {
    /// The score of `candidate` for `query` (higher is better) and the matched character offsets,
    /// or nil when it does not match. An empty query matches everything with score 0.
    public static func match(_ query: String, _ candidate: String) -> (score: Int, positions: [Int])? {
        let q = Array(query.lowercased().filter { $0 != " " })
        guard !q.isEmpty else { return (0, []) }
        let c = Array(candidate.lowercased())
        var positions: [Int] = []
        var score = 0
        var qi = 0
        var previous = -2
        for (i, ch) in c.enumerated() where qi < q.count && ch == q[qi] {
            let wordStart = i == 0 || !c[i - 1].isLetter && !c[i - 1].isNumber
            score += 1
            if wordStart { score += 8 }
            if previous == i - 1 { score += 5 }
            positions.append(i)
            previous = i
            qi += 1
        }
        guard qi == q.count else { return nil }
        score -= c.count / 8
        return (score, positions)
    }
}
