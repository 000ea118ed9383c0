/// The mboxrd mailbox format: messages after one another, each opened by a
/// `From ` separator line, with LF line ends throughout.
public enum Mbox {
    private static let lineFeed: UInt8 = 0x0A

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
        appendSeparator(sender: isSeparatorWord(envelopeSender) ? envelopeSender : "MAILER-DAEMON", date: date, to: &output)
        message.withUnsafeBufferPointer { message in
            var lineStart = 0
            while lineStart < message.count {
                // Lines lose their CR, so the rest of the message fits unless
                // many lines are quoted without one: then another round.
                output.append(upTo: message.count - lineStart + 64) { target in
                    var count = 0
                    lineStart = copyLines(of: message, from: lineStart, into: target, at: &count)
                    return count
                }
            }
        }
        output.append(lineFeed)
    }

    /// Copies the lines of `message` from `lineStart` into `target` at
    /// `count`, each with LF for its CRLF or LF and quoted when it is a
    /// `From ` line, while they fit; returns where it stopped.
    private static func copyLines(
        of message: UnsafeBufferPointer<UInt8>, from lineStart: Int, into target: UnsafeMutableBufferPointer<UInt8>,
        at count: inout Int
    ) -> Int {
        var lineStart = lineStart
        while lineStart < message.count {
            let lineEnd = message.firstOffset(of: lineFeed, from: lineStart)
            var contentEnd = lineEnd
            if contentEnd > lineStart && message[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let line = UnsafeBufferPointer(rebasing: message[lineStart..<contentEnd])
            guard count + line.count + 2 <= target.count else { break }
            if isFromLine(line) {
                target[count] = UInt8(ascii: ">")
                count += 1
            }
            count = target.copy(line, at: count)
            target[count] = lineFeed
            count += 1
            lineStart = lineEnd + 1
        }
        return lineStart
    }

    /// Appends `message` to an mboxrd file being built in `output`, as
    /// `append(message.serialized(), envelopeSender:date: message.date, to:)`
    /// does, but written in mboxrd form directly (LF line ends, `From ` lines
    /// quoted as they are written), in place in `output` when it fits the
    /// room reserved for it, rather than converted afterwards. Nothing is
    /// appended when the message does not pass `validate()`.
    public static func append(_ message: MailMessage, envelopeSender: String, to output: inout [UInt8]) throws(MIMEError) {
        try message.validate()
        // Room for the separator and the message: one allocation, not several.
        let needed = output.count + 128 + message.estimatedSize
        if output.capacity < needed { output.reserveCapacity(max(needed, 2 * output.capacity)) }
        appendSeparator(sender: isSeparatorWord(envelopeSender) ? envelopeSender : "MAILER-DAEMON", date: message.date, to: &output)
        var outgrown: [UInt8] = []
        output.append(upTo: message.estimatedSize) { room in
            var buffer = MessageBuffer(lentStorage: room, form: .mboxrd)
            message.write(to: &buffer)
            guard buffer.isInLentStorage else {
                outgrown = buffer.bytes
                return 0
            }
            return buffer.count
        }
        output.append(contentsOf: outgrown)
        output.append(lineFeed)
    }

    /// `From <sender> <asctime>` and LF.
    private static func appendSeparator(sender: String, date: MessageDate, to output: inout [UInt8]) {
        output.append(contentsOf: "From ".utf8)
        output.append(contentsOf: sender.utf8)
        output.append(UInt8(ascii: " "))
        DateText.withText { asctime in
            date.appendAsctimeUTC(to: &asctime)
            output.append(contentsOf: asctime.octets)
        }
        output.append(lineFeed)
    }

    /// `^>*From `: the lines mboxrd quotes.
    static func isFromLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < line.count && line[start] == UInt8(ascii: ">") { start += 1 }
        guard start < line.count && line[start] == UInt8(ascii: "F") else { return false }
        return UnsafeBufferPointer(rebasing: line[start...]).starts(with: "From ".utf8)
    }

    private static func isSeparatorWord(_ text: String) -> Bool {
        text.withUTF8Bytes { !$0.isEmpty && $0.allSatisfy { (0x21...0x7E).contains($0) } }
    }
}
