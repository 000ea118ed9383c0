/// Attachment file names: made safe, then written the same in every
/// parameter a reader may look at.
enum AttachmentName {
    static let fallback = "attachment"

    /// The last path component of `name` (after `/` or `\`), without
    /// control characters and surrounding white space; `attachment` when
    /// nothing (or only `.` or `..`) is left. `../../etc/passwd` → `passwd`.
    static func reduced(_ name: String) -> String {
        let afterSeparator = name.lastIndex(where: { $0 == "/" || $0 == "\\" }).map(name.index(after:))
        let last = name[(afterSeparator ?? name.startIndex)...]
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: last.unicodeScalars.filter { !HeaderText.isForbidden($0) })
        let trimmed = String(kept).trimmingSpaces()
        return trimmed.isEmpty || trimmed == "." || trimmed == ".." ? fallback : trimmed
    }

    /// Whether `name` can go out as a plain quoted string in both
    /// parameters: printable ASCII without `"`, `\` or `=?`, and short
    /// enough for one header line.
    static func isPlain(_ name: String) -> Bool {
        let fitsOneLine = "filename=\"\(name)\"".utf8.count <= MessageBuffer.maxPlainWordLength
        guard fitsOneLine, !name.withUTF8Bytes(\.containsEncodedWordOpener) else { return false }
        return name.utf8.allSatisfy {
            (0x20...0x7E).contains($0) && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\")
        }
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

extension MessageBuffer {
    /// The legacy `name` parameter of Content-Type that older clients read:
    /// `name="report.pdf"`, or for other names `name="=?UTF-8?B?…?="`,
    /// encoded-words inside a quoted string, as Thunderbird and Outlook
    /// write them.
    mutating func writeNameParameter(_ name: String) {
        if AttachmentName.isPlain(name) {
            writeHeaderWord("name=\"\(name)\"")
        } else {
            name.withUTF8Bytes { writeEncodedWords($0, context: .text, prefix: "name=\"", suffix: "\"") }
        }
    }

    /// The `filename` parameter of Content-Disposition: plain
    /// `filename="report.pdf"`, else RFC 2231 `filename*=UTF-8''%E5%88…`,
    /// split into numbered sections `filename*0*=`, `filename*1*=`, … when
    /// it would not fit on one line. Sections end on whole characters.
    ///
    ///     extended-initial-value := [charset] "'" [language] "'" extended-other-values
    ///     extended-other-values  := *(ext-octet / attribute-char)
    mutating func writeFilenameParameter(_ name: String) {
        if AttachmentName.isPlain(name) {
            writeHeaderWord("filename=\"\(name)\"")
            return
        }
        let encoded = Self.percentEncodedScalars(name)
        let single = "filename*=UTF-8''" + encoded.joined()
        if single.utf8.count <= EncodedWord.maxLength {
            writeHeaderWord(single)
            return
        }
        var sections: [String] = []
        var current = ""
        for scalar in encoded {
            let head = "filename*\(sections.count)*=" + (sections.isEmpty ? "UTF-8''" : "")
            // Room for the section's name and its closing ";".
            let length = head.utf8.count + current.utf8.count + scalar.utf8.count + 1
            if !current.isEmpty && length > EncodedWord.maxLength {
                sections.append(head + current)
                current = ""
            }
            current += scalar
        }
        sections.append("filename*\(sections.count)*=" + (sections.isEmpty ? "UTF-8''" : "") + current)
        for (index, section) in sections.enumerated() {
            writeHeaderWord(index == sections.count - 1 ? section : section + ";")
        }
    }

    /// Each scalar of `name` as RFC 2231 text: letters, digits and `-._~`
    /// as they are, every other octet as `%XX`.
    private static func percentEncodedScalars(_ name: String) -> [String] {
        name.unicodeScalars.map { scalar in
            var text = ""
            for byte in String(scalar).utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                    UInt8(ascii: "_"), UInt8(ascii: "~"):
                    text.unicodeScalars.append(Unicode.Scalar(byte))
                default:
                    let hex = String(byte, radix: 16, uppercase: true)
                    text += "%" + (hex.count == 1 ? "0" : "") + hex
                }
            }
            return text
        }
    }
}
