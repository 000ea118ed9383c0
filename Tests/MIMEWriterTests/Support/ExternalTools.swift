import Foundation
import TestSupport

/// python3 and check-mime, found once; tests that need them are skipped
/// with a message when they are absent.
enum ExternalTools {
    static let python3: URL? = executableOnPath("python3")

    /// `../shared/tools/check-mime` from the package root.
    static let checkMIME: URL? = {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let tool = packageRoot.appendingPathComponent("../shared/tools/check-mime").standardizedFileURL
        return FileManager.default.fileExists(atPath: tool.path) ? tool : nil
    }()

    static var hasPython: Bool { python3 != nil }
    static var hasCheckMIME: Bool { python3 != nil && checkMIME != nil }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct Missing: Error {}

    /// Runs python3 with `arguments`, its output going to files (so a large
    /// report cannot block it on a full pipe).
    static func runPython(_ arguments: [String]) throws -> Output {
        guard let python3 else { throw Missing() }
        let directory = try temporaryDirectory("run")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("stdout")
        let errURL = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = python3
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// A fresh temporary directory.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("mimewriter-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
