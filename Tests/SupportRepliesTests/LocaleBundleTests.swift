import MustacheEngine
import Testing

@testable import SupportReplies

/// Complete locale objects invented for the tests, shaped like the built-in files.
enum TestLocales {
    static let zhCompoundFamilyNames: [String] = [
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "夏侯", "轩辕",
        "令狐", "宇文", "澹台", "西门", "司徒", "端木", "南宫",
    ]

    static let zh: TemplateValue = [
        "locale": "zh-CN",
        "language_name": "简体中文",
        "stages": [
            "initial-response": "初次响应", "scope-definition": "问题范围界定", "log-request": "日志收集",
            "analysis-result": "分析结果", "closure": "案例关闭", "onsite-visit": "现场支持",
        ],
        "subject": ["format": "[案例号: {number}] % {title} % {stage} {token}", "reply_prefix": "回复: "],
        "salutation": [
            "with_honorific": "{family}{honorific} 您好,",
            "without_honorific": "{name} 您好,",
            "compound_family_names": .list(zhCompoundFamilyNames.map { .string($0) }),
            "honorifics": [
                "女士": "女士", "先生": "先生", "Ms.": "女士", "Mr.": "先生", "Mrs.": "女士", "Dr.": "博士",
                "Prof.": "教授", "博士": "博士", "教授": "教授", "经理": "经理", "总": "总", "工": "工",
            ],
            "generic_honorifics": ["先生/女士", "女士/先生", "Sir/Madam", "Mr./Ms.", "Ms./Mr."],
        ],
        "closing": "此致\n敬礼",
        "closings": ["closure": "顺祝商祺"],
        "dates": [
            "long": "{year}年{month}月{day}日({weekday}) {ampm}{hour12}:{minute2}",
            "weekdays": ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
            "months": ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
            "ampm": ["上午", "下午"],
        ],
        "labels": [
            "from": "发件人", "sent": "发送时间", "to": "收件人", "cc": "抄送", "subject": "主题",
            "original_message": "-----原始邮件-----",
        ],
        "privacy_notice": ["title": "数据保护说明", "text": "我们只在处理本案例期间使用您提供的日志。\n处理结束后三十天内删除这些日志。"],
    ]

    static let en: TemplateValue = [
        "locale": "en-US",
        "language_name": "English",
        "stages": [
            "initial-response": "Initial Response", "scope-definition": "Scope Definition",
            "log-request": "Log Request", "analysis-result": "Analysis Result", "closure": "Case Closure",
            "onsite-visit": "Onsite Support",
        ],
        "subject": ["format": "[Case: {number}] % {title} % {stage} {token}", "reply_prefix": "RE: "],
        "salutation": [
            "with_honorific": "Dear {honorific} {family},",
            "without_honorific": "Dear {name},",
            "compound_family_names": .list(zhCompoundFamilyNames.map { .string($0) }),
            "honorifics": [
                "女士": "Ms.", "先生": "Mr.", "Ms.": "Ms.", "Mr.": "Mr.", "Mrs.": "Mrs.", "Dr.": "Dr.",
                "Prof.": "Prof.", "博士": "Dr.",
            ],
            "generic_honorifics": ["先生/女士", "Sir/Madam", "Mr./Ms."],
            "romanize_han_family_names": true,
        ],
        "closing": "Best regards",
        "closings": [:],
        "dates": [
            "long": "{weekday}, {monthName} {day}, {year} {hour12}:{minute2} {ampm}",
            "weekdays": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
            "months": [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ],
            "ampm": ["AM", "PM"],
        ],
        "labels": [
            "from": "From", "sent": "Sent", "to": "To", "cc": "Cc", "subject": "Subject",
            "original_message": "-----Original Message-----",
        ],
        "privacy_notice": ["title": "Data Handling", "text": "We use the logs you send only while we work on this case."],
    ]

    static func bundle(_ value: TemplateValue) -> LocaleBundle {
        do {
            return try LocaleBundle(value)
        } catch {
            fatalError("test locale is invalid: \(error)")
        }
    }

    static let zhBundle = bundle(zh)
    static let enBundle = bundle(en)
}

extension TemplateValue {
    /// A copy with the value at `path` replaced, or removed when `value` is nil.
    func setting(_ path: [String], to value: TemplateValue?) -> TemplateValue {
        guard let key = path.first, case .object(var object) = self else { return value ?? .null }
        if path.count == 1 {
            object[key] = value
        } else {
            object[key] = (object[key] ?? [:]).setting(Array(path.dropFirst()), to: value)
        }
        return .object(object)
    }
}

@Suite struct LocaleBundleTests {
    @Test func completeLocaleLoads() throws {
        let zh = try LocaleBundle(TestLocales.zh)
        #expect(zh.identifier == "zh-CN")
        #expect(zh.languageName == "简体中文")
        #expect(zh.stage(for: "closure") == "案例关闭")
        #expect(zh.stage(for: "onsite-visit") == "现场支持")
        #expect(zh.stage(for: "no-such-kind") == nil)
        #expect(zh.closing(for: "closure") == "顺祝商祺")
        #expect(zh.closing(for: "analysis-result") == "此致\n敬礼")
        #expect(zh.subject == SubjectRules(format: "[案例号: {number}] % {title} % {stage} {token}", replyPrefix: "回复: "))
        #expect(zh.labels["original_message"] == "-----原始邮件-----")
        #expect(zh.labels.count == 6)
        #expect(zh.privacyNotice.title == "数据保护说明")
        #expect(zh.raw == TestLocales.zh)
        #expect(zh.salutation.honorifics["Ms."] == "女士")
        #expect(zh.salutation.compoundFamilyNames == TestLocales.zhCompoundFamilyNames)
        #expect(zh.salutation.romanizesHanFamilyNames == false)
        let en = try LocaleBundle(TestLocales.en)
        #expect(en.salutation.romanizesHanFamilyNames == true)
        #expect(en.closing(for: "closure") == "Best regards")
    }

    @Test func unknownKeysAreKept() throws {
        let bundle = try LocaleBundle(TestLocales.zh.setting(["signature_hint"], to: "自定义"))
        #expect(bundle.raw["signature_hint"] == "自定义")
        let labels = try LocaleBundle(TestLocales.en.setting(["labels", "phone"], to: "Phone"))
        #expect(labels.labels["phone"] == "Phone")
    }

    struct BrokenLocale: CustomTestStringConvertible, Sendable {
        let path: [String]
        let value: TemplateValue?
        let key: String
        let message: String
        var testDescription: String { "\(path.joined(separator: ".")) → \(key): \(message)" }
    }

    static let brokenLocales: [BrokenLocale] = [
        .init(path: ["locale"], value: nil, key: "locale", message: "required key is missing"),
        .init(path: ["locale"], value: 5, key: "locale", message: "expected a string, found a number"),
        .init(
            path: ["locale"], value: "zh/CN", key: "locale",
            message: "expected a locale identifier of ASCII letters, digits and \"-\" (like \"zh-CN\"), found \"zh/CN\""),
        .init(path: ["language_name"], value: nil, key: "language_name", message: "required key is missing"),
        .init(path: ["stages"], value: nil, key: "stages", message: "required key is missing"),
        .init(path: ["stages"], value: ["a", "b"], key: "stages", message: "expected an object, found a list"),
        .init(path: ["stages", "closure"], value: true, key: "stages.closure", message: "expected a string, found a boolean"),
        .init(path: ["subject", "reply_prefix"], value: nil, key: "subject.reply_prefix", message: "required key is missing"),
        .init(
            path: ["subject", "format"], value: "[{number}] {titel}", key: "subject.format",
            message: "unknown placeholder {titel} (known: {number}, {title}, {stage}, {token})"),
        .init(
            path: ["salutation", "with_honorific"], value: "{family}{honourific} 您好,", key: "salutation.with_honorific",
            message: "unknown placeholder {honourific} (known: {family}, {honorific}, {name})"),
        .init(
            path: ["salutation", "without_honorific"], value: "{family} 您好,", key: "salutation.without_honorific",
            message: "unknown placeholder {family} (known: {name})"),
        .init(
            path: ["salutation", "compound_family_names"], value: ["欧阳", 3],
            key: "salutation.compound_family_names[1]", message: "expected a string, found a number"),
        .init(
            path: ["salutation", "honorifics", "Ms."], value: [], key: "salutation.honorifics.Ms.",
            message: "expected a string, found a list"),
        .init(
            path: ["salutation", "generic_honorifics"], value: "先生/女士", key: "salutation.generic_honorifics",
            message: "expected a list of strings, found a string"),
        .init(
            path: ["salutation", "romanize_han_family_names"], value: "yes",
            key: "salutation.romanize_han_family_names", message: "expected true or false, found a string"),
        .init(path: ["closing"], value: "  ", key: "closing", message: "must not be empty"),
        .init(path: ["closings", "closure"], value: .null, key: "closings.closure", message: "expected a string, found null"),
        .init(
            path: ["dates", "weekdays"], value: ["日", "一", "二", "三", "四", "五"], key: "dates.weekdays",
            message: "expected 7 strings, found 6"),
        .init(path: ["dates", "months"], value: ["1月"], key: "dates.months", message: "expected 12 strings, found 1"),
        .init(path: ["dates", "ampm"], value: ["AM", "PM", "X"], key: "dates.ampm", message: "expected 2 strings, found 3"),
        .init(
            path: ["dates", "long"], value: "{year}-{mon}", key: "dates.long",
            message: "unknown placeholder {mon} (known: {year}, {month}, {day}, {month2}, {day2}, {hour}, {hour2}, {hour12}, {minute2}, {second2}, {weekday}, {monthName}, {ampm}, {offset})"),
        .init(path: ["labels", "original_message"], value: nil, key: "labels.original_message", message: "required key is missing"),
        .init(path: ["labels", "extra"], value: 1, key: "labels.extra", message: "expected a string, found a number"),
        .init(path: ["privacy_notice", "text"], value: nil, key: "privacy_notice.text", message: "required key is missing"),
        .init(path: ["privacy_notice", "title"], value: "", key: "privacy_notice.title", message: "must not be empty"),
    ]

    @Test(arguments: brokenLocales)
    func brokenLocaleNamesTheKey(_ row: BrokenLocale) {
        #expect(throws: LocaleError(key: row.key, message: row.message)) {
            try LocaleBundle(TestLocales.zh.setting(row.path, to: row.value))
        }
    }

    @Test func localeMustBeAnObject() {
        #expect(throws: LocaleError(key: "", message: "expected an object, found a list")) {
            try LocaleBundle(["zh-CN"])
        }
    }

    @Test func errorDescriptionIsKeyThenMessage() {
        #expect(LocaleError(key: "dates.long", message: "must not be empty").description == "dates.long: must not be empty")
        #expect(LocaleError(key: "", message: "expected an object, found a list").description == "expected an object, found a list")
    }
}
