extension RandomAccessCollection<UInt8> where Index == Int {
    /// The scalar whose encoding starts at `offset`, and the length of that
    /// encoding. The bytes are valid UTF-8 (a string's) and `offset` starts
    /// a scalar.
    @inline(__always)
    func scalar(at offset: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(self[offset])
        let value: UInt32
        let length: Int
        switch lead {
        case ..<0x80:
            return (Unicode.Scalar(UInt8(lead)), 1)
        case ..<0xE0:
            (value, length) = ((lead & 0x1F) << 6 | continuation(offset + 1), 2)
        case ..<0xF0:
            (value, length) = ((lead & 0x0F) << 12 | continuation(offset + 1) << 6 | continuation(offset + 2), 3)
        default:
            (value, length) = (
                (lead & 0x07) << 18 | continuation(offset + 1) << 12 | continuation(offset + 2) << 6
                    | continuation(offset + 3), 4
            )
        }
        return (Unicode.Scalar(value)!, length)
    }

    /// The CJK ideograph (U+4E00…U+9FFF, lead byte E4…E9) whose encoding
    /// starts at `offset`, else nil: a shortcut past the general decoding
    /// for the scalars most of a Chinese text is made of.
    @inline(__always)
    func ideograph(at offset: Int) -> Unicode.Scalar? {
        let lead = UInt32(self[offset])
        guard lead &- 0xE4 <= 0xE9 - 0xE4 else { return nil }
        let value = (lead & 0x0F) << 12 | continuation(offset + 1) << 6 | continuation(offset + 2)
        return value >= 0x4E00 ? Unicode.Scalar(value) : nil
    }

    /// The six bits a continuation byte carries.
    @inline(__always)
    private func continuation(_ offset: Int) -> UInt32 {
        UInt32(self[offset] & 0x3F)
    }
}

extension Array<Unicode.Scalar> {
    /// The scalars of `text`, decoded in one pass over its UTF-8 (a scalar
    /// takes at least one byte, so the byte count bounds theirs).
    init(scalarsOf text: String) {
        var text = text
        self = text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalars, count in
                var offset = 0
                while offset < bytes.count {
                    let (scalar, length) = bytes.scalar(at: offset)
                    scalars[count] = scalar
                    count += 1
                    offset += length
                }
            }
        }
    }
}
