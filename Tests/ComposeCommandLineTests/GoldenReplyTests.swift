import Foundation
import Testing

/// Byte-for-byte golden files for every kind × locale, as text and as MIME,
/// rendered by the built binary from the bundled examples with a fixed date.
///
/// A missing or different golden fails. To record after a deliberate change:
/// `RECORD_GOLDENS=1 swift test --filter Golden`, which writes the files and
/// still fails, so a recording is never mistaken for a pass; review the diff,
/// then run the tests again.
@Suite("Golden replies")
struct GoldenReplyTests {
    static let kinds = ["initial-response", "scope-definition", "log-request", "analysis-result", "closure", "onsite-visit"]
    static let locales = ["zh-CN", "en-US"]
    static let date = "2020-11-09T17:18:00+08:00"

    static func example(_ locale: String) -> [String] {
        let suffix = locale == "zh-CN" ? "zh" : "en"
        return ["--case", BinaryRunner.path("examples/case-\(suffix).json"), "--profile", BinaryRunner.path("examples/profile-\(suffix).json"), "--date", date]
    }

    @Test("text", arguments: kinds, locales)
    func text(kind: String, locale: String) throws {
        let result = try BinaryRunner.run([kind] + Self.example(locale))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        try Golden.compare(result.stdout, to: "\(kind).\(locale).txt")
    }

    @Test("mime", arguments: kinds, locales)
    func mime(kind: String, locale: String) throws {
        let result = try BinaryRunner.run([kind, "--format", "mime"] + Self.example(locale))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        try Golden.compare(result.stdout, to: "\(kind).\(locale).eml")
    }

    @Test("json", arguments: locales)
    func json(locale: String) throws {
        let result = try BinaryRunner.run(["closure", "--format", "json"] + Self.example(locale))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        try Golden.compare(result.stdout, to: "closure.\(locale).json")
    }

    @Test("mime with a Chinese-named attachment and an HTML alternative", arguments: locales)
    func attachmentAndHTML(locale: String) throws {
        let result = try BinaryRunner.run(
            ["analysis-result", "--format", "mime", "--html", "--attach", BinaryRunner.path("examples/附件/分析报告.txt")] + Self.example(locale))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        try Golden.compare(result.stdout, to: "analysis-result.\(locale).attachment-html.eml")
    }
}

/// Compares output with a golden file under Tests/ComposeCommandLineTests/Golden.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    static func compare(_ actual: Data, to name: String) throws {
        let url = folder.appendingPathComponent(name)
        if recording {
            try actual.write(to: url)
            Issue.record("recorded \(name); review it and run the tests again without RECORD_GOLDENS")
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("golden \(name) is missing; record it with RECORD_GOLDENS=1 swift test --filter Golden")
            return
        }
        if actual != expected {
            Issue.record("\(name) differs from its golden: \(firstDifference(expected, actual))")
        }
    }

    /// The first line that differs, for the failure message.
    static func firstDifference(_ expected: Data, _ actual: Data) -> String {
        let a = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let b = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? a[index] : "<end>"
            let right = index < b.count ? b[index] : "<end>"
            if left != right { return "line \(index + 1): expected «\(left)», got «\(right)»" }
        }
        return "same lines, different bytes"
    }
}
