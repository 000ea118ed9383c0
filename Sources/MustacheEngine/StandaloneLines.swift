/// The spec's "standalone" rule as a pass over tokens.
///
/// A line holding one non-interpolating tag and otherwise only blanks is
/// standalone: the blanks and the line ending go with the tag, and a partial
/// keeps the blanks before it as the indentation of every line it renders.
/// Parents and blocks (`~inheritance`) extend the rule to tag *pairs*: a
/// parent whose opening tag starts its line and whose closing tag ends its
/// line is standalone as a whole, and so is a block pair for the purpose of
/// indentation. What stands inside a parent tag outside its blocks is never
/// rendered, so a block argument's opening tag only needs to end its line and
/// its closing tag only to start one.
enum StandaloneLines {
    /// Records, for every tag, its line and whether only blanks stand between
    /// it and each end of that line.
    static func markClearance(_ tokens: UnsafeMutableBufferPointer<Token>, source: UnsafeBufferPointer<UInt8>) {
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count {
                lineEnd += 1
                if endsLine(tokens[lineEnd - 1], source: source) { break }
            }
            markLine(tokens, lineStart..<lineEnd, source: source)
            lineStart = lineEnd
        }
    }

    private static func markLine(_ tokens: UnsafeMutableBufferPointer<Token>, _ line: Range<Int>, source: UnsafeBufferPointer<UInt8>) {
        guard line.contains(where: { tokens[$0].isTag }) else { return }
        let firstSolid = line.first { !isBlankText(tokens[$0], source: source) }
        let lastSolid = line.last { !isBlankText(tokens[$0], source: source) }
        for index in line where tokens[index].isTag {
            tokens[index].layout.line = line
            tokens[index].layout.clearsLeft = index == firstSolid
            tokens[index].layout.clearsRight = index == lastSolid
        }
    }

    /// Drops the blanks and line endings that belong to standalone tags, and
    /// records the indentation of standalone partials, parents and blocks.
    static func dropStandaloneLines(_ tokens: UnsafeMutableBufferPointer<Token>) {
        for index in tokens.indices where tokens[index].isTag {
            switch tokens[index].kind {
            case .parentOpen: dropParentPair(tokens, open: index)
            case .blockOpen where tokens[index].layout.isArgument:
                if tokens[index].layout.clearsRight { dropTrailing(tokens, after: index) }
            case .blockOpen: dropParameterBlockOpen(tokens, open: index)
            case .close: dropClose(tokens, close: index)
            case .variable, .unescapedVariable, .text: continue
            case .sectionOpen, .invertedOpen, .comment, .setDelimiters, .partial:
                guard isStandalone(tokens[index]) else { continue }
                let leading = dropLine(tokens, of: index)
                if tokens[index].kind == .partial { tokens[index].layout.indentation = leading }
            }
        }
    }

    /// True when the tag is alone on its line.
    static func isStandalone(_ token: Token) -> Bool {
        token.layout.clearsLeft && token.layout.clearsRight
    }

    private static func dropParentPair(_ tokens: UnsafeMutableBufferPointer<Token>, open: Int) {
        let close = tokens[open].layout.partner
        guard tokens[open].layout.clearsLeft, tokens[close].layout.clearsRight else { return }
        tokens[open].layout.indentation = dropLeading(tokens, before: open)
        dropTrailing(tokens, after: close)
    }

    /// A parameter block's own tags follow the plain rule; the pair decides its
    /// indentation: the intrinsic indentation of its lines when it has one,
    /// else the blanks before an opening tag that starts its line, when the
    /// closing tag ends its line.
    private static func dropParameterBlockOpen(_ tokens: UnsafeMutableBufferPointer<Token>, open: Int) {
        let close = tokens[open].layout.partner
        if isStandalone(tokens[open]) { _ = dropLine(tokens, of: open) }
        guard tokens[open].layout.clearsLeft, tokens[close].layout.clearsRight else { return }
        let leading = dropLeading(tokens, before: open)
        tokens[open].layout.indentation = tokens[open].layout.intrinsicIndentation ?? leading
    }

    private static func dropClose(_ tokens: UnsafeMutableBufferPointer<Token>, close: Int) {
        let opener = tokens[tokens[close].layout.partner]
        if opener.kind == .parentOpen { return }  // decided with its opening tag
        if opener.kind == .blockOpen, opener.layout.isArgument {
            if tokens[close].layout.clearsLeft { _ = dropLeading(tokens, before: close) }
        } else if isStandalone(tokens[close]) {
            _ = dropLine(tokens, of: close)
        }
    }

    /// Drops the blanks on both sides of a tag and returns the range of those before it.
    private static func dropLine(_ tokens: UnsafeMutableBufferPointer<Token>, of index: Int) -> Range<Int> {
        dropTrailing(tokens, after: index)
        return dropLeading(tokens, before: index)
    }

    /// Drops the text between the start of the tag's line and the tag, which
    /// only blanks stand in, and returns its range in the source (empty when
    /// the tag starts its line).
    ///
    /// That text is at most one token: text is cut only at line ends and at
    /// tags, and a tag whose left is clear has neither before it on its line.
    private static func dropLeading(_ tokens: UnsafeMutableBufferPointer<Token>, before index: Int) -> Range<Int> {
        let previous = index - 1
        guard previous >= tokens[index].layout.line.lowerBound, tokens[previous].kind == .text else {
            return tokens[index].range.lowerBound..<tokens[index].range.lowerBound
        }
        tokens[previous].layout.isDropped = true
        return tokens[previous].range
    }

    /// Drops the text between the tag and the end of its line, the line ending included.
    private static func dropTrailing(_ tokens: UnsafeMutableBufferPointer<Token>, after index: Int) {
        for position in index + 1..<tokens[index].layout.line.upperBound where tokens[position].kind == .text {
            tokens[position].layout.isDropped = true
        }
    }

    /// A text token that ends with a line feed.
    static func endsLine(_ token: Token, source: UnsafeBufferPointer<UInt8>) -> Bool {
        token.kind == .text && !token.range.isEmpty && source[token.range.upperBound - 1] == ASCII.lineFeed
    }

    /// A text token of spaces and tabs, optionally ending in `\n` or `\r\n`.
    static func isBlankText(_ token: Token, source: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.kind == .text else { return false }
        var end = token.range.upperBound
        if end > token.range.lowerBound, source[end - 1] == ASCII.lineFeed {
            end -= 1
            if end > token.range.lowerBound, source[end - 1] == ASCII.carriageReturn { end -= 1 }
        }
        return source[token.range.lowerBound..<end].allSatisfy { $0 == ASCII.space || $0 == ASCII.tab }
    }
}
