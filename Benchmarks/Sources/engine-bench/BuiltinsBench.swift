import Foundation
import MustacheEngine

/// Instruction-count modes over the built-in templates (`templates/zh-CN`
/// and `templates/en-US` of the repository), meant for callgrind: run one
/// with two values of N, subtract and divide by the difference of N to get
/// the cost of one round; N = 0 versus N = 1 gives the cost of the first
/// round, one-time runtime work included, as a one-shot CLI pays it.
///
/// Files are read before any round, and each round keeps a checksum so the
/// work cannot be optimised away.
enum BuiltinsBench {
    static let locales = ["zh-CN", "en-US"]

    /// `--compile-builtins N`: compiles every template of both locales N
    /// times, nothing else; each template is freed before the next is
    /// compiled, so freeing is counted too.
    ///
    /// `--compile-builtins-kept N`: the same, but every template is kept to
    /// the end of the process and never freed, as a one-shot CLI keeps its
    /// templates: only compiling is counted.
    static func compile(rounds: Int, keep: Bool) throws {
        let sources = try readSources()
        var kept: [Template] = []
        var checksum = 0
        for _ in 0..<rounds {
            for locale in sources {
                for (name, source) in locale {
                    let template = try Template(name: name, source: source)
                    checksum &+= template.partialNames.count
                    if keep { kept.append(template) }
                }
            }
        }
        _ = Unmanaged.passRetained(Kept(kept))  // never released: the process exits with it
        print("compiled \(sources.joined().count) templates \(rounds) times, checksum \(checksum)")
    }

    /// Holds templates that are never freed.
    private final class Kept {
        let templates: [Template]
        init(_ templates: [Template]) { self.templates = templates }
    }

    /// `--prepare-builtins N`: N times, what a one-shot reply does with its
    /// locale's templates besides compiling them: builds a `TemplateSet` per
    /// locale, asks the fields of every template and renders each once
    /// (against an empty object, so only the template's own text is written).
    static func prepare(rounds: Int) throws {
        let compiled = try readSources().map { locale in
            try locale.map { try Template(name: $0.name, source: $0.source) }
        }
        let empty = TemplateValue.object(TemplateObject())
        var checksum = 0
        for _ in 0..<rounds {
            for templates in compiled {
                let set = TemplateSet(templates)
                for template in templates {
                    checksum &+= set.fields(of: template.name).required.count
                    checksum &+= try set.render(template.name, data: empty, options: RenderOptions(escaping: .none)).utf8.count
                }
            }
        }
        print("prepared \(compiled.joined().count) templates \(rounds) times, checksum \(checksum)")
    }

    /// The `.mustache` files of each locale, sorted by name.
    private static func readSources() throws -> [[(name: String, source: String)]] {
        let templates = URL(fileURLWithPath: #filePath)  // Benchmarks/Sources/engine-bench/BuiltinsBench.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        return try locales.map { locale in
            let folder = templates.appendingPathComponent(locale)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".mustache") }.sorted()
            guard !files.isEmpty else { throw BenchError("no .mustache files in \(folder.path)") }
            return try files.map { file in
                let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                return (String(file.dropLast(".mustache".count)), source)
            }
        }
    }
}
