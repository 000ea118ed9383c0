import Foundation
import Testing

/// Batch input besides JSON Lines: one JSON array over many lines, and CSV
/// as a spreadsheet saves it; problems are reported at their own line.
@Suite("Batch input formats")
struct BatchInputFormatTests {
    /// The replies a run printed as JSON Lines (`--format json`, no folder).
    static func replies(_ result: BinaryRunner.Result) throws -> [[String: Any]] {
        try result.text.split(separator: "\n").map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    /// `record` pretty-printed over several lines, indented as an array element.
    static func multiline(_ record: [String: Any]) -> [String] {
        let text = String(decoding: try! JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self)
        return text.split(separator: "\n").map { "  " + $0 }
    }

    @Test func jsonArrayReportsEachRecordAtItsOwnLine() throws {
        var lines = ["["]
        lines += Self.multiline(BatchFixture.record(number: "ARR-1", kind: "analysis-result", locale: "zh-CN"))
        lines[lines.count - 1] += ","
        let missingName = lines.count + 1
        var noName = BatchFixture.record(number: "ARR-2", kind: "closure", locale: "en-US")
        noName["customer"] = ["email": "nora.whitlock@customer.example.com"]
        lines += Self.multiline(noName)
        lines[lines.count - 1] += ","
        let badValueStart = lines.count
        lines += Self.multiline(BatchFixture.record(number: "ARR-3", kind: "closure", locale: "en-US")).map {
            $0.replacingOccurrences(of: "\"resolved\"", with: "resolved")
        }
        lines[lines.count - 1] += ","
        let badValue = try #require(lines[badValueStart...].firstIndex { $0.contains("resolved") })
        let badColumn = try #require(lines[badValue].range(of: "resolved")).lowerBound.utf16Offset(in: lines[badValue]) + 1
        lines.append("  3,")
        let notObject = lines.count
        lines.append("  " + BatchFixture.line(number: "ARR-4", kind: "log-request", locale: "en-US"))
        lines.append("]")
        let folder = try BatchFixture.folder(with: ["cases.json": lines.map { $0 + "\n" }.joined()])

        let result = try BinaryRunner.run(["batch", "--input", "cases.json", "--format", "json", "--keep-going"] + BatchFixture.common, in: folder)
        #expect(result.status == 65)
        let (problems, summary) = BatchFixture.diagnostics(result)
        #expect(problems.count == 3)
        #expect(problems.first == "compose: cases.json:\(missingName): customer.name: required field is missing")
        #expect(problems.dropFirst().first?.hasPrefix("compose: cases.json:\(badValue + 1):\(badColumn): closure.reason: ") == true, "\(problems)")
        #expect(problems.last == "compose: cases.json:\(notObject): expected a JSON object")
        #expect(BatchFixture.isSummary(summary, rendered: 2, failed: 3))
        let subjects = try Self.replies(result).map { $0["subject"] as? String ?? "" }
        #expect(subjects.count == 2)
        #expect(subjects.first?.hasPrefix("[案例号: ARR-1]") == true)
        #expect(subjects.last?.hasPrefix("[Case: ARR-4]") == true)
    }

    @Test func unclosedArrayEndsTheBatchAfterTheRecordsBeforeIt() throws {
        let text = "[\n" + BatchFixture.line(number: "ARR-1", kind: "closure", locale: "en-US") + ",\n"
        let folder = try BatchFixture.folder(with: ["cases.json": text])
        let result = try BinaryRunner.run(["batch", "--input", "cases.json", "--format", "json", "--keep-going"] + BatchFixture.common, in: folder)
        #expect(result.status == 65)
        let (problems, summary) = BatchFixture.diagnostics(result)
        #expect(problems == ["compose: cases.json:3:1: unexpected end of input (expected a value)"])
        #expect(BatchFixture.isSummary(summary, rendered: 1, failed: 1), "\(result.stderr)")
        #expect(try Self.replies(result).count == 1)
    }

    /// Input that cannot be read on (here a NUL in a CSV row) ends the batch:
    /// every row before it is written, however the rows fall into blocks.
    @Test func framingErrorKeepsEveryRecordBeforeIt() throws {
        var rows = ["case.number,case.title,customer.name,customer.email"]
        rows += (1...200).map { "F-\($0),Heartbeat drops,Nora Whitlock,nora@customer.example.com" }
        rows.append("F-201,Heartbeat\u{0} drops,Nora Whitlock,nora@customer.example.com")
        rows += (202...210).map { "F-\($0),Heartbeat drops,Nora Whitlock,nora@customer.example.com" }
        let folder = try BatchFixture.folder(with: ["cases.csv": rows.map { $0 + "\n" }.joined()])
        for jobs in ["1", "3"] {
            let result = try BinaryRunner.run(
                ["batch", "--input", "cases.csv", "--kind", "closure", "--format", "text", "--out-dir", "out\(jobs)", "--jobs", jobs, "--keep-going"]
                    + BatchFixture.common, in: folder)
            #expect(result.status == 65)
            let (problems, summary) = BatchFixture.diagnostics(result)
            #expect(problems == ["compose: cases.csv:202:16: NUL character is not allowed"], "--jobs \(jobs)")
            #expect(BatchFixture.isSummary(summary, rendered: 200, failed: 1), "--jobs \(jobs): \(summary ?? "")")
            #expect(try BatchFixture.entries(of: folder.appendingPathComponent("out\(jobs)")) == (1...200).map { "F-\($0)-closure.txt" }.sorted())
        }
    }

    /// As a spreadsheet saves it: byte-order mark, CRLF, quoted fields with
    /// commas, quotes and line breaks, dotted headers, a `kind` column and a
    /// list column split at `;`.
    static let csv = [
        "\u{FEFF}kind,locale,case.number,case.title,customer.name,customer.title,customer.email,analysis.summary,closure.note",
        "analysis-result,en-US,CSV-1,Heartbeat drops,Nora Whitlock,Ms.,nora@customer.example.com,first finding; second finding ;;third,",
        "closure,zh-CN,CSV-2,\"标题 \"\"引号\"\"\",韩雨桐,女士,yutong@customer.example.com,,\"第一行\r\n第二行\"",
        "closure,en-US,CSV-3,Too few fields",
        "closure,en-US,CSV-4,\"Title, with a comma\",Nora Whitlock,,nora@customer.example.com,,",
    ].map { $0 + "\r\n" }.joined()

    @Test func csvAsSpreadsheetsSaveIt() throws {
        let folder = try BatchFixture.folder(with: ["cases.csv": Self.csv])
        let result = try BinaryRunner.run(["batch", "--input", "cases.csv", "--format", "json", "--keep-going"] + BatchFixture.common, in: folder)
        #expect(result.status == 65)
        let (problems, summary) = BatchFixture.diagnostics(result)
        #expect(problems == ["compose: cases.csv:5: expected 9 fields, found 4"])
        #expect(BatchFixture.isSummary(summary, rendered: 3, failed: 1))
        let replies = try Self.replies(result)
        try #require(replies.count == 3)
        #expect(replies.map { $0["kind"] as? String } == ["analysis-result", "closure", "closure"])
        let findings = try #require(replies[0]["body"] as? String)
        #expect(findings.contains("\n- first finding\n- second finding\n- third\n"), "\(findings)")
        #expect(findings.hasPrefix("Dear Ms. Whitlock,"))
        #expect(replies[1]["subject"] as? String == "[案例号: CSV-2] % 标题 \"引号\" % 案例关闭")
        let note = try #require(replies[1]["body"] as? String)
        #expect(note.contains("第一行\n第二行"), "\(note)")
        #expect(!note.contains("\r"))
        #expect(replies[2]["subject"] as? String == "[Case: CSV-4] % Title, with a comma % Case Closure")
    }

    @Test(.enabled(if: CheckMime.isAvailable, "needs ../shared/tools/check-mime and python3"))
    func csvRowsBecomeValidMessages() throws {
        let folder = try BatchFixture.folder(with: ["cases.csv": Self.csv])
        let result = try BinaryRunner.run(["batch", "--input", "cases.csv", "--mbox", "out.mbox", "--keep-going"] + BatchFixture.common, in: folder)
        #expect(result.status == 65)
        let check = try CheckMime.run([folder.appendingPathComponent("out.mbox").path], ["--count", "3"])
        #expect(check.status == 0, "\(check.output)")
    }

    @Test func kindOptionServesRecordsWithoutAKind() throws {
        var lines = [BatchFixture.line(number: "K-1", kind: "closure", locale: "en-US") { $0["kind"] = nil }]
        lines.append(BatchFixture.line(number: "K-2", kind: "analysis-result", locale: "en-US"))
        lines.append(BatchFixture.line(number: "K-3", kind: "closure", locale: "en-US") { $0["kind"] = nil })
        let input = Data(lines.map { $0 + "\n" }.joined().utf8)
        let folder = try BatchFixture.folder()

        let withKind = try BinaryRunner.run(["batch", "--kind", "closure", "--format", "json"] + BatchFixture.common, input: input, in: folder)
        #expect(withKind.status == 0, "\(withKind.stderr)")
        #expect(try Self.replies(withKind).map { $0["kind"] as? String } == ["closure", "analysis-result", "closure"])

        let without = try BinaryRunner.run(["batch", "--format", "json", "--keep-going"] + BatchFixture.common, input: input, in: folder)
        #expect(without.status == 65)
        #expect(BatchFixture.diagnostics(without).problems == [
            "compose: <stdin>:1: kind: required field is missing (or give --kind)",
            "compose: <stdin>:3: kind: required field is missing (or give --kind)",
        ])
    }
}
