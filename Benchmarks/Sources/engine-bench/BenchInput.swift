import Foundation
import MustacheEngine

/// The benchmark's inputs: the two templates and the records, parsed for
/// both engines before any timing starts.
struct BenchInput {
    let template: String
    let privacy: String
    let lines: [Data]

    /// Reads `template.mustache` and `privacy.mustache` from `folder`, and the
    /// records from `jsonl` or, when it is nil, from `python3 gen.py count`.
    init(folder: URL, jsonl: URL?, count: Int) throws {
        template = try String(contentsOf: folder.appendingPathComponent("template.mustache"), encoding: .utf8)
        privacy = try String(contentsOf: folder.appendingPathComponent("privacy.mustache"), encoding: .utf8)
        let records = try jsonl.map { try Data(contentsOf: $0) } ?? Self.generate(folder: folder, count: count)
        lines = records.split(separator: UInt8(ascii: "\n")).map { Data($0) }.filter { !$0.isEmpty }
    }

    private static func generate(folder: URL, count: Int) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", folder.appendingPathComponent("gen.py").path, String(count)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("gen.py exited with \(process.terminationStatus)") }
        return data
    }

    /// The records as JSONSerialization objects, for swift-mustache.
    func foundationRecords() throws -> [[String: Any]] {
        try lines.map { line in
            guard let object = try JSONSerialization.jsonObject(with: line) as? [String: Any] else {
                throw BenchError("a record is not a JSON object")
            }
            return object
        }
    }
}

/// Converts JSONSerialization output to `TemplateValue` (numbers keep their text).
func templateValue(_ any: Any) -> TemplateValue {
    switch any {
    case let text as String: return .string(text)
    case let number as NSNumber:
        return String(cString: number.objCType) == "c" ? .bool(number.boolValue) : .number("\(number)")
    case let items as [Any]: return .list(items.map(templateValue))
    case let object as [String: Any]: return .object(TemplateObject(object.map { ($0.key, templateValue($0.value)) }))
    default: return .null
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
