/// Splits template source into tokens: text cut at line ends, and tags.
///
/// The scanner alternates between two states: ``lexText()`` copies text up to
/// the next opening delimiter, then ``lexTag()`` reads one tag and dispatches
/// on its sigil. Set-delimiter tags change the delimiters for what follows.
struct Lexer {
    private let source: [UInt8]
    private var position = 0
    private var delimiters: Delimiters
    private var tokens: [Token] = []

    private init(source: [UInt8], delimiters: Delimiters) {
        self.source = source
        self.delimiters = delimiters
    }

    /// The tokens of `source`, lexed starting with `delimiters`.
    static func tokenize(_ source: [UInt8], delimiters: Delimiters) throws(SyntaxIssue) -> [Token] {
        var lexer = Lexer(source: source, delimiters: delimiters)
        while lexer.position < source.count {
            lexer.lexText()
            if lexer.position < source.count { try lexer.lexTag() }
        }
        return lexer.tokens
    }

    /// Text up to the next opening delimiter, one token per line.
    private mutating func lexText() {
        let end = source.firstIndex(of: delimiters.open, from: position) ?? source.count
        var start = position
        while start < end {
            let lineEnd = source[start..<end].firstIndex(of: ASCII.lineFeed).map { $0 + 1 } ?? end
            tokens.append(Token(kind: .text, range: start..<lineEnd))
            start = lineEnd
        }
        position = end
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
    }

    /// Variables and the tags named by a sigil (`& # ^ / > < $`).
    private mutating func lexNamedTag(start: Int, sigilAt: Int) throws(SyntaxIssue) {
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
        tokens.append(Token(kind: kind, range: start..<end, name: name, isDynamic: isDynamic, delimiters: delimiters))
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
        var upper = content.upperBound
        while upper > lower, ASCII.isBlank(source[upper - 1]) { upper -= 1 }
        guard lower < upper else { throw SyntaxIssue(offset: tagStart, message: "empty tag name") }
        if source[lower..<upper].contains(where: ASCII.isBlank) {
            let text = String(decoding: source[lower..<upper], as: UTF8.self)
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

/// The few ASCII bytes the engine looks at.
enum ASCII {
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// Space, tab, CR or LF: padding inside tags.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == lineFeed || byte == carriageReturn
    }
}

extension Array where Element == UInt8 {
    /// The first index at or after `start` where `pattern` occurs.
    func firstIndex(of pattern: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, pattern.count <= count else { return nil }
        var index = start
        let last = count - pattern.count
        while index <= last {
            if self[index] == first, self[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}
