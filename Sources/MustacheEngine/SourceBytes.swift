/// The few ASCII bytes the engine looks at.
enum ASCII {
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// Space, tab, CR or LF: padding inside tags.
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte <= space && (blanks >> byte) & 1 == 1
    }

    /// Bit `b` is set for each blank byte `b`.
    private static let blanks: UInt64 = 1 << space | 1 << tab | 1 << lineFeed | 1 << carriageReturn
}

/// Byte searches and comparisons over template source.
///
/// The searches step over eight bytes at a time while none of them can be
/// a match: text between tags is most of a template and is scanned once.
extension UnsafeBufferPointer<UInt8> {
    /// The first index at or after `start` of a byte equal to `first` or
    /// `second`, or `count` when there is none.
    func firstIndex(of first: UInt8, or second: UInt8, from start: Int) -> Int {
        var index = start
        if let base = baseAddress.map(UnsafeRawPointer.init) {
            let firsts = Word.repeating(first)
            let seconds = Word.repeating(second)
            while index + 8 <= count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let matches = Word.zeroBytes(word ^ firsts) | Word.zeroBytes(word ^ seconds)
                if matches != 0 { return index + matches.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count, self[index] != first, self[index] != second { index += 1 }
        return index
    }

    /// The first index at or after `start` of a blank byte or of `byte`, or
    /// `count` when there is none.
    func firstIndex(ofBlankOr byte: UInt8, from start: Int) -> Int {
        var index = start
        if let base = baseAddress.map(UnsafeRawPointer.init) {
            let bytes = Word.repeating(byte)
            while index + 8 <= count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                // Blanks are below 0x21, so the first candidate is the first byte that may match.
                let candidates = Word.bytes(below: 0x21, in: word) | Word.zeroBytes(word ^ bytes)
                if candidates != 0 {
                    index += candidates.trailingZeroBitCount / 8
                    break
                }
                index += 8
            }
        }
        while index < count, !ASCII.isBlank(self[index]), self[index] != byte { index += 1 }
        return index
    }

    /// True when `pattern` occurs at `index`.
    @inline(__always)
    func hasPrefix(_ pattern: [UInt8], at index: Int) -> Bool {
        guard pattern.count <= count - index else { return false }
        for offset in pattern.indices where self[index + offset] != pattern[offset] { return false }
        return true
    }

    /// The first index at or after `start` where `pattern` occurs.
    func firstIndex(of pattern: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first else { return nil }
        var index = firstIndex(of: first, or: first, from: start)
        while index < count {
            if hasPrefix(pattern, at: index) { return index }
            index = firstIndex(of: first, or: first, from: index + 1)
        }
        return nil
    }

    /// True when the bytes in `first` and in `second` are the same.
    func bytes(_ first: Range<Int>, equal second: Range<Int>) -> Bool {
        guard first.count == second.count else { return false }
        var offset = 0
        if let base = baseAddress.map(UnsafeRawPointer.init) {
            while offset + 8 <= first.count {
                let a = base.loadUnaligned(fromByteOffset: first.lowerBound + offset, as: UInt64.self)
                let b = base.loadUnaligned(fromByteOffset: second.lowerBound + offset, as: UInt64.self)
                if a != b { return false }
                offset += 8
            }
        }
        while offset < first.count {
            if self[first.lowerBound + offset] != self[second.lowerBound + offset] { return false }
            offset += 1
        }
        return true
    }
}

/// Eight bytes in a `UInt64`, tested all at once.
private enum Word {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// `byte` in each of the eight bytes.
    static func repeating(_ byte: UInt8) -> UInt64 { ones &* UInt64(byte) }

    /// Nonzero when one of the eight bytes is zero, and then the lowest set
    /// bit is the high bit of the first zero byte (the classic test: a zero
    /// byte borrows into its own clear high bit; bytes after the first zero
    /// may be marked falsely, those before it never, since only a byte below
    /// the limit borrows).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        bytes(below: 1, in: word)
    }

    /// Nonzero when one of the eight bytes is below `limit` (at most 0x80),
    /// and then the lowest set bit is the high bit of the first such byte:
    /// the same borrow argument as for ``zeroBytes(_:)``.
    @inline(__always)
    static func bytes(below limit: UInt8, in word: UInt64) -> UInt64 {
        (word &- repeating(limit)) & ~word & highBits
    }
}

extension String {
    /// A string of the UTF-8 `bytes`, copied in one piece (cheaper than
    /// `String(decoding:as:)` for the short names of a template).
    init(copying bytes: UnsafeBufferPointer<UInt8>) {
        self.init(unsafeUninitializedCapacity: bytes.count) { buffer in
            guard let source = bytes.baseAddress else { return 0 }
            buffer.baseAddress!.initialize(from: source, count: bytes.count)
            return bytes.count
        }
    }
}
