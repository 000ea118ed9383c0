import Foundation
import Testing

/// `--jobs`, `--limit`, `--resume` and `--mbox`: what they change, and what they must not.
@Suite("Batch options")
struct BatchOptionsTests {
    /// Every file of a folder with its bytes.
    static func contents(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try BatchFixture.entries(of: folder) {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }

    static func lines(_ lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined()
    }

    static let arguments = ["batch", "--input", "cases.jsonl"] + BatchFixture.common

    // MARK: - Jobs

    /// The good records three times over (150 records, more than one block
    /// on one thread; the repeats add `-2`…`-6` names across blocks).
    static let repeated = lines(Array(repeating: BatchOutDirTests.entries.filter { $0.file != nil }.map(\.line), count: 3).flatMap { $0 })

    @Test func threadsDoNotChangeTheFolder() throws {
        let folder = try BatchFixture.folder(with: ["cases.jsonl": Self.repeated])
        var outputs: [[String: Data]] = []
        for jobs in [["--jobs", "1"], ["--jobs", "4"], []] {
            let result = try BinaryRunner.run(Self.arguments + ["--out-dir", "out\(outputs.count)"] + jobs, in: folder)
            #expect(result.status == 0, "\(jobs): \(result.stderr)")
            outputs.append(try Self.contents(of: folder.appendingPathComponent("out\(outputs.count)")))
        }
        #expect(outputs[0].count == 150)
        #expect(outputs[0]["CAS-DUP-01-closure-11.eml"] != nil)
        #expect(outputs[0]["cas-dup-01-closure-12.eml"] != nil)
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
    }

    @Test func threadsDoNotChangeTheMbox() throws {
        let folder = try BatchFixture.folder(with: ["cases.jsonl": Self.repeated])
        var mboxes: [Data] = []
        for jobs in [["--jobs", "1"], ["--jobs", "3"]] {
            let result = try BinaryRunner.run(Self.arguments + ["--mbox", "out\(mboxes.count).mbox"] + jobs, in: folder)
            #expect(result.status == 0, "\(jobs): \(result.stderr)")
            mboxes.append(try Data(contentsOf: folder.appendingPathComponent("out\(mboxes.count).mbox")))
        }
        #expect(mboxes[0].count > 150 * 1000)
        #expect(mboxes[1] == mboxes[0])
    }

    // MARK: - Mbox

    @Test(.enabled(if: CheckMime.isAvailable, "needs ../shared/tools/check-mime and python3"))
    func mboxQuotesFromLinesAndHoldsEveryMessage() throws {
        let definition = "From the gateway log we see the drops.\n>From a quoted mail: the link was down.\n>>From deeper still."
        let records = [
            BatchFixture.line(number: "MBX-1", kind: "closure", locale: "zh-CN"),
            BatchFixture.line(number: "MBX-2", kind: "analysis-result", locale: "en-US") { $0["scope"] = ["definition": definition] },
            BatchFixture.line(number: "MBX-3", kind: "initial-response", locale: "en-US"),
        ]
        let folder = try BatchFixture.folder(with: ["cases.jsonl": Self.lines(records)])
        let result = try BinaryRunner.run(Self.arguments + ["--mbox", "out.mbox"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let mbox = try String(contentsOf: folder.appendingPathComponent("out.mbox"), encoding: .utf8)
        let lines = mbox.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("From ") }.count == 3)
        #expect(lines.contains(">>From a quoted mail: the link was down."))
        #expect(lines.contains(">>>From deeper still."))
        #expect(!mbox.contains("\r"))

        let expect = folder.appendingPathComponent("expect.json")
        let expectations: [[String: Any]] = [
            ["subject": "[案例号: MBX-1] % 终端代理心跳间歇性中断 % 案例关闭 TRK:0000100"],
            ["subject": "[Case: MBX-2] % Agent heartbeat drops now and then % Analysis Result TRK:0000100", "body_contains": ["\n" + definition + "\n"]],
            ["subject": "[Case: MBX-3] % Agent heartbeat drops now and then % Initial Response TRK:0000100"],
        ]
        try JSONSerialization.data(withJSONObject: expectations).write(to: expect)
        let check = try CheckMime.run([folder.appendingPathComponent("out.mbox").path], ["--count", "3", "--expect", expect.path])
        #expect(check.status == 0, "\(check.output)")
    }

    @Test func existingMboxIsNeverOverwrittenWithoutForce() throws {
        let folder = try BatchFixture.folder(with: ["cases.jsonl": BatchOutDirTests.entries[0].line + "\n", "out.mbox": "keep me\n"])
        let refused = try BinaryRunner.run(Self.arguments + ["--mbox", "out.mbox"], in: folder)
        #expect(refused.status == 73)
        #expect(refused.stderr == "compose: out.mbox: already exists (use --force to overwrite)\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("out.mbox"), encoding: .utf8) == "keep me\n")
        let forced = try BinaryRunner.run(Self.arguments + ["--mbox", "out.mbox", "--force"], in: folder)
        #expect(forced.status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("out.mbox"), encoding: .utf8).hasPrefix("From zhiqiu.lin@support.example.com "))
        #expect(try BatchFixture.entries(of: folder) == ["cases.jsonl", "out.mbox", "profile.json"])
    }

    // MARK: - Limit and resume

    static let numbered = lines((1...10).map { BatchFixture.line(number: String(format: "L-%02d", $0), kind: "closure", locale: "en-US") })

    @Test(
        arguments: [
            (["--limit", "2"], [1, 2]),
            (["--resume", "3", "--limit", "4"], [3, 4, 5, 6]),
            (["--resume", "10"], [10]),
            (["--resume", "11"], []),
            (["--limit", "10"], Array(1...10)),
            (["--resume", "9", "--limit", "5"], [9, 10]),
        ])
    func limitAndResumePickRecordsByNumber(options: [String], records: [Int]) throws {
        let folder = try BatchFixture.folder(with: ["cases.jsonl": Self.numbered])
        let result = try BinaryRunner.run(Self.arguments + ["--format", "json"] + options, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.split(separator: "\n").count == records.count)
        let numbers = result.text.matches(of: /\[Case: L-(\d\d)\]/).map { Int($0.1)! }
        #expect(numbers == records)
        #expect(BatchFixture.isSummary(BatchFixture.diagnostics(result).summary, rendered: records.count, failed: 0))
    }

    @Test func resumeReportsLaterProblemsAtTheirLines() throws {
        let (result, _) = try BatchOutDirTests.run(["--resume", "41", "--keep-going"])
        #expect(result.status == 65)
        let (problems, summary) = BatchFixture.diagnostics(result)
        #expect(problems == Array(BatchOutDirTests.problems.dropFirst()))
        #expect(BatchFixture.isSummary(summary, rendered: 11, failed: 2))
    }

    /// The workflow `--resume` exists for: a batch stopped at a bad record,
    /// the record is fixed, the batch resumes there into the same folder.
    /// The folder must end up as one full run leaves it: no clash with the
    /// files already written, the same `-2`, `-3` names.
    @Test func resumeContinuesAStoppedRunInTheSameFolder() throws {
        let (stopped, outbox) = try BatchOutDirTests.run([])
        #expect(stopped.status == 65)
        let folder = outbox.deletingLastPathComponent()
        var lines = BatchOutDirTests.entries.map(\.line)
        lines[39] = BatchFixture.line(number: "CAS-BAD-40", kind: "closure", locale: "en-US")
        try Data(Self.lines(lines).utf8).write(to: folder.appendingPathComponent("cases.jsonl"))
        let resumed = try BinaryRunner.run(
            ["batch", "--input", "cases.jsonl", "--out-dir", "outbox", "--resume", "40", "--keep-going"] + BatchFixture.common, in: folder)
        #expect(resumed.status == 65)
        #expect(BatchFixture.diagnostics(resumed).problems == Array(BatchOutDirTests.problems.dropFirst()), "\(resumed.stderr)")
        #expect(try BatchFixture.entries(of: outbox) == (BatchOutDirTests.entries.compactMap(\.file) + ["CAS-BAD-40-closure.eml"]).sorted())
    }

    @Test(
        "counts must be whole numbers of at least 1",
        arguments: [["--jobs", "0"], ["--jobs", "two"], ["--limit", "0"], ["--resume", "0"], ["--resume=-1"], ["--limit", "1.5"]])
    func badCountsAreUsageErrors(options: [String]) throws {
        let folder = try BatchFixture.folder(with: ["cases.jsonl": Self.numbered])
        let result = try BinaryRunner.run(Self.arguments + ["--format", "json"] + options, in: folder)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        let name = options[0].prefix { $0 != "=" }
        #expect(result.stderr.hasPrefix("compose: \(name) takes a whole number of at least 1"), "\(result.stderr)")
    }
}

/// Secrets in a batch: each record's own fields are searched; the profile,
/// shared by every record, is searched once and reported once.
@Suite struct BatchSecretTests {
    static let cases = BatchOptionsTests.lines([
        BatchFixture.line(number: "S-1", kind: "closure", locale: "en-US"),
        BatchFixture.line(number: "S-2", kind: "closure", locale: "en-US") { $0["vpn_password"] = "hunter22" },
        BatchFixture.line(number: "S-3", kind: "closure", locale: "en-US"),
    ])

    /// A profile with a secret in it, as one line of JSON.
    static func profileWithSecret() -> String {
        var profile = BatchFixture.profile
        var sender = profile["sender"] as! [String: Any]
        sender["mail_password"] = "s3cret-pass"
        profile["sender"] = sender
        return BatchFixture.line(profile)
    }

    @Test func profileSecretIsReportedOnceAndRecordSecretsAtTheirLines() throws {
        let folder = try BatchFixture.folder(with: ["cases.jsonl": Self.cases])
        try Data(Self.profileWithSecret().utf8).write(to: folder.appendingPathComponent("profile.json"))
        let result = try BinaryRunner.run(BatchOptionsTests.arguments + ["--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let (problems, summary) = BatchFixture.diagnostics(result)
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.first?.hasPrefix("compose: profile.json:1:") == true, "\(problems)")
        #expect(problems.first?.contains("sender.mail_password: looks like a secret") == true, "\(problems)")
        #expect(problems.last?.hasPrefix("compose: cases.jsonl:2: vpn_password: looks like a secret") == true, "\(problems)")
        #expect(BatchFixture.isSummary(summary, rendered: 3, failed: 0))
    }

    @Test func noSecretsRefusesAProfileSecretBeforeAnyRecord() throws {
        let folder = try BatchFixture.folder(with: ["cases.jsonl": Self.cases])
        try Data(Self.profileWithSecret().utf8).write(to: folder.appendingPathComponent("profile.json"))
        let result = try BinaryRunner.run(BatchOptionsTests.arguments + ["--mbox", "out.mbox", "--no-secrets"], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr.contains("sender.mail_password: looks like a secret"), "\(result.stderr)")
        #expect(result.stderr.contains("refused by --no-secrets"), "\(result.stderr)")
        #expect(!result.stderr.contains("compose: rendered"), "\(result.stderr)")
        #expect(try BatchFixture.entries(of: folder) == ["cases.jsonl", "profile.json"])
    }
}
