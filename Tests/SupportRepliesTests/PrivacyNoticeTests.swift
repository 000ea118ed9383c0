import TestSupport
import Testing

@testable import SupportReplies

/// Notices invented for these tests (never a real organization's text).
enum TestNotices {
    static let zhParagraphs = [
        "为了处理您提交的技术支持请求,您需要同意向本中心提供排查故障所需的资料,例如系统日志、崩溃转储和配置截图。",
        "本中心仅在处理该请求期间使用上述资料,并在案例关闭后九十天内删除。",
        "在以下情况下,本中心可以披露上述资料:",
        "1. 已获得您的书面许可;",
        "2. 法律法规明确要求披露的;",
        "3. 为保护您或他人的人身安全所必需的。",
    ]
    static let zh = PrivacyNotice(title: "数据保护说明", text: zhParagraphs.joined(separator: "\n\n"))

    static let enParagraphs = [
        "To resolve your support request we may ask you for logs, memory dumps and screenshots of your configuration.",
        "We use this material only while working on your request and delete it within ninety days after the case is closed.",
        "We disclose it only:",
        "1. with your written permission;",
        "2. when the law requires it;",
        "3. to protect the safety of a person.",
    ]
    static let en = PrivacyNotice(title: "Data Handling Notice", text: enParagraphs.joined(separator: "\n\n"))

    static let separator = String(repeating: "-", count: 60)
}

@Suite struct PrivacyNoticeTests {
    static let head = "王先生 您好,\n\n日志已收到,分析结果见下。\n\n此致\n敬礼\n技术支持 赵工  \n"
    static let tail = "-----原始邮件-----\n发件人: 王某 <wang@customer.example.com>\n\n请帮忙看看。\n"

    struct Variant: CustomTestStringConvertible, Sendable {
        let name: String
        let notice: String
        var testDescription: String { name }
    }

    /// Re-wraps text at `width` characters, as a mail client might.
    static func wrapped(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var pieces: [String] = []
            var rest = Substring(line)
            while rest.count > width {
                pieces.append(String(rest.prefix(width)))
                rest = rest.dropFirst(width)
            }
            pieces.append(String(rest))
            return pieces.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    static func block(title: String? = TestNotices.zh.title, _ text: String) -> String {
        let heading = title.map { "\(TestNotices.separator)\n\($0)\n\n" } ?? ""
        return heading + text + "\n"
    }

    static let zhText = TestNotices.zh.text

    /// The notice with its list numbers `1. ` … `3. ` written another way.
    static func renumbered(_ marker: (Int) -> String) -> String {
        (1...3).reduce(zhText) { text, number in text.replacingOccurrences("\(number). ", marker(number)) }
    }

    /// The same notice as a reply quotes it, each re-wrapped in a different way.
    static let variants: [Variant] = [
        .init(name: "exact copy", notice: block(zhText)),
        .init(name: "line breaks moved mid-sentence", notice: block(wrapped(zhText, width: 17))),
        .init(name: "paragraph blank lines dropped", notice: block(TestNotices.zhParagraphs.joined(separator: "\n"))),
        .init(name: "extra spaces and indentation",
              notice: block(
                  TestNotices.zhParagraphs.map { "    " + $0.replacingOccurrences(",", ",  ") }
                      .joined(separator: "\n \n"))),
        .init(name: "1. written as 1、", notice: block(renumbered { "\($0)、" })),
        .init(name: "1. written as (1)", notice: block(renumbered { "(\($0)) " })),
        .init(name: "1. written as - 1.", notice: block(renumbered { "- \($0). " })),
        .init(name: "1. written as ①", notice: block(renumbered { ["①", "②", "③"][$0 - 1] })),
        .init(name: "half-width punctuation made full-width",
              notice: block(
                  renumbered { "\($0)．" }.replacingOccurrences(",", "，").replacingOccurrences(":", "：")
                      .replacingOccurrences(";", "；"))),
        .init(name: "full-width punctuation made half-width",
              notice: block(zhText.replacingOccurrences("。", ".").replacingOccurrences("、", ","))),
        .init(name: "title absent", notice: block(title: nil, zhText)),
        .init(name: "title with a colon on the text's line", notice: "数据保护说明:" + zhText + "\n"),
        .init(name: "separator of = and a full-width title",
              notice: "==========\n" + "数据保护说明" + "\n" + wrapped(zhText, width: 40) + "\n"),
    ]

    @Test(arguments: variants)
    func reWrappedCopyIsRemoved(_ variant: Variant) {
        let body = Self.head + "\n" + variant.notice + "\n" + Self.tail
        #expect(TestNotices.zh.count(in: body) == 1)
        let cleaned = PrivacyNotice.removingCopies(of: [TestNotices.zh], from: body)
        #expect(cleaned == Self.head + "\n" + Self.tail)
    }

    /// Quoted with `> ` on every line, as a reply quotes the earlier message.
    @Test(arguments: [1, 2])
    func quotedCopyIsRemoved(depth: Int) {
        let marker = String(repeating: ">", count: depth)
        func quoted(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0.isEmpty ? marker + "\n" : "\(marker) \($0)\n" }.joined()
        }
        let head = quoted("谢谢,问题已解决。\n\n此致\n赵工\n\n")
        let notice = quoted(Self.block(Self.wrapped(Self.zhText, width: 25)))
        let tail = quoted("\n-----原始邮件-----\n请帮忙看看。\n")
        let cleaned = PrivacyNotice.removingCopies(of: [TestNotices.zh], from: head + notice + tail)
        #expect(cleaned == quoted("谢谢,问题已解决。\n\n此致\n赵工\n\n-----原始邮件-----\n请帮忙看看。\n"))
    }

    @Test func crlfCopyIsRemoved() {
        func crlf(_ text: String) -> String { text.replacingOccurrences("\n", "\r\n") }
        let body = crlf(Self.head + "\n" + Self.block(Self.wrapped(Self.zhText, width: 30)) + "\n" + Self.tail)
        #expect(PrivacyNotice.removingCopies(of: [TestNotices.zh], from: body) == crlf(Self.head + "\n" + Self.tail))
    }

    @Test func twoCopiesInOneBodyAreBothRemoved() {
        let second = "\n赵工\n\n" + Self.block(Self.wrapped(Self.zhText, width: 21)) + "\n"
        let body = Self.head + "\n" + Self.block(Self.zhText) + "\n" + Self.tail + second + "-----原始邮件-----\n最早的一封。\n"
        #expect(TestNotices.zh.count(in: body) == 2)
        let cleaned = PrivacyNotice.removingCopies(of: [TestNotices.zh], from: body)
        #expect(cleaned == Self.head + "\n" + Self.tail + "\n赵工\n\n-----原始邮件-----\n最早的一封。\n")
        #expect(TestNotices.zh.count(in: cleaned) == 0)
    }

    @Test func copiesOfSeveralNoticesAreRemoved() {
        let english = "\(TestNotices.separator)\n\(TestNotices.en.title)\n\n"
            + Self.wrapped(TestNotices.en.text.replacingOccurrences("1. ", "1) "), width: 72) + "\n"
        let body = Self.head + "\n" + english + "\n" + Self.tail + "\n" + Self.block(Self.zhText)
        let cleaned = PrivacyNotice.removingCopies(of: [TestNotices.zh, TestNotices.en], from: body)
        #expect(cleaned == Self.head + "\n" + Self.tail)
    }

    @Test func englishNoticeReWrappedAndQuoted() {
        let quoted = Self.wrapped(TestNotices.en.text, width: 66)
            .split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        let body = "Thanks, that fixed it.\n\n> Best regards\n> Support Team\n>\n> \(TestNotices.en.title.uppercased())\n\(quoted)\n>\n> -----Original Message-----\n"
        let cleaned = PrivacyNotice.removingCopies(of: [TestNotices.en], from: body)
        #expect(cleaned == "Thanks, that fixed it.\n\n> Best regards\n> Support Team\n>\n> -----Original Message-----\n")
    }

    @Test func copyAtTheEndLeavesNoTrailingBlankLines() {
        let body = "此致\n赵工\n\n\n" + Self.block(Self.zhText) + "\n\n"
        #expect(PrivacyNotice.removingCopies(of: [TestNotices.zh], from: body) == "此致\n赵工\n")
    }

    @Test func copyInsideALineRemovesJustItsCharacters() {
        let oneLine = TestNotices.zhParagraphs.joined()
        let body = "前文。\(oneLine)后文。\n下一行\n"
        #expect(PrivacyNotice.removingCopies(of: [TestNotices.zh], from: body) == "前文。后文。\n下一行\n")
    }

    /// The removal goes by bytes, not characters: a combining accent after
    /// the copy's closing full stop stays, though the two made one character.
    @Test func copyInsideALineEndingInsideACharacter() {
        let oneLine = TestNotices.enParagraphs.joined(separator: " ")
        let body = "Before \(oneLine)\u{301}after\n"
        let cleaned = PrivacyNotice.removingCopies(of: [TestNotices.en], from: body)
        #expect(Array(cleaned.utf8) == Array("Before \u{301}after\n".utf8))
    }

    @Test func bodyWithoutTheNoticeIsUnchanged() {
        let body = Self.head + "\n\n\n   \n" + Self.tail + "\t缩进行  \r\n> 引用\n" + TestNotices.separator + "\n"
        #expect(PrivacyNotice.removingCopies(of: [TestNotices.zh, TestNotices.en], from: body) == body)
        #expect(TestNotices.zh.count(in: body) == 0)
    }

    @Test func bodyMentioningTheTitleIsUnchanged() {
        let body = "请阅读下方的数据保护说明,如有疑问请联系我们。\n\n数据保护说明\n\n隐私声明\n" + TestNotices.zhParagraphs[0] + "\n"
        #expect(PrivacyNotice.removingCopies(of: [TestNotices.zh], from: body) == body)
        #expect(TestNotices.zh.count(in: body) == 0)
    }

    @Test func titleInsideASentenceAboveTheNoticeIsKept() {
        let body = "详见下方数据保护说明\n" + Self.zhText + "\n\n谢谢\n"
        #expect(PrivacyNotice.removingCopies(of: [TestNotices.zh], from: body) == "详见下方数据保护说明\n\n谢谢\n")
    }

    @Test func separatorIsRemovedOnlyDirectlyAbove() {
        let body = "正文\n\(TestNotices.separator)\n签名\n\n" + Self.block(Self.zhText) + "\n结尾\n"
        #expect(PrivacyNotice.removingCopies(of: [TestNotices.zh], from: body) == "正文\n\(TestNotices.separator)\n签名\n\n结尾\n")
    }

    @Test func blankNoticeMatchesNothing() {
        let blank = PrivacyNotice(title: "说明", text: " -- \n。")
        #expect(blank.count(in: "说明\n任何文字") == 0)
        #expect(PrivacyNotice.removingCopies(of: [blank], from: "说明\n任何文字\n") == "说明\n任何文字\n")
    }

    @Test func significantTextFolding() {
        let text = SignificantText("Ａｂ１，ｃ。 > - • ① ⑵ ⒊ x\r\ny 数据")
        #expect(String(String.UnicodeScalarView(text.scalars)) == "ab1c123xy数据")
        #expect(text.origins.first == 0)
    }
}

extension String {
    /// Literal replacement, so the tests need no Foundation.
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

@Suite struct SignificantTextSearchTests {
    @Test(arguments: [
        ("aaaa", "aa", [0, 2]),
        ("abababab", "abab", [0, 4]),
        ("aabaabaaab", "aab", [0, 3, 7]),
        ("abc", "abcd", []),
        ("abc", "", []),
        ("数据数据据", "数据据", [2]),
    ])
    func nonOverlappingOccurrences(_ text: String, _ needle: String, _ expected: [Int]) {
        #expect(SignificantText(text).occurrences(of: Array(needle.unicodeScalars)) == expected)
    }

    /// Texts and needles of two letters, where partial matches break and
    /// overlap all the time, against a search that tries every start.
    @Test func agreesWithTheNaiveSearch() {
        var random = SeededRandom(seed: 0x5EA2C4)
        var found = 0
        for _ in 0..<2_000 {
            let text = (0..<Int(random.next() % 24)).map { _ in random.next() % 3 == 0 ? "b" : "a" }.joined()
            let needle = Array((0..<1 + Int(random.next() % 5)).map { _ in random.next() % 3 == 0 ? "b" : "a" }.joined().unicodeScalars)
            let scalars = Array(text.unicodeScalars)
            var expected: [Int] = []
            var start = 0
            while start + needle.count <= scalars.count {
                if scalars[start..<start + needle.count].elementsEqual(needle) {
                    expected.append(start)
                    start += needle.count
                } else {
                    start += 1
                }
            }
            found += expected.count
            #expect(SignificantText(text).occurrences(of: needle) == expected, "\(needle) in \(text)")
        }
        #expect(found > 1_000)
    }
}
