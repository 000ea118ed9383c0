/// Block re-indentation (`~inheritance`): a block's text is written at one
/// indentation and rendered at another.
///
/// A block whose opening tag ends its line has an *intrinsic indentation*:
/// the blanks that start the line after that tag. Those blanks are removed
/// from the start of every line of the block where it is defined, and the
/// renderer adds the indentation of the place where the block is expanded.
/// For an argument (a block inside a parent tag) the opening tag only has to
/// end its line; a parameter (a block elsewhere) needs its opening tag alone
/// on its line and its closing tag at the end of one.
///
/// Blocks are handled outermost first, so a nested block measures its
/// intrinsic indentation after the enclosing block's has been removed.
enum BlockIndentation {
    static func reindent(_ tokens: UnsafeMutableBufferPointer<Token>, source: UnsafeBufferPointer<UInt8>) {
        for open in tokens.indices where tokens[open].kind == .blockOpen && hasIntrinsicIndentation(tokens, open) {
            let firstLine = tokens[open].layout.line.upperBound
            let close = tokens[open].layout.partner
            let intrinsic = leadingBlanks(of: tokens[firstLine], source: source)
            tokens[open].layout.intrinsicIndentation = intrinsic
            if !intrinsic.isEmpty { removeIndentation(intrinsic, from: tokens, in: firstLine..<close, source: source) }
        }
    }

    private static func hasIntrinsicIndentation(_ tokens: UnsafeMutableBufferPointer<Token>, _ open: Int) -> Bool {
        let layout = tokens[open].layout
        if layout.isArgument { return layout.clearsRight }
        return layout.clearsLeft && layout.clearsRight && tokens[layout.partner].layout.clearsRight
    }

    /// Removes the `indentation` bytes of the source (or as much of them as
    /// is there) from the start of each line that begins in `range`, the
    /// first token starting a line.
    private static func removeIndentation(
        _ indentation: Range<Int>, from tokens: UnsafeMutableBufferPointer<Token>, in range: Range<Int>, source: UnsafeBufferPointer<UInt8>
    ) {
        var startsLine = true
        for index in range {
            if startsLine, tokens[index].kind == .text {
                let text = tokens[index].range
                let common = zip(source[text], source[indentation]).prefix(while: { $0 == $1 }).count
                tokens[index].range = text.lowerBound + common..<text.upperBound
            }
            startsLine = StandaloneLines.endsLine(tokens[index], source: source)
        }
    }

    /// The range of the spaces and tabs that start a text token (empty for a tag).
    private static func leadingBlanks(of token: Token, source: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let start = token.range.lowerBound
        guard token.kind == .text else { return start..<start }
        var end = start
        while end < token.range.upperBound, source[end] == ASCII.space || source[end] == ASCII.tab { end += 1 }
        return start..<end
    }
}
