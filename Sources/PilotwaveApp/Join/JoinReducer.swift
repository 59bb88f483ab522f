import Foundation
import PilotwaveCore
import TerminalUI

/// What the participant's runtime tells the state.
public enum JoinAction: Sendable {
    case key(Key)
    case paste(String)
    case resize(Size)
    case tick(Date)
    /// A new version of the plan was read from disk.
    case planChanged(Plan)
    /// The plan file changed but could not be read; why.
    case reloadFailed(String)
    /// Who is here now.
    case present([String])
    /// Whether each watched inbox file (``JoinState/watchedFiles``) is still there.
    case inboxChecked([String: Bool])
    /// The submission for round `round` was written as `file`.
    case submitted(round: String, file: String)
    /// The inbox refused the submission; why, in words.
    case submitFailed(String)
}

/// What the reducer asks the runtime to do.
public enum JoinEffect: Hashable, Sendable {
    /// Write `submission` into the plan's inbox (the round's key alongside).
    case submit(Submission, round: String)
    /// Leave (the presence file is removed).
    case quit
}

/// Keys on the participant's screen. Not the facilitator's command registry: the participant has
/// a handful of keys, shown in full on the hint bar.
public enum JoinReducer {
    public static func reduce(_ state: inout JoinState, _ action: JoinAction) -> [JoinEffect] {
        switch action {
        case .planChanged, .inboxChecked:
            // What became of the answer on screen is news: it replaces the last key's message.
            let before = state.current.map { (state.status($0), state.concernsSummary(for: $0)) }
            let effects = reduceOther(&state, action)
            let after = state.current.map { (state.status($0), state.concernsSummary(for: $0)) }
            if before?.0 != after?.0 || before?.1 != after?.1 { state.message = nil }
            return effects
        default:
            return reduceOther(&state, action)
        }
    }

    private static func reduceOther(_ state: inout JoinState, _ action: JoinAction) -> [JoinEffect] {
        switch action {
        case .resize(let size):
            state.size = size
        case .tick(let now):
            state.now = now
        case .planChanged(let plan):
            state.reloadProblem = nil
            state.replacePlan(plan)
        case .reloadFailed(let why):
            state.reloadProblem = why
        case .present(let names):
            state.present = names
        case .inboxChecked(let files):
            state.inboxFiles = files
        case .submitted(let round, let file):
            state.inboxFiles[file] = true
            state.message = JoinState.Message("Sent — waiting for the facilitator", .done)
            guard let r = state.rounds.first(where: { $0.key == round }) else { break }
            if case .round(let pr) = r, pr.kind == .concerns {
                let anonymous = state.concerns[round]?.anonymous ?? false
                state.sentConcerns[round, default: []].append(
                    JoinState.SentConcern(file: file, anonymous: anonymous, concernsBefore: pr.concerns))
                state.concerns[round]?.words = ""
                let n = state.sentConcerns[round]?.count ?? 1
                state.message = JoinState.Message("Concern \(n) sent\(anonymous ? " without your name" : "") — waiting for the facilitator", .done)
            } else {
                state.sent.insert(round)
            }
        case .submitFailed(let why):
            state.message = JoinState.Message("Not sent: \(why)", .error)
        case .paste(let text):
            if var editing = state.editing {
                editing = edit(editing) { input in
                    for ch in text where ch != "\n" && ch != "\r" { input.handle(.char(ch)) }
                }
                state.editing = editing
            }
        case .key(let key):
            return self.key(&state, key)
        }
        return []
    }

    private static func edit(_ editing: JoinState.Editing, _ body: (inout TextInput) -> Void) -> JoinState.Editing {
        switch editing {
        case .evidence(let round, let dimension, var input):
            body(&input)
            return .evidence(round: round, dimension: dimension, input)
        case .words(let round, var input):
            body(&input)
            return .words(round: round, input)
        }
    }

    private static func key(_ state: inout JoinState, _ key: Key) -> [JoinEffect] {
        if let editing = state.editing {
            typing(&state, editing, key)
            return []
        }
        state.message = nil
        switch key {
        case .char("q"), .ctrl("c"), .ctrl("d"):
            return [.quit]
        case .tab, .backTab:
            guard state.rounds.count > 1, let shown = state.shown,
                let i = state.rounds.firstIndex(where: { $0.key == shown }) else { return [] }
            let step = key == .tab ? 1 : state.rounds.count - 1
            state.shown = state.rounds[(i + step) % state.rounds.count].key
            return []
        default:
            break
        }
        guard let round = state.current else { return [] }
        if !state.isOpen(round) {
            if key == .enter || key == .char("+") || key == .char("e") {
                state.message = JoinState.Message("\(round.title) is closed: it takes no more answers", .error)
            }
            return []
        }
        switch round {
        case .vote(let v): return vote(&state, v, key)
        case .round(let r) where r.kind == .readiness: return readiness(&state, r, key)
        case .round(let r): return concern(&state, r, key)
        }
    }

    // MARK: Typing a line

    private static func typing(_ state: inout JoinState, _ editing: JoinState.Editing, _ key: Key) {
        switch key {
        case .escape:
            state.editing = nil
            state.message = JoinState.Message("Not changed", .info)
        case .enter:
            state.editing = nil
            switch editing {
            case .evidence(let round, let dimension, let input):
                let text = input.text.trimmingWhitespace()
                state.ratings[round, default: .init()].evidence[dimension] = text.isEmpty ? nil : text
                state.message = JoinState.Message(text.isEmpty ? "Evidence removed" : "Evidence kept — Enter sends your ratings", .info)
            case .words(let round, let input):
                state.concerns[round, default: .init()].words = input.text.trimmingWhitespace()
                state.message = JoinState.Message("Words kept — Enter sends the concern", .info)
            }
        default:
            var overflowed = false
            state.editing = edit(editing) { input in
                input.handle(key)
                overflowed = input.overflowed
            }
            if overflowed {
                state.message = JoinState.Message("At most \(editing.input.limit) characters", .error)
            }
        }
    }

    // MARK: Dot vote

    private static func vote(_ state: inout JoinState, _ round: VoteRound, _ key: Key) -> [JoinEffect] {
        let k = round.id.raw
        var draft = state.votes[k] ?? .init()
        defer { state.votes[k] = draft }
        let count = state.candidates.count
        guard count > 0 else { return [] }
        draft.focus = min(draft.focus, count - 1)
        let page = max(1, state.size.height - 12)
        switch key {
        case .char("j"), .down: draft.focus = min(count - 1, draft.focus + 1)
        case .char("k"), .up: draft.focus = max(0, draft.focus - 1)
        case .pageDown, .char(" "): draft.focus = min(count - 1, draft.focus + page)
        case .pageUp: draft.focus = max(0, draft.focus - page)
        case .home, .char("g"): draft.focus = 0
        case .end, .char("G"): draft.focus = count - 1
        case .char("+"), .char("="), .char("l"), .right:
            let c = state.candidates[draft.focus]
            let here = draft.dots[c.team] ?? 0
            if draft.given >= round.budget {
                state.message = JoinState.Message(
                    "No dots left: all \(round.budget) are given — take one back with -", .error)
            } else if let cap = round.capPerTeam, here >= cap {
                state.message = JoinState.Message(
                    "At most \(Words.count(cap, "dot")) on one team: \(c.name) has \(here)", .error)
            } else {
                draft.dots[c.team] = here + 1
                state.message = JoinState.Message("\(c.name): \(Words.count(here + 1, "dot")) · \(round.budget - draft.given) of \(round.budget) left", .info)
            }
        case .char("-"), .char("_"), .char("h"), .left:
            let c = state.candidates[draft.focus]
            let here = draft.dots[c.team] ?? 0
            if here == 0 {
                state.message = JoinState.Message("No dot on \(c.name) to take back", .error)
            } else {
                draft.dots[c.team] = here == 1 ? nil : here - 1
                state.message = JoinState.Message("\(c.name): \(Words.count(here - 1, "dot")) · \(round.budget - draft.given) of \(round.budget) left", .info)
            }
        case .enter:
            let lines = Voting.normalised(draft.dots.map { TeamVotes(team: $0.key, votes: $0.value) })
            if lines.isEmpty {
                state.message = JoinState.Message("Give at least one dot (+) before sending", .error)
                return []
            }
            return send(&state, .ballot(round.id, by: state.name, votes: lines, at: state.now), round: k)
        default:
            break
        }
        return []
    }

    /// Checked with the facilitator's own rules first, so a refusal is said here, at once.
    private static func send(_ state: inout JoinState, _ submission: Submission, round: String) -> [JoinEffect] {
        if let problem = Participation.problem(with: submission, plan: state.plan) {
            state.message = JoinState.Message("Not sent: \(problem)", .error)
            return []
        }
        return [.submit(submission, round: round)]
    }

    // MARK: Readiness

    private static func readiness(_ state: inout JoinState, _ round: ParticipantRound, _ key: Key) -> [JoinEffect] {
        let k = round.id.raw
        var draft = state.ratings[k] ?? .init()
        defer { state.ratings[k] = draft }
        let count = round.dimensions.count
        guard count > 0 else { return [] }
        draft.focus = min(draft.focus, count - 1)
        let dimension = round.dimensions[draft.focus]
        let dimensionName = state.plan.dimension(dimension)?.name ?? dimension
        func set(_ rating: Int) {
            draft.ratings[dimension] = rating
            state.message = JoinState.Message("\(dimensionName): \(rating) of 5", .info)
        }
        switch key {
        case .char("j"), .down: draft.focus = min(count - 1, draft.focus + 1)
        case .char("k"), .up: draft.focus = max(0, draft.focus - 1)
        case .char(let c) where ("1"..."5").contains(c):
            set(Int(String(c))!)
            if draft.focus + 1 < count { draft.focus += 1 }
        case .char("l"), .right, .char("+"):
            set(min(5, (draft.ratings[dimension] ?? 0) + 1))
        case .char("h"), .left, .char("-"):
            set(max(1, (draft.ratings[dimension] ?? 2) - 1))
        case .char("e"):
            var input = TextInput(draft.evidence[dimension] ?? "", limit: Submission.maxEvidence)
            input.selectAll()
            state.editing = .evidence(round: k, dimension: dimension, input)
        case .enter:
            let missing = round.dimensions.filter { draft.ratings[$0] == nil }
            if !missing.isEmpty {
                let names = missing.prefix(3).map { state.plan.dimension($0)?.name ?? $0 }
                state.message = JoinState.Message(
                    "Rate every dimension before sending: \(count - missing.count) of \(count) rated; not yet "
                        + names.joined(separator: ", ") + (missing.count > 3 ? "…" : ""), .error)
                if let first = round.dimensions.firstIndex(where: { draft.ratings[$0] == nil }) { draft.focus = first }
                return []
            }
            let ratings = round.dimensions.map {
                RoundRating(dimension: $0, rating: draft.ratings[$0]!, evidence: draft.evidence[$0] ?? "")
            }
            return send(&state, .ratings(round.id, by: state.name, ratings, at: state.now), round: k)
        default:
            break
        }
        return []
    }

    // MARK: Concerns

    private static func concern(_ state: inout JoinState, _ round: ParticipantRound, _ key: Key) -> [JoinEffect] {
        let k = round.id.raw
        var draft = state.concerns[k] ?? .init()
        defer { state.concerns[k] = draft }
        let kinds = JoinState.concernKinds
        let i = kinds.firstIndex(of: draft.kind) ?? 0
        switch key {
        case .char("j"), .down: draft.kind = kinds[min(kinds.count - 1, i + 1)]
        case .char("k"), .up: draft.kind = kinds[max(0, i - 1)]
        case .char(let c) where ("1"..."7").contains(c) && Int(String(c))! <= kinds.count:
            draft.kind = kinds[Int(String(c))! - 1]
        case .char("a"):
            draft.anonymous.toggle()
            state.message = JoinState.Message(draft.anonymous
                ? "Anonymous: your name is not stored anywhere — not in the file, not in the plan"
                : "Named: your name goes with the concern", .info)
        case .char("e"), .char("w"):
            var input = TextInput(draft.words, limit: Submission.maxWords)
            input.selectAll()
            state.editing = .words(round: k, input)
        case .enter:
            let words = draft.words.trimmingWhitespace()
            if words.isEmpty {
                state.editing = .words(round: k, TextInput("", limit: Submission.maxWords))
                state.message = JoinState.Message("Type the concern, then Enter", .info)
                return []
            }
            if (state.sentConcerns[k]?.count ?? 0) >= JoinState.maxConcerns {
                state.message = JoinState.Message("Not sent: \(JoinState.maxConcerns) concerns sent in this round already — raise more with the facilitator", .error)
                return []
            }
            return send(&state, .concern(round.id, by: draft.anonymous ? nil : state.name, kind: draft.kind,
                                         words: words, at: state.now), round: k)
        default:
            break
        }
        return []
    }
}
