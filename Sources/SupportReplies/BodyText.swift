/// Whitespace rules every reply body follows: LF line ends, no trailing
/// spaces, never more than one blank line in a row, one final newline.
enum BodyText {
    /// Parts joined with one blank line between them.
    static func joined(_ parts: [String]) -> String {
        parts.map(\.trimmingTrailingNewlines).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// The body with the whitespace rules applied. Works on UTF-8 bytes: the
    /// characters it looks at (LF, CR, space, tab, U+3000) are never part of
    /// another character's encoding.
    static func normalized(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 1)
        var lineStart = 0  // where the current line begins in `output`
        var blankRun = 0
        for byte in text.utf8 {
            guard byte == UInt8(ascii: "\n") else {
                output.append(byte)
                continue
            }
            trimTrailingSpace(&output, from: lineStart)
            if output.count == lineStart {
                blankRun += 1
                if blankRun > 1 || lineStart == 0 { continue }
            } else {
                blankRun = 0
            }
            output.append(UInt8(ascii: "\n"))
            lineStart = output.count
        }
        trimTrailingSpace(&output, from: lineStart)
        while output.last == UInt8(ascii: "\n") { output.removeLast() }
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    /// Drops trailing spaces, tabs, CRs and ideographic spaces (U+3000, E3 80 80) after `start`.
    private static func trimTrailingSpace(_ bytes: inout [UInt8], from start: Int) {
        while bytes.count > start, let last = bytes.last {
            if last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
                bytes.removeLast()
            } else if bytes.count - start >= 3 && bytes[bytes.count - 3] == 0xE3 && bytes[bytes.count - 2] == 0x80 && last == 0x80 {
                bytes.removeLast(3)
            } else {
                return
            }
        }
    }
}

extension String {
    /// The text without trailing line breaks.
    var trimmingTrailingNewlines: String {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isNewline { end = index(before: end) }
        return String(self[..<end])
    }

    /// `-` replaced by `_` (closure reasons accept both).
    var replacingHyphens: String {
        String(map { $0 == "-" ? "_" : $0 })
    }
}
