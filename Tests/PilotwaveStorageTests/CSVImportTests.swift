import Foundation
import PilotwaveCore
import PilotwaveStorage
import Testing

@Suite("CSV import")
struct CSVImportTests {
    let plan = Fixtures.fullPlan()  // teams team-1…team-4, criteria = defaults + "Speed of delivery"

    func importing(_ text: String, separator: CSVSeparator? = nil) throws -> [Team] {
        var ids = SequentialIDs()
        return try TeamCSVImport.teams(fromCSV: text, file: "teams.csv", plan: plan, ids: &ids, separator: separator)
    }

    func refusal(_ text: String) -> TeamCSVImportError? {
        #expect(throws: TeamCSVImportError.self) { try importing(text) }
    }

    @Test func everyColumnWithAliasesAndLooseSpelling() throws {
        let csv = """
            Team Name, Area ,Stage,PM,Designers,Engineers,DATA,marketing,Other,Familiarity,Learning,customer_access,\
            Speed of delivery,Tags,Notes,Status,Reason
            Search,Discovery,Invest,1,1,4,0,0,0,4,5,3,2, search; ranking ;,"Multi
            line notes, with comma",candidate,
            Ledger,Finance,SUSTAIN,,,2,,,,,,,,,,Out of scope,Regulatory reporting
            "Quote ""Q"" Team",,,,,,,,,,,,,,,,

            """
        let teams = try importing(csv)
        #expect(teams == [
            Team(id: "team-5", name: "Search", area: "Discovery", stage: .invest,
                 roles: Roles(product: 1, design: 1, engineering: 4),
                 ratings: ["familiarity": 4, "learningAppetite": 5, "customerAccess": 3, "speed": 2],
                 tags: ["search", "ranking"], notes: "Multi\nline notes, with comma"),
            Team(id: "team-6", name: "Ledger", area: "Finance", stage: .sustain, roles: Roles(engineering: 2),
                 status: .outOfScope, outOfScopeReason: "Regulatory reporting"),
            Team(id: "team-7", name: "Quote \"Q\" Team"),
        ])
        // The imported teams keep the plan valid once appended.
        var joined = plan
        joined.teams += teams
        #expect(PlanValidator.validate(joined).isEmpty)
    }

    @Test func customCriterionByKeyAndSemicolonDelimiter() throws {
        let teams = try importing("name;speed;tags\nSearch;5;\"a;b\"\n", separator: CSVSeparator(";"))
        #expect(teams.map(\.ratings) == [["speed": 5]])
        #expect(teams.map(\.tags) == [["a", "b"]])
    }

    @Test func unknownColumnsAreNamedWithTheAcceptedHeaders() {
        #expect(refusal("name,budget,Owner\nX,1,2\n")?.message == """
            teams.csv: 1 problem; nothing was imported:
            line 1: unknown columns "budget", "Owner"; accepted headers: id, name, area, stage, product, design, \
            engineering, data, marketing, other, familiarity, learning appetite, customer access, speed of delivery, \
            tags, notes, status, reason (any case; spaces, dashes and underscores are ignored)
            """)
    }

    @Test func ratingColumnsFollowThePlansCriteria() throws {
        var plan = Fixtures.smallPlan()  // only "familiarity" is rated
        #expect(TeamCSVImport.acceptedHeaders(for: plan) == [
            "id", "name", "area", "stage", "product", "design", "engineering", "data", "marketing", "other",
            "familiarity", "tags", "notes", "status", "reason",
        ])
        var ids = SequentialIDs()
        let error = #expect(throws: TeamCSVImportError.self) {
            try TeamCSVImport.teams(fromCSV: "name,learning appetite\nX,3\n", file: "t.csv", plan: plan, ids: &ids)
        }
        #expect(error?.problems.map(\.description).first?.hasPrefix("line 1: unknown column \"learning appetite\";") == true)
        plan.criteria[0].name = "Trust"
        let teams = try TeamCSVImport.teams(fromCSV: "name,trust\nX,3\n", file: "t.csv", plan: plan, ids: &ids)
        #expect(teams.map(\.ratings) == [["familiarity": 3]])
        // Ids already in the plan are skipped.
        #expect(teams.map(\.id) == ["team-4"])
    }

    @Test func headerProblems() {
        #expect(refusal("area,stage\nX,explore\n")?.message == """
            teams.csv: 1 problem; nothing was imported:
            line 1: no name column; every team needs a name
            """)
        #expect(refusal("name,Design,designers\nX,1,1\n")?.message == """
            teams.csv: 1 problem; nothing was imported:
            line 1: columns 2 ("Design") and 3 ("designers") are the same column; keep one
            """)
    }

    @Test func everyBadRowIsReportedWithItsLineAndColumn() {
        let csv = """
            name,stage,design,familiarity,status,reason
            Alpha2,grow,two,6,,
            "Beta
            Two",explore,1,3,,

            ,invest,,,,
            Gamma2,,-1,,pilot,
            Delta,,,,out of scope,
            alpha2,,,,,
            チーム Ωmega,,,,,
            """
        #expect(refusal(csv)?.message == """
            teams.csv: 9 problems; nothing was imported:
            line 2, column stage: expected one of explore, invest, sustain, retire; found "grow"
            line 2, column design: expected a whole number 0 or more, found "two"
            line 2, column familiarity: expected a rating 1–5 or empty, found "6"
            line 6, column name: expected a team name, found an empty cell
            line 7, column design: expected a whole number 0 or more, found "-1"
            line 7, column status: expected candidate or out of scope, found "pilot"
            line 8, column reason: expected a reason when status is out of scope, found an empty cell
            line 9, column name: duplicate team name "alpha2" (first on line 2)
            line 10, column name: a team named "チーム Ωmega" is already in the plan (team-1); to update the plan's \
            teams from this file, use --update
            """)
    }

    @Test func outOfScopeWithoutAReasonColumn() {
        #expect(refusal("name,status\nX,out of scope\n")?.message == """
            teams.csv: 1 problem; nothing was imported:
            line 2, column status: out of scope needs a reason; add a reason column
            """)
    }

    @Test func cellsBeyondTheHeader() throws {
        #expect(refusal("name,area\nX,a,b\n")?.message == """
            teams.csv: 1 problem; nothing was imported:
            line 2: 3 cells, but the header has 2 columns
            """)
        // Empty trailing cells (a spreadsheet habit) are fine.
        #expect(try importing("name,area\nX,a,,\n").map(\.area) == ["a"])
    }

    @Test func valuesUnderAColumnWithNoHeader() throws {
        #expect(refusal("name,,area\nX,oops,a\n")?.message == """
            teams.csv: 1 problem; nothing was imported:
            line 2, column 2: found "oops" in a column with no header; name the column or clear it
            """)
        #expect(try importing("name,,area\nX,,a\n").map(\.name) == ["X"])
    }

    @Test(arguments: ["", "\n\n", "  \n"])
    func emptyFile(text: String) {
        let error = refusal(text)
        #expect(error?.reason == .empty)
        #expect(error?.message == "teams.csv: is empty; expected a header row naming the columns, e.g. "
            + "name,area,stage,product,design,engineering")
    }

    @Test(arguments: ["name,area", "name,area\n", "name,area\n\n,\n"])
    func headerOnly(text: String) {
        #expect(refusal(text)?.message == "teams.csv: has a header row but no teams")
    }

    @Test func badQuotingNamesTheLine() {
        let error = refusal("name,area\nX,a\n\"Y\"z,b\n")
        #expect(error?.message == """
            teams.csv: 1 problem; nothing was imported:
            line 3: not valid CSV (Can't have non-quote here: z); a field holding quotes must itself be quoted, \
            with its quotes doubled: "a ""quoted"" word"
            """)
    }

    @Test func nothingIsImportedAndNoIDIsUsedWhenARowIsBad() {
        var ids = SequentialIDs()
        #expect(throws: TeamCSVImportError.self) {
            try TeamCSVImport.teams(fromCSV: "name,design\nGood,1\nBad,x\n", file: "t.csv", plan: plan, ids: &ids)
        }
        #expect(ids.counters.isEmpty)
    }

    @Test func longProblemListsAreCut() {
        let csv = "name,familiarity\n" + (1...25).map { "T\($0),9" }.joined(separator: "\n")
        let lines = refusal(csv)?.message.split(separator: "\n").map(String.init) ?? []
        #expect(lines.count == 22)
        #expect(lines.first == "teams.csv: 25 problems; nothing was imported:")
        #expect(lines[20] == "line 21, column familiarity: expected a rating 1–5 or empty, found \"9\"")
        #expect(lines.last == "and 5 more")
    }

    @Test func fileWithByteOrderMarkAndCRLF() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("teams.csv")
            try Data("\u{FEFF}Name,Stage\r\nSearch,invest\r\nLedger,retire\r\n".utf8).write(to: url)
            var ids = SequentialIDs()
            let teams = try TeamCSVImport.teams(fromCSVFile: url, plan: plan, ids: &ids)
            #expect(teams.map(\.name) == ["Search", "Ledger"])
            #expect(teams.map(\.stage) == [.invest, .retire])
        }
    }

    @Test func fileLineNumbersCountCRLFOnce() throws {
        try withTemporaryDirectory { dir in
            let url = dir.appendingPathComponent("teams.csv")
            try Data("name,design\r\nA,1\r\nB,x\r\n".utf8).write(to: url)
            var ids = SequentialIDs()
            let error = #expect(throws: TeamCSVImportError.self) {
                try TeamCSVImport.teams(fromCSVFile: url, plan: plan, ids: &ids)
            }
            #expect(error?.problems.map(\.description) == ["line 3, column design: expected a whole number 0 or more, found \"x\""])
        }
    }

    @Test func unreadableAndNonUTF8Files() throws {
        try withTemporaryDirectory { dir in
            var ids = SequentialIDs()
            let missing = dir.appendingPathComponent("nope.csv")
            let error = #expect(throws: TeamCSVImportError.self) {
                try TeamCSVImport.teams(fromCSVFile: missing, plan: plan, ids: &ids)
            }
            #expect(error?.message == "\(missing.path): cannot read: No such file or directory")
            let latin1 = dir.appendingPathComponent("latin1.csv")
            try Data([0x6E, 0x61, 0x6D, 0x65, 0x0A, 0xC9, 0x71, 0x75, 0x69, 0x70, 0x65, 0x0A]).write(to: latin1)
            let notUTF8 = #expect(throws: TeamCSVImportError.self) {
                try TeamCSVImport.teams(fromCSVFile: latin1, plan: plan, ids: &ids)
            }
            #expect(notUTF8?.message == "\(latin1.path): is not UTF-8 text; save it as \"CSV UTF-8\" and import it again")
        }
    }
}
