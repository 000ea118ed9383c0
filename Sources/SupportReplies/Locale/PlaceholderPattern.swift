/// A locale string with `{name}` placeholders (`"{family}{honorific} 您好,"`),
/// split once into literal text and placeholder names, so that filling it
/// (once or more per reply) does not scan the pattern again.
///
/// A placeholder is `{`, one or more ASCII letters, digits or `_`, then `}`;
/// any other brace is literal text. Locale validation rejects unknown names,
/// so filling never meets one in a validated locale; a hand-built pattern's
/// unknown placeholder is left as written.
struct PlaceholderPattern: Sendable, Equatable {
    /// The pattern as written.
    let text: String
    /// The literal text around the placeholders, empty runs included:
    /// `literals[i]` comes before `placeholders[i]`, and the last one ends
    /// the pattern. (Two arrays of strings rather than one of an enum of
    /// pieces: an array of a type of its own costs its set-up at start-up.)
    private let literals: [String]
    /// The placeholders' names, in order.
    private let placeholders: [String]

    /// The pattern's pieces, read from `text`.
    init(_ text: String) {
        var literals: [String] = []
        var placeholders: [String] = []
        var pattern = text
        pattern.withUTF8 { bytes in
            // At most one placeholder a `{`: each array is allocated once.
            let braces = bytes.count { $0 == UInt8(ascii: "{") }
            literals.reserveCapacity(braces + 1)
            placeholders.reserveCapacity(braces)
            Self.scan(
                bytes,
                literal: { literals.append(String(decoding: $0, as: UTF8.self)) },
                placeholder: { placeholders.append(String(decoding: $0, as: UTF8.self)) })
        }
        self.text = text
        self.literals = literals
        self.placeholders = placeholders
    }

    /// The first placeholder whose name is not among `known`, if any.
    func firstPlaceholder(notAmong known: [String]) -> String? {
        placeholders.first { !known.contains($0) }
    }

    /// Calls `literal` with each run of literal text that is not empty and
    /// `placeholder` with each placeholder's name, in the pattern's order.
    func forEachPiece(literal: (String) -> Void, placeholder: (String) -> Void) {
        for (text, name) in zip(literals, placeholders) {
            if !text.isEmpty { literal(text) }
            placeholder(name)
        }
        if let last = literals.last, !last.isEmpty { literal(last) }
    }

    /// The pattern with every placeholder replaced by `value(name)`; a name
    /// for which `value` returns `nil` stays as written.
    func fill(_ value: (String) -> String?) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 32)
        for (literal, name) in zip(literals, placeholders) {
            result += literal
            if let text = value(name) {
                result += text
            } else {
                result += "{" + name + "}"
            }
        }
        result += literals[literals.count - 1]
        return result
    }

    /// Calls `literal` for the bytes between placeholders and `placeholder`
    /// for each name's bytes, in a pattern's UTF-8 `bytes`. Braces and name
    /// characters are ASCII, so the scan cuts only at ASCII positions.
    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, literal: (UnsafeBufferPointer<UInt8>) -> Void,
        placeholder: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
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
