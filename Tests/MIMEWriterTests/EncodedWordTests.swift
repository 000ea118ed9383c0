@testable import MIMEWriter
import Testing

@Suite("RFC 2047 encoded-words")
struct EncodedWordTests {
    static let texts = [
        "数据库连接超时",
        "[案例号: CAS-03282-J6Y6M6] % 数据库连接超时 % 初次响应 CMIT:0001866",
        String(repeating: "a中b文c", count: 12),
        "👩‍💻 Ana López 🇨🇳 e\u{301} 👨‍👩‍👧‍👦 👍🏽",
        "שלום עולם مرحبا بالعالم",
        String(repeating: "x", count: 300),
        " leading, trailing and  double  spaces ",
        "=?utf-8?q?not_a_word?= _underscore_ \"quoted\" back\\slash ?=",
        "é",
        String(repeating: "😀", count: 30),
        "ab中",
    ]

    @Test(
        "every word is short, whole, decodable, and only the last may be padded",
        arguments: texts, [EncodedWord.Context.text, .phrase])
    func wordsCarryTheWholeText(text: String, context: EncodedWord.Context) throws {
        for firstMax in [EncodedWord.minimumLength, 40, 75] {
            let words = EncodedWord.encode(text, context: context, firstMaxLength: firstMax)
            var joined: [UInt8] = []
            for (index, word) in words.enumerated() {
                #expect(word.utf8.count <= (index == 0 ? firstMax : 75), "\(word)")
                let decoded = try #require(Decoders.encodedWord(word), "\(word)")
                #expect(String(validating: decoded.octets, as: UTF8.self) != nil, "split character in \(word)")
                if decoded.encoding == "B" && index < words.count - 1 {
                    #expect(!word.hasSuffix("=?="), "padded B word before another: \(word)")
                }
                if decoded.encoding == "Q" {
                    let text = word.dropFirst(10).dropLast(2)
                    #expect(text.utf8.allSatisfy { Self.isAllowedInQ($0, context) }, "\(word)")
                }
                joined += decoded.octets
            }
            #expect(joined == Array(text.utf8))
        }
    }

    @Test(
        "the shorter of B and Q",
        arguments: [
            ("数据库", "=?UTF-8?B?5pWw5o2u5bqT?="),
            ("hello world", "=?UTF-8?Q?hello_world?="),
            ("café", "=?UTF-8?B?Y2Fmw6k=?="),
            ("café au lait", "=?UTF-8?Q?caf=C3=A9_au_lait?="),
            ("x = y", "=?UTF-8?Q?x_=3D_y?="),
            ("中", "=?UTF-8?B?5Lit?="),
        ])
    func shorterEncoding(text: String, expected: String) {
        #expect(EncodedWord.encode(text, context: .text, firstMaxLength: 75) == [expected])
    }

    @Test("a phrase encodes what a display name may not hold literally")
    func phraseCharacters() {
        #expect(EncodedWord.encode("Keller, Maria Anna", context: .phrase, firstMaxLength: 75) == ["=?UTF-8?Q?Keller=2C_Maria_Anna?="])
        #expect(EncodedWord.encode("Keller, Maria Anna", context: .text, firstMaxLength: 75) == ["=?UTF-8?Q?Keller,_Maria_Anna?="])
    }

    @Test("CJK runs break on 3-octet groups, so B words before the last carry no padding")
    func cjkRunsHaveNoInnerPadding() {
        let words = EncodedWord.encode(String(repeating: "数据库连接超时", count: 6), context: .text, firstMaxLength: 75)
        #expect(words.count > 2)
        #expect(words.allSatisfy { $0.hasPrefix("=?UTF-8?B?") })
        #expect(words.dropLast().allSatisfy { !$0.hasSuffix("=?=") })
    }

    static func isAllowedInQ(_ byte: UInt8, _ context: EncodedWord.Context) -> Bool {
        if byte == UInt8(ascii: "=") || byte == UInt8(ascii: "_") { return true }  // escapes and spaces
        switch context {
        case .phrase: return "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!*+-/".utf8.contains(byte)
        case .text: return (0x21...0x7E).contains(byte) && !"?\"\\".utf8.contains(byte)
        }
    }
}
