/// Turns byte offsets into `SourceLocation`s, only when a message needs one.
///
/// The happy path stores offsets alone; lines and columns are counted by
/// re-reading the text up to the offset.
struct TextPosition {
    /// The file name used in locations.
    let file: String
    /// The line the text's first byte is on.
    let firstLine: Int
    /// The column the text's first byte is at (on `firstLine` only).
    let firstColumn: Int

    /// The line and column of `offset` in `text`; columns count Unicode
    /// scalars (bytes that are not UTF-8 continuation bytes).
    func location(of offset: Int, in text: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        var line = firstLine
        var lineStart = 0
        for index in 0..<min(offset, text.count) where text[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        var column = lineStart == 0 ? firstColumn : 1
        for index in lineStart..<min(offset, text.count) where text[index] & 0xC0 != 0x80 {
            column += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}

/// How the character at `offset` is shown in a message: `'x'` when it is
/// visible, `U+3000` for control characters, spaces and other invisible ones
/// (a pasted ideographic space or byte order mark should be named, not shown).
func describeCharacter(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> String {
    var end = offset + 1
    while end < text.count, end - offset < 4, text[end] & 0xC0 == 0x80 { end += 1 }
    let decoded = String(decoding: UnsafeBufferPointer(rebasing: text[offset..<end]), as: UTF8.self)
    guard let scalar = decoded.unicodeScalars.first else { return "U+" + hex4(UInt32(text[offset])) }
    switch scalar.properties.generalCategory {
    case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate:
        return "U+" + hex4(scalar.value)
    default:
        return "'\(scalar)'"
    }
}

/// Four (or more) upper-case hex digits, as in `U+000A`.
func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
