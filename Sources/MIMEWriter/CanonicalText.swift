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
        equalSigns += flaggedOctets(flags.equalSigns & mask)
        needsEncoding += flaggedOctets(flags.needsEncoding & mask)
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
        let ascii = ~word & topBits  // octets below 0x80
        let low = word & ~topBits  // each octet's lower seven bits
        let control = ~(low &+ (0x80 - 0x20) &* lowBits) & ascii  // below 0x20
        let allowedControls = equal(low, 0x09) | equal(low, 0x0A) | equal(low, 0x0D)
        equalSigns = equal(low, UInt8(ascii: "=")) & ascii
        let delete = equal(low, 0x7F) & ascii
        needsEncoding = (word & topBits) | (control & ~allowedControls) | delete
    }
}

/// The top bit of each octet of `low` (seven-bit octets) that equals
/// `value`. Exact, octet by octet: no carry crosses from one octet into the
/// next.
private func equal(_ low: UInt64, _ value: UInt8) -> UInt64 {
    ~((low ^ UInt64(value) &* lowBits) &+ 0x7F &* lowBits) & topBits
}

/// The number of octets whose top bit is set in `flags` (and no other bit
/// is): the flags moved to the octets' low bits, summed into the top octet by
/// one multiplication. (Baseline x86-64 has no popcount instruction.)
private func flaggedOctets(_ flags: UInt64) -> Int {
    Int(truncatingIfNeeded: ((flags >> 7) &* lowBits) >> 56)
}

/// `0x01` and `0x80` in every octet of a word.
private let lowBits: UInt64 = 0x0101_0101_0101_0101
private let topBits: UInt64 = 0x8080_8080_8080_8080
