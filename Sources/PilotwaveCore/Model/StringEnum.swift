/// An enum stored in JSON as one of a fixed set of strings. Decoding an unknown value fails with a
/// message that lists what was expected, e.g. `expected one of explore, invest, sustain, retire;
/// found "grow"`.
public protocol StringEnum: RawRepresentable, CaseIterable, Codable, Hashable, Sendable
where RawValue == String {
    /// Words for people (`being addressed`), used on screen and in reports.
    var label: String { get }
}

extension StringEnum {
    public static var expectedValues: String { allCases.map(\.rawValue).joined(separator: ", ") }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected one of \(Self.expectedValues); found \(Words.value(text))")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Parses either the raw value or the label, ignoring case, spaces, dashes and underscores.
    public init?(loose text: String) {
        func norm(_ s: String) -> String {
            s.lowercased().filter { !" -_".contains($0) }
        }
        let key = norm(text)
        guard let match = Self.allCases.first(where: { norm($0.rawValue) == key || norm($0.label) == key })
        else { return nil }
        self = match
    }
}
