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
        var blankRun = 0
        for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            var line = Array(rawLine)
            trimTrailingSpace(&line)
            if line.isEmpty {
                blankRun += 1
                if blankRun > 1 || output.isEmpty { continue }
            } else {
                blankRun = 0
            }
            output.append(contentsOf: line)
            output.append(UInt8(ascii: "\n"))
        }
        while output.count >= 2 && output[output.count - 1] == UInt8(ascii: "\n") && output[output.count - 2] == UInt8(ascii: "\n") {
            output.removeLast()
        }
        if output.isEmpty { output.append(UInt8(ascii: "\n")) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Drops trailing spaces, tabs, CRs and ideographic spaces (U+3000, E3 80 80).
    private static func trimTrailingSpace(_ line: inout [UInt8]) {
        while let last = line.last {
            if last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
                line.removeLast()
            } else if line.count >= 3 && line[line.count - 3] == 0xE3 && line[line.count - 2] == 0x80 && last == 0x80 {
                line.removeLast(3)
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
