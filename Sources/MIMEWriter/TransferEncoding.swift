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

    /// The text's UTF-8 octets, every line ending in CRLF: what 7bit sends
    /// as is and base64 encodes.
    let canonical: [UInt8]
    let encoding: TransferEncoding

    init(_ text: String) {
        canonical = CanonicalText(text).bytes
        encoding = canonical.withUnsafeBufferPointer(Self.encoding)
    }

    func write(to buffer: inout MessageBuffer) {
        canonical.withUnsafeBufferPointer { canonical in
            switch encoding {
            case .sevenBit: buffer.writeCanonicalLines(canonical)
            case .quotedPrintable: QuotedPrintable.body(canonical, to: &buffer)
            case .base64: Base64.body(canonical, to: &buffer)
            }
        }
    }

    private static func encoding(of canonical: UnsafeBufferPointer<UInt8>) -> TransferEncoding {
        let base64Length = Base64.bodyLength(of: canonical.count)
        // With enough non-ASCII octets (CJK text) base64 is surely smaller.
        guard canonical.mayFitEscaped(within: base64Length) else { return .base64 }
        let census = OctetCensus(canonical)
        if census.needsEncoding == 0 && isSevenBitSafe(canonical) { return .sevenBit }
        guard census.quotedPrintableMinimum <= base64Length else { return .base64 }
        return QuotedPrintable.encodedLength(of: canonical) <= base64Length ? .quotedPrintable : .base64
    }

    /// Whether each line is printable ASCII and tabs (checked by the
    /// caller's census), at most 998 octets, not starting with `.` or
    /// `From `, and not ending in white space.
    private static func isSevenBitSafe(_ canonical: UnsafeBufferPointer<UInt8>) -> Bool {
        canonical.lines.allSatisfy { line, _ in
            line.count <= maxLineLength && line.first != UInt8(ascii: ".") && !line.starts(with: "From ".utf8)
                && line.last != 0x20 && line.last != 0x09
        }
    }
}
