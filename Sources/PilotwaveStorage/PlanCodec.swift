import Foundation
import PilotwaveCore

/// Turns a ``Plan`` into the bytes of a plan file and back.
///
/// The file is diff-friendly JSON: keys sorted, two-space indentation, empty lists as `[]`, `/`
/// unescaped, non-ASCII text as UTF-8, dates as ISO-8601 (`2026-03-02T09:30:00Z`), a trailing newline and always
/// `"schemaVersion" : Plan.currentSchemaVersion`. Loading a file this encoder wrote and saving it
/// again gives the same bytes.
public enum PlanCodec {
    /// The plan as the bytes of a plan file, in the current schema version.
    ///
    /// - Throws: `EncodingError` (not expected in practice: a plan holds no floating-point numbers).
    public static func encode(_ plan: Plan) throws -> Data {
        var plan = plan
        plan.schemaVersion = Plan.currentSchemaVersion
        // Written directly; JSONEncoder only if this platform's JSONEncoder writes other bytes.
        return FastPlanWriter.isExact ? FastPlanWriter.write(plan) : try encodeWithFoundation(plan)
    }

    /// ``encode(_:)`` by `JSONEncoder`: the reference the fast writer matches byte for byte (kept
    /// for the equivalence tests and for platforms where they differ).
    ///
    /// - Throws: `EncodingError` (not expected in practice: a plan holds no floating-point numbers).
    public static func encodeWithFoundation(_ plan: Plan) throws -> Data {
        var plan = plan
        plan.schemaVersion = Plan.currentSchemaVersion
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var bytes = collapsingEmptyContainers([UInt8](try encoder.encode(plan)))
        bytes.append(0x0A)
        return Data(bytes)
    }

    /// `JSONEncoder` pretty-prints an empty array as `[`, a blank line and `]`; this writes `[]`
    /// (and `{}`), which reads better and diffs better. Safe because the encoder never writes a raw
    /// line break inside a string, so `[` + two line breaks only occurs between values.
    static func collapsingEmptyContainers(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let n = bytes.count
        var i = 0
        while i < n {
            let c = bytes[i]
            out.append(c)
            i += 1
            guard c == UInt8(ascii: "[") || c == UInt8(ascii: "{"), i + 1 < n,
                bytes[i] == 0x0A, bytes[i + 1] == 0x0A
            else { continue }
            var j = i + 2
            while j < n, bytes[j] == 0x20 { j += 1 }
            let closer = c == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
            if j < n, bytes[j] == closer {
                out.append(closer)
                i = j + 1
            }
        }
        return out
    }

    /// Reads and validates the bytes of a plan file.
    ///
    /// Order of checks: empty file; JSON syntax; `schemaVersion` (missing, newer than this build,
    /// 0 or negative; older ones are upgraded with `migrations`); types, required keys and enum
    /// values; then ``PlanValidator`` (ids, references, ranges), which reports every problem.
    ///
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: the file's path, used at the start of every message.
    ///   - migrations: upgrades for older files; tests pass their own.
    /// - Throws: ``PlanLoadError`` whose message names the file, the JSON path, line and column.
    public static func decode(_ data: Data, file: String, migrations: Migrations = .standard)
        throws(PlanLoadError) -> Plan
    {
        try decode(data, file: file, migrations: migrations, fast: true)
    }

    /// ``decode(_:file:migrations:)`` by `JSONDecoder` alone, without the fast path: the
    /// reference for the equivalence tests and benchmarks.
    public static func decodeWithFoundation(_ data: Data, file: String, migrations: Migrations = .standard)
        throws(PlanLoadError) -> Plan
    {
        try decode(data, file: file, migrations: migrations, fast: false)
    }

    /// Reads a current-version file with ``FastPlanReader`` and anything it does not read
    /// exactly (including every error) with `JSONDecoder`, then validates.
    private static func decode(_ data: Data, file: String, migrations: Migrations, fast: Bool)
        throws(PlanLoadError) -> Plan
    {
        guard !data.isEmpty else { throw PlanLoadError(file: file, reason: .empty) }
        var plan: Plan
        do {
            if fast, let read = FastPlanReader.read(data, schemaVersion: migrations.currentVersion) {
                plan = read
            } else {
                let decoder = makeDecoder(current: migrations.currentVersion)
                let envelope = try decoder.decode(Envelope.self, from: data)
                plan = try envelope.plan ?? decodeOlder(data, file: file, version: envelope.version,
                                                        decoder: decoder, migrations: migrations)
            }
        } catch let error as PlanLoadError {
            throw error
        } catch SchemaSignal.newer(let version) {
            // Refused before anything else is judged: a newer build may write what this one cannot read.
            throw PlanLoadError(file: file, reason: .newerSchema(found: version, supported: migrations.currentVersion))
        } catch {
            let bytes = [UInt8](data)
            // Syntax first. JSONDecoder reads values lazily, so it may stop at a missing key or a
            // wrong type before it meets a bad token, and its own syntax errors carry no position.
            if let syntax = JSONLocator.syntaxError(in: bytes) {
                let problem = PlanProblem(path: [], text: "malformed JSON: \(syntax)", position: syntax.position)
                throw PlanLoadError(file: file, reason: .malformedJSON, problems: [problem])
            }
            switch error {
            case let signal as SchemaSignal:
                throw signal.loadError(file: file, bytes: bytes, current: migrations.currentVersion)
            case let error as DecodingError:
                throw DecodingErrorText.loadError(error, file: file, bytes: bytes)
            default:
                throw PlanLoadError(file: file, reason: .wrongContent,
                                    problems: [PlanProblem(path: [], text: String(describing: error))])
            }
        }
        plan.schemaVersion = migrations.currentVersion
        let problems = PlanValidator.validate(plan)
        if !problems.isEmpty {
            throw PlanLoadError(file: file, reason: .invalid,
                                problems: locating(problems, in: [UInt8](data)))
        }
        return plan
    }

    /// The first ``PlanLoadError/shownProblems`` problems with their line and column filled in.
    static func locating(_ problems: [PlanProblem], in bytes: [UInt8]) -> [PlanProblem] {
        let shown = problems.prefix(PlanLoadError.shownProblems)
        let found = JSONLocator.locate(shown.map(\.path), in: bytes)
        var result = problems
        for index in shown.indices { result[index].position = found[problems[index].path]?.position }
        return result
    }

    /// A decoder for plan files: ISO-8601 dates, with a message that names the expected form and
    /// keeps the coding path (Foundation's `.iso8601` strategy drops the key from the path).
    static func makeDecoder(current: Int = Plan.currentSchemaVersion) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.userInfo[Envelope.currentKey] = current
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
            if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected a date and time like 2026-03-02T09:30:00Z, found \(Words.value(text))")
        }
        return decoder
    }

    /// Reads an older file: upgrade the JSON object with `migrations`, then decode it.
    private static func decodeOlder(_ data: Data, file: String, version: Int, decoder: JSONDecoder,
                                    migrations: Migrations) throws -> Plan
    {
        guard var document = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw PlanLoadError(file: file, reason: .wrongContent,
                                problems: [PlanProblem(path: [], text: "expected a pilotwave plan, a JSON object")])
        }
        do {
            try migrations.upgrade(&document, from: version)
        } catch {
            throw PlanLoadError(file: file, reason: .migrationFailed,
                                problems: [PlanProblem(path: [], text: error.description)])
        }
        let upgraded = try JSONSerialization.data(withJSONObject: document)
        // Errors in the upgraded document are located in the original bytes: values the step did
        // not move are found where the user wrote them.
        return try decoder.decode(Plan.self, from: upgraded)
    }
}

/// Reads `schemaVersion` first and decodes the plan in the same pass only when the file is of the
/// current version, so a newer file is refused before any of its content is judged.
private struct Envelope: Decodable {
    var version: Int
    var plan: Plan?

    enum Keys: String, CodingKey { case schemaVersion }

    init(from decoder: any Decoder) throws {
        let current = decoder.userInfo[Envelope.currentKey] as? Int ?? Plan.currentSchemaVersion
        let container = try decoder.container(keyedBy: Keys.self)
        guard container.contains(.schemaVersion) else { throw SchemaSignal.missing }
        version = try container.decode(Int.self, forKey: .schemaVersion)
        if version > current { throw SchemaSignal.newer(version) }
        if version < 1 { throw SchemaSignal.unsupported(version) }
        plan = version == current ? try Plan(from: decoder) : nil
    }

    static let currentKey = CodingUserInfoKey(rawValue: "pilotwave.currentSchemaVersion")!
}

/// Problems with `schemaVersion` found by ``Envelope``.
private enum SchemaSignal: Error {
    case missing, newer(Int), unsupported(Int)

    func loadError(file: String, bytes: [UInt8], current: Int) -> PlanLoadError {
        let versionPath: JSONPath = [.key("schemaVersion")]
        switch self {
        case .missing:
            let problem = PlanProblem(
                path: [], text: "missing required key \"schemaVersion\"; expected the file format version, "
                    + "e.g. \"schemaVersion\" : \(current) (is this a pilotwave plan?)",
                position: JSONLocator.locate([], in: bytes)?.position)
            return PlanLoadError(file: file, reason: .missingSchemaVersion, problems: [problem])
        case .newer(let version):
            return PlanLoadError(file: file, reason: .newerSchema(found: version, supported: current))
        case .unsupported(let version):
            let problem = PlanProblem(
                path: versionPath, text: "unsupported schemaVersion \(version); versions start at 1",
                position: JSONLocator.locate(versionPath, in: bytes)?.position)
            return PlanLoadError(file: file, reason: .unsupportedSchema(version), problems: [problem])
        }
    }
}
