import Foundation
import PilotwaveApp

extension UserConfig {
    /// The config file's path: `$XDG_CONFIG_HOME/pilotwave/config.toml`, or `~/.config/pilotwave/config.toml`.
    static var path: String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.config")
        return base + "/pilotwave/config.toml"
    }

    /// The user's config, or the defaults when there is none. Problems are kept for the status line.
    static func load() -> UserConfig {
        let path = path
        guard FileManager.default.fileExists(atPath: path) else { return UserConfig() }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return UserConfig(problems: [.init(source: path, text: "cannot be read as UTF-8 text; defaults used")])
        }
        return parse(text, source: path)
    }
}
