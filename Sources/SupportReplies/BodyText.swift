/// Whitespace rules every reply body follows: LF line ends, no trailing
/// spaces, never more than one blank line in a row, one final newline.
enum BodyText {
    /// Parts joined with one blank line between them, each without its
    /// trailing line breaks; empty parts are left out.
    static func joined(_ parts: [String]) -> String {
        var result = ""
        result.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count + 2 })  // room for the final newline too
        for part in parts {
            let trimmed = part.withoutTrailingNewlines
            guard !trimmed.isEmpty else { continue }
            if !result.isEmpty { result += "\n\n" }
            result.append(contentsOf: trimmed)
        }
        return result
    }

    /// The body with the whitespace rules applied. Works on UTF-8 bytes, a
    /// line at a time: the characters it looks at (LF, CR, space, tab,
    /// U+3000) are never part of another character's encoding. Taking the
    /// text lets a body that only lacks its final newline get it in place.
    static func normalized(_ text: consuming String) -> String {
        switch text.withUTF8(check) {
        case .normalized:
            return text
        case .lacksFinalNewline:
            text.append("\n")
            return text
        case .needsWork:
            break
        }
        let bytes = text.withUTF8 { input in
            var output: [UInt8] = []
            output.reserveCapacity(input.count + 1)
            var blankRun = 0
            var lineStart = 0
            while lineStart <= input.count {
                var lineEnd = lineStart
                while lineEnd < input.count, input[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                let contentEnd = endWithoutTrailingSpace(input, from: lineStart, to: lineEnd)
                if contentEnd == lineStart {
                    blankRun += 1
                } else {
                    if !output.isEmpty { output.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: blankRun > 0 ? 2 : 1)) }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[lineStart..<contentEnd]))
                    blankRun = 0
                }
                lineStart = lineEnd + 1
            }
            output.append(UInt8(ascii: "\n"))
            return output
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// How far text is from following the rules, found in one pass over its
    /// bytes: most rendered bodies need at most their final newline, and are
    /// then kept (or extended) without being decoded again.
    private enum Check {
        case normalized
        case lacksFinalNewline
        case needsWork
    }

    private static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Check {
        guard let first = bytes.first, first != UInt8(ascii: "\n") else { return .needsWork }
        var newlineRun = 0
        var offset = nextLineBreak(in: bytes, from: 0)
        while offset < bytes.count {
            guard bytes[offset] == UInt8(ascii: "\n") else { return .needsWork }  // a CR
            newlineRun = offset > 0 && bytes[offset - 1] == UInt8(ascii: "\n") ? newlineRun + 1 : 1
            if newlineRun > 2 || endWithoutTrailingSpace(bytes, from: 0, to: offset) != offset { return .needsWork }
            offset = nextLineBreak(in: bytes, from: offset + 1)
        }
        guard bytes.last == UInt8(ascii: "\n") else {
            return endWithoutTrailingSpace(bytes, from: 0, to: bytes.count) == bytes.count ? .lacksFinalNewline : .needsWork
        }
        return newlineRun == 1 ? .normalized : .needsWork
    }

    /// The offset of the next LF or CR at or after `start` (`bytes.count`
    /// when there is none), eight bytes at a time.
    private static func nextLineBreak(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var offset = start
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            while offset + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                // The high bit of each byte below 0x0E (CR): bytes above the first such may be
                // flagged falsely (a borrow), those below never are, so the lowest flag is exact.
                let controls = (word &- (ones &* 0x0E)) & ~word & (ones &* 0x80)
                guard controls != 0 else {
                    offset += 8
                    continue
                }
                let control = offset + controls.trailingZeroBitCount / 8
                if bytes[control] == UInt8(ascii: "\n") || bytes[control] == UInt8(ascii: "\r") { return control }
                offset = control + 1  // a tab or another control character
            }
        }
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n"), bytes[offset] != UInt8(ascii: "\r") { offset += 1 }
        return offset
    }

    /// Where a line ends once trailing spaces, tabs, CRs and ideographic
    /// spaces (U+3000, E3 80 80) are dropped.
    private static func endWithoutTrailingSpace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var end = end
        while end > start {
            let last = bytes[end - 1]
            if last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
                end -= 1
            } else if end - start >= 3 && last == 0x80 && bytes[end - 2] == 0x80 && bytes[end - 3] == 0xE3 {
                end -= 3
            } else {
                break
            }
        }
        return end
    }
}

extension String {
    /// The text without trailing line breaks (Character.isNewline: LF, CR,
    /// CR LF, VT, FF, NEL, U+2028, U+2029).
    var trimmingTrailingNewlines: String {
        let trimmed = withoutTrailingNewlines
        return trimmed.endIndex == endIndex ? self : String(trimmed)
    }

    /// The text without trailing line breaks, as a slice: the line-break
    /// characters (LF, VT, FF, CR, CR LF, NEL, U+2028, U+2029) are each a
    /// character of their own, so they are dropped by their UTF-8 bytes.
    var withoutTrailingNewlines: Substring {
        let newlineBytes = withContiguousBytes(utf8) { bytes in
            var end = bytes.count
            while end > 0 {
                if (0x0A...0x0D).contains(bytes[end - 1]) {
                    end -= 1
                } else if end >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0x85 {  // NEL
                    end -= 2
                } else if end >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80,
                    (0xA8...0xA9).contains(bytes[end - 1])
                {
                    end -= 3  // U+2028, U+2029
                } else {
                    break
                }
            }
            return bytes.count - end
        }
        return self[..<utf8.index(utf8.endIndex, offsetBy: -newlineBytes)]
    }

    /// `-` replaced by `_` (closure reasons accept both).
    var replacingHyphens: String {
        guard utf8.contains(UInt8(ascii: "-")) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
    }

    /// `lowercased()`, without building a new string for ASCII text that
    /// has no capital letter (most addresses and keys).
    var lowercasedCheaply: String {
        utf8.contains { $0 >= 0x80 || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) } ? lowercased() : self
    }
}
