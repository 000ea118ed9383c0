// MIME-encodes a rendered 3 KB Chinese reply with one 50 KB attachment,
// many times, and reports MB/s of output (target: >= 100 MB/s).
//
//     swift run -c release mime-bench [--messages N] [--runs N] [--typical]
//
// The reply is composed once (from ../examples, zh-CN analysis-result) before
// timing; only MailMessage.serialized() is timed. With --typical the message
// is instead `TypicalMessage` (what `compose batch` writes most: text only),
// and Mbox.append of it is timed too. For instructions per message, run
// under `valgrind --tool=callgrind` with `--runs 1 --messages 1` and
// `--runs 1 --messages 201`, and divide the difference by 200.
#if canImport(Glibc)
import Glibc
#endif
import MIMEWriter
import MustacheEngine
import SupportReplies

func option(_ name: String, default fallback: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let value = Int(arguments[index + 1]) else {
        return fallback
    }
    return value
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func readFile(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else { fatalError("cannot read \(path)") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count == 0 { break }
        bytes += chunk[0..<count]
    }
    return bytes
}

/// The benchmark's default message: the composed example reply plus a 50 KB attachment.
func exampleReplyWithAttachment() throws -> MailMessage {
    let root = String(#filePath.dropLast("Benchmarks/Sources/mime-bench/main.swift".count))
    let caseValue = try JSONReader.parse(readFile(root + "examples/case-zh.json"), file: "case-zh.json")
    let profile = try JSONReader.parse(readFile(root + "examples/profile-zh.json"), file: "profile-zh.json")
    let composer = try ReplyComposer(locales: ["zh-CN"])
    let reply = try composer.compose(
        kind: "analysis-result", data: ProfileMerge.merge(caseValue, under: profile),
        options: ReplyOptions(sendEpochSeconds: 1_604_913_480, sendUTCOffsetMinutes: 480, needsAddresses: true))
    var generator: UInt64 = 0x9E37_79B9_7F4A_7C15
    let attachmentBytes = (0..<50 * 1024).map { _ -> UInt8 in
        generator = generator &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: generator >> 33)
    }
    let message = try reply.mailMessage(attachments: [MailAttachment(filename: "分析报告.pdf", data: attachmentBytes)])
    print("reply body \(reply.body.utf8.count) bytes, attachment \(attachmentBytes.count) bytes")
    return message
}

let typical = CommandLine.arguments.contains("--typical")
let message = typical ? TypicalMessage.message : try exampleReplyWithAttachment()
let messages = option("--messages", default: 2_000)
let runs = option("--runs", default: 5)
let size = try message.serialized().count
print("message \(size) bytes\(typical ? " (typical)" : ""); \(messages) messages x best of \(runs)")

var bestMIME = Double.infinity
var sink = 0
for _ in 0..<runs {
    let start = now()
    for _ in 0..<messages { sink &+= try message.serialized().count }
    bestMIME = min(bestMIME, now() - start)
}
let megabytes = Double(size * messages) / 1e6
print("MIMEWriter       \(Int(megabytes / bestMIME)) MB/s  (\(Int(Double(messages) / bestMIME)) messages/s)")
print("target: >= 100 MB/s: \(megabytes / bestMIME >= 100 ? "met" : "NOT met")   (checksum \(sink % 10))")

if typical {
    let serialized = try message.serialized()
    var mbox: [UInt8] = []
    var bestMbox = Double.infinity
    for _ in 0..<runs {
        let start = now()
        for _ in 0..<messages {
            mbox.removeAll(keepingCapacity: true)
            Mbox.append(serialized, envelopeSender: message.from.address, date: message.date, to: &mbox)
            sink &+= mbox.count
        }
        bestMbox = min(bestMbox, now() - start)
    }
    print("Mbox.append      \(Int(megabytes / bestMbox)) MB/s  (\(Int(Double(messages) / bestMbox)) messages/s)   (checksum \(sink % 10))")
}
