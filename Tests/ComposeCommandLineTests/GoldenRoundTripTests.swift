import Foundation
import TestSupport
import Testing

/// Every golden .eml through two independent readers: Python's `email`
/// package must decode exactly the subject, addresses, body and attachment
/// bytes compose rendered, and ../shared/tools/check-mime must find no failure.
@Suite("Golden MIME round trip")
struct GoldenRoundTripTests {
    /// What the JSON form of the same reply says, as the decoded values to expect.
    static func expectation(kind: String, locale: String) throws -> [String: Any] {
        let result = try BinaryRunner.run([kind, "--format", "json"] + GoldenReplyTests.example(locale))
        let reply = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let pair = { (box: Any?) -> [String] in
            let object = box as? [String: String] ?? [:]
            return [object["name"] ?? "", object["email"] ?? ""]
        }
        return [
            "subject": reply["subject"] as? String ?? "",
            "from": pair(reply["from"]),
            "to": (reply["to"] as? [Any] ?? []).map(pair),
            "cc": (reply["cc"] as? [Any] ?? []).map(pair),
            "body": reply["body"] as? String ?? "",
        ]
    }

    @Test("python's email package decodes every golden to what was rendered", .enabled(if: EmailRoundTrip.isAvailable, "python3 is not on PATH"))
    func pythonDecodesGoldens() throws {
        var entries: [EmailRoundTrip.Entry] = []
        for kind in GoldenReplyTests.kinds {
            for locale in GoldenReplyTests.locales {
                var expect = try Self.expectation(kind: kind, locale: locale)
                expect["attachments"] = [[String: String]]()
                entries.append(.init(eml: Golden.folder.appendingPathComponent("\(kind).\(locale).eml"), expect: expect))
            }
        }
        let attachment = try Data(contentsOf: URL(fileURLWithPath: BinaryRunner.path("examples/附件/分析报告.txt")))
        for locale in GoldenReplyTests.locales {
            var expect = try Self.expectation(kind: "analysis-result", locale: locale)
            expect["attachments"] = [["filename": "分析报告.txt", "sha256": SHA256Hex.digest(attachment), "content_type": "text/plain"]]
            expect["html_contains"] = ["<pre>", locale == "zh-CN" ? "隐私声明" : "Privacy Notice"]
            entries.append(.init(eml: Golden.folder.appendingPathComponent("analysis-result.\(locale).attachment-html.eml"), expect: expect))
        }
        let outcome = try EmailRoundTrip.check(entries)
        #expect(outcome.problems == [])
        #expect(outcome.checked == entries.count)
    }

    @Test("check-mime finds no failure in any golden", .enabled(if: BinaryRunner.shared != nil, "../shared is absent"))
    func checkMimeAcceptsGoldens() throws {
        let checker = try #require(BinaryRunner.shared).appendingPathComponent("tools/check-mime")
        let files = try FileManager.default.contentsOfDirectory(atPath: Golden.folder.path).filter { $0.hasSuffix(".eml") }.sorted()
        #expect(files.count == 14)
        let process = Process()
        process.executableURL = checker
        process.arguments = files.map { Golden.folder.appendingPathComponent($0).path }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let failures = text.split(separator: "\n").filter { $0.hasPrefix("E-") || $0.hasPrefix("W-EW") || $0.hasPrefix("W-FILENAME") }
        #expect(failures == [], "\(text)")
        #expect(text.contains("check-mime: 14 messages, 0 failures"))
    }
}
