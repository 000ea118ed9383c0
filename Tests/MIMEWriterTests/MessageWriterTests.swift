import Foundation
@testable import MIMEWriter
import Testing

@Suite("Message layout")
struct MessageWriterTests {
    static func english(subject: String = "[Case: CAS-1] % Database timeout % Initial response CMIT:0001866") -> MailMessage {
        MailMessage(
            from: Mailbox(name: "Support Team", address: "support@example.com"),
            to: [Mailbox(name: "Maria Keller", address: "maria.keller@customer.example.org")],
            cc: [Mailbox(name: "Cases, Support", address: "cases@support.example.com")],
            subject: subject, date: Samples.date, messageID: "CAS-1.initial-response.20201109091800@support.example.com",
            textBody: "Dear Ms. Keller,\n\nThank you.\n", contentLanguage: "en-US")
    }

    static func text(_ message: MailMessage) throws -> String {
        String(decoding: try message.serialized(), as: UTF8.self)
    }

    @Test("a plain English reply, byte for byte")
    func golden() throws {
        let expected = """
            From: Support Team <support@example.com>\r
            To: Maria Keller <maria.keller@customer.example.org>\r
            Cc: "Cases, Support" <cases@support.example.com>\r
            Subject: [Case: CAS-1] % Database timeout % Initial response CMIT:0001866\r
            Date: Mon, 09 Nov 2020 17:18:00 +0800\r
            Message-ID: <CAS-1.initial-response.20201109091800@support.example.com>\r
            MIME-Version: 1.0\r
            Content-Language: en-US\r
            Content-Type: text/plain; charset=UTF-8\r
            Content-Transfer-Encoding: 7bit\r
            \r
            Dear Ms. Keller,\r
            \r
            Thank you.\r

            """
        #expect(try Self.text(Self.english()) == expected)
    }

    @Test("the same message gives the same bytes")
    func deterministic() throws {
        let message = Samples.message(html: true, attachments: [MailAttachment(filename: "a.pdf", data: Samples.binary(100))])
        #expect(try message.serialized() == message.serialized())
    }

    @Test(
        "header lines stay within 76 octets",
        arguments: [
            String(repeating: "word ", count: 60),
            String(repeating: "数据库连接超时 ", count: 20),
            String(repeating: "x", count: 2000),
            Samples.chineseSubject + " " + Samples.chineseSubject,
            String(repeating: "👩‍💻", count: 50),
        ])
    func folding(subject: String) throws {
        var message = Samples.message(subject: subject)
        message.to = (0..<12).map { Mailbox(name: "收件人 \($0) 号 Recipient", address: "person\($0)@customer.example.org") }
        message.from.name = "北京某某某信息技术有限公司技术支持中心案例邮箱数据库运维组"
        message.cc = [Mailbox(name: String(repeating: "Very Long Display Name ", count: 8), address: "long@example.com")]
        let bytes = try message.serialized()
        let headerLines = try #require(Decoders.crlfLines(bytes)).prefix { !$0.isEmpty }
        for line in headerLines where !line.hasPrefix("Message-ID:") {
            #expect(line.utf8.count <= 76, "\(line)")
            #expect(!line.trimmingCharacters(in: .whitespaces).isEmpty, "whitespace-only continuation line")
        }
    }

    @Test(
        "display names: atoms, a quoted string, or encoded-words",
        arguments: [
            ("Maria Keller", "Maria Keller <m@example.com>"),
            ("Keller, Maria", "\"Keller, Maria\" <m@example.com>"),
            ("Dr. Maria \"Mia\" K\\eller", "\"Dr. Maria \\\"Mia\\\" K\\\\eller\" <m@example.com>"),
            ("O'Neil", "O'Neil <m@example.com>"),
            ("", "m@example.com"),
            ("王工程师", "=?UTF-8?B?546L5bel56iL5biI?= <m@example.com>"),
            ("=?utf-8?q?x?=", "=?UTF-8?B?PT91dGYtOD9xP3g/PQ==?= <m@example.com>"),
            (" padded", "\" padded\" <m@example.com>"),
            ("Anna  Lee", "Anna Lee <m@example.com>"),
            ("王 \u{3000}伟", "=?UTF-8?B?546LIOS8nw==?= <m@example.com>"),
            ("王\u{3000} 伟", "=?UTF-8?B?546L44CAIOS8nw==?= <m@example.com>"),
        ])
    func displayNames(name: String, expected: String) throws {
        var message = Self.english()
        message.to = [Mailbox(name: name, address: "m@example.com")]
        let to = Decoders.headers(try message.serialized()).first { $0.name == "To" }
        #expect(to?.value == " " + expected)
    }

    @Test(
        "a long name is cut at its spaces, else between characters; a padded B word is never followed by a B word",
        arguments: [
            String(repeating: "北京某某信息技术有限公司 ", count: 4) + "技术支持中心",
            "北京某某某信息技术有限公司技术支持中心案例邮箱数据库运维组",
            String(repeating: "e\u{301}", count: 40),
            "Keller, Maria 李 " + String(repeating: "数据库连接超时 ", count: 6),
        ])
    func longWordInName(name: String) throws {
        var message = Self.english()
        message.to = [Mailbox(name: name, address: "m@example.com")]
        let value = try #require(Decoders.headers(try message.serialized()).first { $0.name == "To" }?.value)
        #expect(Decoders.mailboxes(value)?.first?.name == name, "\(value)")
        let words = value.split(separator: " ")
        for (word, next) in zip(words, words.dropFirst()) {
            #expect(word.utf8.count <= 75)
            #expect(!(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("=?=") && next.hasPrefix("=?UTF-8?B?")), "\(value)")
        }
    }

    @Test("a name that fits one encoded-word gets one, folded onto its own line when the first line is too short")
    func fromNameFoldsBeforeItsOnlyWord() throws {
        var message = Self.english()
        message.from.name = "日本語한국어=?UTF-8?B?👍🏽👍🏽"
        let lines = try #require(Decoders.crlfLines(try message.serialized()))
        #expect(Array(lines.prefix(3)).map { $0.utf8.count <= 76 } == [true, true, true])
        #expect(lines[0] == "From:")
        #expect(lines[1].hasPrefix(" =?UTF-8?B?") && lines[1].split(separator: " ").count == 1, "one word: \(lines[1])")
        #expect(lines[2] == " <support@example.com>")
    }

    @Test(
        "subjects keep plain ASCII words and encode the rest, spaces inside the words",
        arguments: [
            ("Re: hello", " Re: hello"),
            ("% 数据库 %", " % =?UTF-8?B?5pWw5o2u5bqT?= %"),
            ("数据库 连接", " =?UTF-8?B?5pWw5o2u5bqTIOi/nuaOpQ==?="),
            ("a  b", " =?UTF-8?Q?a__b?="),
            (" lead", " =?UTF-8?Q?_lead?="),
            ("x =?utf-8?q?y?= z", " x =?UTF-8?B?PT91dGYtOD9xP3k/PQ==?= z"),
            ("", ""),
        ])
    func subjects(subject: String, expected: String) throws {
        let fields = Decoders.headers(try Self.english(subject: subject).serialized())
        #expect(fields.first { $0.name == "Subject" }?.value == expected)
    }

    @Test("References drop repeats and end with In-Reply-To")
    func threading() throws {
        var message = Self.english()
        message.inReplyTo = "parent@example.com"
        message.references = ["root@example.com", "parent@example.com", "middle@example.com", "root@example.com"]
        let fields = Decoders.headers(try message.serialized())
        #expect(fields.first { $0.name == "In-Reply-To" }?.value == " <parent@example.com>")
        #expect(fields.first { $0.name == "References" }?.value == " <root@example.com> <middle@example.com> <parent@example.com>")
    }

    @Test("In-Reply-To alone still gives References; a message never refers to itself")
    func threadingEdges() throws {
        var message = Self.english()
        message.inReplyTo = "parent@example.com"
        #expect(Decoders.headers(try message.serialized()).first { $0.name == "References" }?.value == " <parent@example.com>")
        message.references = [message.messageID]
        #expect(mimeError { () throws(MIMEError) in try message.validate() }
            == MIMEError(field: "references[0]", message: "refers to the message's own Message-ID"))
        message.references = []
        message.inReplyTo = message.messageID
        #expect(mimeError { () throws(MIMEError) in try message.validate() }?.field == "inReplyTo")
        message.inReplyTo = nil
        message.to = []
        #expect(mimeError { () throws(MIMEError) in try message.validate() }
            == MIMEError(field: "to", message: "at least one recipient is required"))
    }

    @Test(
        "addresses are plain dot-atom addr-specs with host-name domains",
        arguments: [
            ("a@example.com", true), ("first.last+tag@mail.example.co.uk", true), ("x@localhost", true),
            ("o'neil/{x}@example.com", true), ("a..b@example.com", false), (".a@example.com", false),
            ("\"quoted\"@example.com", false), ("a@[192.0.2.1]", false), ("a@-example.com", false),
            ("a@example-.com", false), ("a@exa_mple.com", false), ("a@example..com", false), ("a@b@c.com", false),
            ("@example.com", false), ("a@", false), ("müller@example.com", false), ("a@bücher.example", false),
            ("=?utf-8?q?a?=@example.com", false), (String(repeating: "a", count: 65) + "@example.com", false),
            ("a@" + String(repeating: "b", count: 64) + ".com", false),
        ])
    func addresses(address: String, valid: Bool) {
        let error = mimeError { () throws(MIMEError) in try AddressSpec.validate(address, field: "to[0].address") }
        #expect((error == nil) == valid, "\(error?.description ?? "accepted")")
    }

    @Test("a text-only message, an HTML alternative, and attachments nest as RFC 2046 says")
    func structure() throws {
        let plain = try Self.text(Self.english())
        #expect(plain.contains("Content-Type: text/plain; charset=UTF-8\r\n") && !plain.contains("multipart"))
        var message = Self.english()
        message.htmlBody = "<p>Hi</p>\n"
        let alternative = try Self.text(message)
        #expect(alternative.contains("Content-Type: multipart/alternative;"))
        #expect(alternative.range(of: "text/plain")!.lowerBound < alternative.range(of: "text/html")!.lowerBound)
        message.attachments = [MailAttachment(filename: "a.pdf", data: [1, 2, 3])]
        let mixed = try Self.text(message)
        let order = ["multipart/mixed", "multipart/alternative", "text/plain", "text/html", "application/pdf"]
        let positions = order.map { mixed.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil } && positions.map { $0! } == positions.map { $0! }.sorted())
    }
}

@Suite("Multipart boundaries")
struct BoundaryTests {
    @Test("boundaries are deterministic, short, distinct, and not prefixes of each other")
    func shape() {
        let outer = PartWriter.boundary(seed: "id@example.com", index: 0, attempt: 0)
        let inner = PartWriter.boundary(seed: "id@example.com", index: 1, attempt: 0)
        #expect(outer == PartWriter.boundary(seed: "id@example.com", index: 0, attempt: 0))
        #expect(outer != inner && outer.utf8.count == inner.utf8.count && outer.utf8.count <= 70)
        #expect(outer.hasPrefix("=_"))
        #expect(PartWriter.boundary(seed: "id@example.com", index: 0, attempt: 1) != outer)
    }

    @Test("a text that holds the boundary gets another one")
    func collision() throws {
        var message = MessageWriterTests.english()
        let first = PartWriter.boundary(seed: message.messageID, index: 0, attempt: 0)
        message.textBody = "Before\n--\(first)\nAfter\n"
        message.htmlBody = "<p>x</p>\n"
        let text = String(decoding: try message.serialized(), as: UTF8.self)
        #expect(text.contains("Content-Transfer-Encoding: 7bit\r\n\r\nBefore\r\n--\(first)\r\nAfter\r\n"))
        let second = PartWriter.boundary(seed: message.messageID, index: 0, attempt: 1)
        #expect(text.contains("boundary=\"\(second)\""))
        #expect(!text.contains("boundary=\"\(first)\""))
    }
}

@Suite("Attachments")
struct AttachmentTests {
    @Test(
        "file names are reduced to a safe last component",
        arguments: [
            ("../../etc/passwd", "passwd"), ("C:\\Users\\li\\报告.pdf", "报告.pdf"), ("dir/", "attachment"),
            ("", "attachment"), ("..", "attachment"), ("a/..", "attachment"), ("  spaced.txt  ", "spaced.txt"),
            ("bad\r\nname\u{0}.txt", "badname.txt"), ("tab\tname", "tabname"), ("\u{2028}", "attachment"),
            (".bashrc", ".bashrc"), ("分析报告.pdf", "分析报告.pdf"),
        ])
    func reduction(name: String, expected: String) {
        #expect(AttachmentName.reduced(name) == expected)
    }

    @Test(
        "content types from the extension",
        arguments: [
            ("a.PDF", "application/pdf"), ("a.txt", "text/plain"), ("a.log", "text/plain"), ("a.zip", "application/zip"),
            ("a.7z", "application/x-7z-compressed"), ("a.tar.gz", "application/gzip"), ("a.tar", "application/x-tar"),
            ("a.png", "image/png"), ("a.jpg", "image/jpeg"), ("a.jpeg", "image/jpeg"), ("a.gif", "image/gif"),
            ("a.csv", "text/csv"), ("a.json", "application/json"), ("a.xml", "application/xml"), ("a.html", "text/html"),
            ("a.doc", "application/msword"),
            ("a.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ("a.xls", "application/vnd.ms-excel"),
            ("a.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("a.eml", "message/rfc822"),
            ("README", "application/octet-stream"), (".pdf", "application/octet-stream"), ("a.unknown", "application/octet-stream"),
            ("dir.pdf/file", "application/octet-stream"),
        ])
    func contentTypes(name: String, expected: String) {
        #expect(MailAttachment(filename: name, data: []).contentType == expected)
    }

    static func partHeaders(_ attachment: MailAttachment) throws -> [(name: String, value: String)] {
        let message = Samples.message(attachments: [attachment])
        let text = String(decoding: try message.serialized(), as: UTF8.self)
        let part = try #require(text.components(separatedBy: "Content-Disposition").dropFirst().first)
        return Decoders.headers(Array(("Content-Disposition" + part).utf8))
    }

    @Test("a plain ASCII name is written the same, plainly, in both parameters")
    func plainName() throws {
        let fields = try Self.partHeaders(MailAttachment(filename: "report 2020.pdf", data: [1]))
        #expect(fields.first { $0.name == "Content-Disposition" }?.value == " attachment; filename=\"report 2020.pdf\"")
        let text = String(decoding: try Samples.message(attachments: [MailAttachment(filename: "report 2020.pdf", data: [1])]).serialized(), as: UTF8.self)
        #expect(text.contains("Content-Type: application/pdf; name=\"report 2020.pdf\"\r\n"))
    }

    @Test("a short Chinese name is one encoded-word, folded onto its own line rather than split")
    func shortChineseName() throws {
        let message = Samples.message(attachments: [MailAttachment(filename: "分析报告.txt", data: Array("报告\n".utf8))])
        let text = String(decoding: try message.serialized(), as: UTF8.self)
        #expect(text.contains("Content-Type: text/plain; charset=UTF-8;\r\n name=\"=?UTF-8?B?5YiG5p6Q5oql5ZGKLnR4dA==?=\"\r\n"))
        #expect(text.contains("Content-Disposition: attachment;\r\n filename*=UTF-8''%E5%88%86%E6%9E%90%E6%8A%A5%E5%91%8A.txt\r\n"))
    }

    @Test("a long Chinese name: RFC 2231 sections and encoded-words, decoding to the same name")
    func longName() throws {
        let name = String(repeating: "数据库连接超时分析报告（最终版）", count: 4) + ".pdf"
        let message = Samples.message(attachments: [MailAttachment(filename: name, data: [1])])
        let bytes = try message.serialized()
        let lines = try #require(Decoders.crlfLines(bytes))
        #expect(lines.allSatisfy { $0.utf8.count <= 76 || $0.hasPrefix("Message-ID:") })
        let disposition = try #require(Decoders.headers(Array(String(decoding: bytes, as: UTF8.self)
            .components(separatedBy: "\r\n\r\n").first { $0.contains("Content-Disposition") }!.utf8))
            .first { $0.name == "Content-Disposition" }?.value)
        var sections: [String] = []
        for parameter in disposition.split(separator: ";").dropFirst() {
            let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            #expect(pair[0] == "filename*\(sections.count)*")
            sections.append(String(pair[1]))
        }
        #expect(sections.count > 2)
        #expect(sections[0].hasPrefix("UTF-8''"))
        let joined = sections.joined().dropFirst("UTF-8''".count)
        #expect(sections.allSatisfy { String($0).removingPercentEncoding != nil }, "a section ends inside a character")
        #expect(String(joined).removingPercentEncoding == name)
    }

    @Test("text attachments carry charset=UTF-8, or go as octet-stream when they are not UTF-8")
    func textCharset() throws {
        let message = Samples.message(attachments: [
            MailAttachment(filename: "a.log", data: Array("日志\n".utf8)),
            MailAttachment(filename: "gbk.log", data: [0xC8, 0xD5, 0xD6, 0xBE]),
        ])
        let text = String(decoding: try message.serialized(), as: UTF8.self)
        #expect(text.contains("Content-Type: text/plain; charset=UTF-8; name=\"a.log\""))
        #expect(text.contains("Content-Type: application/octet-stream; name=\"gbk.log\""))
    }

    @Test("a 7-bit CRLF .eml is embedded as message/rfc822; anything else goes as base64 octet-stream")
    func embeddedMessage() throws {
        let eml = Array("From: a@example.com\r\nSubject: hi\r\nMessage-ID: <e@example.com>\r\nDate: Mon, 09 Nov 2020 17:18:00 +0800\r\n\r\nbody\r\n".utf8)
        let message = Samples.message(attachments: [
            MailAttachment(filename: "original.eml", data: eml),
            MailAttachment(filename: "lf.eml", data: Array("Subject: x\n\nbody\n".utf8)),
        ])
        let text = String(decoding: try message.serialized(), as: UTF8.self)
        #expect(text.contains("Content-Type: message/rfc822; name=\"original.eml\""))
        #expect(text.contains("Content-Transfer-Encoding: 7bit\r\n\r\n" + String(decoding: eml, as: UTF8.self) + "\r\n--"))
        #expect(text.contains("Content-Type: application/octet-stream; name=\"lf.eml\""))
        #expect(EmbeddedMessage.isEmbeddable(Array("a\r\n.\r\nb\r\n".utf8)) == false)
        #expect(EmbeddedMessage.isEmbeddable(Array("a\r\nb".utf8)) == false)
        #expect(EmbeddedMessage.isEmbeddable(Array("ä\r\n".utf8)) == false)
    }

    @Test("a multipart type is not an attachment type")
    func multipartType() {
        let message = Samples.message(attachments: [MailAttachment(filename: "a", contentType: "multipart/mixed", data: [])])
        #expect(mimeError { () throws(MIMEError) in try message.validate() }?.field == "attachments[0].contentType")
    }
}
