/// The UTF-8 byte order mark `EF BB BF`, skipped at the start of input.
enum ByteOrderMark {
    static let bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// 3 when `buffer` starts with the mark, else 0.
    static func length(at buffer: UnsafeBufferPointer<UInt8>) -> Int {
        buffer.starts(with: bytes) ? bytes.count : 0
    }
}
