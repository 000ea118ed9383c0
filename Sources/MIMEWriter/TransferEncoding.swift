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
/// `From `); otherwise as quoted-printable or base64, whichever is smaller
/// (quoted-printable when they are the same size).
struct TextContent {
    /// RFC 5322 2.1.1: lines are at most 998 octets.
    static let maxLineLength = 998

    /// The text's UTF-8 octets, every line ending in LF.
    let lines: [UInt8]
    let encoding: TransferEncoding

    init(_ text: String) {
        lines = Self.normalizedLines(text)
        encoding = lines.withUnsafeBufferPointer(Self.encoding(of:))
    }

    func write(to buffer: inout MessageBuffer) {
        switch encoding {
        case .sevenBit:
            lines.withUnsafeBufferPointer { lines in
                var start = 0
                while start < lines.count {
                    let end = lines.firstOffset(of: 0x0A, from: start)
                    buffer.write(bytes: UnsafeBufferPointer(rebasing: lines[start..<end]))
                    buffer.writeLineBreak()
                    start = end + 1
                }
            }
        case .quotedPrintable:
            QuotedPrintable.body(lines, to: &buffer)
        case .base64:
            Base64.body(canonicalCRLF(), to: &buffer)
        }
    }

    /// The text with CRLF line breaks, as RFC 2046 text is encoded in base64.
    private func canonicalCRLF() -> [UInt8] {
        lines.withUnsafeBufferPointer { lines in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(lines.count + lines.count / 16)
            var start = 0
            while start < lines.count {
                let end = lines.firstOffset(of: 0x0A, from: start)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: lines[start..<end]))
                if end < lines.count { bytes.append(contentsOf: MessageBuffer.crlf) }
                start = end + 1
            }
            return bytes
        }
    }

    static func normalizedLines(_ text: String) -> [UInt8] {
        text.withUTF8Bytes { source in
            [UInt8](unsafeUninitializedCapacity: source.count + 1) { target, count in
                count = normalize(source, into: target)
            }
        }
    }

    /// Copies `source` into `target` with each CRLF and lone CR as LF, and
    /// an LF after a last line that has none; returns the octets written
    /// (at most one more than `source` has).
    private static func normalize(_ source: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0
        var start = 0
        while start < source.count {
            let carriageReturn = source.firstOffset(of: 0x0D, from: start)
            count = target.copy(UnsafeBufferPointer(rebasing: source[start..<carriageReturn]), at: count)
            guard carriageReturn < source.count else { break }
            target[count] = 0x0A
            count += 1
            let next = carriageReturn + 1
            start = next < source.count && source[next] == 0x0A ? next + 1 : next
        }
        if count > 0 && target[count - 1] != 0x0A {
            target[count] = 0x0A
            count += 1
        }
        return count
    }

    private static func encoding(of lines: UnsafeBufferPointer<UInt8>) -> TransferEncoding {
        let census = OctetCensus(lines)
        if census.needsEncoding == 0 && isSevenBitSafe(lines) { return .sevenBit }
        let base64Length = Base64.bodyLength(of: lines.count + census.lineBreaks)
        guard census.quotedPrintableMinimum <= base64Length else { return .base64 }
        return QuotedPrintable.encodedLength(of: lines) <= base64Length ? .quotedPrintable : .base64
    }

    /// Whether each line is printable ASCII and tabs (checked by the
    /// caller's census), at most 998 octets, not starting with `.` or
    /// `From `, and not ending in white space.
    private static func isSevenBitSafe(_ lines: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < lines.count {
            let end = lines.firstOffset(of: 0x0A, from: start)
            let line = UnsafeBufferPointer(rebasing: lines[start..<end])
            guard line.count <= maxLineLength else { return false }
            if line.first == UInt8(ascii: ".") || line.starts(with: "From ".utf8) { return false }
            if line.last == 0x20 || line.last == 0x09 { return false }
            start = end + 1
        }
        return true
    }
}

/// What one pass over a text's octets tells about its encodings.
struct OctetCensus {
    /// All octets.
    let octets: Int
    /// LF octets: CRLF in every encoding.
    private(set) var lineBreaks = 0
    /// Octets that are neither printable ASCII nor tab nor LF: not 7bit,
    /// and escaped (`=XX`) in quoted-printable.
    private(set) var needsEncoding = 0
    /// `=` octets, which quoted-printable escapes too.
    private(set) var equalSigns = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        octets = bytes.count
        for byte in bytes {
            switch byte {
            case 0x0A: lineBreaks += 1
            case UInt8(ascii: "="): equalSigns += 1
            case 0x20...0x7E, 0x09: break
            default: needsEncoding += 1
            }
        }
    }

    /// A lower bound of `QuotedPrintable.encodedLength(of:)`: every octet
    /// takes at least one character, an escaped one three, a line break
    /// two; soft breaks and position-dependent escapes only add.
    var quotedPrintableMinimum: Int {
        octets + lineBreaks + 2 * (needsEncoding + equalSigns)
    }
}
