@testable import MIMEWriter
import TestSupport
import Testing

/// The shortcuts the writer takes for speed, each checked against the
/// general way it replaces.
@Suite("Fast paths agree with the general path")
struct FastPathTests {
    /// Random lines from octets that make quoted-printable's choices hard:
    /// escapes, trailing white space, `.` and `From ` at line starts, long lines.
    static func randomLines(_ random: inout SeededRandom) -> [UInt8] {
        let pieces: [[UInt8]] = [
            Array("From ".utf8), Array("From".utf8), [0x2E], [0x3D], [0x20], [0x09], [0x46], Array("é".utf8), Array("数".utf8),
            [0x61], [0x62], [0x00], [0x7F], [0x0A], Array(repeating: 0x78, count: 70),
        ]
        var bytes = (0..<random.int(0...120)).flatMap { _ in random.pick(pieces) }
        bytes.append(0x0A)
        return bytes
    }

    @Test("QuotedPrintable.encodedLength counts exactly what QuotedPrintable.body writes")
    func quotedPrintableLength() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<2000 {
            let lines = CanonicalText(String(decoding: Self.randomLines(&random), as: UTF8.self)).bytes
            var buffer = MessageBuffer(capacity: 0)
            lines.withUnsafeBufferPointer { QuotedPrintable.body($0, to: &buffer) }
            let counted = lines.withUnsafeBufferPointer(QuotedPrintable.encodedLength(of:))
            #expect(counted == buffer.bytes.count, "\(lines)")
            let census = lines.withUnsafeBufferPointer(OctetCensus.init)
            #expect(census.quotedPrintableMinimum <= counted, "\(lines)")
            #expect(lines.count + 2 * lines.filter { $0 >= 0x80 }.count <= counted, "the bound TextContent uses first")
        }
    }

    @Test("the census counts eight octets at a time as one at a time")
    func census() {
        var random = SeededRandom(seed: 17)
        for length in 0..<600 {
            let bytes = (0..<length % 40 + length / 40 * 97).map { _ in UInt8(random.int(0...255)) }
            let census = bytes.withUnsafeBufferPointer(OctetCensus.init)
            #expect(census.octets == bytes.count)
            #expect(census.equalSigns == bytes.filter { $0 == 0x3D }.count)
            #expect(census.needsEncoding == bytes.filter { !(0x20...0x7E).contains($0) && ![0x09, 0x0A, 0x0D].contains($0) }.count)
        }
    }

    @Test("the canonical form agrees with line by line, and the non-ASCII count with a filter")
    func canonicalText() {
        // Line by line: the lines split at CRLF, CR or LF, each ended by CRLF.
        func reference(_ bytes: [UInt8]) -> [UInt8] {
            var lines: [[UInt8]] = []
            var line: [UInt8] = []
            var afterCarriageReturn = false
            for byte in bytes {
                defer { afterCarriageReturn = byte == 0x0D }
                if byte == 0x0A && afterCarriageReturn { continue }
                if byte == 0x0A || byte == 0x0D {
                    lines.append(line)
                    line = []
                } else {
                    line.append(byte)
                }
            }
            if !line.isEmpty { lines.append(line) }
            return lines.flatMap { $0 + [0x0D, 0x0A] }
        }
        var random = SeededRandom(seed: 17)
        let pieces: [[UInt8]] = [[0x0A], [0x0D], [0x0D, 0x0A], [0x3D], [0x09], [0x7F], [0x00], [0x20], [0x61], Array("数".utf8), Array("é".utf8)]
        for length in 0..<600 {
            // Runs of CJK, which the count takes eight octets at a time, between the pieces;
            // every other text without CR, which is copied a line at a time.
            var bytes = (0..<length % 40).flatMap { _ in random.pick(pieces) + Array(repeating: Array("据".utf8), count: random.int(0...4)).joined() }
            if length % 2 == 1 { bytes.removeAll { $0 == 0x0D } }
            let text = CanonicalText(String(decoding: bytes, as: UTF8.self))
            #expect(text.bytes == reference(bytes), "\(bytes)")
            let nonASCII = bytes.filter { $0 >= 0x80 }.count
            for limit in [0, nonASCII - 1, nonASCII, nonASCII + 1] {
                #expect(bytes.withUnsafeBufferPointer { $0.hasNonASCIIOctets(moreThan: limit) } == (nonASCII > limit), "\(bytes)")
            }
        }
    }

    @Test("the transfer encoding is the smaller of quoted-printable and base64 as written")
    func encodingChoice() {
        var random = SeededRandom(seed: 12)
        var chosen: [TransferEncoding: Int] = [:]
        for _ in 0..<2000 {
            let lines = Self.randomLines(&random)
            let content = TextContent(String(decoding: lines, as: UTF8.self))
            guard content.encoding != .sevenBit else { continue }
            var quotedPrintable = MessageBuffer(capacity: 0)
            content.canonical.withUnsafeBufferPointer { QuotedPrintable.body($0, to: &quotedPrintable) }
            let base64Length = Base64.bodyLength(of: content.canonical.count)
            let expected: TransferEncoding = quotedPrintable.bytes.count <= base64Length ? .quotedPrintable : .base64
            #expect(content.encoding == expected, "\(lines)")
            chosen[content.encoding, default: 0] += 1
        }
        #expect(chosen[.quotedPrintable, default: 0] > 100 && chosen[.base64, default: 0] > 100, "both sides tried: \(chosen)")
    }

    /// Text mixing scalars that stand alone with ones that join: combining
    /// marks, emoji with ZWJ and modifiers, flags, Hangul jamo, a prepended
    /// mark, `@`, `.` and spaces.
    static func randomText(_ random: inout SeededRandom, length: ClosedRange<Int> = 0...12) -> String {
        let pieces = [
            "a", "Z", "0", " ", " ", "@", ".", "-", "é", "数", "，", "\u{3000}", "“", "\u{301}", "\u{200D}", "👩", "🏽", "🇨",
            "🇳", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{600}", "\u{94D}", "\u{915}", "\r", "\n", "\u{A0}", "\u{85}",
            "\u{2028}", "\u{7F}", "=?", "\u{FE0F}",
        ]
        return (0..<random.int(length)).map { _ in random.pick(pieces) }.joined()
    }

    /// The octet offsets where `text`'s characters start, and its end.
    static func characterStarts(_ text: String) -> [Int] {
        var offsets = [0]
        for character in text { offsets.append(offsets.last! + character.utf8.count) }
        return offsets
    }

    @Test("every scalar that stands alone breaks from its neighbours, as the standard library says")
    func standingAlone() {
        let probes: [(before: String, after: String)] = [
            ("a", ""), ("", "a"), ("", "\u{1161}"), ("", "\u{11A8}"), ("\u{1100}", ""), ("", "\u{3000}"), ("é", ""),
        ]
        var count = 0
        for value in UInt32(0)...0xFFFF where GraphemeBoundaries.standsAlone(value) {
            let scalar = String(Unicode.Scalar(value)!)
            for (before, after) in probes + [("", scalar)] {
                let text = before + scalar + after
                #expect(text.count == text.unicodeScalars.count, "U+\(String(value, radix: 16)) with \(before.debugDescription) \(after.debugDescription)")
            }
            count += 1
        }
        #expect(count > 20_000)
    }

    @Test("the scalars breaksAtEveryScalar takes without decoding all stand alone")
    func undecodedScalarsStandAlone() {
        // Printable ASCII, and every scalar whose UTF-8 lead octet is E5…E9.
        let values = Array(UInt32(0x20)...0x7E) + Array(UInt32(0x5000)...0x9FFF)
        #expect(values.allSatisfy(GraphemeBoundaries.standsAlone))
        #expect(String(Unicode.Scalar(0x5000)!).utf8.first == 0xE5 && String(Unicode.Scalar(0x9FFF)!).utf8.first == 0xE9)
        #expect(String(Unicode.Scalar(0x4FFF)!).utf8.first == 0xE4 && String(Unicode.Scalar(0xA000)!).utf8.first == 0xEA)
    }

    @Test("grapheme boundaries and words agree with Character and split")
    func boundariesAndWords() {
        var random = SeededRandom(seed: 13)
        for _ in 0..<3000 {
            let text = Self.randomText(&random)
            text.withUTF8Bytes { bytes in
                let boundaries = GraphemeBoundaries(bytes)
                let starts = Set(Self.characterStarts(text))
                #expect((0...bytes.count).filter(boundaries.isBoundary) == starts.sorted(), "\(text.debugDescription)")
                let words = text.split(separator: " ", omittingEmptySubsequences: false).map { word in
                    let start = text.utf8.distance(from: text.utf8.startIndex, to: word.startIndex)
                    return start..<start + word.utf8.count
                }
                #expect(Array(boundaries.words) == words, "\(text.debugDescription)")
            }
        }
    }

    @Test("forbidden header characters are found by octet as by scalar")
    func forbiddenByOctet() {
        let values = Array(UInt32(0)...0xFFFF) + Array(stride(from: UInt32(0x10000), through: 0x10FFFF, by: 251))
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            // At every position of an eight-octet word, after ASCII or CJK.
            let text = String(repeating: value % 2 == 0 ? "a" : "数", count: Int(value % 11)) + String(scalar) + "b"
            #expect(text.withUTF8Bytes(HeaderText.containsForbidden) == HeaderText.isForbidden(scalar), "U+\(String(value, radix: 16))")
        }
        var random = SeededRandom(seed: 18)
        for _ in 0..<3000 {
            let text = Self.randomText(&random, length: 0...30)
            let expected = text.unicodeScalars.contains(where: HeaderText.isForbidden)
            #expect(text.withUTF8Bytes(HeaderText.containsForbidden) == expected, "\(text.debugDescription)")
        }
    }

    @Test("the address grammar on octets agrees with the same grammar on Characters")
    func addressGrammar() {
        // The grammar as first written: splits on Characters.
        func isDotAtom(_ text: Substring) -> Bool {
            text.split(separator: ".", omittingEmptySubsequences: false)
                .allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy(AddressSpec.isAtext) }
        }
        func isHostName(_ text: Substring) -> Bool {
            guard !text.isEmpty, text.utf8.count <= 253 else { return false }
            return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
                let bytes = label.utf8
                guard (1...63).contains(bytes.count), bytes.first != 0x2D, bytes.last != 0x2D else { return false }
                return bytes.allSatisfy { $0 == 0x2D || Character(Unicode.Scalar($0)).isASCII && Character(Unicode.Scalar($0)).isLetter || (0x30...0x39).contains($0) }
            }
        }
        var random = SeededRandom(seed: 14)
        var accepted = 0
        for index in 0..<6000 {
            let text = index % 3 == 0 ? Self.randomText(&random) : String((0..<random.int(0...14)).map { _ in random.pick(Array("ab9.-@_=é")) })
            text.withUTF8Bytes { bytes in
                let parts = text.split(separator: "@", omittingEmptySubsequences: false)
                #expect(AddressSpec.atSign(in: bytes, of: text) == (parts.count == 2 ? parts[0].utf8.count : nil), "\(text.debugDescription)")
                #expect(AddressSpec.isDotAtom(bytes) == isDotAtom(text[...]), "\(text.debugDescription)")
                #expect(AddressSpec.isHostName(bytes) == isHostName(text[...]), "\(text.debugDescription)")
                if AddressSpec.isDotAtom(bytes) { accepted += 1 }
            }
        }
        #expect(accepted > 200)
    }

    @Test("an @ joined to a combining mark does not split an address")
    func joinedAtSign() {
        #expect(mimeError { () throws(MIMEError) in try AddressSpec.validate("a@\u{301}b.example.com", field: "to[0].address") }
            == MIMEError(field: "to[0].address", message: "'a@\u{301}b.example.com' is not an address of the form local@domain"))
        #expect(mimeError { () throws(MIMEError) in try AddressSpec.validate("a\u{600}@b.example.com", field: "to[0].address") }
            == MIMEError(field: "to[0].address", message: "'a\u{600}@b.example.com' is not an address of the form local@domain"))
    }

    @Test("fitsOneWord answers whether encode gives one word")
    func fitsOneWord() {
        var random = SeededRandom(seed: 15)
        for _ in 0..<3000 {
            let text = Self.randomText(&random, length: 0...40)
            let maxLength = random.int(EncodedWord.minimumLength...EncodedWord.maxLength)
            for context in [EncodedWord.Context.text, .phrase] {
                let words = EncodedWord.encode(text, context: context, firstMaxLength: maxLength)
                let fits = text.withUTF8Bytes { EncodedWord.fitsOneWord($0, context: context, maxLength: maxLength) }
                #expect(fits == (words.count == 1), "\(text.debugDescription) in \(maxLength)")
            }
        }
    }

    @Test("singlePiece is the one piece pieces gives, and nil where pieces gives several")
    func singlePiece() {
        var random = SeededRandom(seed: 20)
        var single = 0
        for _ in 0..<3000 {
            let text = Self.randomText(&random, length: 0...40)
            let maxLength = random.int(EncodedWord.minimumLength...EncodedWord.maxLength)
            for context in [EncodedWord.Context.text, .phrase] {
                text.withUTF8Bytes { bytes in
                    let pieces = EncodedWord.pieces(of: bytes, context: context, firstMaxLength: maxLength)
                    let piece = EncodedWord.singlePiece(of: bytes, context: context, maxLength: maxLength)
                    let expected = pieces.count == 1 ? pieces.first : nil
                    #expect(piece == expected, "\(text.debugDescription) in \(maxLength)")
                    if piece != nil { single += 1 }
                }
            }
        }
        #expect(single > 1000)
    }

    @Test("names keep their white space unless it follows a space")
    func collapsingSpaceRuns() {
        var random = SeededRandom(seed: 16)
        for _ in 0..<3000 {
            let name = Self.randomText(&random) + random.pick(["", " ", "  ", " \u{3000}", " \u{A0}", "\t"])
            var scalars = String.UnicodeScalarView()
            var afterSpace = false
            for scalar in name.unicodeScalars where !(afterSpace && scalar.properties.isWhitespace) {
                scalars.append(scalar)
                afterSpace = scalar == " "
            }
            #expect(MessageBuffer.collapsingSpaceRuns(name) == String(scalars), "\(name.debugDescription)")
        }
    }

    @Test(
        "dates write their numbers as String(value) padded with zeros",
        arguments: [0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 123_456, -1, -10, -999, Int.max, Int.min])
    func decimalDigits(value: Int) {
        for digits in 1...4 {
            let text = DateText.string { $0.append(value, digits: digits) }
            let plain = String(value)
            #expect(text == String(repeating: "0", count: max(0, digits - plain.count)) + plain)
        }
    }

    @Test("mbox lines are copied in place as line by line, also when quoted lines outgrow the room")
    func mboxInPlace() {
        // Line by line: LF for CRLF or LF, one more `>` before `^>*From `.
        func reference(_ message: [UInt8]) -> [UInt8] {
            var lines = message.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            if message.last == 0x0A || message.isEmpty { lines.removeLast() }
            return lines.flatMap { line -> [UInt8] in
                var line = line
                if line.last == 0x0D { line.removeLast() }
                let quoted = line.drop(while: { $0 == UInt8(ascii: ">") }).starts(with: "From ".utf8)
                return (quoted ? [UInt8(ascii: ">")] : []) + line + [0x0A]
            }
        }
        var random = SeededRandom(seed: 19)
        let pieces: [[UInt8]] = [[0x0A], [0x0D], [0x0D, 0x0A], Array("From ".utf8), [0x3E], [0x46], [0x61], Array("数".utf8)]
        let header = Array("From s@example.com Mon Nov  9 09:18:00 2020\n".utf8)
        for index in 0..<500 {
            // Every 50th: 300 `From ` lines without CR, more than the room given at first.
            let message = index % 50 == 0
                ? Array(repeating: Array("From x\n".utf8), count: 300).flatMap { $0 }
                : (0..<random.int(0...60)).flatMap { _ in random.pick(pieces) }
            var mbox: [UInt8] = []
            Mbox.append(message, envelopeSender: "s@example.com", date: Samples.date, to: &mbox)
            #expect(mbox == header + reference(message) + [0x0A], "\(message)")
        }
    }
}
