/// Text reduced to the characters that carry its meaning, for matching a
/// notice however a mail client re-wrapped it.
///
/// Full-width ASCII forms (U+FF01…U+FF5E) fold to ASCII, numbered-list
/// forms (①, ⑴, ⒈) fold to their digits, ASCII letters fold to lowercase;
/// then only letters (including CJK ideographs) and decimal digits are kept. Whitespace, line breaks, punctuation of any
/// width, list markers (`-`, `*`, `•`, `1.` → `1`) and quote markers (`>`)
/// all drop out. Each kept scalar remembers where it came from.
///
/// A kept scalar comes from a scalar of the text at least as long in UTF-8
/// (itself, its capital, its full-width form, or a list number yielding up
/// to two digits from three bytes), so a stretch of text whose significant
/// text is `s` takes at least `s`'s UTF-8 length in bytes.
struct SignificantText {
    /// The kept scalars, folded.
    let scalars: [Unicode.Scalar]
    /// For each kept scalar, the UTF-8 offset of the scalar of the original
    /// text it came from.
    let origins: [Int]

    /// The significant text of `text`.
    init(_ text: String) {
        var text = text
        self = text.withUTF8 { Self($0) }
    }

    /// The significant text of the UTF-8 `bytes` (a string's) from offset
    /// `start` (where a scalar starts) on; origins count from the start of `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) {
        // Written into place: every scalar takes at least one UTF-8 byte and
        // keeps at most one scalar per byte (② is three bytes, one digit), so
        // the UTF-8 length bounds both arrays.
        var origins: [Int] = []
        scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count - start) { kept, keptCount in
            origins = [Int](unsafeUninitializedCapacity: bytes.count - start) { from, fromCount in
                fromCount = Self.fold(bytes, at: start, into: kept, from: from)
            }
            keptCount = origins.count
        }
        self.origins = origins
    }

    /// Writes the scalars `bytes` keep from offset `start` on into `kept`,
    /// and where each came from into `from`; returns how many (plain
    /// pointers and a local count, so the loop keeps them in registers).
    private static func fold(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into kept: UnsafeMutableBufferPointer<Unicode.Scalar>,
        from: UnsafeMutableBufferPointer<Int>
    ) -> Int {
        var count = 0
        var offset = start
        while offset < bytes.count {
            if let ideograph = bytes.ideograph(at: offset) {  // the bulk of a Chinese text, kept as it is
                kept[count] = ideograph
                from[count] = offset
                count &+= 1
                offset &+= 3
                continue
            }
            let (scalar, length) = bytes.scalar(at: offset)
            let folded = fold(scalar)
            if folded.count > 0 {
                kept[count] = folded.first
                from[count] = offset
                count += 1
            }
            if folded.count > 1 {
                kept[count] = folded.second
                from[count] = offset
                count += 1
            }
            offset += length
        }
        return count
    }

    /// The start of the line holding `offset`, or of a line above it, with
    /// at least `count` significant scalars between it and `offset` (or the
    /// start of `text`). Folded from there, the text shows a copy starting
    /// at or after `offset` as folding it all would: whether the copy starts
    /// its line, and the `count` significant scalars before it (a title).
    static func lineStart(keeping count: Int, before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        let lines = TextLines(text)
        var start = lines.start(of: offset)
        var kept = keptCount(in: text, start..<offset)
        while kept < count, start > 0 {
            let above = lines.start(of: start - 1)
            kept += keptCount(in: text, above..<start)
            start = above
        }
        return start
    }

    /// How many scalars the UTF-8 `text` keeps in `range` (which starts a scalar).
    private static func keptCount(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        var offset = range.lowerBound
        while offset < range.upperBound {
            let (scalar, length) = text.scalar(at: offset)
            count += fold(scalar).count
            offset += length
        }
        return count
    }

    /// True when the significant text of `bytes` from the scalar at `offset`
    /// starts with `prefix`, or may: when that scalar yields two digits
    /// (⑫), `prefix` might start at the second, and the answer is true.
    /// Folds only as far as it compares, without building arrays.
    static func mayStart(with prefix: ArraySlice<Unicode.Scalar>, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var (scalar, length) = bytes.scalar(at: offset)
        var folded = fold(scalar)
        guard folded.count == 1 else { return folded.count == 2 }
        var matched = prefix.startIndex
        var offset = offset
        while true {
            if folded.count > 0 {
                guard folded.first == prefix[matched] else { return false }
                matched += 1
            }
            if folded.count > 1, matched < prefix.endIndex {
                guard folded.second == prefix[matched] else { return false }
                matched += 1
            }
            offset += length
            guard matched < prefix.endIndex else { return true }
            guard offset < bytes.count else { return false }
            (scalar, length) = bytes.scalar(at: offset)
            folded = fold(scalar)
        }
    }

    /// The start positions of the non-overlapping occurrences of `needle`,
    /// left to right (Knuth–Morris–Pratt, linear in both lengths). An empty
    /// needle occurs nowhere.
    func occurrences(of needle: [Unicode.Scalar]) -> [Int] {
        guard !needle.isEmpty else { return [] }
        guard scalars.count >= needle.count else { return [] }
        return scalars.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { Self.occurrences(of: $0, in: text) }
        }
    }

    /// ``occurrences(of:)`` over plain buffers, which the loop reads without
    /// bounds checks or reference counting.
    private static func occurrences(
        of needle: UnsafeBufferPointer<Unicode.Scalar>, in text: UnsafeBufferPointer<Unicode.Scalar>
    ) -> [Int] {
        // Built on the first mismatch after two or more matched scalars: most
        // texts never have one (a match of one falls back to none), and the
        // table costs as much as a short search.
        var fallback: [Int] = []
        var found: [Int] = []
        var matched = 0
        var position = 0
        while position < text.count {
            if needle[matched] == text[position] {
                matched += 1
                position += 1
                if matched == needle.count {
                    found.append(position - needle.count)
                    matched = 0
                }
            } else if matched == 0 {
                // Outside a partial match, skip straight to the needle's first scalar.
                guard let next = text[(position + 1)...].firstIndex(of: needle[0]) else { break }
                position = next
            } else {
                // A partial match broken: go on from its longest proper prefix
                // that is also its suffix, at the same scalar.
                if matched > 1 && fallback.isEmpty { fallback = failureTable(needle) }
                matched = matched > 1 ? fallback[matched - 1] : 0
            }
        }
        return found
    }

    /// For each prefix of `needle`, the length of its longest proper prefix
    /// that is also its suffix.
    private static func failureTable(_ needle: UnsafeBufferPointer<Unicode.Scalar>) -> [Int] {
        var table = [Int](repeating: 0, count: needle.count)
        var length = 0
        for position in needle.indices.dropFirst() {
            while length > 0, needle[position] != needle[length] {
                length = table[length - 1]
            }
            if needle[position] == needle[length] { length += 1 }
            table[position] = length
        }
        return table
    }

    /// `scalar` with full-width ASCII forms and CJK punctuation folded to
    /// ASCII (`，` → `,`, `。` → `.`, `（` → `(`, `“` → `"`, `、` → `,`).
    static func foldedPunctuation(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0x3001: return ","  // 、
        case 0x3002: return "."  // 。
        case 0x201C, 0x201D: return "\""
        case 0x2018, 0x2019: return "'"
        default: return scalar
        }
    }

    private static func isSignificant(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.generalCategory == .decimalNumber
    }

    /// What one scalar of the text keeps: nothing, one scalar, or the two
    /// digits of a list number (⑫ → `1`, `2`).
    struct Folded {
        let count: Int
        let first: Unicode.Scalar
        let second: Unicode.Scalar

        static let nothing = Folded(count: 0, first: "\0", second: "\0")

        static func one(_ scalar: Unicode.Scalar) -> Folded { Folded(count: 1, first: scalar, second: "\0") }

        /// The decimal digits of `number` (1…20).
        static func digits(of number: UInt32) -> Folded {
            let digit = { (value: UInt32) in Unicode.Scalar(UInt8(ascii: "0") + UInt8(value)) }
            return number >= 10 ? Folded(count: 2, first: digit(number / 10), second: digit(number % 10)) : .one(digit(number))
        }
    }

    /// What `scalar` keeps (see the type's documentation).
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> Folded {
        switch scalar.value {
        case 0x4E00...0x9FFF:  // CJK ideographs first: the bulk of a Chinese text
            return .one(scalar)
        case 0...0x7F:
            return foldASCII(UInt8(scalar.value))
        case 0x2000...0x206F, 0x3000...0x3004, 0x3008...0x3020, 0xFE30...0xFE4F:  // general and CJK punctuation, spaces
            return .nothing
        case 0xFF01...0xFF5E:  // full-width ASCII: as the ASCII character
            return foldASCII(UInt8(scalar.value - 0xFEE0))
        case 0x2460...0x2473:  // ① … ⑳
            return .digits(of: scalar.value - 0x2460 + 1)
        case 0x2474...0x2487:  // ⑴ … ⒇
            return .digits(of: scalar.value - 0x2474 + 1)
        case 0x2488...0x249B:  // ⒈ … ⒛
            return .digits(of: scalar.value - 0x2488 + 1)
        default:
            return isSignificant(scalar) ? .one(scalar) : .nothing
        }
    }

    /// Digits and lowercase letters kept, capitals lowered, the rest of ASCII dropped.
    @inline(__always)
    private static func foldASCII(_ byte: UInt8) -> Folded {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"): return .one(Unicode.Scalar(byte))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return .one(Unicode.Scalar(byte + 0x20))
        default: return .nothing
        }
    }
}
