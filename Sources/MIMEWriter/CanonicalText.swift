/// A text in the canonical form RFC 2046 4.1.1 sends: its UTF-8 octets with
/// each line break (LF, CRLF or a lone CR) as CRLF, and a CRLF after a last
/// line that has none; with the number of its non-ASCII octets, counted in
/// the same pass.
///
/// The pass goes eight octets at a time: a word of CJK text (no ASCII, so no
/// line break) is copied whole; any other word is searched for CR and LF
/// octet by octet in parallel, and copied up to the first.
struct CanonicalText {
    let bytes: [UInt8]
    /// Octets of 0x80 and more: three characters each in quoted-printable.
    let nonASCIIOctets: Int

    init(_ text: String) {
        var nonASCII = 0
        bytes = text.withUTF8Bytes { source in
            MessageBuffer.crlf.withUnsafeBufferPointer { crlf in
                // Each octet a line break at most, and one more at the end;
                // and room to store a whole word where fewer octets are kept.
                [UInt8](unsafeUninitializedCapacity: (source.count + 1) * crlf.count + 8) { target, count in
                    count = Self.canonicalize(source, into: target, crlf: crlf, nonASCII: &nonASCII)
                }
            }
        }
        nonASCIIOctets = nonASCII
    }

    /// Copies `source` into `target` with `crlf` for each line break,
    /// adding its non-ASCII octets to `nonASCII`; returns the octets written.
    private static func canonicalize(
        _ source: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<UInt8>,
        crlf: UnsafeBufferPointer<UInt8>, nonASCII: inout Int
    ) -> Int {
        guard let input = source.baseAddress, let output = target.baseAddress, let last = source.last else { return 0 }
        let reader = UnsafeRawPointer(input)
        let writer = UnsafeMutableRawPointer(output)
        var offset = 0
        var count = 0
        while offset < source.count {
            // Whole words with no ASCII at all (the middle of CJK text), so no line break.
            let runStart = offset
            while offset <= source.count - 8 {
                let word = reader.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                guard word & topBits == topBits else { break }
                writer.storeBytes(of: word, toByteOffset: count, as: UInt64.self)
                offset &+= 8
                count &+= 8
            }
            nonASCII += offset - runStart
            guard offset < source.count else { break }
            // Any other word: its octets up to the first line break.
            let available = min(8, source.count - offset)
            let word =
                available == 8
                ? UInt64(littleEndian: reader.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                : Self.lastWord(reader, at: offset, octets: available)
            writer.storeBytes(of: word.littleEndian, toByteOffset: count, as: UInt64.self)
            let lineBreaks = Self.lineBreaks(in: word)
            let kept = lineBreaks == 0 ? available : min(available, lineBreaks.trailingZeroBitCount / 8)
            nonASCII += flaggedOctets(word & topBits & firstOctets(kept))
            offset &+= kept
            count &+= kept
            if kept < available {
                count = target.copy(crlf, at: count)
                let isPair = source[offset] == 0x0D && offset + 1 < source.count && source[offset + 1] == 0x0A
                offset += isPair ? 2 : 1
            }
        }
        if last != 0x0A && last != 0x0D {
            count = target.copy(crlf, at: count)
        }
        return count
    }

    /// The top bit of each CR and LF octet of `word`.
    private static func lineBreaks(in word: UInt64) -> UInt64 {
        let low = word & ~topBits
        return (equal(low, 0x0A) | equal(low, 0x0D)) & ~word & topBits
    }

    /// The last `octets` (fewer than eight) of a text, from `offset` of
    /// `input`, as a word: the first in the lowest octet, zeros above them.
    private static func lastWord(_ input: UnsafeRawPointer, at offset: Int, octets: Int) -> UInt64 {
        var word: UInt64 = 0
        for index in 0..<octets { word |= UInt64(input.load(fromByteOffset: offset + index, as: UInt8.self)) << (8 * index) }
        return word
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

/// The first `count` (at most eight) octets of a word, all bits set.
private func firstOctets(_ count: Int) -> UInt64 {
    count == 8 ? .max : (1 &<< (8 &* count)) &- 1
}

/// `0x01` and `0x80` in every octet of a word.
private let lowBits: UInt64 = 0x0101_0101_0101_0101
private let topBits: UInt64 = 0x8080_8080_8080_8080
