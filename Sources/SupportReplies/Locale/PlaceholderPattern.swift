/// `{name}` placeholders in locale strings (`"{family}{honorific} 您好,"`).
///
/// A placeholder is `{`, one or more ASCII letters, digits or `_`, then `}`;
/// any other brace is literal text. Locale validation rejects unknown names,
/// so filling never meets one in a validated locale; a hand-built pattern's
/// unknown placeholder is left as written.
enum PlaceholderPattern {
    /// The placeholder names in `pattern`, in order of appearance.
    static func names(in pattern: String) -> [String] {
        var names: [String] = []
        scan(pattern, literal: { _ in }, placeholder: { names.append($0) })
        return names
    }

    /// `pattern` with every placeholder replaced by `value(name)`; a name
    /// for which `value` returns `nil` stays as written.
    static func fill(_ pattern: String, _ value: (String) -> String?) -> String {
        var result = ""
        result.reserveCapacity(pattern.utf8.count * 2)
        scan(
            pattern,
            literal: { result += $0 },
            placeholder: { name in result += value(name) ?? "{\(name)}" })
        return result
    }

    /// Calls `literal` for the text between placeholders and `placeholder`
    /// for each name. Braces and name characters are ASCII, so the scan
    /// walks UTF-8 bytes and cuts only at ASCII positions.
    private static func scan(_ pattern: String, literal: (Substring) -> Void, placeholder: (String) -> Void) {
        let bytes = pattern.utf8
        var literalStart = bytes.startIndex
        var position = bytes.startIndex
        while let open = bytes[position...].firstIndex(of: UInt8(ascii: "{")) {
            guard let close = closingBrace(in: bytes, after: open) else {
                position = bytes.index(after: open)
                continue
            }
            literal(pattern[literalStart..<open])
            placeholder(String(pattern[bytes.index(after: open)..<close]))
            position = bytes.index(after: close)
            literalStart = position
        }
        literal(pattern[literalStart...])
    }

    /// The index of the `}` that closes a placeholder opened at `open`, if
    /// only name characters (at least one) stand between them.
    private static func closingBrace(in bytes: String.UTF8View, after open: String.Index) -> String.Index? {
        let nameStart = bytes.index(after: open)
        let close = bytes[nameStart...].firstIndex { !isNameByte($0) } ?? bytes.endIndex
        guard close < bytes.endIndex, bytes[close] == UInt8(ascii: "}"), close > nameStart else { return nil }
        return close
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return true
        default: return false
        }
    }
}
