import Testing

@testable import SupportReplies

/// The comparison tables `SalutationRules` derives from its honorifics.
@Suite("Salutation rules")
struct SalutationRulesTests {
    static func rules(honorifics: [String: String], generic: [String]) -> SalutationRules {
        SalutationRules(
            withHonorific: "{honorific} {family}", withoutHonorific: "{name}", compoundFamilyNames: [],
            honorifics: honorifics, genericHonorifics: generic, romanizesHanFamilyNames: false)
    }

    /// Honorifics equal up to case, spaces and a trailing period: the smallest
    /// (in `String` order) gives the form, whatever order the table holds them in.
    @Test(arguments: [["MS": "Upper", "Ms.": "Title", "ms": "Lower"], ["ms": "Lower", "Ms.": "Title"], ["Ms.": "Title", "m s": "Spaced"]])
    func collidingKeysKeepTheSmallestHonorific(honorifics: [String: String]) {
        let smallest = honorifics.keys.min()!
        let rules = Self.rules(honorifics: honorifics, generic: [])
        #expect(rules.honorificsByKey == ["ms": smallest])
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
}
