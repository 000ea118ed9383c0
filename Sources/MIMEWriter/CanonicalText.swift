/// A text in the canonical form RFC 2046 4.1.1 sends: its UTF-8 octets with
/// each line break (LF, CRLF or a lone CR) as CRLF, and a CRLF after a last
/// line that has none; with the census of its octets, taken in the same pass.
///
/// The pass goes eight octets at a time: a word of CJK text (no ASCII, so no
/// line break) is copied and counted at once; any other word is classified
/// octet by octet in parallel (`OctetFlags`), and copied up to its first
/// line break.
struct CanonicalText {
    let bytes: [UInt8]
    let census: OctetCensus

    init(_ text: String) {
        var census = OctetCensus()
        bytes = text.withUTF8Bytes { source in
            MessageBuffer.crlf.withUnsafeBufferPointer { crlf in
                // Each octet a line break at most, and one more at the end;
                // and room to store a whole word where fewer octets are kept.
                [UInt8](unsafeUninitializedCapacity: (source.count + 1) * crlf.count + 8) { target, count in
                    count = Self.canonicalize(source, into: target, crlf: crlf, census: &census)
                }
            }
        }
        self.census = census
    }

    /// Copies `source` into `target` with `crlf` for each line break,
    /// counting the other octets in `census`; returns the octets written.
    private static func canonicalize(
        _ source: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<UInt8>,
        crlf: UnsafeBufferPointer<UInt8>, census: inout OctetCensus
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
            census.addNonASCII(offset - runStart)
            guard offset < source.count else { break }
            // Any other word: its octets up to the first line break.
            let available = min(8, source.count - offset)
            let word = Self.word(reader, at: offset, octets: available)
            writer.storeBytes(of: word.littleEndian, toByteOffset: count, as: UInt64.self)
            let flags = OctetFlags(word)
            let kept = min(available, flags.octetsBeforeLineBreak)
            census.add(flags, octets: kept)
            offset += kept
            count += kept
            if kept < available {
                count = target.copy(crlf, at: count)
                census.addLineBreak()
                let isPair = source[offset] == 0x0D && offset + 1 < source.count && source[offset + 1] == 0x0A
                offset += isPair ? 2 : 1
            }
        }
        if last != 0x0A && last != 0x0D {
            count = target.copy(crlf, at: count)
            census.addLineBreak()
        }
        return count
    }

    /// The `octets` (at most eight) at `offset` of `input` as a word, the
    /// first in the lowest octet, zeros above them.
    private static func word(_ input: UnsafeRawPointer, at offset: Int, octets: Int) -> UInt64 {
        if octets == 8 { return UInt64(littleEndian: input.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        var word: UInt64 = 0
        for index in 0..<octets { word |= UInt64(input.load(fromByteOffset: offset + index, as: UInt8.self)) << (8 * index) }
        return word
    }
}

/// What a text's octets in canonical form tell about its encodings.
struct OctetCensus {
    /// Octets of the lines, line breaks not included.
    private(set) var octets = 0
    /// Line breaks: CRLF in every encoding.
    private(set) var lineBreaks = 0
    /// Octets that are neither printable ASCII nor tab: not 7bit, and
    /// escaped (`=XX`) in quoted-printable.
    private(set) var needsEncoding = 0
    /// `=` octets, which quoted-printable escapes too.
    private(set) var equalSigns = 0

    /// Counts `count` octets of 0x80 or more.
    mutating func addNonASCII(_ count: Int) {
        octets += count
        needsEncoding += count
    }

    /// Counts the first `count` octets that `flags` describes, none a line break.
    @inline(__always)
    mutating func add(_ flags: OctetFlags, octets count: Int) {
        let kept = count == 8 ? UInt64.max : (1 << (8 * count)) - 1
        octets += count
        equalSigns += Self.octets(flaggedIn: flags.equalSigns & kept)
        needsEncoding += Self.octets(flaggedIn: flags.needsEncoding & kept)
    }

    mutating func addLineBreak() {
        lineBreaks += 1
    }

    /// The number of octets whose top bit is set in `flags` (and no other
    /// bit is): the flags moved to the octets' low bits, summed into the top
    /// octet by one multiplication. (Baseline x86-64 has no popcount
    /// instruction.)
    private static func octets(flaggedIn flags: UInt64) -> Int {
        Int(truncatingIfNeeded: ((flags >> 7) &* lowBits) >> 56)
    }

    /// A lower bound of `QuotedPrintable.encodedLength(of:)`: every octet
    /// takes at least one character, an escaped one three, a line break
    /// two; soft breaks and position-dependent escapes only add.
    var quotedPrintableMinimum: Int {
        octets + 2 * lineBreaks + 2 * (needsEncoding + equalSigns)
    }
}

/// Per octet of a word of eight, the top bit of that octet set when it is of
/// a kind `OctetCensus` counts or a line break. Exact, octet by octet: no
/// carry crosses from one octet into the next.
struct OctetFlags {
    fileprivate let lineBreaks: UInt64
    fileprivate let equalSigns: UInt64
    fileprivate let needsEncoding: UInt64

    @inline(__always)
    init(_ word: UInt64) {
        let ascii = ~word & topBits  // octets below 0x80
        let low = word & ~topBits  // each octet's lower seven bits
        let control = ~(low &+ (0x80 - 0x20) &* lowBits) & ascii  // below 0x20
        lineBreaks = (Self.equal(low, 0x0A) | Self.equal(low, 0x0D)) & ascii
        equalSigns = Self.equal(low, UInt8(ascii: "=")) & ascii
        let delete = Self.equal(low, 0x7F) & ascii
        needsEncoding = (word & topBits) | (control & ~Self.equal(low, 0x09)) | delete
    }

    /// The octets before the first CR or LF: 8 when there is none.
    var octetsBeforeLineBreak: Int {
        lineBreaks == 0 ? 8 : lineBreaks.trailingZeroBitCount / 8
    }

    /// The top bit of each octet of `low` (seven-bit octets) that equals `value`.
    private static func equal(_ low: UInt64, _ value: UInt8) -> UInt64 {
        ~((low ^ UInt64(value) &* lowBits) &+ 0x7F &* lowBits) & topBits
    }
}

/// `0x01` and `0x80` in every octet of a word.
private let lowBits: UInt64 = 0x0101_0101_0101_0101
private let topBits: UInt64 = 0x8080_8080_8080_8080
