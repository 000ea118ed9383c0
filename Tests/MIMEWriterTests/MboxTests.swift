import Foundation
@testable import MIMEWriter
import Testing

@Suite("mboxrd")
struct MboxTests {
    static let message = Array("From: a@example.com\r\nSubject: x\r\n\r\nFrom here\r\n>From there\r\n>>From far\r\nFromage\r\n From not\r\n".utf8)

    @Test("separator, LF line ends, >From quoting, blank line")
    func layout() {
        var mbox: [UInt8] = []
        Mbox.append(Self.message, envelopeSender: "support@example.com", date: Samples.date, to: &mbox)
        let expected = """
            From support@example.com Mon Nov  9 09:18:00 2020
            From: a@example.com
            Subject: x

            >From here
            >>From there
            >>>From far
            Fromage
             From not


            """
        #expect(String(decoding: mbox, as: UTF8.self) == expected)
    }

    @Test("removing one > from every ^>+From line restores each message", arguments: [0, 1, 3])
    func reversible(count: Int) {
        var mbox: [UInt8] = []
        let messages = (0..<count).map { index in Self.message + Array("line \(index)\r\n".utf8) }
        for message in messages {
            Mbox.append(message, envelopeSender: "s@example.com", date: Samples.date, to: &mbox)
        }
        var lines = String(decoding: mbox, as: UTF8.self).components(separatedBy: "\n")
        #expect(lines.removeLast() == "", "the file ends with a line break")
        var chunks: [[String]] = []
        for line in lines {
            if line.hasPrefix("From ") {
                #expect(line == "From s@example.com Mon Nov  9 09:18:00 2020")
                chunks.append([])
            } else {
                chunks[chunks.count - 1].append(line)
            }
        }
        #expect(chunks.count == count)
        for (chunk, original) in zip(chunks, messages) {
            #expect(chunk.last == "", "a blank line after each message")
            let restored = chunk.dropLast().map { line in
                line.range(of: "^>+From ", options: .regularExpression) != nil ? String(line.dropFirst()) : line
            }
            #expect(restored.map { $0 + "\r\n" }.joined() == String(decoding: original, as: UTF8.self))
        }
    }

    @Test("a sender that cannot stand in the From_ line becomes MAILER-DAEMON", arguments: ["", "two words", "a\nb", "王"])
    func badSender(sender: String) {
        var mbox: [UInt8] = []
        Mbox.append([], envelopeSender: sender, date: Samples.date, to: &mbox)
        #expect(String(decoding: mbox, as: UTF8.self) == "From MAILER-DAEMON Mon Nov  9 09:18:00 2020\n\n")
    }

    @Test(
        "check-mime reads a batch back as valid messages",
        .enabled(if: ExternalTools.hasCheckMIME, "python3 or ../shared/tools/check-mime is missing"))
    func checkMIME() throws {
        var mbox: [UInt8] = []
        let messages = RoundTripTests.tricky.map(\.message) + [Samples.message(text: "From the start\n>From quoted\n.\n")]
        for message in messages {
            Mbox.append(try message.serialized(), envelopeSender: message.from.address, date: message.date, to: &mbox)
        }
        let directory = try ExternalTools.temporaryDirectory("mbox")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("batch.mbox")
        try Data(mbox).write(to: file)
        #expect(try RoundTrip.checkMIMEFailures([file], messages: messages.count, options: ["--count", "\(messages.count)"]) == [])
    }
}
