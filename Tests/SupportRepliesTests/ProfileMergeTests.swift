import Foundation
import MustacheEngine
import SupportReplies
import Testing

@Suite("ProfileMerge")
struct ProfileMergeTests {
    @Test func objectsMergeKeyByKeyAndTheCaseWins() {
        let caseValue: TemplateValue = ["case": ["number": "CAS-1"], "sender": ["name": "Case Sender"]]
        let profile: TemplateValue = [
            "locale": "zh-CN", "sender": ["name": "Profile Sender", "email": "p@support.example.com"],
        ]
        let merged = ProfileMerge.merge(caseValue, under: profile)
        #expect(
            merged == [
                "case": ["number": "CAS-1"],
                "sender": ["name": "Case Sender", "email": "p@support.example.com"],
                "locale": "zh-CN",
            ])
        #expect(merged.objectValue?.keys == ["case", "sender", "locale"])
    }

    static let replacements: [(TemplateValue, TemplateValue, TemplateValue)] = [
        (["cc": [1]], ["cc": [2, 3]], ["cc": [1]]),
        (["sender": "plain"], ["sender": ["name": "P"]], ["sender": "plain"]),
        (["sender": ["name": "C"]], ["sender": "plain"], ["sender": ["name": "C"]]),
        (["sender": nil], ["sender": ["name": "P"]], ["sender": nil]),
        (["a": ""], ["a": "profile"], ["a": ""]),
        ([1, 2], ["a": 1], [1, 2]),
        ("text", ["a": 1], "text"),
        (["a": ["b": ["c": 1]]], ["a": ["b": ["d": 2], "e": 3]], ["a": ["b": ["c": 1, "d": 2], "e": 3]]),
    ]

    @Test("arrays and scalars replace, objects merge deeply", arguments: replacements)
    func replaces(_ caseValue: TemplateValue, _ profile: TemplateValue, _ expected: TemplateValue) {
        #expect(ProfileMerge.merge(caseValue, under: profile) == expected)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SharedFiles.cases), "needs ../shared/cases"))
    func sharedProfileFillsTheSender() throws {
        let caseValue = try SharedFiles.json("mysql-password.json")
        let merged = ProfileMerge.merge(caseValue, under: try SharedFiles.json("profile-zh.json"))
        #expect(merged.value(at: ["sender", "name"]) == "柏晨")
        #expect(merged.value(at: ["customer", "name"]) == caseValue.value(at: ["customer", "name"]))
        #expect(merged.value(at: ["organization", "case_mailbox", "email"]) == "casemail@support.example.com")
    }
}

/// The shared example files beside the worktree (`../shared`).
enum SharedFiles {
    static let cases = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/cases").standardizedFileURL.path

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: cases).appendingPathComponent(name)))
    }

    static func json(_ name: String) throws -> TemplateValue {
        try JSONReader.parse(try bytes(name), file: name)
    }

    static func caseFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cases)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }
}
