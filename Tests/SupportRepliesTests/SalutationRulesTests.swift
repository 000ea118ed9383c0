import Testing

@testable import SupportReplies

/// The comparison tables `SalutationRules` derives from its honorifics.
@Suite("Salutation rules")
struct SalutationRulesTests {
    static func rules(honorifics: [String: String], generic: [String], compound: [String] = []) -> SalutationRules {
        SalutationRules(
            withHonorific: "{honorific} {family}", withoutHonorific: "{name}", compoundFamilyNames: compound,
            honorifics: honorifics, genericHonorifics: generic, romanizesHanFamilyNames: false)
    }

    /// Honorifics equal up to case, spaces and a trailing period: the smallest
    /// (in `String` order) gives the form, whatever order the table holds them in.
    @Test(arguments: [["MS": "Upper", "Ms.": "Title", "ms": "Lower"], ["ms": "Lower", "Ms.": "Title"], ["Ms.": "Title", "m s": "Spaced"]])
    func collidingKeysKeepTheSmallestHonorific(honorifics: [String: String]) {
        let smallest = honorifics.keys.min()!
        let rules = Self.rules(honorifics: honorifics, generic: [])
        #expect(rules.listedHonorific(forKey: "ms") == smallest)
        #expect(rules.listedHonorific(forKey: "mr") == nil)
        #expect(Salutation.make(name: "Jo Doe", familyName: nil, honorific: "mS", rules: rules) == "\(honorifics[smallest]!) Doe")
    }

    /// Slashed generic honorifics are generic without the table; the others are kept as keys.
    @Test func genericHonorificsWithoutSlashAreKept() {
        let rules = Self.rules(honorifics: [:], generic: ["Sir/Madam", "先生／女士", "Valued  Customer."])
        #expect(rules.genericKeys == ["valuedcustomer"])
        for honorific in ["sir / madam", "先生/女士", "valued customer", "Sir/Madam"] {
            #expect(Salutation.make(name: "Jo Doe", familyName: nil, honorific: honorific, rules: rules) == "Jo Doe", "\(honorific)")
        }
        #expect(Salutation.make(name: "Jo Doe", familyName: nil, honorific: "Sir", rules: rules) == "Sir Doe")
    }

    /// An honorific equal as a string to a listed one but spelt in another
    /// Unicode normalization takes that one's form, not the form of the
    /// smallest honorific with its comparison key.
    @Test func exactHonorificIsComparedAsAString() {
        let rules = Self.rules(honorifics: ["SE\u{F1}ora": "Smallest", "Se\u{F1}ora": "Exact"], generic: [])
        #expect(rules.form(ofListed: "Sen\u{303}ora") == "Exact")
        #expect(Salutation.make(name: "Ana Ruiz", familyName: nil, honorific: "Sen\u{303}ora", rules: rules) == "Exact Ruiz")
        #expect(Salutation.make(name: "Ana Ruiz", familyName: nil, honorific: "se\u{F1}ora", rules: rules) == "Smallest Ruiz")
    }

    /// The longest compound family name a Han name starts with is its family name, whatever the list's order.
    @Test(arguments: [["欧阳", "欧阳修远"], ["欧阳修远", "欧阳"]])
    func longestCompoundFamilyNameWins(compound: [String]) {
        let rules = Self.rules(honorifics: [:], generic: [], compound: compound)
        #expect(Salutation.make(name: "欧阳修远明", familyName: nil, honorific: "Dr", rules: rules) == "Dr 欧阳修远")
        #expect(Salutation.make(name: "欧阳明", familyName: nil, honorific: "Dr", rules: rules) == "Dr 欧阳")
        #expect(Salutation.make(name: "欧明", familyName: nil, honorific: "Dr", rules: rules) == "Dr 欧")
    }
}
