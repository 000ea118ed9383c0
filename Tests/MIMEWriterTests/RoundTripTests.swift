import Foundation
@testable import MIMEWriter
import Testing

@Suite("Round trip through Python's email package and check-mime")
struct RoundTripTests {
    static let tricky: [(name: String, message: MailMessage, filenames: [String]?)] = [
        ("Chinese subject, text only", Samples.message(), nil),
        ("HTML alternative", Samples.message(html: true), nil),
        (
            "Chinese attachment names, HTML and attachments",
            Samples.message(
                html: true,
                attachments: [
                    MailAttachment(filename: "分析报告 2020 年 11 月（最终版）数据库连接超时问题根因分析.pdf", data: Samples.binary(5000)),
                    MailAttachment(filename: "../../etc/passwd", data: Array("root:x:0:0\n".utf8)),
                    MailAttachment(filename: "C:\\logs\\server 1.log", data: Array("第一行\n".utf8)),
                    MailAttachment(filename: "report.pdf", data: []),
                ]),
            ["分析报告 2020 年 11 月（最终版）数据库连接超时问题根因分析.pdf", "passwd", "server 1.log", "report.pdf"]
        ),
        ("odd white space in names", Self.oddSpaces, nil),
        ("English, 7bit", Samples.message(subject: "[Case: CAS-1] % Database timeout % Initial response CMIT:1", text: "Dear Ms. Keller,\n\nThank you.\n"), nil),
    ]

    static var oddSpaces: MailMessage {
        var message = Samples.message(text: "x\n")
        message.to = ["王 \u{3000}伟", "王\u{3000} 伟", " lead", "trail ", "a\u{A0}b", "\u{3000}王", "Anna  Lee", "e\u{301} x"]
            .enumerated().map { Mailbox(name: $1, address: "r\($0)@example.com") }
        return message
    }

    @Test(.enabled(if: ExternalTools.hasPython, "python3 is not installed"))
    func pythonReadsBackWhatWasWritten() throws {
        let cases = try Self.tricky.map { item in (try item.message.serialized(), ExpectedMessage(item.message, filenames: item.filenames)) }
        #expect(try RoundTrip.pythonFailures(cases) == [])
    }

    @Test(.enabled(if: ExternalTools.hasCheckMIME, "python3 or ../shared/tools/check-mime is missing"))
    func checkMIMEFindsNothing() throws {
        let written = try RoundTrip.writeFiles(try Self.tricky.map { try $0.message.serialized() }, label: "tricky")
        defer { try? FileManager.default.removeItem(at: written.directory) }
        #expect(try RoundTrip.checkMIMEFailures(written.files, messages: written.files.count) == [])
    }
}
