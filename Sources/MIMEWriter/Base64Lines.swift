/// RFC 4648 base64, as RFC 2045 6.8 bodies (76-character lines) and as the
/// text of RFC 2047 "B" encoded-words.
enum Base64 {
    static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    /// RFC 2045 6.8: encoded lines are no more than 76 characters.
    static let lineLength = 76
    private static let bytesPerLine = lineLength / 4 * 3
    private static let pad = UInt8(ascii: "=")

    /// The encoded length of `count` octets, without line breaks.
    static func encodedLength(of count: Int) -> Int {
        (count + 2) / 3 * 4
    }

    /// The size of `body(_:to:)`'s output for `count` octets with CRLF line
    /// breaks (the most it writes).
    static func bodyLength(of count: Int) -> Int {
        let lines = (count + bytesPerLine - 1) / bytesPerLine
        return encodedLength(of: count) + lines * MessageBuffer.crlf.count
    }

    /// Writes `data` as base64 lines of 76 characters, each ending in the
    /// buffer's line break (the last one shorter). Nothing for empty data.
    static func body(_ data: UnsafeBufferPointer<UInt8>, to buffer: inout MessageBuffer) {
        let lineBreakHasCR = buffer.lineBreakHasCR
        buffer.writeLines(upTo: bodyLength(of: data.count)) { target in
            pairs.withUnsafeBytes { pairs in
                var count = 0
                var start = 0
                while start < data.count {
                    let end = min(start + bytesPerLine, data.count)
                    count = encode(data, start..<end, into: target, at: count, pairs: pairs)
                    if lineBreakHasCR {
                        target[count] = 0x0D
                        count += 1
                    }
                    target[count] = 0x0A
                    count += 1
                    start = end
                }
                return count
            }
        }
    }

    /// `data` as one line of base64 text.
    static func text(_ data: ArraySlice<UInt8>) -> String {
        var text: [UInt8] = []
        data.withUnsafeBufferPointer { data in
            text.append(upTo: encodedLength(of: data.count)) { encode(data, into: $0, at: 0) }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Writes `data` as one line of base64 text (an encoded-word's) into
    /// `target` at `offset`, where there is room for `encodedLength(of:
    /// data.count)` characters; returns the offset after them.
    static func encode(_ data: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        pairs.withUnsafeBytes { encode(data, data.indices, into: target, at: offset, pairs: $0) }
    }

    /// Encodes `source[range]` into `target` at `offset`, where there is room
    /// for `encodedLength(of: range.count)` characters; returns the offset
    /// after them. Each 3-octet group is two 12-bit halves, each looked up as
    /// a pair of characters in `pairs`; two groups at a time come from one
    /// eight-octet load where that stays within `source`.
    @inline(__always)
    private static func encode(
        _ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into target: UnsafeMutableBufferPointer<UInt8>,
        at offset: Int, pairs: UnsafeRawBufferPointer
    ) -> Int {
        guard let sourceBase = source.baseAddress, let targetBase = target.baseAddress else { return offset }
        let input = UnsafeRawPointer(sourceBase)
        let output = UnsafeMutableRawPointer(targetBase)
        /// Writes the two characters for the low 12 bits of `value` at `out`.
        func writePair(_ value: UInt64, at out: Int) {
            let characters = pairs.loadUnaligned(fromByteOffset: Int(value & 0xFFF) &* 2, as: UInt16.self)
            output.storeBytes(of: characters, toByteOffset: out, as: UInt16.self)
        }
        /// Writes the eight characters for the two groups in the six octets at `index`.
        func writeGroups(at index: Int, to out: Int) {
            let groups = UInt64(bigEndian: input.loadUnaligned(fromByteOffset: index, as: UInt64.self)) >> 16
            writePair(groups >> 36, at: out)
            writePair(groups >> 24, at: out &+ 2)
            writePair(groups >> 12, at: out &+ 4)
            writePair(groups, at: out &+ 6)
        }
        var index = range.lowerBound
        var out = offset
        // Six octets used of eight loaded: the load must end within `source`.
        let pairedEnd = min(range.upperBound, source.count - 2) - 6
        while index <= pairedEnd &- 6 {
            writeGroups(at: index, to: out)
            writeGroups(at: index &+ 6, to: out &+ 8)
            index &+= 12
            out &+= 16
        }
        if index <= pairedEnd {
            writeGroups(at: index, to: out)
            index &+= 6
            out &+= 8
        }
        while index + 3 <= range.upperBound {
            let group = UInt64(source[index]) << 16 | UInt64(source[index + 1]) << 8 | UInt64(source[index + 2])
            writePair(group >> 12, at: out)
            writePair(group, at: out &+ 2)
            index &+= 3
            out &+= 4
        }
        let rest = range.upperBound - index
        guard rest > 0 else { return out }
        let group = Int(source[index]) << 16 | (rest == 2 ? Int(source[index + 1]) << 8 : 0)
        target[out] = alphabet[group >> 18]
        target[out + 1] = alphabet[group >> 12 & 63]
        target[out + 2] = rest == 2 ? alphabet[group >> 6 & 63] : pad
        target[out + 3] = pad
        return out + 4
    }

    /// For each 12-bit value, its two base64 characters: 8 KB.
    private static let pairs = [UInt8](unsafeUninitializedCapacity: 8192) { pairs, count in
        for value in 0..<4096 {
            pairs[2 * value] = alphabet[value >> 6]
            pairs[2 * value + 1] = alphabet[value & 63]
        }
        count = 8192
    }
}
