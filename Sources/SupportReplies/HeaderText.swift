/// Makes text safe for a header value before it reaches the MIME writer:
/// line breaks, tabs and other line separators fold to one space (a title
/// pasted from a spreadsheet cell stays readable); any other control
/// character is refused, so no data can start a header of its own.
enum HeaderText {
    static func fold(_ text: String) -> Result<String, ControlCharacter> {
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

/// The address forms compose writes: a dot-atom local part and a host name.
///
///     addr-spec = dot-atom "@" domain     (RFC 5322 3.4.1, without quoted or obsolete forms)
enum EmailAddress {
    static func isValid(_ text: String) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        return isDotAtom(text[..<at]) && isValidDomain(String(text[text.index(after: at)...]))
    }

    /// A host name: dot-separated labels of letters, digits and inner hyphens.
    static func isValidDomain(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard text.utf8.count <= 253, !labels.isEmpty else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        }
    }

    /// atext runs separated by single dots.
    static func isDotAtom(_ text: Substring) -> Bool {
        let atoms = text.split(separator: ".", omittingEmptySubsequences: false)
        return !text.isEmpty && atoms.allSatisfy { atom in !atom.isEmpty && atom.unicodeScalars.allSatisfy(isAtext) }
    }

    static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return true }
        return "!#$%&'*+/=?^_`{|}~-".unicodeScalars.contains(scalar)
    }
}

/// Deterministic Message-IDs: the same case, kind and send time give the
/// same id, so a re-run produces the same bytes and threads stay intact.
enum MessageID {
    /// `<case-number>.<kind>.<UTC yyyymmddhhmmss>@<domain>`, without the angle brackets.
    static func make(caseNumber: String, kind: String, epochSeconds: Int64, domain: String) -> String {
        let utc = MessageDateText.utcStamp(epochSeconds)
        return "\(atom(caseNumber)).\(atom(kind)).\(utc)@\(domain)"
    }

    /// True for `local@domain` with dot-atom sides (what check-mime and mail servers accept).
    static func isValid(_ text: String) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        return EmailAddress.isDotAtom(text[..<at]) && EmailAddress.isDotAtom(text[text.index(after: at)...])
    }

    /// Text reduced to atext, other characters as `-` (a case number with spaces or CJK stays usable).
    private static func atom(_ text: String) -> String {
        let mapped = String(String.UnicodeScalarView(text.unicodeScalars.map { EmailAddress.isAtext($0) ? $0 : "-" }))
        return mapped.isEmpty ? "case" : mapped
    }
}
