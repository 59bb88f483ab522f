/// Fuzzy matching for the command palette: every query character must appear in order; matches at
/// word starts and consecutive runs score higher.
public enum Fuzzy {
    /// The score of `candidate` for `query` (higher is better) and the matched character offsets,
    /// or nil when it does not match. An empty query matches everything with score 0.
    public static func match(_ query: String, _ candidate: String) -> (score: Int, positions: [Int])? {
        let q = Array(query.lowercased().filter { $0 != " " })
        guard !q.isEmpty else { return (0, []) }
        let c = Array(candidate.lowercased())
        func isWordStart(_ i: Int) -> Bool { i == 0 || !c[i - 1].isLetter && !c[i - 1].isNumber }
        /// Whether q[from...] is a subsequence of c[start...].
        func rest(_ from: Int, after start: Int) -> Bool {
            var k = from
            var i = start
            while k < q.count && i < c.count {
                if c[i] == q[k] { k += 1 }
                i += 1
            }
            return k == q.count
        }
        var positions: [Int] = []
        var score = 0
        var qi = 0
        var i = 0
        var previous = -2
        while qi < q.count && i < c.count {
            // Continue a run if possible; otherwise prefer the next word start that still lets the
            // rest of the query match; otherwise the next occurrence.
            var pick: Int?
            if c[i] == q[qi] && previous == i - 1 {
                pick = i
            } else if let ws = (i..<c.count).first(where: { c[$0] == q[qi] && isWordStart($0) && rest(qi + 1, after: $0 + 1) }) {
                pick = ws
            } else {
                pick = (i..<c.count).first { c[$0] == q[qi] }
            }
            guard let p = pick else { break }
            score += 1
            if isWordStart(p) { score += 8 }
            if p == 0 { score += 3 }
            if previous == p - 1 { score += 5 }
            positions.append(p)
            previous = p
            qi += 1
            i = p + 1
        }
        guard qi == q.count else { return nil }
        score -= c.count / 8
        return (score, positions)
    }
}
