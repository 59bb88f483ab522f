import Foundation
import Testing

/// What the binary prints when something is wrong: one `pilotwave: ` prefix, values quoted short,
/// names rather than internal ids, and what to do next.
extension BinaryTests {
@Suite("Command-line messages", .serialized)
struct MessageCLITests {
    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var seconds: Double
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs the binary with its output in files, not pipes: a run that prints megabytes neither
    /// blocks on a full pipe nor hides how much it printed.
    func run(_ cli: CLIRunner, _ args: [String]) throws -> Output {
        let outURL = cli.folder.appendingPathComponent(".out-\(UUID().uuidString)")
        let errURL = cli.folder.appendingPathComponent(".err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = args
        process.currentDirectoryURL = cli.folder
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "interactive=no"
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        let start = Date()
        try process.run()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: try Data(contentsOf: outURL),
                      stderr: try Data(contentsOf: errURL), seconds: Date().timeIntervalSince(start))
    }

    /// The demo plan saved as `name`, its JSON text with the first match of the pattern `old` replaced by
    /// `new` (a pattern, not a fixed date: the demo's dates follow the day it is written).
    func demo(_ cli: CLIRunner, _ name: String, replacing old: String? = nil, with new: String = "") throws {
        try cli.run("demo", "--save-as", name)
        guard let old else { return }
        let text = try String(contentsOfFile: cli.path(name), encoding: .utf8)
        let range = try #require(text.range(of: old, options: .regularExpression))
        try text.replacingCharacters(in: range, with: new).write(toFile: cli.path(name), atomically: false, encoding: .utf8)
    }

    // MARK: Item: one prefix

    /// Every failure the commands report, each printed with the prefix exactly once.
    @Test func everyMessageHasThePrefixOnce() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try demo(cli, "demo.json")
        try demo(cli, "bad.json", replacing: "\"status\" : \"pilot\"", with: "\"status\" : \"flying\"")
        try FileManager.default.createDirectory(atPath: cli.path("folder"), withIntermediateDirectories: true)
        try cli.write("empty.json", "")
        try cli.write("teams.csv", "name\n")
        let failing: [[String]] = [
            ["open", "nofile.json"], ["nofile.json"], ["check", "nofile.json"], ["folder"], ["check", "empty.json"],
            ["check", "bad.json"], ["check", "demo.json", "--today", "tomorrow"], ["demo", "--save-as", "demo.json"],
            ["new", "demo.json"], ["new", "x.json", "--size", "huge"], ["export", "demo.json", "--format", "pdf"],
            ["diff", "demo.json", "bad.json"], ["import-teams", "demo.json", "nofile.csv"],
            ["import-teams", "demo.json", "teams.csv", "--delimiter", "ab"], ["demo"],
        ]
        for args in failing {
            let result = try run(cli, args)
            #expect(result.status != 0, "\(args) fails")
            let text = result.stderrText
            #expect(text.hasPrefix("pilotwave: "), "\(args): \(text)")
            #expect(!text.contains("pilotwave: pilotwave:"), "\(args): \(text)")
        }
    }

    // MARK: Item: bounded messages

    /// A 5 MB value in a date field: the message quotes 60 characters and the length, and `check`
    /// says so quickly.
    @Test func hugeValuesAreQuotedShort() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let huge = String(repeating: "x", count: 5_000_000)
        try demo(cli, "date.json", replacing: "\"20[0-9-]+T[0-9:]+Z\"", with: "\"\(huge)\"")
        try demo(cli, "ref.json", replacing: "\"coach\" : \"coach-", with: "\"coach\" : \"\(huge)")
        for file in ["date.json", "ref.json"] {
            let result = try run(cli, ["check", file])
            #expect(result.status == 2)
            #expect(result.stderr.count < 1_000, "\(file): \(result.stderr.count) bytes on stderr")
            #expect(result.stderrText.contains("…\" (5,000,"), "\(file): \(result.stderrText.prefix(400))")
            #expect(result.seconds < 5, "\(file): check took \(result.seconds) s")
        }
        try demo(cli, "demo.json")
        let option = try run(cli, ["check", "demo.json", "--today", huge.prefix(100_000).description])
        #expect(option.status == 2)
        #expect(option.stderr.count < 300)
        #expect(option.stderrText.contains("(100,000 characters)"))
    }

    // MARK: Item: names, not ids

    /// Human output names teams, waves, coaches and blockers; only `--json` carries their ids.
    @Test func checkAndRankNameThingsNotIds() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try demo(cli, "demo.json")
        // One team with an id as the planner makes them, to catch that pattern too.
        let text = try String(contentsOfFile: cli.path("demo.json"), encoding: .utf8)
        try text.replacingOccurrences(of: "team-broker-hub", with: "team-08b5f5f2")
            .write(toFile: cli.path("demo.json"), atomically: false, encoding: .utf8)
        let ids = try Self.ids(in: cli.read("demo.json"))
        #expect(ids.contains("team-08b5f5f2") && ids.contains("wave-1"))
        let check = try run(cli, ["check", "demo.json", "--today", "2026-11-23"])
        let rank = try run(cli, ["rank", "demo.json"])
        #expect(check.status == 1 && rank.status == 0)
        #expect(check.stdoutText.contains("concerns: Wave 1 — early adopters, Marc Dubois"))
        for (command, output) in [("check", check.stdoutText), ("rank", rank.stdoutText)] {
            let words = Set(output.split(whereSeparator: { " ,:;()[]\"\n".contains($0) }).map(String.init))
            #expect(words.isDisjoint(with: ids), "\(command) prints ids: \(words.intersection(ids).sorted())")
            #expect(output.range(of: "(team|wave|blocker|coach|note|signal|stakeholder)-[0-9a-f]{8}",
                                 options: .regularExpression) == nil, "\(command)")
        }
        let json = try run(cli, ["check", "demo.json", "--json", "--today", "2026-11-23"])
        #expect(json.stdoutText.contains("\"team-08b5f5f2\""), "--json keeps the ids for tools")
    }

    /// Every `id` value in a plan file.
    static func ids(in data: Data) throws -> Set<String> {
        var found: Set<String> = []
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if let id = object["id"] as? String { found.insert(id) }
                object.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        walk(try JSONSerialization.jsonObject(with: data))
        return found.filter { $0.contains("-") }
    }

    // MARK: Item: what to do when a file cannot be opened

    @Test func openingWhatIsNotAPlanSaysWhatToDo() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        for args in [["open", "nofile.json"], ["nofile.json"]] {
            let result = try run(cli, args)
            #expect(result.status == 2)
            #expect(result.stderrText == "pilotwave: nofile.json: no such file. To start a new plan there: pilotwave new "
                + "nofile.json (or pilotwave demo --save-as nofile.json to start from the demo plan).\n")
        }
        #expect(try run(cli, ["nodir/plan.json"]).stderrText
            == "pilotwave: nodir/plan.json: no such file, and no folder nodir; check the path.\n")
        try FileManager.default.createDirectory(atPath: cli.path("plans"), withIntermediateDirectories: true)
        #expect(try run(cli, ["plans"]).stderrText
            == "pilotwave: plans: is a folder, not a plan file; give the path of a plan file (FILE.json) in it\n")
        // Permissions do not stop root, so this part needs an ordinary user.
        if geteuid() != 0 {
            try demo(cli, "locked.json")
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: cli.path("locked.json"))
            #expect(try run(cli, ["locked.json"]).stderrText.contains("locked.json: cannot read: permission denied"))
        }
    }
}
}
