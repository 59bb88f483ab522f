import Foundation
import PilotwaveCore

/// Turns a `DecodingError` into a ``PlanLoadError`` with a JSON path, a line and column and words
/// a person reads: `teams[3].roles.design: expected a number, found a string`. The caller has
/// already ruled out syntax errors.
enum DecodingErrorText {
    static func loadError(_ error: DecodingError, file: String, bytes: [UInt8]) -> PlanLoadError {
        var problem: PlanProblem
        switch error {
        case .typeMismatch(let type, let context):
            let path = JSONPath(codingPath: context.codingPath)
            let found = JSONLocator.locate(path, in: bytes)
            let foundText = found.map { $0.exact ? $0.kind.phrase : "nothing" } ?? "something else"
            if path.isRoot {
                problem = PlanProblem(path: path, text: "expected a pilotwave plan, a JSON object; found \(foundText)")
            } else {
                problem = PlanProblem(path: path, text: "expected \(phrase(for: type)), found \(foundText)")
            }
            problem.position = found?.position
        case .valueNotFound(let type, let context):
            let path = JSONPath(codingPath: context.codingPath)
            problem = PlanProblem(path: path, text: "expected \(phrase(for: type)), found null",
                                  position: JSONLocator.locate(path, in: bytes)?.position)
        case .keyNotFound(let key, let context):
            let path = JSONPath(codingPath: context.codingPath)
            problem = PlanProblem(path: path, text: "missing required key \(Words.value(key.stringValue))",
                                  position: JSONLocator.locate(path, in: bytes)?.position)
        case .dataCorrupted(let context):
            let path = JSONPath(codingPath: context.codingPath)
            if path.isRoot, let (numberPath, located) = JSONLocator.firstNonInteger(in: bytes) {
                // JSONDecoder reports a number that does not fit an Int without a path.
                problem = PlanProblem(path: numberPath, text: "expected a whole number, found \(located.token ?? "a number")",
                                      position: located.position)
            } else {
                problem = PlanProblem(path: path, text: context.debugDescription,
                                      position: path.isRoot ? nil : JSONLocator.locate(path, in: bytes)?.position)
            }
        @unknown default:
            problem = PlanProblem(path: [], text: String(describing: error))
        }
        return PlanLoadError(file: file, reason: .wrongContent, problems: [problem])
    }

    /// The type a decoder wanted, in words: `a number`, `a string`, `an object`.
    static func phrase(for type: Any.Type) -> String {
        if type == String.self { return "a string" }
        if type == Bool.self { return "true or false" }
        if type == Int.self || type == Int64.self || type == Int32.self || type == UInt.self { return "a number" }
        if type == Double.self || type == Float.self { return "a number" }
        let name = String(describing: type)
        if name.hasPrefix("Dictionary<") { return "an object" }
        if name.hasPrefix("Array<") { return "an array" }
        return "a value of type \(name)"
    }
}
