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
    /// The LF octets in `lines`.
    private let lineBreaks: Int

    init(_ text: String) {
        lines = Self.normalizedLines(text)
        let census = lines.withUnsafeBufferPointer(OctetCensus.init)
        lineBreaks = census.lineBreaks
        encoding = lines.withUnsafeBufferPointer { Self.encoding(of: $0, census: census) }
    }

    func write(to buffer: inout MessageBuffer) {
        switch encoding {
        case .sevenBit:
            lines.withUnsafeBufferPointer { lines in
                for (line, _) in lines.lines {
                    buffer.write(bytes: line)
                    buffer.writeLineBreak()
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
            MessageBuffer.crlf.withUnsafeBufferPointer { crlf in
                [UInt8](unsafeUninitializedCapacity: lines.count + lineBreaks * (crlf.count - 1)) { target, count in
                    for (line, endsWithLineFeed) in lines.lines {
                        count = target.copy(line, at: count)
                        if endsWithLineFeed { count = target.copy(crlf, at: count) }
                    }
                }
            }
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

    private static func encoding(of lines: UnsafeBufferPointer<UInt8>, census: OctetCensus) -> TransferEncoding {
        if census.needsEncoding == 0 && isSevenBitSafe(lines) { return .sevenBit }
        let base64Length = Base64.bodyLength(of: lines.count + census.lineBreaks)
        guard census.quotedPrintableMinimum <= base64Length else { return .base64 }
        return QuotedPrintable.encodedLength(of: lines) <= base64Length ? .quotedPrintable : .base64
    }

    /// Whether each line is printable ASCII and tabs (checked by the
    /// caller's census), at most 998 octets, not starting with `.` or
    /// `From `, and not ending in white space.
    private static func isSevenBitSafe(_ lines: UnsafeBufferPointer<UInt8>) -> Bool {
        lines.lines.allSatisfy { line, _ in
            line.count <= maxLineLength && line.first != UInt8(ascii: ".") && !line.starts(with: "From ".utf8)
                && line.last != 0x20 && line.last != 0x09
        }
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
        lineBreaks += Self.octets(flaggedIn: flags.lineFeeds & mask)
        equalSigns += Self.octets(flaggedIn: flags.equalSigns & mask)
        needsEncoding += Self.octets(flaggedIn: flags.needsEncoding & mask)
    }

    /// The number of flags set. Baseline x86-64 has no popcount instruction,
    /// so the usual case, none, goes first.
    private static func octets(flaggedIn flags: UInt64) -> Int {
        flags == 0 ? 0 : flags.nonzeroBitCount
    }

    /// A lower bound of `QuotedPrintable.encodedLength(of:)`: every octet
    /// takes at least one character, an escaped one three, a line break
    /// two; soft breaks and position-dependent escapes only add.
    var quotedPrintableMinimum: Int {
        octets + lineBreaks + 2 * (needsEncoding + equalSigns)
    }
}

/// Per octet of a word of eight (or of one octet, zero-extended), the top
/// bit of that octet set when it is of a kind `OctetCensus` counts. Exact,
/// octet by octet: no carry crosses from one octet into the next.
private struct OctetFlags {
    let lineFeeds: UInt64
    let equalSigns: UInt64
    let needsEncoding: UInt64

    init(_ word: UInt64) {
        let ascii = ~word & topBits  // octets below 0x80
        let low = word & ~topBits  // each octet's lower seven bits
        let control = ~(low &+ (0x80 - 0x20) &* lowBits) & ascii  // below 0x20
        let tabs = Self.equal(low, 0x09) & ascii
        lineFeeds = Self.equal(low, 0x0A) & ascii
        equalSigns = Self.equal(low, UInt8(ascii: "=")) & ascii
        let delete = Self.equal(low, 0x7F) & ascii
        needsEncoding = (word & topBits) | (control & ~tabs & ~lineFeeds) | delete
    }

    /// The top bit of each octet of `low` (seven-bit octets) that equals `value`.
    private static func equal(_ low: UInt64, _ value: UInt8) -> UInt64 {
        ~((low ^ UInt64(value) &* lowBits) &+ 0x7F &* lowBits) & topBits
    }
}

/// `0x01` and `0x80` in every octet of a word.
private let lowBits: UInt64 = 0x0101_0101_0101_0101
private let topBits: UInt64 = 0x8080_8080_8080_8080
