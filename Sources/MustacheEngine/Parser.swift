/// Compiles template source into a ``Node`` tree.
///
/// The work runs as passes over one ``TokenList``: lex, pair opening and
/// closing tags (checking their nesting), re-indent blocks, drop standalone
/// lines, then build the tree. Each pass is small and only the last one
/// allocates nodes. The passes read the source through one buffer pointer,
/// valid while ``parse(_:text:delimiters:)`` runs.
enum Parser {
    /// What parsing makes of a template: its tree, and the templates the tree
    /// includes with `{{>name}}` or extends with `{{<name}}`.
    struct Parsed {
        let nodes: [Node]
        /// The static names of partial and parent tags.
        let partialNames: Set<String>
        /// True when a partial or parent tag names its template by a path.
        let usesDynamicPartials: Bool
    }

    /// The tree of `source`, whose text is `text` as a string (text nodes
    /// are slices of it).
    static func parse(_ source: [UInt8], text: String, delimiters: Delimiters) throws(SyntaxIssue) -> Parsed {
        try source.withUnsafeBufferPointer { source throws(SyntaxIssue) in
            let lexed = try Lexer.tokenize(source, delimiters: delimiters)
            return try lexed.tokens.withTokens { tokens throws(SyntaxIssue) in
                try pairTags(tokens, source: source)
                StandaloneLines.markClearance(tokens, source: source)
                BlockIndentation.reindent(tokens, source: source)
                StandaloneLines.dropStandaloneLines(tokens)
                let paths = PathTable(tokens: tokens, source: source)
                var builder = TreeBuilder(
                    source: source, sourceText: text, tokens: UnsafeBufferPointer(tokens), delimiters: lexed.delimiters,
                    paths: paths)
                let nodes = builder.nodes(in: 0..<tokens.count)
                return Parsed(
                    nodes: nodes, partialNames: builder.partialNames, usesDynamicPartials: builder.usesDynamicPartials)
            }
        }
    }

    /// Links opening and closing tags; marks blocks directly inside parents as arguments.
    ///
    /// The tags left open form a stack kept in the tokens themselves: while
    /// a tag is open, its `partner` is the enclosing open tag (-1 for none),
    /// and its closing tag replaces that link.
    ///
    /// Errors: a closing tag with nothing open, a closing tag naming another
    /// section than the innermost open one, and a section left open at the end.
    static func pairTags(_ tokens: UnsafeMutableBufferPointer<Token>, source: UnsafeBufferPointer<UInt8>) throws(SyntaxIssue) {
        var innermost = -1
        for index in tokens.indices {
            switch tokens[index].kind {
            case .sectionOpen, .invertedOpen, .parentOpen, .blockOpen:
                if tokens[index].kind == .blockOpen, innermost >= 0, tokens[innermost].kind == .parentOpen {
                    tokens[index].layout.isArgument = true
                }
                tokens[index].layout.partner = innermost
                innermost = index
            case .close:
                let name = tokens[index].name
                let opener = innermost
                guard opener >= 0 else {
                    throw SyntaxIssue(
                        offset: tokens[index].range.lowerBound,
                        message: "closing tag '\(text(name, source))' has no open section")
                }
                let expected = tokens[opener].name
                guard source.bytes(expected, equal: name) else {
                    throw SyntaxIssue(
                        offset: tokens[index].range.lowerBound,
                        message: "mismatched close: expected '\(text(expected, source))', found '\(text(name, source))'")
                }
                innermost = tokens[opener].layout.partner
                tokens[opener].layout.partner = index
                tokens[index].layout.partner = opener
            default: continue
            }
        }
        if innermost >= 0 {
            let token = tokens[innermost]
            throw SyntaxIssue(offset: token.range.lowerBound, message: "unclosed \(noun(for: token.kind)) '\(text(token.name, source))'")
        }
    }

    private static func noun(for kind: Token.Kind) -> String {
        switch kind {
        case .invertedOpen: return "inverted section"
        case .parentOpen: return "parent"
        case .blockOpen: return "block"
        default: return "section"
        }
    }

    static func text(_ range: Range<Int>, _ source: UnsafeBufferPointer<UInt8>) -> String {
        String(copying: UnsafeBufferPointer(rebasing: source[range]))
    }
}

/// The last pass: turns laid-out tokens into nodes, one text node per
/// stretch of source text kept.
///
/// It reads the source and the tokens through buffer pointers that live as
/// long as ``Parser/parse(_:text:delimiters:)``'s call, and builds every
/// string straight from source bytes.
private struct TreeBuilder {
    let source: UnsafeBufferPointer<UInt8>
    /// The source as a string, which text nodes are slices of.
    let sourceText: String
    let tokens: UnsafeBufferPointer<Token>
    /// The lexer's delimiter table, which tokens index.
    let delimiters: DelimiterTable
    /// The template's paths, which tokens index.
    let paths: PathTable
    /// The static names of the partial and parent tags built so far.
    private(set) var partialNames: Set<String> = []
    /// A partial or parent tag built so far names its template by a path.
    private(set) var usesDynamicPartials = false

    /// The nodes of the tokens in `range`, in an array of exactly their count.
    mutating func nodes(in range: Range<Int>) -> [Node] {
        var nodes: [Node] = []
        nodes.reserveCapacity(nodeCount(in: range))
        var start = range.lowerBound
        while start < range.upperBound {
            let end = itemEnd(from: start, before: range.upperBound)
            if isTextOrSilent(start) {
                forEachStretch(in: start..<end) { nodes.append(.text(textNode($0))) }
            } else if let node = node(at: start) {
                nodes.append(node)
            }
            start = end
        }
        return nodes
    }

    /// How many nodes ``nodes(in:)`` makes: one per tag, and one per
    /// stretch of text kept.
    private func nodeCount(in range: Range<Int>) -> Int {
        var count = 0
        var start = range.lowerBound
        while start < range.upperBound {
            let end = itemEnd(from: start, before: range.upperBound)
            if isTextOrSilent(start) {
                forEachStretch(in: start..<end) { _ in count += 1 }
            } else {
                count += 1
            }
            start = end
        }
        return count
    }

    /// The end of the item that starts at `start`: a run of text and silent
    /// tags, or a tag with everything up to its closing tag.
    private func itemEnd(from start: Int, before limit: Int) -> Int {
        guard isTextOrSilent(start) else {
            let partner = tokens[start].layout.partner
            return partner > start ? partner + 1 : start + 1
        }
        var end = start + 1
        while end < limit, isTextOrSilent(end) { end += 1 }
        return end
    }

    /// Text, and the tags that render nothing and so do not split text.
    private func isTextOrSilent(_ index: Int) -> Bool {
        let kind = tokens[index].kind
        return kind == .text || kind == .comment || kind == .setDelimiters
    }

    /// Calls `body` with each stretch of source that a run of text and silent
    /// tags keeps: kept pieces that follow each other in the source are one
    /// stretch, and dropped ones (standalone lines, re-indented blanks) end it.
    /// Rendering the stretches one after the other renders the run's text.
    private func forEachStretch(in run: Range<Int>, _ body: (Range<Int>) -> Void) {
        var stretch: Range<Int>? = nil
        for index in run {
            let piece = keptText(index)
            guard !piece.isEmpty else { continue }
            if let current = stretch, current.upperBound == piece.lowerBound {
                stretch = current.lowerBound..<piece.upperBound
            } else {
                if let current = stretch { body(current) }
                stretch = piece
            }
        }
        if let stretch { body(stretch) }
    }

    /// The text node of a stretch of source.
    private func textNode(_ stretch: Range<Int>) -> TextNode {
        let utf8 = sourceText.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: stretch.lowerBound)
        return TextNode(string: Substring(utf8[start..<utf8.index(start, offsetBy: stretch.count)]), bytes: stretch)
    }

    /// The source range a token adds to the text: its own for kept text, else empty.
    private func keptText(_ index: Int) -> Range<Int> {
        tokens[index].kind == .text && !tokens[index].layout.isDropped ? tokens[index].range : 0..<0
    }

    private mutating func node(at index: Int) -> Node? {
        let offset = tokens[index].range.lowerBound
        switch tokens[index].kind {
        case .variable, .unescapedVariable:
            return .variable(VariableNode(path: path(index), escapes: tokens[index].kind == .variable, offset: offset))
        case .sectionOpen, .invertedOpen:
            return .section(section(at: index))
        case .partial:
            return .partial(PartialNode(reference: reference(index), indentation: indentation(index), offset: offset))
        case .parentOpen:
            return .parent(
                ParentNode(
                    reference: reference(index), arguments: arguments(of: index), indentation: indentation(index),
                    offset: offset))
        case .blockOpen:
            let close = tokens[index].layout.partner
            return .block(
                BlockNode(
                    name: text(tokens[index].name), defaultContent: nodes(in: index + 1..<close),
                    indentation: indentation(index), closeEndsLine: StandaloneLines.isStandalone(tokens[close])))
        case .text, .comment, .setDelimiters, .close:
            return nil
        }
    }

    private mutating func section(at index: Int) -> SectionNode {
        let close = tokens[index].layout.partner
        return SectionNode(
            path: path(index), isInverted: tokens[index].kind == .invertedOpen, children: nodes(in: index + 1..<close),
            offset: tokens[index].range.lowerBound, body: tokens[index].range.upperBound..<tokens[close].range.lowerBound,
            delimiters: delimiters[tokens[index].delimiters])
    }

    /// The blocks directly inside a parent tag; everything else there is ignored.
    private mutating func arguments(of parent: Int) -> [String: [Node]] {
        var arguments: [String: [Node]] = [:]
        let close = tokens[parent].layout.partner
        var index = parent + 1
        while index < close {
            let end = itemEnd(from: index, before: close)
            if tokens[index].kind == .blockOpen {
                arguments[text(tokens[index].name)] = nodes(in: index + 1..<end - 1)
            }
            index = end
        }
        return arguments
    }

    private func text(_ range: Range<Int>) -> String {
        Parser.text(range, source)
    }

    private func indentation(_ index: Int) -> String? {
        tokens[index].layout.indentation.map(text)
    }

    private func path(_ index: Int) -> VariablePath {
        paths[tokens[index].path]
    }

    /// The template a partial or parent tag names, noted in `partialNames`
    /// or `usesDynamicPartials`.
    private mutating func reference(_ index: Int) -> TemplateReference {
        if tokens[index].isDynamic {
            usesDynamicPartials = true
            return .dynamic(path(index))
        }
        let name = text(tokens[index].name)
        partialNames.insert(name)
        return .named(name)
    }
}
