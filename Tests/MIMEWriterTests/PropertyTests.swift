import Foundation
import MIMEWriter
import TestSupport
import Testing

/// Random messages full of what breaks mail writers, read back by Python's
/// `email` package and by check-mime: every value must come back exactly.
@Suite("Random messages round-trip")
struct PropertyTests {
    static let count = 1000

    static let messages: [(message: MailMessage, filenames: [String])] = {
        var generator = MessageGenerator(seed: 20_201_109)
        return (0..<count).map { generator.message(index: $0) }
    }()

    /// The messages written once, shared by the tests (`nil` if one failed).
    static let serialized: [[UInt8]]? = try? messages.map { try $0.message.serialized() }

    @Test(
        "1,000 random messages read back by Python's email package (long names up to white space)",
        .enabled(if: ExternalTools.hasPython, "python3 is not installed"))
    func pythonRoundTrip() throws {
        let serialized = try #require(Self.serialized)
        let cases = zip(serialized, Self.messages).map { bytes, item in
            var expected = ExpectedMessage(item.message, filenames: item.filenames)
            expected.exactNames = false  // long names; `strictNames` reads them exactly
            return (bytes, expected)
        }
        let failures = try RoundTrip.pythonFailures(cases)
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(5).joined(separator: "\n"))")
    }

    @Test("display names read back exactly with a strict RFC 2047 decoder")
    func strictNames() throws {
        for ((message, _), bytes) in zip(Self.messages, try #require(Self.serialized)) {
            let fields = Decoders.headers(bytes)
            for (field, boxes) in [("From", [message.from]), ("To", message.to), ("Cc", message.cc)] where !boxes.isEmpty {
                let value = try #require(fields.first { $0.name == field }?.value)
                let decoded = try #require(Decoders.mailboxes(value), "\(field):\(value)")
                #expect(decoded.map(\.name) == boxes.map { ExpectedMessage.displayed($0.name) }, "\(field):\(value)")
                #expect(decoded.map(\.address) == boxes.map(\.address))
            }
        }
    }

    @Test("1,000 random messages written straight into an mbox equal their serialized bytes appended")
    func mboxForm() throws {
        for ((message, _), bytes) in zip(Self.messages, try #require(Self.serialized)) {
            var converted: [UInt8] = []
            Mbox.append(bytes, envelopeSender: message.from.address, date: message.date, to: &converted)
            var direct: [UInt8] = []
            try Mbox.append(message, envelopeSender: message.from.address, to: &direct)
            #expect(direct == converted)
        }
    }

    @Test(
        "1,000 random messages and their mbox pass check-mime",
        .enabled(if: ExternalTools.hasCheckMIME, "python3 or ../shared/tools/check-mime is missing"))
    func checkMIME() throws {
        let serialized = try #require(Self.serialized)
        let written = try RoundTrip.writeFiles(serialized, label: "property")
        defer { try? FileManager.default.removeItem(at: written.directory) }
        var mbox: [UInt8] = []
        for (item, bytes) in zip(Self.messages.prefix(200), serialized) {
            Mbox.append(bytes, envelopeSender: item.message.from.address, date: item.message.date, to: &mbox)
        }
        let mboxFile = written.directory.appendingPathComponent("batch.mbox")
        try Data(mbox).write(to: mboxFile)
        let failures = try RoundTrip.checkMIMEFailures(written.files + [mboxFile], messages: Self.count + 200)
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(5).joined(separator: "\n"))")
    }
}

/// Builds random messages from pieces that stress encoders: CJK, emoji
/// with ZWJ and modifiers, combining marks, right-to-left text, Latin-1,
/// odd spaces, encoded-word look-alikes, 2,000-character lines, lines
/// starting `From ` or `.`, trailing white space, tabs, `=` signs.
struct MessageGenerator {
    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    static let emoji = ["😀", "👍🏽", "👩‍💻", "👨‍👩‍👧‍👦", "🇨🇳", "❤️", "🏳️‍🌈", "🧑🏿‍🔬"]
    static let combining = ["e\u{301}", "a\u{308}\u{323}", "\u{915}\u{94D}\u{937}", "n\u{303}", "\u{1100}\u{1161}\u{11A8}"]
    static let rightToLeft = ["שלום", "עולם", "مرحبا", "بالعالم", "\u{200F}"]
    static let oddSpaces = [" ", "  ", "\u{3000}", "\u{A0}", "\u{2009}"]
    static let lookAlikes = ["=?utf-8?q?x?=", "=?", "?=", "=?UTF-8?B?5pWw?=", "_", "%", "100%"]
    static let punctuation = Array(".,;:\"\\()<>@[]=?_%!#$&'*+/^`{|}~-").map(String.init) + ["，", "。", "：", "（", "）", "【", "】", "、"]

    mutating func asciiWord(_ length: ClosedRange<Int> = 1...12) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<random.int(length)).map { _ in random.pick(letters) })
    }

    mutating func cjk() -> String {
        String(String.UnicodeScalarView((0..<random.int(1...8)).map { _ in Unicode.Scalar(UInt32(random.int(0x4E00...0x9FA5)))! }))
    }

    mutating func latin1() -> String {
        String(String.UnicodeScalarView((0..<random.int(1...3)).map { _ in Unicode.Scalar(UInt8(random.int(0xA0...0xFF))) }))
    }

    /// One piece of header or body text; `forFilename` leaves out path separators.
    mutating func fragment(forFilename: Bool = false) -> String {
        switch random.int(0...9) {
        case 0, 1: return asciiWord()
        case 2: return cjk()
        case 3: return random.pick(Self.emoji)
        case 4: return random.pick(Self.combining)
        case 5: return random.pick(Self.rightToLeft)
        case 6: return latin1()
        case 7: return random.pick(Self.oddSpaces)
        case 8: return random.pick(Self.lookAlikes)
        default:
            let mark = random.pick(Self.punctuation)
            return forFilename && (mark == "/" || mark == "\\") ? "-" : mark
        }
    }

    mutating func text(fragments: ClosedRange<Int>) -> String {
        (0..<random.int(fragments)).map { _ in fragment() + (random.chance(60) ? " " : "") }.joined()
    }

    mutating func address() -> String {
        let atext = Array("abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-/=?^_`{|}~")
        var local = (0..<random.int(1...3)).map { _ in String((0..<random.int(1...8)).map { _ in random.pick(atext) }) }
            .joined(separator: ".")
        if local.contains("=?") { local = "x" + local.replacingOccurrences(of: "=?", with: "=x?") }
        let domain = (0..<random.int(1...3)).map { _ in asciiWord(1...10).lowercased() }.joined(separator: ".")
        return "\(local)@\(domain).example.com"
    }

    /// Up to 8 words of 1–3 fragments, each word at most 40 UTF-8 octets:
    /// a longer word cannot go in one encoded-word, and Python's `email`
    /// before 3.14 reads a split word with a space inside (gh-128110; see
    /// `MessageWriterTests.longWordInName`).
    mutating func displayName() -> String {
        (0..<random.int(1...8)).map { _ in
            var word = ""
            for _ in 0..<random.int(1...3) {
                let next = fragment()
                if (word + next).utf8.count <= 40 { word += next }
            }
            return word
        }.joined(separator: random.chance(80) ? " " : "  ")
    }

    mutating func mailbox() -> Mailbox {
        switch random.int(0...4) {
        case 0: return Mailbox(address: address())
        case 1: return Mailbox(name: "\(asciiWord()) \(asciiWord())", address: address())
        case 2: return Mailbox(name: "\(asciiWord()), \(asciiWord()).", address: address())
        default: return Mailbox(name: displayName(), address: address())
        }
    }

    mutating func subject() -> String {
        switch random.int(0...5) {
        case 0: return "[案例号: CAS-\(random.int(10000...99999))-J6Y6M6] % \(cjk()) \(cjk()) % 初次响应 CMIT:\(random.int(1...9999))"
        case 1: return asciiWord(150...300)
        case 2: return text(fragments: 0...3)
        default: return text(fragments: 1...40)
        }
    }

    mutating func bodyLine() -> String {
        switch random.int(0...14) {
        case 0: return String(repeating: asciiWord(10...10), count: 200)
        case 1: return "From " + text(fragments: 0...6)
        case 2: return "." + text(fragments: 0...4)
        case 3: return "."
        case 4: return text(fragments: 1...8) + random.pick([" ", "\t", "  ", " \t"])
        case 5: return "a=b ==" + text(fragments: 0...4) + "=3D="
        case 6: return ""
        case 7: return "\t" + text(fragments: 1...6)
        case 8: return "ctrl \u{1}\u{0C}\u{0}\u{7F} " + text(fragments: 0...3)
        case 9: return String(repeating: cjk(), count: random.int(1...80))
        case 10: return "--=_compose_" + asciiWord(16...16)
        default: return text(fragments: 1...25)
        }
    }

    mutating func body() -> String {
        var body = ""
        for _ in 0..<random.int(0...20) {
            body += bodyLine()
            body += random.chance(90) ? "\n" : random.pick(["\r\n", "\r"])
        }
        if random.chance(10) { body += bodyLine() }
        return body
    }

    mutating func attachment() -> (MailAttachment, String) {
        var middle = (0..<random.int(0...6)).map { _ in fragment(forFilename: true) }.joined()
        middle = String(middle.unicodeScalars.filter { $0.value >= 0x20 })
        let name = "f" + middle + "x." + random.pick(["pdf", "txt", "log", "zip", "png", "csv", "docx", "bin", "tar.gz"])
        let prefix = random.pick(["", "", "../../", "C:\\Users\\support\\", "tmp/out/"])
        let data: [UInt8]
        switch random.int(0...3) {
        case 0: data = Array(body().utf8)
        case 1: data = []
        default: data = (0..<random.int(1...1200)).map { _ in UInt8(random.int(0...255)) }
        }
        return (MailAttachment(filename: prefix + name, data: data), name)
    }

    mutating func identifier() -> String {
        "\(asciiWord(4...20)).\(random.int(0...999_999))@\(asciiWord(3...8).lowercased()).example.com"
    }

    mutating func message(index: Int) -> (message: MailMessage, filenames: [String]) {
        let text = body()
        let files = (0..<(random.chance(30) ? random.int(1...3) : 0)).map { _ in attachment() }
        let inReplyTo = random.chance(50) ? identifier() : nil
        var references = (0..<random.int(0...3)).map { _ in identifier() }
        if let inReplyTo { references.append(inReplyTo) }
        let offset = random.int(-48...56) * 15
        let epoch = Int64(random.int(631_152_000...2_145_916_800))
        let subject = subject()
        let message = MailMessage(
            from: mailbox(), to: (0..<random.int(1...3)).map { _ in mailbox() },
            cc: (0..<random.int(0...3)).map { _ in mailbox() }, subject: subject,
            date: MessageDate(epochSeconds: epoch, utcOffsetMinutes: offset),
            messageID: "random-\(index).\(asciiWord())@support.example.com", inReplyTo: inReplyTo, references: references,
            textBody: text,
            htmlBody: random.chance(30) ? PlainTextHTML.html(fromText: text, language: random.pick(["zh-CN", "en-US"]), title: subject) : nil,
            attachments: files.map(\.0), contentLanguage: random.pick([nil, "zh-CN", "en-US"]))
        return (message, files.map(\.1))
    }
}
