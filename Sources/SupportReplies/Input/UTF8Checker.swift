/// Checks UTF-8 one byte at a time, for input that arrives in pieces.
///
/// Well-formed sequences per the Unicode Standard, Table 3-7: no overlong
/// forms, no surrogates (`ED A0..BF`), nothing above U+10FFFF.
struct UTF8Checker {
    /// Continuation bytes still expected for the current sequence.
    private var remaining = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF

    /// True while a multi-byte sequence has begun but is not complete.
    var isInsideSequence: Bool { remaining > 0 }

    /// Takes the next byte; `false` when it cannot continue well-formed UTF-8.
    /// When that happens inside a sequence, the sequence's first byte is the
    /// one to report.
    mutating func accept(_ byte: UInt8) -> Bool {
        if remaining > 0 {
            guard byte >= lower && byte <= upper else { return false }
            remaining -= 1
            (lower, upper) = (0x80, 0xBF)
            return true
        }
        switch byte {
        case 0x00...0x7F: return true
        case 0xC2...0xDF: remaining = 1
        case 0xE0: (remaining, lower) = (2, 0xA0)
        case 0xED: (remaining, upper) = (2, 0x9F)
        case 0xE1...0xEF: remaining = 2
        case 0xF0: (remaining, lower) = (3, 0x90)
        case 0xF4: (remaining, upper) = (3, 0x8F)
        case 0xF1...0xF3: remaining = 3
        default: return false
        }
        return true
    }

    /// The offset of the first byte of the first ill-formed sequence in
    /// `bytes[range]`, or `nil` when the range is well-formed UTF-8.
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var checker = UTF8Checker()
        var sequenceStart = range.lowerBound
        for offset in range {
            if !checker.isInsideSequence { sequenceStart = offset }
            guard checker.accept(bytes[offset]) else {
                return checker.isInsideSequence ? sequenceStart : offset
            }
        }
        return checker.isInsideSequence ? sequenceStart : nil
    }
}
