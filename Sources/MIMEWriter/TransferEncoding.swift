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
        canonical = Self.canonicalLines(text)
        encoding = canonical.withUnsafeBufferPointer(Self.encoding)
    }

    func write(to buffer: inout MessageBuffer) {
        canonical.withUnsafeBufferPointer { canonical in
            switch encoding {
            case .sevenBit: buffer.writeLines(canonical)
            case .quotedPrintable: QuotedPrintable.body(canonical, to: &buffer)
            case .base64: Base64.body(canonical, to: &buffer)
            }
        }
    }

    /// The UTF-8 octets of `text` with each LF, CRLF and lone CR as CRLF, and
    /// a CRLF after a last line that has none.
    static func canonicalLines(_ text: String) -> [UInt8] {
        text.withUTF8Bytes { source in
            MessageBuffer.crlf.withUnsafeBufferPointer { crlf in
                // At most each octet a line break, and one more at the end.
                [UInt8](unsafeUninitializedCapacity: (source.count + 1) * crlf.count) { target, count in
                    count = canonicalize(source, into: target, crlf: crlf)
                }
            }
        }
    }

    /// Copies `source` into `target` with `crlf` for each line break;
    /// returns the octets written.
    private static func canonicalize(
        _ source: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<UInt8>,
        crlf: UnsafeBufferPointer<UInt8>
    ) -> Int {
        var count = 0
        var start = 0
        while start < source.count {
            let lineBreak = source.firstLineBreak(from: start)
            count = target.copy(UnsafeBufferPointer(rebasing: source[start..<lineBreak]), at: count)
            guard lineBreak < source.count else {
                return target.copy(crlf, at: count)  // the last line had none
            }
            count = target.copy(crlf, at: count)
            let isPair = source[lineBreak] == 0x0D && lineBreak + 1 < source.count && source[lineBreak + 1] == 0x0A
            start = lineBreak + (isPair ? 2 : 1)
        }
        return count
    }

    private static func encoding(of canonical: UnsafeBufferPointer<UInt8>) -> TransferEncoding {
        let census = OctetCensus(canonical)
        if census.needsEncoding == 0 && isSevenBitSafe(canonical) { return .sevenBit }
        let base64Length = Base64.bodyLength(of: canonical.count)
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

/// What one pass over a text's octets in canonical form (every line
/// ending in CRLF) tells about its encodings.
struct OctetCensus {
    /// All octets.
    let octets: Int
    /// Octets that are neither printable ASCII nor tab nor the CR and LF of
    /// a line break: not 7bit, and escaped (`=XX`) in quoted-printable.
    private(set) var needsEncoding = 0
    /// `=` octets, which quoted-printable escapes too.
    private(set) var equalSigns = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        octets = bytes.count
        var offset = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while offset + 8 <= bytes.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                if word & topBits == topBits {
                    needsEncoding += 8  // no ASCII at all: the middle of CJK text
                } else {
                    count(OctetFlags(word), in: topBits)
                }
                offset += 8
            }
        }
        while offset < bytes.count {
            count(OctetFlags(UInt64(bytes[offset])), in: 0x80)  // the other seven octets are padding
            offset += 1
        }
    }

    /// Adds the octets `flags` marks among those whose top bits `mask` keeps.
    private mutating func count(_ flags: OctetFlags, in mask: UInt64) {
        equalSigns += Self.octets(flaggedIn: flags.equalSigns & mask)
        needsEncoding += Self.octets(flaggedIn: flags.needsEncoding & mask)
    }

    /// The number of octets whose top bit is set in `flags` (and no other
    /// bit is): the flags moved to the octets' low bits, summed into the top
    /// octet by one multiplication. (Baseline x86-64 has no popcount
    /// instruction.)
    private static func octets(flaggedIn flags: UInt64) -> Int {
        Int(truncatingIfNeeded: ((flags >> 7) &* lowBits) >> 56)
    }

    /// A lower bound of `QuotedPrintable.encodedLength(of:)`: every octet
    /// takes at least one character (CR and LF the two of a line break), an
    /// escaped one three; soft breaks and position-dependent escapes only add.
    var quotedPrintableMinimum: Int {
        octets + 2 * (needsEncoding + equalSigns)
    }
}

/// Per octet of a word of eight (or of one octet, zero-extended), the top
/// bit of that octet set when it is of a kind `OctetCensus` counts. Exact,
/// octet by octet: no carry crosses from one octet into the next.
private struct OctetFlags {
    let equalSigns: UInt64
    let needsEncoding: UInt64

    init(_ word: UInt64) {
        let ascii = ~word & topBits  // octets below 0x80
        let low = word & ~topBits  // each octet's lower seven bits
        let control = ~(low &+ (0x80 - 0x20) &* lowBits) & ascii  // below 0x20
        let allowedControls = Self.equal(low, 0x09) | Self.equal(low, 0x0A) | Self.equal(low, 0x0D)
        equalSigns = Self.equal(low, UInt8(ascii: "=")) & ascii
        let delete = Self.equal(low, 0x7F) & ascii
        needsEncoding = (word & topBits) | (control & ~allowedControls) | delete
    }

    /// The top bit of each octet of `low` (seven-bit octets) that equals `value`.
    private static func equal(_ low: UInt64, _ value: UInt8) -> UInt64 {
        ~((low ^ UInt64(value) &* lowBits) &+ 0x7F &* lowBits) & topBits
    }
}

/// `0x01` and `0x80` in every octet of a word.
private let lowBits: UInt64 = 0x0101_0101_0101_0101
private let topBits: UInt64 = 0x8080_8080_8080_8080
