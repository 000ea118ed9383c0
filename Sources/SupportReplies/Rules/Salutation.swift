/// A locale's salutation rules (`salutation` in the locale file).
public struct SalutationRules: Sendable {
    /// The form with an honorific; placeholders `{family}`, `{honorific}`, `{name}`.
    public let withHonorific: String
    /// The form without one; placeholder `{name}` (the full name).
    public let withoutHonorific: String
    /// Han family names of two characters or more (欧阳, 司马, …), used when
    /// the family name has to be derived from the full name.
    public let compoundFamilyNames: [String]
    /// Honorific as written in the case → honorific as the locale writes it
    /// (`Ms.` → `女士`); an honorific not listed is used as given.
    public let honorifics: [String: String]
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
        self.withHonorific = withHonorific
        self.withoutHonorific = withoutHonorific
        self.compoundFamilyNames = compoundFamilyNames
        self.honorifics = honorifics
        self.genericHonorifics = genericHonorifics
        self.romanizesHanFamilyNames = romanizesHanFamilyNames
        var firstScalars: [UInt8] = []
        for var name in compoundFamilyNames {
            name.withUTF8 { bytes in
                if !bytes.isEmpty { firstScalars += bytes[..<bytes.scalar(at: 0).length] }
            }
        }
        compoundFirstScalars = String(decoding: firstScalars, as: UTF8.self)
        withHonorificPattern = PlaceholderPattern(withHonorific)
        withoutHonorificPattern = PlaceholderPattern(withoutHonorific)
        // A key with a slash is generic whatever the list says (see `Salutation.isGeneric`):
        // only slash-free ones need keeping, and slashes survive `honorificKey` (`／` becomes `/`).
        var generic: Set<String> = []
        for honorific in genericHonorifics where !honorific.unicodeScalars.contains(where: { $0 == "/" || $0 == "／" }) {
            generic.insert(Salutation.honorificKey(honorific))
        }
        genericKeys = generic
        // One key per honorific, no sorting: where keys collide, the smaller honorific wins.
        // The key leads to the honorific, not its form, which is looked up
        // only when an honorific is not in the table as given.
        var chosen = [String: String](minimumCapacity: honorifics.count)
        for honorific in honorifics.keys {
            let key = Salutation.honorificKey(honorific)
            if let earlier = chosen.updateValue(honorific, forKey: key), earlier < honorific {
                chosen[key] = earlier
            }
        }
        honorificsByKey = chosen
    }

    /// The first scalar of every compound family name: most names start
    /// with none of them, and are then compared with no compound name.
    let compoundFirstScalars: String
    /// `withHonorific` and `withoutHonorific`, split into their pieces once.
    let withHonorificPattern: PlaceholderPattern
    let withoutHonorificPattern: PlaceholderPattern
    /// `genericHonorifics` without a slash, as comparison keys (see `Salutation.honorificKey`).
    let genericKeys: Set<String>
    /// The keys of `honorifics` by comparison key; where keys collide, the first in sorted order.
    let honorificsByKey: [String: String]
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
        if let exact = rules.honorifics[honorific] { return exact }
        guard let listed = rules.honorificsByKey[honorificKey(honorific)] else { return honorific }
        return rules.honorifics[listed]!
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
            // The longest compound name wins; most names start with no compound name's first scalar.
            let compound = rules.compoundFirstScalars.unicodeScalars.contains(first) ? longestCompoundFamilyName(starting: name, rules: rules) : nil
            return compound ?? firstCharacter(of: name, startingWith: first)
        }
        if let comma = name.firstIndex(where: { $0 == "," || $0 == "，" }) {
            let before = name[..<comma].trimmingWhitespace
            if !before.isEmpty { return before }
        }
        return name.split(whereSeparator: \.isWhitespace).last.map(String.init) ?? name
    }

    /// The longest compound family name `name` starts with, compared as
    /// UTF-8 (Han names have one encoding).
    private static func longestCompoundFamilyName(starting name: String, rules: SalutationRules) -> String? {
        rules.compoundFamilyNames
            .filter { !$0.isEmpty && name.utf8.starts(with: $0.utf8) }
            .max { $0.utf8.count < $1.utf8.count }
    }
}

