public import Foundation

/// Runs Tests/Tools/email_roundtrip.py: Python's stdlib `email` package, an
/// independent parser, decodes messages and compares them with what was rendered.
public enum EmailRoundTrip {
    /// The repository root (this file is Tests/TestSupport/EmailRoundTrip.swift).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// python3 on PATH, if any.
    public static let python: URL? = executableOnPath("python3")

    /// True when python3 is there to run the check.
    public static var isAvailable: Bool { python != nil }

    /// One message to check: its file and the decoded values it must have.
    public struct Entry {
        public let eml: URL
        public let expect: [String: Any]

        public init(eml: URL, expect: [String: Any]) {
            self.eml = eml
            self.expect = expect
        }
    }

    /// The problems found (empty when every message decodes as expected) and how many were checked.
    public static func check(_ entries: [Entry]) throws -> (problems: [String], checked: Int) {
        let python = try require(python)
        let manifest = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: manifest) }
        let list: [[String: Any]] = entries.map { ["eml": $0.eml.path, "expect": $0.expect] }
        try JSONSerialization.data(withJSONObject: list).write(to: manifest)
        let process = Process()
        process.executableURL = python
        process.arguments = [packageRoot.appendingPathComponent("Tests/Tools/email_roundtrip.py").path, manifest.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        let checked = lines.last.flatMap { $0.hasPrefix("checked ") ? Int($0.dropFirst(8)) : nil } ?? 0
        return (lines.filter { $0.hasPrefix("FAIL ") }, checked)
    }

    /// Thrown when python3 is not on PATH (callers skip before that).
    public struct PythonMissing: Error {}

    private static func require<T>(_ value: T?) throws -> T {
        guard let value else { throw PythonMissing() }
        return value
    }
}
