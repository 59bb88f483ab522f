import Foundation

/// Runs the built `pilotwave` binary as a user would, in a scratch folder, and captures what it prints.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary beside the test bundle (SwiftPM builds the `pilotwave` product into the same folder).
    static let binary: URL = {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = here.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("pilotwave")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/pilotwave")
    }()

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pilotwave-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Writes the user's `config.toml` where the programs started by ``Tmux`` look for it.
    func writeConfig(_ text: String) throws {
        let dir = folder.appendingPathComponent("config/pilotwave")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try text.write(to: dir.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: path(name), atomically: false, encoding: .utf8)
    }

    func read(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path(name))) }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    struct Timeout: Error, CustomStringConvertible {
        var command: String
        var seconds: TimeInterval
        var description: String { "\(command) did not finish within \(Int(seconds)) s; it was killed" }
    }

    /// Runs `pilotwave args…` in the scratch folder with no stdin and no terminal.
    @discardableResult
    func run(_ args: String...) throws -> Result {
        try run(Self.binary, args)
    }

    /// Runs `executable args…` in the scratch folder with no stdin and no terminal. Both outputs
    /// are read at the same time (a child that fills one pipe while we wait on the other would
    /// never finish); a child still running after `timeout` seconds is killed and `Timeout` thrown.
    func run(_ executable: URL, _ args: [String], timeout: TimeInterval = 120, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = args
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "interactive=no"
        env["COLUMNS"] = "100"
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = Collected(), errData = Collected()
        let readers = DispatchGroup()
        for (pipe, sink) in [(out, outData), (err, errData)] {
            readers.enter()
            DispatchQueue.global().async {
                sink.set(pipe.fileHandleForReading.readDataToEndOfFile())
                readers.leave()
            }
        }
        if readers.wait(timeout: .now() + timeout) == .timedOut {
            // Not waitUntilExit: a child of the child may keep it waiting as long as it runs.
            kill(process.processIdentifier, SIGKILL)
            if readers.wait(timeout: .now() + 5) == .success { process.waitUntilExit() }
            throw Timeout(command: ([executable.lastPathComponent] + args).joined(separator: " "), seconds: timeout)
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData.get(), as: UTF8.self),
                      stderr: String(decoding: errData.get(), as: UTF8.self))
    }

    /// Bytes read on another thread.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func set(_ new: Data) { lock.withLock { data = new } }
        func get() -> Data { lock.withLock { data } }
    }
}
