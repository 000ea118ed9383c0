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
        // Most data holds no secret: a walk that keeps no path proves it.
        guard holdsEvidence(value) else { return [] }
        var found: [SecretFinding] = []
        var path: [JSONPath.Component] = []
        collect(value, at: &path, into: &found)
        return found
    }

    /// True when `collect` finds anything in `value`.
    private static func holdsEvidence(_ value: TemplateValue) -> Bool {
        switch value {
        case .string(let text):
            return !SecretPatterns.reasons(in: text).isEmpty
        case .list(let items):
            return items.contains(where: holdsEvidence)
        case .object(let object):
            return (0..<object.count).contains { position in
                let (key, member) = object[member: position]
                return SecretName.isSecret(key) && hasSecretValue(member) || holdsEvidence(member)
            }
        case .null, .bool, .number, .lambda:
            return false
        }
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
                if SecretName.isSecret(key), hasSecretValue(member) {
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
