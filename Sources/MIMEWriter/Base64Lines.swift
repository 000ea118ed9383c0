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

    /// The size of `body(_:to:)`'s output for `count` octets.
    static func bodyLength(of count: Int) -> Int {
        let lines = (count + bytesPerLine - 1) / bytesPerLine
        return encodedLength(of: count) + lines * MessageBuffer.crlf.count
    }

    /// Writes `data` as base64 lines of 76 characters, each ending in a line
    /// break (the last one shorter). Nothing for empty data.
    static func body(_ data: [UInt8], to buffer: inout MessageBuffer) {
        data.withUnsafeBufferPointer { source in
            var start = 0
            while start < source.count {
                let end = min(start + bytesPerLine, source.count)
                buffer.write(upTo: lineLength) { encode(UnsafeBufferPointer(rebasing: source[start..<end]), into: $0) }
                buffer.writeLineBreak()
                start = end
            }
        }
    }

    /// `data` as one line of base64 text.
    static func text(_ data: ArraySlice<UInt8>) -> String {
        var text: [UInt8] = []
        data.withUnsafeBufferPointer { appendText(of: $0, to: &text) }
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends `data` as one line of base64 text (an encoded-word's, so short).
    static func appendText(of data: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(upTo: encodedLength(of: data.count)) { encode(data, into: $0) }
    }

    /// Encodes `source` into `target`, which has room for
    /// `encodedLength(of: source.count)` characters; returns that length.
    /// Each 3-octet group is two 12-bit halves, each looked up as a pair of
    /// characters in `pairs`.
    private static func encode(
        _ source: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        guard let targetBase = target.baseAddress else { return 0 }
        let output = UnsafeMutableRawPointer(targetBase)
        return pairs.withUnsafeBytes { pairs in
            var index = 0
            var out = 0
            while index + 3 <= source.count {
                let group = Int(source[index]) << 16 | Int(source[index + 1]) << 8 | Int(source[index + 2])
                let high = pairs.loadUnaligned(fromByteOffset: (group >> 12) * 2, as: UInt16.self)
                let low = pairs.loadUnaligned(fromByteOffset: (group & 0xFFF) * 2, as: UInt16.self)
                output.storeBytes(of: high, toByteOffset: out, as: UInt16.self)
                output.storeBytes(of: low, toByteOffset: out + 2, as: UInt16.self)
                index += 3
                out += 4
            }
            let rest = source.count - index
            guard rest > 0 else { return out }
            let group = Int(source[index]) << 16 | (rest == 2 ? Int(source[index + 1]) << 8 : 0)
            target[out] = alphabet[group >> 18]
            target[out + 1] = alphabet[group >> 12 & 63]
            target[out + 2] = rest == 2 ? alphabet[group >> 6 & 63] : pad
            target[out + 3] = pad
            return out + 4
        }
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
