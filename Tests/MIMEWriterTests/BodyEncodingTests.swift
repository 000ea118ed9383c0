import Foundation
@testable import MIMEWriter
import TestSupport
import Testing

@Suite("Body encodings: quoted-printable, base64, and the choice between them")
struct BodyEncodingTests {
    static func quotedPrintable(_ text: String) -> [String] {
        var buffer = MessageBuffer(capacity: 0)
        CanonicalText(text).bytes.withUnsafeBufferPointer { QuotedPrintable.body($0, to: &buffer) }
        return Decoders.crlfLines(buffer.bytes) ?? ["<bare CR or LF>"]
    }

    @Test(
        "quoted-printable escapes",
        arguments: [
            ("a=b", ["a=3Db"]),
            ("trailing ", ["trailing=20"]),
            ("tab\t", ["tab=09"]),
            ("inner space and\ttab", ["inner space and\ttab"]),
            (".", ["=2E"]),
            (".hidden", ["=2Ehidden"]),
            ("From here", ["=46rom here"]),
            (">From here", [">From here"]),
            ("Fromage", ["Fromage"]),
            ("é", ["=C3=A9"]),
            ("\u{0}\u{7F}", ["=00=7F"]),
            ("two\nlines\n\n", ["two", "lines", ""]),
        ])
    func escapes(text: String, expected: [String]) {
        #expect(Self.quotedPrintable(text) == expected)
    }

    @Test(
        "soft line breaks keep lines within 76 and never split an escape",
        arguments: [
            (String(repeating: "a", count: 76), [String(repeating: "a", count: 76)]),
            (String(repeating: "a", count: 77), [String(repeating: "a", count: 75) + "=", "aa"]),
            (String(repeating: "a", count: 74) + "é", [String(repeating: "a", count: 74) + "=", "=C3=A9"]),
            (String(repeating: "a", count: 75) + ".b", [String(repeating: "a", count: 75) + "=", "=2Eb"]),
            (String(repeating: "a", count: 75) + "From x", [String(repeating: "a", count: 75) + "=", "=46rom x"]),
            (String(repeating: "a", count: 74) + " b", [String(repeating: "a", count: 74) + " b"]),
            (String(repeating: "a", count: 75) + " ", [String(repeating: "a", count: 75) + "=", "=20"]),
        ])
    func softBreaks(text: String, expected: [String]) {
        #expect(Self.quotedPrintable(text) == expected)
    }

    @Test("random lines survive quoted-printable unchanged and clean")
    func quotedPrintableRoundTrip() throws {
        var random = SeededRandom(seed: 7)
        let alphabet: [UInt8] = Array(" \t.=F-rom".utf8) + Array(0...255).filter { $0 != 0x0A && $0 != 0x0D }
        for _ in 0..<300 {
            let lines = (0..<random.int(1...4)).map { _ in
                (0..<random.int(0...200)).map { _ in alphabet[random.int(0...(alphabet.count - 1))] }
            }
            let text: [UInt8] = lines.flatMap { $0 + [0x0A] }
            var buffer = MessageBuffer(capacity: 0)
            text.withUnsafeBufferPointer { QuotedPrintable.body($0, to: &buffer) }
            let encoded = try #require(Decoders.crlfLines(buffer.bytes))
            for line in encoded {
                #expect(line.utf8.count <= 76)
                #expect(line.utf8.allSatisfy { (0x20...0x7E).contains($0) || $0 == 0x09 })
                #expect(line.last != " " && line.last != "\t")
                #expect(!line.hasPrefix(".") && !line.hasPrefix("From "))
                #expect(line.range(of: "=[0-9A-F]?[a-f]", options: .regularExpression) == nil)
            }
            #expect(Decoders.quotedPrintable(encoded) == text)
        }
    }

    @Test(
        "base64 body lines",
        arguments: [
            ("", []), ("f", ["Zg=="]), ("fo", ["Zm8="]), ("foo", ["Zm9v"]), ("foob", ["Zm9vYg=="]),
            (String(repeating: "x", count: 57), [String(repeating: "eHh4", count: 19)]),
            (String(repeating: "x", count: 58), [String(repeating: "eHh4", count: 19), "eA=="]),
        ])
    func base64Vectors(text: String, expected: [String]) {
        var buffer = MessageBuffer(capacity: 0)
        Array(text.utf8).withUnsafeBufferPointer { Base64.body($0, to: &buffer) }
        #expect(Decoders.crlfLines(buffer.bytes) == expected)
        #expect(buffer.bytes.count == Base64.bodyLength(of: text.utf8.count))
    }

    @Test("base64 of every length agrees with Foundation, in lines of 76")
    func base64AgreesWithFoundation() throws {
        for count in 0...300 {
            let data = Samples.binary(count)
            var buffer = MessageBuffer(capacity: 0)
            data.withUnsafeBufferPointer { Base64.body($0, to: &buffer) }
            let lines = try #require(Decoders.crlfLines(buffer.bytes))
            #expect(lines.dropLast().allSatisfy { $0.utf8.count == 76 })
            #expect(lines.allSatisfy { $0.utf8.count <= 76 })
            #expect(lines.joined() == Data(data).base64EncodedString())
            #expect(Base64.text(data[...]) == Data(data).base64EncodedString())
        }
    }

    @Test(
        "7bit for plain ASCII that no transport changes, else the smaller of QP and base64",
        arguments: [
            ("Dear Ms. Keller,\n\nThank you.\n", TransferEncoding.sevenBit),
            ("tab\tinside\n", .sevenBit),
            ("--\nsignature\n", .sevenBit),
            ("From the logs we see\n", .quotedPrintable),
            (".\n", .quotedPrintable),
            ("trailing space \n", .quotedPrintable),
            (String(repeating: "a", count: 998) + "\n", .sevenBit),
            (String(repeating: "a", count: 999) + "\n", .quotedPrintable),
            ("One accent: café.\n", .quotedPrintable),
            ("bell \u{7}\n", .quotedPrintable),
            ("张女士 您好,\n感谢您联系技术支持中心。\n", .base64),
            ("", .sevenBit),
        ])
    func transferEncodingChoice(text: String, expected: TransferEncoding) {
        #expect(TextContent(text).encoding == expected)
    }

    @Test(
        "line breaks become CRLF and the text ends with one",
        arguments: [
            ("a\r\nb\rc\nd", "a\r\nb\r\nc\r\nd\r\n"), ("a\r\r\n", "a\r\n\r\n"), ("", ""), ("x\n", "x\r\n"), ("\r", "\r\n"),
            ("\n\n", "\r\n\r\n"), ("\r\r", "\r\n\r\n"), ("\n\r", "\r\n\r\n"),
        ])
    func canonicalLines(text: String, expected: String) {
        #expect(CanonicalText(text).bytes == Array(expected.utf8))
    }

    @Test("base64 text carries CRLF line breaks")
    func base64TextIsCanonical() throws {
        var buffer = MessageBuffer(capacity: 0)
        TextContent("第一行\n第二行\n").write(to: &buffer)
        let data = try #require(Data(base64Encoded: (Decoders.crlfLines(buffer.bytes) ?? []).joined()))
        #expect(String(decoding: data, as: UTF8.self) == "第一行\r\n第二行\r\n")
    }
}
