import TestSupport
import Testing

@testable import SupportReplies

/// `BodyText` checks whole words of bytes at a time and skips work for text
/// that already follows the rules; these tests hold it to the rules written
/// out plainly (models below), over text that puts line breaks, trailing
/// spaces and blank lines at every offset of a word.
@Suite struct BodyTextTests {
    /// The whitespace rules, line by line over Characters.
    static func modelNormalized(_ text: String) -> String {
        var lines: [String] = []
        var blankRun = 0
        // Split on the scalar: as Characters, CR LF is one and not "\n".
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            var content = line
            while let last = content.last, [" ", "\t", "\r", "\u{3000}"].contains(last) { content = content.dropLast() }
            let contentText = String(String.UnicodeScalarView(content))
            if contentText.isEmpty {
                blankRun += 1
            } else {
                if !lines.isEmpty && blankRun > 0 { lines.append("") }
                lines.append(contentText)
                blankRun = 0
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Trailing line breaks dropped, Character by Character.
    static func modelTrimmed(_ text: String) -> String {
        var text = Substring(text)
        while text.last?.isNewline == true { text = text.dropLast() }
        return String(text)
    }

    static let pieces = ["a", "bc", "数据", " ", "\t", "\r", "\n", "\n\n", "\u{3000}", "\r\n", "1234567", "x y", "\u{2028}"]

    @Test func randomTextsNormalizeAsTheRulesSay() {
        var random = SeededRandom(seed: 0xB0D7)
        var unchanged = 0
        for _ in 0..<3_000 {
            let text = (0..<Int(random.next() % 24)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            let expected = Self.modelNormalized(text)
            #expect(BodyText.normalized(text) == expected, "\(text.debugDescription)")
            #expect(BodyText.normalized(expected) == expected, "\(expected.debugDescription)")  // the fast path
            if text == expected { unchanged += 1 }
        }
        #expect(unchanged > 0)
    }

    /// A line break at each offset of the first two words, after a byte
    /// that could make the word test flag the wrong byte.
    @Test(arguments: 0..<16)
    func lineBreakAtEveryOffset(_ offset: Int) {
        for before in ["x", "\u{1}", "\u{B}", "\u{C}"] {
            let head = String(repeating: before, count: offset)
            for text in [head + "\nz\n", head + " \nz\n", head + "\n\n\nz", head + "\r\nz\n", "q" + head + "\n" + head + "\n"] {
                #expect(BodyText.normalized(text) == Self.modelNormalized(text), "\(text.debugDescription)")
            }
        }
    }

    @Test(arguments: [
        "", "a", "a\n", "a\n\n", "a\r\n", "a\r", "a\u{B}", "a\u{C}", "a\u{85}", "a\u{2028}", "a\u{2029}", "a\n\u{2029}\r\n",
        "e\u{301}", "\u{600}a", "a ", "\n", "数据\n", "数据", "a\u{85}\n", "\u{2029}\u{2028}", "a\u{301}\n", "\n\u{301}",
        "\u{2027}", "\u{85}\r\n\u{B}", "\u{C2}\u{85}",
    ])
    func trimsTrailingNewlinesAsCharactersDo(_ text: String) {
        #expect(text.trimmingTrailingNewlines == Self.modelTrimmed(text))
    }

    @Test(arguments: [
        ["a", "b"], ["a\n\n", "b\n"], ["", "b"], ["a", "", "c"], ["\n", "\n"], [], ["a\r\n", "\u{2028}"], ["数据\n", "x"],
    ])
    func joinsWithOneBlankLine(_ parts: [String]) {
        #expect(BodyText.joined(parts) == parts.map(Self.modelTrimmed).filter { !$0.isEmpty }.joined(separator: "\n\n"))
    }
}
