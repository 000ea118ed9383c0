/// An email to write as RFC 5322 / MIME bytes that mail readers decode
/// alike: a text body, optionally an HTML alternative, and attachments.
///
/// `serialized()` gives CRLF line ends throughout, header text in RFC 2047
/// encoded-words where it is not plain ASCII, and no line over 998 octets
/// (header lines are folded at 76). The body is `text/plain` alone, or
/// `multipart/alternative` (text, then HTML) when `htmlBody` is set, inside
/// `multipart/mixed` when there are attachments. Nothing in the data can add
/// a header field: values with line breaks or other control characters are
/// rejected by `validate()`.
public struct MailMessage: Sendable {
    public var from: Mailbox
    /// At least one recipient.
    public var to: [Mailbox]
    public var cc: [Mailbox]
    public var subject: String
    public var date: MessageDate
    /// The Message-ID without angle brackets: `id-left@id-right`, both
    /// dot-atoms (`CAS-1.closure.20201109091800@support.example.com`).
    public var messageID: String
    /// The Message-ID replied to, without angle brackets.
    public var inReplyTo: String?
    /// The thread's Message-IDs without angle brackets, oldest first. The
    /// writer drops repeats and makes `inReplyTo` the last entry.
    public var references: [String]
    /// The text, with LF line ends. CRLF and lone CR count as line breaks
    /// too; the body is sent with CRLF and ends with a line break.
    public var textBody: String
    /// When set, an HTML alternative of the text (see `PlainTextHTML`).
    public var htmlBody: String?
    public var attachments: [MailAttachment]
    /// A language tag for the Content-Language header, e.g. `zh-CN`.
    public var contentLanguage: String?

    public init(
        from: Mailbox, to: [Mailbox], cc: [Mailbox] = [], subject: String, date: MessageDate, messageID: String,
        inReplyTo: String? = nil, references: [String] = [], textBody: String, htmlBody: String? = nil,
        attachments: [MailAttachment] = [], contentLanguage: String? = nil
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.attachments = attachments
        self.contentLanguage = contentLanguage
    }

    /// Checks every value that goes into a header: names and subject without
    /// control characters, addresses as plain `local@domain`, Message-IDs as
    /// `id-left@id-right`, a real date, a language tag, attachment types.
    /// Throws the first problem, naming its field (`to[1].address`).
    public func validate() throws(MIMEError) {
        try from.validate(field: "from")
        guard !to.isEmpty else { throw MIMEError(field: "to", message: "at least one recipient is required") }
        for (index, mailbox) in to.enumerated() { try mailbox.validate(field: "to[\(index)]") }
        for (index, mailbox) in cc.enumerated() { try mailbox.validate(field: "cc[\(index)]") }
        try HeaderText.check(subject, field: "subject")
        try date.validate()
        try MessageIdentifier.validate(messageID, field: "messageID")
        if let inReplyTo {
            try MessageIdentifier.validate(inReplyTo, field: "inReplyTo", ownID: messageID)
        }
        for (index, reference) in references.enumerated() {
            try MessageIdentifier.validate(reference, field: "references[\(index)]", ownID: messageID)
        }
        // A language tag is letters, digits and hyphens: the header check only
        // decides which problem a refused one is reported with.
        if let contentLanguage, !Self.isLanguageTag(contentLanguage) {
            try HeaderText.check(contentLanguage, field: "contentLanguage")
            throw MIMEError(field: "contentLanguage", message: "'\(contentLanguage)' is not a language tag like zh-CN")
        }
        for (index, attachment) in attachments.enumerated() { try attachment.validate(field: "attachments[\(index)]") }
    }

    /// The message as RFC 5322 bytes with CRLF line ends, after `validate()`.
    public func serialized() throws(MIMEError) -> [UInt8] {
        try validate()
        var buffer = MessageBuffer(capacity: estimatedSize)
        write(to: &buffer)
        return buffer.bytes
    }

    /// Writes the message, which passed `validate()`, after the whole lines
    /// already in `buffer`, in the buffer's form.
    func write(to buffer: inout MessageBuffer) {
        let part = bodyPart()
        let start = buffer.count
        var attempt = 0
        while true {
            writeHeaders(to: &buffer)
            var parts = PartWriter(seed: messageID, attempt: attempt)
            parts.write(part, to: &buffer)
            if buffer.withBytes(from: start, parts.boundariesAreUnique) { return }
            buffer.rewind(to: start)
            attempt += 1
        }
    }

    private func bodyPart() -> BodyPart {
        var main = BodyPart.text(TextContent(textBody), subtype: "plain")
        if let htmlBody {
            main = .multipart(subtype: "alternative", parts: [main, .text(TextContent(htmlBody), subtype: "html")])
        }
        guard !attachments.isEmpty else { return main }
        return .multipart(subtype: "mixed", parts: [main] + attachments.map(BodyPart.attachment))
    }

    /// Room that the serialized message usually fits in (it can grow).
    var estimatedSize: Int {
        let text = textBody.utf8.count + (htmlBody?.utf8.count ?? 0)
        let files = attachments.reduce(0) { $0 + Base64.bodyLength(of: $1.data.count) + 512 }
        return 2048 + text * 3 + files
    }

    private func writeHeaders(to buffer: inout MessageBuffer) {
        buffer.writeAddressHeader("From", CollectionOfOne(from))
        buffer.writeAddressHeader("To", to)
        if !cc.isEmpty { buffer.writeAddressHeader("Cc", cc) }
        buffer.beginHeader("Subject")
        buffer.writeUnstructured(subject)
        buffer.endHeader()
        DateText.withText { text in
            date.appendRFC5322(to: &text)
            buffer.beginHeader("Date")
            buffer.writeHeaderWord(bytes: text.octets)
            buffer.endHeader()
        }
        buffer.writeHeader("Message-ID", messageIDs: CollectionOfOne(messageID))
        if let inReplyTo { buffer.writeHeader("In-Reply-To", messageIDs: CollectionOfOne(inReplyTo)) }
        let thread = threadReferences
        if !thread.isEmpty { buffer.writeHeader("References", messageIDs: thread) }
        buffer.writeHeader("MIME-Version", word: "1.0")
        if let contentLanguage { buffer.writeHeader("Content-Language", word: contentLanguage) }
    }

    /// `references` without repeats, ending with `inReplyTo`: readers thread
    /// by References, and RFC 5322 3.6.4 puts the parent's id last. (Threads
    /// are short, so repeats are looked for in what is kept so far.)
    var threadReferences: [String] {
        guard inReplyTo != nil || !references.isEmpty else { return [] }  // a first message: no allocation
        var thread: [String] = []
        thread.reserveCapacity(references.count + 1)
        for reference in references where reference != inReplyTo && !thread.contains(reference) {
            thread.append(reference)
        }
        if let inReplyTo { thread.append(inReplyTo) }
        return thread
    }

    /// RFC 5646 in the simple form mail uses: `zh-CN`, `en-US`, `zh-Hans-CN`
    /// (at most 64 characters).
    private static func isLanguageTag(_ tag: String) -> Bool {
        tag.withUTF8Bytes { bytes in
            guard bytes.count <= 64 else { return false }
            var subtagStart = 0
            while true {
                let subtagEnd = bytes.firstOffset(of: UInt8(ascii: "-"), from: subtagStart)
                let subtag = UnsafeBufferPointer(rebasing: bytes[subtagStart..<subtagEnd])
                guard isSubtag(subtag, first: subtagStart == 0) else { return false }
                guard subtagEnd < bytes.count else { return true }
                subtagStart = subtagEnd + 1
            }
        }
    }

    /// 1–8 letters, or for subtags after the first also digits.
    private static func isSubtag(_ subtag: UnsafeBufferPointer<UInt8>, first: Bool) -> Bool {
        (1...8).contains(subtag.count)
            && subtag.allSatisfy { byte in
                let letter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                return letter || (!first && (0x30...0x39).contains(byte))
            }
    }
}

/// RFC 5322 3.6.4 msg-id, in the form `<id-left@id-right>` with both sides
/// dot-atom-text (no obsolete forms, no domain literals, no `=?`).
enum MessageIdentifier {
    /// Keeps `In-Reply-To: <…>` within the 998-octet line limit.
    static let maxLength = 900

    /// `field` is built only for an error.
    static func validate(_ id: String, field: @autoclosure () -> String, ownID: String? = nil) throws(MIMEError) {
        // A message id the grammar takes is printable ASCII: the header check
        // only decides which problem a refused id is reported with.
        guard id.withUTF8Bytes({ isMessageID($0, of: id) }) else {
            try HeaderText.check(id, field: field())
            throw MIMEError(
                field: field(),
                message: "'\(id)' is not a message id of the form left@right (dot-atoms, without angle brackets)")
        }
        guard id.utf8.count <= maxLength else {
            throw MIMEError(field: field(), message: "the message id is longer than \(maxLength) octets")
        }
        if let ownID, id == ownID { throw MIMEError(field: field(), message: "refers to the message's own Message-ID") }
    }

    /// `left@right`, both dot-atoms, without `=?`.
    private static func isMessageID(_ bytes: UnsafeBufferPointer<UInt8>, of id: String) -> Bool {
        guard let at = AddressSpec.atSign(in: bytes, of: id) else { return false }
        return AddressSpec.isDotAtom(UnsafeBufferPointer(rebasing: bytes[..<at]))
            && AddressSpec.isDotAtom(UnsafeBufferPointer(rebasing: bytes[(at + 1)...]))
            && !bytes.containsEncodedWordOpener
    }
}
