/// The bytes of a message being written, with the header-folding state.
///
/// Every line break of a message is written by `writeLineBreak()`, or by
/// `writeCanonicalLines` and `writeLines` for runs of whole lines (text in
/// canonical form, base64 lines), as the buffer's `form` asks: CRLF, or LF
/// with mboxrd's `From ` quoting.
///
/// Header fields are written as `beginHeader(_:)`, any number of
/// `writeHeaderWord(_:)`, then `endHeader()`; words are separated by one
/// space, or folded onto a continuation line when the line would grow past
/// `foldWidth`. A field's first word stays on the field's first line unless
/// the field allows a fold there (address fields, whose readers skip the
/// folding white space; in an unstructured field it would become part of
/// the value).
///
/// The octets are written in place into storage reserved once (and grown
/// when a message outgrows it): unlike an array's appends, a write checks
/// neither copy-on-write uniqueness nor goes through a generic sequence.
struct MessageBuffer: ~Copyable {
    /// What a message is written as.
    enum Form {
        /// RFC 5322: every line ends in CRLF.
        case message
        /// The message as an mboxrd file holds it: every line ends in LF,
        /// and each line matching `^>*From ` gets one more `>` (see `Mbox`).
        case mboxrd
    }

    /// RFC 5322 2.2.3 / RFC 5322 2.1.1: the line break of a message.
    static let crlf: [UInt8] = [0x0D, 0x0A]
    /// Header lines are folded to stay within this many octets: RFC 5322
    /// asks for 78, RFC 2047 for 76 on lines that hold encoded-words.
    static let foldWidth = 76
    /// The longest header word written as plain text (an atom, a quoted
    /// string, a file name): it fits on a field's first line after any field
    /// name this module writes. Longer text is encoded, which folds.
    static let maxPlainWordLength = 60

    /// The storage: `count` octets written, the rest room for more.
    private var storage: UnsafeMutableBufferPointer<UInt8>
    /// Whether `storage` was allocated here, rather than lent by the caller
    /// (see `init(lentStorage:form:)`).
    private var ownsStorage: Bool
    private(set) var count = 0
    private var lineStart = 0
    private var wordsInHeader = 0
    private var foldsBeforeFirstWord = false
    let form: Form

    init(capacity: Int, form: Form = .message) {
        storage = .allocate(capacity: max(capacity, 64))
        ownsStorage = true
        self.form = form
    }

    /// A buffer that writes into the caller's `lentStorage` (an array's
    /// spare capacity, say) until the message outgrows it: then it moves
    /// to storage of its own, and `isInLentStorage` turns false.
    init(lentStorage: UnsafeMutableBufferPointer<UInt8>, form: Form) {
        storage = lentStorage
        ownsStorage = false
        self.form = form
    }

    deinit {
        if ownsStorage { storage.deallocate() }
    }

    /// Whether the octets are still in the storage lent at `init(lentStorage:form:)`.
    var isInLentStorage: Bool { !ownsStorage }

    /// The octets written so far.
    var bytes: [UInt8] { withBytes(Array.init) }

    /// Calls `body` with the octets written so far, from `start` on.
    func withBytes<Result>(from start: Int = 0, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(rebasing: storage[start..<count]))
    }

    /// Drops the octets after the first `offset`, which end a line.
    mutating func rewind(to offset: Int) {
        count = offset
        lineStart = offset
    }

    /// Makes room for `more` octets after those written.
    @inline(__always)
    private mutating func reserve(_ more: Int) {
        if more > storage.count - count { grow(toHold: more) }
    }

    /// Moves the octets to storage at least twice as large, with room for `more`.
    @inline(never)
    private mutating func grow(toHold more: Int) {
        let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(2 * storage.count, count + more))
        _ = larger.copy(UnsafeBufferPointer(rebasing: storage[..<count]), at: 0)
        if ownsStorage { storage.deallocate() }
        storage = larger
        ownsStorage = true
    }

    /// Octets written on the current line so far.
    var column: Int { count - lineStart }

    /// Whether the next word must go on the current line: the first word of
    /// a field that allows no fold before it.
    var nextWordStaysOnThisLine: Bool { wordsInHeader == 0 && !foldsBeforeFirstWord }

    /// The longest next header word that keeps the line within `foldWidth`:
    /// the room left on this line when the word must stay there, else a whole
    /// continuation line.
    var maxNextWordLength: Int {
        nextWordStaysOnThisLine ? Self.foldWidth - column - 1 : Self.foldWidth - 1
    }

    /// Writes `text`'s UTF-8 octets (none for an empty prefix or suffix, at once).
    mutating func write(_ text: String) {
        guard !text.isEmpty else { return }
        text.withUTF8Bytes { write(bytes: $0) }
    }

    /// Writes the UTF-8 octets of a literal (a field name), found without a closure over a string.
    mutating func write(_ text: StaticString) {
        write(bytes: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func write(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    mutating func write(bytes more: UnsafeBufferPointer<UInt8>) {
        reserve(more.count)
        count = storage.copy(more, at: count)
    }

    /// Writes at most `maxCount` octets that `fill` puts straight into the
    /// buffer, returning how many.
    mutating func write(upTo maxCount: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        reserve(maxCount)
        count += fill(UnsafeMutableBufferPointer(rebasing: storage[count..<count + maxCount]))
    }

    /// Writes text in canonical form: whole lines, each ending in `crlf`,
    /// each with the line break of the buffer's `form`.
    mutating func writeCanonicalLines(_ text: UnsafeBufferPointer<UInt8>) {
        guard form == .message else {
            for (line, _) in text.lines {
                write(bytes: line)
                writeLineBreak()
            }
            return
        }
        write(bytes: text)
        lineStart = count
    }

    /// Whether the buffer's line break is CRLF rather than LF.
    var lineBreakHasCR: Bool { form == .message }

    /// Writes whole lines that `fill` puts straight into the buffer, each
    /// ending in the buffer's line break (see `lineBreakHasCR`) and none
    /// that mboxrd quotes: at most `maxCount` octets, returning how many.
    mutating func writeLines(upTo maxCount: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        write(upTo: maxCount, fill)
        lineStart = count
    }

    mutating func writeLineBreak() {
        switch form {
        case .message:
            reserve(2)
            storage[count] = 0x0D
            storage[count + 1] = 0x0A
            count += 2
        case .mboxrd:
            if currentLineIsFromLine { quoteLine() }
            write(0x0A)
        }
        lineStart = count
    }

    /// Whether the current line matches `^>*From `; most lines are told
    /// apart by their first octet alone.
    private var currentLineIsFromLine: Bool {
        guard count > lineStart, storage[lineStart] == UInt8(ascii: ">") || storage[lineStart] == UInt8(ascii: "F") else {
            return false
        }
        return Mbox.isFromLine(UnsafeBufferPointer(rebasing: storage[lineStart..<count]))
    }

    /// Puts one more `>` before the current line.
    @inline(never)
    private mutating func quoteLine() {
        reserve(1)
        guard let line = storage.baseAddress.map({ $0 + lineStart }) else { return }
        (line + 1).update(from: line, count: count - lineStart)  // the regions overlap: memmove
        line.pointee = UInt8(ascii: ">")
        count += 1
    }

    /// Starts a header field: `Name:`.
    mutating func beginHeader(_ name: StaticString, foldsBeforeFirstWord: Bool = false) {
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
    mutating func writeHeaderWord(bytes word: UnsafeBufferPointer<UInt8>) {
        startHeaderWord(length: word.count)
        write(bytes: word)
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
        write(upTo: piece.length) { EncodedWord.write(piece, of: text, context: context, into: $0) }
        write(suffix)
    }

    mutating func endHeader() {
        writeLineBreak()
    }
}
