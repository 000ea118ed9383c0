/// A text in the canonical form RFC 2046 4.1.1 sends: its UTF-8 octets with
/// each line break (LF, CRLF or a lone CR) as CRLF, and a CRLF after a last
/// line that has none.
///
/// Text without CR (what templates give) is copied a line at a time, each
/// line found by `memchr` and copied whole; text with CR octet by octet.
struct CanonicalText {
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = text.withUTF8Bytes { source in
            // Each octet a line break at most, and one more at the end.
            [UInt8](unsafeUninitializedCapacity: (source.count + 1) * 2) { target, count in
                let hasCR = source.firstOffset(of: 0x0D, from: 0) < source.count
                count = hasCR ? Self.canonicalize(source, into: target) : Self.canonicalizeLines(source, into: target)
            }
        }
    }

    /// Copies text without CR into `target`, with CRLF for each LF and
    /// after a last line without one; returns the octets written.
    private static func canonicalizeLines(_ source: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0
        var lineStart = 0
        while lineStart < source.count {
            let lineEnd = source.firstOffset(of: 0x0A, from: lineStart)
            count = target.copy(UnsafeBufferPointer(rebasing: source[lineStart..<lineEnd]), at: count)
            target[count] = 0x0D
            target[count + 1] = 0x0A
            count += 2
            lineStart = lineEnd + 1
        }
        return count
    }

    /// Copies any text into `target`, with CRLF for each line break and
    /// after a last line without one; returns the octets written.
    private static func canonicalize(_ source: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0
        var index = 0
        while index < source.count {
            let byte = source[index]
            index += 1
            guard byte == 0x0D || byte == 0x0A else {
                target[count] = byte
                count += 1
                continue
            }
            if byte == 0x0D && index < source.count && source[index] == 0x0A { index += 1 }
            target[count] = 0x0D
            target[count + 1] = 0x0A
            count += 2
        }
        if let last = source.last, last != 0x0A && last != 0x0D {
            target[count] = 0x0D
            target[count + 1] = 0x0A
            count += 2
        }
        return count
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
                if word & OctetWord.topBits == OctetWord.topBits {
                    needsEncoding += 8  // no ASCII at all: the middle of CJK text
                } else {
                    count(OctetFlags(word), in: OctetWord.topBits)
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
        equalSigns += OctetWord.count(flags.equalSigns & mask)
        needsEncoding += OctetWord.count(flags.needsEncoding & mask)
    }

    /// A lower bound of `QuotedPrintable.encodedLength(of:)`: every octet
    /// takes at least one character (CR and LF the two of a line break), an
    /// escaped one three; soft breaks and position-dependent escapes only add.
    var quotedPrintableMinimum: Int {
        octets + 2 * (needsEncoding + equalSigns)
    }
}

/// Per octet of a word of eight (or of one octet, zero-extended), the top
/// bit of that octet set when it is of a kind `OctetCensus` counts.
private struct OctetFlags {
    let equalSigns: UInt64
    let needsEncoding: UInt64

    init(_ word: UInt64) {
        let control = OctetWord.octets(of: word, below: 0x20)
        let allowedControls =
            OctetWord.octets(of: word, equalTo: 0x09) | OctetWord.octets(of: word, equalTo: 0x0A)
            | OctetWord.octets(of: word, equalTo: 0x0D)
        equalSigns = OctetWord.octets(of: word, equalTo: UInt8(ascii: "="))
        let delete = OctetWord.octets(of: word, equalTo: 0x7F)
        needsEncoding = (word & OctetWord.topBits) | (control & ~allowedControls) | delete
    }
}
