/// Text reduced to the characters that carry its meaning, for matching a
/// notice however a mail client re-wrapped it.
///
/// Full-width ASCII forms (U+FF01…U+FF5E) fold to ASCII, numbered-list
/// forms (①, ⑴, ⒈) fold to their digits, ASCII letters fold to lowercase;
/// then only letters (including CJK ideographs) and decimal digits are kept. Whitespace, line breaks, punctuation of any
/// width, list markers (`-`, `*`, `•`, `1.` → `1`) and quote markers (`>`)
/// all drop out. Each kept scalar remembers where it came from.
struct SignificantText {
    /// The kept scalars, folded.
    let scalars: [Unicode.Scalar]
    /// For each kept scalar, the index of the scalar of the original text it
    /// came from.
    let origins: [Int]

    /// The significant text of `text`; origins count Unicode scalars.
    init(_ text: String) {
        // Written into place: every scalar takes at least one UTF-8 byte and
        // keeps at most one scalar per byte (② is three bytes, one digit), so
        // the UTF-8 length bounds both arrays.
        let capacity = text.utf8.count
        var origins: [Int] = []
        scalars = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { kept, keptCount in
            origins = [Int](unsafeUninitializedCapacity: capacity) { from, fromCount in
                var index = 0
                for scalar in text.unicodeScalars {
                    let added = Self.fold(scalar, into: kept, at: keptCount)
                    for offset in 0..<added { from[fromCount + offset] = index }
                    keptCount += added
                    fromCount += added
                    index += 1
                }
            }
        }
        self.origins = origins
    }

    /// True when `needle` occurs (see `occurrences(of:)`).
    func contains(_ needle: [Unicode.Scalar]) -> Bool {
        !needle.isEmpty && scalars.count >= needle.count && !occurrences(of: needle, first: true).isEmpty
    }

    /// The start positions of the non-overlapping occurrences of `needle`,
    /// left to right (Knuth–Morris–Pratt, linear in both lengths); with
    /// `first`, only the first. An empty needle occurs nowhere.
    func occurrences(of needle: [Unicode.Scalar], first: Bool = false) -> [Int] {
        guard !needle.isEmpty else { return [] }
        guard scalars.count >= needle.count else { return [] }
        let fallback = Self.failureTable(needle)
        var found: [Int] = []
        var matched = 0
        var position = 0
        let start = needle[0]
        while position < scalars.count {
            if matched == 0 {
                // Outside a partial match, skip straight to the needle's first scalar.
                guard let next = scalars[position...].firstIndex(of: start) else { break }
                position = next
            }
            let scalar = scalars[position]
            while matched > 0, needle[matched] != scalar {
                matched = fallback[matched - 1]
            }
            if needle[matched] == scalar { matched += 1 }
            if matched == needle.count {
                found.append(position + 1 - needle.count)
                if first { break }
                matched = 0
            }
            position += 1
        }
        return found
    }

    /// For each prefix of `needle`, the length of its longest proper prefix
    /// that is also its suffix.
    private static func failureTable(_ needle: [Unicode.Scalar]) -> [Int] {
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

    /// Writes what `scalar` keeps (see the type's documentation) into `kept`
    /// at `position`; returns how many scalars that is (0, 1, or the digits
    /// of a list number).
    @inline(__always)
    private static func fold(_ scalar: Unicode.Scalar, into kept: UnsafeMutableBufferPointer<Unicode.Scalar>, at position: Int) -> Int {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x30...0x39, 0x61...0x7A:  // fast paths: CJK ideographs, digits, lowercase ASCII
            kept[position] = scalar
            return 1
        case 0x41...0x5A:
            kept[position] = Unicode.Scalar(UInt8(scalar.value + 0x20))
            return 1
        case 0...0x7F:  // the rest of ASCII: never significant
            return 0
        case 0x2000...0x206F, 0x3000...0x3004, 0x3008...0x3020, 0xFE30...0xFE4F:  // general and CJK punctuation, spaces
            return 0
        case 0xFF01...0xFF5E:  // full-width ASCII: as the ASCII character
            switch scalar.value - 0xFEE0 {
            case let ascii where (0x30...0x39).contains(ascii) || (0x61...0x7A).contains(ascii):
                kept[position] = Unicode.Scalar(UInt8(ascii))
                return 1
            case let ascii where (0x41...0x5A).contains(ascii):
                kept[position] = Unicode.Scalar(UInt8(ascii + 0x20))
                return 1
            default:
                return 0
            }
        case 0x2460...0x2473:  // ① … ⑳
            return keepDigits(of: scalar.value - 0x2460 + 1, into: kept, at: position)
        case 0x2474...0x2487:  // ⑴ … ⒇
            return keepDigits(of: scalar.value - 0x2474 + 1, into: kept, at: position)
        case 0x2488...0x249B:  // ⒈ … ⒛
            return keepDigits(of: scalar.value - 0x2488 + 1, into: kept, at: position)
        default:
            guard isSignificant(scalar) else { return 0 }
            kept[position] = scalar
            return 1
        }
    }

    /// The decimal digits of `number` (1…20).
    private static func keepDigits(of number: UInt32, into kept: UnsafeMutableBufferPointer<Unicode.Scalar>, at position: Int) -> Int {
        if number >= 10 {
            kept[position] = Unicode.Scalar(UInt8(ascii: "0") + UInt8(number / 10))
            kept[position + 1] = Unicode.Scalar(UInt8(ascii: "0") + UInt8(number % 10))
            return 2
        }
        kept[position] = Unicode.Scalar(UInt8(ascii: "0") + UInt8(number))
        return 1
    }
}
