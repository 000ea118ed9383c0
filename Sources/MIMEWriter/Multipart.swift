/// The body of a message as a tree of MIME parts (RFC 2046 5.1). Not
/// `indirect`: the children are in an array already, so a part is stored
/// inline rather than boxed on the heap.
enum BodyPart {
    /// `text/<subtype>; charset=UTF-8`.
    case text(TextContent, subtype: String)
    case attachment(MailAttachment)
    /// `multipart/<subtype>` (`mixed`, `alternative`) holding `parts`.
    case multipart(subtype: String, parts: [BodyPart])
}

/// Writes a part tree with deterministic boundaries, and checks afterwards
/// that no boundary occurs in any part's content.
///
/// A boundary is `=_compose_` and 16 hex digits of an FNV-1a hash of the
/// Message-ID, the multipart's index in the tree and an attempt counter.
/// `=_` cannot occur in quoted-printable or base64 text, and all boundaries
/// have the same length, so none is the prefix of another; only 7-bit text
/// can hold one by accident, and then the message is written again with the
/// next attempt number.
struct PartWriter {
    let seed: String
    let attempt: Int
    /// Each boundary used and the number of delimiter lines written for it.
    private var delimiters: [(boundary: [UInt8], count: Int)] = []

    init(seed: String, attempt: Int) {
        self.seed = seed
        self.attempt = attempt
    }

    /// Writes the part's header fields, the blank line, and its content.
    mutating func write(_ part: BodyPart, to buffer: inout MessageBuffer) {
        switch part {
        case .text(let content, let subtype):
            buffer.beginHeader("Content-Type")
            buffer.writeHeaderWord(subtype, prefix: "text/", suffix: ";")
            buffer.writeHeaderWord("charset=UTF-8")
            buffer.endHeader()
            buffer.writeHeader("Content-Transfer-Encoding", word: content.encoding.rawValue)
            buffer.writeLineBreak()
            content.write(to: &buffer)
        case .attachment(let attachment):
            write(attachment, to: &buffer)
        case .multipart(let subtype, let parts):
            let boundary = Self.boundary(seed: seed, index: delimiters.count, attempt: attempt)
            delimiters.append((Array(boundary.utf8), parts.count + 1))
            buffer.beginHeader("Content-Type")
            buffer.writeHeaderWord(subtype, prefix: "multipart/", suffix: ";")
            buffer.writeHeaderWord(boundary, prefix: "boundary=\"", suffix: "\"")
            buffer.endHeader()
            buffer.writeLineBreak()
            for (index, child) in parts.enumerated() {
                // The CRLF before a delimiter belongs to the delimiter (RFC 2046 5.1.1).
                if index > 0 { buffer.writeLineBreak() }
                buffer.write("--\(boundary)")
                buffer.writeLineBreak()
                write(child, to: &buffer)
            }
            buffer.writeLineBreak()
            buffer.write("--\(boundary)--")
            buffer.writeLineBreak()
        }
    }

    private func write(_ attachment: MailAttachment, to buffer: inout MessageBuffer) {
        let name = AttachmentName.reduced(attachment.filename)
        let resolved = attachment.resolvedType
        buffer.beginHeader("Content-Type")
        buffer.writeHeaderWord(resolved.type + ";")
        if resolved.isUTF8Text { buffer.writeHeaderWord("charset=UTF-8;") }
        buffer.writeNameParameter(name)
        buffer.endHeader()
        buffer.beginHeader("Content-Disposition")
        buffer.writeHeaderWord("attachment;")
        buffer.writeFilenameParameter(name)
        buffer.endHeader()
        buffer.writeHeader("Content-Transfer-Encoding", word: resolved.encoding.rawValue)
        buffer.writeLineBreak()
        if resolved.encoding == .sevenBit {
            EmbeddedMessage.write(attachment.data, to: &buffer)
        } else {
            attachment.data.withUnsafeBufferPointer { Base64.body($0, to: &buffer) }
        }
    }

    /// Whether each boundary starts exactly the lines written as its
    /// delimiters, and no line of any part's content.
    func boundariesAreUnique(in message: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !delimiters.isEmpty else { return true }
        var seen = [Int](repeating: 0, count: delimiters.count)
        var lineStart = 0
        while lineStart < message.count {
            if message[lineStart] == UInt8(ascii: "-") {
                for (index, entry) in delimiters.enumerated()
                where Self.hasDelimiter(message, at: lineStart, boundary: entry.boundary) {
                    seen[index] += 1
                }
            }
            while lineStart < message.count && message[lineStart] != 0x0A { lineStart += 1 }
            lineStart += 1
        }
        return zip(seen, delimiters).allSatisfy { $0 == $1.count }
    }

    private static func hasDelimiter(_ message: UnsafeBufferPointer<UInt8>, at start: Int, boundary: [UInt8]) -> Bool {
        guard start + 2 + boundary.count <= message.count,
            message[start] == UInt8(ascii: "-"), message[start + 1] == UInt8(ascii: "-")
        else { return false }
        for (offset, byte) in boundary.enumerated() where message[start + 2 + offset] != byte {
            return false
        }
        return true
    }

    static func boundary(seed: String, index: Int, attempt: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(seed)\u{0}\(index)\u{0}\(attempt)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "=_compose_" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
