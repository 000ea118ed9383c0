/// The bytes of a message being written, with the header-folding state.
///
/// Every line break of a message is the named constant `crlf`, written by
/// `writeLineBreak()`, or already in the whole lines given to `writeLines`
/// (text in canonical form, base64 lines). Header fields are
/// written as `beginHeader(_:)`, any number of `writeHeaderWord(_:)`, then
/// `endHeader()`; words are separated by one space, or folded onto a
/// continuation line when the line would grow past `foldWidth`. A field's
/// first word stays on the field's first line unless the field allows a
/// fold there (address fields, whose readers skip the folding white space;
/// in an unstructured field it would become part of the value).
struct MessageBuffer {
    /// RFC 5322 2.2.3 / RFC 5322 2.1.1: the line break of a message.
    static let crlf: [UInt8] = [0x0D, 0x0A]
    /// Header lines are folded to stay within this many octets: RFC 5322
    /// asks for 78, RFC 2047 for 76 on lines that hold encoded-words.
    static let foldWidth = 76
    /// The longest header word written as plain text (an atom, a quoted
    /// string, a file name): it fits on a field's first line after any field
    /// name this module writes. Longer text is encoded, which folds.
    static let maxPlainWordLength = 60

    private(set) var bytes: [UInt8] = []
    private var lineStart = 0
    private var wordsInHeader = 0
    private var foldsBeforeFirstWord = false

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Octets written on the current line so far.
    var column: Int { bytes.count - lineStart }

    /// Whether the next word must go on the current line: the first word of
    /// a field that allows no fold before it.
    var nextWordStaysOnThisLine: Bool { wordsInHeader == 0 && !foldsBeforeFirstWord }

    /// The longest next header word that keeps the line within `foldWidth`:
    /// the room left on this line when the word must stay there, else a whole
    /// continuation line.
    var maxNextWordLength: Int {
        nextWordStaysOnThisLine ? Self.foldWidth - column - 1 : Self.foldWidth - 1
    }

    /// Writes `text`'s UTF-8 octets; nothing at all for empty text (a
    /// missing prefix or suffix).
    mutating func write(_ text: String) {
        guard !text.isEmpty else { return }
        text.withUTF8Bytes { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func write(bytes more: some Collection<UInt8>) {
        bytes.append(contentsOf: more)
    }

    /// Writes at most `maxCount` octets that `fill` puts straight into the
    /// buffer, returning how many (see `Array.append(upTo:_:)`).
    mutating func write(upTo maxCount: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        bytes.append(upTo: maxCount, fill)
    }

    /// Writes whole lines, each ending in `crlf` (so a new line starts after them).
    mutating func writeLines(_ lines: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: lines)
        lineStart = bytes.count
    }

    /// Writes whole lines, each ending in `crlf`, that `fill` puts straight
    /// into the buffer: at most `maxCount` octets, returning how many.
    mutating func writeLines(upTo maxCount: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        bytes.append(upTo: maxCount, fill)
        lineStart = bytes.count
    }

    mutating func writeLineBreak() {
        for octet in Self.crlf { bytes.append(octet) }
        lineStart = bytes.count
    }

    /// Starts a header field: `Name:`.
    mutating func beginHeader(_ name: String, foldsBeforeFirstWord: Bool = false) {
        write(name)
        write(UInt8(ascii: ":"))
        wordsInHeader = 0
        self.foldsBeforeFirstWord = foldsBeforeFirstWord
    }

    /// Writes one space-separated word of a header value, first folding the
    /// line when the word would not fit (and the word may be folded).
    mutating func writeHeaderWord(_ word: String) {
        startHeaderWord(length: word.utf8.count)
        write(word)
    }

    /// `writeHeaderWord(prefix + word + suffix)`, without building the word.
    mutating func writeHeaderWord(_ word: String, prefix: String, suffix: String) {
        startHeaderWord(length: prefix.utf8.count + word.utf8.count + suffix.utf8.count)
        write(prefix)
        write(word)
        write(suffix)
    }

    /// `writeHeaderWord` for a word given as octets.
    mutating func writeHeaderWord(bytes word: some Collection<UInt8>) {
        startHeaderWord(length: word.count)
        bytes.append(contentsOf: word)
    }

    /// Starts a header word of `length` octets that the caller then writes:
    /// folds the line first when the word would not fit (and may be folded
    /// before), then writes the separating space.
    mutating func startHeaderWord(length: Int) {
        if !nextWordStaysOnThisLine && column + 1 + length > Self.foldWidth {
            writeLineBreak()
        }
        write(UInt8(ascii: " "))
        wordsInHeader += 1
    }

    /// Writes the encoded-word for `piece` of `text` as a header word, with
    /// `prefix` and `suffix` glued to it.
    mutating func writeEncodedWord(
        _ piece: EncodedWord.Piece, of text: UnsafeBufferPointer<UInt8>, context: EncodedWord.Context,
        prefix: String = "", suffix: String = ""
    ) {
        startHeaderWord(length: prefix.utf8.count + piece.length + suffix.utf8.count)
        write(prefix)
        EncodedWord.append(piece, of: text, context: context, to: &bytes)
        write(suffix)
    }

    mutating func endHeader() {
        writeLineBreak()
    }
}
