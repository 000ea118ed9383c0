/// The opening and closing tag delimiters in force while lexing (`{{` and `}}`
/// until a set-delimiter tag changes them).
struct Delimiters: Sendable, Equatable {
    var open: [UInt8]
    var close: [UInt8]

    /// `{{` and `}}`.
    static let standard = Delimiters(open: Array("{{".utf8), close: Array("}}".utf8))
}

/// The delimiters in force at each tag of a template, which tokens index:
/// the starting delimiters (0), then those of each set-delimiter tag in order.
///
/// The starting ones are kept apart, so that a template without
/// set-delimiter tags (nearly all) makes no array of them.
struct DelimiterTable {
    private let starting: Delimiters
    private var changes: [Delimiters] = []

    init(starting: Delimiters) {
        self.starting = starting
    }

    /// The index of the delimiters appended last.
    var lastIndex: Int { changes.count }

    mutating func append(_ delimiters: Delimiters) {
        changes.append(delimiters)
    }

    subscript(index: Int) -> Delimiters {
        index == 0 ? starting : changes[index - 1]
    }
}

/// One lexical item of a template: a run of text or one tag, with byte offsets
/// into the template source.
///
/// Text is cut after every line feed, so a text token never spans two lines;
/// that keeps the standalone-line pass a matter of grouping tokens.
///
/// A token holds only integers and flags (everything else is an offset into
/// the source or an index into a table), so the passes copy and rewrite
/// tokens without reference counting.
struct Token {
    enum Kind: Equatable {
        case text
        /// `{{name}}`
        case variable
        /// `{{{name}}}` or `{{&name}}`
        case unescapedVariable
        /// `{{#name}}`
        case sectionOpen
        /// `{{^name}}`
        case invertedOpen
        /// `{{/name}}`
        case close
        /// `{{>name}}`
        case partial
        /// `{{<name}}`
        case parentOpen
        /// `{{$name}}`
        case blockOpen
        /// `{{! … }}`
        case comment
        /// `{{=<% %>=}}`
        case setDelimiters
    }

    // Stored properties are declared widest first, which keeps a token small
    // (120 bytes) and so cheap to copy.

    /// The whole token in the source: the text, or a tag from its opening
    /// delimiter to the end of its closing delimiter.
    var range: Range<Int>
    /// The tag's name with the sigil, padding and any `*` removed (empty for text, comments and set-delimiter tags).
    var name: Range<Int>
    /// The index, in the lexer's delimiter table, of the delimiters in force at
    /// the tag: a section lambda's result is parsed with those of its section.
    var delimiters: Int
    /// For a tag that names a path, the index of the path in the template's ``PathTable``.
    var path = -1
    /// What the layout passes work out about the token.
    var layout = Layout()
    var kind: Kind
    /// `{{>*name}}` and `{{<*name}}`: the name is a path whose value names the template.
    var isDynamic: Bool

    init(kind: Kind, range: Range<Int>, name: Range<Int> = 0..<0, isDynamic: Bool = false, delimiters: Int = 0) {
        self.range = range
        self.name = name
        self.delimiters = delimiters
        self.kind = kind
        self.isDynamic = isDynamic
    }

    /// Facts the pairing, indentation and standalone passes add to a token.
    struct Layout {
        /// For an opening tag, the index of its closing tag, and the reverse.
        var partner = -1
        /// The tokens of the tag's line (tags only).
        var line: Range<Int> = 0..<0
        /// The whitespace removed before a standalone partial or parent tag,
        /// or before a block pair: the indentation its content is rendered with.
        var indentation: Range<Int>? = nil
        /// For a block whose lines were re-indented: the block's intrinsic indentation.
        var intrinsicIndentation: Range<Int>? = nil
        /// A block tag directly inside a parent tag: an argument, not a parameter.
        var isArgument = false
        /// Only blank text stands between the tag and the start of its line.
        var clearsLeft = false
        /// Only blank text stands between the tag and the end of its line.
        var clearsRight = false
        /// Text dropped because it belongs to a standalone tag's line.
        var isDropped = false
    }

    var isTag: Bool { kind != .text }
}

/// The tokens of a template in memory of their own, freed with the list: the
/// lexer appends to it, and the passes read and rewrite the tokens in place
/// through ``withTokens(_:)``.
///
/// Not an `Array`: an array of tokens would be the only array of its element
/// type, and the first array of a type costs a run-time type set-up that
/// outweighs compiling a small template. A token holds no references, so the
/// memory is moved and freed without deinitializing tokens one by one.
struct TokenList: ~Copyable {
    private var base: UnsafeMutablePointer<Token>
    private var capacity: Int
    private var count = 0

    init(capacity: Int) {
        assert(_isPOD(Token.self), "TokenList frees tokens without deinitializing them")
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    mutating func append(_ token: Token) {
        if count == capacity { grow() }
        (base + count).initialize(to: token)
        count += 1
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    /// Calls `body` with the tokens, which it may rewrite but not outlive.
    func withTokens<Result, Failure: Error>(
        _ body: (UnsafeMutableBufferPointer<Token>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeMutableBufferPointer(start: base, count: count))
    }
}
