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
        output.reserveCapacity(output.count + message.count + 128)
        let sender = isSeparatorWord(envelopeSender) ? envelopeSender : "MAILER-DAEMON"
        output.append(contentsOf: "From \(sender) \(date.asctimeUTC)".utf8)
        output.append(lineFeed)
        var lineStart = 0
        while lineStart < message.count {
            var lineEnd = lineStart
            while lineEnd < message.count && message[lineEnd] != lineFeed { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart && message[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let line = message[lineStart..<contentEnd]
            if isFromLine(line) { output.append(UInt8(ascii: ">")) }
            output.append(contentsOf: line)
            output.append(lineFeed)
            lineStart = lineEnd + 1
        }
        output.append(lineFeed)
    }

    /// `^>*From `: the lines mboxrd quotes.
    static func isFromLine(_ line: ArraySlice<UInt8>) -> Bool {
        line.drop(while: { $0 == UInt8(ascii: ">") }).starts(with: fromSpace)
    }

    private static func isSeparatorWord(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }
}
