import Foundation
import MIMEWriter
import Testing

/// A rough throughput figure, off by default:
/// `MIMEWRITER_SPEED=1 swift test -c release --filter SpeedTests`.
@Suite("Speed", .enabled(if: ProcessInfo.processInfo.environment["MIMEWRITER_SPEED"] != nil, "set MIMEWRITER_SPEED=1 to measure"))
struct SpeedTests {
    @Test("3 KB of Chinese text plus a 50 KB attachment")
    func chineseReplyWithAttachment() throws {
        let text = String(repeating: Samples.chineseText, count: 3000 / Samples.chineseText.utf8.count + 1)
        let message = Samples.message(
            text: text, html: true,
            attachments: [MailAttachment(filename: "分析报告（最终版）.pdf", data: Samples.binary(50_000))])
        var bytes = 0
        let rounds = 400
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for _ in 0..<rounds { bytes += try message.serialized().count }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let perMessage = seconds / Double(rounds) * 1e6
        print("MIMEWriter: \(rounds) messages of \(bytes / rounds) octets in \(seconds) s: \(Int(perMessage)) µs each, \(Double(bytes) / seconds / 1e6) MB/s written")
    }

    @Test("text only: the 3 KB Chinese reply")
    func chineseReply() throws {
        let message = Samples.message(text: String(repeating: Samples.chineseText, count: 3000 / Samples.chineseText.utf8.count + 1))
        var bytes = 0
        let rounds = 2000
        let elapsed = try ContinuousClock().measure {
            for _ in 0..<rounds { bytes += try message.serialized().count }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("MIMEWriter: text only \(Int(seconds / Double(rounds) * 1e6)) µs each, \(Double(bytes) / seconds / 1e6) MB/s written")
    }
}
