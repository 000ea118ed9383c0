import Foundation
import MustacheEngine
import Testing

/// One row of a Mustache spec file, read from `../shared/mustache-spec` at
/// test time (never downloaded).
struct SpecCase: Sendable, CustomTestStringConvertible {
    let file: String
    let index: Int
    let name: String
    let template: String
    let partials: [String: String]
    let data: TemplateValue
    let expected: String
    /// Set when the row holds a lambda this suite has no Swift closure for.
    let missingLambda: Bool

    var testDescription: String { "\(file) #\(index + 1) \(name)" }

    /// The spec folder beside the package: `<package>/../shared/mustache-spec`.
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/mustache-spec")

    static var folderExists: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("interpolation.json").path)
    }

    static let files = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections",
        "~dynamic-names", "~inheritance", "~lambdas",
    ]

    /// Every row of every spec file; empty when the folder is absent.
    static let all: [SpecCase] = folderExists ? files.flatMap(load) : []

    private static func load(_ file: String) -> [SpecCase] {
        let url = folder.appendingPathComponent(file + ".json")
        guard let data = try? Data(contentsOf: url),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let tests = root["tests"] as? [[String: Any]]
        else { return [] }
        return tests.enumerated().map { index, test in
            let name = test["name"] as? String ?? "?"
            var converter = SpecDataConverter(rowName: name)
            let value = converter.value(test["data"] ?? NSNull())
            return SpecCase(
                file: file + ".json", index: index, name: name, template: test["template"] as? String ?? "",
                partials: test["partials"] as? [String: String] ?? [:], data: value,
                expected: test["expected"] as? String ?? "", missingLambda: converter.missingLambda)
        }
    }
}

/// Converts JSONSerialization output to `TemplateValue`, keeping number
/// literals as text and replacing the spec's `{"__tag__": "code"}` lambdas
/// with this suite's Swift closures.
struct SpecDataConverter {
    let rowName: String
    private(set) var missingLambda = false

    init(rowName: String) {
        self.rowName = rowName
    }

    mutating func value(_ any: Any) -> TemplateValue {
        switch any {
        case let text as String:
            return .string(text)
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return .bool(number.boolValue) }
            return .number("\(number)")
        case let items as [Any]:
            return .list(items.map { value($0) })
        case let object as [String: Any]:
            if object["__tag__"] as? String == "code" { return lambda() }
            return .object(TemplateObject(object.keys.sorted().map { ($0, value(object[$0]!)) }))
        default:
            return .null
        }
    }

    private mutating func lambda() -> TemplateValue {
        guard let lambda = SpecLambdas.make(for: rowName) else {
            missingLambda = true
            return .null
        }
        return .lambda(lambda)
    }
}
