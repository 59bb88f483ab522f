import ArgumentParser
import Foundation
import PilotwaveCore

/// A user-facing failure: printed to stderr as `pilotwave: message`, then exit with `code`.
/// Never a backtrace for a user mistake.
struct CLIFailure: Error {
    var message: String
    var code: Int32

    init(_ message: String, code: Int32 = 2) {
        self.message = message
        self.code = code
    }
}

enum Console {
    /// What starts every message on stderr. Added here and nowhere else: callers pass the message alone.
    static let prefix = "pilotwave: "
    /// The most characters one message prints. Values in messages are already quoted short
    /// (`Words.value`); this guards against one that is not.
    static let longestMessage = 20_000

    /// `pilotwave: text` on stderr.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(errorLine(text).utf8))
    }

    /// The line ``error(_:)`` prints: the prefix once (a message that already starts with it keeps
    /// just the one), at most ``longestMessage`` characters.
    static func errorLine(_ text: String) -> String {
        var body = Substring(text)
        while body.hasPrefix(prefix) { body = body.dropFirst(prefix.count) }
        return prefix + Words.clip(String(body), max: longestMessage) + "\n"
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

extension ParsableCommand {
    /// Runs `body`, turning a `CLIFailure` (or any other error) into a message on stderr and an exit code.
    func guarded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CLIFailure {
            Console.error(failure.message)
            throw ExitCode(failure.code)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.error(String(describing: error))
            throw ExitCode(2)
        }
    }
}

/// Resolves a path argument against the current directory.
func fileURL(_ path: String) -> URL {
    URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
}
