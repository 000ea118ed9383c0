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
        var text = text
        var spans = text.withUTF8 { bytes in Self.spans(of: notices, in: bytes) }
        guard !spans.isEmpty else { return text }
        // Last first, so earlier positions stay valid; a span overlapping one already removed is skipped.
        // Removed from the string itself: its bytes are known to be valid UTF-8, a new string's are checked.
        spans.sort { $0.range.lowerBound > $1.range.lowerBound }
        var removedFrom = Int.max
        for span in spans where span.range.upperBound <= removedFrom {
            span.remove(from: &text)
            removedFrom = span.range.lowerBound
        }
        return text
    }

    /// The spans of the copies of `notices` in the UTF-8 `text`, notice by notice.
    private static func spans(of notices: [PrivacyNotice], in text: UnsafeBufferPointer<UInt8>) -> [NoticeSpan] {
        // Most texts hold no copy: a cheap look proves it, and the text is returned as it is.
        var firstStart = Int.max
        var titleLength = 0
        let candidates = notices.filter { notice in
            guard let start = notice.pattern.firstPossibleStart(in: text) else { return false }
            firstStart = min(firstStart, start)
            titleLength = max(titleLength, notice.pattern.title.count)
            return true
        }
        guard !candidates.isEmpty else { return [] }
        // No copy starts before `firstStart`: the text above it is folded only as far as a title needs.
        let searchStart = SignificantText.lineStart(keeping: titleLength, before: firstStart, in: text)
        let body = SignificantText(text, from: searchStart)
        return candidates.flatMap { $0.spans(in: body, of: text) }
    }

    /// How many copies (tolerant matching) of this notice `text` holds.
    public func count(in text: String) -> Int {
        SignificantText(text).occurrences(of: pattern.needle).count
    }

    /// The spans of this notice's copies in the UTF-8 `text` (whose significant text is `body`).
    private func spans(in body: SignificantText, of text: UnsafeBufferPointer<UInt8>) -> [NoticeSpan] {
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

    /// A notice's significant characters, its title's, and the punctuation
    /// after its last letter; and what a cheap first look needs.
    struct Pattern: Sendable {
        let needle: [Unicode.Scalar]
        let title: [Unicode.Scalar]
        let closing: [Unicode.Scalar]
        /// The needle's UTF-8 length: a copy takes at least that many bytes
        /// (see `SignificantText`).
        private let minimumLength: Int
        /// The bytes a scalar folding to the needle's first scalar can start
        /// with (at most four).
        private let firstBytes: [UInt8]
        /// How many of the needle's scalars the first look compares.
        private static let probeLength = 16

        init(title: String, text: String) {
            if let known = BuiltInFiles.noticePattern(title: title, text: text) {  // a built-in notice: worked out ahead
                self.init(
                    needle: known.needle, needleLength: known.needleLength,
                    title: Array(scalarsOf: known.title), closing: Array(scalarsOf: known.closing))
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
                needle: significant.scalars, needleLength: significant.scalars.reduce(0) { $0 + $1.utf8.count },
                title: SignificantText(title).scalars,
                closing: String(decoding: bytes[afterLastSignificant...], as: UTF8.self).unicodeScalars
                    .filter { !$0.isWhitespace }
                    .map(SignificantText.foldedPunctuation))
        }

        /// The pattern from its parts; `needleLength` is the needle's UTF-8 length.
        private init(
            needle: [Unicode.Scalar], needleLength: Int, title: [Unicode.Scalar], closing: [Unicode.Scalar]
        ) {
            self.needle = needle
            self.title = title
            self.closing = closing
            self.minimumLength = needleLength
            self.firstBytes = Self.leadBytes(folding: needle.first)
        }

        /// The offset of the first scalar where a copy of the needle may
        /// start in the UTF-8 `bytes`: no copy starts before it. Nil when
        /// they certainly hold none. One pass over at most their first
        /// `count - minimumLength + 1` bytes: a copy takes at least
        /// `minimumLength` bytes, and starts with a scalar folding to the
        /// needle's first, followed by the needle's next significant scalars
        /// (this first look compares `probeLength` of them). An offset sends
        /// the text on to the full search.
        func firstPossibleStart(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            guard !needle.isEmpty, bytes.count >= minimumLength else { return nil }
            let prefix = needle.prefix(Self.probeLength)
            let end = bytes.count - minimumLength + 1
            var offset = 0
            while let candidate = firstOfFirstBytes(in: bytes, from: offset, below: end) {
                if mayFoldToFirst(at: candidate, in: bytes), SignificantText.mayStart(with: prefix, at: candidate, in: bytes) {
                    return candidate
                }
                offset = candidate + 1
            }
            return nil
        }

        /// False when the scalar at `offset` surely does not start a copy: it
        /// folds to something other than the needle's first scalar (two
        /// digits, ⑫, may hold it second). The first step of
        /// `SignificantText.mayStart`, here in line: most scalars found by
        /// their first byte (`为` shares its lead byte with many ideographs,
        /// `，` with every full-width form) go no further.
        private func mayFoldToFirst(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let folded = SignificantText.fold(bytes.scalar(at: offset).scalar)
            return folded.count == 2 || folded.count == 1 && folded.first == needle[0]
        }

        /// The first offset from `start` below `end` holding one of
        /// `firstBytes` (each an ASCII byte or a lead byte, so the start of
        /// a scalar), or nil. Sixteen bytes at a time, as two words in a
        /// vector register: for each byte looked for, a word XOR it has a
        /// zero byte where it stands, and the zero test flags the high bit
        /// of that byte (bytes above a zero may be flagged falsely, by a
        /// borrow within the word; the lowest flag is exact).
        @inline(__always)
        private func firstOfFirstBytes(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, below end: Int) -> Int? {
            var offset = start
            if let base = bytes.baseAddress {
                while offset < end, offset + 16 <= bytes.count {
                    let words = UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD2<UInt64>.self)
                    var flags = SIMD2<UInt64>()
                    for byte in firstBytes {
                        let zeroWhereEqual = words ^ SIMD2(repeating: UInt64(byte) &* Self.everyByte)
                        flags |= (zeroWhereEqual &- Self.everyByte) & ~zeroWhereEqual & (Self.everyByte &* 0x80)
                    }
                    if flags != .zero {
                        // Little-endian: the lowest byte of the first word is the first.
                        let found = offset + (flags[0] != 0 ? flags[0].trailingZeroBitCount : 64 + flags[1].trailingZeroBitCount) / 8
                        return found < end ? found : nil
                    }
                    offset += 16
                }
            }
            while offset < end {
                if firstBytes.contains(bytes[offset]) { return offset }
                offset += 1
            }
            return nil
        }

        /// One in every byte of a word.
        private static let everyByte: UInt64 = 0x0101_0101_0101_0101

        /// The first bytes of the scalars that fold to `scalar`: a letter or
        /// digit, its capital, and the lead bytes of full-width forms
        /// (U+FF01…, EF) and list numbers (U+2460…, E2); any other scalar
        /// only folds from itself.
        private static func leadBytes(folding scalar: Unicode.Scalar?) -> [UInt8] {
            guard let scalar else { return [] }
            guard scalar.isASCII else { return [scalar.utf8[0]] }
            let capital: [UInt8] = ("a"..."z").contains(scalar) ? [UInt8(scalar.value) - 0x20] : []
            return [UInt8(scalar.value)] + capital + [0xE2, 0xEF]
        }
    }
}
