/// A display name and an address: `王工程师 <support@example.com>`.
public struct Mailbox: Sendable, Equatable {
    /// The display name; may be empty, may be any Unicode text without
    /// control characters. The writer quotes or encodes it as needed, and
    /// drops white space that follows a space: RFC 5322 3.2.2 reads a run of
    /// white space in an address field as one space, and some readers
    /// (Python's `email`) do, while others show every character.
    public var name: String
    /// A plain addr-spec, `local@domain`: a dot-atom local part and a host
    /// name domain (no quoted local parts, no domain literals, ASCII only).
    public var address: String

    public init(name: String = "", address: String) {
        self.name = name
        self.address = address
    }

    /// Checks the name and the address; `field` (`to[1]`) is built only
    /// for an error.
    func validate(field: @autoclosure () -> String) throws(MIMEError) {
        try HeaderText.check(name, field: "\(field()).name")
        try AddressSpec.validate(address, field: "\(field()).address")
    }
}

/// RFC 5322 3.4.1 addr-spec, in the form every reader parses alike:
///
///     addr-spec     = dot-atom-text "@" domain
///     dot-atom-text = 1*atext *("." 1*atext)
///     atext         = ALPHA / DIGIT / "!" / "#" / "$" / "%" / "&" / "'" / "*" /
///                     "+" / "-" / "/" / "=" / "?" / "^" / "_" / "`" / "{" / "|" / "}" / "~"
///     domain        = label *("." label)   ; RFC 1123 host name
///     label         = let-dig [*61(let-dig / "-") let-dig]
///
/// and, because some parsers decode encoded-words even inside an address,
/// never `=?`. Lengths follow RFC 5321 4.5.3.1: local part ≤ 64 octets,
/// domain ≤ 253. The checks run on UTF-8 octets: the grammar is ASCII, so
/// any other octet fails it.
@usableFromInline
enum AddressSpec {
    static func validate(_ address: String, field: @autoclosure () -> String) throws(MIMEError) {
        // An address the grammar takes is printable ASCII: the header check
        // only decides which problem a refused address is reported with.
        guard let problem = address.withUTF8Bytes({ problem(in: $0, of: address) }) else { return }
        try HeaderText.check(address, field: field())
        throw MIMEError(field: field(), message: problem)
    }

    /// What is wrong with the address whose octets are `bytes`, or `nil`.
    private static func problem(in bytes: UnsafeBufferPointer<UInt8>, of address: String) -> String? {
        guard !bytes.isEmpty else { return "the address is empty" }
        guard let at = atSign(in: bytes, of: address) else {
            return "'\(address)' is not an address of the form local@domain"
        }
        let local = UnsafeBufferPointer(rebasing: bytes[..<at])
        let domain = UnsafeBufferPointer(rebasing: bytes[(at + 1)...])
        guard isDotAtom(local) else {
            let text = String(decoding: local, as: UTF8.self)
            return "local part '\(text)' is not a dot-atom (letters, digits, !#$%&'*+-/=?^_`{|}~ and single dots)"
        }
        guard local.count <= 64 else { return "local part is longer than 64 octets" }
        guard !bytes.containsEncodedWordOpener else { return "'=?' is not allowed in an address" }
        guard isHostName(domain) else {
            let text = String(decoding: domain, as: UTF8.self)
            return "domain '\(text)' is not a host name (labels of letters, digits and inner hyphens)"
        }
        return nil
    }

    /// The offset of the only `@` of `text` (whose octets are `bytes`), or
    /// `nil` when it has none or several. An `@` that a combining mark joins
    /// to another character does not count, as in `text.split(separator: "@")`;
    /// only non-ASCII text can hold one, so ASCII text is searched by octet.
    static func atSign(in bytes: UnsafeBufferPointer<UInt8>, of text: String) -> Int? {
        guard bytes.isASCII else {
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 ? parts[0].utf8.count : nil
        }
        let at = bytes.firstOffset(of: UInt8(ascii: "@"), from: 0)
        guard at < bytes.count, bytes.firstOffset(of: UInt8(ascii: "@"), from: at + 1) == bytes.count else { return nil }
        return at
    }

    /// RFC 5322 3.2.3 atext.
    @inlinable
    static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "!"), UInt8(ascii: "#")...UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"),
            UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "?"),
            UInt8(ascii: "^")...UInt8(ascii: "`"), UInt8(ascii: "{")...UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// `1*atext *("." 1*atext)`: atext with single dots between.
    static func isDotAtom(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != dot, last != dot else { return false }
        var previous = first
        for byte in bytes {
            guard byte == dot ? previous != dot : isAtext(byte) else { return false }
            previous = byte
        }
        return true
    }

    static func isHostName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard (1...253).contains(bytes.count) else { return false }
        var labelStart = 0
        while true {
            let labelEnd = bytes.firstOffset(of: dot, from: labelStart)
            guard isLabel(UnsafeBufferPointer(rebasing: bytes[labelStart..<labelEnd])) else { return false }
            guard labelEnd < bytes.count else { return true }
            labelStart = labelEnd + 1
        }
    }

    /// An RFC 1123 label: 1–63 letters, digits and hyphens, no hyphen first or last.
    private static func isLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard (1...63).contains(bytes.count), bytes.first != hyphen, bytes.last != hyphen else { return false }
        return bytes.allSatisfy { isLetterOrDigit($0) || $0 == hyphen }
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default: return false
        }
    }

    private static let dot = UInt8(ascii: ".")
    private static let hyphen = UInt8(ascii: "-")
}

extension MessageBuffer {
    /// Writes an address-list field (`To`, `Cc`) or a mailbox field (`From`).
    mutating func writeAddressHeader(_ name: StaticString, _ mailboxes: some RandomAccessCollection<Mailbox>) {
        beginHeader(name, foldsBeforeFirstWord: true)
        for (index, mailbox) in mailboxes.enumerated() {
            writeMailbox(mailbox, separator: index == mailboxes.count - 1 ? "" : ",")
        }
        endHeader()
    }

    /// RFC 5322 3.4 `mailbox = name-addr / addr-spec`. The display name is
    /// written on its own, so the `<addr-spec>` after it always stays plain
    /// ASCII: as atoms when it is plain words, else as one quoted string when
    /// it is printable ASCII, else as a phrase of atoms and encoded-words.
    private mutating func writeMailbox(_ mailbox: Mailbox, separator: String) {
        guard !mailbox.name.isEmpty else {
            writeHeaderWord(mailbox.address, prefix: "", suffix: separator)
            return
        }
        mailbox.name.withUTF8Bytes { name in
            guard Self.hasWhiteSpaceAfterSpace(name) else { return writeDisplayName(name) }
            Self.collapsingSpaceRuns(mailbox.name).withUTF8Bytes { writeDisplayName($0) }
        }
        writeHeaderWord(mailbox.address, prefix: "<", suffix: separator.isEmpty ? ">" : ">" + separator)
    }

    /// A non-empty display name without white space after a space.
    private mutating func writeDisplayName(_ name: UnsafeBufferPointer<UInt8>) {
        HeaderText.withWords(of: name, isPlain: { PhraseWord($0) != .encoded }) { words in
            if words.allSatisfy({ PhraseWord.isPlainAtom(UnsafeBufferPointer(rebasing: name[$0.range])) }) {
                for word in words { writeHeaderWord(bytes: UnsafeBufferPointer(rebasing: name[word.range])) }
            } else if Self.isQuotable(name) {
                writeQuoted(name)
            } else {
                writePhrase(words, of: name)
            }
        }
    }

    /// A display name (RFC 5322 3.2.5 `phrase = 1*word`) mixing atoms,
    /// quoted strings for printable ASCII words with specials, and
    /// encoded-words for each stretch of other words (with the spaces between
    /// them; an empty word pulls its neighbours in, as in `writeUnstructured`).
    ///
    /// A stretch goes in one encoded-word when it fits: RFC 2047 6.2 readers
    /// drop the white space between two encoded-words, but Python's `email`
    /// before 3.14 (gh-128110) keeps it in display names. A longer stretch is
    /// cut where the name has a space, the space opening the next word, so
    /// such a reader at worst shows that space twice. A single word longer
    /// than one encoded-word (about 45 octets of UTF-8) can only be cut
    /// between characters, and such a reader shows a space there.
    private mutating func writePhrase(_ words: UnsafeBufferPointer<HeaderText.Word>, of name: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < words.count {
            let word = UnsafeBufferPointer(rebasing: name[words[index].range])
            if !words[index].isEncoded {
                if PhraseWord(word) == .atom { writeHeaderWord(bytes: word) } else { writeQuoted(word) }
                index += 1
                continue
            }
            let runStart = index
            while index < words.count && words[index].isEncoded { index += 1 }
            let first = max(EncodedWord.minimumLength, min(EncodedWord.maxLength, maxNextWordLength))
            let run = UnsafeBufferPointer(rebasing: name[words[runStart].range.lowerBound..<words[index - 1].range.upperBound])
            if let single = EncodedWord.singlePiece(of: run, context: .phrase, maxLength: first) {
                writeEncodedWord(single, of: run, context: .phrase)  // what `encodedPhrase` gives for it
                continue
            }
            for (chunk, piece) in Self.encodedPhrase(words[runStart..<index], of: name, firstMaxLength: first) {
                writeEncodedWord(piece, of: chunk, context: .phrase)
            }
        }
    }

    private enum PhraseWord: Equatable {
        case atom, quoted, encoded

        init(_ word: UnsafeBufferPointer<UInt8>) {
            if Self.isPlainAtom(word) {
                self = .atom
            } else if !word.isEmpty, word.count + 2 <= maxPlainWordLength, word.allSatisfy({ (0x21...0x7E).contains($0) }),
                !word.containsEncodedWordOpener
            {
                self = .quoted
            } else {
                self = .encoded
            }
        }

        static func isPlainAtom(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
            !word.isEmpty && word.count <= maxPlainWordLength && word.allSatisfy(AddressSpec.isAtext)
                && !word.containsEncodedWordOpener
        }
    }

    /// The words of a stretch (ranges of `name`) as encoded-words, each
    /// with the text its piece refers to: one word if it fits, else chunks
    /// cut before spaces, each packed as long as it still fits one word. A
    /// chunk whose first word would be a B word right after a padded B word
    /// gets its leading space as a Q word of its own, `=?UTF-8?Q?_?=` (see
    /// `EncodedWord`).
    private static func encodedPhrase(
        _ words: Slice<UnsafeBufferPointer<HeaderText.Word>>, of name: UnsafeBufferPointer<UInt8>, firstMaxLength: Int
    ) -> [(text: UnsafeBufferPointer<UInt8>, piece: EncodedWord.Piece)] {
        func pieces(_ range: Range<Int>, first: Bool) -> [EncodedWord.Piece] {
            let maxLength = first ? firstMaxLength : EncodedWord.maxLength
            return EncodedWord.pieces(of: UnsafeBufferPointer(rebasing: name[range]), context: .phrase, firstMaxLength: maxLength)
        }
        var chunks: [Range<Int>] = []
        for word in words.lazy.map(\.range) {
            // After the first word, a word's piece starts with the space before it.
            let piece = chunks.isEmpty ? word : word.lowerBound - 1..<word.upperBound
            if let last = chunks.last,
                EncodedWord.fitsOneWord(
                    UnsafeBufferPointer(rebasing: name[last.lowerBound..<piece.upperBound]), context: .phrase,
                    maxLength: chunks.count == 1 ? firstMaxLength : EncodedWord.maxLength)
            {
                chunks[chunks.count - 1] = last.lowerBound..<piece.upperBound
            } else {
                chunks.append(piece)
            }
        }
        var encoded: [(text: UnsafeBufferPointer<UInt8>, piece: EncodedWord.Piece)] = []
        for chunk in chunks {
            let text = UnsafeBufferPointer(rebasing: name[chunk])
            let words = pieces(chunk, first: encoded.isEmpty)
            if let previous = encoded.last?.piece, previous.isB, previous.range.count % 3 != 0, words[0].isB {
                encoded.append((text, EncodedWord.Piece(range: 0..<1, isB: false, length: EncodedWord.overhead + 1)))
                let rest = chunk.lowerBound + 1..<chunk.upperBound
                encoded += pieces(rest, first: false).map { (UnsafeBufferPointer(rebasing: name[rest]), $0) }
            } else {
                encoded += words.map { (text, $0) }
            }
        }
        return encoded
    }

    /// `name` without the white space that follows a space.
    static func collapsingSpaceRuns(_ name: String) -> String {
        guard name.withUTF8Bytes(hasWhiteSpaceAfterSpace) else { return name }
        var scalars = String.UnicodeScalarView()
        var afterSpace = false
        for scalar in name.unicodeScalars where !(afterSpace && scalar.properties.isWhitespace) {
            scalars.append(scalar)
            afterSpace = scalar == " "
        }
        return String(scalars)
    }

    /// Whether a space in `name` is followed by white space.
    private static func hasWhiteSpaceAfterSpace(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        var space = name.firstOffset(of: 0x20, from: 0)
        while space + 1 < name.count {
            let next = name.scalarValue(at: space + 1).value
            if Unicode.Scalar(next)?.properties.isWhitespace == true { return true }
            space = name.firstOffset(of: 0x20, from: space + 1)
        }
        return false
    }

    /// Whether the whole name goes as one RFC 5322 3.2.4 quoted-string: it
    /// is printable ASCII (with a `.` or `,` in it, say) and fits one line.
    private static func isQuotable(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let printable = name.allSatisfy { (0x20...0x7E).contains($0) }
        return printable && !name.containsEncodedWordOpener && quotedLength(name) <= maxPlainWordLength
    }

    /// The length of `text` as a quoted-string: quotes around it, and `\`
    /// before each `"` and `\`.
    private static func quotedLength(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        text.reduce(2) { $0 + (needsQuotedPair($1) ? 2 : 1) }
    }

    private static func needsQuotedPair(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Writes printable ASCII `text` as a quoted-string header word.
    private mutating func writeQuoted(_ text: UnsafeBufferPointer<UInt8>) {
        startHeaderWord(length: Self.quotedLength(text))
        write(UInt8(ascii: "\""))
        for byte in text {
            if Self.needsQuotedPair(byte) { write(UInt8(ascii: "\\")) }
            write(byte)
        }
        write(UInt8(ascii: "\""))
    }
}
