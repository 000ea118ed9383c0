import Foundation
import Testing

/// A generated batch of 53 records (both locales, every kind, duplicate and
/// hostile case numbers, three bad records) rendered into a folder.
@Suite("Batch to a folder")
struct BatchOutDirTests {
    /// One input line and the file it must give, or nil for a bad record.
    struct Entry {
        let line: String
        let file: String?
    }

    static let unknownKind =
        "unknown kind 'follow-up' (kinds: analysis-result, closure, initial-response, log-request, onsite-visit, scope-definition)"

    /// The batch, line by line (line N is `entries[N - 1]`).
    static let entries: [Entry] = {
        var entries: [Entry] = (0..<36).map { index in
            let kind = BatchFixture.kinds[index % 6]
            let number = "CAS-\(10001 + index)-GEN"
            return Entry(line: BatchFixture.line(number: number, kind: kind, locale: index / 6 % 2 == 0 ? "zh-CN" : "en-US"), file: "\(number)-\(kind).eml")
        }
        let good = { (number: Any, kind: String, locale: String, file: String) in
            entries.append(Entry(line: BatchFixture.line(number: number, kind: kind, locale: locale), file: file))
        }
        good("CAS-DUP-01", "closure", "zh-CN", "CAS-DUP-01-closure.eml")  // 37
        good("CAS-DUP-01", "closure", "en-US", "CAS-DUP-01-closure-2.eml")
        good("CAS-DUP-01", "analysis-result", "en-US", "CAS-DUP-01-analysis-result.eml")
        entries.append(  // 40
            Entry(line: BatchFixture.line(number: "CAS-BAD-40", kind: "closure", locale: "en-US") { $0["customer"] = ["name": "Nora Whitlock"] }, file: nil))
        good("CAS-DUP-01", "closure", "zh-CN", "CAS-DUP-01-closure-3.eml")
        good("cas-dup-01", "closure", "en-US", "cas-dup-01-closure-4.eml")  // names clash without regard to case
        good("CAS/2024/0043", "log-request", "zh-CN", "CAS_2024_0043-log-request.eml")
        good("../../etc/cron.d/x", "closure", "en-US", "___.__etc_cron.d_x-closure.eml")
        good("CAS 2024 0045", "onsite-visit", "zh-CN", "CAS_2024_0045-onsite-visit.eml")
        good("案例-二〇二四-甲", "scope-definition", "zh-CN", "案例-二〇二四-甲-scope-definition.eml")
        good("CAS\u{85}0047", "initial-response", "en-US", "CAS_0047-initial-response.eml")  // C1 control
        entries.append(  // 48: not JSON
            Entry(line: #"{"kind": "closure", "case": {"number": "CAS-BAD-48", "title": "x"}, "customer": {"name": "Nora", "email": }}"#, file: nil))
        good("CAS\t0049", "closure", "en-US", "CAS_0049-closure.eml")  // C0 control
        entries.append(Entry(line: BatchFixture.line(number: "CAS-BAD-50", kind: "follow-up", locale: "en-US"), file: nil))
        good("CON", "closure", "zh-CN", "_CON-closure.eml")
        good("CAS-10001-GEN", "initial-response", "zh-CN", "CAS-10001-GEN-initial-response-2.eml")
        good(20_240_053, "closure", "en-US", "20240053-closure.eml")  // a number is text for the reply, and for the name
        return entries
    }()

    static let problems = [
        "compose: cases.jsonl:40: customer.email: required field is missing",
        "compose: cases.jsonl:48:107: customer.email: unexpected character '}' (expected a value)",
        "compose: cases.jsonl:50: " + unknownKind,
    ]

    static var input: String { entries.map { $0.line + "\n" }.joined() }

    static func run(_ extra: [String]) throws -> (result: BinaryRunner.Result, folder: URL) {
        let folder = try BatchFixture.folder(with: ["cases.jsonl": input])
        let result = try BinaryRunner.run(["batch", "--input", "cases.jsonl", "--out-dir", "outbox"] + BatchFixture.common + extra, in: folder)
        return (result, folder.appendingPathComponent("outbox"))
    }

    @Test func keepGoingWritesEveryGoodRecordAndReportsEveryBadOne() throws {
        let (result, outbox) = try Self.run(["--keep-going"])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        let (problems, summary) = BatchFixture.diagnostics(result)
        #expect(problems == Self.problems)
        #expect(BatchFixture.isSummary(summary, rendered: 50, failed: 3), "\(summary ?? "no summary")")
        #expect(try BatchFixture.entries(of: outbox) == Self.entries.compactMap(\.file).sorted())
    }

    @Test func stopsAtTheFirstBadRecord() throws {
        let (result, outbox) = try Self.run([])
        #expect(result.status == 65)
        let (problems, summary) = BatchFixture.diagnostics(result)
        #expect(problems == [Self.problems[0]])
        #expect(BatchFixture.isSummary(summary, rendered: 39, failed: 1), "\(summary ?? "no summary")")
        #expect(try BatchFixture.entries(of: outbox) == Self.entries.prefix(39).compactMap(\.file).sorted())
    }

    /// Files that must hold their own record: the subject inside names the same case.
    static let subjects = [
        ("CAS_2024_0043-log-request.eml", "[案例号: CAS/2024/0043] % 终端代理心跳间歇性中断 % 日志收集 TRK:0000100"),
        ("___.__etc_cron.d_x-closure.eml", "[Case: ../../etc/cron.d/x] % Agent heartbeat drops now and then % Case Closure TRK:0000100"),
        ("CAS-DUP-01-closure-2.eml", "[Case: CAS-DUP-01] % Agent heartbeat drops now and then % Case Closure TRK:0000100"),
        ("CAS-DUP-01-closure-3.eml", "[案例号: CAS-DUP-01] % 终端代理心跳间歇性中断 % 案例关闭 TRK:0000100"),
        ("20240053-closure.eml", "[Case: 20240053] % Agent heartbeat drops now and then % Case Closure TRK:0000100"),
    ]

    @Test(.enabled(if: CheckMime.isAvailable, "needs ../shared/tools/check-mime and python3"))
    func everyMessagePassesCheckMimeAndHoldsItsOwnRecord() throws {
        let (result, outbox) = try Self.run(["--keep-going"])
        #expect(result.status == 65)
        let files = try BatchFixture.entries(of: outbox).map { outbox.appendingPathComponent($0).path }
        let check = try CheckMime.run(files, ["--count", "50"])
        #expect(check.status == 0, "\(check.output)")

        let expect = outbox.deletingLastPathComponent().appendingPathComponent("expect.json")
        try JSONSerialization.data(withJSONObject: Self.subjects.map { ["subject": $0.1] }).write(to: expect)
        let named = try CheckMime.run(Self.subjects.map { outbox.appendingPathComponent($0.0).path }, ["--expect", expect.path])
        #expect(named.status == 0, "\(named.output)")
    }

    /// A control character in the case number would land in the Subject: the record is refused, naming the field.
    @Test func controlCharacterInCaseNumberIsRefused() throws {
        let lines = [Self.entries[0].line, BatchFixture.line(number: "CAS\u{7}0002", kind: "closure", locale: "en-US")]
        let folder = try BatchFixture.folder(with: ["cases.jsonl": lines.map { $0 + "\n" }.joined()])
        let result = try BinaryRunner.run(["batch", "--input", "cases.jsonl", "--out-dir", "outbox", "--keep-going"] + BatchFixture.common, in: folder)
        #expect(result.status == 65)
        let (problems, summary) = BatchFixture.diagnostics(result)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("compose: cases.jsonl:2: ") == true)
        #expect(problems.first?.contains("U+0007") == true)
        #expect(problems.first?.hasPrefix("compose: cases.jsonl:2: case.number: ") == true, "\(problems)")
        #expect(BatchFixture.isSummary(summary, rendered: 1, failed: 1))
        #expect(try BatchFixture.entries(of: folder.appendingPathComponent("outbox")) == [Self.entries[0].file])
    }

    @Test func existingFileIsNeverOverwrittenWithoutForce() throws {
        let folder = try BatchFixture.folder(with: ["cases.jsonl": Self.entries.prefix(3).map { $0.line + "\n" }.joined()])
        let outbox = folder.appendingPathComponent("outbox")
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        let existing = outbox.appendingPathComponent("CAS-10002-GEN-scope-definition.eml")
        try Data("keep me\n".utf8).write(to: existing)
        let arguments = ["batch", "--input", "cases.jsonl", "--out-dir", "outbox"] + BatchFixture.common

        let refused = try BinaryRunner.run(arguments, in: folder)
        #expect(refused.status == 73)
        #expect(refused.stderr == "compose: outbox/CAS-10002-GEN-scope-definition.eml: already exists (use --force to overwrite)\n")
        #expect(try Data(contentsOf: existing) == Data("keep me\n".utf8))
        #expect(try BatchFixture.entries(of: outbox) == ["CAS-10001-GEN-initial-response.eml", "CAS-10002-GEN-scope-definition.eml"])

        let forced = try BinaryRunner.run(arguments + ["--force"], in: folder)
        #expect(forced.status == 0, "\(forced.stderr)")
        let replaced = try String(contentsOf: existing, encoding: .utf8)
        #expect(replaced.hasPrefix("From: "))
        #expect(replaced.contains("Subject: "))
        #expect(try BatchFixture.entries(of: outbox).count == 3)
    }

    @Test func folderThatIsAFileIsCannotCreate() throws {
        let folder = try BatchFixture.folder(with: ["cases.jsonl": Self.entries[0].line + "\n", "outbox": "a file\n"])
        let result = try BinaryRunner.run(["batch", "--input", "cases.jsonl", "--out-dir", "outbox"] + BatchFixture.common, in: folder)
        #expect(result.status == 73)
        #expect(result.stderr == "compose: outbox: cannot create: not a directory\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("outbox"), encoding: .utf8) == "a file\n")
    }
}
