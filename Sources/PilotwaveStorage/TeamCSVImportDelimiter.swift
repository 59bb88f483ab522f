import PilotwaveCore

/// The field separator of a CSV file: the one the user gave, or the one detected from the header row.
///
/// Spreadsheets export commas in some locales, semicolons in others (where the comma is the
/// decimal mark), and tabs when asked for "tab-separated values".
public struct CSVSeparator: Sendable, Hashable, CustomStringConvertible {
    /// The character between fields.
    public var character: Character
    /// `true` when it was detected from the header row rather than given.
    public var detected: Bool

    /// A given separator.
    public init(_ character: Character, detected: Bool = false) {
        self.character = character
        self.detected = detected
    }

    /// The separators tried, in order of preference when the header row does not decide.
    public static let candidates: [Character] = [",", ";", "\t"]

    /// The separator a user typed: one character, or `comma`, `semicolon`, `tab`, `\t`, `pipe`.
    /// `nil` when the text is none of these.
    public init?(option text: String) {
        switch text.lowercased() {
        case "comma": self.init(",")
        case "semicolon": self.init(";")
        case "tab", "\\t": self.init("\t")
        case "pipe": self.init("|")
        default:
            guard text.count == 1, let character = text.first, character != "\"", !character.isNewline else { return nil }
            self.init(character)
        }
    }

    /// `comma`, `semicolon`, `tab` or the character in quotes.
    public var name: String { CSVSeparator.name(of: character) }

    /// How to ask for it on the command line: `--delimiter ';'`, `--delimiter tab`.
    public var option: String { CSVSeparator.option(for: character) }

    /// `semicolon-separated (detected from the header row)`.
    public var description: String {
        "\(name)-separated" + (detected ? " (detected from the header row)" : "")
    }

    static func name(of character: Character) -> String {
        switch character {
        case ",": "comma"
        case ";": "semicolon"
        case "\t": "tab"
        case "|": "pipe"
        default: "\"\(character)\""
        }
    }

    static func option(for character: Character) -> String {
        character == "\t" ? "--delimiter tab" : "--delimiter '\(character)'"
    }

    /// The separator of `text`, judged from its header row (the first line that is not blank): the
    /// candidate that splits it into the most columns `plan` knows, then into the most columns;
    /// a comma when none of them appears.
    public static func detect(in text: String, plan: Plan) -> CSVSeparator {
        let header = headerLine(of: text).text
        let columns = CSVColumns(plan: plan)
        var best: (character: Character, known: Int, fields: Int) = (",", -1, 0)
        for candidate in candidates {
            let fields = split(header, by: candidate)
            let known = fields.filter { columns.byHeader[CSVColumns.normalise($0)] != nil }.count
            if known > best.known || (known == best.known && fields.count > best.fields) {
                best = (candidate, known, fields.count)
            }
        }
        return CSVSeparator(best.fields > 1 ? best.character : ",", detected: true)
    }

    /// The first line of `text` holding anything but spaces, with its 1-based number, without a
    /// byte order mark; a line break inside quotes does not end it.
    static func headerLine(of text: String) -> (line: Int, text: String) {
        var line = ""
        var number = 1
        var quoted = false
        for character in text where character != "\u{FEFF}" {
            if character == "\"" { quoted.toggle() }
            if character.isNewline, !quoted {
                if !line.trimmingWhitespace().isEmpty { return (number, line) }
                line = ""
                number += 1
                continue
            }
            line.append(character)
        }
        return (number, line)
    }

    /// The fields of one line split at `separator` outside quotes (quotes kept off).
    static func split(_ line: String, by separator: Character) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if character == separator, !quoted {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }

    /// For an unknown header that is really several columns: the separator it seems to hold, if it
    /// is not the one used.
    func likelySeparator(in header: String) -> Character? {
        let others: [Character] = [";", ",", "\t", "|"]
        return others.filter { $0 != character }.max { a, b in
            header.count(where: { $0 == a }) < header.count(where: { $0 == b })
        }.flatMap { header.contains($0) ? $0 : nil }
    }
}
