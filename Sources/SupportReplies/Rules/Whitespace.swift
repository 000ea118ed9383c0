extension StringProtocol {
    /// The text without leading and trailing whitespace (any Unicode space or line break).
    var trimmingWhitespace: String {
        // Fast path: most values start and end with a printable ASCII character.
        let bytes = utf8
        if let head = bytes.first, (0x21...0x7E).contains(head), let tail = bytes.reversed().first, (0x21...0x7E).contains(tail) {
            return String(self)
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }

    /// The trimmed text, or `nil` when it is blank.
    var nonBlank: String? {
        let text = trimmingWhitespace
        return text.isEmpty ? nil : text
    }

    /// The text with every run of whitespace turned into one space, trimmed.
    var collapsingWhitespace: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
