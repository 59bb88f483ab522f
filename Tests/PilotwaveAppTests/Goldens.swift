import Foundation
import Testing
import TerminalUI

/// Screen goldens: the text, the role layer and (optionally) the look under a theme, committed
/// under `Goldens/`. A missing or different golden fails; `PILOTWAVE_RECORD=1` (never on CI)
/// writes the new one instead, for review in the diff.
enum Goldens {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static var recording: Bool {
        let env = ProcessInfo.processInfo.environment
        return env["PILOTWAVE_RECORD"] == "1" && env["CI"] == nil
    }

    /// One character per cell for how `theme` draws it: `.` plain, `b` bold, `r` reverse,
    /// `u` underline, `d` dim, `c` coloured, upper case when bold is combined with another.
    static func lookLayer(_ canvas: Canvas, theme: Theme) -> [String] {
        (0..<canvas.size.height).map { y in
            String((0..<canvas.size.width).map { x -> Character in
                let s = theme.style(canvas[x, y].role)
                let base: Character = s.reverse ? "r" : s.underline ? "u" : s.dim ? "d"
                    : (s.fg != .default || s.bg != .default) ? "c" : s.bold ? "b" : "."
                return s.bold && base != "b" && base != "." ? Character(base.uppercased()) : base
            })
        }
    }

    static func render(_ canvas: Canvas, theme: Theme?) -> String {
        let snap = GridSnapshot(canvas)
        var text = snap.description
        if let theme {
            text += "\n" + String(repeating: "═", count: 8) + " look: \(theme.name.rawValue)\n"
            text += lookLayer(canvas, theme: theme).joined(separator: "\n")
        }
        return text + "\n"
    }

    static func check(_ name: String, _ canvas: Canvas, theme: Theme? = nil,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actual = render(canvas, theme: theme)
        let url = folder.appendingPathComponent(name + ".txt")
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if expected == actual { return }
        if recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected else {
            Issue.record("no golden \(name).txt; record it with PILOTWAVE_RECORD=1 swift test --disable-xctest --filter Snapshot, then review it:\n\(actual)",
                         sourceLocation: sourceLocation)
            return
        }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for i in 0..<max(a.count, e.count) where (i < a.count ? a[i] : "∅") != (i < e.count ? e[i] : "∅") {
            let golden = i < e.count ? String(e[i]) : "∅"
            let got = i < a.count ? String(a[i]) : "∅"
            diff.append("line \(i + 1):\n  golden: \(golden)\n  actual: \(got)")
            if diff.count >= 8 { break }
        }
        let message = "screen differs from golden \(name).txt:\n" + diff.joined(separator: "\n")
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}
