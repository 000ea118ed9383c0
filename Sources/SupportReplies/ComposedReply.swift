public import MIMEWriter
public import MustacheEngine

/// A finished reply: the header values and the body, ready to print as text,
/// as JSON, or as a MIME message.
public struct ComposedReply: Sendable {
    /// The reply kind (`closure`).
    public let kind: String
    /// The locale it was written in (`zh-CN`).
    public let locale: String
    /// The subject, with the case number, stage, token and at most one reply prefix.
    public let subject: String
    /// The sender, when the case (or profile) names one with an address.
    public let from: Mailbox?
    /// The customer.
    public let to: [Mailbox]
    /// `cc[]` and the case mailbox.
    public let cc: [Mailbox]
    /// The send time at the offset the reply is written in.
    public let date: MessageDate
    /// Deterministic id, without angle brackets.
    public let messageID: String
    /// The newest earlier message's id, when the thread has ids.
    public let inReplyTo: String?
    /// The thread's ids, oldest first, ending with `inReplyTo`.
    public let references: [String]
    /// The text body: LF line ends, one final newline.
    public let body: String

    init(kind: String, locale: String, facts: ReplyFacts, body: String) {
        self.kind = kind
        self.locale = locale
        self.subject = facts.subject
        self.from = facts.sender.from
        self.to = facts.to
        self.cc = facts.cc
        self.date = facts.sendDate
        self.messageID = facts.messageID
        let ids = facts.thread.messageIDs
        self.inReplyTo = ids.first
        self.references = ids.reversed()
        self.body = body
    }

    /// The reply as one JSON object: `{kind, locale, subject, from, to, cc, date, message_id, body}`;
    /// addresses are `{name, email}` objects (`from` is null without a sender address).
    public var json: TemplateValue {
        let mailbox = { (box: Mailbox) -> TemplateValue in ["name": .string(box.name), "email": .string(box.address)] }
        var object = TemplateObject()
        object["kind"] = .string(kind)
        object["locale"] = .string(locale)
        object["subject"] = .string(subject)
        object["from"] = from.map(mailbox) ?? .null
        object["to"] = .list(to.map(mailbox))
        object["cc"] = .list(cc.map(mailbox))
        object["date"] = .string(date.rfc3339)
        object["message_id"] = .string("<\(messageID)>")
        object["body"] = .string(body)
        return .object(object)
    }

    /// The reply as a MIME message, with attachments and an optional HTML alternative.
    /// Header values are checked when it is serialized (see `mimeBytes`).
    public func mailMessage(attachments: [MailAttachment] = [], html: Bool = false) throws(CompositionError) -> MailMessage {
        guard let from else { throw .data(JSONPath(dotted: "sender.email"), "required field is missing (MIME needs a sender address)") }
        guard !to.isEmpty else { throw .data(JSONPath(dotted: "customer.email"), "required field is missing") }
        return MailMessage(
            from: from, to: to, cc: cc, subject: subject, date: date, messageID: messageID,
            inReplyTo: inReplyTo, references: references, textBody: body,
            htmlBody: html ? PlainTextHTML.html(fromText: body, language: locale, title: subject) : nil,
            attachments: attachments, contentLanguage: locale)
    }

    /// The reply as MIME bytes; a header value the writer refuses is a data
    /// error naming the case field it came from.
    public func mimeBytes(attachments: [MailAttachment] = [], html: Bool = false) throws(CompositionError) -> [UInt8] {
        let message = try mailMessage(attachments: attachments, html: html)
        do {
            return try message.serialized()
        } catch {
            throw Self.dataError(error)
        }
    }

    /// The reply as an mboxrd entry (see `Mbox.append(_:envelopeSender:to:)`),
    /// its envelope sender the From address; errors as `mimeBytes` gives them.
    public func mboxEntry(attachments: [MailAttachment] = [], html: Bool = false) throws(CompositionError) -> [UInt8] {
        let message = try mailMessage(attachments: attachments, html: html)
        var entry: [UInt8] = []
        do {
            try Mbox.append(message, envelopeSender: message.from.address, to: &entry)
        } catch {
            throw Self.dataError(error)
        }
        return entry
    }

    /// A header value the MIME writer refuses, as a data error naming the case field.
    private static func dataError(_ error: MIMEError) -> CompositionError {
        .data(JSONPath(dotted: dataPath(ofHeaderField: error.field)), error.message)
    }

    /// The case field a MIME header field came from, for messages.
    private static func dataPath(ofHeaderField field: String) -> String {
        if field.hasPrefix("from") { return field.hasSuffix("name") ? "sender.name" : "sender.email" }
        if field.hasPrefix("to") { return field.hasSuffix("name") ? "customer.name" : "customer.email" }
        if field == "subject" { return "case.title" }
        return field
    }
}
