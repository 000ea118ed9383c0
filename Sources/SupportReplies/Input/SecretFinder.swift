public import MustacheEngine

/// A value that looks like a secret: where it is and why it looks like one.
/// The reason never quotes the value.
public struct SecretFinding: Sendable, Equatable {
    /// The JSON path of the value.
    public let path: JSONPath
    /// Why it looks like a secret, for example "an AWS access key ID".
    public let reason: String

    public init(path: JSONPath, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// Finds passwords, keys and tokens in case data before they are mailed out.
///
/// Two kinds of evidence, reported in document order:
///
/// - **Field names.** A key whose *last word* names a secret, with a value
///   that is a number or non-blank text (or a list holding one). Keys are
///   split into words at `_`, `-`, `.`, spaces and camelCase humps, compared
///   without case. Secret last words: `password`, `passwd`, `pwd`,
///   `passphrase`, `secret`; secret last two words: `api key`, `access key`,
///   `private key`, `secret key`, `pass phrase`, `auth token`,
///   `access token`, `refresh token`, `api token`, `bearer token`,
///   `session token`; and a key that is just `token`. So `db_password`,
///   `clientSecret` and `X-Api-Key` are secrets, while compounds that only
///   mention the word (`password_policy`, `secret_question`) and other
///   tokens (`tracking_token`, the case's `CMIT:…` token; `page_token`) are
///   not. Chinese keys ending in 密码, 口令 or 密钥 are secrets (`数据库密码`),
///   others are not (`密码策略`). A value made only of mask characters
///   (`******`, `xxxx`, `••••`) is not a secret.
/// - **Text.** Any string value with a line like `password: …` (see
///   `SecretPatterns`), or shaped like an AWS access key ID, a GitHub, Slack
///   or `sk-` API token, a PEM private key, or a JSON Web Token.
public enum SecretFinder {
    /// Every finding in `value`, in document order; at most one per field
    /// name and one per kind of text evidence in each string.
    public static func findings(in value: TemplateValue) -> [SecretFinding] {
        var found: [SecretFinding] = []
        var path: [JSONPath.Component] = []
        collect(value, at: &path, into: &found)
        return found
    }

    /// Walks `value`; `path` is the way to it, extended and restored in
    /// place so that a path is only copied for a finding.
    private static func collect(
        _ value: TemplateValue, at path: inout [JSONPath.Component], into found: inout [SecretFinding]
    ) {
        switch value {
        case .string(let text):
            for reason in SecretPatterns.reasons(in: text) {
                found.append(SecretFinding(path: JSONPath(path), reason: reason))
            }
        case .list(let items):
            for (index, item) in items.enumerated() {
                path.append(.index(index))
                collect(item, at: &path, into: &found)
                path.removeLast()
            }
        case .object(let object):
            for position in 0..<object.count {
                let (key, member) = object[member: position]
                path.append(.key(key))
                if isSecretName(key), hasSecretValue(member) {
                    found.append(SecretFinding(path: JSONPath(path), reason: "a field named like a secret has a value"))
                } else {
                    collect(member, at: &path, into: &found)
                }
                path.removeLast()
            }
        case .null, .bool, .number, .lambda:
            break
        }
    }

    private static let secretWords: Set<String> = [
        "password", "passwd", "pwd", "passphrase", "secret", "apikey", "accesskey", "privatekey", "secretkey",
        "authtoken", "accesstoken", "refreshtoken", "apitoken", "bearertoken", "sessiontoken",
    ]

    /// The field-name rule in the type's documentation.
    static func isSecretName(_ key: String) -> Bool {
        var key = key
        let (hasHanSuffix, mayName) = key.withUTF8 { bytes in
            (hanSecretSuffixes.contains { bytes.hasSuffix($0) }, mayNameASecret(bytes))
        }
        if hasHanSuffix { return true }
        guard mayName else { return false }
        let words = words(of: key)
        guard let last = words.last else { return false }
        if secretWords.contains(last) { return true }
        if words.count >= 2, secretWords.contains(words[words.count - 2] + last) { return true }
        return words == ["token"]
    }

    /// 密码, 口令 and 密钥 as UTF-8.
    private static let hanSecretSuffixes: [[UInt8]] = ["密码", "口令", "密钥"].map { Array($0.utf8) }

    /// A cheap first look: every secret name ends in a word containing one of
    /// `pass`, `pwd`, `secret`, `key` or `token` (any case), so keys without
    /// them skip the word split.
    private static func mayNameASecret(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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

    /// `apiKey`, `API_KEY`, `x-api-key`, `APIKey` → `["api", "key"]` (with
    /// the `x` where there is one), lower-cased.
    static func words(of key: String) -> [String] {
        let scalars = Array(key.unicodeScalars)
        var words: [String] = []
        var current: [Unicode.Scalar] = []
        func finishWord() {
            guard !current.isEmpty else { return }
            words.append(String(scalars: current).lowercased())
            current.removeAll(keepingCapacity: true)
        }
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_" || scalar == "-" || scalar == "." || scalar.isWhitespace {
                finishWord()
                continue
            }
            if isUppercase(scalar), let previous = current.last {
                let nextIsLower = index + 1 < scalars.count && isLowercase(scalars[index + 1])
                if isLowercase(previous) || isNumeric(previous) || (isUppercase(previous) && nextIsLower) { finishWord() }
            }
            current.append(scalar)
        }
        finishWord()
        return words
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

    /// A number, non-blank unmasked text, or a list holding one.
    private static func hasSecretValue(_ value: TemplateValue) -> Bool {
        switch value {
        case .number: return true
        case .string(let text): return !SecretPatterns.isBlankOrMasked(Substring(text))
        case .list(let items): return items.contains(where: hasSecretValue)
        case .null, .bool, .object, .lambda: return false
        }
    }
}
