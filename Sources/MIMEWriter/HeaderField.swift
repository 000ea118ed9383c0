/// Header field values: the safety check every value passes, and the
/// writers for unstructured text and runs of encoded-words.
enum HeaderText {
    /// Throws when `text` holds a character that could end a header line or
    /// that readers show as a line break or garbage: C0 controls (tab
    /// included), DEL, C1 controls (NEL among them), U+2028 and U+2029.
    /// RFC 5322 2.2: a field body is printable characters and white space,
    /// and the only line breaks are folding ones the writer makes.
    static func check(_ text: String, field: String) throws(MIMEError) {
        if let scalar = text.unicodeScalars.first(where: isForbidden) {
            throw MIMEError(field: field, message: "\(describe(scalar)) is not allowed in a header")
        }
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `control character U+000A`, `line separator U+2028`.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch scalar.value {
        case 0x2028: return "line separator \(code)"
        case 0x2029: return "paragraph separator \(code)"
        default: return "control character \(code)"
        }
    }

    /// A word that unstructured text may carry as is: printable ASCII,
    /// nothing a decoder could take for an encoded-word, and short enough
    /// for one line.
    static func isPlainWord(_ word: Substring) -> Bool {
        guard !word.isEmpty, word.utf8.count <= MessageBuffer.maxPlainWordLength else { return false }
        guard !word.utf8.containsEncodedWordOpener else { return false }
        return word.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }
}

extension MessageBuffer {
    /// A whole header field from words that need no encoding.
    mutating func writeHeader(_ name: String, words: [String]) {
        beginHeader(name)
        for word in words { writeHeaderWord(word) }
        endHeader()
    }

    /// Writes RFC 5322 `unstructured` text (a subject): printable ASCII words
    /// as they are, every other stretch as encoded-words. A stretch takes in
    /// the spaces between its words, and an empty word (a space at either
    /// end, or two in a row) pulls its neighbours into the stretch, so every
    /// space survives decoding: decoders keep the white space between a
    /// word and an encoded-word and drop it between two encoded-words.
    mutating func writeUnstructured(_ text: String) {
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        var plain = words.map(HeaderText.isPlainWord)
        for (index, word) in words.enumerated() where word.isEmpty {
            if index > 0 { plain[index - 1] = false }
            if index + 1 < words.count { plain[index + 1] = false }
        }
        var index = 0
        while index < words.count {
            if plain[index] {
                writeHeaderWord(words[index])
                index += 1
                continue
            }
            let runStart = index
            while index < words.count && !plain[index] { index += 1 }
            let run = words[runStart..<index].joined(separator: " ")
            if !run.isEmpty { writeEncodedWords(run, context: .text) }
        }
    }

    /// Writes `text` as a run of encoded-words, `prefix` glued to the first
    /// and `suffix` to the last, folding between words as needed. Text that
    /// fits one word gets one word, on the next line if need be; longer text
    /// starts by filling the current line when a useful part fits there.
    mutating func writeEncodedWords(
        _ text: some StringProtocol, context: EncodedWord.Context, prefix: String = "", suffix: String = ""
    ) {
        let extra = prefix.utf8.count + suffix.utf8.count
        let roomOnThisLine = Self.foldWidth - column - 1 - extra
        let onNextLine = EncodedWord.maxLength - extra
        if !nextWordStaysOnThisLine {
            let single = EncodedWord.encode(text, context: context, firstMaxLength: onNextLine)
            if single.count == 1 {
                writeHeaderWord(prefix + single[0] + suffix)
                return
            }
        }
        let staysOnThisLine = roomOnThisLine >= EncodedWord.minimumLength || nextWordStaysOnThisLine
        let first = staysOnThisLine ? min(max(roomOnThisLine, EncodedWord.minimumLength), onNextLine) : onNextLine
        let words = EncodedWord.encode(
            text, context: context, firstMaxLength: first, maxLength: EncodedWord.maxLength - suffix.utf8.count)
        for (index, word) in words.enumerated() {
            let head = index == 0 ? prefix : ""
            let tail = index == words.count - 1 ? suffix : ""
            writeHeaderWord(head + word + tail)
        }
    }
}

extension Collection<UInt8> {
    /// Whether the text holds `=?`, which starts an encoded-word: text
    /// written plainly must not, or a reader might decode it.
    var containsEncodedWordOpener: Bool {
        var previous: UInt8 = 0
        for byte in self {
            if previous == UInt8(ascii: "=") && byte == UInt8(ascii: "?") { return true }
            previous = byte
        }
        return false
    }
}
