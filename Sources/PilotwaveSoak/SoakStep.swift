import Foundation
import PilotwaveApp
import PilotwaveCore
import TerminalUI

/// One step of a random session: what a user (or the file on disk) does next. Each step has a
/// one-line text form, so a failing sequence can be printed, saved and replayed.
public enum SoakStep: Sendable, Equatable, CustomStringConvertible {
    /// Keys, written as a key story (`2aT1<enter>`).
    case keys(String)
    case resize(width: Int, height: Int)
    /// The file was read again from disk (`.reloaded`): the plan the session started with, or the
    /// current plan with its last team (and what named it) removed by someone else.
    case reload(Reload)
    case click(String)
    case scroll(Int)
    case paste(String)
    /// Time passes (toasts expire, a running workshop timer ticks).
    case tick(seconds: Int)
    /// Participants' submissions arrive in the inbox: made from the seed against the open rounds,
    /// valid and hostile mixed (over budget, unknown rounds and teams, bad names, refused files).
    case inbox(seed: UInt64)

    public enum Reload: String, Sendable, Equatable { case original, trimmed }

    public var description: String {
        switch self {
        case .keys(let story): "keys \(story)"
        case .resize(let w, let h): "resize \(w)x\(h)"
        case .reload(let r): "reload \(r.rawValue)"
        case .click(let target): "click \(target)"
        case .scroll(let n): "scroll \(n)"
        case .paste(let text): "paste \(text.replacingOccurrences(of: "\n", with: "\\n"))"
        case .tick(let s): "tick \(s)"
        case .inbox(let seed): "inbox \(seed)"
        }
    }

    /// Reads the text form back.
    public init?(_ line: String) {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let arg = parts[1]
        switch parts[0] {
        case "keys": self = .keys(arg)
        case "resize":
            let wh = arg.split(separator: "x").compactMap { Int($0) }
            guard wh.count == 2 else { return nil }
            self = .resize(width: wh[0], height: wh[1])
        case "reload":
            guard let r = Reload(rawValue: arg) else { return nil }
            self = .reload(r)
        case "click": self = .click(arg)
        case "scroll":
            guard let n = Int(arg) else { return nil }
            self = .scroll(n)
        case "paste": self = .paste(arg.replacingOccurrences(of: "\\n", with: "\n"))
        case "tick":
            guard let s = Int(arg) else { return nil }
            self = .tick(seconds: s)
        case "inbox":
            guard let seed = UInt64(arg) else { return nil }
            self = .inbox(seed: seed)
        default: return nil
        }
    }
}

/// The soak's generator: the demo generator's SplitMix64, so the same seed gives the same session everywhere.
public typealias SoakRNG = SplitMix64

/// Random sessions weighted towards what replaces the plan under the views: adding, duplicating
/// and deleting teams, notes, blockers, waves and workshops; undo and redo; reloads; adopting a
/// scenario — mixed with view switches, overlays opened and closed, and resizes down to tiny.
public enum SoakGenerator {
    /// Single keys from every view's vocabulary (moves, sorts, filters, marks, modes).
    static let keys: [String] = Array("jjjkkgGsSaedyu/nNi?:+-[]pvVmcorDR<>!rwbJKzstlhHLAoWxM ").map { String($0) }
        + ["<enter>", "<escape>", "<tab>", "<shift-tab>", "<up>", "<down>", "<left>", "<right>", "<pgup>", "<pgdn>",
           "<home>", "<end>", "<backspace>", "<delete>", "<ctrl-u>", "<ctrl-w>", "<ctrl-p>", "<ctrl-c>", "é", "顧"]

    public static func step(_ rng: inout SoakRNG, serial: Int) -> SoakStep {
        let n = serial % 97
        func pick(_ options: [String]) -> SoakStep { .keys(options.randomElement(using: &rng)!) }
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<12: return .keys(String(Int.random(in: 1...8, using: &rng)))  // view switches
        case 12..<22:  // undo, redo: here, or on another view
            let undo = ["u", "u", "<ctrl-r>", "uu", "u<ctrl-r>"].randomElement(using: &rng)!
            return .keys(Bool.random(using: &rng) ? undo : "\(Int.random(in: 1...8, using: &rng))" + undo)
        case 22..<25: return .reload(Bool.random(using: &rng) ? .original : .trimmed)
        case 25..<29:  // add something on one view, undo (or reload) on another, open a third
            let add = ["2aT\(n)<enter>", "2y<enter>", "!N\(n)<enter>", "7aB\(n)<enter>", "6NW\(n)<enter>", "8w<enter>"]
                .randomElement(using: &rng)!
            let views = (0..<2).map { _ in String(Int.random(in: 1...8, using: &rng)) }
            return .keys(add + views[0] + (Bool.random(using: &rng) ? "u" : "uu<ctrl-r>u") + views[1])
        case 29..<36:  // teams: add, duplicate, delete, moving first so another team is affected
            return pick(["2aT\(n)<enter>", "2y<enter>", "2d", "2Gd", "2jjd", "2G", "2g", "2aT\(n)<tab>x<enter>",
                         "2jy<enter>", "2s", "2/T<enter>", "2<escape>"])
        case 36..<42:  // notes, stakeholders
            return pick(["!N\(n)<enter>", "5dy", "5Gdy", "5a", "5e", "5jdy", "5<enter>", "5g"])
        case 42..<48:  // blockers
            return pick(["7aB\(n)<enter>", "7dy", "7Gdy", "7<enter>", "7j", "7g", "7s"])
        case 48..<54:  // waves, scenarios, adopting one
            return pick(["6NW\(n)<enter>", "6>", "6<", "6m", "6s", "6sn", "6sa", "6say", "6s<escape>", "6t", "6l", "6jj>"])
        case 54..<58:  // readiness, pilots, workshop
            return pick(["4r3<enter>", "4lr2<enter>", "4J", "4K", "4R", "4w", "4n", "3+", "3-", "3p", "8w<enter>", "8<enter>",
                         "8n", "8a", "8d", "8A"])
        case 58..<64:  // overlays
            return pick(["?", ":", "<escape>", "<escape><escape>", "q", "qn", ":und<enter>", "?<escape>"])
        case 64..<68:
            if Int.random(in: 0..<3, using: &rng) == 0 {  // tiny, then back
                return .resize(width: Int.random(in: 1...30, using: &rng), height: Int.random(in: 1...10, using: &rng))
            }
            return .resize(width: Int.random(in: 40...200, using: &rng), height: Int.random(in: 12...60, using: &rng))
        case 68..<72:
            let kinds = ["row:\(Int.random(in: 0..<40, using: &rng))", "rank:\(Int.random(in: 0..<40, using: &rng))",
                         "card:\(Int.random(in: 0..<8, using: &rng)):\(Int.random(in: 0..<12, using: &rng))",
                         "cell:\(Int.random(in: 0..<12, using: &rng)):\(Int.random(in: 0..<8, using: &rng))",
                         "note:\(Int.random(in: 0..<16, using: &rng))", "blocker:\(Int.random(in: 0..<12, using: &rng))",
                         "timeline:\(Int.random(in: 0..<6, using: &rng))", "scenario:\(Int.random(in: 0..<4, using: &rng))",
                         "step:\(Int.random(in: 0..<12, using: &rng))", "criterion:\(Int.random(in: 0..<8, using: &rng))",
                         "tab:\(ViewID.allCases.randomElement(using: &rng)!.rawValue)"]
            return .click(kinds.randomElement(using: &rng)!)
        case 72..<74: return .scroll(Int.random(in: -8...8, using: &rng))
        case 74..<75: return .paste("Ané 顧客\nq")
        case 75..<77: return .tick(seconds: Int.random(in: 1...400, using: &rng))
        case 77..<80:  // participants: rounds opened, answers arriving, the Room, reveals and closes
            if Bool.random(using: &rng) { return .inbox(seed: UInt64.random(in: 0...UInt64(UInt32.max), using: &rng)) }
            return pick(["3v<enter>", "3v<tab><tab><tab><right><enter>", "4o<enter>", "4lo<down><down><right><enter>", "5o<enter>",
                         "8o<enter>", "8o<right><right><enter>", "@", "@V", "@jV", "@C", "@jj<enter>", "@jj<enter><enter>", "3V", ":close<enter>"])
        default: return .keys(keys.randomElement(using: &rng)!)
        }
    }

    public static func steps(seed: UInt64, count: Int) -> [SoakStep] {
        var rng = SoakRNG(seed: seed)
        return (0..<count).map { step(&rng, serial: $0) }
    }
}
