import Foundation
import PilotwaveApp
import Testing

/// The user documentation is true to the product: it sends readers to nothing they do not have,
/// promises nothing for later, counts the views the app has and names every view.
@Suite("Documentation")
struct DocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The documents a user reads (performance.md records measurements as they were taken).
    static let userDocs = ["README.md", "docs/user-guide.md", "docs/facilitator-guide.md", "docs/file-format.md", "docs/keys.md"]

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    static func lines(_ path: String, matching pattern: String, in text: String, caseSensitive: Bool = false) -> [String] {
        let options: String.CompareOptions = caseSensitive ? [.regularExpression] : [.regularExpression, .caseInsensitive]
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { i, line in
            line.range(of: pattern, options: options) != nil ? "\(path):\(i + 1): \(line)" : nil
        }
    }

    @Test(arguments: userDocs)
    func citesNothingOutsideTheProject(path: String) throws {
        let text = try Self.text(path)
        let outside = Self.lines(path, matching: #"\bDOMAIN\b|\bARCHITECTURE\b|\.\./shared|\bshared/|swift-ncurses\.md"#, in: text,
                                 caseSensitive: true)
        #expect(outside.isEmpty, "mentions of files users do not have:\n\(outside.joined(separator: "\n"))")
        // Every relative link leads to a file of the project.
        let folder = (path as NSString).deletingLastPathComponent
        let links = text.matches(of: /\]\(([^)#\s]+)(#[^)]*)?\)/).map { String($0.output.1) }
            .filter { !$0.contains("://") && !$0.hasPrefix("mailto:") }
        for link in links {
            let target = Self.root.appendingPathComponent(folder).appendingPathComponent(link).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: target.path), "\(path) links to \(link), which is not in the project")
        }
    }

    @Test(arguments: userDocs)
    func promisesNothingForLater(path: String) throws {
        let pattern = #"later releases?|coming soon|future (release|version)|not yet (supported|available|implemented|possible|built|done in pilotwave)|planned for a later"#
        let promises = Self.lines(path, matching: pattern, in: try Self.text(path))
        #expect(promises.isEmpty, "the docs describe what pilotwave does today:\n\(promises.joined(separator: "\n"))")
    }

    /// The words the app itself shows (help lines, messages, `--help`) promise nothing for later
    /// either: every Swift source under Sources/ is read for the same phrases.
    @Test func theAppsOwnTextPromisesNothingForLater() throws {
        let pattern = #"later releases?|coming soon|future (release|version)|not yet (supported|available|implemented|possible|built)|planned for a later"#
        let sources = Self.root.appendingPathComponent("Sources")
        var found: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        #expect(files.count > 50, "the sources were found")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            found += Self.lines(file.lastPathComponent, matching: pattern, in: text).map { "\(file.lastPathComponent): \($0)" }
        }
        #expect(found.isEmpty, "the app describes what it does today:\n\(found.joined(separator: "\n"))")
    }

    @Test(arguments: userDocs)
    func countsTheViewsTheAppHas(path: String) throws {
        let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
        let pattern = #"\b(\#(words.joined(separator: "|"))|[0-9]+) (main )?views\b"#
        let count = ViewID.allCases.count
        let wrong = Self.lines(path, matching: pattern, in: try Self.text(path)).filter { line in
            guard let match = line.range(of: pattern, options: [.regularExpression, .caseInsensitive]) else { return false }
            let number = String(line[match].split(separator: " ")[0]).lowercased()
            return (Int(number) ?? (words.firstIndex(of: number).map { $0 + 1 } ?? -1)) != count
        }
        #expect(wrong.isEmpty, "the app has \(count) views:\n\(wrong.joined(separator: "\n"))")
    }

    @Test func theUserGuideNamesEveryView() throws {
        let guide = try Self.text("docs/user-guide.md")
        for (i, view) in ViewID.allCases.enumerated() {
            let key = "(`\(i + 1)`)"
            #expect(guide.contains("\(view.title) view \(key)") || guide.contains("\(view.title) \(key)"),
                    "the user guide never introduces the \(view.title) view with its key \(key)")
        }
    }

    /// Every plan check the rules can raise is described in the user guide by its code, so a check
    /// added without its guidance fails here. The codes are read from the rules' sources.
    @Test func theUserGuideDescribesEveryCheck() throws {
        let rules = Self.root.appendingPathComponent("Sources/PilotwaveCore/Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: rules.path).filter { $0.hasSuffix(".swift") }
        var codes = Set<String>()
        for file in files {
            let source = try String(contentsOf: rules.appendingPathComponent(file), encoding: .utf8)
            let regex = try NSRegularExpression(pattern: #"code: "([A-Za-z]+)""#)
            for match in regex.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                if let r = Range(match.range(at: 1), in: source) { codes.insert(String(source[r])) }
            }
        }
        #expect(codes.count >= 30, "the scan finds the checks: \(codes.sorted())")
        let guide = try Self.text("docs/user-guide.md")
        for code in codes.sorted() {
            #expect(guide.contains("`\(code)`"), "the user guide does not describe the check `\(code)`")
        }
    }
}
