/// Whitespace rules every reply body follows: LF line ends, no trailing
/// spaces, never more than one blank line in a row, one final newline.
enum BodyText {
    /// Parts joined with one blank line between them.
    static func joined(_ parts: [String]) -> String {
        parts.map(\.trimmingTrailingNewlines).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// The body with the whitespace rules applied.
    static func normalized(_ text: String) -> String {
        var lines: [Substring] = []
        var blankRun = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = rawLine
            if line.hasSuffix("\r") { line = line.dropLast() }
            while let last = line.last, last == " " || last == "\t" || last == "\u{3000}" { line = line.dropLast() }
            if line.isEmpty {
                blankRun += 1
                if blankRun > 1 || lines.isEmpty { continue }
            } else {
                blankRun = 0
            }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
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
