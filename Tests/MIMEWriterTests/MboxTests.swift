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

    /// Bodies with lines that start `From ` or `>From `: in 7bit (ASCII), in
    /// quoted-printable (a `From ` line, a little Latin-1), in base64 (CJK),
    /// in an HTML alternative, and in an embedded message/rfc822; with
    /// whether a `>>From quoted` line shows in the mbox.
    static let fromLineMessages: [(message: MailMessage, showsQuotedLine: Bool)] = {
        let lines = ">From quoted\n>>From twice\nFromage\n>From\n"
        let embedded = MailAttachment(filename: "original.eml", data: Array("From: a@example.com\r\n\r\nFrom here\r\n>From quoted\r\n".utf8))
        return [
            (Samples.message(text: lines), true),
            (Samples.message(text: "From the start\n" + lines + "café\n>From café\n"), true),
            (Samples.message(text: lines + Samples.chineseText), false),
            (Samples.message(text: lines + "café\n", html: true), true),
            (Samples.message(text: Samples.chineseText, attachments: [embedded]), true),
        ]
    }()

    @Test("a message appended as written in mboxrd form equals its serialized bytes appended", arguments: fromLineMessages)
    func directFromMessage(message: MailMessage, showsQuotedLine: Bool) throws {
        let mbox = try Self.bothWays(message)
        #expect(mbox.direct == mbox.converted)
        #expect(String(decoding: mbox.direct, as: UTF8.self).contains("\n>>From quoted\n") == showsQuotedLine)
    }

    /// The mbox `Mbox.append` gives for `message` written straight in
    /// mboxrd form, and the one it gives for the serialized bytes.
    static func bothWays(_ message: MailMessage) throws -> (direct: [UInt8], converted: [UInt8]) {
        var converted: [UInt8] = Array("previous\n".utf8)
        Mbox.append(try message.serialized(), envelopeSender: "s@example.com", date: message.date, to: &converted)
        var direct: [UInt8] = Array("previous\n".utf8)
        try Mbox.append(message, envelopeSender: "s@example.com", to: &direct)
        return (direct, converted)
    }

    @Test("a message that outgrows the room reserved in the mbox for it is written all the same")
    func outgrown() throws {
        var message = Samples.message(subject: String(repeating: Samples.chineseSubject, count: 40))
        message.to = (0..<60).map { Mailbox(name: "收件人 \($0)", address: "r\($0)@customer.example.org") }
        let mbox = try Self.bothWays(message)
        #expect(mbox.direct == mbox.converted)
        #expect(mbox.direct.count > 2 * message.estimatedSize)
    }

    @Test("a message written again for a boundary found in its text is written once in the mbox")
    func rewritten() throws {
        var message = Samples.message(text: "x", html: true)
        let first = PartWriter.boundary(seed: message.messageID, index: 0, attempt: 0)
        message.textBody = "Before\n--\(first)\n>From here\n"
        let mbox = try Self.bothWays(message)
        #expect(mbox.direct == mbox.converted)
        let text = String(decoding: mbox.direct, as: UTF8.self)
        #expect(text.contains("boundary=\"\(PartWriter.boundary(seed: message.messageID, index: 0, attempt: 1))\""))
        #expect(text.components(separatedBy: "\nMIME-Version: 1.0\n").count == 2)
    }

    @Test("a message that does not validate appends nothing")
    func invalidMessage() {
        var message = Samples.message()
        message.subject = "line\nbreak"
        var mbox: [UInt8] = [1, 2]
        #expect(throws: MIMEError.self) { try Mbox.append(message, envelopeSender: "s@example.com", to: &mbox) }
        #expect(mbox == [1, 2])
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
