import MIMEWriter

/// Makes text safe for a header value before it reaches the MIME writer:
/// line breaks, tabs and other line separators fold to one space (a title
/// pasted from a spreadsheet cell stays readable); any other control
/// character is refused, so no data can start a header of its own.
enum HeaderText {
    static func fold(_ text: String) -> Result<String, ControlCharacter> {
        if isAlreadyFolded(text) { return .success(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isFoldable(scalar) || scalar == " " {
                pendingSpace = !result.isEmpty
                continue
            }
            if isControl(scalar) { return .failure(ControlCharacter(scalar: scalar)) }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return .success(result)
    }

    /// True when folding would change nothing: no control or line-breaking
    /// character (all of which are below U+0020, U+007F…U+009F, or the
    /// U+2028/U+2029 separators), no space at either end, no double space.
    /// Eight octets are passed over at once when no rule can apply to them.
    private static func isAlreadyFolded(_ text: String) -> Bool {
        withContiguousBytes(text.utf8) { bytes in
            guard let base = bytes.baseAddress.map(UnsafeRawPointer.init) else { return false }  // empty
            var previous: UInt8 = 0x20
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count, previous != 0xC2, previous != 0x80,
                    isQuiet(base.loadUnaligned(fromByteOffset: index, as: UInt64.self), after: previous)
                {
                    previous = bytes[index + 7]
                    index += 8
                    continue
                }
                let byte = bytes[index]
                switch byte {
                case 0..<0x20, 0x7F: return false
                case 0x20 where previous == 0x20: return false
                case 0x80...0x9F where previous == 0xC2: return false  // C1 controls, U+0085
                case 0xA8...0xA9 where previous == 0x80: return false  // may be U+2028/U+2029
                default: break
                }
                previous = byte
                index += 1
            }
            return previous != 0x20
        }
    }

    /// Whether none of the eight octets of `word` (following the octet
    /// `previous`) is one the rules of `isAlreadyFolded` look at or after:
    /// a control (below 0x20), a space following a space, DEL, 0xC2 or
    /// 0x80. A single space passes: titles and subjects have many. Exact
    /// octet by octet: no carry crosses octets.
    private static func isQuiet(_ word: UInt64, after previous: UInt8) -> Bool {
        let lowBits: UInt64 = 0x0101_0101_0101_0101
        let topBits: UInt64 = 0x8080_8080_8080_8080
        // Below 0x20: the top bit clear, and still clear after adding 0x60 to the other seven.
        let controls = ~((word & ~topBits) &+ 0x60 &* lowBits) & ~word & topBits
        func octets(equalTo value: UInt8) -> UInt64 {
            let difference = word ^ (UInt64(value) &* lowBits)
            return ~(((difference & ~topBits) &+ ~topBits) | difference) & topBits
        }
        // Little-endian: shifted up one octet, each space flag lands on the octet after it.
        let spaces = octets(equalTo: 0x20)
        let doubleSpaces = spaces & (spaces << 8 | (previous == 0x20 ? 0x80 : 0))
        return controls | doubleSpaces | octets(equalTo: 0x7F) | octets(equalTo: 0xC2) | octets(equalTo: 0x80) == 0
    }

    /// A refused character, printed as `U+001B`.
    struct ControlCharacter: Error, CustomStringConvertible {
        let scalar: Unicode.Scalar
        var description: String {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    private static func isFoldable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

/// Deterministic Message-IDs: the same case, kind and send time give the
/// same id, so a re-run produces the same bytes and threads stay intact.
enum MessageID {
    /// `<case-number>.<kind>.<UTC yyyymmddhhmmss>@<domain>`, without the angle brackets.
    static func make(caseNumber: String, kind: String, epochSeconds: Int64, domain: String) -> String {
        var id: [UInt8] = []
        id.reserveCapacity(caseNumber.utf8.count + kind.utf8.count + 14 + domain.utf8.count + 3)
        appendAtom(caseNumber, to: &id)
        id.append(UInt8(ascii: "."))
        appendAtom(kind, to: &id)
        id.append(UInt8(ascii: "."))
        MessageDateText.appendUTCStamp(epochSeconds, to: &id)
        id.append(UInt8(ascii: "@"))
        id.append(contentsOf: domain.utf8)
        return String(decoding: id, as: UTF8.self)
    }

    /// Text reduced to atext, each other character (scalar) as `-` (a case
    /// number with spaces or CJK stays usable); `case` for empty text.
    /// Walks the UTF-8 bytes in place: a scalar beyond ASCII is its lead
    /// byte and continuation bytes, and becomes one `-`.
    private static func appendAtom(_ text: String, to id: inout [UInt8]) {
        guard !text.isEmpty else { return id.append(contentsOf: "case".utf8) }
        withContiguousBytes(text.utf8) { bytes in
            for byte in bytes where !UTF8.isContinuation(byte) {
                id.append(byte < 0x80 && MailSyntax.isAtext(Unicode.Scalar(byte)) ? byte : UInt8(ascii: "-"))
            }
        }
    }
}
