extension Array<UInt8> {
    /// Appends the UTF-8 encoding of `scalar`: building text as bytes and
    /// decoding once is several times cheaper than appending scalars to a
    /// String's scalar view one by one.
    mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            append(UInt8(value))
        case 0x80..<0x800:
            append(0xC0 | UInt8(value >> 6))
            append(0x80 | UInt8(value & 0x3F))
        case 0x800..<0x10000:
            append(0xE0 | UInt8(value >> 12))
            append(0x80 | UInt8((value >> 6) & 0x3F))
            append(0x80 | UInt8(value & 0x3F))
        default:
            append(0xF0 | UInt8(value >> 18))
            append(0x80 | UInt8((value >> 12) & 0x3F))
            append(0x80 | UInt8((value >> 6) & 0x3F))
            append(0x80 | UInt8(value & 0x3F))
        }
    }

    /// Appends `value` (not negative) in decimal, zero-padded to `width` digits.
    mutating func appendDecimal(_ value: Int, width: Int = 1) {
        var digits = 1
        var power = 1
        while value / power >= 10 {
            digits += 1
            power *= 10
        }
        for _ in digits..<Swift.max(width, digits) { append(UInt8(ascii: "0")) }
        while power > 0 {
            append(UInt8(ascii: "0") + UInt8(value / power % 10))
            power /= 10
        }
    }
}

extension String {
    /// Text from scalars, encoded in one pass.
    init(scalars: some Sequence<Unicode.Scalar>, capacity: Int = 0) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(capacity)
        for scalar in scalars { bytes.appendUTF8(scalar) }
        self.init(decoding: bytes, as: UTF8.self)
    }
}
