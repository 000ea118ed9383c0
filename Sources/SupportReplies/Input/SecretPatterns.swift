/// Hand-written matchers for secrets written in text, over UTF-8 bytes.
///
/// Each matcher is the regular expression in its comment, with a boundary
/// before the token shapes (the byte before is not an ASCII letter or digit),
/// so `task-…` is not an `sk-…` key.
enum SecretPatterns {
    /// The reasons for the secrets in `text`, in the order of their first
    /// appearance, each once.
    static func reasons(in text: String) -> [String] {
        withContiguousBytes(text.utf8) { bytes in
            steps.withUnsafeBufferPointer { steps in
                var reasons: [String] = []
                // A match needs a byte after its first; offsets stay below the count, so `&+` cannot overflow.
                let end = bytes.count - 1
                var offset = 0
                while offset < end {
                    let byte = bytes[offset]
                    let step = steps[Int(byte)]
                    if step != 0 {
                        offset &+= Int(step)
                        continue
                    }
                    // E5 begins many Han characters; the next byte of 密 and 口 (AF, 8F) rules out most at once.
                    if byte == 0xE5, bytes[offset + 1] | 0x20 != 0xAF {
                        offset &+= 3
                        continue
                    }
                    if mayStartMatch(at: offset, in: bytes), let reason = match(at: offset, in: bytes),
                        !reasons.contains(reason)
                    {
                        reasons.append(reason)
                    }
                    offset &+= byte < 0x80 ? 1 : 3  // the start bytes are ASCII and E5, a lead of three
                }
                return reasons
            }
        }
    }

    /// By byte: 0 for the first bytes of `mayStartMatch(at:in:)`, else how
    /// far the scan may step: the length of the UTF-8 sequence the byte
    /// begins, for no match starts inside a character. One look-up passes
    /// almost every position, and a Han character is one step, not three.
    private static let steps: [UInt8] = {
        var table = [UInt8](repeating: 1, count: 256)
        for byte in 0xC0...0xDF { table[byte] = 2 }
        for byte in 0xE0...0xEF { table[byte] = 3 }
        for byte in 0xF0...0xFF { table[byte] = 4 }
        for byte: UInt8 in [0x70, 0x50, 0x41, 0x67, 0x73, 0x78, 0x2D, 0x65, 0xE5] { table[Int(byte)] = 0 }  // pPAgsx-e 密口
        return table
    }()

    /// Whether a match can start at `offset` (followed by at least one
    /// byte), by the bytes it starts with (the cases of `match(at:in:)`):
    /// `pa`/`pw`, `AK`, `gh`/`gi`, `sk`, `xo`, `ey`; all three bytes of 密
    /// (E5 AF 86) or 口 (E5 8F A3), for many common Han characters share
    /// their first two; and `-` with the `B` of `-----BEGIN` five bytes on,
    /// for a line of dashes would pass at every dash.
    @inline(__always)
    private static func mayStartMatch(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let second = bytes[offset + 1]
        switch bytes[offset] {
        case UInt8(ascii: "p"), UInt8(ascii: "P"):
            let folded = second | 0x20
            return folded == UInt8(ascii: "a") || folded == UInt8(ascii: "w")
        case 0xE5:
            guard offset + 2 < bytes.count else { return false }
            let third = bytes[offset + 2]
            return second == 0xAF && third == 0x86 || second == 0x8F && third == 0xA3
        case UInt8(ascii: "A"): return second == UInt8(ascii: "K")
        case UInt8(ascii: "g"): return second == UInt8(ascii: "h") || second == UInt8(ascii: "i")
        case UInt8(ascii: "s"): return second == UInt8(ascii: "k")
        case UInt8(ascii: "x"): return second == UInt8(ascii: "o")
        case UInt8(ascii: "-"): return offset + 5 < bytes.count && bytes[offset + 5] == UInt8(ascii: "B")
        case UInt8(ascii: "e"): return second == UInt8(ascii: "y")
        default: return false
        }
    }

    /// True for text with nothing in it but white space and mask characters
    /// (`*`, `x`, `X`, `•`, `●`): a redacted value, not a secret.
    static func isBlankOrMasked(_ text: Substring) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || "*xX•●".unicodeScalars.contains($0) }
    }

    static func match(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var cursor = Cursor(bytes: bytes, offset: offset)
        switch bytes[offset] {
        case UInt8(ascii: "p"), UInt8(ascii: "P"):
            return cursor.passwordLine() ? "a password written in the text" : nil
        case 0xE5:  // 密 is E5 AF 86, 口 is E5 8F A3
            return cursor.passwordLine() ? "a password written in the text" : nil
        case UInt8(ascii: "A"):
            return cursor.atBoundary && cursor.awsAccessKeyID() ? "an AWS access key ID" : nil
        case UInt8(ascii: "g"):
            return cursor.atBoundary && cursor.gitHubToken() ? "a GitHub token" : nil
        case UInt8(ascii: "s"):
            return cursor.atBoundary && cursor.secretKeyToken() ? "an API secret key (sk-…)" : nil
        case UInt8(ascii: "x"):
            return cursor.atBoundary && cursor.slackToken() ? "a Slack token" : nil
        case UInt8(ascii: "-"):
            return cursor.privateKeyBlock() ? "a private key block" : nil
        case UInt8(ascii: "e"):
            return cursor.atBoundary && cursor.jsonWebToken() ? "a JSON Web Token" : nil
        default:
            return nil
        }
    }
}

/// A position in UTF-8 bytes with the small steps the matchers are made of.
private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset: Int

    /// The byte before is not an ASCII letter or digit.
    var atBoundary: Bool { offset == 0 || !isAlphanumeric(bytes[offset - 1]) }

    /// `(password|passwd|pwd|密码|口令)\s*[:：=]\s*\S+` on one line, without
    /// case, where the `\S+` is not only mask characters.
    mutating func passwordLine() -> Bool {
        guard skipAnyOf(Literal.passwordWords, ignoringCase: true) else { return false }
        skipSpaces()
        guard skipAnyOf(Literal.separators, ignoringCase: false) else { return false }
        skipSpaces()
        let start = offset
        while offset < bytes.count, spaceLength() == 0, !isLineBreak(bytes[offset]) { offset += 1 }
        guard offset > start else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        return !SecretPatterns.isBlankOrMasked(Substring(word))
    }

    /// `AKIA[0-9A-Z]{16}`
    mutating func awsAccessKeyID() -> Bool {
        skip(Literal.aws) && count(while: { isDigit($0) || isUpper($0) }, atMost: 16) == 16
    }

    /// `(ghp_|gho_|github_pat_)[A-Za-z0-9_]{20,}`
    mutating func gitHubToken() -> Bool {
        skipAnyOf(Literal.gitHub, ignoringCase: false)
            && count(while: { isAlphanumeric($0) || $0 == UInt8(ascii: "_") }) >= 20
    }

    /// `sk-[A-Za-z0-9]{20,}`, and also `sk-[A-Za-z0-9_-]{20,}` with a digit
    /// in it (the newer `sk-proj-…` keys).
    mutating func secretKeyToken() -> Bool {
        guard skip(Literal.secretKey) else { return false }
        let start = offset
        let alphanumerics = count(while: isAlphanumeric)
        offset = start
        let run = count(while: { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") })
        return alphanumerics >= 20 || (run >= 20 && bytes[start..<start + run].contains(where: isDigit))
    }

    /// `xox[abpr]-[A-Za-z0-9-]{10,}`
    mutating func slackToken() -> Bool {
        guard skip(Literal.slack), offset < bytes.count, Literal.slackKinds.contains(bytes[offset]) else {
            return false
        }
        offset += 1
        return skip(Literal.dash) && count(while: { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }) >= 10
    }

    /// `-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----`
    mutating func privateKeyBlock() -> Bool {
        guard skip(Literal.beginBlock) else { return false }
        while offset < bytes.count {
            if bytes.hasPrefix(Literal.privateKeyEnd, at: offset, ignoringASCIICase: false) { return true }
            guard isUpper(bytes[offset]) || isDigit(bytes[offset]) || bytes[offset] == UInt8(ascii: " ") else {
                return false
            }
            offset += 1
        }
        return false
    }

    /// `eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*`
    mutating func jsonWebToken() -> Bool {
        let base64URL = { (byte: UInt8) in
            isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        return skip(Literal.jsonObject) && count(while: base64URL) > 0 && skip(Literal.dot) && skip(Literal.jsonObject)
            && count(while: base64URL) > 0 && skip(Literal.dot)
    }

    // MARK: steps

    /// Moves past `literal` when it is here.
    private mutating func skip(_ literal: [UInt8], ignoringCase: Bool = false) -> Bool {
        guard bytes.hasPrefix(literal, at: offset, ignoringASCIICase: ignoringCase) else { return false }
        offset += literal.count
        return true
    }

    /// Moves past the first of `literals` found here.
    private mutating func skipAnyOf(_ literals: [[UInt8]], ignoringCase: Bool) -> Bool {
        for literal in literals where skip(literal, ignoringCase: ignoringCase) { return true }
        return false
    }

    /// Moves past up to `limit` bytes that satisfy `predicate`; returns how many.
    private mutating func count(while predicate: (UInt8) -> Bool, atMost limit: Int = .max) -> Int {
        let start = offset
        while offset < bytes.count, offset - start < limit, predicate(bytes[offset]) { offset += 1 }
        return offset - start
    }

    private mutating func skipSpaces() {
        while offset < bytes.count, case let length = spaceLength(), length > 0 { offset += length }
    }

    /// The length of the white space character here that is not a line
    /// break (space, tab, vertical tab, form feed, U+00A0, U+3000), or 0.
    private func spaceLength() -> Int {
        switch bytes[offset] {
        case 0x20, 0x09, 0x0B, 0x0C: return 1
        case 0xC2 where bytes[offset...].starts(with: [0xC2, 0xA0]): return 2
        case 0xE3 where bytes[offset...].starts(with: [0xE3, 0x80, 0x80]): return 3
        default: return 0
        }
    }
}

/// The fixed pieces of the patterns, as UTF-8.
private enum Literal {
    static let passwordWords = ["password", "passwd", "pwd", "密码", "口令"].map { Array($0.utf8) }
    static let separators = [":", "：", "="].map { Array($0.utf8) }
    static let aws = Array("AKIA".utf8)
    static let gitHub = ["ghp_", "gho_", "github_pat_"].map { Array($0.utf8) }
    static let secretKey = Array("sk-".utf8)
    static let slack = Array("xox".utf8)
    static let slackKinds = Array("abpr".utf8)
    static let dash = Array("-".utf8)
    static let beginBlock = Array("-----BEGIN ".utf8)
    static let privateKeyEnd = Array("PRIVATE KEY-----".utf8)
    static let jsonObject = Array("eyJ".utf8)
    static let dot = Array(".".utf8)
}

private func isLineBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
private func isUpper(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "A") < 26 }
private func isLower(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "a") < 26 }
private func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isUpper(byte) || isLower(byte) }

extension UnsafeBufferPointer<UInt8> {
    /// True when the bytes end with `suffix`.
    func hasSuffix(_ suffix: [UInt8]) -> Bool {
        count >= suffix.count && hasPrefix(suffix, at: count - suffix.count, ignoringASCIICase: false)
    }

    /// True when `prefix` stands at `start`; with `ignoringASCIICase`,
    /// `prefix` is lowercase ASCII and the bytes may be in either case.
    func hasPrefix(_ prefix: [UInt8], at start: Int, ignoringASCIICase: Bool) -> Bool {
        guard start + prefix.count <= count else { return false }
        for (offset, expected) in prefix.enumerated() {
            let byte = self[start + offset]
            if (ignoringASCIICase ? lowercasedASCII(byte) : byte) != expected { return false }
        }
        return true
    }
}

/// `byte` with an ASCII capital made lowercase.
func lowercasedASCII(_ byte: UInt8) -> UInt8 {
    isUpper(byte) ? byte | 0x20 : byte
}
