/// Compiles template source into a ``Node`` tree.
///
/// The work runs as passes over one token array: lex, pair opening and
/// closing tags (checking their nesting), re-indent blocks, drop standalone
/// lines, then build the tree. Each pass is small and only the last one
/// allocates nodes.
enum Parser {
    static func parse(_ source: [UInt8], delimiters: Delimiters) throws(SyntaxIssue) -> [Node] {
        var tokens = try Lexer.tokenize(source, delimiters: delimiters)
        try pairTags(&tokens, source: source)
        StandaloneLines.markClearance(&tokens, source: source)
        BlockIndentation.reindent(&tokens, source: source)
        StandaloneLines.dropStandaloneLines(&tokens, source: source)
        return TreeBuilder(source: source, tokens: tokens).nodes(in: 0..<tokens.count)
    }

    /// Links opening and closing tags; marks blocks directly inside parents as arguments.
    ///
    /// Errors: a closing tag with nothing open, a closing tag naming another
    /// section than the innermost open one, and a section left open at the end.
    static func pairTags(_ tokens: inout [Token], source: [UInt8]) throws(SyntaxIssue) {
        var open: [Int] = []
        for index in tokens.indices {
            switch tokens[index].kind {
            case .sectionOpen, .invertedOpen, .parentOpen, .blockOpen:
                if tokens[index].kind == .blockOpen, let enclosing = open.last, tokens[enclosing].kind == .parentOpen {
                    tokens[index].layout.isArgument = true
                }
                open.append(index)
            case .close:
                let name = text(tokens[index].name, source)
                guard let opener = open.popLast() else {
                    throw SyntaxIssue(offset: tokens[index].range.lowerBound, message: "closing tag '\(name)' has no open section")
                }
                let expected = text(tokens[opener].name, source)
                guard expected == name else {
                    throw SyntaxIssue(
                        offset: tokens[index].range.lowerBound, message: "mismatched close: expected '\(expected)', found '\(name)'")
                }
                tokens[opener].layout.partner = index
                tokens[index].layout.partner = opener
            default: continue
            }
        }
        if let unclosed = open.last {
            let token = tokens[unclosed]
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

    static func text(_ range: Range<Int>, _ source: [UInt8]) -> String {
        String(decoding: source[range], as: UTF8.self)
    }
}

/// The last pass: turns laid-out tokens into nodes, merging adjacent text.
private struct TreeBuilder {
    let source: [UInt8]
    let tokens: [Token]

    func nodes(in range: Range<Int>) -> [Node] {
        var nodes: [Node] = []
        var text: [UInt8] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            switch token.kind {
            case .text where !token.layout.isDropped: text += source[token.range]
            case .text, .comment, .setDelimiters: break
            default:
                if !text.isEmpty { nodes.append(.text(TextNode(text))) }
                text = []
                if let node = node(at: index) { nodes.append(node) }
            }
            index = token.layout.partner > index ? token.layout.partner + 1 : index + 1
        }
        if !text.isEmpty { nodes.append(.text(TextNode(text))) }
        return nodes
    }

    private func node(at index: Int) -> Node? {
        let token = tokens[index]
        let offset = token.range.lowerBound
        switch token.kind {
        case .variable, .unescapedVariable:
            return .variable(VariableNode(path: path(token), escapes: token.kind == .variable, offset: offset))
        case .sectionOpen, .invertedOpen:
            return .section(section(at: index))
        case .partial:
            return .partial(PartialNode(reference: reference(token), indentation: indentation(token), offset: offset))
        case .parentOpen:
            return .parent(
                ParentNode(
                    reference: reference(token), arguments: arguments(of: index), indentation: indentation(token),
                    offset: offset))
        case .blockOpen:
            let close = tokens[token.layout.partner]
            return .block(
                BlockNode(
                    name: Parser.text(token.name, source), defaultContent: nodes(in: index + 1..<token.layout.partner),
                    indentation: indentation(token), closeEndsLine: StandaloneLines.isStandalone(close)))
        case .text, .comment, .setDelimiters, .close:
            return nil
        }
    }

    private func section(at index: Int) -> SectionNode {
        let token = tokens[index]
        let close = token.layout.partner
        return SectionNode(
            path: path(token), isInverted: token.kind == .invertedOpen, children: nodes(in: index + 1..<close),
            offset: token.range.lowerBound, body: token.range.upperBound..<tokens[close].range.lowerBound,
            delimiters: token.delimiters)
    }

    /// The blocks directly inside a parent tag; everything else there is ignored.
    private func arguments(of parent: Int) -> [String: [Node]] {
        var arguments: [String: [Node]] = [:]
        var index = parent + 1
        while index < tokens[parent].layout.partner {
            let token = tokens[index]
            if token.kind == .blockOpen {
                arguments[Parser.text(token.name, source)] = nodes(in: index + 1..<token.layout.partner)
            }
            index = token.layout.partner > index ? token.layout.partner + 1 : index + 1
        }
        return arguments
    }

    private func indentation(_ token: Token) -> String? {
        token.layout.indentation.map { String(decoding: $0, as: UTF8.self) }
    }

    private func path(_ token: Token) -> VariablePath {
        VariablePath(Parser.text(token.name, source))
    }

    private func reference(_ token: Token) -> TemplateReference {
        token.isDynamic ? .dynamic(path(token)) : .named(Parser.text(token.name, source))
    }
}
