extension StringProtocol {
    /// The text without leading and trailing whitespace: Unicode scalars
    /// with the White_Space property (spaces, tabs, line breaks, U+3000, …).
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        var end = scalars.endIndex
        while scalars[scalars.index(before: end)].isWhitespace { end = scalars.index(before: end) }
        if first == startIndex && end == endIndex { return String(self) }
        return String(self[first..<end])
    }

    /// The trimmed text, or `nil` when it is blank.
    var nonBlank: String? {
        let text = trimmingWhitespace
        return text.isEmpty ? nil : text
    }

    /// The text with every run of whitespace turned into one space, trimmed.
    var collapsingWhitespace: String {
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(UInt8(ascii: " ")) }
            pendingSpace = false
            result.appendUTF8(scalar)
        }
        return String(decoding: result, as: UTF8.self)
    }
}

extension String {
    /// ``StringProtocol/trimmingWhitespace``, with a shortcut for the usual
    /// case of text whose ends are surely not whitespace.
    var trimmingWhitespace: String {
        isSurelyTrimmed ? self : self[...].trimmingWhitespace
    }

    /// True when the first and last scalars surely are not whitespace,
    /// judged from their lead bytes: printable ASCII, a Latin letter
    /// (U+00C0…U+07FF) or a CJK ideograph (U+4000…U+9FFF).
    private var isSurelyTrimmed: Bool {
        guard let first = utf8.first, Self.isSolid(lead: first) else { return false }
        var last = utf8.index(before: utf8.endIndex)
        while UTF8.isContinuation(utf8[last]), last > utf8.startIndex { last = utf8.index(before: last) }
        return Self.isSolid(lead: utf8[last])
    }

    private static func isSolid(lead byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x7E, 0xC3...0xDF, 0xE4...0xE9: return true
        default: return false
        }
    }
}

extension Unicode.Scalar {
    /// The White_Space property, with an answer for ASCII and for the Han
    /// and Latin ranges that needs no table look-up.
    var isWhitespace: Bool {
        switch value {
        case 0x21...0x7E, 0xA1...0x167F, 0x3001...0xFFFF: return false
        case 0x09...0x0D, 0x20: return true
        default: return properties.isWhitespace
        }
    }
}
