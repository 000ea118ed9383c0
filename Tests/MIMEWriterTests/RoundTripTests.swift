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
        ("English, 7bit", Samples.message(subject: "[Case: CAS-1] % Database timeout % Initial response CMIT:1", text: "Dear Ms. Keller,\n\nThank you.\n"), nil),
    ]

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
