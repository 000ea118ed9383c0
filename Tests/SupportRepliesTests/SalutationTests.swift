import Testing

@testable import SupportReplies

@Suite struct SalutationTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let locale: String
        let name: String
        let family: String?
        let honorific: String?
        let expected: String
        var testDescription: String {
            "\(locale) \(name) / \(family ?? "–") / \(honorific ?? "–") → \(expected)"
        }
    }

    static let rows: [Row] = [
        // zh-CN: family name + honorific.
        .init(locale: "zh-CN", name: "张新", family: "张", honorific: "女士", expected: "张女士 您好,"),
        .init(locale: "zh-CN", name: "张新", family: nil, honorific: "女士", expected: "张女士 您好,"),
        .init(locale: "zh-CN", name: "王立国", family: nil, honorific: "先生", expected: "王先生 您好,"),
        .init(locale: "zh-CN", name: "刘晓梅", family: nil, honorific: "Ms.", expected: "刘女士 您好,"),
        .init(locale: "zh-CN", name: "刘晓梅", family: nil, honorific: "ms", expected: "刘女士 您好,"),
        .init(locale: "zh-CN", name: "赵启明", family: nil, honorific: "Dr.", expected: "赵博士 您好,"),
        .init(locale: "zh-CN", name: "孙卫东", family: nil, honorific: "总", expected: "孙总 您好,"),
        .init(locale: "zh-CN", name: "陈可", family: nil, honorific: "工程师", expected: "陈工程师 您好,"),
        .init(locale: "zh-CN", name: "  周遥  ", family: "  ", honorific: " 先生 ", expected: "周先生 您好,"),
        // The family name derived: one character, a following variation selector kept with it.
        .init(locale: "zh-CN", name: "赵", family: nil, honorific: "女士", expected: "赵女士 您好,"),
        .init(locale: "zh-CN", name: "葛\u{E0100}亮", family: nil, honorific: "先生", expected: "葛\u{E0100}先生 您好,"),
        .init(locale: "zh-CN", name: "㐀明", family: nil, honorific: "先生", expected: "㐀先生 您好,"),
        // zh-CN: without an honorific, the full name and never a guess.
        .init(locale: "zh-CN", name: "李静", family: nil, honorific: nil, expected: "李静 您好,"),
        .init(locale: "zh-CN", name: "李静", family: "李", honorific: "", expected: "李静 您好,"),
        .init(locale: "zh-CN", name: "李静", family: nil, honorific: "   ", expected: "李静 您好,"),
        .init(locale: "zh-CN", name: "李静", family: nil, honorific: "先生/女士", expected: "李静 您好,"),
        .init(locale: "zh-CN", name: "李静", family: nil, honorific: "女士 / 先生", expected: "李静 您好,"),
        .init(locale: "zh-CN", name: "李静", family: nil, honorific: "Mr/Mrs", expected: "李静 您好,"),
        // zh-CN: an honorific already in the name is not repeated.
        .init(locale: "zh-CN", name: "张女士", family: nil, honorific: "女士", expected: "张女士 您好,"),
        .init(locale: "zh-CN", name: "张女士", family: nil, honorific: nil, expected: "张女士 您好,"),
        .init(locale: "zh-CN", name: "张女士", family: nil, honorific: "先生/女士", expected: "张女士 您好,"),
        .init(locale: "zh-CN", name: "张女士", family: nil, honorific: "Ms.", expected: "张女士 您好,"),
        .init(locale: "zh-CN", name: "女士", family: nil, honorific: "女士", expected: "女士 您好,"),
        // zh-CN: Latin-script names take their last word.
        .init(locale: "zh-CN", name: "John Smith", family: nil, honorific: "Mr.", expected: "Smith先生 您好,"),
        .init(locale: "zh-CN", name: "Keller, Maria", family: nil, honorific: "女士", expected: "Keller女士 您好,"),
        // en-US.
        .init(locale: "en-US", name: "Maria Keller", family: "Keller", honorific: "Ms.", expected: "Dear Ms. Keller,"),
        .init(locale: "en-US", name: "Maria Keller", family: nil, honorific: "Ms.", expected: "Dear Ms. Keller,"),
        .init(locale: "en-US", name: "Maria Keller", family: nil, honorific: nil, expected: "Dear Maria Keller,"),
        .init(locale: "en-US", name: "Maria Keller", family: nil, honorific: "Sir/Madam", expected: "Dear Maria Keller,"),
        .init(locale: "en-US", name: "John Smith", family: nil, honorific: "先生", expected: "Dear Mr. Smith,"),
        .init(locale: "en-US", name: "Ana de la Cruz", family: "de la Cruz", honorific: "Dr.", expected: "Dear Dr. de la Cruz,"),
        .init(locale: "en-US", name: "张新", family: nil, honorific: "女士", expected: "Dear Ms. Zhang,"),
        .init(locale: "en-US", name: "张新", family: "张", honorific: "女士", expected: "Dear Ms. Zhang,"),
        .init(locale: "en-US", name: "吕方", family: nil, honorific: "先生", expected: "Dear Mr. Lyu,"),
        .init(locale: "en-US", name: "欧阳明", family: nil, honorific: "博士", expected: "Dear Dr. Ouyang,"),
        .init(locale: "en-US", name: "张女士", family: nil, honorific: "女士", expected: "Dear Ms. Zhang,"),
        .init(locale: "en-US", name: "覃立", family: nil, honorific: "女士", expected: "Dear Ms. 覃,"),
        .init(locale: "en-US", name: "李静", family: nil, honorific: nil, expected: "Dear 李静,"),
    ]

    static func rules(_ locale: String) -> SalutationRules {
        locale == "zh-CN" ? TestLocales.zhBundle.salutation : TestLocales.enBundle.salutation
    }

    @Test(arguments: rows)
    func salutation(_ row: Row) {
        let text = Salutation.make(name: row.name, familyName: row.family, honorific: row.honorific, rules: Self.rules(row.locale))
        #expect(text == row.expected)
    }

    /// Every compound family name of the locale is kept whole when the family name is derived.
    @Test(arguments: TestLocales.zhCompoundFamilyNames)
    func compoundFamilyName(_ family: String) {
        let zh = Salutation.make(name: family + "明轩", familyName: nil, honorific: "女士", rules: Self.rules("zh-CN"))
        #expect(zh == "\(family)女士 您好,")
    }

    /// The compound family names also have a pinyin form, so en-US never writes half a name.
    @Test(arguments: TestLocales.zhCompoundFamilyNames)
    func compoundFamilyNameInEnglish(_ family: String) throws {
        let en = Salutation.make(name: family + "明轩", familyName: nil, honorific: "先生", rules: Self.rules("en-US"))
        let pinyin = try #require(HanFamilyNames.pinyin(of: family))
        #expect(en == "Dear Mr. \(pinyin),")
    }

    /// A single character that begins a compound name is not taken for the compound.
    @Test func singleCharacterFamilyNameIsNotAPrefixMatch() {
        #expect(Salutation.make(name: "司明", familyName: nil, honorific: "先生", rules: Self.rules("zh-CN")) == "司先生 您好,")
        #expect(Salutation.make(name: "上明", familyName: nil, honorific: "先生", rules: Self.rules("zh-CN")) == "上先生 您好,")
    }

    /// "张女士 先生/女士" can never come out, whatever combination of name and generic honorific.
    @Test func genericHonorificIsNeverPrinted() {
        for locale in ["zh-CN", "en-US"] {
            let rules = Self.rules(locale)
            for name in ["张女士", "张新", "Maria Keller", "欧阳明"] {
                for generic in rules.genericHonorifics + ["先生／女士", "sir/madam"] {
                    let text = Salutation.make(name: name, familyName: nil, honorific: generic, rules: rules)
                    #expect(!text.contains("/") && !text.contains("／"), "\(text)")
                    #expect(!text.contains("先生") || name.contains("先生"), "\(text)")
                }
            }
        }
    }
}
