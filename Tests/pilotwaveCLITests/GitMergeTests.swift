import Foundation
import Testing

/// `pilotwave merge` (three plans in, one plan out, never conflict markers) and `pilotwave
/// git-setup`, driven through the real binary — and through a real `git merge`.
extension BinaryTests {
@Suite("Plans in git: merge and git-setup", .serialized)
struct GitMergeTests {
    // MARK: - pilotwave merge

    @Test func mergeHelpSaysHowGitUsesIt() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let help = try cli.run("merge", "--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("pilotwave merge %O %A %B"), "\(help.stdout)")
        #expect(help.stdout.contains("pilotwave git-setup"))
        #expect(help.stdout.contains("--output"))
        #expect(try cli.run("--help").stdout.contains("git-setup"))
    }

    /// One side unchanged: the other side's plan is the result, written over OURS (git's way).
    @Test func aCleanMergeIsWrittenOverOursAndExitsZero() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try Plans.three(cli)
        try Plans.edit(cli, "theirs.json") { $0["name"] = "Lindenhof — renamed on their side" }
        let merged = try cli.run("merge", "base.json", "ours.json", "theirs.json")
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stderr.isEmpty, "\(merged.stderr)")
        #expect(try Plans.json(cli, "ours.json")["name"] as? String == "Lindenhof — renamed on their side")
        #expect(!String(decoding: try cli.read("ours.json"), as: UTF8.self).contains("<<<<<<<"))
        #expect(try cli.run("check", "ours.json").status != 2, "the merged plan loads")
    }

    @Test func outputLeavesOursAsItWas() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try Plans.three(cli)
        try Plans.edit(cli, "theirs.json") { $0["name"] = "Theirs" }
        let ours = try cli.read("ours.json")
        let merged = try cli.run("merge", "base.json", "ours.json", "theirs.json", "--output", "merged.json")
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try cli.read("ours.json") == ours)
        #expect(try Plans.json(cli, "merged.json")["name"] as? String == "Theirs")
    }

    /// Both sides changed the same thing: exit 1, each conflict in words on stderr, and a file that
    /// still loads, with OURS' value.
    @Test func aConflictExitsOneAndTheFileStillLoads() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try Plans.three(cli)
        try Plans.edit(cli, "ours.json") { $0["name"] = "Our name" }
        try Plans.edit(cli, "theirs.json") { $0["name"] = "Their name" }
        let merged = try cli.run("merge", "base.json", "ours.json", "theirs.json")
        #expect(merged.status == 1)
        let lines = merged.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("CONFLICT ours.json: ") == true, "\(merged.stderr)")
        #expect(lines.last?.contains("ours.json loads") == true, "\(merged.stderr)")
        #expect(lines.last?.contains("Conflicts") == true, "\(merged.stderr)")
        let text = String(decoding: try cli.read("ours.json"), as: UTF8.self)
        #expect(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"))
        #expect(try Plans.json(cli, "ours.json")["name"] as? String == "Our name")
        #expect(try cli.run("check", "ours.json").status != 2, "the merged plan loads")
    }

    /// With the merge by id: the conflict names the field and both values.
    @Test func aConflictIsDescribedWithBothValues() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try Plans.three(cli)
        try Plans.edit(cli, "ours.json") { $0["name"] = "Our name" }
        try Plans.edit(cli, "theirs.json") { $0["name"] = "Their name" }
        let merged = try cli.run("merge", "base.json", "ours.json", "theirs.json", "--name", "plan.json")
        #expect(merged.status == 1)
        let first = merged.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("CONFLICT plan.json: "), "\(merged.stderr)")
        #expect(first.contains("ours \"Our name\"") && first.contains("theirs \"Their name\""), "\(merged.stderr)")
        let check = try cli.run("check", "ours.json")
        #expect(check.status == 1)
        #expect(check.stdout.contains("Their name"), "check names the unresolved conflict: \(check.stdout)")
    }

    @Test func anUnreadableSideIsRefusedAndOursIsNotTouched() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try Plans.three(cli)
        try Plans.edit(cli, "ours.json") { $0["name"] = "Ours" }
        let ours = try cli.read("ours.json")
        try cli.write("theirs.json", "{\"teams\": [ <<<<<<< HEAD\n")
        let broken = try cli.run("merge", "base.json", "ours.json", "theirs.json")
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("theirs.json"), "\(broken.stderr)")
        #expect(try cli.read("ours.json") == ours)
        #expect(!cli.exists("ours.json.bak"))

        let missing = try cli.run("merge", "nothing.json", "ours.json", "ours.json", "--output", "out.json")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nothing.json"), "\(missing.stderr)")
        #expect(!cli.exists("out.json"))
    }

    // MARK: - pilotwave git-setup

    @Test func gitSetupRefusesOutsideARepository() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let refused = try cli.run(CLIRunner.binary, ["git-setup"], environment: ["GIT_CEILING_DIRECTORIES": cli.folder.deletingLastPathComponent().path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("not inside a git repository"), "\(refused.stderr)")
        #expect(!cli.exists(".gitattributes"))
    }

    /// By default the plans in the repository, each by its path; never other JSON files.
    @Test func gitSetupWritesAttributesAndConfigOnce() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let git = try Git(cli)
        try git("init", "-q")
        #expect(try cli.run("demo", "--save-as", "plan.json").status == 0)
        try FileManager.default.createDirectory(atPath: cli.path("sub"), withIntermediateDirectories: true)
        #expect(try cli.run("demo", "--save-as", "sub/other.json").status == 0)
        try cli.write("package.json", "{\"name\": \"not a plan\"}\n")

        let first = try git.pilotwave("git-setup")
        #expect(first.status == 0, "\(first.stderr)")
        let attributes = String(decoding: try cli.read(".gitattributes"), as: UTF8.self)
        #expect(attributes == "/plan.json merge=pilotwave diff=pilotwave\n/sub/other.json merge=pilotwave diff=pilotwave\n")
        #expect(first.stdout.contains("/plan.json merge=pilotwave diff=pilotwave"), "\(first.stdout)")
        #expect(try git.config("merge.pilotwave.name") == "pilotwave plan merge")
        #expect(try git.config("merge.pilotwave.driver") == "pilotwave merge %O %A %B --name %P")
        #expect(try git.config("diff.pilotwave.command") == "pilotwave diff --git-external")
        #expect(first.stdout.contains("git config merge.pilotwave.driver"), "\(first.stdout)")

        let again = try git.pilotwave("git-setup")
        #expect(again.status == 0)
        #expect(again.stdout.contains("Nothing changed"), "\(again.stdout)")
        #expect(String(decoding: try cli.read(".gitattributes"), as: UTF8.self) == attributes)

        let pattern = try git.pilotwave("git-setup", "--pattern", "*.plan.json")
        #expect(pattern.status == 0)
        #expect(String(decoding: try cli.read(".gitattributes"), as: UTF8.self)
                == attributes + "*.plan.json merge=pilotwave diff=pilotwave\n")
    }

    @Test func gitSetupWithoutPlansAsksForAPattern() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let git = try Git(cli)
        try git("init", "-q")
        let none = try git.pilotwave("git-setup")
        #expect(none.status == 2)
        #expect(none.stderr.contains("--pattern"), "\(none.stderr)")
        #expect(!cli.exists(".gitattributes"))
    }

    /// Not on PATH: the configuration names the binary by its full path.
    @Test func gitSetupUsesTheFullPathWhenPilotwaveIsNotOnPath() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let git = try Git(cli)
        try git("init", "-q")
        let result = try cli.run(CLIRunner.binary, ["git-setup", "--pattern", "*.json"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try git.config("merge.pilotwave.driver") == "\(CLIRunner.binary.path) merge %O %A %B --name %P")
    }

    /// The chapter shows what git-setup really prints, and README and the user guide lead to it.
    @Test func theGitChapterShowsWhatGitSetupPrints() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let chapter = try String(contentsOf: root.appendingPathComponent("docs/git.md"), encoding: .utf8)
        let git = try Git(cli)
        try git("init", "-q")
        #expect(try cli.run("demo", "--save-as", "plan.json").status == 0)
        let setup = try git.pilotwave("git-setup")
        #expect(setup.status == 0)
        for line in setup.stdout.split(separator: "\n") {
            #expect(chapter.contains(line), "docs/git.md does not show \(line)")
        }
        #expect(chapter.contains(try git.pilotwave("git-setup").stdout.trimmingCharacters(in: .newlines)))
        for link in ["README.md", "docs/user-guide.md"] {
            let text = try String(contentsOf: root.appendingPathComponent(link), encoding: .utf8)
            #expect(text.contains("git.md)"), "\(link) links to the chapter")
        }
    }

    // MARK: - A real git merge

    /// Two branches change different things; `git merge` uses the driver and the result has both.
    @Test func gitMergesTwoBranchesByIdWithTheDriver() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let git = try Git.repositoryWithDemoPlan(cli)
        try git("checkout", "-q", "-b", "theirs")
        try Plans.edit(cli, "plan.json") { Plans.setTeam(&$0, "Claims Intake", "coach", "coach-lena-brunner") }
        try git("commit", "-q", "-am", "Lena coaches Claims Intake")
        try git("checkout", "-q", "main")
        try Plans.edit(cli, "plan.json") { Plans.setTeam(&$0, "Broker Hub", "name", "Broker Portal") }
        try git("commit", "-q", "-am", "Broker Hub is now Broker Portal")

        let merge = try git("merge", "-q", "--no-edit", "theirs")
        #expect(merge.status == 0, "\(merge.stdout)\n\(merge.stderr)")
        let plan = try Plans.json(cli, "plan.json")
        #expect(Plans.team(plan, "Claims Intake")?["coach"] as? String == "coach-lena-brunner")
        #expect(Plans.team(plan, "Broker Portal") != nil)
        #expect(try cli.run("check", "plan.json").status != 2)
        #expect(try git("status", "--porcelain").stdout.isEmpty, "no files left behind")
    }

    /// Both branches change the same coach: git stops, the file loads, `check` names the conflict;
    /// `git add` and `git commit` finish the merge.
    @Test func aConflictingGitMergeStopsWithAFileThatLoads() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let git = try Git.repositoryWithDemoPlan(cli)
        try git("checkout", "-q", "-b", "theirs")
        try Plans.edit(cli, "plan.json") { Plans.setTeam(&$0, "Claims Intake", "coach", "coach-lena-brunner") }
        try git("commit", "-q", "-am", "Lena coaches Claims Intake")
        try git("checkout", "-q", "main")
        try Plans.edit(cli, "plan.json") { Plans.setTeam(&$0, "Claims Intake", "coach", "coach-marc-dubois") }
        try git("commit", "-q", "-am", "Marc coaches Claims Intake")

        let merge = try git("merge", "--no-edit", "theirs")
        #expect(merge.status == 1, "\(merge.stdout)\n\(merge.stderr)")
        #expect((merge.stdout + merge.stderr).contains("CONFLICT plan.json: "), "\(merge.stdout)\n\(merge.stderr)")
        let text = String(decoding: try cli.read("plan.json"), as: UTF8.self)
        #expect(!text.contains("<<<<<<<"))
        #expect(Plans.team(try Plans.json(cli, "plan.json"), "Claims Intake")?["coach"] as? String == "coach-marc-dubois")
        let status = try git("status", "--porcelain").stdout
        #expect(status == "UU plan.json\n", "only the plan, unmerged; nothing left behind: \(status)")
        let check = try cli.run("check", "plan.json")
        #expect(check.status == 1)
        #expect(check.stdout.contains("Claims Intake"), "\(check.stdout)")

        try git("add", "plan.json")
        #expect(try git("commit", "-q", "--no-edit").status == 0)
        #expect(try git("status", "--porcelain").stdout.isEmpty)
    }

    /// The whole way through: git stops on a conflict, pilotwave opens on it, the facilitator takes
    /// theirs for one and keeps ours for the other, and `git commit` finishes the merge.
    @Test func aConflictingGitMergeIsResolvedInPilotwaveAndCommitted() throws {
        try #require(Tmux.available, "tmux is needed for the end-to-end tests (.ci/run installs it)")
        let cli = try CLIRunner()
        defer { cli.remove() }
        let git = try Git.repositoryWithDemoPlan(cli)
        try git("checkout", "-q", "-b", "theirs")
        try Plans.edit(cli, "plan.json") {
            Plans.setTeam(&$0, "Claims Intake", "coach", "coach-lena-brunner")
            Plans.setTeam(&$0, "Broker Hub", "name", "Broker Portal")
        }
        try git("commit", "-q", "-am", "theirs")
        try git("checkout", "-q", "main")
        try Plans.edit(cli, "plan.json") {
            Plans.setTeam(&$0, "Claims Intake", "coach", "coach-marc-dubois")
            Plans.setTeam(&$0, "Broker Hub", "name", "Broker Gateway")
        }
        try git("commit", "-q", "-am", "ours")
        #expect(try git("merge", "--no-edit", "theirs").status == 1)

        let tmux = Tmux(folder: cli.folder)
        try tmux.start("\(CLIRunner.binary.path) plan.json", width: 120, height: 40)
        let screen = try tmux.wait(for: "2 merge conflicts to resolve")
        #expect(screen.contains("Claims Intake"))
        #expect(screen.contains("Broker Portal") && screen.contains("Broker Gateway"))
        // The first in the list: take theirs; the next: keep ours.
        try tmux.keys("Enter")
        try tmux.wait(for: "1 conflict left")
        try tmux.keys("o")
        try tmux.wait("no conflicts left") { !$0.contains("conflicts ·") && !$0.contains("merge conflicts to resolve") }
        try tmux.wait("saved HH:MM") { $0.range(of: "saved [0-9]{2}:[0-9]{2}", options: .regularExpression) != nil }
        try tmux.keys("Escape", "q")
        #expect(try tmux.wait(for: "STTY=").contains("EXIT=0"))

        #expect(try cli.run("check", "plan.json").stdout.contains("Merge conflict") == false)
        let plan = try Plans.json(cli, "plan.json")
        #expect((plan["conflicts"] as? [Any])?.isEmpty == true)
        let coach = Plans.team(plan, "Claims Intake")?["coach"] as? String
        let broker = Plans.team(plan, "Broker Portal") ?? Plans.team(plan, "Broker Gateway")
        #expect(broker != nil)
        #expect(["coach-lena-brunner", "coach-marc-dubois"].contains(coach ?? ""))
        #expect((coach == "coach-lena-brunner") != (Plans.team(plan, "Broker Portal") != nil),
                "one conflict took theirs, the other kept ours")
        try git("add", "plan.json")
        #expect(try git("commit", "-q", "--no-edit").status == 0)
        let left = try git("status", "--porcelain").stdout
        #expect(left.isEmpty, "\(left)")
    }

    /// `git diff` on a plan is pilotwave's diff: what changed, in domain terms.
    @Test func gitDiffShowsTheDomainDiff() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let git = try Git.repositoryWithDemoPlan(cli)
        try Plans.edit(cli, "plan.json") { Plans.setTeam(&$0, "Broker Hub", "name", "Broker Portal") }
        let diff = try git("diff")
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("Broker Hub"), "\(diff.stdout)")
        #expect(diff.stdout.contains("Broker Portal"), "\(diff.stdout)")
        #expect(diff.stdout.contains("plan.json"), "\(diff.stdout)")
        #expect(!diff.stdout.contains("@@"), "not a line diff: \(diff.stdout)")

        // A new plan: git-setup again adds it; its diff says so in words, and git does not stop.
        #expect(try cli.run("demo", "--save-as", "second.json").status == 0)
        let again = try git.pilotwave("git-setup")
        #expect(again.stdout.contains("/second.json merge=pilotwave diff=pilotwave"), "\(again.stdout)")
        try git("add", "-N", "second.json")
        let added = try git("diff", "--", "second.json")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("New plan \"Lindenhof — towards product teams\": 24 teams."), "\(added.stdout)")
    }
}
}

/// Plan files edited as JSON, the way a program other than pilotwave would.
enum Plans {
    /// base.json, ours.json and theirs.json: the same demo plan.
    static func three(_ cli: CLIRunner) throws {
        #expect(try cli.run("demo", "--save-as", "base.json", "--today", "2026-03-09").status == 0)
        let data = try cli.read("base.json")
        try data.write(to: URL(fileURLWithPath: cli.path("ours.json")))
        try data.write(to: URL(fileURLWithPath: cli.path("theirs.json")))
    }

    static func json(_ cli: CLIRunner, _ name: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: cli.read(name)) as? [String: Any])
    }

    static func edit(_ cli: CLIRunner, _ name: String, _ change: (inout [String: Any]) -> Void) throws {
        var plan = try json(cli, name)
        change(&plan)
        let data = try JSONSerialization.data(withJSONObject: plan, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: cli.path(name)))
    }

    static func team(_ plan: [String: Any], _ name: String) -> [String: Any]? {
        (plan["teams"] as? [[String: Any]])?.first { $0["name"] as? String == name }
    }

    static func setTeam(_ plan: inout [String: Any], _ name: String, _ key: String, _ value: Any) {
        guard var teams = plan["teams"] as? [[String: Any]],
              let index = teams.firstIndex(where: { $0["name"] as? String == name }) else { return }
        teams[index][key] = value
        plan["teams"] = teams
    }
}

/// git in the scratch folder, with the built pilotwave first on PATH and no user config.
struct Git {
    let cli: CLIRunner
    let environment: [String: String]

    init(_ cli: CLIRunner) throws {
        self.cli = cli
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        environment = [
            "PATH": CLIRunner.binary.deletingLastPathComponent().path + ":" + path,
            "HOME": cli.folder.path,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CEILING_DIRECTORIES": cli.folder.deletingLastPathComponent().path,
            "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t",
            "GIT_PAGER": "cat", "PAGER": "cat",
        ]
    }

    static let executable = URL(fileURLWithPath: "/usr/bin/env")

    @discardableResult
    func callAsFunction(_ args: String...) throws -> CLIRunner.Result {
        try cli.run(Self.executable, ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main"] + args,
                    environment: environment)
    }

    func pilotwave(_ args: String...) throws -> CLIRunner.Result {
        try cli.run(CLIRunner.binary, args, environment: environment)
    }

    func config(_ key: String) throws -> String {
        try callAsFunction("config", "--get", key).stdout.trimmingCharacters(in: .newlines)
    }

    /// A repository with `plan.json` (the demo) committed on `main`, set up with `git-setup`.
    static func repositoryWithDemoPlan(_ cli: CLIRunner) throws -> Git {
        let git = try Git(cli)
        try git("init", "-q")
        #expect(try cli.run("demo", "--save-as", "plan.json", "--today", "2026-03-09").status == 0)
        let setup = try git.pilotwave("git-setup")
        #expect(setup.status == 0, "\(setup.stderr)")
        try git("add", ".")
        try git("commit", "-q", "-m", "The plan")
        return git
    }
}
