import Foundation
import MIMEWriter
import MustacheEngine
import SupportReplies
import TestSupport
import Testing

/// Random Unicode cases, composed and written as MIME, must decode in an
/// independent parser (Python's `email`) to exactly the subject, addresses and
/// body that were composed. Seeded, so a failure reproduces.
@Suite("MIME round trip of random cases")
struct MIMERoundTripPropertyTests {
    static let count = 1_000

    @Test(.enabled(if: EmailRoundTrip.isAvailable, "python3 is not on PATH"))
    func randomCasesRoundTrip() throws {
        let composer = try ReplyComposer()
        var random = SeededRandom(seed: 0x00C0_FFEE)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compose-property-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var entries: [EmailRoundTrip.Entry] = []
        let kinds = ["initial-response", "scope-definition", "analysis-result", "closure"]
        for index in 0..<Self.count {
            let kind = kinds[index % kinds.count]
            let data = RandomCase.make(&random, index: index)
            let reply = try composer.compose(kind: kind, data: data, options: ReplyOptions(sendEpochSeconds: 1_604_913_480 + Int64(index), sendUTCOffsetMinutes: 480, needsAddresses: true))
            let url = folder.appendingPathComponent("\(index).eml")
            try Data(try reply.mailMessage(html: index % 5 == 0).serialized()).write(to: url)
            let pair = { (box: Mailbox) in [box.name, box.address] }
            entries.append(.init(eml: url, expect: [
                "subject": reply.subject, "from": pair(reply.from!), "to": reply.to.map(pair), "cc": reply.cc.map(pair), "body": reply.body,
            ]))
        }
        let outcome = try EmailRoundTrip.check(entries)
        #expect(outcome.checked == Self.count)
        #expect(outcome.problems.isEmpty, "\(outcome.problems.count) problems, first: \(outcome.problems.prefix(5).map(\.debugDescription))")
    }
}

/// Random case data from pools of awkward text: CJK, emoji and ZWJ sequences,
/// combining marks, right-to-left scripts, MIME-significant ASCII, long lines,
/// lines starting with `From ` or `.`.
enum RandomCase {
    static let pieces = [
        "张", "欧阳", "司马", "数据库", "连接超时", "证书", "，", "。", "：", "（", "）", "“", "”",
        "Maria", "Keller", "C&M", "<tag>", "\"quoted\"", "a=b", "?=", "=?UTF-8?B?", "_", "%", "100%", "[", "]", ";", ",", "@",
        "😀", "👩‍💻", "🇨🇳", "👍🏽", "e\u{301}", "n\u{303}", "\u{5D0}\u{5D1}\u{5D2}", "\u{627}\u{644}\u{639}\u{631}\u{628}\u{64A}\u{629}",
        "Ω", "ß", "Ж", "한국어", "日本語", "\u{3000}", "\u{A0}", " ", " ", "  ",
    ]

    static func text(_ random: inout SeededRandom, length: Int) -> String {
        (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    static func body(_ random: inout SeededRandom) -> String {
        var lines = [name(&random)]  // never blank: required fields must have text
        for _ in 0..<Int(random.next() % 6) {
            switch random.next() % 8 {
            case 0: lines.append("From " + text(&random, length: 5))
            case 1: lines.append("." + text(&random, length: 3))
            case 2: lines.append(String(repeating: text(&random, length: 3), count: 300))
            case 3: lines.append("\t" + text(&random, length: 4) + " ")
            case 4: lines.append("")
            default: lines.append(text(&random, length: Int(1 + random.next() % 20)))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A display name. Python 3.11's address parser (the independent reader
    /// here) puts a space between adjacent encoded-words in a display name
    /// (CPython gh-128110) and drops no-break spaces, where RFC 2047 decoders
    /// (GMime, mutt, Perl) must not; so names here fit one encoded-word
    /// (≤ 45 UTF-8 bytes) and use only ASCII spaces. Longer names are
    /// checked against a strict RFC 2047 decoder in MIMEWriterTests.
    static func name(_ random: inout SeededRandom) -> String {
        var value = ""
        for character in text(&random, length: Int(1 + random.next() % 6)) where character != "\u{A0}" && character != "\u{3000}" {
            if value.utf8.count + character.utf8.count > 45 { break }
            value.append(character)
        }
        value = value.trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? "X" : value
    }

    static func make(_ random: inout SeededRandom, index: Int) -> TemplateValue {
        var customer = TemplateObject([("name", .string(name(&random))), ("email", .string("c\(index)@customer.example.net"))])
        if random.next() % 2 == 0 { customer["title"] = .string(["女士", "先生", "Ms.", "Dr."][Int(random.next() % 4)]) }
        var thread: [TemplateValue] = []
        if random.next() % 3 == 0 {
            thread.append([
                "from": ["name": .string(name(&random)), "email": "old@customer.example.net"],
                "subject": .string("RE: 回复: " + text(&random, length: 4)), "body": .string(body(&random)),
                "message_id": .string("<m\(index)@mail.example.net>"), "sent": "2020-11-08T10:00:00+08:00",
            ])
        }
        return [
            "locale": random.next() % 2 == 0 ? "zh-CN" : "en-US",
            "case": ["number": .string("CAS-\(index)-R"), "title": .string(name(&random) + text(&random, length: Int(random.next() % 30))), "tracking_token": "CMIT:0000001"],
            "customer": .object(customer),
            "cc": [["name": .string(name(&random)), "email": "cc@customer.example.net"]],
            "sender": ["name": .string(name(&random)), "email": "engineer@support.example.com"],
            "organization": ["case_mailbox": ["name": .string(name(&random)), "email": "cases@support.example.com"], "domain": "support.example.com"],
            "scope": ["definition": .string(body(&random)), "scope": .string(body(&random))],
            "analysis": ["summary": .list([.string(body(&random)), .string(text(&random, length: 10))]), "evidence": [["caption": .string(name(&random)), "text": .string(body(&random))]]],
            "thread": .list(thread),
        ]
    }
}
