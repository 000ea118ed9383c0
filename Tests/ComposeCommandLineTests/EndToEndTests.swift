import Foundation
import Testing

/// The built binary against the contract: stdout, stderr and exit status for good and bad input.
@Suite("End to end")
struct EndToEndTests {
    static let date = "2020-11-09T17:18:00+08:00"

    /// A minimal valid case, changed by `edit`.
    static func minimalCase(_ edit: (inout [String: Any]) -> Void = { _ in }) -> Data {
        var object: [String: Any] = [
            "locale": "zh-CN",
            "case": ["number": "CAS-00001-TEST01", "title": "测试 C&M <标题>", "tracking_token": "CMIT:0000001"],
            "customer": ["name": "张新", "family_name": "张", "title": "女士", "email": "zhang.xin@customer.example.net"],
            "sender": ["name": "柏晨", "email": "baichen@support.example.com"],
        ]
        edit(&object)
        return try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    static func run(_ arguments: [String], _ input: Data = minimalCase(), environment: [String: String] = [:]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, input: input, environment: environment)
    }

    // MARK: - Usage

    @Test func helpAndVersion() throws {
        let help = try Self.run(["--help"])
        #expect(help.status == 0)
        #expect(help.text.contains("compose KIND"))
        #expect(help.text.contains("batch"))
        let version = try Self.run(["--version"])
        #expect(version.status == 0)
        #expect(version.text.hasPrefix("compose "))
        let commandHelp = try Self.run(["closure", "--help"])
        #expect(commandHelp.status == 0)
        #expect(commandHelp.text.contains("--format"))
    }

    @Test(
        "usage errors exit 64",
        arguments: [
            ["no-such-kind"], ["closure", "--no-such-option"], ["closure", "--locale", "fr-FR"],
            ["closure", "--format", "pdf"], ["closure", "--out", "x"], ["closure", "--html"], [],
            ["closure", "--date", "yesterday"],
        ])
    func usageErrors(arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("compose: ") || arguments.isEmpty)
        #expect(result.stdout.isEmpty || arguments.isEmpty)
    }

    @Test func unknownKindIsReportedBeforeReadingTheCase() throws {
        let result = try Self.run(["closre"], Data())
        #expect(result.status == 64)
        #expect(result.stderr == "compose: unknown kind 'closre' (kinds: analysis-result, closure, initial-response, log-request, onsite-visit, scope-definition)\n")
    }

    // MARK: - Data errors

    @Test func missingRequiredFieldNamesPathAndPosition() throws {
        let result = try Self.run(["initial-response"], Data("{\"case\": {\"number\": \"CAS-1\", \"title\": \"t\"},\n \"customer\": {\"email\": \"a@example.com\"}}".utf8))
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "compose: <stdin>:2:14: customer.name: required field is missing\n")
    }

    @Test func emptyRequiredFieldIsAnError() throws {
        let result = try Self.run(["closure"], Self.minimalCase { $0["customer"] = ["name": "  "] })
        #expect(result.status == 65)
        #expect(result.stderr.contains("customer.name: required field is empty"))
        #expect(result.stdout.isEmpty)
    }

    @Test(
        "bad JSON exits 65 with file:line:column",
        arguments: [
            ("{\"a\": }", "<stdin>:1:7:"), ("", "<stdin>:1:1:"), ("[1, 2]", "<stdin>:1:1:"),
            ("{\"a\": \"x\u{0}\"}", "<stdin>:1:"), ("{\n\"a\": tru}", "<stdin>:2:"),
        ])
    func badJSON(input: String, location: String) throws {
        let result = try Self.run(["closure"], Data(input.utf8))
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("compose: " + location), "\(result.stderr)")
        #expect(!result.stderr.contains("\n") || result.stderr.split(separator: "\n").count == 1)
    }

    @Test func invalidUTF8AndDeepNestingFailCleanly() throws {
        let invalid = try Self.run(["closure"], Data([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]))
        #expect(invalid.status == 65)
        #expect(invalid.stderr.contains("UTF-8"))
        let deep = try Self.run(["closure"], Data(String(repeating: "[", count: 100_000).utf8))
        #expect(deep.status == 65)
        #expect(deep.stderr.hasPrefix("compose: <stdin>:1:"))
    }

    @Test func unreadableInputsExit66() throws {
        #expect(try Self.run(["closure", "--case", "/nonexistent/case.json"]).status == 66)
        #expect(try Self.run(["closure", "--profile", "/nonexistent/profile.json"]).status == 66)
        #expect(try Self.run(["closure", "--format", "mime", "--attach", "/nonexistent/file.pdf"]).status == 66)
        #expect(try Self.run(["closure", "--templates", "/nonexistent"]).status == 66)
    }

    // MARK: - Output files

    @Test func outputFileIsNeverOverwrittenWithoutForce() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let target = folder.appendingPathComponent("reply.txt")
        try Data("keep me".utf8).write(to: target)
        let refused = try Self.run(["closure", "-o", target.path, "--date", Self.date])
        #expect(refused.status == 73)
        #expect(try Data(contentsOf: target) == Data("keep me".utf8))
        let forced = try Self.run(["closure", "-o", target.path, "--force", "--date", Self.date])
        #expect(forced.status == 0)
        #expect(String(decoding: try Data(contentsOf: target), as: UTF8.self).contains("张女士 您好,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["reply.txt"])
        let missingFolder = try Self.run(["closure", "-o", folder.appendingPathComponent("no/such/dir/x.txt").path])
        #expect(missingFolder.status == 73)
    }

    // MARK: - Guarantees

    @Test func textIsText() throws {
        let result = try Self.run(["initial-response", "--date", Self.date])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.contains("测试 C&M <标题>"))
        #expect(!result.text.contains("&amp;"))
    }

    @Test func sameInputSameBytes() throws {
        let first = try Self.run(["closure", "--format", "mime", "--date", Self.date])
        let second = try Self.run(["closure", "--format", "mime", "--date", Self.date])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let epoch = try Self.run(["closure", "--format", "mime"], environment: ["SOURCE_DATE_EPOCH": "1604913480"])
        #expect(epoch.text.contains("Date: Mon, 09 Nov 2020 09:18:00 +0000"))
    }

    @Test func headerInjectionIsFoldedOrRefused() throws {
        let folded = try Self.run(["closure", "--format", "mime", "--date", Self.date], Self.minimalCase {
            $0["case"] = ["number": "CAS-1", "title": "Hello\r\nBcc: victim@example.com"]
        })
        #expect(folded.status == 0)
        #expect(!folded.text.contains("\r\nBcc:"))
        let refused = try Self.run(["closure", "--format", "mime"], Self.minimalCase {
            $0["customer"] = ["name": "张新", "email": "a@example.com\r\nBcc: victim@example.com"]
        })
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("customer.email"))
        let control = try Self.run(["closure"], Self.minimalCase { $0["customer"] = ["name": "张\u{1B}新"] })
        #expect(control.status == 65)
        #expect(control.stderr.contains("customer.name"))
    }

    @Test func mimeFromIsTheSenderElseTheCaseMailboxNeverInvented() throws {
        let mailbox = try Self.run(["closure", "--format", "mime", "--date", Self.date], Self.minimalCase {
            $0["sender"] = nil
            $0["organization"] = ["case_mailbox": ["name": "Cases", "email": "cases@support.example.com"]]
        })
        #expect(mailbox.status == 0, "\(mailbox.stderr)")
        #expect(mailbox.text.contains("From: Cases <cases@support.example.com>\r\n"))
        #expect(!mailbox.text.contains("Cc: Cases"))
        let neither = try Self.run(["closure", "--format", "mime"], Self.minimalCase { $0["sender"] = nil })
        #expect(neither.status == 65)
        #expect(neither.stderr.contains("sender.email: required field is missing"))
        #expect(neither.stdout.isEmpty)
        let noCustomerAddress = try Self.run(["closure", "--format", "mime"], Self.minimalCase { $0["customer"] = ["name": "张新"] })
        #expect(noCustomerAddress.status == 65)
        #expect(noCustomerAddress.stderr.contains("customer.email: required field is missing"))
    }

    @Test func secretsWarnOrFail() throws {
        let data = Self.minimalCase { $0["log_request"] = ["reason": "服务器账号 root 密码: Sup3rSecret!"] }
        let warned = try Self.run(["closure", "--date", Self.date], data)
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("log_request.reason"))
        let refused = try Self.run(["closure", "--no-secrets"], data)
        #expect(refused.status == 65)
        #expect(refused.stdout.isEmpty)
        let checked = try Self.run(["check", "closure"], data)
        #expect(checked.stderr.contains("log_request.reason"))
        let tracking = try Self.run(["closure", "--no-secrets", "--date", Self.date])
        #expect(tracking.status == 0, "the tracking token is not a secret: \(tracking.stderr)")
    }

    @Test(
        "salutations through the binary",
        arguments: [
            (["name": "张新", "family_name": "张", "title": "女士"], "zh-CN", "张女士 您好,"),
            (["name": "李静"], "zh-CN", "李静 您好,"),
            (["name": "欧阳明", "title": "先生"], "zh-CN", "欧阳先生 您好,"),
            (["name": "张女士", "title": "女士"], "zh-CN", "张女士 您好,"),
            (["name": "Maria Keller", "family_name": "Keller", "title": "Ms."], "en-US", "Dear Ms. Keller,"),
            (["name": "Maria Keller"], "en-US", "Dear Maria Keller,"),
        ])
    func salutation(customer: [String: String], locale: String, expected: String) throws {
        let result = try Self.run(["initial-response", "--date", Self.date], Self.minimalCase {
            $0["customer"] = customer
            $0["locale"] = locale
        })
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.hasPrefix(expected + "\n"))
        #expect(!result.text.contains("先生/女士"))
    }

    @Test func threadReplyHasOnePrefixOneNoticeAndThreadHeaders() throws {
        let result = try BinaryRunner.run(
            ["scope-definition", "--format", "json", "--case", BinaryRunner.path("examples/case-zh.json"),
             "--profile", BinaryRunner.path("examples/profile-zh.json"), "--date", Self.date])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let subject = try #require(object["subject"] as? String)
        #expect(subject.hasPrefix("回复: [案例号: "))
        #expect(!subject.dropFirst(4).contains("回复"))
        #expect(!subject.contains("RE:"))
        let body = try #require(object["body"] as? String)
        #expect(body.components(separatedBy: "隐私声明").count - 1 == 1)
        #expect(body.contains("发件人"))
    }

    @Test func worksFromAnyDirectoryWithBuiltIns() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let result = try BinaryRunner.run(["initial-response", "--date", Self.date], input: Self.minimalCase(), in: folder)
        #expect(result.status == 0, "\(result.stderr)")
    }

    // MARK: - Other commands

    @Test func kindsListsEveryBuiltInKindInBothLocales() throws {
        let result = try Self.run(["kinds"])
        #expect(result.status == 0)
        for kind in GoldenReplyTests.kinds {
            #expect(result.text.contains(kind))
        }
        #expect(result.text.split(separator: "\n").allSatisfy { $0.contains("en-US") && $0.contains("zh-CN") })
    }

    @Test func fieldsAreDerivedFromTheTemplates() throws {
        let result = try Self.run(["fields", "onsite-visit"])
        #expect(result.status == 0)
        let required = result.text.components(separatedBy: "optional:")[0]
        #expect(required.contains("case.number"))
        #expect(required.contains("onsite.address"))
        #expect(result.text.contains("lists:"))
        #expect(!result.text.contains("compose."))
    }

    @Test func customTemplatesAddKindsAndFailWithPositions() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let zh = folder.appendingPathComponent("zh-CN")
        try FileManager.default.createDirectory(at: zh, withIntermediateDirectories: true)
        try Data("{{compose.salutation}}\n\n周报: {{case.title}}\n{{weekly.note}}\n".utf8).write(to: zh.appendingPathComponent("weekly-status.mustache"))
        let kinds = try Self.run(["kinds", "--templates", folder.path])
        #expect(kinds.text.contains("weekly-status"))
        let fields = try Self.run(["fields", "weekly-status", "--templates", folder.path])
        #expect(fields.text.components(separatedBy: "optional:")[0].contains("weekly.note"))
        let rendered = try Self.run(["weekly-status", "--templates", folder.path, "--date", Self.date], Self.minimalCase { $0["weekly"] = ["note": "一切正常"] })
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect(rendered.text.contains("一切正常"))
        #expect(rendered.text.components(separatedBy: "隐私声明").count - 1 == 1)
        try Data("{{#case}}\n{{number}}\n".utf8).write(to: zh.appendingPathComponent("broken.mustache"))
        let broken = try Self.run(["closure", "--templates", folder.path])
        #expect(broken.status == 78)
        #expect(broken.stderr.contains("broken.mustache:1:1:"))
    }

    @Test func profileFromTheEnvironmentAndLocaleFromTheOption() throws {
        let profile = BinaryRunner.path("examples/profile-zh.json")
        let withProfile = try Self.run(["initial-response", "--date", Self.date], environment: ["COMPOSE_PROFILE": profile])
        #expect(withProfile.status == 0, "\(withProfile.stderr)")
        #expect(withProfile.text.contains("青岚软件客户服务中心"))
        let english = try Self.run(["initial-response", "--locale", "en-US", "--date", Self.date])
        #expect(english.status == 0, "\(english.stderr)")
        #expect(english.text.hasPrefix("Dear Ms. Zhang,\n"))
        #expect(english.text.contains("Privacy Notice"))
    }

    @Test func localeFilesOverrideKeyByKey() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let file = folder.appendingPathComponent("zh-CN.json")
        try Data(#"{"stages": {"closure": "结案通知"}}"#.utf8).write(to: file)
        let result = try Self.run(["closure", "--format", "json", "--locales", folder.path, "--date", Self.date])
        #expect(result.status == 0, "\(result.stderr)")
        let reply = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect((reply["subject"] as? String)?.contains("% 结案通知 CMIT:0000001") == true)
        #expect((reply["body"] as? String)?.contains("隐私声明") == true, "the other keys stay the built-in ones")
        try Data(#"{"stages": {"closure": 5}}"#.utf8).write(to: file)
        let wrongType = try Self.run(["closure", "--locales", folder.path])
        #expect(wrongType.status == 78)
        #expect(wrongType.stderr.contains("zh-CN.json: stages.closure: expected a string"))
        try Data("{\"stages\": ".utf8).write(to: file)
        let broken = try Self.run(["closure", "--locales", folder.path])
        #expect(broken.status == 78)
        #expect(broken.stderr.contains("zh-CN.json:1:"))
    }

    @Test func checkListsEveryProblem() throws {
        let result = try Self.run(["check", "onsite-visit"], Self.minimalCase { $0["customer"] = ["email": "not-an-address"] })
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.contains { $0.contains("customer.name: required field is missing") })
        #expect(lines.contains { $0.contains("onsite.address: required field is missing") })
        #expect(result.stdout.isEmpty)
        let good = try Self.run(["check", "initial-response"])
        #expect(good.status == 0)
    }

    /// A field read in several places (the sender's address is the From, is
    /// kept out of the copies and gives the Message-ID domain) is reported once.
    @Test func eachProblemIsReportedOnce() throws {
        let result = try Self.run(["check", "initial-response"], Self.minimalCase {
            $0["sender"] = ["name": "柏晨", "email": ["not": "text"]]
            $0["customer"] = ["name": "张新", "email": ["a@b.example"]]
        })
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains("sender.email: expected text, found an object") }.count == 1, "\(lines)")
        #expect(lines.filter { $0.contains("customer.email: expected text, found a list") }.count == 1, "\(lines)")
        #expect(Set(lines).count == lines.count, "\(lines)")
    }

    @Test func renderFollowsTheSpecUnlessText() throws {
        let folder = try BinaryRunner.temporaryFolder()
        try Data("Hi {{name}}! {{> part}}".utf8).write(to: folder.appendingPathComponent("main.mustache"))
        try Data("[{{name}}]".utf8).write(to: folder.appendingPathComponent("part.mustache"))
        try Data(#"{"name": "C&M"}"#.utf8).write(to: folder.appendingPathComponent("data.json"))
        let html = try Self.run(["render", folder.appendingPathComponent("main.mustache").path, "--data", folder.appendingPathComponent("data.json").path])
        #expect(html.status == 0)
        #expect(html.text == "Hi C&amp;M! [C&amp;M]")
        let text = try Self.run(["render", folder.appendingPathComponent("main.mustache").path, "--data", folder.appendingPathComponent("data.json").path, "--text"])
        #expect(text.text == "Hi C&M! [C&M]")
        try Data("{{#open}}".utf8).write(to: folder.appendingPathComponent("bad.mustache"))
        let bad = try Self.run(["render", folder.appendingPathComponent("bad.mustache").path])
        #expect(bad.status == 78)
        #expect(bad.stderr.contains("bad.mustache:1:1:"))
    }
}
