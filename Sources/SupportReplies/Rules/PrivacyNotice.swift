/// A privacy notice: the block every reply ends with, exactly once.
public struct PrivacyNotice: Sendable, Equatable {
    /// The heading line (`隐私声明`, `Privacy Notice`).
    public let title: String
    /// The notice itself, possibly several paragraphs.
    public let text: String
    /// The notice reduced for matching, computed once.
    private let pattern: Pattern

    /// A notice from its title and text.
    public init(title: String, text: String) {
        self.title = title
        self.text = text
        self.pattern = Pattern(title: title, text: text)
    }

    public static func == (lhs: PrivacyNotice, rhs: PrivacyNotice) -> Bool {
        lhs.title == rhs.title && lhs.text == rhs.text
    }

    /// `text` with every copy of any of `notices` removed, tolerant of
    /// re-wrapping.
    ///
    /// A copy is found by its significant characters only (see
    /// `SignificantText`), so moved line breaks, extra spaces, changed list
    /// markers, full- or half-width punctuation and `> ` quoting do not hide
    /// it. When a copy fills whole lines, those lines go, together with the
    /// notice's title line and separator lines (`-----`) just above it, and
    /// the blank lines left around it shrink to one (none at the start or
    /// end of the text). A copy inside a line removes just its characters.
    /// Everything else stays byte for byte.
    public static func removingCopies(of notices: [PrivacyNotice], from text: String) -> String {
        var bytes = Array(text.utf8)
        let body = bytes.withUnsafeBufferPointer(SignificantText.init)
        var spans = notices.flatMap { $0.spans(in: body, of: bytes) }
        guard !spans.isEmpty else { return text }
        // Last first, so earlier positions stay valid; a span overlapping one already removed is skipped.
        spans.sort { $0.range.lowerBound > $1.range.lowerBound }
        var removedFrom = Int.max
        for span in spans where span.range.upperBound <= removedFrom {
            span.remove(from: &bytes)
            removedFrom = span.range.lowerBound
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// How many copies (tolerant matching) of this notice `text` holds.
    public func count(in text: String) -> Int {
        SignificantText(text).occurrences(of: pattern.needle).count
    }

    /// The spans of this notice's copies in the UTF-8 `text` (whose significant text is `body`).
    private func spans(in body: SignificantText, of text: [UInt8]) -> [NoticeSpan] {
        var spans: [NoticeSpan] = []
        var previousEnd = 0
        for start in body.occurrences(of: pattern.needle) {
            let end = start + pattern.needle.count
            let titleStart = start - pattern.title.count
            let hasTitle =
                !pattern.title.isEmpty && titleStart >= previousEnd
                && body.scalars[titleStart..<start].elementsEqual(pattern.title)
                && NoticeSpan.startsLine(body, at: titleStart, in: text)
            spans.append(
                NoticeSpan(body, from: hasTitle ? titleStart : start, to: end, closedBy: pattern.closing, in: text))
            previousEnd = end
        }
        return spans
    }

    /// A notice's significant characters, its title's, and the punctuation after its last letter.
    struct Pattern: Sendable {
        let needle: [Unicode.Scalar]
        let title: [Unicode.Scalar]
        let closing: [Unicode.Scalar]

        init(title: String, text: String) {
            if let known = BuiltInFiles.noticePattern(title: title, text: text) {  // a built-in notice: worked out ahead
                self.init(
                    needle: Array(known.needle.unicodeScalars), title: Array(known.title.unicodeScalars),
                    closing: Array(known.closing.unicodeScalars))
            } else {
                self.init(computing: title, text)
            }
        }

        /// The pattern worked out from the notice.
        init(computing title: String, _ text: String) {
            let significant = SignificantText(text)
            // The punctuation after the notice's last letter or digit (`。`), folded, without whitespace.
            let bytes = Array(text.utf8)
            let afterLastSignificant = significant.origins.last.map { $0 + bytes.scalar(at: $0).length } ?? bytes.count
            self.init(
                needle: significant.scalars, title: SignificantText(title).scalars,
                closing: String(decoding: bytes[afterLastSignificant...], as: UTF8.self).unicodeScalars
                    .filter { !$0.isWhitespace }
                    .map(SignificantText.foldedPunctuation))
        }

        private init(needle: [Unicode.Scalar], title: [Unicode.Scalar], closing: [Unicode.Scalar]) {
            self.needle = needle
            self.title = title
            self.closing = closing
        }
    }
}
