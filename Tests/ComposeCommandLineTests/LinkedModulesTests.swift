import Foundation
import Testing
import TestSupport

/// The binary must not call into Dispatch or the string-processing (regex)
/// libraries: linked with the runtime statically, they cost every one-off
/// reply start-up time (their relocations and page faults come before
/// `main`) and the product needs neither. Easy to lose without noticing:
/// `String.contains("..")` alone pulls in `_StringProcessing`.
@Suite("Linked modules")
struct LinkedModulesTests {
    static let nm = executableOnPath("nm")

    @Test(.enabled(if: nm != nil, "nm (binutils) is not installed"))
    func binaryUsesNeitherDispatchNorStringProcessing() throws {
        let process = Process()
        process.executableURL = Self.nm
        process.arguments = ["--dynamic", "--undefined-only", BinaryRunner.binary.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let symbols = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        // Mangled module names: 8Dispatch, 17_StringProcessing, 12_RegexParser; and libdispatch's C API.
        let offending = symbols.split(separator: "\n").filter { line in
            ["8Dispatch", "17_StringProcessing", "12_RegexParser", " dispatch_"].contains { line.contains($0) }
        }
        #expect(offending.isEmpty, "symbols from modules the binary must not use:\n\(offending.joined(separator: "\n"))")
    }
}
