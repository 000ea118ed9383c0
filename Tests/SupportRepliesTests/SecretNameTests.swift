import TestSupport
import Testing

@testable import SupportReplies

/// `SecretName.isSecret` takes shortcuts (a key's last letters must end as a
/// secret word's; words are split on bytes). These tests hold it to the rule
/// as first written: the word split scalar by scalar, below, and the word
/// rule, for keys built to sit on either side of every shortcut.
@Suite struct SecretNameTests {
    /// The field-name rule without shortcuts.
    static func modelIsSecretName(_ key: String) -> Bool {
        if ["密码", "口令", "密钥"].contains(where: key.hasSuffix) { return true }
        var key = key
        guard key.withUTF8(SecretName.mayNameASecret) else { return false }
        return SecretName.namesASecret(modelWords(of: key))
    }

    /// The word split, scalar by scalar, into lower-cased strings.
    static func modelWords(of key: String) -> [String] {
        let scalars = Array(key.unicodeScalars)
        var words: [String] = []
        var current: [Unicode.Scalar] = []
        func finishWord() {
            guard !current.isEmpty else { return }
            words.append(String(String.UnicodeScalarView(current)).lowercased())
            current.removeAll()
        }
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_" || scalar == "-" || scalar == "." || scalar.properties.isWhitespace {
                finishWord()
                continue
            }
            if scalar.properties.isUppercase, let previous = current.last {
                let nextIsLower = index + 1 < scalars.count && scalars[index + 1].properties.isLowercase
                if previous.properties.isLowercase || previous.properties.numericType != nil
                    || (previous.properties.isUppercase && nextIsLower)
                {
                    finishWord()
                }
            }
            current.append(scalar)
        }
        finishWord()
        return words
    }

    static let keys = [
        "", "_", "password", "db_password_", "apiKey ", "API_KEY", "APIKey", "XAPIKEY", "x-api-key", "pass_phrase",
        "passPhrase", "phrase", "tracking_token", "token", "Token.", "my token", "page2Token", "KEYS", "keyword",
        "Straße_password", "数据库_password", "数据库密码", "root密码", "密码策略", "api_\u{212A}ey", "pass_api_\u{212A}ey",
        "pass\u{2003}key", "ÉtatSecret", "secretÉ", "access\u{A0}token", "ΑΒΓ_Token", "\0token", "to\0ken", "\0",
    ]

    @Test(arguments: keys)
    func agreesWithTheRule(_ key: String) {
        #expect(SecretName.isSecret(key) == Self.modelIsSecretName(key))
        var bytes = key
        #expect(bytes.withUTF8(SecretName.words(of:)) == Self.modelWords(of: key))
    }

    /// Keys glued from words, separators and case changes, seeded.
    @Test func randomKeysAgreeWithTheRule() {
        let pieces = [
            "pass", "Pass", "PASS", "word", "Word", "pwd", "PWD", "phrase", "Phrase", "secret", "Secret", "key", "Key",
            "KEY", "token", "Token", "api", "API", "auth", "access", "x", "2", "tracking", "é", "É", "\u{212A}", "密码",
            "令", "ß", "_", "-", ".", " ", "\t", "\u{3000}",
        ]
        var random = SeededRandom(seed: 0x5EC2E7)
        var secrets = 0
        for _ in 0..<3_000 {
            let key = (0..<1 + Int(random.next() % 5)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let expected = Self.modelIsSecretName(key)
            #expect(SecretName.isSecret(key) == expected, "\(key.debugDescription)")
            var bytes = key
            #expect(bytes.withUTF8(SecretName.words(of:)) == Self.modelWords(of: key), "\(key.debugDescription)")
            if expected { secrets += 1 }
        }
        // Both answers occur often, so the comparison can fail either way.
        #expect(secrets > 300)
        #expect(secrets < 2_700)
    }
}

@Suite struct WordSeparatorTests {
    /// The ASCII shortcut agrees with the definition, for every ASCII scalar.
    @Test func asciiSeparatorsAreUnderscoreHyphenDotAndWhiteSpace() {
        for value in UInt8(0)...0x7F {
            let scalar = Unicode.Scalar(value)
            #expect(SecretName.isWordSeparator(scalar) == ("_-.".unicodeScalars.contains(scalar) || scalar.properties.isWhitespace), "\(value)")
        }
    }
}
