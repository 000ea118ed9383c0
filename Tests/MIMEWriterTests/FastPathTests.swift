@testable import MIMEWriter
import TestSupport
import Testing

/// The shortcuts the writer takes for speed, each checked against the
/// general way it replaces.
@Suite("Fast paths agree with the general path")
struct FastPathTests {
    /// Random lines from octets that make quoted-printable's choices hard:
    /// escapes, trailing white space, `.` and `From ` at line starts, long lines.
    static func randomLines(_ random: inout SeededRandom) -> [UInt8] {
        let pieces: [[UInt8]] = [
            Array("From ".utf8), Array("From".utf8), [0x2E], [0x3D], [0x20], [0x09], [0x46], Array("é".utf8), Array("数".utf8),
            [0x61], [0x62], [0x00], [0x7F], [0x0A], Array(repeating: 0x78, count: 70),
        ]
        var bytes = (0..<random.int(0...120)).flatMap { _ in random.pick(pieces) }
        bytes.append(0x0A)
        return bytes
    }

    @Test("QuotedPrintable.encodedLength counts exactly what QuotedPrintable.body writes")
    func quotedPrintableLength() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<2000 {
            let lines = Self.randomLines(&random)
            var buffer = MessageBuffer(capacity: 0)
            QuotedPrintable.body(lines, to: &buffer)
            let counted = lines.withUnsafeBufferPointer(QuotedPrintable.encodedLength(of:))
            #expect(counted == buffer.bytes.count, "\(lines)")
            let census = lines.withUnsafeBufferPointer(OctetCensus.init)
            #expect(census.quotedPrintableMinimum <= counted, "\(lines)")
        }
    }

    @Test("the transfer encoding is the smaller of quoted-printable and base64 as written")
    func encodingChoice() {
        var random = SeededRandom(seed: 12)
        var chosen: [TransferEncoding: Int] = [:]
        for _ in 0..<2000 {
            let lines = Self.randomLines(&random)
            let content = TextContent(String(decoding: lines, as: UTF8.self))
            guard content.encoding != .sevenBit else { continue }
            var quotedPrintable = MessageBuffer(capacity: 0)
            QuotedPrintable.body(content.lines, to: &quotedPrintable)
            let base64Length = Base64.bodyLength(of: content.lines.count + content.lines.filter { $0 == 0x0A }.count)
            let expected: TransferEncoding = quotedPrintable.bytes.count <= base64Length ? .quotedPrintable : .base64
            #expect(content.encoding == expected, "\(lines)")
            chosen[content.encoding, default: 0] += 1
        }
        #expect(chosen[.quotedPrintable, default: 0] > 100 && chosen[.base64, default: 0] > 100, "both sides tried: \(chosen)")
    }
}
