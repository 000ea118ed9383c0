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

    /// Writes `text`, whose lines end in LF, as quoted-printable: each LF
    /// becomes a hard line break.
    static func body(_ text: [UInt8], to buffer: inout MessageBuffer) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: lineLength) { line in
            hexDigits.withUnsafeBufferPointer { hex in
                text.withUnsafeBufferPointer { source in
                    var lineStart = 0
                    while lineStart < source.count {
                        let lineEnd = source.firstOffset(of: 0x0A, from: lineStart)
                        encodeLine(source, lineStart..<lineEnd, hex: hex, line: line, to: &buffer)
                        if lineEnd < source.count { buffer.writeLineBreak() }
                        lineStart = lineEnd + 1
                    }
                }
            }
        }
    }

    /// The number of octets `body(_:to:)` writes for `text`, counted
    /// without encoding: the same steps, only tallied.
    static func encodedLength(of text: UnsafeBufferPointer<UInt8>) -> Int {
        var length = 0
        var lineStart = 0
        while lineStart < text.count {
            let lineEnd = text.firstOffset(of: 0x0A, from: lineStart)
            var column = 0
            for index in lineStart..<lineEnd {
                let step = Step(text, at: index, column: column, isLast: index == lineEnd - 1)
                if step.breaksBefore {
                    length += column + 1 + MessageBuffer.crlf.count
                    column = 0
                }
                column += step.isLiteral ? 1 : 3
            }
            length += column
            if lineEnd < text.count { length += MessageBuffer.crlf.count }
            lineStart = lineEnd + 1
        }
        return length
    }

    /// One line of text, as encoded lines joined by soft breaks. Each encoded
    /// line is gathered in `line` and written at once.
    private static func encodeLine(
        _ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hex: UnsafeBufferPointer<UInt8>,
        line: UnsafeMutableBufferPointer<UInt8>, to buffer: inout MessageBuffer
    ) {
        var column = 0
        for index in range {
            let step = Step(source, at: index, column: column, isLast: index == range.upperBound - 1)
            if step.breaksBefore {
                line[column] = UInt8(ascii: "=")
                buffer.write(bytes: UnsafeBufferPointer(rebasing: line[...column]))
                buffer.writeLineBreak()
                column = 0
            }
            let byte = source[index]
            if step.isLiteral {
                line[column] = byte
                column += 1
            } else {
                line[column] = UInt8(ascii: "=")
                line[column + 1] = hex[Int(byte >> 4)]
                line[column + 2] = hex[Int(byte & 0x0F)]
                column += 3
            }
        }
        buffer.write(bytes: UnsafeBufferPointer(rebasing: line[..<column]))
    }

    /// How one octet is written: whether a soft break comes before it, and
    /// whether it goes as is or as `=XX`. Encoding and counting both go by it.
    private struct Step {
        var breaksBefore = false
        var isLiteral: Bool

        /// The octet at `index`, when the encoded line so far holds `column`
        /// characters; `isLast` for the last octet of a text line.
        init(_ source: UnsafeBufferPointer<UInt8>, at index: Int, column: Int, isLast: Bool) {
            isLiteral = QuotedPrintable.isLiteral(source, at: index, lineStart: column == 0, isLast: isLast)
            // The last character may take column 76; others leave room for a soft break's "=".
            if column + (isLiteral ? 1 : 3) > lineLength - (isLast ? 0 : 1) {
                breaksBefore = true
                isLiteral = QuotedPrintable.isLiteral(source, at: index, lineStart: true, isLast: isLast)
            }
        }
    }

    private static func isLiteral(
        _ source: UnsafeBufferPointer<UInt8>, at index: Int, lineStart: Bool, isLast: Bool
    ) -> Bool {
        let byte = source[index]
        switch byte {
        case 0x20, 0x09: return !isLast
        case UInt8(ascii: "="): return false
        case UInt8(ascii: "."): return !lineStart
        case UInt8(ascii: "F"): return !(lineStart && startsFromLine(source, at: index))
        case 0x21...0x7E: return true
        default: return false
        }
    }

    private static func startsFromLine(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + fromSpace.count <= source.count else { return false }
        for offset in 0..<fromSpace.count where source[index + offset] != fromSpace[offset] {
            return false
        }
        return true
    }
}
