/// A message that cannot be written: which input field is wrong, and how.
///
/// `field` names the value as the `MailMessage` holds it: `subject`,
/// `from.name`, `to[0].address`, `cc[2].name`, `messageID`, `inReplyTo`,
/// `references[1]`, `date`, `contentLanguage`, `attachments[0].contentType`.
public struct MIMEError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The offending field, e.g. `to[0].name`.
    public let field: String
    /// What is wrong with it.
    public let message: String

    init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}
