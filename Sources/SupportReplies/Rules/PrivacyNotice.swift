/// A privacy notice: the block every reply ends with, exactly once.
public struct PrivacyNotice: Sendable, Equatable {
    /// The heading line (`隐私声明`, `Privacy Notice`).
    public let title: String
    /// The notice itself, possibly several paragraphs.
    public let text: String

    /// A notice from its title and text.
    public init(title: String, text: String) {
        self.title = title
        self.text = text
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
        var scalars = Array(text.unicodeScalars)
        var removedAny = false
        for notice in notices where notice.removeCopies(from: &scalars) {
            removedAny = true
        }
        guard removedAny else { return text }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }

    /// How many copies (tolerant matching) of this notice `text` holds.
    public func count(in text: String) -> Int {
        SignificantText(text).occurrences(of: SignificantText(self.text).scalars).count
    }

    /// Removes the copies of this notice; true when there was one.
    private func removeCopies(from scalars: inout [Unicode.Scalar]) -> Bool {
        let body = SignificantText(scalars)
        let needle = SignificantText(text).scalars
        let titleNeedle = SignificantText(title).scalars
        let closingPunctuation = Self.closingPunctuation(of: text)
        var spans: [NoticeSpan] = []
        var previousEnd = 0
        for start in body.occurrences(of: needle) {
            let end = start + needle.count
            let titleStart = start - titleNeedle.count
            let hasTitle =
                !titleNeedle.isEmpty && titleStart >= previousEnd
                && body.scalars[titleStart..<start].elementsEqual(titleNeedle)
                && NoticeSpan.startsLine(body, at: titleStart, in: scalars)
            spans.append(
                NoticeSpan(
                    body, from: hasTitle ? titleStart : start, to: end, closedBy: closingPunctuation, in: scalars))
            previousEnd = end
        }
        for span in spans.reversed() {
            span.remove(from: &scalars)
        }
        return !spans.isEmpty
    }

    /// The punctuation after the notice's last letter or digit (`。`),
    /// folded, without whitespace.
    private static func closingPunctuation(of text: String) -> [Unicode.Scalar] {
        let scalars = Array(text.unicodeScalars)
        let lastSignificant = SignificantText(scalars).origins.last ?? scalars.count - 1
        return scalars[(lastSignificant + 1)...]
            .filter { !$0.properties.isWhitespace }
            .map(SignificantText.foldedPunctuation)
    }
}
