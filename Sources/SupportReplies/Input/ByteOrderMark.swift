/// The UTF-8 byte order mark `EF BB BF`, skipped at the start of input.
enum ByteOrderMark {
    static let bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// 3 when `buffer` starts with the mark, else 0.
    static func length(at buffer: UnsafeBufferPointer<UInt8>) -> Int {
        buffer.starts(with: bytes) ? bytes.count : 0
    }
}

/// Drops a byte order mark from the start of input that arrives in chunks,
/// however the chunks cut it. Callers hand over bytes with `take` until
/// `isDecided`, then process bytes directly.
struct ByteOrderMarkSkipper {
    /// How many bytes of the mark have been seen; `nil` once decided.
    private var matched: Int? = 0

    /// True once the start of input is known to hold a mark or not.
    var isDecided: Bool { matched == nil }

    /// Takes one of the first bytes; returns the bytes to process now: none
    /// while a mark may be forming or when it is complete, else the bytes
    /// held back followed by `byte`.
    mutating func take(_ byte: UInt8) -> [UInt8] {
        guard let count = matched else { return [byte] }
        if byte == ByteOrderMark.bytes[count] {
            matched = count + 1 == ByteOrderMark.bytes.count ? nil : count + 1
            return []
        }
        matched = nil
        return ByteOrderMark.bytes[..<count] + [byte]
    }

    /// At the end of input: the start of a mark that never finished.
    mutating func finish() -> [UInt8] {
        defer { matched = nil }
        return matched.map { Array(ByteOrderMark.bytes[..<$0]) } ?? []
    }
}
