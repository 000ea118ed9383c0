import Testing

@testable import SupportReplies

@Suite struct UTF8ReadingTests {
    /// Every scalar of the Basic Multilingual Plane and a sample of the
    /// others (all four encoding lengths, and the last scalar) decodes from
    /// the bytes a string holds for it, with the length of its encoding.
    @Test func decodesScalarsOfEveryLength() {
        let values = Array(0...0xFFFF) + Array(stride(from: 0x10000, through: 0x10FFFF, by: 61)) + [0x10FFFF]
        let scalars = values.compactMap { Unicode.Scalar(UInt32($0)) }
        var text = String(String.UnicodeScalarView(scalars))
        text.withUTF8 { bytes in
            var offset = 0
            for expected in scalars {
                let (scalar, length) = bytes.scalar(at: offset)
                guard scalar == expected, length == expected.utf8.count else {
                    Issue.record("U+\(String(expected.value, radix: 16)): got U+\(String(scalar.value, radix: 16)), \(length) bytes")
                    return
                }
                offset += length
            }
            #expect(offset == bytes.count)
        }
    }
}

@Suite struct IdeographShortcutTests {
    /// Every scalar of the Basic Multilingual Plane: the shortcut gives
    /// exactly the CJK ideographs U+4E00…U+9FFF, as the general decoding does.
    @Test func givesExactlyTheIdeographs() {
        let scalars = (0...0xFFFF).compactMap { Unicode.Scalar(UInt32($0)) }
        var text = String(String.UnicodeScalarView(scalars))
        var wrong: [UInt32] = []
        text.withUTF8 { bytes in
            var offset = 0
            for scalar in scalars {
                let expected = (0x4E00...0x9FFF).contains(scalar.value) ? scalar : nil
                if bytes.ideograph(at: offset) != expected { wrong.append(scalar.value) }
                offset += scalar.utf8.count
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }
}

@Suite struct ScalarArrayTests {
    @Test(arguments: ["", "abc", "隐私声明 Privacy", "e\u{301}👩‍💻\u{10FFFF}", String(repeating: "数据", count: 200)])
    func decodesAsTheScalarView(_ text: String) {
        #expect([Unicode.Scalar](scalarsOf: text) == Array(text.unicodeScalars))
    }
}
