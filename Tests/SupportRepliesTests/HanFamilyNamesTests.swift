import Testing

@testable import SupportReplies

/// The pinyin table of Han family names, searched in place.
@Suite struct HanFamilyNamesTests {
    @Test(arguments: [
        ("张", "Zhang"), ("欧阳", "Ouyang"), ("左丘", "Zuoqiu"), ("王", "Wang"), ("郗", "Xi"), ("吕", "Lyu"),
        ("司", "Si"), ("马", "Ma"), ("司马", "Sima"),
    ])
    func listedNameHasItsPinyin(_ family: String, _ pinyin: String) {
        #expect(HanFamilyNames.pinyin(of: family) == pinyin)
    }

    /// Names read two ways, names not listed, parts and extensions of listed
    /// names and text that is no name have none.
    @Test(arguments: ["乐", "覃", "司马光", "俟", "丘", "万俟俟", "", " ", ":", "张:", "张 ", "Zhang", "Ouyang", ":Zhang", "王:Wang"])
    func otherTextHasNone(_ text: String) {
        #expect(HanFamilyNames.pinyin(of: text) == nil)
    }

    /// A compatibility ideograph equals the unified one as a String (U+F9E1 is 李).
    @Test func compatibilityIdeographIsTheUnifiedOne() {
        #expect("\u{F9E1}" == "李")
        #expect(HanFamilyNames.pinyin(of: "\u{F9E1}") == "Li")
    }

    /// Every entry is `名:Pinyin`, Han characters then a capitalized ASCII
    /// word, and the entries are sorted by their UTF-8 bytes, so no name is
    /// listed twice.
    @Test func tableIsWellFormed() throws {
        #expect(HanFamilyNames.table.count > 300)
        for entry in HanFamilyNames.table {
            let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
            try #require(parts.count == 2, "\(entry)")
            #expect(!parts[0].isEmpty && parts[0].unicodeScalars.allSatisfy { $0.properties.isIdeographic }, "\(entry)")
            #expect(parts[1].first?.isUppercase == true && parts[1].allSatisfy { $0.isASCII && $0.isLetter }, "\(entry)")
        }
        for (entry, next) in zip(HanFamilyNames.table, HanFamilyNames.table.dropFirst()) {
            let name = entry.prefix { $0 != ":" }
            #expect(entry.utf8.lexicographicallyPrecedes(next.utf8) && !next.hasPrefix(name + ":"), "\(entry) before \(next)")
        }
    }
}
