import TestSupport
import Testing

@testable import SupportReplies

/// `SecretPatterns.reasons(in:)` tries a matcher only where the first bytes
/// allow one, and steps over whole characters. These tests hold it to trying
/// every matcher at every byte, over text glued from the patterns' pieces,
/// near misses and others.
@Suite struct SecretPatternsScanTests {
    /// The reasons found by trying `match(at:in:)` at every offset.
    static func modelReasons(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var reasons: [String] = []
            for offset in bytes.indices {
                if let reason = SecretPatterns.match(at: offset, in: bytes), !reasons.contains(reason) {
                    reasons.append(reason)
                }
            }
            return reasons
        }
    }

    static let pieces = [
        "password", "Password", "PWD", "passwd", "pa", "pw", "密码", "口令", "密", "口", ":", "：", "=", " ", "\t", "\n",
        "s3cret", "****", "AKIA", "AKIAIOSFODNN7EXAMPLE", "ghp_", "gho_", "github_pat_", "abcdefghij0123456789",
        "sk-", "sk-proj-", "xoxb-", "xoxz-", "-----BEGIN ", "RSA ", "PRIVATE KEY-----", "eyJ", "eyJhbGciOiJIUzI1NiJ9",
        ".", "x", "e", "g", "s", "-", "A", "P", "数据库", "资料", "，", "é",
        // Characters of every UTF-8 length the scan steps over, and one that shares 密's first byte.
        "在", "😀", "ß",
    ]

    @Test func randomTextsAgreeWithTryingEveryOffset() {
        var random = SeededRandom(seed: 0x5EC2E75)
        var withReasons = 0
        for _ in 0..<3_000 {
            let text = (0..<1 + Int(random.next() % 8)).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            let expected = Self.modelReasons(text)
            #expect(SecretPatterns.reasons(in: text) == expected, "\(text.debugDescription)")
            if !expected.isEmpty { withReasons += 1 }
        }
        // Both outcomes occur often, so the comparison can fail either way.
        #expect(withReasons > 300)
        #expect(withReasons < 2_700)
    }
}
