import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What a batch promises beyond its output: a crash leaves only whole
/// messages, and memory does not grow with the number of records.
@Suite("Batch robustness")
struct BatchRobustnessTests {
    /// `count` records numbered `K-00001`…, cycling through every kind and locale.
    static func numberedBatch(_ count: Int) -> String {
        let placeholder = "NUMBER-PLACEHOLDER"
        let templates = BatchFixture.kinds.flatMap { kind in
            ["zh-CN", "en-US"].map { locale in
                let line = BatchFixture.line(number: placeholder, kind: kind, locale: locale)
                let range = line.range(of: placeholder)!
                return (String(line[..<range.lowerBound]), String(line[range.upperBound...]))
            }
        }
        var text = ""
        text.reserveCapacity(count * 800)
        for index in 1...count {
            let (head, tail) = templates[index % templates.count]
            text += head + "K-" + String(100_000 + index).dropFirst() + tail + "\n"
        }
        return text
    }

    @Test func killedBatchLeavesOnlyWholeMessages() throws {
        let folder = try BatchFixture.folder(with: ["cases.jsonl": Self.numberedBatch(20_000)])
        let outbox = folder.appendingPathComponent("outbox")
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["batch", "--input", "cases.jsonl", "--out-dir", "outbox", "--jobs", "1"] + BatchFixture.common
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it as soon as files appear: the writer is then in the middle of a block.
        let deadline = Date().addingTimeInterval(8)
        while Date() < deadline, process.isRunning {
            if let names = try? FileManager.default.contentsOfDirectory(atPath: outbox.path), names.contains(where: { !$0.hasPrefix(".") }) { break }
            usleep(1000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let entries = try BatchFixture.entries(of: outbox)
        let leftovers = entries.filter { $0.hasPrefix(".") }
        let messages = entries.filter { !$0.hasPrefix(".") }
        for name in leftovers {
            #expect(name.wholeMatch(of: /\.K-\d{5}-[a-z-]+\.eml\.\d+\.tmp/) != nil, "unexpected leftover \(name)")
        }
        let numbers = messages.compactMap { $0.wholeMatch(of: /K-(\d{5})-[a-z-]+\.eml/).map { Int($0.1)! } }
        #expect(numbers.count == messages.count, "\(messages)")
        try #require(!numbers.isEmpty, "no file was written within 8 s")
        // Written in input order, one at a time: the files are records 1…n, no gaps.
        #expect(numbers.sorted() == Array(1...numbers.count))

        // Each file is the whole message an uninterrupted run writes.
        let fresh = try BinaryRunner.run(
            ["batch", "--input", "cases.jsonl", "--out-dir", "fresh", "--limit", String(numbers.count)] + BatchFixture.common, in: folder)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        for name in messages {
            let written = try Data(contentsOf: outbox.appendingPathComponent(name))
            let whole = try Data(contentsOf: folder.appendingPathComponent("fresh").appendingPathComponent(name))
            #expect(written == whole, "\(name) is not the whole message")
        }
        if CheckMime.isAvailable {
            let check = try CheckMime.run(messages.map { outbox.appendingPathComponent($0).path }, ["--count", String(messages.count)])
            #expect(check.status == 0, "\(check.output)")
        } else {
            print("BatchRobustnessTests: check-mime not available; compared with a fresh run only")
        }
    }

    /// Peak memory for a small and a four times larger batch into one mbox.
    /// Each record carries 8 KB of JSON white space and each message a 16 KB
    /// attachment, so holding the input or the output would show at once.
    @Test(.enabled(if: Tools.hasProcStatus, "needs /proc/PID/status (Linux)"))
    func memoryDoesNotGrowWithTheBatch() throws {
        let folder = try BatchFixture.folder()
        let attachment = folder.appendingPathComponent("trace.bin")
        try Data((0..<16_384).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }).write(to: attachment)
        let padding = String(repeating: " ", count: 8_000)
        var peaks: [Int] = []
        for count in [300, 1_200] {
            let record = BatchFixture.line(number: "M-\(count)", kind: "closure", locale: "en-US") { $0["organization"] = ["privacy_notice": "We use your data only for this case."] }
            let input = folder.appendingPathComponent("cases-\(count).jsonl")
            try Data(String(repeating: record.dropLast() + padding + "}\n", count: count).utf8).write(to: input)
            let mbox = folder.appendingPathComponent("out-\(count).mbox")
            let (status, kilobytes) = try Tools.peakResidentKilobytes(
                BinaryRunner.binary,
                ["batch", "--input", input.path, "--mbox", mbox.path, "--jobs", "1", "--attach", attachment.path,
                 "--profile", folder.appendingPathComponent("profile.json").path, "--date", BatchFixture.date])
            #expect(status == 0)
            #expect(kilobytes > 1_000)
            let size = try #require(try FileManager.default.attributesOfItem(atPath: mbox.path)[.size] as? Int)
            #expect(size > count * 20_000)
            peaks.append(kilobytes)
        }
        // The larger batch reads 7 MB more input and writes 21 MB more output than the smaller one.
        #expect(Double(peaks[1]) <= Double(peaks[0]) * 1.2 + 2_048, "peak RSS \(peaks[0]) KB for 300 records, \(peaks[1]) KB for 1,200")
    }
}
