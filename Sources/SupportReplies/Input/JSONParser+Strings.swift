extension JSONParser {
    /// `string = quotation-mark *char quotation-mark`
    ///
    /// The fast path finds the closing quote with no escapes on the way and
    /// makes the String from that slice of bytes in one step; strings with
    /// escapes are decoded into `scratch`. Bytes of 0x80 and above can never
    /// be a quote, backslash or control character, so the scan need not decode
    /// UTF-8; validity is checked once, when the String is made. Also sets
    /// `lastFingerprint` and `lastIsASCII` for the duplicate-key check.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let contentStart = offset + 1
        var highBits: UInt64 = 0
        var index = skipPlainBytes(from: contentStart, highBits: &highBits)
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "\"") {
                offset = index + 1
                return try makeString(contentStart..<index, ascii: highBits & 0x8080_8080_8080_8080 == 0)
            }
            if byte == UInt8(ascii: "\\") {
                return try parseEscapedString(contentStart: contentStart, firstEscape: index)
            }
            if byte < 0x20 {
                throw stringError(at: index, controlCharacterMessage(byte), contentStart: contentStart)
            }
            highBits |= UInt64(byte)
            index += 1
        }
        throw stringError(at: contentStart - 1, "unterminated string", contentStart: contentStart, checkedUpTo: index)
    }

    /// The offset of the first quote, backslash or control character from
    /// `start` on, read eight bytes at a time; or, near the end of the text,
    /// where the byte-at-a-time loop of the caller takes over. The bytes
    /// passed are or-ed into `highBits`.
    private func skipPlainBytes(from start: Int, highBits: inout UInt64) -> Int {
        guard let base = text.baseAddress else { return start }
        var index = start
        while index + 8 <= text.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let special = Self.specialBytes(word)
            if special != 0 {
                let plain = special.trailingZeroBitCount / 8
                highBits |= word & ((1 << (8 * UInt64(plain))) &- 1)
                return index + plain
            }
            highBits |= word
            index += 8
        }
        return index
    }

    /// The high bit of each byte of `word` (first byte lowest) that is a
    /// quote, a backslash or a control character (the classic "has zero
    /// byte" / "has byte less than n" bit tricks). Bytes above a flagged one
    /// may be flagged wrongly, by the borrow; the lowest flag is always exact.
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let zeroByte = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
        let control = (word &- ones &* 0x20) & ~word
        return (zeroByte | control) & highs
    }

    /// The slow path: decodes escapes into `scratch`, copying the runs of
    /// plain bytes between them whole.
    private mutating func parseEscapedString(contentStart: Int, firstEscape: Int) throws(JSONSyntaxError) -> String {
        scratch.removeAll(keepingCapacity: true)
        var runStart = contentStart
        var index = firstEscape
        var highBits: UInt64 = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                if byte == UInt8(ascii: "\"") {
                    offset = index + 1
                    return try makeString(fromScratchOf: contentStart..<index)
                }
                index = try decodeEscape(at: index, contentStart: contentStart)
                runStart = index
                index = skipPlainBytes(from: index, highBits: &highBits)
            } else if byte < 0x20 {
                throw stringError(at: index, controlCharacterMessage(byte), contentStart: contentStart)
            } else {
                index += 1
            }
        }
        throw stringError(at: contentStart - 1, "unterminated string", contentStart: contentStart, checkedUpTo: index)
    }

    /// Decodes the escape whose backslash is at `start` into `scratch`;
    /// returns the offset after it.
    /// `escape = \ ( " / \ / / / b / f / n / r / t / uXXXX )`
    private mutating func decodeEscape(at start: Int, contentStart: Int) throws(JSONSyntaxError) -> Int {
        guard start + 1 < text.count else {
            throw stringError(
                at: contentStart - 1, "unterminated string", contentStart: contentStart, checkedUpTo: start)
        }
        let simple: UInt8
        switch text[start + 1] {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            let (scalar, end) = try decodeUnicodeEscape(at: start, contentStart: contentStart)
            scratch.appendUTF8(scalar)
            return end
        default:
            let message =
                text[start + 1] >= 0x21 && text[start + 1] <= 0x7E
                ? "invalid escape '\\\(Character(Unicode.Scalar(text[start + 1])))'"
                : "invalid escape: '\\' followed by \(describeCharacter(at: start + 1, in: text))"
            throw stringError(at: start, message, contentStart: contentStart)
        }
        scratch.append(simple)
        return start + 2
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`; NUL and unpaired
    /// surrogates are errors at the backslash.
    private func decodeUnicodeEscape(at start: Int, contentStart: Int) throws(JSONSyntaxError) -> (Unicode.Scalar, Int)
    {
        let unit = try hexQuad(at: start, contentStart: contentStart)
        switch unit {
        case 0:
            throw stringError(at: start, "NUL character is not allowed", contentStart: contentStart)
        case 0xD800...0xDBFF:
            let low = start + 6
            if low + 1 < text.count, text[low] == UInt8(ascii: "\\"), text[low + 1] == UInt8(ascii: "u") {
                let second = try hexQuad(at: low, contentStart: contentStart)
                if (0xDC00...0xDFFF).contains(second) {
                    let value = 0x10000 + ((unit - 0xD800) << 10) + (second - 0xDC00)
                    return (Unicode.Scalar(value)!, low + 6)
                }
            }
            throw stringError(at: start, "unpaired surrogate escape '\\u\(hex4(unit))'", contentStart: contentStart)
        case 0xDC00...0xDFFF:
            throw stringError(at: start, "unpaired surrogate escape '\\u\(hex4(unit))'", contentStart: contentStart)
        default:
            return (Unicode.Scalar(unit)!, start + 6)
        }
    }

    /// The four hex digits after the `\u` whose backslash is at `start`.
    private func hexQuad(at start: Int, contentStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for index in start + 2..<start + 6 {
            guard index < text.count, let digit = hexValue(text[index]) else {
                throw stringError(
                    at: start, "invalid escape: '\\u' must be followed by 4 hex digits", contentStart: contentStart)
            }
            value = value << 4 | digit
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Makes the String for an escape-free slice. ASCII is copied in as it
    /// is (a short string then skips the decoder's checks altogether);
    /// other text goes through the standard library's (repairing) UTF-8
    /// decoder, which is fast; a repair shows as a change in the bytes and
    /// is an error.
    private mutating func makeString(_ range: Range<Int>, ascii: Bool) throws(JSONSyntaxError) -> String {
        let slice = UnsafeBufferPointer(rebasing: text[range])
        lastFingerprint = Self.fingerprint(slice, readable: text.count - range.lowerBound)
        lastIsASCII = ascii
        if ascii {
            return String(unsafeUninitializedCapacity: slice.count) { $0.initialize(fromContentsOf: slice) }
        }
        let string = String(decoding: slice, as: UTF8.self)
        guard Self.isVerbatim(string, slice) else { throw invalidUTF8(in: range) }
        return string
    }

    /// Makes the String decoded into `scratch` from the text in `range`.
    private mutating func makeString(fromScratchOf range: Range<Int>) throws(JSONSyntaxError) -> String {
        let string = String(decoding: scratch, as: UTF8.self)
        let (fingerprint, ascii, verbatim) = scratch.withUnsafeBufferPointer { bytes in
            let ascii = bytes.allSatisfy { $0 < 0x80 }
            return (Self.fingerprint(bytes, readable: bytes.count), ascii, ascii || Self.isVerbatim(string, bytes))
        }
        guard verbatim else { throw invalidUTF8(in: range) }
        lastFingerprint = fingerprint
        lastIsASCII = ascii
        return string
    }

    /// `MemberKey`'s fingerprint of `bytes` as an `Int` bit pattern: the
    /// count in the top byte and the first seven bytes below it, first byte
    /// lowest. `readable` says how many bytes from the start may be read
    /// (one word at once when 8).
    static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>, readable: Int) -> Int {
        let fingerprint = UInt64(truncatingIfNeeded: bytes.count) << 56
        guard let base = bytes.baseAddress else { return Int(truncatingIfNeeded: fingerprint) }
        let kept = UInt64(min(bytes.count, 7))
        var word: UInt64 = 0
        if readable >= 8 {
            word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
        } else {
            for position in 0..<Int(kept) { word |= UInt64(base[position]) << (8 * UInt64(position)) }
        }
        return Int(truncatingIfNeeded: fingerprint | word & ((1 << (8 * kept)) &- 1))
    }

    /// True when decoding left `bytes` as they were (nothing was repaired).
    static func isVerbatim(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var string = string
        return string.withUTF8 { decoded in
            guard decoded.count == bytes.count, let left = decoded.baseAddress, let right = bytes.baseAddress else {
                return decoded.count == bytes.count
            }
            var index = 0
            while index + 8 <= bytes.count {
                let a = UnsafeRawPointer(left + index).loadUnaligned(as: UInt64.self)
                let b = UnsafeRawPointer(right + index).loadUnaligned(as: UInt64.self)
                if a != b { return false }
                index += 8
            }
            while index < bytes.count {
                if left[index] != right[index] { return false }
                index += 1
            }
            return true
        }
    }

    private func invalidUTF8(in range: Range<Int>) -> JSONSyntaxError {
        JSONSyntaxError(
            offset: UTF8Checker.firstInvalidOffset(in: text, range) ?? range.lowerBound, message: "invalid UTF-8")
    }

    private func controlCharacterMessage(_ byte: UInt8) -> String {
        byte == 0 ? "NUL character is not allowed" : "control character U+\(hex4(UInt32(byte))) in string"
    }

    /// An error found inside a string; invalid UTF-8 earlier in the same
    /// string comes first, so errors are always reported in text order.
    private func stringError(
        at offset: Int, _ message: String, contentStart: Int, checkedUpTo end: Int? = nil
    ) -> JSONSyntaxError {
        let checked = contentStart..<max(contentStart, end ?? offset)
        if let bad = UTF8Checker.firstInvalidOffset(in: text, checked) {
            return JSONSyntaxError(offset: bad, message: "invalid UTF-8")
        }
        return JSONSyntaxError(offset: offset, message: message)
    }
}
