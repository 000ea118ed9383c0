import MustacheEngine

/// A locale's salutation rules (`salutation` in the locale file).
public struct SalutationRules: Sendable {
    /// The form with an honorific; placeholders `{family}`, `{honorific}`, `{name}`.
    public var withHonorific: String { withHonorificPattern.text }
    /// The form without one; placeholder `{name}` (the full name).
    public var withoutHonorific: String { withoutHonorificPattern.text }
    /// Han family names of two characters or more (欧阳, 司马, …), used when
    /// the family name has to be derived from the full name.
    public let compoundFamilyNames: [String]
    /// Honorific as written in the case → honorific as the locale writes it
    /// (`Ms.` → `女士`); an honorific not listed is used as given. (Made
    /// when asked for: the rules look honorifics up without a dictionary.)
    public var honorifics: [String: String] {
        var table = [String: String](minimumCapacity: honorificForms.count)
        for position in 0..<honorificForms.count {
            if case (let honorific, .string(let form)) = honorificForms[member: position] { table[honorific] = form }
        }
        return table
    }
    /// Honorifics that name no one (`先生/女士`, `Sir/Madam`); they count as
    /// no honorific at all.
    public let genericHonorifics: [String]
    /// Whether Han family names are written in pinyin (`张` → `Zhang`), for
    /// locales in Latin script. A family name whose reading is not certain
    /// stays in Han characters.
    public let romanizesHanFamilyNames: Bool

    /// Rules from their parts.
    public init(
        withHonorific: String, withoutHonorific: String, compoundFamilyNames: [String],
        honorifics: [String: String], genericHonorifics: [String], romanizesHanFamilyNames: Bool
    ) {
        self.init(
            withHonorific: PlaceholderPattern(withHonorific), withoutHonorific: PlaceholderPattern(withoutHonorific),
            compoundFamilyNames: compoundFamilyNames, honorificForms: TemplateObject(honorifics.lazy.map { ($0.key, .string($0.value)) }),
            genericHonorifics: genericHonorifics, romanizesHanFamilyNames: romanizesHanFamilyNames)
    }

    /// Rules from the patterns already split and the honorifics as an object
    /// of strings (a locale file's, as checked).
    init(
        withHonorific: PlaceholderPattern, withoutHonorific: PlaceholderPattern, compoundFamilyNames: [String],
        honorificForms: TemplateObject, genericHonorifics: [String], romanizesHanFamilyNames: Bool
    ) {
        withHonorificPattern = withHonorific
        withoutHonorificPattern = withoutHonorific
        self.compoundFamilyNames = compoundFamilyNames
        self.honorificForms = honorificForms
        self.genericHonorifics = genericHonorifics
        self.romanizesHanFamilyNames = romanizesHanFamilyNames
        // A key with a slash is generic whatever the list says (see `Salutation.isGeneric`):
        // only slash-free ones need keeping, and slashes survive `honorificKey` (`／` becomes `/`).
        var generic: [String] = []
        for honorific in genericHonorifics where !honorific.unicodeScalars.contains(where: { $0 == "/" || $0 == "／" }) {
            generic.append(Salutation.honorificKey(honorific))
        }
        genericKeys = generic
    }

    /// `withHonorific` and `withoutHonorific`, split into their pieces.
    let withHonorificPattern: PlaceholderPattern
    let withoutHonorificPattern: PlaceholderPattern
    /// `genericHonorifics` without a slash, as comparison keys (see `Salutation.honorificKey`).
    let genericKeys: [String]
    /// `honorifics` as an object of strings, the locale's as read: a table
    /// this small is searched when a reply asks faster than a dictionary of
    /// it (or of its comparison keys) is built.
    let honorificForms: TemplateObject

    /// The locale's form of the listed honorific `honorific`, or nil when it
    /// is not listed: looked up as the object looks up a key, then, failing
    /// that, compared as strings are (so a key spelt in another Unicode
    /// normalization is found, as a dictionary of the table would find it).
    func form(ofListed honorific: String) -> String? {
        if let form = honorificForms[honorific] { return form.stringValue }
        for position in (0..<honorificForms.count).reversed() {
            let (listed, form) = honorificForms[member: position]
            if listed == honorific { return form.stringValue }
        }
        return nil
    }

    /// The listed honorific whose comparison key (see `Salutation.honorificKey`)
    /// is `key`; where several have it, the smallest in `String` order.
    func listedHonorific(forKey key: String) -> String? {
        var smallest: String?
        for position in 0..<honorificForms.count {
            let listed = honorificForms[member: position].key
            if Salutation.honorificKey(listed) == key, smallest.map({ listed < $0 }) ?? true { smallest = listed }
        }
        return smallest
    }
}

/// The greeting line of a reply (`张女士 您好,`, `Dear Ms. Keller,`).
public enum Salutation {
    /// The salutation for a customer.
    ///
    /// With an honorific the locale's `with_honorific` form is used, with the
    /// family name: `familyName` when given, else derived from `name` (a Han
    /// name's compound family name or first character; a Latin-script name's
    /// last word, or the part before a comma). Without an honorific, or with
    /// a generic one, the full name goes into `without_honorific`; nothing is
    /// guessed. An honorific already ending the name is not repeated.
    /// Values are trimmed; blank ones count as absent.
    public static func make(name: String, familyName: String?, honorific: String?, rules: SalutationRules) -> String {
        let name = name.trimmingWhitespace
        guard let given = honorific?.nonBlank, !isGeneric(given, rules: rules) else {
            return withoutHonorific(name, rules: rules)
        }
        let localized = localizedHonorific(given, rules: rules)
        let bareName = removingSuffix(given, or: localized, from: name)
        guard !bareName.isEmpty else { return withoutHonorific(name, rules: rules) }
        let family = familyName?.nonBlank ?? derivedFamilyName(of: bareName, rules: rules)
        let written = rules.romanizesHanFamilyNames ? HanFamilyNames.pinyin(of: family) ?? family : family
        return rules.withHonorificPattern.fill { placeholder in
            switch placeholder {
            case "family": return written
            case "honorific": return localized
            case "name": return name
            default: return nil
            }
        }
    }

    private static func withoutHonorific(_ name: String, rules: SalutationRules) -> String {
        rules.withoutHonorificPattern.fill { $0 == "name" ? name : nil }
    }

    /// A generic honorific is listed in the locale or offers alternatives
    /// (`Mr/Mrs`); compared without spaces, ASCII case or full-width slashes.
    private static func isGeneric(_ honorific: String, rules: SalutationRules) -> Bool {
        let key = honorificKey(honorific)
        return key.utf8.contains(UInt8(ascii: "/")) || rules.genericKeys.contains(key)
    }

    /// The locale's form of an honorific: an exact key of the table, else a
    /// key equal up to ASCII case, spaces and a trailing period (`ms` → `Ms.`),
    /// else the honorific as given.
    private static func localizedHonorific(_ honorific: String, rules: SalutationRules) -> String {
        if let exact = rules.form(ofListed: honorific) { return exact }
        guard let listed = rules.listedHonorific(forKey: honorificKey(honorific)) else { return honorific }
        return rules.form(ofListed: listed)!
    }

    /// An honorific without white space, ASCII case, full-width slashes or a trailing period.
    /// Works on UTF-8 bytes, straight into the key's storage (a short key
    /// needs no allocation): no byte of a scalar's encoding but its first can
    /// start whitespace, `／` (EF BC 8F) or an ASCII letter, and the key is
    /// never longer than the text.
    static func honorificKey(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { key in
                var count = 0
                var index = 0
                while index < bytes.count {
                    let space = bytes.whitespaceLength(at: index)
                    if space > 0 {
                        index += space
                        continue
                    }
                    if bytes[index] == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC, bytes[index + 2] == 0x8F {
                        key[count] = UInt8(ascii: "/")
                        index += 3
                    } else {
                        let byte = bytes[index]
                        key[count] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
                        index += 1
                    }
                    count += 1
                }
                if count > 0, key[count - 1] == UInt8(ascii: ".") { count -= 1 }
                return count
            }
        }
    }

    /// `name` without a trailing honorific (`张女士` → `张`), compared as UTF-8.
    private static func removingSuffix(_ honorific: String, or localized: String, from name: String) -> String {
        let bytes = name.utf8
        for suffix in [honorific.utf8, localized.utf8] where bytes.count >= suffix.count && bytes.suffix(suffix.count).elementsEqual(suffix) {
            return String(decoding: bytes.dropLast(suffix.count), as: UTF8.self).trimmingWhitespace
        }
        return name
    }

    /// The first Character of `name`, whose first scalar is `first`: that
    /// scalar alone when the next one is another CJK ideograph (or there is
    /// none), else as grapheme breaking finds it.
    private static func firstCharacter(of name: String, startingWith first: Unicode.Scalar) -> String {
        let scalars = name.unicodeScalars
        let second = scalars.index(after: scalars.startIndex)
        if second == scalars.endIndex || (0x4E00...0x9FFF).contains(scalars[second].value) { return String(first) }
        return String(name.prefix(1))
    }

    /// The family name inside a full name, by the script the name is written in.
    private static func derivedFamilyName(of name: String, rules: SalutationRules) -> String {
        if let first = name.unicodeScalars.first, first.properties.isIdeographic {
            return longestCompoundFamilyName(starting: name, rules: rules) ?? firstCharacter(of: name, startingWith: first)
        }
        if let comma = name.firstIndex(where: { $0 == "," || $0 == "，" }) {
            let before = name[..<comma].trimmingWhitespace
            if !before.isEmpty { return before }
        }
        return name.split(whereSeparator: \.isWhitespace).last.map(String.init) ?? name
    }

    /// The longest compound family name `name` starts with, compared as
    /// UTF-8 (Han names have one encoding) on the bytes in place: the list
    /// is walked once a reply, with no table of first characters built ahead.
    private static func longestCompoundFamilyName(starting name: String, rules: SalutationRules) -> String? {
        var name = name
        return name.withUTF8 { bytes in
            var longest: String?
            var longestCount = 0
            for var compound in rules.compoundFamilyNames {
                let isLonger = compound.withUTF8 { prefix in prefix.count > longestCount && bytes.starts(with: prefix) }
                if isLonger {
                    longest = compound
                    longestCount = compound.utf8.count
                }
            }
            return longest
        }
    }
}
