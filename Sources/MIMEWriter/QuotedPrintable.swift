/// RFC 2045 6.7 quoted-printable for text bodies.
///
/// Stricter than the RFC requires, so a body survives every hop unchanged:
/// uppercase hex; `=` always escaped; no whitespace at the end of a line
/// (a trailing space or tab is escaped); soft line breaks keep every line
/// within 76 characters; and a line never starts with `.` or `From `
/// (escaped as `=2E` and `=46rom `), so SMTP dot-stuffing, `sendmail` and
/// mbox `From ` quoting leave the encoded text alone.
enum QuotedPrintable {
    /// RFC 2045 6.7 (5): encoded lines are no more than 76 characters.
    static let lineLength = 76
    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
    private static let fromSpace: [UInt8] = Array("From ".utf8)

    /// Writes `text`, whose lines end in CRLF or LF, as quoted-printable:
    /// each line break becomes a hard line break.
    static func body(_ text: UnsafeBufferPointer<UInt8>, to buffer: inout MessageBuffer) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: lineLength) { encoded in
            hexDigits.withUnsafeBufferPointer { hex in
                for (line, endsWithLineFeed) in text.lines {
                    encodeLine(line, hex: hex, encoded: encoded, to: &buffer)
                    if endsWithLineFeed { buffer.writeLineBreak() }
                }
            }
        }
    }

    /// The number of octets `body(_:to:)` writes for `text`, counted
    /// without encoding: the same steps, only tallied.
    static func encodedLength(of text: UnsafeBufferPointer<UInt8>) -> Int {
        var length = 0
        for (line, endsWithLineFeed) in text.lines {
            var column = 0
            for index in line.indices {
                let step = Step(line, at: index, column: column)
                if step.breaksBefore {
                    length += column + 1 + MessageBuffer.crlf.count
                    column = 0
                }
                column += step.isLiteral ? 1 : 3
            }
            length += column
            if endsWithLineFeed { length += MessageBuffer.crlf.count }
        }
        return length
    }

    /// One line of text, as encoded lines joined by soft breaks. Each encoded
    /// line is gathered in `encoded` and written at once.
    private static func encodeLine(
        _ line: UnsafeBufferPointer<UInt8>, hex: UnsafeBufferPointer<UInt8>,
        encoded: UnsafeMutableBufferPointer<UInt8>, to buffer: inout MessageBuffer
    ) {
        var column = 0
        for index in line.indices {
            let step = Step(line, at: index, column: column)
            if step.breaksBefore {
                encoded[column] = UInt8(ascii: "=")
                buffer.write(bytes: UnsafeBufferPointer(rebasing: encoded[...column]))
                buffer.writeLineBreak()
                column = 0
            }
            let byte = line[index]
            if step.isLiteral {
                encoded[column] = byte
                column += 1
            } else {
                encoded[column] = UInt8(ascii: "=")
                encoded[column + 1] = hex[Int(byte >> 4)]
                encoded[column + 2] = hex[Int(byte & 0x0F)]
                column += 3
            }
        }
        buffer.write(bytes: UnsafeBufferPointer(rebasing: encoded[..<column]))
    }

    /// How one octet is written: whether a soft break comes before it, and
    /// whether it goes as is or as `=XX`. Encoding and counting both go by it.
    private struct Step {
        var breaksBefore = false
        var isLiteral: Bool

        /// The octet at `index` of a text line (without its line break), when the
        /// encoded line so far holds `column` characters.
        init(_ line: UnsafeBufferPointer<UInt8>, at index: Int, column: Int) {
            let isLast = index == line.count - 1
            isLiteral = QuotedPrintable.isLiteral(line, at: index, lineStart: column == 0, isLast: isLast)
            // The last character may take column 76; others leave room for a soft break's "=".
            if column + (isLiteral ? 1 : 3) > lineLength - (isLast ? 0 : 1) {
                breaksBefore = true
                isLiteral = QuotedPrintable.isLiteral(line, at: index, lineStart: true, isLast: isLast)
            }
        }
    }

    private static func isLiteral(_ line: UnsafeBufferPointer<UInt8>, at index: Int, lineStart: Bool, isLast: Bool) -> Bool {
        switch line[index] {
        case 0x20, 0x09: return !isLast
        case UInt8(ascii: "="): return false
        case UInt8(ascii: "."): return !lineStart
        case UInt8(ascii: "F"): return !(lineStart && UnsafeBufferPointer(rebasing: line[index...]).starts(with: fromSpace))
        case 0x21...0x7E: return true
        default: return false
        }
    }
}
