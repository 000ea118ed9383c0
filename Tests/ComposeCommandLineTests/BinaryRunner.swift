import Foundation
import Testing

/// Runs the built `compose` binary the way a user does, capturing stdout, stderr and the exit status.
enum BinaryRunner {
    /// The package root (two levels above this file's folder).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// ../shared beside the package, when it exists.
    static let shared: URL? = {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// The `compose` executable built beside the test bundle.
    static let binary: URL = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("compose")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/compose")
    }()

    /// A child that exits before reading its stdin must not kill the test process with SIGPIPE.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    struct Result {
        let status: Int32
        let stdout: Data
        let stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs compose with `arguments` in `directory` (default: a fresh temporary folder, so
    /// nothing depends on the current directory), feeding `input` on stdin.
    static func run(
        _ arguments: [String], input: Data = Data(), environment: [String: String] = [:], in directory: URL? = nil
    ) throws -> Result {
        _ = ignoreBrokenPipes
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        env.removeValue(forKey: "COMPOSE_PROFILE")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdinPipe = Pipe(), stdoutPipe = Pipe(), stderrPipe = Pipe()
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        try process.run()
        let writer = Thread {
            // The child may exit without reading its input (--help): a closed pipe is fine.
            try? stdinPipe.fileHandleForWriting.write(contentsOf: input)
            try? stdinPipe.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = LockedData()
        let errorReader = Thread { errorData.set(stderrPipe.fileHandleForReading.readDataToEndOfFile()) }
        errorReader.start()
        let out = stdoutPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return Result(status: process.terminationStatus, stdout: out, stderr: String(decoding: errorData.value, as: UTF8.self))
    }

    /// A path inside the package (examples, templates).
    static func path(_ relative: String) -> String {
        packageRoot.appendingPathComponent(relative).path
    }

    /// A new empty temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("compose-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Data handed from a reader thread, with a flag for when it arrived.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}
