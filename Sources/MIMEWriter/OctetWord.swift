/// Tests on eight octets at once, loaded as one `UInt64` (the first octet
/// lowest). Each gives the top bit of every octet that passes, exactly,
/// octet by octet: no carry crosses from one octet into the next.
enum OctetWord {
    /// `0x01` in every octet.
    static let lowBits: UInt64 = 0x0101_0101_0101_0101
    /// `0x80` in every octet.
    static let topBits: UInt64 = 0x8080_8080_8080_8080

    /// The octets of `word` below `bound` (at most 0x80): their top bit is
    /// clear, and adding `0x80 - bound` to their lower seven bits leaves it clear.
    @inline(__always)
    static func octets(of word: UInt64, below bound: UInt8) -> UInt64 {
        ~((word & ~topBits) &+ UInt64(0x80 - bound) &* lowBits) & ~word & topBits
    }

    /// The octets of `word` equal to `value`: those whose difference from it is zero.
    @inline(__always)
    static func octets(of word: UInt64, equalTo value: UInt8) -> UInt64 {
        let difference = word ^ (UInt64(value) &* lowBits)
        return ~(((difference & ~topBits) &+ ~topBits) | difference) & topBits
    }

    /// How many octets `flags` marks (top bits only): the flags moved to the
    /// octets' low bits and summed into the top octet by one multiplication.
    /// (Baseline x86-64 has no popcount instruction.)
    @inline(__always)
    static func count(_ flags: UInt64) -> Int {
        Int(truncatingIfNeeded: ((flags >> 7) &* lowBits) >> 56)
    }
}
