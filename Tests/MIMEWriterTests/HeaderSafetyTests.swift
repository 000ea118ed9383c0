import Foundation
@testable import MIMEWriter
import Testing

/// Every octet value, as the scalar U+0000…U+00FF, in each header value:
/// each forbidden one is rejected with the field named, each allowed one
/// is written and read back unchanged.
@Suite("Header safety over all 256 octet values")
struct HeaderSafetyTests {
    enum Place: String, CaseIterable, CustomTestStringConvertible {
        case subject, displayName, localPart, domain
        var testDescription: String { rawValue }
    }

    static func isAllowed(_ value: UInt8, in place: Place) -> Bool {
        switch place {
        case .subject, .displayName:
            return !(value < 0x20 || (0x7F...0x9F).contains(value))
        case .localPart:
            return value == UInt8(ascii: ".") || AddressSpec.isAtext(value)
        case .domain:
            return value == UInt8(ascii: ".") || value == UInt8(ascii: "-")
                || (value < 0x80 && (Character(Unicode.Scalar(value)).isLetter || Character(Unicode.Scalar(value)).isNumber))
        }
    }

    static func message(with value: UInt8, in place: Place) -> (MailMessage, field: String) {
        let text = "a" + String(Unicode.Scalar(value)) + "b"
        var message = Samples.message(text: "Body.\n")
        switch place {
        case .subject:
            message.subject = "Subject " + text
            return (message, "subject")
        case .displayName:
            message.to[0].name = "Name " + text
            return (message, "to[0].name")
        case .localPart:
            message.to[0].address = text + "@example.com"
            return (message, "to[0].address")
        case .domain:
            message.to[0].address = "user@" + text + ".example.com"
            return (message, "to[0].address")
        }
    }

    @Test("forbidden values are rejected, naming the field", arguments: Place.allCases)
    func forbiddenAreRejected(place: Place) {
        for value in UInt8.min...UInt8.max where !Self.isAllowed(value, in: place) {
            let (message, field) = Self.message(with: value, in: place)
            #expect(mimeError { () throws(MIMEError) in _ = try message.serialized() }?.field == field, "0x\(String(value, radix: 16))")
        }
    }

    @Test(
        "allowed values round-trip through Python's email package",
        .enabled(if: ExternalTools.hasPython, "python3 is not installed"), arguments: Place.allCases)
    func allowedRoundTrip(place: Place) throws {
        var cases: [([UInt8], ExpectedMessage)] = []
        for value in UInt8.min...UInt8.max where Self.isAllowed(value, in: place) {
            let (message, _) = Self.message(with: value, in: place)
            cases.append((try message.serialized(), ExpectedMessage(message)))
        }
        #expect(cases.count > 60)
        #expect(try RoundTrip.pythonFailures(cases) == [])
    }

    @Test(
        "control characters are named in the message",
        arguments: [
            ("x\r\nBcc: evil@example.com", "control character U+000D is not allowed in a header"),
            ("x\nBcc: evil@example.com", "control character U+000A is not allowed in a header"),
            ("tab\there", "control character U+0009 is not allowed in a header"),
            ("next\u{85}line", "control character U+0085 is not allowed in a header"),
            ("line\u{2028}separator", "line separator U+2028 is not allowed in a header"),
            ("para\u{2029}graph", "paragraph separator U+2029 is not allowed in a header"),
        ])
    func injectionIsRejected(subject: String, message: String) {
        var mail = Samples.message()
        mail.subject = subject
        #expect(throws: MIMEError(field: "subject", message: message)) { try mail.serialized() }
    }

    @Test(
        "every header value field is checked",
        arguments: [
            "from.name", "from.address", "to[0].address", "cc[1].name", "cc[1].address", "messageID", "messageID <>",
            "inReplyTo", "references[1]", "contentLanguage", "contentLanguage long", "attachments[0].contentType",
            "attachments[0].contentType long", "messageID long",
        ])
    func everyFieldIsChecked(change: String) {
        var message = Samples.message()
        switch change {
        case "from.name": message.from.name = "a\nb"
        case "from.address": message.from.address = "a\nb@example.com"
        case "to[0].address": message.to[0].address = "not an address"
        case "cc[1].name": message.cc[1].name = "x\u{0}"
        case "cc[1].address": message.cc[1].address = "x@-bad-.example.com"
        case "messageID": message.messageID = "id\r\nBcc: x@example.com"
        case "messageID <>": message.messageID = "<a@example.com>"
        case "inReplyTo": message.inReplyTo = "a b@example.com"
        case "references[1]": message.references[1] = "x\n@example.com"
        case "contentLanguage": message.contentLanguage = "zh-CN\r\nX: y"
        case "contentLanguage long": message.contentLanguage = "zh" + String(repeating: "-abc", count: 300)
        case "attachments[0].contentType long":
            message.attachments = [MailAttachment(filename: "a", contentType: "application/" + String(repeating: "x", count: 128), data: [])]
        case "messageID long": message.messageID = String(repeating: "a", count: 900) + "@example.com"
        default: message.attachments = [MailAttachment(filename: "a.pdf", contentType: "application/pdf\r\nX: y", data: [])]
        }
        let field = change.split(separator: " ")[0]
        let error = mimeError { () throws(MIMEError) in try message.validate() }
        #expect(error?.field == String(field))
        #expect(error?.description.unicodeScalars.contains(where: HeaderText.isForbidden) == false, "one-line message")
    }
}

/// The error `body` throws, or `nil`.
func mimeError(_ body: () throws(MIMEError) -> Void) -> MIMEError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}
