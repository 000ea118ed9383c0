/// Header field values: the safety check every value passes, and the
/// writers for unstructured text and runs of encoded-words.
enum HeaderText {
    /// Throws when `text` holds a character that could end a header line or
    /// that readers show as a line break or garbage: C0 controls (tab
    /// included), DEL, C1 controls (NEL among them), U+2028 and U+2029.
    /// RFC 5322 2.2: a field body is printable characters and white space,
    /// and the only line breaks are folding ones the writer makes.
    /// `field` is built only for an error.
    static func check(_ text: String, field: @autoclosure () -> String) throws(MIMEError) {
        guard text.withUTF8Bytes(containsForbidden) else { return }
        if let scalar = text.unicodeScalars.first(where: isForbidden) {
            throw MIMEError(field: field(), message: "\(describe(scalar)) is not allowed in a header")
        }
    }

    /// Whether UTF-8 text holds a scalar that `isForbidden` names, found by
    /// its octets: C0 controls and DEL are single octets, C1 controls are
    /// `C2 80`…`C2 9F`, U+2028 and U+2029 are `E2 80 A8` and `E2 80 A9`.
    /// Eight octets at a time are skipped when none of them is a control,
    /// DEL, `C2` or `E2`.
    static func containsForbidden(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count
                && !mayStartForbidden(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            {
                index += 8
            }
        }
        while index < bytes.count {
            switch bytes[index] {
            case 0x00...0x1F, 0x7F:
                return true
            case 0xC2:
                if index + 1 < bytes.count && bytes[index + 1] < 0xA0 { return true }
            case 0xE2:
                if index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] & 0xFE) == 0xA8 { return true }
            default:
                break
            }
            index += 1
        }
        return false
    }

    /// Whether any octet of `word` is below 0x20, or 0x7F, 0xC2 or 0xE2.
    private static func mayStartForbidden(_ word: UInt64) -> Bool {
        OctetWord.octets(of: word, below: 0x20) | OctetWord.octets(of: word, equalTo: 0x7F)
            | OctetWord.octets(of: word, equalTo: 0xC2) | OctetWord.octets(of: word, equalTo: 0xE2) != 0
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
    static func isPlainWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty, word.count <= MessageBuffer.maxPlainWordLength else { return false }
        return word.allSatisfy { (0x21...0x7E).contains($0) } && !word.containsEncodedWordOpener
    }

    /// A word of header text: its range, and whether it goes in an encoded-word.
    struct Word {
        let range: Range<Int>
        var isEncoded: Bool
    }

    /// Calls `body` with the words of `text` (see `GraphemeBoundaries.words`)
    /// and which of them go in encoded-words: those that `isPlain` rejects,
    /// and the neighbours of an empty word (a space at either end, or two in
    /// a row), so every space survives decoding: decoders keep the white
    /// space between a word and an encoded-word and drop it between two
    /// encoded-words. The list is kept on the stack; text without a space
    /// is one word, found without looking for characters.
    static func withWords<Result>(
        of text: UnsafeBufferPointer<UInt8>, isPlain: (UnsafeBufferPointer<UInt8>) -> Bool,
        _ body: (UnsafeBufferPointer<Word>) -> Result
    ) -> Result {
        let spaces = text.count(of: 0x20)
        guard spaces > 0 else {
            let word = Word(range: text.indices, isEncoded: !isPlain(text))
            return withUnsafePointer(to: word) { body(UnsafeBufferPointer(start: $0, count: 1)) }
        }
        return withUnsafeTemporaryAllocation(of: Word.self, capacity: spaces + 1) { buffer in
            var count = 0
            for range in GraphemeBoundaries(text).words {
                let isEncoded = !isPlain(UnsafeBufferPointer(rebasing: text[range]))
                buffer.initializeElement(at: count, to: Word(range: range, isEncoded: isEncoded))
                count += 1
            }
            let words = UnsafeMutableBufferPointer(rebasing: buffer[..<count])
            for index in words.indices where words[index].range.isEmpty {
                if index > 0 { words[index - 1].isEncoded = true }
                if index + 1 < count { words[index + 1].isEncoded = true }
            }
            return body(UnsafeBufferPointer(words))
        }
    }
}

extension MessageBuffer {
    /// A whole header field of one word that needs no encoding.
    mutating func writeHeader(_ name: StaticString, word: String) {
        beginHeader(name)
        writeHeaderWord(word)
        endHeader()
    }

    /// A whole header field of message ids, each written `<id>`.
    mutating func writeHeader(_ name: StaticString, messageIDs: some Sequence<String>) {
        beginHeader(name)
        for id in messageIDs { writeHeaderWord(id, prefix: "<", suffix: ">") }
        endHeader()
    }

    /// Writes RFC 5322 `unstructured` text (a subject): printable ASCII words
    /// as they are, every other stretch as encoded-words. A stretch takes in
    /// the spaces between its words, and an empty word pulls its neighbours
    /// into the stretch (see `HeaderText.withWords`).
    mutating func writeUnstructured(_ text: String) {
        text.withUTF8Bytes { text in
            HeaderText.withWords(of: text, isPlain: HeaderText.isPlainWord) { words in
                var index = 0
                while index < words.count {
                    if !words[index].isEncoded {
                        writeHeaderWord(bytes: UnsafeBufferPointer(rebasing: text[words[index].range]))
                        index += 1
                        continue
                    }
                    let runStart = index
                    while index < words.count && words[index].isEncoded { index += 1 }
                    let run = words[runStart].range.lowerBound..<words[index - 1].range.upperBound
                    if !run.isEmpty { writeEncodedWords(UnsafeBufferPointer(rebasing: text[run]), context: .text) }
                }
            }
        }
    }

    /// Writes `text` as a run of encoded-words, `prefix` glued to the first
    /// and `suffix` to the last, folding between words as needed. Text that
    /// fits one word gets one word, on the next line if need be; longer text
    /// starts by filling the current line when a useful part fits there.
    mutating func writeEncodedWords(
        _ text: UnsafeBufferPointer<UInt8>, context: EncodedWord.Context, prefix: String = "", suffix: String = ""
    ) {
        let extra = prefix.utf8.count + suffix.utf8.count
        let roomOnThisLine = Self.foldWidth - column - 1 - extra
        let onNextLine = EncodedWord.maxLength - extra
        let staysOnThisLine = roomOnThisLine >= EncodedWord.minimumLength || nextWordStaysOnThisLine
        let first = staysOnThisLine ? min(max(roomOnThisLine, EncodedWord.minimumLength), onNextLine) : onNextLine
        let singleMaxLength = nextWordStaysOnThisLine ? first : onNextLine
        if let single = EncodedWord.singlePiece(of: text, context: context, maxLength: singleMaxLength) {
            writeEncodedWord(single, of: text, context: context, prefix: prefix, suffix: suffix)
            return
        }
        var pieces = EncodedWord.Pieces(
            of: text, context: context, firstMaxLength: first, maxLength: EncodedWord.maxLength - suffix.utf8.count)
        var next = pieces.next()
        var head = prefix
        while let piece = next {
            next = pieces.next()
            writeEncodedWord(piece, of: text, context: context, prefix: head, suffix: next == nil ? suffix : "")
            head = ""
        }
    }
}
