import MustacheEngine

/// A strict RFC 8259 parser from UTF-8 bytes straight into `TemplateValue`.
///
/// Recursive descent over an `UnsafeBufferPointer`, one byte at a time, with
/// the nesting depth checked before each container so that hostile input
/// (`[[[[…` a hundred thousand deep) fails at level 257 instead of
/// overflowing the stack. Errors carry a byte offset; lines and columns are
/// counted only when an error is reported.
struct JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    static let maxDepth = 256
    /// An object of at most this many members, all with ASCII keys, is
    /// built without `TemplateObject`'s lookup index (which it would get past
    /// 12). Up to here a lookup's scan of fingerprints costs less than
    /// hashing the key; the objects of a case are mostly walked member by
    /// member (the secret scan, the profile merge) or copied to be extended
    /// (the reply's root), which would copy or rebuild an index; and the
    /// scan finds what the index would, as two different ASCII strings are
    /// never `==` (only a looked-up key like U+212A KELVIN SIGN, which the
    /// index takes for `K`, is missed, as in any object of up to 12).
    static let unindexedMembers = 64

    let text: UnsafeBufferPointer<UInt8>
    var offset = 0
    /// Reused for strings that contain escapes.
    var scratch: [UInt8] = []
    /// The members of the objects being read, innermost last: each object
    /// takes its own from the top when it closes, so the storage is reused.
    var members: [(key: String, value: TemplateValue)] = []
    /// The fingerprints of those objects' keys, for the duplicate check.
    /// Fingerprints are kept as `Int` bit patterns: a reply instantiates
    /// `[Int]`'s type metadata anyway, `[UInt64]`'s only for this.
    var keyFingerprints: [Int] = []
    /// Set by `parseString`: the `MemberKey` fingerprint of the string read
    /// (its UTF-8 length and first seven bytes) and whether it is ASCII.
    var lastFingerprint = 0
    var lastIsASCII = true

    init(_ text: UnsafeBufferPointer<UInt8>) {
        self.text = text
    }

    /// Room on the member stacks from the start: enough for the open
    /// objects of a case (its root's members and a nested object's or two),
    /// where growing one step at a time would copy them several times.
    static let memberRoom = 32

    /// `JSON-text = ws value ws`
    mutating func parseDocument() throws(JSONSyntaxError) -> TemplateValue {
        skipWhitespace()
        guard offset < text.count else {
            throw JSONSyntaxError(offset: offset, message: "empty input: expected a JSON value")
        }
        members.reserveCapacity(Self.memberRoom)
        keyFingerprints.reserveCapacity(Self.memberRoom)
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard offset == text.count else {
            throw unexpected("after the JSON value")
        }
        return value
    }

    /// `value = false / null / true / object / array / number / string`
    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> TemplateValue {
        guard offset < text.count else { throw unexpected("(expected a value)") }
        switch text[offset] {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"):
            try parseLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try parseLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try parseLiteral("null")
            return .null
        default: throw unexpected("(expected a value)")
        }
    }

    /// `object = { [ member *( , member ) ] }`, `member = string : value`;
    /// a repeated key is an error, reported at its second occurrence.
    ///
    /// Members gather on `members` and become one `TemplateObject` at the
    /// end, so keys are compared here and never again.
    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> TemplateValue {
        try checkDepth(depth)
        offset += 1
        skipWhitespace()
        if offset < text.count, text[offset] == UInt8(ascii: "}") {
            offset += 1
            return .object(TemplateObject())
        }
        let first = members.count
        let firstFingerprint = keyFingerprints.count
        var keys = ObjectKeys()
        while true {
            guard offset < text.count, text[offset] == UInt8(ascii: "\"") else {
                throw unexpected("(expected a key in double quotes)")
            }
            let keyOffset = offset
            let key = try parseString()
            guard !isDuplicate(key, in: &keys, first: first, firstFingerprint: firstFingerprint) else {
                throw JSONSyntaxError(offset: keyOffset, message: "duplicate key '\(key)'").inside(.key(key))
            }
            keyFingerprints.append(lastFingerprint)
            do throws(JSONSyntaxError) {
                skipWhitespace()
                guard offset < text.count, text[offset] == UInt8(ascii: ":") else { throw unexpected("(expected ':')") }
                offset += 1
                skipWhitespace()
                members.append((key, try parseValue(depth: depth)))
            } catch {
                throw error.inside(.key(key))
            }
            guard try continueAfterMember(closing: UInt8(ascii: "}")) else { break }
        }
        let indexed = keys.hasNonASCII || members.count - first > Self.unindexedMembers
        let object = TemplateObject(uniqueKeys: members[first...], indexed: indexed)
        // One at a time: removing a range destroys the members through the tuple's generic metadata.
        while members.count > first { members.removeLast() }
        keyFingerprints.removeLast(keyFingerprints.count - firstFingerprint)
        return .object(object)
    }

    /// `array = [ [ value *( , value ) ] ]`
    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> TemplateValue {
        try checkDepth(depth)
        offset += 1
        var items: [TemplateValue] = []
        skipWhitespace()
        if offset < text.count, text[offset] == UInt8(ascii: "]") {
            offset += 1
            return .list(items)
        }
        while true {
            do throws(JSONSyntaxError) {
                items.append(try parseValue(depth: depth))
            } catch {
                throw error.inside(.index(items.count))
            }
            guard try continueAfterMember(closing: UInt8(ascii: "]")) else { return .list(items) }
        }
    }

    /// After a member: `,` and more to come (true), or the closing bracket
    /// (false). A comma right before the closing bracket is reported at the comma.
    private mutating func continueAfterMember(closing: UInt8) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard offset < text.count else { throw unexpected(Self.expected(closing)) }
        switch text[offset] {
        case closing:
            offset += 1
            return false
        case UInt8(ascii: ","):
            let comma = offset
            offset += 1
            skipWhitespace()
            if offset < text.count, text[offset] == closing {
                throw JSONSyntaxError(
                    offset: comma, message: "trailing comma before '\(Character(Unicode.Scalar(closing)))'")
            }
            return true
        default:
            throw unexpected(Self.expected(closing))
        }
    }

    /// What `continueAfterMember(closing:)` expects, for its error: made
    /// only when one is thrown.
    private static func expected(_ closing: UInt8) -> String {
        closing == UInt8(ascii: "}") ? "(expected ',' or '}')" : "(expected ',' or ']')"
    }

    private func checkDepth(_ depth: Int) throws(JSONSyntaxError) {
        if depth > Self.maxDepth {
            throw JSONSyntaxError(
                offset: offset, message: "nesting deeper than \(Self.maxDepth) levels", hasPath: false)
        }
    }

    /// `number = [ minus ] int [ frac ] [ exp ]`, kept as its literal text.
    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = offset
        if text[offset] == UInt8(ascii: "-") { offset += 1 }
        if offset < text.count, text[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < text.count, isDigit(text[offset]) {
                throw JSONSyntaxError(offset: offset, message: "invalid number: leading zero")
            }
        } else {
            try digits(after: "'-'")
        }
        if offset < text.count, text[offset] == UInt8(ascii: ".") {
            offset += 1
            try digits(after: "'.'")
        }
        if offset < text.count, text[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            if offset < text.count, text[offset] == UInt8(ascii: "+") || text[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            try digits(after: "the exponent sign")
        }
        return String(decoding: UnsafeBufferPointer(rebasing: text[start..<offset]), as: UTF8.self)
    }

    /// `1*DIGIT`
    private mutating func digits(after what: String) throws(JSONSyntaxError) {
        guard offset < text.count, isDigit(text[offset]) else {
            throw JSONSyntaxError(offset: offset, message: "invalid number: expected a digit after \(what)")
        }
        repeat { offset += 1 } while offset < text.count && isDigit(text[offset])
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// `true`, `false` or `null`, byte for byte.
    private mutating func parseLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        for index in 0..<literal.utf8CodeUnitCount {
            guard offset < text.count, text[offset] == literal.utf8Start[index] else {
                throw unexpected("(expected '\(literal)')")
            }
            offset += 1
        }
    }

    /// `ws = *( space / horizontal tab / line feed / carriage return )`
    mutating func skipWhitespace() {
        while offset < text.count {
            switch text[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    /// The error for the byte at `offset` (or the end of input) when it does
    /// not fit; `context` says what was expected, as `(expected ':')`. A NUL
    /// or a byte that is not UTF-8 gets its own message.
    func unexpected(_ context: String) -> JSONSyntaxError {
        guard offset < text.count else {
            return JSONSyntaxError(offset: offset, message: "unexpected end of input \(context)")
        }
        if text[offset] == 0 {
            return JSONSyntaxError(offset: offset, message: "NUL character is not allowed")
        }
        if text[offset] >= 0x80,
            let bad = UTF8Checker.firstInvalidOffset(in: text, offset..<min(offset + 4, text.count)),
            bad == offset
        {
            return JSONSyntaxError(offset: offset, message: "invalid UTF-8")
        }
        return JSONSyntaxError(
            offset: offset, message: "unexpected character \(describeCharacter(at: offset, in: text)) \(context)")
    }
}
