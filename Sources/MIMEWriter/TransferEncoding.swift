/// RFC 2045 6: how a part's content is written.
enum TransferEncoding: String {
    case sevenBit = "7bit"
    case quotedPrintable = "quoted-printable"
    case base64
}

/// A text part's content (plain text or HTML) in canonical form, with the
/// transfer encoding chosen from its bytes.
///
/// Line breaks (LF, CRLF or a lone CR) become CRLF, and a non-empty text
/// ends with a line break: RFC 2046 4.1.1 allows CR and LF in text only as
/// a pair. The text goes out as `7bit` when it is plain ASCII that any
/// transport keeps unchanged (printable characters and tabs, lines of at
/// most 998 octets, no trailing white space, no line starting with `.` or
/// `From `); otherwise as quoted-printable or base64, whichever is smaller.
struct TextContent {
    /// RFC 5322 2.1.1: lines are at most 998 octets.
    static let maxLineLength = 998

    /// The text's UTF-8 octets, every line ending in LF.
    let lines: [UInt8]
    let encoding: TransferEncoding

    init(_ text: String) {
        lines = Self.normalizedLines(text)
        if Self.isSevenBitSafe(lines) {
            encoding = .sevenBit
        } else {
            var counter = ByteCounter()
            QuotedPrintable.body(lines, to: &counter)
            let lineBreaks = lines.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            let base64Length = Base64.bodyLength(of: lines.count + lineBreaks)
            encoding = counter.count <= base64Length ? .quotedPrintable : .base64
        }
    }

    func write(to buffer: inout MessageBuffer) {
        switch encoding {
        case .sevenBit:
            for line in lines.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
                buffer.write(bytes: line)
                buffer.writeLineBreak()
            }
        case .quotedPrintable:
            QuotedPrintable.body(lines, to: &buffer)
        case .base64:
            Base64.body(canonicalCRLF(), to: &buffer)
        }
    }

    /// The text with CRLF line breaks, as RFC 2046 text is encoded in base64.
    private func canonicalCRLF() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.count + lines.count / 16)
        for byte in lines {
            if byte == 0x0A { bytes.append(contentsOf: MessageBuffer.crlf) } else { bytes.append(byte) }
        }
        return bytes
    }

    static func normalizedLines(_ text: String) -> [UInt8] {
        if !text.utf8.contains(0x0D) {
            var bytes = Array(text.utf8)
            if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
            return bytes
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 1)
        var afterCR = false
        for byte in text.utf8 {
            switch byte {
            case 0x0D:
                bytes.append(0x0A)
                afterCR = true
            case 0x0A:
                if !afterCR { bytes.append(0x0A) }
                afterCR = false
            default:
                bytes.append(byte)
                afterCR = false
            }
        }
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
        return bytes
    }

    private static func isSevenBitSafe(_ lines: [UInt8]) -> Bool {
        for line in lines.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
            guard line.count <= maxLineLength else { return false }
            if line.first == UInt8(ascii: ".") || line.starts(with: "From ".utf8) { return false }
            if line.last == 0x20 || line.last == 0x09 { return false }
            for byte in line where !(0x20...0x7E).contains(byte) && byte != 0x09 { return false }
        }
        return true
    }
}
