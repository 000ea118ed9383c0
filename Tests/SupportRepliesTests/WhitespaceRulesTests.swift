import TestSupport
import Testing

@testable import SupportReplies

/// The header-text and whitespace helpers have fast paths for text that needs
/// no change; these tables cross both the fast and the general path.
@Suite struct WhitespaceRulesTests {
    @Test(arguments: [
        ("张女士", "张女士"),  // already folded: returned as is
        ("C&M Ltd.", "C&M Ltd."),
        ("a  b", "a b"),  // a double space collapses
        (" a", "a"),
        ("a ", "a"),
        ("a\tb", "a b"),
        ("a\r\nb", "a b"),
        ("a\u{85}b", "a b"),  // NEL, C2 85
        ("a\u{2028}b", "a b"),  // line separator, E2 80 A8
        ("a\u{2029}b", "a b"),
        ("a\u{2026}b", "a\u{2026}b"),  // … is E2 80 A6: no fold
        ("\u{A8}\u{A9}", "\u{A8}\u{A9}"),  // ¨© (C2 A8, C2 A9) are not separators
        ("", ""),
    ])
    func headerTextFolds(input: String, expected: String) throws {
        #expect(try HeaderText.fold(input).get() == expected)
    }

    @Test("long text folds as scalar by scalar, whichever octets the fast path passes over")
    func headerTextFoldsLongText() {
        // The fold spelled out over scalars; nil for a refused control character.
        func reference(_ text: String) -> String? {
            var result = ""
            var pendingSpace = false
            for scalar in text.unicodeScalars {
                if [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0x2028, 0x2029].contains(scalar.value) {
                    pendingSpace = !result.isEmpty
                    continue
                }
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return nil }
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
            return result
        }
        let pieces = ["张", "一", "a", "Ltd.", " ", "  ", "\t", "\r\n", "\u{85}", "\u{2028}", "\u{2026}", "\u{A8}", "\u{1B}", "\u{7F}", "\u{9B}"]
        var random = SeededRandom(seed: 8)
        for _ in 0..<2000 {
            let text = (0..<random.int(0...24)).map { _ in random.chance(80) ? random.pick(Array(pieces.prefix(4))) : random.pick(pieces) }.joined()
            #expect((try? HeaderText.fold(text).get()) == reference(text), "\(text.debugDescription)")
        }
    }

    @Test(arguments: ["a\u{1B}b", "\u{7F}", "x\u{9B}", "\u{0}"])
    func headerTextRefusesControlCharacters(input: String) {
        #expect(throws: HeaderText.ControlCharacter.self) { try HeaderText.fold(input).get() }
    }

    @Test(arguments: [
        ("abc", "abc"),
        ("  abc\n", "abc"),
        ("\u{3000}张三\u{3000}", "张三"),
        ("\u{A0}x\u{2003}", "x"),
        ("a b", "a b"),
        (" \t\n", ""),
        ("", ""),
        ("e\u{301} ", "e\u{301}"),
        // Ends the String shortcut judges by lead byte, each way:
        ("张三", "张三"), ("Élodie", "Élodie"), ("x\u{A0}", "x"), ("\u{85}x", "x"),
        ("\u{2003}张", "张"), ("张\u{3000}", "张"), ("\u{1680}a", "a"), ("a\u{1F600}", "a\u{1F600}"),
    ])
    func trimsUnicodeWhitespace(input: String, expected: String) {
        #expect(input.trimmingWhitespace == expected)
        #expect(Substring(input).trimmingWhitespace == expected)
    }

    @Test(arguments: [
        ("a  b\n\tc", "a b c"),
        ("\u{3000}问题\u{3000}\u{3000}定义 ", "问题 定义"),
        ("one", "one"),
        ("", ""),
        // Each way past the shortcut for text that needs nothing done:
        ("a b", "a b"), (" a", "a"), ("a ", "a"), ("a\u{A0}b", "a b"), ("问题\u{3000}", "问题"), ("「a」 b", "「a」 b"),
        ("a\u{2009}b", "a b"), ("\tx", "x"),
    ])
    func collapsesWhitespaceRuns(input: String, expected: String) {
        #expect(input.collapsingWhitespace == expected)
    }

    @Test(arguments: [
        ("\n\n a \n\n\n b\t\n\n", " a\n\n b\n"),  // leading blank lines go, runs shrink to one
        ("x\u{3000}\r\ny", "x\ny\n"),  // CRLF and a trailing ideographic space
        ("问题\u{3000}\u{3000}\n \t\n定义", "问题\n\n定义\n"),
        ("a\u{3000}b", "a\u{3000}b\n"),  // inside a line it stays
        ("end", "end\n"),
        ("a\n\nb\n", "a\n\nb\n"),  // already normal: kept as is
        ("a \nb", "a\nb\n"),
        ("  \nx", "x\n"),
        ("x\u{3000}", "x\n"),
        ("x\n\n", "x\n"),
        ("", "\n"),
        (" \n\t\n", "\n"),
    ])
    func bodyTextNormalizes(input: String, expected: String) {
        #expect(BodyText.normalized(input) == expected)
    }

    @Test(arguments: [
        ("a\nb", "    a\n    b"),
        ("a\n\nb\n", "    a\n\n    b\n"),  // empty lines stay empty
        ("a\r\nb", "    a\r\n    b"),  // CRLF ends a line too
        ("日志 1\n日志 2", "    日志 1\n    日志 2"),
        ("", ""),
    ])
    func evidenceBlocksAreIndented(input: String, expected: String) {
        #expect(ReplyView.indented(input) == expected)
    }

    @Test func scalarWhitespaceMatchesTheUnicodeProperty() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isWhitespace == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
        for value in stride(from: UInt32(0x3100), through: 0x10FFFF, by: 97) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isWhitespace == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }
}

/// The folding the notice search matches on, with UTF-8 offsets as origins
/// (SignificantText writes it into place, so the two-digit list numbers are
/// worth a row of their own).
@Suite struct SignificantTextTests {
    @Test(arguments: [
        ("⑫ Ａb，c", "12abc", [0, 0, 4, 7, 11]),
        ("⑴⒛", "120", [0, 3, 3]),
        ("隐私 Notice.", "隐私notice", [0, 3, 7, 8, 9, 10, 11, 12]),
        ("— … ＊", "", []),
    ])
    func keepsFoldedLettersAndDigitsWithTheirOrigins(text: String, kept: String, origins: [Int]) {
        let significant = SignificantText(text)
        #expect(String(String.UnicodeScalarView(significant.scalars)) == kept)
        #expect(significant.origins == origins)
    }

    @Test(arguments: [
        (0, 1, "0"), (7, 1, "7"), (7, 2, "07"), (12, 2, "12"), (123, 2, "123"), (2020, 4, "2020"), (5, 4, "0005"),
        (Int.max, 1, String(Int.max)), (1_000_000_000_000_000_000, 1, "1000000000000000000"),
    ])
    func appendsDecimals(value: Int, width: Int, expected: String) {
        var bytes: [UInt8] = Array("x".utf8)
        bytes.appendDecimal(value, width: width)
        #expect(String(decoding: bytes, as: UTF8.self) == "x" + expected)
    }

    /// The byte matcher agrees with the White_Space property on every scalar.
    @Test func byteWhitespaceMatchesTheUnicodeProperty() {
        var disagreements: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array(String(scalar).utf8)
            let length = bytes.withUnsafeBufferPointer { $0.whitespaceLength(at: 0) }
            if (length > 0) != scalar.properties.isWhitespace || (length > 0 && length != bytes.count) {
                disagreements.append("U+\(String(value, radix: 16))")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements)")
    }
}
