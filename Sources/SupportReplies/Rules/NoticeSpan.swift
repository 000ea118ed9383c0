/// Where one copy of a notice sits in a text (UTF-8 offsets), and how much
/// around it goes when it is removed.
struct NoticeSpan {
    /// The bytes to remove.
    let range: Range<Int>
    /// True when `range` covers whole lines, so separator and blank lines
    /// around it are tidied too.
    private let coversWholeLines: Bool

    /// The span of the significant characters `start..<end` of `body`,
    /// widened to whole lines when nothing significant shares their first
    /// and last lines, and then to the separator lines just above. Inside
    /// a line, the span takes the notice's `closingPunctuation` (`。`) when
    /// it follows, in any width.
    init(
        _ body: SignificantText, from start: Int, to end: Int, closedBy closingPunctuation: [Unicode.Scalar],
        in text: UnsafeBufferPointer<UInt8>
    ) {
        let first = body.origins[start]
        let last = body.origins[end - 1]
        let lines = TextLines(text)
        let lineEnd = lines.end(of: last)
        let endsLine = end == body.origins.count || body.origins[end] >= lineEnd
        guard Self.startsLine(body, at: start, in: text), endsLine else {
            var upper = last + text.scalar(at: last).length
            for expected in closingPunctuation {
                guard upper < text.count else { break }
                let (scalar, length) = text.scalar(at: upper)
                guard SignificantText.foldedPunctuation(scalar) == expected else { break }
                upper += length
            }
            range = first..<upper
            coversWholeLines = false
            return
        }
        range = lines.startOfSeparatorsAbove(lines.start(of: first))..<lineEnd
        coversWholeLines = true
    }

    /// True when nothing significant stands before significant character
    /// `index` of `body` on its line.
    static func startsLine(_ body: SignificantText, at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        index == 0 || body.origins[index - 1] < TextLines(text).start(of: body.origins[index])
    }

    /// Removes the span (UTF-8 offsets, each the start of a scalar); for
    /// whole lines, the blank lines around it shrink to one, or to none at
    /// the start or end of the text.
    func remove(from text: inout String) {
        let removed = coversWholeLines ? text.withUTF8 { tidiedRange(in: $0) } : range
        let start = text.utf8.startIndex
        text.removeSubrange(text.utf8.index(start, offsetBy: removed.lowerBound)..<text.utf8.index(start, offsetBy: removed.upperBound))
    }

    /// The whole lines of the span with the blank lines around it, less one
    /// of them unless the span is at the start or end of the UTF-8 `text`.
    private func tidiedRange(in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let lines = TextLines(text)
        let blankStart = lines.startOfBlankLines(above: range.lowerBound)
        let blankEnd = lines.endOfBlankLines(below: range.upperBound)
        if blankStart == 0 || blankEnd == text.count {
            return blankStart..<blankEnd
        } else if blankEnd > range.upperBound {
            return blankStart..<lines.start(of: blankEnd - 1)  // keeps the last blank line below
        } else if blankStart < range.lowerBound {
            return lines.end(of: blankStart)..<range.upperBound  // keeps the first blank line above
        } else {
            return range
        }
    }
}
