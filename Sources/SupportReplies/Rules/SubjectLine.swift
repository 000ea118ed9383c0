/// A locale's subject rules (`subject` in the locale file).
public struct SubjectRules: Sendable, Equatable {
    /// The subject pattern; placeholders `{number}`, `{title}`, `{stage}`, `{token}`.
    public var format: String { formatPattern.text }
    /// Put in front of the subject of a reply in a thread (`回复: `, `RE: `).
    public let replyPrefix: String
    /// `format`, split into its pieces once.
    let formatPattern: PlaceholderPattern

    /// Rules from their parts.
    public init(format: String, replyPrefix: String) {
        self.init(formatPattern: PlaceholderPattern(format), replyPrefix: replyPrefix)
    }

    /// Rules from a pattern already split (a locale file's, as checked).
    init(formatPattern: PlaceholderPattern, replyPrefix: String) {
        self.formatPattern = formatPattern
        self.replyPrefix = replyPrefix
    }
}

/// The subject line of a case reply:
/// `[案例号: CAS-03282-J6Y6M6] % <title> % <stage> CMIT:0001866`.
public enum SubjectLine {
    /// The subject for a reply.
    ///
    /// The title first loses any reply/forward prefix chain and, when it is
    /// itself a whole earlier subject of this case (in any locale's format),
    /// everything but its title part. After the placeholders are filled,
    /// runs of whitespace become one space and the ends are trimmed (so an
    /// absent token leaves no trailing space). A reply gets exactly one
    /// `replyPrefix` in front.
    public static func make(
        number: String, title: String, stage: String, token: String?, isReply: Bool, rules: SubjectRules
    ) -> String {
        let title = bareTitle(title, number: number.trimmingWhitespace)
        let subject = rules.formatPattern.fill { placeholder in
            switch placeholder {
            case "number": return number
            case "title": return title
            case "stage": return stage
            case "token": return token ?? ""
            default: return nil
            }
        }.collapsingWhitespace
        return isReply ? rules.replyPrefix + subject : subject
    }

    /// `text` without its leading chain of reply and forward prefixes
    /// (`RE: 回复: Re[2]: 答复：AW: x` → `x`).
    ///
    /// A prefix is one of RE, AW, SV, VS, ANTW, FW, FWD, WG (any ASCII case),
    /// 回复, 答复, 回覆, 答覆, 转发, optionally followed by a count in `[ ]`
    /// or `( )`, then an ASCII or full-width colon; spaces may stand around
    /// it. Text without such a prefix is returned unchanged.
    public static func strippingReplyPrefixes(_ text: String) -> String {
        var rest = Substring(text)
        while let next = afterReplyPrefix(rest) {
            rest = next
        }
        return String(rest)
    }

    private static let prefixWords: Set<String> = [
        "re", "aw", "sv", "vs", "antw", "fw", "fwd", "wg", "回复", "答复", "回覆", "答覆", "转发",
    ]

    /// The most scalars a prefix word has (`antw`).
    private static let maxPrefixWordLength = 4

    /// The text after one leading prefix and the spaces following it, if
    /// `text` starts with one.
    private static func afterReplyPrefix(_ text: Substring) -> Substring? {
        let scalars = text.unicodeScalars
        var position = scalars.firstIndex { !$0.isWhitespace } ?? scalars.endIndex
        let wordStart = position
        var length = 0
        while position < scalars.endIndex, length <= maxPrefixWordLength, isAlphabetic(scalars[position]) {
            position = scalars.index(after: position)
            length += 1
        }
        // A longer word (most titles start with one) is no prefix: stop before building a String of it.
        guard length <= maxPrefixWordLength, prefixWords.contains(String(scalars[wordStart..<position]).lowercased()) else {
            return nil
        }
        position = afterCount(scalars, from: position)
        position = scalars[position...].firstIndex { !$0.isWhitespace } ?? scalars.endIndex
        guard position < scalars.endIndex, scalars[position] == ":" || scalars[position] == "：" else { return nil }
        position = scalars.index(after: position)
        let next = scalars[position...].firstIndex { !$0.isWhitespace } ?? scalars.endIndex
        return Substring(scalars[next...])
    }

    /// The Alphabetic property, answered without a table look-up for ASCII
    /// and the CJK Unified Ideographs (what titles mostly start with).
    private static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x4E00...0x9FFF: return true
        case 0..<0x80: return false
        default: return scalar.properties.isAlphabetic
        }
    }

    /// The position after a `[2]` or `(2)` reply count at `position`, else `position`.
    private static func afterCount(
        _ scalars: Substring.UnicodeScalarView, from position: Substring.UnicodeScalarView.Index
    ) -> Substring.UnicodeScalarView.Index {
        guard position < scalars.endIndex else { return position }
        let close: Unicode.Scalar
        switch scalars[position] {
        case "[": close = "]"
        case "(": close = ")"
        default: return position
        }
        var cursor = scalars.index(after: position)
        let digitsStart = cursor
        while cursor < scalars.endIndex, ("0"..."9").contains(scalars[cursor]) {
            cursor = scalars.index(after: cursor)
        }
        guard cursor > digitsStart, cursor < scalars.endIndex, scalars[cursor] == close else { return position }
        return scalars.index(after: cursor)
    }

    /// The title with prefix chains and earlier-subject wrappers removed,
    /// repeatedly; the trimmed title itself if nothing would be left.
    private static func bareTitle(_ title: String, number: String) -> String {
        var current = strippingReplyPrefixes(title).trimmingWhitespace
        while let inner = titleOfEarlierSubject(current, number: number) {
            current = strippingReplyPrefixes(inner).trimmingWhitespace
        }
        return current.isEmpty ? title.trimmingWhitespace : current
    }

    /// The title part `T` when `text` is a whole earlier subject of case
    /// `number`: `[<label>: <number>] % T % <stage> <token>`, with or
    /// without spaces around `%` (ASCII or full-width), the stage part
    /// optional. `T` is everything between the first and the last `%`, so a
    /// title may contain `%` itself.
    private static func titleOfEarlierSubject(_ text: String, number: String) -> String? {
        guard text.first == "[", let close = text.firstIndex(of: "]") else { return nil }
        let label = text[text.index(after: text.startIndex)..<close]
        let labelWords = label.split { $0.isWhitespace || $0 == ":" || $0 == "：" }
        guard !number.isEmpty, labelWords.contains(where: { $0 == number }) else { return nil }
        let afterLabel = text[text.index(after: close)...].drop { $0.isWhitespace }
        guard let first = afterLabel.first, isPercent(first) else { return nil }
        let rest = afterLabel.dropFirst()
        let inner = rest.lastIndex(where: isPercent).map { rest[..<$0] } ?? rest
        return inner.nonBlank
    }

    private static func isPercent(_ character: Character) -> Bool {
        character == "%" || character == "％"
    }
}
