import Foundation

/// Reading the append-only readiness history (DOMAIN.md §4): current values, trends, the barrier.
public enum Readiness {
    /// One cell of the readiness grid: a dimension for the organisation (`team == nil`) or a team.
    public struct CellKey: Hashable, Sendable {
        public var dimension: DimensionKey
        public var team: TeamID?
        public init(dimension: DimensionKey, team: TeamID? = nil) {
            self.dimension = dimension
            self.team = team
        }
        /// The organisation-wide cell of `dimension`.
        public static func organisation(_ dimension: DimensionKey) -> CellKey { CellKey(dimension: dimension) }
    }

    /// Which way a cell moved between its two latest unstruck ratings.
    public enum Direction: String, StringEnum {
        case up, down, flat
        /// Only one unstruck rating so far.
        case new
        public var label: String { rawValue }
        /// A one-character arrow for dense tables.
        public var symbol: String {
            switch self {
            case .up: "↑"
            case .down: "↓"
            case .flat: "→"
            case .new: "•"
            }
        }
    }

    /// The latest and previous unstruck ratings of a cell.
    public struct Trend: Hashable, Sendable {
        public var latest: ReadinessSignal
        public var previous: ReadinessSignal?
        public var direction: Direction {
            guard let previous else { return .new }
            return latest.rating > previous.rating ? .up : latest.rating < previous.rating ? .down : .flat
        }
        public init(latest: ReadinessSignal, previous: ReadinessSignal?) {
            self.latest = latest
            self.previous = previous
        }

        /// Latest minus previous rating; `nil` with a single rating.
        public var delta: Int? { previous.map { latest.rating - $0.rating } }
    }

    /// The organisation's weakest precondition: the first dimension holding things back.
    public struct Barrier: Hashable, Sendable {
        public var dimension: ReadinessDimension
        public var signal: ReadinessSignal
    }

    /// The current value of every rated cell: its latest unstruck signal, by `recordedAt`, ties going
    /// to the later entry in the array. One pass over the signals.
    public static func latest(_ plan: Plan) -> [CellKey: ReadinessSignal] { latest(plan.signals) }

    /// The current value of every rated cell in `signals`.
    public static func latest(_ signals: [ReadinessSignal]) -> [CellKey: ReadinessSignal] {
        var result: [CellKey: ReadinessSignal] = [:]
        for signal in signals where signal.struck == nil {
            let key = CellKey(dimension: signal.dimension, team: signal.team)
            if let current = result[key], current.recordedAt > signal.recordedAt { continue }
            result[key] = signal
        }
        return result
    }

    /// Latest and previous unstruck rating of every rated cell, in one pass.
    public static func trends(_ signals: [ReadinessSignal]) -> [CellKey: Trend] {
        var result: [CellKey: Trend] = [:]
        for signal in signals where signal.struck == nil {
            let key = CellKey(dimension: signal.dimension, team: signal.team)
            guard var trend = result[key] else {
                result[key] = Trend(latest: signal, previous: nil)
                continue
            }
            if signal.recordedAt >= trend.latest.recordedAt {
                trend.previous = trend.latest
                trend.latest = signal
            } else if trend.previous.map({ signal.recordedAt >= $0.recordedAt }) ?? true {
                trend.previous = signal
            }
            result[key] = trend
        }
        return result
    }

    /// The trend of one cell, or `nil` when it has no unstruck rating.
    public static func trend(_ plan: Plan, _ cell: CellKey) -> Trend? {
        trends(plan.signals.filter { $0.dimension == cell.dimension && $0.team == cell.team })[cell]
    }

    /// The first dimension, in the plan's order, that is rated for the organisation, not retired, and
    /// whose latest organisation rating is 3 or below. Unrated dimensions are not barriers (yet).
    public static func barrier(_ plan: Plan) -> Barrier? {
        barrier(plan, latest: latest(plan))
    }

    /// The barrier, given an already computed `latest(plan)`.
    public static func barrier(_ plan: Plan, latest: [CellKey: ReadinessSignal]) -> Barrier? {
        for dimension in plan.dimensions where dimension.scope != .team && !dimension.retired {
            if let signal = latest[.organisation(dimension.id)], signal.rating <= barrierRating {
                return Barrier(dimension: dimension, signal: signal)
            }
        }
        return nil
    }

    /// A rating at or below this holds the organisation back.
    public static let barrierRating = 3
}
