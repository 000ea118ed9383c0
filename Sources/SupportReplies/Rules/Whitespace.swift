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
        var text = String(self)
        return text.withUTF8 { bytes in
            if !bytes.needsCollapsing { return String(self) }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let length = bytes.whitespaceLength(at: index)
                if length > 0 {
                    pendingSpace = !result.isEmpty
                    index += length
                    continue
                }
                if pendingSpace { result.append(UInt8(ascii: " ")) }
                pendingSpace = false
                result.append(bytes[index])
                index += 1
            }
            return String(decoding: result, as: UTF8.self)
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// False when the text has no whitespace but single spaces between other characters.
    fileprivate var needsCollapsing: Bool {
        guard let first, let last, first != UInt8(ascii: " "), last != UInt8(ascii: " ") else { return !isEmpty }
        var previousWasSpace = false
        for index in indices {
            let byte = self[index]
            if byte == UInt8(ascii: " ") {
                if previousWasSpace { return true }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            if byte < 0x20 || (0xC2...0xE3).contains(byte) && whitespaceLength(at: index) > 0 { return true }
        }
        return false
    }

    /// The length of the UTF-8 White_Space scalar at `index`, else 0: U+0009…
    /// U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000…U+200A, U+2028,
    /// U+2029, U+202F, U+205F and U+3000, matched on bytes.
    func whitespaceLength(at index: Int) -> Int {
        func byte(_ offset: Int) -> UInt8 { index + offset < count ? self[index + offset] : 0 }
        switch self[index] {
        case 0x09...0x0D, 0x20: return 1
        case 0xC2: return byte(1) == 0x85 || byte(1) == 0xA0 ? 2 : 0
        case 0xE1: return byte(1) == 0x9A && byte(2) == 0x80 ? 3 : 0
        case 0xE2:
            switch (byte(1), byte(2)) {
            case (0x80, 0x80...0x8A), (0x80, 0xA8), (0x80, 0xA9), (0x80, 0xAF), (0x81, 0x9F): return 3
            default: return 0
            }
        case 0xE3: return byte(1) == 0x80 && byte(2) == 0x80 ? 3 : 0
        default: return 0
        }
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
    /// Read from the string's bytes in place: stepping a `UTF8View` index
    /// back cost several times more.
    private var isSurelyTrimmed: Bool {
        withContiguousBytes(utf8) { bytes in
            guard let first = bytes.first, Self.isSolid(lead: first) else { return false }
            var last = bytes.count - 1
            while UTF8.isContinuation(bytes[last]), last > 0 { last -= 1 }
            return Self.isSolid(lead: bytes[last])
        }
    }

    /// True when some scalar of the text is not whitespace; most texts
    /// answer by their first byte.
    var hasNonWhitespace: Bool {
        if let first = utf8.first, Self.isSolid(lead: first) { return true }
        return unicodeScalars.contains { !$0.isWhitespace }
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
