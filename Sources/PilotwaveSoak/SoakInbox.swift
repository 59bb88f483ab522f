import Foundation
import PilotwaveApp
import PilotwaveCore

/// Random inbox deliveries for the soak: what participants (and anyone else who can write to the
/// folder) might send, against the rounds the plan has open.
enum SoakInbox {
    static let names = ["Ann", "Bo", "Cy", "Dee", "Ené", "顧客", "", String(repeating: "x", count: 50), "Eve\u{1b}[2J"]

    static func delivery(seed: UInt64, plan: Plan, at: Date) -> InboxDelivery {
        var rng = SoakRNG(seed: seed)
        let teams = plan.teams.prefix(12).map(\.id) + ["team-gone"]
        var items: [InboxItem] = []
        for i in 0..<Int.random(in: 1...4, using: &rng) {
            let who = names.randomElement(using: &rng)!
            let submission: Submission
            switch Int.random(in: 0..<5, using: &rng) {
            case 0, 1:
                let round = Bool.random(using: &rng) ? (plan.votes.last?.id ?? "vr-none") : "vr-gone"
                let votes = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                    TeamVotes(team: teams.randomElement(using: &rng)!, votes: Int.random(in: -1...6, using: &rng))
                }
                submission = .ballot(round, by: who, votes: votes, at: at)
            case 2:
                let round = plan.rounds.filter { $0.kind == .readiness }.randomElement(using: &rng)
                let keys = (round?.dimensions ?? []) + ["nope"]
                let ratings = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                    RoundRating(dimension: keys.randomElement(using: &rng)!, rating: Int.random(in: 0...6, using: &rng), evidence: "seen")
                }
                submission = .ratings(round?.id ?? "r-none", by: who, ratings, at: at)
            case 3:
                let round = plan.rounds.filter { $0.kind == .concerns }.randomElement(using: &rng)
                submission = .concern(round?.id ?? "r-none", by: Bool.random(using: &rng) ? who : nil,
                                      kind: ResistanceKind.allCases.randomElement(using: &rng)!,
                                      words: ["We have no time", "", "顧客 first"].randomElement(using: &rng)!, at: at)
            default:
                items.append(InboxItem(file: "junk-\(seed)-\(i).json", version: "1", content: .refused("not a JSON object (garbage, or cut short)")))
                continue
            }
            items.append(InboxItem(file: "\(submission.kind.rawValue)-\(seed)-\(i).json", version: "1", content: .submission(submission)))
        }
        let present = Array(names.prefix(Int.random(in: 0...5, using: &rng)))
        return InboxDelivery(present: present, items: items)
    }
}
