/// The field-name rule of `SecretFinder` (see there): the last word of the
/// key, or its last two words joined, is a secret word (`password`,
/// `apikey`, …), or the key is just `token`, or it ends in 密码, 口令 or 密钥.
///
/// Splitting a key into words takes strings; most keys are ruled out before
/// that by their last letters alone (`LetterEnding`), then by holding none
/// of the secret words' stems.
enum SecretName {
    /// A list, not a set: it is searched only for the rare key that passes
    /// the cheaper looks, while hashing every word would cost each reply.
    private static let secretWords: [String] = [
        "password", "passwd", "pwd", "passphrase", "secret", "apikey", "accesskey", "privatekey", "secretkey",
        "authtoken", "accesstoken", "refreshtoken", "apitoken", "bearertoken", "sessiontoken",
    ]

    /// True when `key` names a secret.
    static func isSecret(_ key: String) -> Bool {
        withContiguousBytes(key.utf8) { bytes in
            if (bytes.last ?? 0) >= 0x80, hanSecretSuffixes.contains(where: { bytes.hasSuffix($0) }) { return true }
            return mayEndAsASecret(bytes) && mayNameASecret(bytes) && namesASecret(words(of: bytes))
        }
    }

    /// The word rule: the last word, or the last two, is a secret word, or
    /// the key is just `token`.
    static func namesASecret(_ words: [String]) -> Bool {
        guard let last = words.last else { return false }
        if secretWords.contains(last) { return true }
        if words.count >= 2, secretWords.contains(words[words.count - 2] + last) { return true }
        return words.count == 1 && last == "token"
    }

    /// 密码, 口令 and 密钥 as UTF-8.
    private static let hanSecretSuffixes: [[UInt8]] = ["密码", "口令", "密钥"].map { Array($0.utf8) }

    /// Another look before the word split: every secret name (in ASCII
    /// letters) holds one of `pass`, `pwd`, `secret`, `key` or `token`, in
    /// any case.
    static func mayNameASecret(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for start in bytes.indices {
            switch bytes[start] | 0x20 {
            case UInt8(ascii: "p"), UInt8(ascii: "s"), UInt8(ascii: "k"), UInt8(ascii: "t"):
                if secretNeedles.contains(where: { bytes.hasPrefix($0, at: start, ignoringASCIICase: true) }) {
                    return true
                }
            default:
                continue
            }
        }
        return false
    }

    private static let secretNeedles: [[UInt8]] = ["pass", "pwd", "secret", "key", "token"].map { Array($0.utf8) }

    /// The cheapest look, at the key's last letters (see `LetterEnding`): a
    /// secret name's letters end as a secret word does (its last word, or
    /// its last two joined), or are just `token`. True when it cannot tell.
    private static func mayEndAsASecret(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Most keys differ in their last two letters; only the rest are read further.
        guard let lastTwo = LetterEnding(bytes, upTo: 2) else { return true }
        guard secretLastTwo.contains(lastTwo.letters) else { return false }
        guard let ending = LetterEnding(bytes, upTo: 8) else { return true }
        for word in secretEndings where ending.endsAs(word) { return true }
        return ending.isAll(token)
    }

    /// The secret words' endings and `token`'s, packed as `LetterEnding.letters`.
    private static let secretEndings = secretWords.map { LetterEnding(word: $0).letters }
    private static let token = LetterEnding(word: "token").letters
    /// Their last two letters, packed the same way.
    private static let secretLastTwo = (secretEndings + [token]).reduce(into: [Int]()) { lastTwo, ending in
        if !lastTwo.contains(ending & 0xFFFF) { lastTwo.append(ending & 0xFFFF) }
    }

    /// The words of a key given as UTF-8: `apiKey`, `API_KEY`, `x-api-key`,
    /// `APIKey` → `["api", "key"]` (with the `x` where there is one),
    /// lower-cased.
    static func words(of bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var words: [String] = []
        var wordStart = 0
        var previous: Unicode.Scalar?  // the last scalar of the word so far
        var offset = 0
        func finishWord(at end: Int) {
            guard end > wordStart else { return }
            let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<end])
            words.append(String(decoding: word, as: UTF8.self).lowercasedCheaply)
        }
        while offset < bytes.count {
            let (scalar, length) = bytes.scalar(at: offset)
            if isWordSeparator(scalar) {
                finishWord(at: offset)
                wordStart = offset + length
                previous = nil
            } else {
                if isUppercase(scalar), let previous,
                    isLowercase(previous) || isNumeric(previous)
                        || (isUppercase(previous) && isLowercaseScalar(in: bytes, at: offset + length))
                {
                    finishWord(at: offset)
                    wordStart = offset
                }
                previous = scalar
            }
            offset += length
        }
        finishWord(at: bytes.count)
        return words
    }

    /// `_`, `-`, `.` and white space separate the words of a key.
    static func isWordSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? isWordSeparator(UInt8(scalar.value)) : scalar.isWhitespace
    }

    /// The ASCII word separators, without the property tables.
    fileprivate static func isWordSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), 0x09...0x0D, UInt8(ascii: " "): return true
        default: return false
        }
    }

    /// True when a lowercase scalar starts at `offset` (false at the end).
    private static func isLowercaseScalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        offset < bytes.count && isLowercase(bytes.scalar(at: offset).scalar)
    }

    // Letter case and digits, answered for ASCII without the property tables.
    private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("A"..."Z").contains(scalar) : scalar.properties.isUppercase
    }

    private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar) : scalar.properties.isLowercase
    }

    private static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("0"..."9").contains(scalar) : scalar.properties.numericType != nil
    }
}

/// The last letters of a key (the scalars that are not word separators), up
/// to eight, lower-cased, for comparing endings without splitting words.
private struct LetterEnding {
    /// The letters, the last in the lowest byte. ASCII, so never negative:
    /// an `Int`, for `[UInt64]` would be a type instantiated for the tables
    /// of `SecretName` alone.
    private(set) var letters = 0
    /// How many letters `letters` holds.
    private var count = 0
    /// True when the key has no letters before them.
    private var isWhole = true

    /// The last `limit` (at most eight) letters of the UTF-8 `bytes`; nil
    /// when a non-ASCII byte comes before they are read (its lower case is
    /// not byte by byte).
    init?(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) {
        var offset = bytes.count
        while offset > 0 {
            offset -= 1
            guard bytes[offset] < 0x80 else { return nil }
            guard !SecretName.isWordSeparator(bytes[offset]) else { continue }
            guard count < limit else {
                isWhole = false
                return
            }
            letters |= Int(lowercasedASCII(bytes[offset])) << (8 * count)
            count += 1
        }
    }

    /// The ending of a secret word (lowercase ASCII letters).
    init(word: String) {
        var word = word
        self = word.withUTF8 { Self($0, upTo: 8)! }
    }

    /// True when these letters end as the packed `ending` of a word does
    /// (as far as both reach; a word's letters are never zero bytes).
    func endsAs(_ ending: Int) -> Bool {
        let endingCount = Self.count(of: ending)
        let mask = endingCount == 8 ? ~0 : (1 << (8 * endingCount)) - 1
        return count >= endingCount && letters & mask == ending
    }

    /// True when these letters are all of the key's, and are the packed
    /// `ending` of a word, all of it.
    func isAll(_ ending: Int) -> Bool {
        isWhole && count == Self.count(of: ending) && letters == ending
    }

    /// How many letters a word's packed ending holds.
    private static func count(of ending: Int) -> Int {
        (Int.bitWidth - ending.leadingZeroBitCount + 7) / 8
    }
}
