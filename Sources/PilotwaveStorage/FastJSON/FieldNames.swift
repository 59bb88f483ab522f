import PilotwaveCore

/// The JSON keys of one model type, in the order plan files list them (sorted by UTF-8 bytes, as
/// `JSONEncoder` with `.sortedKeys` writes them), for matching keys without making strings.
///
/// Immutable after `init` and kept for the life of the process (tables are static), hence
/// `@unchecked Sendable`.
struct FieldNames: @unchecked Sendable {
    private let bytes: UnsafeMutablePointer<UInt8>
    private let offsets: UnsafeMutablePointer<Int>
    /// Number of keys; at most 32 (the readers track seen keys in a `UInt32`).
    let count: Int

    init(_ names: StaticString...) {
        self.init(strings: names.map { $0.description })
    }

    init(strings names: [String]) {
        precondition(names.count <= 32, "FieldNames holds at most 32 keys")
        count = names.count
        let total = names.reduce(0) { $0 + $1.utf8.count }
        bytes = .allocate(capacity: max(1, total))
        offsets = .allocate(capacity: names.count + 1)
        var at = 0
        for (i, name) in names.enumerated() {
            offsets[i] = at
            for byte in name.utf8 {
                (bytes + at).initialize(to: byte)
                at += 1
            }
        }
        offsets[names.count] = at
    }

    /// The keys as strings, in order.
    var strings: [String] {
        (0..<count).map { i in
            String(decoding: UnsafeBufferPointer(start: bytes + offsets[i], count: offsets[i + 1] - offsets[i]),
                   as: UTF8.self)
        }
    }

    /// The index of `key`, trying `hint` (the expected next key) first; -1 if it is not a key
    /// of this type.
    @inline(__always)
    func index(of key: UnsafeBufferPointer<UInt8>, hint: Int) -> Int {
        if hint < count, matches(key, hint) { return hint }
        for i in 0..<count where i != hint && matches(key, i) { return i }
        return -1
    }

    @inline(__always)
    private func matches(_ key: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let start = offsets[i]
        let n = offsets[i + 1] - start
        guard key.count == n, let k = key.baseAddress else { return false }
        for j in 0..<n where k[j] != bytes[start + j] { return false }
        return true
    }
}

/// The raw values of a ``StringEnum``, for matching a value's bytes without making a string.
struct EnumNames<E: StringEnum>: Sendable {
    let names: FieldNames
    let cases: [E]

    init() {
        cases = Array(E.allCases)
        names = FieldNames(strings: cases.map(\.rawValue))
    }

    /// The case whose raw value is exactly `bytes`, if any.
    @inline(__always)
    func value(_ bytes: UnsafeBufferPointer<UInt8>) -> E? {
        let i = names.index(of: bytes, hint: 0)
        return i >= 0 ? cases[i] : nil
    }
}

/// One table per enum the plan stores.
enum Enums {
    static let orgSize = EnumNames<OrgSize>()
    static let criterionSource = EnumNames<CriterionSource>()
    static let dimensionScope = EnumNames<DimensionScope>()
    static let dimensionGroup = EnumNames<DimensionGroup>()
    static let lifecycleStage = EnumNames<LifecycleStage>()
    static let teamStatus = EnumNames<TeamStatus>()
    static let stance = EnumNames<Stance>()
    static let resistanceKind = EnumNames<ResistanceKind>()
    static let severity = EnumNames<Severity>()
    static let noteStatus = EnumNames<NoteStatus>()
    static let waveStatus = EnumNames<WaveStatus>()
    static let blockerCategory = EnumNames<BlockerCategory>()
    static let blockerStatus = EnumNames<BlockerStatus>()
    static let decisionKind = EnumNames<DecisionKind>()
    static let workshopStatus = EnumNames<WorkshopStatus>()
    static let roundKind = EnumNames<RoundKind>()
}
