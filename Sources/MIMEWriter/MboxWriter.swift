/// The mboxrd mailbox format: messages after one another, each opened by a
/// `From ` separator line, with LF line ends throughout.
public enum Mbox {
    private static let lineFeed: UInt8 = 0x0A
    private static let fromSpace: [UInt8] = Array("From ".utf8)

    /// Appends `message` (as `MailMessage.serialized()` gives it) to an
    /// mboxrd file being built in `output`:
    ///
    /// - the separator `From <envelopeSender> Www Mmm dd hh:mm:ss yyyy`
    ///   (the date in UTC, C `asctime` layout; a sender that is empty or
    ///   holds white space or control characters is written `MAILER-DAEMON`);
    /// - the message with LF line ends, each line matching `^>*From ` given
    ///   one more `>` (readers remove one, which restores the line exactly);
    /// - a blank line.
    public static func append(_ message: [UInt8], envelopeSender: String, date: MessageDate, to output: inout [UInt8]) {
        reserve(message.count + 128, in: &output)
        appendSeparator(sender: isSeparatorWord(envelopeSender) ? envelopeSender : "MAILER-DAEMON", date: date, to: &output)
        message.withUnsafeBufferPointer { message in
            var lineStart = 0
            while lineStart < message.count {
                let lineEnd = message.firstOffset(of: lineFeed, from: lineStart)
                var contentEnd = lineEnd
                if contentEnd > lineStart && message[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                let line = UnsafeBufferPointer(rebasing: message[lineStart..<contentEnd])
                if isFromLine(line) { output.append(UInt8(ascii: ">")) }
                output.append(contentsOf: line)
                output.append(lineFeed)
                lineStart = lineEnd + 1
            }
        }
        output.append(lineFeed)
    }

    /// Makes room for `count` more octets, growing geometrically: a batch
    /// appends many messages to one buffer.
    private static func reserve(_ count: Int, in output: inout [UInt8]) {
        let needed = output.count + count
        if output.capacity < needed { output.reserveCapacity(max(needed, 2 * output.capacity)) }
    }

    /// `From <sender> <asctime>` and LF.
    private static func appendSeparator(sender: String, date: MessageDate, to output: inout [UInt8]) {
        var asctime = DateText()
        date.appendAsctimeUTC(to: &asctime)
        output.append(contentsOf: fromSpace)
        output.append(contentsOf: sender.utf8)
        output.append(UInt8(ascii: " "))
        output.append(contentsOf: asctime.octets)
        output.append(lineFeed)
    }

    /// `^>*From `: the lines mboxrd quotes.
    static func isFromLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < line.count && line[start] == UInt8(ascii: ">") { start += 1 }
        return UnsafeBufferPointer(rebasing: line[start...]).starts(with: fromSpace)
    }

    private static func isSeparatorWord(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }
}
