/// RFC 2047 encoded-words for header text that cannot be written as is:
///
///     encoded-word = "=?" charset "?" encoding "?" encoded-text "?="
///
/// The charset is always UTF-8. Each word is at most 75 characters and
/// holds whole Unicode scalars (never part of a UTF-8 sequence), and each
/// word is B or Q, whichever carries more of the text (the shorter when both
/// carry the rest). A run of words is meant to be written separated by
/// folding white space, which decoders drop (RFC 2047 6.2): every space of
/// the text is therefore inside a word. Only the last word of a run may end
/// in `=` padding: a B word that is not the last carries whole 3-octet
/// groups, because GMime 3.2 drops everything after a padded B word that is
/// followed by another B word.
enum EncodedWord {
    /// Where the words go, which decides the characters Q may leave as is.
    enum Context {
        /// Unstructured text and quoted parameter values (RFC 2047 5 (1)).
        case text
        /// A display name (RFC 2047 5 (3)): only letters, digits and `!*+-/`.
        case phrase
    }

    /// RFC 2047 2: an encoded-word is at most 75 characters.
    static let maxLength = 75
    /// `=?UTF-8?B?` and `?=`.
    static let overhead = 12
    /// A limit that always holds one scalar: 4 octets in Q.
    static let minimumLength = overhead + 12

    /// One word of a run: the octets it carries and how.
    struct Piece: Equatable {
        let range: Range<Int>
        let isB: Bool
        /// The word's length, `=?UTF-8?B?` and `?=` included.
        let length: Int
    }

    /// Encodes `text` as a run of encoded-words: the first at most
    /// `firstMaxLength` characters, the others at most `maxLength`; both
    /// limits must be at least `minimumLength`. Words end between grapheme
    /// clusters where they can (a combining mark stays with its letter), and
    /// always between scalars. When `endsRun` is false more words follow
    /// this run, so its last word is not padded either.
    static func encode(
        _ text: some StringProtocol, context: Context, firstMaxLength: Int, maxLength: Int = maxLength,
        endsRun: Bool = true
    ) -> [String] {
        String(text).withUTF8Bytes { bytes in
            pieces(of: bytes, context: context, firstMaxLength: firstMaxLength, maxLength: maxLength, endsRun: endsRun)
                .map { piece in
                    var word: [UInt8] = []
                    word.append(upTo: piece.length) { write(piece, of: bytes, context: context, into: $0) }
                    return String(decoding: word, as: UTF8.self)
                }
        }
    }

    /// The words `encode` gives for the UTF-8 text `bytes`, as pieces.
    static func pieces(
        of bytes: UnsafeBufferPointer<UInt8>, context: Context, firstMaxLength: Int, maxLength: Int = maxLength,
        endsRun: Bool = true
    ) -> [Piece] {
        Array(Pieces(of: bytes, context: context, firstMaxLength: firstMaxLength, maxLength: maxLength, endsRun: endsRun))
    }

    /// The pieces `pieces(of:context:firstMaxLength:maxLength:endsRun:)`
    /// gives, found one at a time.
    struct Pieces: Sequence, IteratorProtocol {
        let context: Context
        let firstMaxLength: Int
        let maxLength: Int
        let endsRun: Bool
        private let boundaries: GraphemeBoundaries
        private var start = 0

        init(
            of bytes: UnsafeBufferPointer<UInt8>, context: Context, firstMaxLength: Int,
            maxLength: Int = EncodedWord.maxLength, endsRun: Bool = true
        ) {
            precondition(firstMaxLength >= minimumLength && maxLength >= minimumLength)
            boundaries = GraphemeBoundaries(bytes)
            self.context = context
            self.firstMaxLength = firstMaxLength
            self.maxLength = maxLength
            self.endsRun = endsRun
        }

        mutating func next() -> Piece? {
            guard start < boundaries.bytes.count else { return nil }
            let capacity = (start == 0 ? firstMaxLength : maxLength) - overhead
            let b = bCandidate(boundaries, from: start, capacity: capacity, endsRun: endsRun)
            guard qMayReach(b.end, capacity: capacity) else { return take(b, isB: true) }
            let q = qCandidate(boundaries, from: start, capacity: capacity, context: context)
            let useB = b.end == q.end ? b.length < q.length : b.end > q.end
            return take(useB ? b : q, isB: useB)
        }

        /// Whether Q might carry the text from `start` to `end` within
        /// `capacity`: it takes at least one character per octet and three
        /// per non-ASCII one, so CJK text is ruled out without trying.
        private func qMayReach(_ end: Int, capacity: Int) -> Bool {
            UnsafeBufferPointer(rebasing: boundaries.bytes[start..<end]).mayFitEscaped(within: capacity)
        }

        /// The piece from `start` to `candidate`'s end, which the next one follows.
        private mutating func take(_ candidate: Candidate, isB: Bool) -> Piece {
            let piece = Piece(range: start..<candidate.end, isB: isB, length: overhead + candidate.length)
            start = candidate.end
            return piece
        }
    }

    /// Whether all of `bytes` fits one word of at most `maxLength`
    /// characters, as B or as Q: whether `pieces` gives exactly one.
    static func fitsOneWord(_ bytes: UnsafeBufferPointer<UInt8>, context: Context, maxLength: Int) -> Bool {
        singlePiece(of: bytes, context: context, maxLength: maxLength) != nil
    }

    /// The one piece `pieces` gives when all of `bytes` fits one word of at
    /// most `maxLength` characters (the first word's limit), else `nil`.
    /// Found without looking for character boundaries, which matter only
    /// where a word ends before the text does.
    static func singlePiece(of bytes: UnsafeBufferPointer<UInt8>, context: Context, maxLength: Int) -> Piece? {
        guard !bytes.isEmpty else { return nil }
        let capacity = maxLength - overhead
        let bLength = Base64.encodedLength(of: bytes.count)
        let fitsB = bytes.count <= capacity / 4 * 3
        // Q is chosen only within this length: when it cannot fit, B is
        // chosen (or nothing fits) without counting Q exactly.
        let qLimit = fitsB ? min(capacity, bLength) : capacity
        guard bytes.mayFitEscaped(within: qLimit) else {
            return fitsB ? Piece(range: bytes.indices, isB: true, length: overhead + bLength) : nil
        }
        let qLength = qLength(of: bytes, context)
        let fitsQ = qLength <= capacity
        guard fitsB || fitsQ else { return nil }
        // The shorter when both fit, Q when they tie, as `pieces` chooses.
        let isB = fitsB && !(fitsQ && qLength <= bLength)
        return Piece(range: bytes.indices, isB: isB, length: overhead + (isB ? bLength : qLength))
    }

    /// Writes the encoded-word for `piece` of `bytes` into `target`, which
    /// has room for its `piece.length` octets; returns that length.
    static func write(_ piece: Piece, of bytes: UnsafeBufferPointer<UInt8>, context: Context, into target: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let chunk = UnsafeBufferPointer(rebasing: bytes[piece.range])
        var count = target.copy(piece.isB ? "=?UTF-8?B?" : "=?UTF-8?Q?", at: 0)
        count = piece.isB ? Base64.encode(chunk, into: target, at: count) : qEncode(chunk, context, into: target, at: count)
        return target.copy("?=", at: count)
    }

    /// Writes `chunk` as Q text into `target` at `offset`; returns the offset after it.
    private static func qEncode(
        _ chunk: UnsafeBufferPointer<UInt8>, _ context: Context, into target: UnsafeMutableBufferPointer<UInt8>, at offset: Int
    ) -> Int {
        var count = offset
        for byte in chunk {
            if byte == 0x20 {
                target[count] = UInt8(ascii: "_")
                count += 1
            } else if isQLiteral(byte, context) {
                target[count] = byte
                count += 1
            } else {
                target[count] = UInt8(ascii: "=")
                target[count + 1] = hex(byte >> 4)
                target[count + 2] = hex(byte & 0x0F)
                count += 3
            }
        }
        return count
    }

    /// Where a word may end, and the length of its encoded text.
    private struct Candidate {
        var end: Int
        var length: Int
    }

    /// The longest Q prefix from `start` that fits `capacity`: all of the
    /// rest, else up to the last grapheme boundary, else up to the last scalar.
    private static func qCandidate(
        _ boundaries: GraphemeBoundaries, from start: Int, capacity: Int, context: Context
    ) -> Candidate {
        let bytes = boundaries.bytes
        var scalarEnd = Candidate(end: start, length: 0)
        var graphemeEnd = scalarEnd
        while scalarEnd.end < bytes.count {
            let next = scalarEnd.end + scalarLength(leadByte: bytes[scalarEnd.end])
            var cost = 0
            for index in scalarEnd.end..<next { cost += qLength(of: bytes[index], context) }
            guard scalarEnd.length + cost <= capacity else { break }
            scalarEnd = Candidate(end: next, length: scalarEnd.length + cost)
            if boundaries.isBoundary(next) { graphemeEnd = scalarEnd }
        }
        return scalarEnd.end == bytes.count || graphemeEnd.end == start ? scalarEnd : graphemeEnd
    }

    /// The longest B prefix from `start` that fits `capacity`. Unless it takes
    /// the rest of a run, it holds whole 3-octet groups (no padding), ending
    /// at a grapheme boundary where one allows.
    private static func bCandidate(
        _ boundaries: GraphemeBoundaries, from start: Int, capacity: Int, endsRun: Bool
    ) -> Candidate {
        let bytes = boundaries.bytes
        let maxOctets = capacity / 4 * 3
        var end = start
        var aligned = start
        var alignedAtGrapheme = start
        while end < bytes.count {
            let next = end + scalarLength(leadByte: bytes[end])
            guard next - start <= maxOctets else { break }
            end = next
            if (end - start) % 3 == 0 {
                aligned = end
                if boundaries.isBoundary(end) { alignedAtGrapheme = end }
            }
        }
        let chosen = end == bytes.count && endsRun ? end : (alignedAtGrapheme > start ? alignedAtGrapheme : aligned)
        return Candidate(end: chosen, length: Base64.encodedLength(of: chosen - start))
    }

    /// The characters Q takes for all of `bytes`.
    private static func qLength(of bytes: UnsafeBufferPointer<UInt8>, _ context: Context) -> Int {
        bytes.reduce(0) { $0 + qLength(of: $1, context) }
    }

    /// The characters Q takes for `byte`: 1, or 3 for `=XX`.
    private static func qLength(of byte: UInt8, _ context: Context) -> Int {
        isQLiteral(byte, context) ? 1 : 3
    }

    private static func isQLiteral(_ byte: UInt8, _ context: Context) -> Bool {
        guard byte < 0x80 else { return false }
        switch byte {
        case 0x20: return true  // written as "_"
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"):
            return true
        case UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "_"), UInt8(ascii: "\""), UInt8(ascii: "\\"):
            return false
        case 0x21...0x7E: return context == .text
        default: return false
        }
    }

    private static func hex(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble + 0x30 : nibble + 0x37
    }

    /// The length of the UTF-8 sequence a lead byte starts.
    static func scalarLength(leadByte: UInt8) -> Int {
        switch leadByte {
        case ..<0xC0: return 1
        case ..<0xE0: return 2
        case ..<0xF0: return 3
        default: return 4
        }
    }
}
