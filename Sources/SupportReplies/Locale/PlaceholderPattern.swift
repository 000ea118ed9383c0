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
        scan(
            pattern,
            literal: { result.unicodeScalars.append(contentsOf: $0) },
            placeholder: { name in result += value(name) ?? "{\(name)}" })
        return result
    }

    private static func scan(
        _ pattern: String,
        literal: (Substring.UnicodeScalarView) -> Void,
        placeholder: (String) -> Void
    ) {
        let scalars = Substring(pattern).unicodeScalars
        var literalStart = scalars.startIndex
        var position = scalars.startIndex
        while position < scalars.endIndex {
            guard scalars[position] == "{", let close = closingBrace(in: scalars, after: position) else {
                position = scalars.index(after: position)
                continue
            }
            literal(scalars[literalStart..<position])
            placeholder(String(scalars[scalars.index(after: position)..<close]))
            position = scalars.index(after: close)
            literalStart = position
        }
        literal(scalars[literalStart..<scalars.endIndex])
    }

    /// The index of the `}` that closes a placeholder opened at `open`, if
    /// only name characters (at least one) stand between them.
    private static func closingBrace(
        in scalars: Substring.UnicodeScalarView, after open: Substring.UnicodeScalarView.Index
    ) -> Substring.UnicodeScalarView.Index? {
        var position = scalars.index(after: open)
        while position < scalars.endIndex, isNameScalar(scalars[position]) {
            position = scalars.index(after: position)
        }
        guard position < scalars.endIndex, scalars[position] == "}",
            position > scalars.index(after: open)
        else { return nil }
        return position
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_": return true
        default: return false
        }
    }
}
