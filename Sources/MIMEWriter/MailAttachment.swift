/// A file sent with the message, always in base64 (an `.eml` file that is
/// 7-bit clean is embedded as `message/rfc822` instead).
public struct MailAttachment: Sendable {
    /// The name the recipient sees. Only its last path component is sent,
    /// without control characters; an empty result becomes `attachment`.
    public var filename: String
    /// A MIME type, `type/subtype`, without parameters. A `text/*` type is
    /// sent with `charset=UTF-8` when the data is UTF-8, and as
    /// `application/octet-stream` when it is not (its charset is unknown).
    public var contentType: String
    public var data: [UInt8]

    /// `contentType` defaults to the type for the file name's extension
    /// (pdf, txt, log, zip, 7z, gz, tar, png, jpg/jpeg, gif, csv, json, xml,
    /// html, doc/docx, xls/xlsx, eml), else `application/octet-stream`.
    public init(filename: String, contentType: String? = nil, data: [UInt8]) {
        self.filename = filename
        self.contentType = contentType ?? ContentTypeTable.type(forFilename: AttachmentName.reduced(filename))
        self.data = data
    }

    /// `field` (`attachments[0]`) is built only for an error.
    func validate(field: @autoclosure () -> String) throws(MIMEError) {
        try HeaderText.check(contentType, field: "\(field()).contentType")
        let parts = contentType.split(separator: "/", omittingEmptySubsequences: false)
        // RFC 6838 4.2: type and subtype names are at most 127 characters.
        guard parts.count == 2, parts.allSatisfy({ ContentTypeTable.isToken($0) && $0.utf8.count <= 127 }) else {
            throw MIMEError(field: "\(field()).contentType", message: "'\(contentType)' is not a MIME type/subtype")
        }
        guard parts[0].lowercased() != "multipart" else {
            throw MIMEError(field: "\(field()).contentType", message: "a multipart type cannot be sent as an attachment")
        }
    }

    /// The part as written: its type, whether it carries `charset=UTF-8`,
    /// and its transfer encoding.
    var resolvedType: (type: String, isUTF8Text: Bool, encoding: TransferEncoding) {
        let type = contentType.lowercased()
        if type.hasPrefix("text/") {
            guard String(validating: data, as: UTF8.self) != nil else {
                return ("application/octet-stream", false, .base64)
            }
            return (type, true, .base64)
        }
        if type == "message/rfc822" {
            guard EmbeddedMessage.isEmbeddable(data) else { return ("application/octet-stream", false, .base64) }
            return (type, false, .sevenBit)
        }
        return (type, false, .base64)
    }
}

/// The MIME types of common attachment file name extensions.
enum ContentTypeTable {
    static let octetStream = "application/octet-stream"

    private static let types: [String: String] = [
        "pdf": "application/pdf",
        "txt": "text/plain", "log": "text/plain", "csv": "text/csv",
        "json": "application/json", "xml": "application/xml",
        "html": "text/html", "htm": "text/html",
        "zip": "application/zip", "7z": "application/x-7z-compressed",
        "gz": "application/gzip", "tar": "application/x-tar",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "eml": "message/rfc822",
    ]

    static func type(forFilename name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return octetStream }
        return types[name[name.index(after: dot)...].lowercased()] ?? octetStream
    }

    /// RFC 2045 5.1 token: ASCII without space, controls and tspecials.
    static func isToken(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (0x21...0x7E).contains($0) && !"()<>@,;:\\\"/[]?=".utf8.contains($0) }
    }
}

/// An attached `.eml` file sent as `message/rfc822`, which RFC 2046 5.2.1
/// allows only in 7bit: so only a message that already is 7-bit clean with
/// CRLF line ends (lines of at most 998 octets, none a lone `.`) is embedded,
/// and its bytes arrive unchanged.
enum EmbeddedMessage {
    static func isEmbeddable(_ data: [UInt8]) -> Bool {
        guard data.count >= 2, data[data.count - 2] == 0x0D, data.last == 0x0A else { return false }
        var lineLength = 0
        var index = 0
        while index < data.count {
            let byte = data[index]
            if byte == 0x0D {
                guard index + 1 < data.count, data[index + 1] == 0x0A else { return false }
                if lineLength == 1 && data[index - 1] == UInt8(ascii: ".") { return false }
                lineLength = 0
                index += 2
                continue
            }
            guard byte != 0, byte != 0x0A, byte < 0x80 else { return false }
            lineLength += 1
            guard lineLength <= TextContent.maxLineLength else { return false }
            index += 1
        }
        return true
    }

    /// Writes the message's lines, each through the buffer's line break.
    static func write(_ data: [UInt8], to buffer: inout MessageBuffer) {
        data.withUnsafeBufferPointer { data in
            var lineStart = 0
            var index = 0
            while index < data.count {
                if data[index] == 0x0D {
                    buffer.write(bytes: UnsafeBufferPointer(rebasing: data[lineStart..<index]))
                    buffer.writeLineBreak()
                    index += 2
                    lineStart = index
                } else {
                    index += 1
                }
            }
        }
    }
}
