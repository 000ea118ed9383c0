import TestSupport
import Testing

@testable import SupportReplies

/// The cheap first look at a text (`PrivacyNotice.Pattern.firstPossibleStart`) decides
/// whether the full search runs at all, so it must never miss a copy the full
/// search (`count(in:)`) finds. Each row checks both, so a divergence fails.
@Suite struct NoticeFirstLookTests {
    static let digitFirst = PrivacyNotice(title: "Terms", text: "1. Keep logs private.\n2. Delete them later.")
    static let twoFirst = PrivacyNotice(title: "", text: "2 items only apply here.")
    static let short = PrivacyNotice(title: "", text: "OK")
    static let greek = PrivacyNotice(title: "", text: "Ωmega rules apply to all data.")
    static let zhNeedle = "为了处理您提交的技术支持请求您需要同意向本中心提供排查故障所需的资料例如系统日志崩溃转储和配置截图"
        + "本中心仅在处理该请求期间使用上述资料并在案例关闭后九十天内删除在以下情况下本中心可以披露上述资料"
        + "1已获得您的书面许可2法律法规明确要求披露的3为保护您或他人的人身安全所必需的"
    /// A reply body longer than the notices that quotes none of them, but
    /// starts sentences with the notice's first words.
    static let replyBody = String(repeating: PrivacyNoticeTests.head, count: 8)
        + "为了处理您提交的请求，我们已安排工程师。\nTo resolve your issue, restart the service.\n"

    struct Row: CustomTestStringConvertible, Sendable {
        let name: String
        let notice: PrivacyNotice
        let text: String
        /// Copies the full search finds.
        let copies: Int
        /// What the first look answers.
        let mayOccur: Bool
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        .init(name: "exact copy in a reply", notice: TestNotices.zh,
              text: PrivacyNoticeTests.head + PrivacyNoticeTests.block(TestNotices.zh.text) + PrivacyNoticeTests.tail,
              copies: 1, mayOccur: true),
        .init(name: "copy with no byte to spare", notice: TestNotices.zh, text: zhNeedle, copies: 1, mayOccur: true),
        .init(name: "copy at the very end", notice: TestNotices.zh, text: "前文\n" + zhNeedle, copies: 1, mayOccur: true),
        .init(name: "one character short of a copy", notice: TestNotices.zh, text: String(zhNeedle.dropLast()),
              copies: 0, mayOccur: false),
        .init(name: "copy in capitals", notice: TestNotices.en, text: "> " + TestNotices.en.text.uppercased(),
              copies: 1, mayOccur: true),
        .init(name: "copy starting in full-width letters", notice: TestNotices.en,
              text: "Ｔｏ " + TestNotices.en.text.dropFirst(3), copies: 1, mayOccur: true),
        .init(name: "list number ⑴ first", notice: digitFirst, text: "⑴ Keep logs private. ⑵ Delete them later.",
              copies: 1, mayOccur: true),
        .init(name: "full-width digit first", notice: digitFirst, text: "１．Keep logs private.\n２．Delete them later.",
              copies: 1, mayOccur: true),
        .init(name: "needle starting at the second digit of ⑫", notice: twoFirst, text: "⑫ items only apply here.",
              copies: 1, mayOccur: true),
        .init(name: "needle shorter than the first look", notice: short, text: "Ok.", copies: 1, mayOccur: true),
        .init(name: "short needle absent", notice: short, text: "no", copies: 0, mayOccur: false),
        .init(name: "non-ASCII capital first", notice: greek, text: "Ωmega Rules apply to ALL data", copies: 1,
              mayOccur: true),
        .init(name: "non-ASCII capital lowered", notice: greek, text: "ωmega rules apply to all data.", copies: 0,
              mayOccur: false),
        .init(name: "reply body without a notice", notice: TestNotices.zh, text: replyBody, copies: 0, mayOccur: false),
        .init(name: "English reply body without a notice", notice: TestNotices.en, text: replyBody, copies: 0,
              mayOccur: false),
        .init(name: "first sentence quoted, the rest not", notice: TestNotices.zh,
              text: replyBody + TestNotices.zhParagraphs[0] + "\n" + replyBody, copies: 0, mayOccur: true),
    ]

    @Test(arguments: rows)
    func firstLookAgreesWithTheFullSearch(_ row: Row) {
        #expect(row.notice.count(in: row.text) == row.copies)
        #expect(Self.firstLook(row.notice, row.text) == row.mayOccur)
        if row.copies == 0 {
            #expect(PrivacyNotice.removingCopies(of: [row.notice], from: row.text) == row.text)
        } else {
            #expect(row.notice.count(in: PrivacyNotice.removingCopies(of: [row.notice], from: row.text)) == 0)
        }
    }

    /// Random mixes of whole, re-written and cut-off copies with other text.
    @Test func randomTextsNeverHideACopy() {
        var random = SeededRandom(seed: 0x0A11_CE5)
        var (withCopy, turnedAway) = (0, 0)
        for _ in 0..<400 {
            let notice = random.next() % 2 == 0 ? TestNotices.zh : TestNotices.en
            let text = (0..<1 + Int(random.next() % 4)).map { _ in Self.fragment(&random, of: notice) }.joined()
            let copies = notice.count(in: text)
            let mayOccur = Self.firstLook(notice, text)
            #expect(mayOccur || copies == 0, "\(text)")
            if copies > 0 { withCopy += 1 }
            if !mayOccur { turnedAway += 1 }
        }
        // Both branches are exercised, so the check above can fail.
        #expect(withCopy > 50)
        #expect(turnedAway > 50)
    }

    /// The first look reads sixteen bytes at a time: a copy is found at its
    /// offset whatever byte of a block it starts at, after text holding the
    /// bytes it looks for (`为` starts with the lead byte of the Chinese
    /// notice's first character, `t` is the English one's, `，` a full-width form).
    @Test(arguments: ["zh", "en"])
    func firstLookFindsACopyAtAnyByteOfABlock(_ language: String) {
        let notice = language == "zh" ? TestNotices.zh : TestNotices.en
        let pattern = PrivacyNotice.Pattern(computing: notice.title, notice.text)
        let fillers = ["x", "为", "t", "，", "Tt\n"]
        for filler in fillers {
            for count in 0..<20 {
                var text = String(repeating: filler, count: count) + notice.text
                let expected = text.utf8.count - notice.text.utf8.count
                #expect(text.withUTF8 { pattern.firstPossibleStart(in: $0) } == expected, "\(count) × \(filler)")
            }
        }
    }

    static func firstLook(_ notice: PrivacyNotice, _ text: String) -> Bool {
        var text = text
        let pattern = PrivacyNotice.Pattern(computing: notice.title, notice.text)
        return text.withUTF8 { pattern.firstPossibleStart(in: $0) != nil }
    }

    /// A piece of text: the notice re-written one way or another, a cut-off
    /// copy, or other text (with list numbers and full-width letters).
    static func fragment(_ random: inout SeededRandom, of notice: PrivacyNotice) -> String {
        let markers = ["1. ", "1、", "(1) ", "①", "１．", "- 1. ", "⑪"]
        let other = ["王先生 您好,\n", "⑫ ", "Ｔ", "To ", "为了", "\n\n> ", "1. ", "-----\n", "谢谢。"]
        switch random.next() % 5 {
        case 0:
            return notice.text
        case 1:
            let marker = markers[Int(random.next() % UInt64(markers.count))]
            return PrivacyNoticeTests.wrapped(notice.text.replacingOccurrences("1. ", marker), width: 5 + Int(random.next() % 40))
        case 2:
            return notice.text.replacingOccurrences(",", "，").replacingOccurrences(".", "。").uppercased()
        case 3:
            return String(notice.text.prefix(Int(random.next() % UInt64(notice.text.count))))
        default:
            return (0..<Int(random.next() % 30)).map { _ in other[Int(random.next() % UInt64(other.count))] }.joined()
        }
    }
}
