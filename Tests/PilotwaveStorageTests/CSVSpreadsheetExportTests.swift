import Foundation
import PilotwaveCore
import PilotwaveStorage
import Testing

/// The same two teams as different spreadsheet programs and locales write them. The import used to
/// be tested only with the separator given, so a semicolon file without `--delimiter` failed
/// for users; every case here is imported with the separator detected, as the command does.
@Suite("CSV import of real spreadsheet exports")
struct CSVSpreadsheetExportTests {
    struct Export: CustomTestStringConvertible, Sendable {
        var program: String
        var text: String
        var separator: Character
        var testDescription: String { program }
    }

    static let exports: [Export] = [
        Export(program: "Excel, CSV UTF-8 (comma, BOM, CRLF)",
               text: "\u{FEFF}Team name,Area,PM,Engineers,Notes\r\nClaims Core,Claims,1,4,\"Motor, home\"\r\n"
                   + "Policy Admin,Policy,1,3,\r\n",
               separator: ","),
        Export(program: "Excel, German locale (semicolon, CRLF, no BOM)",
               text: "Team name;Area;PM;Engineers;Notes\r\nClaims Core;Claims;1;4;\"Motor; home\"\r\n"
                   + "Policy Admin;Policy;1;3;\r\n",
               separator: ";"),
        Export(program: "Excel, French locale, CSV UTF-8 (semicolon, BOM, CRLF)",
               text: "\u{FEFF}Team name;Area;PM;Engineers;Notes\r\nClaims Core;Claims;1;4;Motor, home\r\n"
                   + "Policy Admin;Policy;1;3;\r\n",
               separator: ";"),
        Export(program: "LibreOffice Calc (every text quoted, LF)",
               text: "\"Team name\",\"Area\",\"PM\",\"Engineers\",\"Notes\"\n\"Claims Core\",\"Claims\",1,4,\"Motor, home\"\n"
                   + "\"Policy Admin\",\"Policy\",1,3,\n",
               separator: ","),
        Export(program: "LibreOffice Calc, semicolon and quotes",
               text: "\"Team name\";\"Area\";\"PM\";\"Engineers\";\"Notes\"\n\"Claims Core\";\"Claims\";1;4;\"Motor; home\"\n"
                   + "\"Policy Admin\";\"Policy\";1;3;\n",
               separator: ";"),
        Export(program: "Google Sheets, tab-separated values",
               text: "Team Name\tArea\tPMs\tEngineers\tNotes\nClaims Core\tClaims\t1\t4\tMotor, home\nPolicy Admin\tPolicy\t1\t3\t\n",
               separator: "\t"),
        Export(program: "Numbers, headers typed loosely (case, spaces, no-break space, underscores)",
               text: "  TEAM\u{00A0}NAME ; area ;product_managers;ENGINEERS;notes\nClaims Core;Claims;1;4;Motor, home\n"
                   + "Policy Admin;Policy;1;3;\n",
               separator: ";"),
        Export(program: "Blank lines before the header, trailing empty columns",
               text: "\n;;\nTeam name;Area;PM;Engineers;Notes;;\nClaims Core;Claims;1;4;\"Motor, home\";;\n"
                   + "Policy Admin;Policy;1;3;;;\n",
               separator: ";"),
        Export(program: "Old Mac Excel (CR line ends)",
               text: "Team name,Area,PM,Engineers,Notes\rClaims Core,Claims,1,4,\"Motor, home\"\rPolicy Admin,Policy,1,3,\r",
               separator: ","),
    ]

    @Test(arguments: exports)
    func importsWithTheSeparatorDetected(export: Export) throws {
        let plan = Fixtures.smallPlan()
        #expect(CSVSeparator.detect(in: export.text, plan: plan).character == export.separator)
        var ids = SequentialIDs()
        let teams = try TeamCSVImport.teams(fromCSV: export.text, file: "teams.csv", plan: plan, ids: &ids)
        #expect(teams.map(\.name) == ["Claims Core", "Policy Admin"])
        #expect(teams.map(\.area) == ["Claims", "Policy"])
        #expect(teams.map(\.roles) == [Roles(product: 1, engineering: 4), Roles(product: 1, engineering: 3)])
        #expect(teams[0].notes.hasPrefix("Motor"))
        #expect(teams[1].notes == "")
    }

    @Test func aSingleColumnFileIsReadAsComma() throws {
        var ids = SequentialIDs()
        let text = "Name\nClaims Core\nPolicy Admin\n"
        #expect(CSVSeparator.detect(in: text, plan: Fixtures.smallPlan()) == CSVSeparator(",", detected: true))
        let teams = try TeamCSVImport.teams(fromCSV: text, file: "t.csv", plan: Fixtures.smallPlan(), ids: &ids)
        #expect(teams.map(\.name) == ["Claims Core", "Policy Admin"])
    }

    @Test func theBodyDoesNotSwayTheDetection() {
        // Commas in a semicolon file's notes, semicolons in a comma file's tags.
        let plan = Fixtures.smallPlan()
        #expect(CSVSeparator.detect(in: "name;notes\nA;x, y, z, w\n", plan: plan).character == ";")
        #expect(CSVSeparator.detect(in: "name,tags\nA,\"a;b;c;d\"\n", plan: plan).character == ",")
    }

    @Test func aHeaderReadWithTheWrongSeparatorNamesTheOneToUse() {
        let plan = Fixtures.smallPlan()
        var ids = SequentialIDs()
        // Given the wrong one: the rows would not even parse ("a; b" is quoted for semicolons).
        let wrong = #expect(throws: TeamCSVImportError.self) {
            try TeamCSVImport.teams(fromCSV: "Team name;Area;PM;Engineers;Notes\nA;Claims;1;4;\"a; b\"\n", file: "teams.csv",
                                    plan: plan, ids: &ids, separator: CSVSeparator(","))
        }
        #expect(wrong?.message == """
            teams.csv: 1 problem; nothing was imported:
            line 1: unknown column "Team name;Area;PM;Engineers;N…"; the header row looks semicolon-separated, but \
            was read as comma-separated; use --delimiter ';'
            """)
        // A separator pilotwave does not detect.
        let pipes = #expect(throws: TeamCSVImportError.self) {
            try TeamCSVImport.teams(fromCSV: "\n\nname|area\nA|Claims\n", file: "teams.csv", plan: plan, ids: &ids)
        }
        #expect(pipes?.message == """
            teams.csv: 1 problem; nothing was imported:
            line 3: unknown column "name|area"; the header row looks pipe-separated, but was read as comma-separated \
            (detected from the header row); use --delimiter '|'
            """)
        // One unknown column with no separator in it still points at --delimiter.
        let one = #expect(throws: TeamCSVImportError.self) {
            try TeamCSVImport.teams(fromCSV: "name:area\nA:Claims\n", file: "teams.csv", plan: plan, ids: &ids)
        }
        #expect(one?.problems.first?.text.hasSuffix(
            "the header row was read as one column (comma-separated (detected from the header row)): if the file uses "
                + "another separator, give it with --delimiter") == true)
        #expect(ids.counters.isEmpty)
    }

    @Test(arguments: [
        ("comma", ","), ("semicolon", ";"), ("tab", "\t"), ("TAB", "\t"), ("\\t", "\t"), ("pipe", "|"), (";", ";"),
        ("|", "|"),
    ] as [(String, Character)])
    func separatorOptions(text: String, character: Character) {
        #expect(CSVSeparator(option: text) == CSVSeparator(character))
    }

    @Test(arguments: ["", ";;", "\"", "\n", "colon"])
    func badSeparatorOptions(text: String) {
        #expect(CSVSeparator(option: text) == nil)
    }
}
