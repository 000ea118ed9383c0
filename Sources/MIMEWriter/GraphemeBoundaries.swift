/// Where the characters (grapheme clusters, Swift `Character`s) of a UTF-8
/// text begin, by octet offset.
///
/// Header text is cut into encoded-words only between characters where it
/// can be, and split into words only at a space that is a character of its
/// own. Asking the standard library for characters means a grapheme-breaking
/// pass; but most header text (ASCII, Latin-1, CJK ideographs and
/// punctuation) is made of scalars that never join a neighbour, and there
/// every scalar starts a character. Only other text takes the general path.
struct GraphemeBoundaries {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Per offset (and the end), whether a character starts there; `nil`
    /// when every scalar starts one.
    private let listed: [Bool]?

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        listed = Self.breaksAtEveryScalar(bytes) ? nil : Self.characterStarts(bytes)
    }

    /// Whether a character starts at `offset` (or it is the end).
    func isBoundary(_ offset: Int) -> Bool {
        if let listed { return listed[offset] }
        return offset == bytes.count || bytes[offset] & 0xC0 != 0x80
    }

    /// The text's words, as `split(separator: " ", omittingEmptySubsequences: false)`
    /// gives them: separated by spaces that are characters of their own.
    var words: WordRanges { WordRanges(boundaries: self) }

    /// The standard library's answer, for text with scalars that may join.
    private static func characterStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Bool] {
        var starts = [Bool](repeating: false, count: bytes.count + 1)
        starts[0] = true
        var offset = 0
        for character in String(decoding: bytes, as: UTF8.self) {
            offset += character.utf8.count
            starts[offset] = true
        }
        return starts
    }

    /// Whether every scalar of the text `standsAlone`. Printable ASCII and
    /// the lead octets E5…E9 (U+5000…U+9FFF, CJK ideographs) are taken
    /// without decoding.
    static func breaksAtEveryScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20...0x7E:
                offset += 1
                continue
            case 0xE5...0xE9:
                offset += 3
                continue
            default:
                break
            }
            let (value, length) = bytes.scalarValue(at: offset)
            guard standsAlone(value) else { return false }
            offset += length
        }
        return true
    }

    /// Scalars that no grapheme-breaking rule (UAX #29) joins to a neighbour
    /// of this same set: none is a control, extender, prepended mark, Hangul
    /// jamo or syllable, regional indicator or zero-width joiner. Between
    /// two of them a character always ends. `FastPathTests` checks every one
    /// against the standard library.
    static func standsAlone(_ value: UInt32) -> Bool {
        switch value {
        case 0x20...0x7E,  // printable ASCII
            0xA0...0xFF,  // Latin-1 letters and signs
            0x2010...0x2027,  // dashes, quotation marks, bullets, ellipsis
            0x3000...0x3029,  // ideographic space, CJK punctuation and brackets
            0x3400...0x4DBF, 0x4E00...0x9FFF,  // CJK ideographs
            0xFF01...0xFF5E:  // fullwidth forms of ASCII
            return true
        default:
            return false
        }
    }
}

/// The ranges of a text's words, found one at a time (see
/// `GraphemeBoundaries.words`).
struct WordRanges: Sequence, IteratorProtocol {
    let boundaries: GraphemeBoundaries
    /// Where the next word starts; `nil` after the last.
    private var wordStart: Int? = 0

    init(boundaries: GraphemeBoundaries) {
        self.boundaries = boundaries
    }

    mutating func next() -> Range<Int>? {
        guard let start = wordStart else { return nil }
        let bytes = boundaries.bytes
        var space = bytes.firstOffset(of: 0x20, from: start)
        while space < bytes.count {
            if boundaries.isBoundary(space) && boundaries.isBoundary(space + 1) {
                wordStart = space + 1
                return start..<space
            }
            space = bytes.firstOffset(of: 0x20, from: space + 1)
        }
        wordStart = nil
        return start..<bytes.count
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The scalar value whose UTF-8 sequence starts at `offset`, and the
    /// sequence's length. The octets must be valid UTF-8, as a `String`'s are.
    func scalarValue(at offset: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(self[offset])
        func continuation(_ index: Int) -> UInt32 { UInt32(self[offset + index] & 0x3F) }
        switch lead {
        case ..<0x80: return (lead, 1)
        case ..<0xE0: return ((lead & 0x1F) << 6 | continuation(1), 2)
        case ..<0xF0: return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3)
        default: return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
        }
    }
}
