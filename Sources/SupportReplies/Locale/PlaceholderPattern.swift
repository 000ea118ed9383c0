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
        scan(pattern, literal: { _ in }, placeholder: { names.append(String(decoding: $0, as: UTF8.self)) })
        return names
    }

    /// `pattern` with every placeholder replaced by `value(name)`; a name
    /// for which `value` returns `nil` stays as written.
    static func fill(_ pattern: String, _ value: (String) -> String?) -> String {
        var result: [UInt8] = []
        scan(
            pattern,
            literal: { result.append(contentsOf: $0) },
            placeholder: { name in
                if let text = value(String(decoding: name, as: UTF8.self)) {
                    result.append(contentsOf: text.utf8)
                } else {
                    result.append(UInt8(ascii: "{"))
                    result.append(contentsOf: name)
                    result.append(UInt8(ascii: "}"))
                }
            })
        return String(decoding: result, as: UTF8.self)
    }

    /// Calls `literal` for the bytes between placeholders and `placeholder`
    /// for each name's bytes. Braces and name characters are ASCII, so the
    /// scan walks UTF-8 bytes and cuts only at ASCII positions.
    private static func scan(
        _ pattern: String, literal: (UnsafeBufferPointer<UInt8>) -> Void, placeholder: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var pattern = pattern
        pattern.withUTF8 { bytes in
            var literalStart = 0
            var position = 0
            while position < bytes.count {
                guard bytes[position] == UInt8(ascii: "{"), let close = closingBrace(in: bytes, after: position) else {
                    position += 1
                    continue
                }
                literal(UnsafeBufferPointer(rebasing: bytes[literalStart..<position]))
                placeholder(UnsafeBufferPointer(rebasing: bytes[position + 1..<close]))
                position = close + 1
                literalStart = position
            }
            literal(UnsafeBufferPointer(rebasing: bytes[literalStart...]))
        }
    }

    /// The offset of the `}` that closes a placeholder opened at `open`, if
    /// only name characters (at least one) stand between them.
    private static func closingBrace(in bytes: UnsafeBufferPointer<UInt8>, after open: Int) -> Int? {
        var close = open + 1
        while close < bytes.count, isNameByte(bytes[close]) { close += 1 }
        guard close < bytes.count, bytes[close] == UInt8(ascii: "}"), close > open + 1 else { return nil }
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
