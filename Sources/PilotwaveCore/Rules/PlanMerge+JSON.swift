import Foundation

/// A JSON value, for merging elements field by field and for the values a ``MergeConflict`` keeps.
enum MergeJSON: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([MergeJSON])
    case object([String: MergeJSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        // Objects and strings first: the most common, and each failed attempt costs an error.
        if let v = try? c.decode([String: MergeJSON].self) { self = .object(v) }
        else if let v = try? c.decode(String.self) { self = .string(v) }
        else if c.decodeNil() { self = .null }
        else if let v = try? c.decode(Bool.self) { self = .bool(v) }
        else if let v = try? c.decode(Int.self) { self = .int(v) }
        else if let v = try? c.decode(Double.self) { self = .double(v) }
        else { self = .array(try c.decode([MergeJSON].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let v): try c.encode(v)
        case .int(let v): try c.encode(v)
        case .double(let v): try c.encode(v)
        case .string(let v): try c.encode(v)
        case .array(let v): try c.encode(v)
        case .object(let v): try c.encode(v)
        }
    }

    var object: [String: MergeJSON]? { if case .object(let o) = self { o } else { nil } }
    var array: [MergeJSON]? { if case .array(let a) = self { a } else { nil } }
    var string: String? { if case .string(let s) = self { s } else { nil } }
    var int: Int? { if case .int(let i) = self { i } else { nil } }
    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}

/// Encoding and decoding between model values, ``MergeJSON`` and conflict text. Dates are written
/// as the plan file writes them (`2026-03-02T09:00:00Z`) when they fall on a whole second, else as
/// seconds, and both are read back, so that a value survives the round trip exactly.
enum MergeCoding {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            let t = date.timeIntervalSinceReferenceDate
            if t.rounded() == t, abs(t) < 1e11 { try c.encode(date.formatted(.iso8601)) } else { try c.encode(t) }
        }
        return e
    }

    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            if let t = try? c.decode(Double.self) { return Date(timeIntervalSinceReferenceDate: t) }
            let text = try c.decode(String.self)
            guard let date = try? Date(text, strategy: .iso8601) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a date, found \(text)")
            }
            return date
        }
        return d
    }

    static func json<T: Encodable>(_ value: T) -> MergeJSON {
        // Model values always encode; a failure here is a programming error.
        let data = try! encoder().encode(value)
        return MergeJSON.parse(Array(data)) ?? (try! JSONDecoder().decode(MergeJSON.self, from: data))
    }

    static func value<T: Decodable>(_ type: T.Type, from json: MergeJSON) throws -> T {
        try decoder().decode(T.self, from: try encoder().encode(json))
    }

    static func text(_ json: MergeJSON?) -> String? {
        guard let json else { return nil }
        return String(decoding: try! encoder().encode(json), as: UTF8.self)
    }

    static func text<T: Encodable>(_ value: T?) -> String? {
        value.map { text(json($0)) ?? "null" }
    }

    static func parse(_ text: String?) throws -> MergeJSON? {
        guard let text else { return nil }
        if let json = MergeJSON.parse(Array(text.utf8)) { return json }
        return try JSONDecoder().decode(MergeJSON.self, from: Data(text.utf8))
    }
}
