import PilotwaveCore
import TerminalUI

/// A form of labelled fields edited in place (the team form, the outcome editor, the criterion,
/// voting-round and decision forms): focus, key handling, paste and reading values back.
public protocol FieldForm: Sendable, Equatable {
    var title: String { get }
    var fields: [TeamForm.Field] { get set }
    var focus: Int { get set }
}

/// What a key did to a form.
enum FormKeyResult {
    /// The form changed (or ignored the key): keep it open.
    case stay
    case commit
    case cancel
}

extension FieldForm {
    public var focused: TeamForm.Field { fields[focus] }

    /// The keys every form shares: Esc/Ctrl-C cancel, Tab/↑/↓ move between fields, Enter commits;
    /// anything else goes to the focused field.
    mutating func handle(_ key: Key, keymap: Keymap) -> FormKeyResult {
        if key == .ctrl("c") || key == .escape { return .cancel }
        if let id = keymap.command(for: key, in: .form) {
            switch id {
            case "form.next": focus = (focus + 1) % fields.count
            case "form.previous": focus = (focus + fields.count - 1) % fields.count
            case "form.commit": return .commit
            case "form.cancel": return .cancel
            default: break
            }
            return .stay
        }
        edit(key)
        return .stay
    }

    /// Gives a key to the focused field. Returns false if the field did not use it.
    @discardableResult
    mutating func edit(_ key: Key) -> Bool {
        switch fields[focus].editor {
        case .text(var input):
            let outcome = input.handle(key)
            if input.overflowed { return refuseOverflow(.text(input), input.limit, unit: "characters") }
            guard outcome != .ignored else { return false }
            fields[focus].editor = .text(input)
        case .count(var input):
            if case .char(let c) = key, !c.isASCII || !c.isNumber { return false }
            let outcome = input.handle(key)
            if input.overflowed { return refuseOverflow(.count(input), input.limit, unit: "digits") }
            guard outcome != .ignored else { return false }
            fields[focus].editor = .count(input)
        case .choice(let options, let index):
            switch key {
            case .right, .char(" "): fields[focus].editor = .choice(options: options, index: (index + 1) % options.count)
            case .left: fields[focus].editor = .choice(options: options, index: (index + options.count - 1) % options.count)
            case .char(let c) where c.isLetter || c.isNumber:
                // A letter jumps to the next option starting with it (again: the one after); one
                // that starts no option is refused in words, the choice unchanged.
                guard let next = Self.option(startingWith: c, in: options, after: index) else {
                    fields[focus].error = "no choice starts with \"\(c)\": ←/→ or space to choose"
                    return true
                }
                fields[focus].editor = .choice(options: options, index: next)
            default: return false
            }
        case .rating(let value):
            switch key {
            case .char(let c) where ("1"..."5").contains(c): fields[focus].editor = .rating(Int(String(c)))
            case .char("0"), .char("-"), .backspace, .delete: fields[focus].editor = .rating(nil)
            case .right, .char("l"): fields[focus].editor = .rating(min(5, (value ?? 0) + 1))
            case .left, .char("h"): fields[focus].editor = .rating(value.map { $0 > 1 ? $0 - 1 : 1 } ?? 1)
            default: return false
            }
        }
        fields[focus].error = nil
        return true
    }

    /// The first option after `index` (wrapping round) whose first letter or digit is `c`, ignoring
    /// case, accents and leading quotes or brackets.
    static func option(startingWith c: Character, in options: [String], after index: Int) -> Int? {
        let wanted = TeamMatch.fold(String(c))
        guard !wanted.isEmpty else { return nil }
        for step in 1...max(1, options.count) {
            let i = (index + step) % options.count
            if TeamMatch.fold(options[i]).hasPrefix(wanted) { return i }
        }
        return nil
    }

    /// The field's limit was reached: what did not fit is not taken, and the field says so in
    /// words (never a silent cut).
    private mutating func refuseOverflow(_ editor: TeamForm.Editor, _ limit: Int, unit: String) -> Bool {
        fields[focus].editor = editor
        fields[focus].error = "at most \(limit) \(unit): what did not fit was left out"
        return true
    }

    /// Pasted text goes into a text field as typed (what passes the field's limit is left out, and
    /// the field says so).
    mutating func paste(_ text: String) {
        switch fields[focus].editor {
        case .text(var input):
            input.insert(text)
            fields[focus].editor = .text(input)
            fields[focus].error = input.overflowed ? "at most \(input.limit) characters: the end of the pasted text was left out" : nil
        case .count(var input):
            input.insert(String(text.filter { $0.isASCII && $0.isNumber }))
            fields[focus].editor = .count(input)
            fields[focus].error = input.overflowed ? "at most \(input.limit) digits: the end of the pasted text was left out" : nil
        default:
            break
        }
    }

    /// The day typed in the date field `key` (``Day/typed(_:today:)``): nil when empty, or when the
    /// text is not a date — then the field is in error, saying why in words.
    mutating func day(_ key: String, today: Day) -> Day? {
        let typed = text(key).trimmingWhitespace()
        guard !typed.isEmpty else { return nil }
        switch Day.typed(typed, today: today) {
        case .success(let day): return day
        case .failure(let error):
            setError(key, error.message)
            return nil
        }
    }

    /// The days typed, comma-separated, in the date field `key`; a part that is not a date puts the
    /// field in error.
    mutating func days(_ key: String, today: Day) -> [Day] {
        var out: [Day] = []
        for part in text(key).split(separator: ",") {
            let typed = String(part).trimmingWhitespace()
            guard !typed.isEmpty else { continue }
            switch Day.typed(typed, today: today) {
            case .success(let day): out.append(day)
            case .failure(let error): setError(key, error.message)
            }
        }
        return out
    }

    /// The text (or choice label, or rating digit) of the field `key`.
    public func text(_ key: String) -> String {
        guard let field = fields.first(where: { $0.key == key }) else { return "" }
        switch field.editor {
        case .text(let input), .count(let input): return input.text
        case .choice(let options, let index): return options[index]
        case .rating(let v): return v.map(String.init) ?? ""
        }
    }

    /// The index chosen in the choice field `key` (0 when there is none).
    public func choiceIndex(_ key: String) -> Int { choice(key) }

    func choice(_ key: String) -> Int {
        guard let field = fields.first(where: { $0.key == key }), case .choice(_, let index) = field.editor else { return 0 }
        return index
    }

    public func rating(_ key: String) -> Int? {
        guard let field = fields.first(where: { $0.key == key }), case .rating(let v) = field.editor else { return nil }
        return v
    }

    mutating func setError(_ key: String, _ message: String) {
        guard let i = fields.firstIndex(where: { $0.key == key }) else { return }
        fields[i].error = message
    }

    mutating func clearErrors() {
        for i in fields.indices { fields[i].error = nil }
    }

    /// After checks: focus the first field in error; true when there is none.
    mutating func focusFirstError() -> Bool {
        guard let bad = fields.firstIndex(where: { $0.error != nil }) else { return true }
        focus = bad
        return false
    }
}

extension TeamForm.Field {
    /// What a date field's text resolves to, shown beside it as it is typed: "= Fri 2026-12-11"
    /// (several, comma-separated, for a list of dates), or why it cannot be read. Nil for a field
    /// that is not a date or is empty.
    public func dateEcho(today: Day) -> (text: String, ok: Bool)? {
        guard isDate, case .text(let input) = editor else { return nil }
        let parts = input.text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return nil }
        var days: [String] = []
        for part in parts {
            switch Day.typed(part, today: today) {
            case .success(let day): days.append(day.spoken)
            case .failure(let error): return ("? " + error.message, false)
            }
        }
        return ("= " + days.joined(separator: ", "), true)
    }
}
