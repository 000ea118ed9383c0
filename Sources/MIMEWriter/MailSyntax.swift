/// The address and message-id grammar the writer accepts, for callers that
/// check their data before building a message (so an error can name the
/// field it came from). The same checks `MailMessage.validate()` runs.
public enum MailSyntax {
    /// A plain `local@domain` addr-spec as described on `Mailbox.address`.
    public static func isAddress(_ text: String) -> Bool {
        (try? AddressSpec.validate(text, field: "")) != nil
    }

    /// An RFC 1123 host name (`support.example.com`).
    public static func isHostName(_ text: String) -> Bool {
        text.withUTF8Bytes(AddressSpec.isHostName)
    }

    /// A message id without angle brackets: `left@right`, both dot-atoms.
    public static func isMessageID(_ text: String) -> Bool {
        (try? MessageIdentifier.validate(text, field: "")) != nil
    }

    /// An RFC 5322 atext character (letters, digits and ``!#$%&'*+-/=?^_`{|}~``).
    @inlinable
    public static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && AddressSpec.isAtext(UInt8(scalar.value))
    }
}
