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

    func validate(field: String) throws(MIMEError) {
        try HeaderText.check(name, field: "\(field).name")
        try AddressSpec.validate(address, field: "\(field).address")
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
/// domain ≤ 253.
enum AddressSpec {
    static func validate(_ address: String, field: String) throws(MIMEError) {
        func fail(_ message: String) -> MIMEError { MIMEError(field: field, message: message) }
        try HeaderText.check(address, field: field)
        guard !address.isEmpty else { throw fail("the address is empty") }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw fail("'\(address)' is not an address of the form local@domain") }
        let local = parts[0]
        let domain = parts[1]
        guard isDotAtom(local) else {
            throw fail("local part '\(local)' is not a dot-atom (letters, digits, !#$%&'*+-/=?^_`{|}~ and single dots)")
        }
        guard local.utf8.count <= 64 else { throw fail("local part is longer than 64 octets") }
        guard !address.utf8.containsEncodedWordOpener else { throw fail("'=?' is not allowed in an address") }
        guard isHostName(domain) else {
            throw fail("domain '\(domain)' is not a host name (labels of letters, digits and inner hyphens)")
        }
    }

    /// RFC 5322 3.2.3 atext.
    static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
        }
    }

    static func isDotAtom(_ text: Substring) -> Bool {
        let atoms = text.split(separator: ".", omittingEmptySubsequences: false)
        return atoms.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy(isAtext) }
    }

    static func isHostName(_ domain: Substring) -> Bool {
        guard !domain.isEmpty, domain.utf8.count <= 253 else { return false }
        return domain.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            let bytes = label.utf8
            guard (1...63).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-")
            else { return false }
            return bytes.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default: return false
        }
    }
}

extension MessageBuffer {
    /// Writes an address-list field (`To`, `Cc`) or a mailbox field (`From`).
    mutating func writeAddressHeader(_ name: String, _ mailboxes: [Mailbox]) {
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
        let name = Self.collapsingSpaceRuns(mailbox.name)
        guard !name.isEmpty else {
            writeHeaderWord(mailbox.address + separator)
            return
        }
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        if words.allSatisfy(PhraseWord.isPlainAtom) {
            for word in words { writeHeaderWord(word) }
        } else if let quoted = Self.quotedString(name) {
            writeHeaderWord(quoted)
        } else {
            writePhrase(words)
        }
        writeHeaderWord("<" + mailbox.address + ">" + separator)
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
    private mutating func writePhrase(_ words: [Substring]) {
        var kinds = words.map(PhraseWord.init)
        for (index, word) in words.enumerated() where word.isEmpty {
            if index > 0 { kinds[index - 1] = .encoded }
            if index + 1 < words.count { kinds[index + 1] = .encoded }
        }
        var index = 0
        while index < words.count {
            switch kinds[index] {
            case .atom:
                writeHeaderWord(words[index])
                index += 1
            case .quoted:
                writeHeaderWord(Self.quoted(words[index]))
                index += 1
            case .encoded:
                let runStart = index
                while index < words.count && kinds[index] == .encoded { index += 1 }
                let first = max(EncodedWord.minimumLength, min(EncodedWord.maxLength, maxNextWordLength))
                for word in Self.encodedPhrase(words[runStart..<index], firstMaxLength: first) { writeHeaderWord(word) }
            }
        }
    }

    private enum PhraseWord: Equatable {
        case atom, quoted, encoded

        init(_ word: Substring) {
            if Self.isPlainAtom(word) {
                self = .atom
            } else if !word.isEmpty, !word.utf8.containsEncodedWordOpener, word.utf8.count + 2 <= maxPlainWordLength,
                word.utf8.allSatisfy({ (0x21...0x7E).contains($0) })
            {
                self = .quoted
            } else {
                self = .encoded
            }
        }

        static func isPlainAtom(_ word: Substring) -> Bool {
            !word.isEmpty && word.utf8.count <= maxPlainWordLength && !word.utf8.containsEncodedWordOpener
                && word.utf8.allSatisfy(AddressSpec.isAtext)
        }
    }

    /// The words of a stretch as encoded-words: one if it fits, else chunks
    /// cut before spaces, each packed as long as it still fits one word. A
    /// chunk whose first word would be a B word right after a padded B word
    /// gets its leading space as a Q word of its own (see `EncodedWord`).
    private static func encodedPhrase(_ words: ArraySlice<Substring>, firstMaxLength: Int) -> [String] {
        func encode(_ text: some StringProtocol, first: Bool = false) -> [String] {
            EncodedWord.encode(text, context: .phrase, firstMaxLength: first ? firstMaxLength : EncodedWord.maxLength)
        }
        var chunks: [String] = []
        for (offset, word) in words.enumerated() {
            let piece = offset == 0 ? String(word) : " " + word
            if let last = chunks.last, encode(last + piece, first: chunks.count == 1).count == 1 {
                chunks[chunks.count - 1] = last + piece
            } else {
                chunks.append(piece)
            }
        }
        var encoded: [String] = []
        for chunk in chunks {
            let words = encode(chunk, first: encoded.isEmpty)
            if let previous = encoded.last, previous.hasPrefix("=?UTF-8?B?"), previous.hasSuffix("=?="),
                words[0].hasPrefix("=?UTF-8?B?")
            {
                encoded.append("=?UTF-8?Q?_?=")
                encoded += encode(chunk.dropFirst())
            } else {
                encoded += words
            }
        }
        return encoded
    }

    /// `name` without the white space that follows a space.
    static func collapsingSpaceRuns(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        var afterSpace = false
        for scalar in name.unicodeScalars where !(afterSpace && scalar.properties.isWhitespace) {
            scalars.append(scalar)
            afterSpace = scalar == " "
        }
        return String(scalars)
    }

    /// RFC 5322 3.2.4 quoted-string for printable ASCII names (a `.` or `,`
    /// in them), escaping `"` and `\`; `nil` when the name needs encoding
    /// or would not fit on one line.
    private static func quotedString(_ name: String) -> String? {
        let printable = name.utf8.allSatisfy { (0x20...0x7E).contains($0) }
        guard printable, !name.utf8.containsEncodedWordOpener else { return nil }
        let quoted = quoted(name[...])
        return quoted.utf8.count <= maxPlainWordLength ? quoted : nil
    }

    private static func quoted(_ text: Substring) -> String {
        var quoted = "\""
        for character in text {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        quoted.append("\"")
        return quoted
    }
}
