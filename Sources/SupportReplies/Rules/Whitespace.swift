extension StringProtocol {
    /// The text without leading and trailing whitespace (any Unicode space or line break).
    var trimmingWhitespace: String {
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
