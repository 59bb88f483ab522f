import ArgumentParser
import Foundation

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
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("pilotwave: " + text + "\n").utf8))
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
