/// The paths that a template's tags name, built while compiling: one per
/// distinct name, with the keys of all of them in one array.
///
/// A name written several times (a section and the variable inside it) is
/// split and decoded once, and a template's paths cost one key allocation in
/// all rather than one each.
struct PathTable {
    /// The keys of all the paths, shared by them.
    private let keys: [MemberKey]
    /// Path `i`'s keys are `keys[keyStarts[i]..<keyStarts[i + 1]]`.
    private let keyStarts: [Int]

    /// The path indexed by a token's ``Token/path``. (Paths are made when
    /// asked for, not kept in an array: an array of them would be the only
    /// one of its type, whose set-up at start-up costs more than the paths.)
    subscript(index: Int) -> VariablePath {
        VariablePath(keys: keys, segments: keyStarts[index]..<keyStarts[index + 1])
    }

    /// How many of the most recent names a name is looked for among, which
    /// keeps the search short however many names a template has.
    private static let recentNames = 64

    /// Builds the paths of the tags in `tokens` and sets each such tag's ``Token/path``.
    ///
    /// The distinct names are kept as arrays of integers (the token that
    /// names each first, where its keys start), not as an array of a type of
    /// their own: at start-up, the first array of a type costs more than the
    /// names.
    init(tokens: UnsafeMutableBufferPointer<Token>, source: UnsafeBufferPointer<UInt8>) {
        var namers: [Int] = []
        namers.reserveCapacity(tokens.count / 2)  // freed when the table is built: generous beats regrowing
        var keyCount = 0
        for index in tokens.indices where Self.namesPath(tokens[index]) {
            let bytes = tokens[index].name
            if let known = Self.recent(bytes, among: namers, of: tokens, in: source) {
                tokens[index].path = known
            } else {
                tokens[index].path = namers.count
                namers.append(index)
                keyCount += Self.segmentCount(of: UnsafeBufferPointer(rebasing: source[bytes]))
            }
        }
        var keys: [MemberKey] = []
        keys.reserveCapacity(keyCount)
        var keyStarts: [Int] = []
        keyStarts.reserveCapacity(namers.count + 1)
        for namer in namers {
            keyStarts.append(keys.count)
            Self.appendKeys(of: UnsafeBufferPointer(rebasing: source[tokens[namer].name]), to: &keys)
        }
        keyStarts.append(keys.count)
        self.keys = keys
        self.keyStarts = keyStarts
    }

    /// Variables, sections and dynamic partials and parents name a path.
    private static func namesPath(_ token: Token) -> Bool {
        switch token.kind {
        case .variable, .unescapedVariable, .sectionOpen, .invertedOpen: return true
        case .partial, .parentOpen: return token.isDynamic
        case .text, .close, .blockOpen, .comment, .setDelimiters: return false
        }
    }

    /// The index of a recent name with the same bytes, if there is one:
    /// name `i` is the name of `tokens[namers[i]]`. (Names of another length
    /// are told apart by the length alone.)
    private static func recent(
        _ bytes: Range<Int>, among namers: [Int], of tokens: UnsafeMutableBufferPointer<Token>,
        in source: UnsafeBufferPointer<UInt8>
    ) -> Int? {
        var index = namers.count - 1
        while index >= max(0, namers.count - recentNames) {
            if source.bytes(tokens[namers[index]].name, equal: bytes) { return index }
            index -= 1
        }
        return nil
    }

    /// The number of keys of a name: none for `.`, else one more than its dots.
    private static func segmentCount(of name: UnsafeBufferPointer<UInt8>) -> Int {
        isImplicit(name) ? 0 : name.reduce(1) { $1 == dot ? $0 + 1 : $0 }
    }

    /// Appends a key per dot-separated segment of `name` (none for `.`).
    private static func appendKeys(of name: UnsafeBufferPointer<UInt8>, to keys: inout [MemberKey]) {
        guard !isImplicit(name) else { return }
        var start = 0
        for end in 0...name.count where end == name.count || name[end] == dot {
            let segment = UnsafeBufferPointer(rebasing: name[start..<end])
            keys.append(MemberKey(String(copying: segment), utf8: segment))
            start = end + 1
        }
    }

    private static func isImplicit(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.count == 1 && name[0] == dot
    }

    private static let dot = UInt8(ascii: ".")
}
