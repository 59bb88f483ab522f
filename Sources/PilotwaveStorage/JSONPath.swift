import PilotwaveCore

/// A location inside a JSON document, written the way a person reads it: `teams[3].roles.design`.
///
/// Used in load errors and by ``JSONLocator`` to find the line and column of a value.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// One step into a JSON value: a member of an object or an element of an array.
    public enum Component: Hashable, Sendable {
        /// A member of an object, by key.
        case key(String)
        /// An element of an array, 0-based.
        case index(Int)
    }

    /// The steps from the top-level value; empty for the top-level value itself.
    public var components: [Component]

    /// A path made of `components`.
    public init(_ components: [Component] = []) { self.components = components }

    /// A path written as a literal, e.g. `[.key("teams"), .index(3)]`.
    public init(arrayLiteral elements: Component...) { self.components = elements }

    /// The path of a `Decoder` or `DecodingError` coding path.
    ///
    /// Array elements appear in coding paths as keys named `Index N` with an integer value; every
    /// other key, including the keys of a dictionary such as `ratings`, is an object member.
    public init(codingPath: [any CodingKey]) {
        components = codingPath.map { key in
            if let index = key.intValue, key.stringValue == "Index \(index)" { return .index(index) }
            return .key(key.stringValue)
        }
    }

    /// True for the path of the top-level value.
    public var isRoot: Bool { components.isEmpty }

    /// This path followed by a member `key`.
    public func key(_ key: String) -> JSONPath { JSONPath(components + [.key(key)]) }

    /// This path followed by the array element at `index`.
    public func index(_ index: Int) -> JSONPath { JSONPath(components + [.index(index)]) }

    /// The path of the value that contains this one; the root for a root path.
    public var parent: JSONPath { JSONPath(Array(components.dropLast())) }

    /// `teams[3].roles.design`; a key that is not a plain identifier is quoted: `ratings["my key"]`.
    /// The root is written as an empty string.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let i):
                text += "[\(i)]"
            case .key(let k):
                if k.utf8.count > Words.valueExcerpt {
                    // A key is text from the file: a long one is quoted short, like any value.
                    text += "[" + Words.value(k) + "]"
                } else if JSONPath.isPlainKey(k) {
                    text += text.isEmpty ? k : "." + k
                } else {
                    text += "[\"" + k.replacingBackslashesAndQuotes() + "\"]"
                }
            }
        }
        return text
    }

    static func isPlainKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first else { return false }
        func isLetter(_ s: Unicode.Scalar) -> Bool {
            (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_"
        }
        return isLetter(first) && key.unicodeScalars.allSatisfy { isLetter($0) || ($0 >= "0" && $0 <= "9") || $0 == "-" }
    }
}

extension String {
    func replacingBackslashesAndQuotes() -> String {
        var out = ""
        for ch in self {
            if ch == "\\" || ch == "\"" { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
