/// What the lexer produces: the tokens, and the table their `delimiters`
/// indices refer to.
struct LexedTemplate: ~Copyable {
    let tokens: TokenList
    let delimiters: DelimiterTable
}

/// Splits template source into tokens: text cut at line ends, and tags.
///
/// The scanner alternates between two states: ``lexText()`` cuts text up to
/// the next opening delimiter, then ``lexTag()`` reads one tag and dispatches
/// on its sigil. Set-delimiter tags change the delimiters for what follows.
///
/// It reads the source through a buffer pointer valid for the duration of
/// ``tokenize(_:delimiters:)``, the caller's.
struct Lexer: ~Copyable {
    private let source: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// The delimiters in force, the last entry of `delimiterTable`.
    private var delimiters: Delimiters
    private var delimiterTable: DelimiterTable
    private var tokens: TokenList

    private init(source: UnsafeBufferPointer<UInt8>, delimiters: Delimiters) {
        self.source = source
        self.delimiters = delimiters
        delimiterTable = DelimiterTable(starting: delimiters)
        tokens = TokenList(capacity: source.count / Self.bytesPerToken + 1)
    }

    /// A low guess of the source bytes per token (templates run 5 to 20), so
    /// that the token array seldom grows; it is freed when parsing ends.
    private static let bytesPerToken = 8

    /// The tokens of `source`, lexed starting with `delimiters`.
    static func tokenize(
        _ source: UnsafeBufferPointer<UInt8>, delimiters: Delimiters
    ) throws(SyntaxIssue) -> LexedTemplate {
        var lexer = Lexer(source: source, delimiters: delimiters)
        while lexer.position < source.count {
            lexer.lexText()
            if lexer.position < source.count { try lexer.lexTag() }
        }
        return LexedTemplate(tokens: lexer.tokens, delimiters: lexer.delimiterTable)
    }

    /// Text up to the next opening delimiter, one token per line.
    private mutating func lexText() {
        let open = delimiters.open
        var start = position
        var index = source.firstIndex(of: ASCII.lineFeed, or: open[0], from: position)
        while index < source.count {
            if source[index] == ASCII.lineFeed {
                tokens.append(Token(kind: .text, range: start..<index + 1))
                start = index + 1
            } else if source.hasPrefix(open, at: index) {
                break
            }
            index = source.firstIndex(of: ASCII.lineFeed, or: open[0], from: index + 1)
        }
        if start < index { tokens.append(Token(kind: .text, range: start..<index)) }
        position = index
    }

    /// One tag, starting at an opening delimiter.
    private mutating func lexTag() throws(SyntaxIssue) {
        let start = position
        let afterOpen = start + delimiters.open.count
        switch afterOpen < source.count ? source[afterOpen] : 0 {
        case UInt8(ascii: "{"): try lexTripleMustache(start: start, contentStart: afterOpen + 1)
        case UInt8(ascii: "="): try lexSetDelimiters(start: start, contentStart: afterOpen + 1)
        case UInt8(ascii: "!"): try lexComment(start: start)
        default: try lexNamedTag(start: start, sigilAt: afterOpen)
        }
    }

    /// `{{{name}}}`: closes with `}` followed by the closing delimiter.
    private mutating func lexTripleMustache(start: Int, contentStart: Int) throws(SyntaxIssue) {
        let end = try closingIndex(of: [UInt8(ascii: "}")] + delimiters.close, from: contentStart, tagStart: start)
        let name = try validName(contentStart..<end, tagStart: start)
        emitTag(.unescapedVariable, start: start, end: end + 1 + delimiters.close.count, name: name)
    }

    /// `{{! … }}`: anything up to the closing delimiter, newlines included.
    private mutating func lexComment(start: Int) throws(SyntaxIssue) {
        let end = try closingIndex(of: delimiters.close, from: start + delimiters.open.count, tagStart: start)
        emitTag(.comment, start: start, end: end + delimiters.close.count, name: 0..<0)
    }

    /// `{{=<% %>=}}`: two blank-separated delimiters, neither blank nor containing `=`.
    private mutating func lexSetDelimiters(start: Int, contentStart: Int) throws(SyntaxIssue) {
        let end = try closingIndex(of: [UInt8(ascii: "=")] + delimiters.close, from: contentStart, tagStart: start)
        let parts = source[contentStart..<end].split(whereSeparator: ASCII.isBlank)
        guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
            throw SyntaxIssue(
                offset: start,
                message: "bad set-delimiter tag: expected two delimiters without '=', as in {{=<% %>=}}")
        }
        emitTag(.setDelimiters, start: start, end: end + 1 + delimiters.close.count, name: 0..<0)
        delimiters = Delimiters(open: Array(parts[0]), close: Array(parts[1]))
        delimiterTable.append(delimiters)
    }

    /// Variables and the tags named by a sigil (`& # ^ / > < $`).
    private mutating func lexNamedTag(start: Int, sigilAt: Int) throws(SyntaxIssue) {
        if let tag = scanWellFormedTag(sigilAt: sigilAt) {
            emitTag(tag.kind, start: start, end: tag.close + delimiters.close.count, name: tag.name, isDynamic: tag.isDynamic)
        } else {
            try lexNamedTagInFull(start: start, sigilAt: sigilAt)
        }
    }

    /// The usual named tag, read in one pass over its name: sigil, padding,
    /// name, padding, closing delimiter, where no byte before the closing
    /// delimiter could start one (so it is the first occurrence, as
    /// ``lexNamedTagInFull(start:sigilAt:)`` would find). `nil` for anything
    /// else, which that reads and reports.
    private func scanWellFormedTag(sigilAt: Int) -> (kind: Token.Kind, name: Range<Int>, isDynamic: Bool, close: Int)? {
        let close = delimiters.close
        guard sigilAt < source.count, source[sigilAt] != close[0] else { return nil }
        let kind = Self.kind(ofSigil: source[sigilAt])
        var nameStart = skipBlanks(from: kind == nil ? sigilAt : sigilAt + 1, to: source.count)
        var isDynamic = false
        if kind == .partial || kind == .parentOpen || kind == .close, nameStart < source.count,
            source[nameStart] == UInt8(ascii: "*")
        {
            guard close[0] != UInt8(ascii: "*") else { return nil }
            isDynamic = true
            nameStart = skipBlanks(from: nameStart + 1, to: source.count)
        }
        let nameEnd = source.firstIndex(ofBlankOr: close[0], from: nameStart)
        let closeStart = skipBlanks(from: nameEnd, to: source.count)
        guard nameStart < nameEnd, source.hasPrefix(close, at: closeStart) else { return nil }
        return (kind ?? .variable, nameStart..<nameEnd, isDynamic, closeStart)
    }

    /// A named tag read step by step: find the closing delimiter, then
    /// check the name between, reporting what is wrong.
    private mutating func lexNamedTagInFull(start: Int, sigilAt: Int) throws(SyntaxIssue) {
        let end = try closingIndex(of: delimiters.close, from: sigilAt, tagStart: start)
        let kind = sigilAt < end ? Self.kind(ofSigil: source[sigilAt]) : nil
        var contentStart = kind == nil ? sigilAt : sigilAt + 1
        var isDynamic = false
        if kind == .partial || kind == .parentOpen || kind == .close {
            contentStart = skipBlanks(from: contentStart, to: end)
            if contentStart < end, source[contentStart] == UInt8(ascii: "*") {
                isDynamic = true
                contentStart += 1
            }
        }
        let name = try validName(contentStart..<end, tagStart: start)
        emitTag(kind ?? .variable, start: start, end: end + delimiters.close.count, name: name, isDynamic: isDynamic)
    }

    private static func kind(ofSigil sigil: UInt8) -> Token.Kind? {
        switch sigil {
        case UInt8(ascii: "&"): return .unescapedVariable
        case UInt8(ascii: "#"): return .sectionOpen
        case UInt8(ascii: "^"): return .invertedOpen
        case UInt8(ascii: "/"): return .close
        case UInt8(ascii: ">"): return .partial
        case UInt8(ascii: "<"): return .parentOpen
        case UInt8(ascii: "$"): return .blockOpen
        default: return nil
        }
    }

    private mutating func emitTag(_ kind: Token.Kind, start: Int, end: Int, name: Range<Int>, isDynamic: Bool = false) {
        tokens.append(
            Token(kind: kind, range: start..<end, name: name, isDynamic: isDynamic, delimiters: delimiterTable.lastIndex))
        position = end
    }

    /// Where `closing` starts, or an "unclosed tag" issue at the tag.
    private func closingIndex(of closing: [UInt8], from start: Int, tagStart: Int) throws(SyntaxIssue) -> Int {
        guard let index = source.firstIndex(of: closing, from: start) else {
            throw SyntaxIssue(offset: tagStart, message: "unclosed tag: no '\(String(decoding: closing, as: UTF8.self))' after it")
        }
        return index
    }

    /// The tag content with padding trimmed; it must be non-empty and contain no blanks.
    private func validName(_ content: Range<Int>, tagStart: Int) throws(SyntaxIssue) -> Range<Int> {
        let lower = skipBlanks(from: content.lowerBound, to: content.upperBound)
        var upper = lower
        while upper < content.upperBound, !ASCII.isBlank(source[upper]) { upper += 1 }
        guard lower < upper else { throw SyntaxIssue(offset: tagStart, message: "empty tag name") }
        guard skipBlanks(from: upper, to: content.upperBound) == content.upperBound else {
            var end = content.upperBound
            while ASCII.isBlank(source[end - 1]) { end -= 1 }
            let text = String(decoding: source[lower..<end], as: UTF8.self)
            throw SyntaxIssue(offset: tagStart, message: "tag name '\(text)' contains whitespace")
        }
        return lower..<upper
    }

    private func skipBlanks(from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, ASCII.isBlank(source[index]) { index += 1 }
        return index
    }
}
