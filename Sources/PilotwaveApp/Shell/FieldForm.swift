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
            guard input.handle(key) != .ignored else { return false }
            fields[focus].editor = .text(input)
        case .count(var input):
            if case .char(let c) = key, !c.isASCII || !c.isNumber { return false }
            guard input.handle(key) != .ignored else { return false }
            fields[focus].editor = .count(input)
        case .choice(let options, let index):
            switch key {
            case .right, .char(" "), .char("l"): fields[focus].editor = .choice(options: options, index: (index + 1) % options.count)
            case .left, .char("h"): fields[focus].editor = .choice(options: options, index: (index + options.count - 1) % options.count)
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

    /// Pasted text goes into a text field as typed.
    mutating func paste(_ text: String) {
        switch fields[focus].editor {
        case .text(var input):
            input.insert(text)
            fields[focus].editor = .text(input)
        case .count(var input):
            input.insert(String(text.filter { $0.isASCII && $0.isNumber }))
            fields[focus].editor = .count(input)
        default:
            break
        }
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
