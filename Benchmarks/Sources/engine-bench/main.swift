// engine-bench: renders the support-reply benchmark with MustacheEngine and
// with swift-mustache, best of N interleaved runs each, and compares output.
//
//   swift run -c release engine-bench [BENCH_DIR | RECORDS.jsonl] [--records N] [--runs N]
//   swift run -c release engine-bench --compile-builtins[-kept] N | --prepare-builtins N   (for callgrind)
import Foundation
import Mustache
import MustacheEngine

struct Arguments {
    var folder = URL(fileURLWithPath: #filePath)  // Benchmarks/Sources/engine-bench/main.swift
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../../shared/bench").standardized
    var jsonl: URL? = nil
    var records = 20_000
    var runs = 5
    /// `--compile-builtins[-kept] N` or `--prepare-builtins N`: a built-in templates mode instead of rendering.
    var builtins: (mode: String, rounds: Int)? = nil

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--records": records = try Self.number(after: argument, rest.popFirst())
            case "--runs": runs = try Self.number(after: argument, rest.popFirst())
            case "--compile-builtins", "--compile-builtins-kept", "--prepare-builtins":
                builtins = (argument, try Self.number(after: argument, rest.popFirst(), allowingZero: true))
            case let path where path.hasSuffix(".jsonl"): jsonl = URL(fileURLWithPath: path)
            case let path: folder = URL(fileURLWithPath: path)
            }
        }
    }

    private static func number(after option: String, _ value: String?, allowingZero: Bool = false) throws -> Int {
        guard let value, let number = Int(value), number > 0 || (allowingZero && number == 0) else {
            throw BenchError("\(option) needs a \(allowingZero ? "non-negative" : "positive") number")
        }
        return number
    }
}

/// Runs `body` and returns its wall-clock seconds.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let elapsed = try clock.measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func run() throws {
    let arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
    switch arguments.builtins {
    case ("--compile-builtins", let rounds)?: return try BuiltinsBench.compile(rounds: rounds, keep: false)
    case ("--compile-builtins-kept", let rounds)?: return try BuiltinsBench.compile(rounds: rounds, keep: true)
    case (_, let rounds)?: return try BuiltinsBench.prepare(rounds: rounds)
    case nil: break
    }
    let input = try BenchInput(folder: arguments.folder, jsonl: arguments.jsonl, count: arguments.records)
    let count = input.lines.count

    // Parsing and compiling happen before any timing.
    let foundationRecords = try input.foundationRecords()
    let ourRecords = foundationRecords.map(templateValue)
    let ours = try TemplateSet(sources: ["template": input.template, "privacy": input.privacy])
    let plain = RenderOptions(escaping: .none)
    var theirs = MustacheLibrary()
    try theirs.register("{{%CONTENT_TYPE: TEXT}}" + input.template, named: "template")
    try theirs.register("{{%CONTENT_TYPE: TEXT}}" + input.privacy, named: "privacy")

    var mismatches = 0
    for index in stride(from: 0, to: count, by: max(1, count / 500)) {
        let a = try ours.render("template", data: ourRecords[index], options: plain)
        let b = theirs.render(foundationRecords[index], withTemplate: "template") ?? ""
        if a != b { mismatches += 1 }
    }

    var best = (ours: Double.infinity, oursBytes: Double.infinity, theirs: Double.infinity)
    var checksum = 0
    for _ in 0..<arguments.runs {
        best.ours = min(best.ours, try seconds {
            for record in ourRecords { checksum &+= try ours.render("template", data: record, options: plain).utf8.count }
        })
        best.oursBytes = min(best.oursBytes, try seconds {
            var buffer: [UInt8] = []
            for record in ourRecords {
                buffer.removeAll(keepingCapacity: true)
                try ours.render("template", data: record, options: plain, into: &buffer)
                checksum &+= buffer.count
            }
        })
        best.theirs = min(best.theirs, seconds {
            for record in foundationRecords { checksum &+= (theirs.render(record, withTemplate: "template") ?? "").utf8.count }
        })
    }

    let rate = { (time: Double) in Double(count) / time }
    print("records: \(count), runs: \(arguments.runs) (best of each, interleaved), checksum \(checksum)")
    print(String(format: "MustacheEngine (String):      %10.0f records/s", rate(best.ours)))
    print(String(format: "MustacheEngine ([UInt8] into): %10.0f records/s", rate(best.oursBytes)))
    print(String(format: "swift-mustache 2.1.1 (TEXT):  %10.0f records/s", rate(best.theirs)))
    print(String(format: "ratio (String API):           %10.1fx", best.theirs / best.ours))
    let sampled = (count + max(1, count / 500) - 1) / max(1, count / 500)
    print("output check: \(sampled - mismatches) of \(sampled) sampled records byte-identical")
    if mismatches > 0 { throw BenchError("\(mismatches) sampled records differ between the engines") }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("engine-bench: \(error)\n".utf8))
    exit(1)
}
