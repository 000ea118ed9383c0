import Foundation
import Testing

/// A batch reads the profile's sender, organization and time zone once;
/// a record that sets any of them must still get its own. Every batch reply
/// here must equal the reply `compose KIND` makes of the same record, which
/// reads every field of its case.
@Suite struct BatchProfileFactsTests {
    static let records: [(kind: String, line: String)] = [
        ("analysis-result", BatchFixture.line(number: "CAS-PF-1", kind: "analysis-result", locale: "zh-CN")),
        ("analysis-result", BatchFixture.line(number: "CAS-PF-2", kind: "analysis-result", locale: "zh-CN") {
            $0["sender"] = ["email": "other.engineer@support.example.com", "name": "顾言"]
        }),
        ("onsite-visit", BatchFixture.line(number: "CAS-PF-3", kind: "onsite-visit", locale: "en-US") {
            $0["time_zone"] = "America/New_York"
        }),
        ("closure", BatchFixture.line(number: "CAS-PF-4", kind: "closure", locale: "zh-CN") {
            $0["organization"] = ["domain": "mail.example.com", "case_mailbox": ["email": "yutong.han@customer.example.com"]]
        }),
        ("closure", BatchFixture.line(number: "CAS-PF-5", kind: "closure", locale: "zh-CN") {
            $0["organization"] = ["privacy_notice": "本组织的隐私声明。"]
        }),
        ("initial-response", BatchFixture.line(number: "CAS-PF-6", kind: "initial-response", locale: "en-US")),
    ]

    @Test func batchRepliesEqualOneOffReplies() throws {
        let folder = try BatchFixture.folder(with: ["cases.jsonl": Self.records.map(\.line).joined(separator: "\n") + "\n"])
        let batch = try BinaryRunner.run(["batch", "--input", "cases.jsonl", "--format", "json"] + BatchFixture.common, in: folder)
        #expect(batch.status == 0, "\(batch.stderr)")
        let lines = batch.text.split(separator: "\n").map(String.init)
        #expect(lines.count == Self.records.count)
        var senders: Set<String> = []
        for (record, line) in zip(Self.records, lines) {
            let single = try BinaryRunner.run(
                [record.kind, "--format", "json"] + BatchFixture.common, input: Data(record.line.utf8), in: folder)
            #expect(single.status == 0, "\(single.stderr)")
            let fromBatch = try Self.object(line)
            #expect(fromBatch == (try Self.object(single.text)), "\(record.line)")
            senders.insert(((fromBatch["from"] as? NSDictionary)?["email"] as? String) ?? "none")
        }
        #expect(senders.count == 2, "the override took effect: \(senders.sorted())")
    }

    private static func object(_ text: String) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
    }
}
