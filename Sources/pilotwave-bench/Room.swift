#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PilotwaveApp
import PilotwaveCore
import PilotwaveStorage
import PilotwaveUI
import TerminalUI

/// `pilotwave-bench room [--teams 10000,100000] [--participants 30]`: participants of
/// `pilotwave join` submitting at the same moment into a plan's inbox, and the facilitator's side
/// reading and applying them, measured as the runtime does it (one look at the inbox, the reduce),
/// with the facilitator's per-key time before and while they arrive.
enum RoomBench {
    static func main(_ args: [String]) -> Int32 {
        var teamCounts = [10_000, 100_000]
        var participants = 30
        var it = args.makeIterator()
        while let arg = it.next() {
            switch arg {
            case "--teams": teamCounts = (it.next() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--participants": participants = Int(it.next() ?? "") ?? participants
            default:
                FileHandle.standardError.write(Data("pilotwave-bench room: unknown argument \(arg)\n".utf8))
                return 2
            }
        }
        let clock = ContinuousClock()
        let env = Environment(now: { Date() }, newID: { prefix in
            var ids = RandomIDs(SystemRandomNumberGenerator())
            return ids.next(prefix)
        })
        let size = Size(width: 120, height: 40)
        let options = Render.Options(keymap: .standard, unicode: true, timeZone: TimeZone(identifier: "UTC")!)
        print("pilotwave-bench room: \(participants) participants submitting at once; the facilitator looks at the inbox every 0.4 s")
        for count in teamCounts {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pilotwave-room-\(getpid())-\(count)")
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = folder.appendingPathComponent("plan.json")
            var plan = PlanGenerator.generate(teams: count, seed: 7)
            let round = VoteRound(id: "vr-bench", title: "Round 1", budget: 5, capPerTeam: 3, attributed: true, openedAt: Date())
            plan.votes.append(round)
            let readiness = ParticipantRound(id: "r-bench", kind: .readiness, title: "Check-in",
                                             dimensions: Participation.ratableDimensions(plan, team: nil).map(\.id), openedAt: Date())
            plan.rounds.append(readiness)
            let inScope = plan.teams.filter { $0.status != .outOfScope }.prefix(20).map(\.id)
            var state = AppState(plan: plan, file: url.path, size: size)
            _ = Reducer.reduce(&state, .event(.resize(size)), env)
            _ = Reducer.reduce(&state, .command("view.teams"), env)
            _ = Render.frame(state, options)
            let inbox = Inbox(plan: url)

            func keyTimes(_ n: Int, between: (() -> Void)? = nil) -> Stats {
                var samples: [Double] = []
                for i in 0..<n {
                    if i % 10 == 5 { between?() }
                    let t = clock.now
                    _ = Reducer.reduce(&state, .event(.key(i % 40 < 20 ? .down : .up)), env)
                    _ = Render.frame(state, options)
                    samples.append(ms(clock.now - t))
                }
                return Stats(samples: samples)
            }
            let quiet = keyTimes(200)

            // Every participant at the same moment: a ballot and ratings each.
            let submitStart = clock.now
            DispatchQueue.concurrentPerform(iterations: participants) { i in
                let name = "Participant \(i + 1)"
                let votes = [TeamVotes(team: inScope[i % inScope.count], votes: 3), TeamVotes(team: inScope[(i + 7) % inScope.count], votes: 2)]
                _ = try? inbox.submit(.ballot(round.id, by: name, votes: votes, at: Date()))
                let ratings = readiness.dimensions.map { RoundRating(dimension: $0, rating: 1 + (i + $0.count) % 5) }
                _ = try? inbox.submit(.ratings(readiness.id, by: name, ratings, at: Date()))
            }
            let written = clock.now - submitStart

            // The facilitator's next look: scan, hand over, apply each.
            let lookStart = clock.now
            let entries = inbox.scan()
            let scanned = clock.now - lookStart
            let items = entries.map { e -> InboxItem in
                switch e.content {
                case .submission(let s): InboxItem(file: e.file, version: e.stamp.version, content: .submission(s))
                case .refused(let r): InboxItem(file: e.file, version: e.stamp.version, content: .refused(r))
                }
            }
            let applyStart = clock.now
            _ = Reducer.reduce(&state, .inbox(InboxDelivery(present: inbox.present(now: Date()), items: items)), env)
            _ = Render.frame(state, options)
            let applied = clock.now - applyStart
            let ballots = state.plan.votes.last?.ballots.count ?? 0
            let responses = state.plan.rounds.last?.responses.count ?? 0

            // Keys while more arrive: a resubmission every tenth key, applied between keys as the
            // runtime's loop does (the time of the look is reported above, not in the keys).
            var resubmitted = 0
            let busy = keyTimes(200) {
                let i = resubmitted % participants
                resubmitted += 1
                _ = try? inbox.submit(.ballot(round.id, by: "Participant \(i + 1)", votes: [TeamVotes(team: inScope[0], votes: 1)], at: Date()))
                let entries = inbox.scan().filter { e in !items.contains { $0.file == e.file && $0.version == e.stamp.version } }
                let more = entries.map { e -> InboxItem in
                    if case .submission(let s) = e.content { return InboxItem(file: e.file, version: e.stamp.version, content: .submission(s)) }
                    return InboxItem(file: e.file, version: e.stamp.version, content: .refused("x"))
                }
                _ = Reducer.reduce(&state, .inbox(InboxDelivery(present: [], items: items + more)), env)
            }
            print("")
            print("\(count) teams:")
            print(String(format: "  %d ballots + %d ratings written at once   %7.1f ms", participants, participants, ms(written)))
            print(String(format: "  one look at the inbox (%d files)         %7.1f ms", entries.count, ms(scanned)))
            print(String(format: "  applied, one edit each, and drawn         %7.1f ms  (%d ballots, %d answers in the plan)", ms(applied), ballots, responses))
            print(String(format: "  worst case from submit to applied         %7.1f ms  (a look every 400 ms + the above)", 400 + ms(scanned) + ms(applied)))
            print("  Down/Up, quiet                 " + quiet.line)
            print("  Down/Up, while ballots arrive  " + busy.line)
        }
        return 0
    }
}
