/// A stable, typed identifier. Encoded in JSON as a plain string (`"team-3f9a"`).
///
/// The phantom `Tag` keeps a `TeamID` from being passed where a `CoachID` is expected.
public struct Ref<Tag>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public var raw: String

    public init(_ raw: String) { self.raw = raw }
    public init(stringLiteral value: String) { self.raw = value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(String.self)
        if value.isEmpty {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a non-empty id string, found \"\"")
        }
        raw = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(raw)
    }

    public var description: String { raw }
    public static func < (lhs: Ref, rhs: Ref) -> Bool { lhs.raw < rhs.raw }
}

public enum TeamTag {}
public enum CoachTag {}
public enum StakeholderTag {}
public enum SignalTag {}
public enum NoteTag {}
public enum WaveTag {}
public enum BlockerTag {}
public enum DecisionTag {}
public enum WorkshopTag {}
public enum ActionTag {}
public enum PlanTag {}
public enum ScenarioTag {}

public typealias TeamID = Ref<TeamTag>
public typealias CoachID = Ref<CoachTag>
public typealias StakeholderID = Ref<StakeholderTag>
public typealias SignalID = Ref<SignalTag>
public typealias NoteID = Ref<NoteTag>
public typealias WaveID = Ref<WaveTag>
public typealias BlockerID = Ref<BlockerTag>
public typealias DecisionID = Ref<DecisionTag>
public typealias WorkshopID = Ref<WorkshopTag>
public typealias ActionID = Ref<ActionTag>
public typealias PlanID = Ref<PlanTag>
public typealias ScenarioID = Ref<ScenarioTag>
/// Criterion and readiness-dimension ids are readable keys (`familiarity`, `feltPain`) because they
/// appear as keys inside teams' `ratings` objects.
public typealias CriterionKey = String
public typealias DimensionKey = String

/// Makes new ids. Injected so that tests and generated plans are deterministic.
public protocol IDSource {
    mutating func next(_ prefix: String) -> String
}

/// Random 8-hex-digit ids (`team-1a2b3c4d`), from any random number generator.
public struct RandomIDs<G: RandomNumberGenerator>: IDSource {
    public var generator: G
    public init(_ generator: G) { self.generator = generator }
    public mutating func next(_ prefix: String) -> String {
        let n = UInt32.random(in: .min ... .max, using: &generator)
        let hex = String(n, radix: 16)
        return prefix + "-" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}

/// Sequential ids (`team-1`, `team-2`, …) for tests and fixtures.
public struct SequentialIDs: IDSource {
    public var counters: [String: Int] = [:]
    public init() {}
    public mutating func next(_ prefix: String) -> String {
        let n = (counters[prefix] ?? 0) + 1
        counters[prefix] = n
        return "\(prefix)-\(n)"
    }
}
