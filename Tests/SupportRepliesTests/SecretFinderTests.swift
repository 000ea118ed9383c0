import Foundation
import MustacheEngine
import SupportReplies
import Testing

@Suite("SecretFinder")
struct SecretFinderTests {
    static let secretNames = [
        "password", "Password", "PASSWORD", "db_password", "dbPassword", "DB_PASSWORD", "root-password", "passwd",
        "pwd", "userPwd", "pass_phrase", "passphrase", "passPhrase", "secret", "client_secret", "clientSecret",
        "api_key", "apiKey", "apikey", "APIKey", "X-Api-Key", "access_key", "aws_secret_access_key", "private_key",
        "sshPrivateKey", "token", "Token", "auth_token", "authToken", "access_token", "accessToken", "refresh_token",
        "密码", "数据库密码", "root密码", "口令", "密钥",
    ]

    @Test("a secret-named field with a value is a finding", arguments: secretNames)
    func secretNamesAreFound(_ key: String) {
        let findings = SecretFinder.findings(in: [
            "db": .object(TemplateObject([(key, TemplateValue.string("Zq9-value"))]))
        ])
        #expect(
            findings == [
                SecretFinding(
                    path: JSONPath([.key("db"), .key(key)]), reason: "a field named like a secret has a value")
            ])
    }

    static let harmlessNames = [
        "tracking_token", "trackingToken", "TRACKING_TOKEN", "page_token", "csrf_token", "token_count",
        "password_policy", "passwordPolicy", "password_hint", "secret_question", "secretary", "key", "primary_key",
        "keyword", "passenger", "密码策略", "密码长度", "口令要求",
    ]

    @Test("other fields are not, even when they mention the words", arguments: harmlessNames)
    func harmlessNamesAreNotFound(_ key: String) {
        #expect(
            SecretFinder.findings(in: .object(TemplateObject([(key, TemplateValue.string("CMIT:0001866"))]))).isEmpty)
    }

    static let values: [(TemplateValue, Bool)] = [
        (.number("123456"), true), (["first", "second"], true), (["", "kept"], true),
        ("", false), ("   ", false), ("******", false), ("xxxx", false), ("•••• ", false), (nil, false),
        (true, false), ([], false), (["", " "], false), (["min_length": 8], false),
    ]

    @Test("the field's value decides", arguments: values)
    func valuesDecide(_ value: TemplateValue, _ isFinding: Bool) {
        #expect(SecretFinder.findings(in: ["password": value]).isEmpty == !isFinding)
    }

    @Test func objectsUnderSecretNamesAreSearchedInside() {
        let findings = SecretFinder.findings(in: ["password": ["min_length": 8, "value": "x", "pwd": "hunter2"]])
        #expect(findings.map(\.path.description) == ["password.pwd"])
    }

    static let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
    static let password = "a password written in the text"

    static let texts: [(String, [String])] = [
        ("password: hunter2", [password]),
        ("Login with Password = s3cret please", [password]),
        ("PWD：abc", [password]),
        ("密码：Abc@1234", [password]),
        ("口令=Abc123", [password]),
        ("请登录服务器,\n数据库 root 密码 : Root#2021\n谢谢", [password]),
        ("密码长度大于 8 位", []),
        ("口令设置为强密码", []),
        ("根据银行内部安全要求密码设置需为强密码,强密码需满足以下要求:", []),
        ("password:", []),
        ("password:\nnext line", []),
        ("password: ******", []),
        ("the password is strong", []),
        ("passwords: see the vault", []),
        ("key AKIAIOSFODNN7EXAMPLE here", ["an AWS access key ID"]),
        ("中文AKIAIOSFODNN7EXAMPLE", ["an AWS access key ID"]),
        ("xAKIAIOSFODNN7EXAMPLE", []),
        ("AKIA1234", []),
        ("ghp_" + String(repeating: "a1B2", count: 9), ["a GitHub token"]),
        ("gho_abcdefghij0123456789", ["a GitHub token"]),
        ("github_pat_11ABCDEFG0123456789_abcdefghij", ["a GitHub token"]),
        ("ghp_short", []),
        ("sk-abcdefghijklmnopqrstuvwx", ["an API secret key (sk-…)"]),
        ("key=sk-proj-Ab12Cd34Ef56Gh78Ij90Kl", ["an API secret key (sk-…)"]),
        ("task-abcdefghijklmnopqrstuvwxyz", []),
        ("sk-the-quick-brown-fox-jumps-over", []),
        ("xoxb-123456789012-abcdefghij", ["a Slack token"]),
        ("xoxz-123456789012-abcdefghij", []),
        ("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA", ["a private key block"]),
        ("-----BEGIN PRIVATE KEY-----", ["a private key block"]),
        ("-----BEGIN CERTIFICATE-----", []),
        ("-----BEGIN PUBLIC KEY-----", []),
        ("Bearer " + jwt, ["a JSON Web Token"]),
        ("eyJhbGciOiJIUzI1NiJ9 is only a header", []),
        ("AKIAIOSFODNN7EXAMPLE then password: s3cret and AKIAIOSFODNN7EXAMPLF", ["an AWS access key ID", password]),
    ]

    @Test("text that holds a secret", arguments: texts)
    func textsAreSearched(_ text: String, _ reasons: [String]) {
        let findings = SecretFinder.findings(in: ["note": .string(text)])
        #expect(findings.map(\.reason) == reasons)
        #expect(findings.allSatisfy { $0.path == JSONPath([.key("note")]) })
    }

    @Test func findingsComeInDocumentOrder() {
        let value: TemplateValue = [
            "a": ["b": "password: s3cret"],
            "list": ["fine", "AKIAIOSFODNN7EXAMPLE"],
            "api_key": "k",
            "z": .string(Self.jwt),
        ]
        #expect(
            SecretFinder.findings(in: value).map(\.path.description) == ["a.b", "list[1]", "api_key", "z"])
    }

    @Test(
        "the shared example cases hold no secrets",
        .enabled(if: FileManager.default.fileExists(atPath: SharedFiles.cases), "needs ../shared/cases"))
    func sharedCasesAreClean() throws {
        let files = SharedFiles.caseFiles()
        #expect(files.contains("mysql-password.json"))
        for name in files {
            #expect(SecretFinder.findings(in: try SharedFiles.json(name)).isEmpty, "\(name)")
        }
        let lines = try SharedFiles.bytes("batch.jsonl").split(separator: UInt8(ascii: "\n"))
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(SecretFinder.findings(in: try JSONReader.parse(line, file: "batch.jsonl")).isEmpty)
        }
    }
}
