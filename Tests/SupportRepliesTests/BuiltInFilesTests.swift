import Foundation
import MustacheEngine
import Testing

@testable import SupportReplies

/// The templates and locales compiled into the binary must be exactly the
/// files in templates/ and locales/; after editing one, run scripts/embed-builtins.
@Suite("Built-in files")
struct BuiltInFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func filesOnDisk() throws -> [String: String] {
        var files: [String: String] = [:]
        for (folder, suffix) in [("templates", ".mustache"), ("locales", ".json")] {
            let base = root.appendingPathComponent(folder)
            let enumerator = try #require(FileManager.default.enumerator(atPath: base.path))
            while let relative = enumerator.nextObject() as? String {
                guard relative.hasSuffix(suffix) else { continue }
                let text = try String(contentsOf: base.appendingPathComponent(relative), encoding: .utf8)
                files[folder + "/" + relative] = text.replacingOccurrences(of: "\r", with: "")
            }
        }
        return files
    }

    @Test func compiledInCopyIsCurrent() throws {
        let onDisk = try Self.filesOnDisk()
        let compiled = Dictionary(uniqueKeysWithValues: BuiltInFiles.files.map { ($0.path, $0.contents) })
        #expect(Set(compiled.keys) == Set(onDisk.keys), "run scripts/embed-builtins")
        for (path, text) in onDisk {
            #expect(compiled[path] == text, "\(path) changed since scripts/embed-builtins last ran")
        }
    }

    /// The notices read when the file was embedded are the ones the locale file gives.
    @Test func embeddedPrivacyNoticesMatchTheLocaleFiles() throws {
        let localeFiles = BuiltInFiles.files.filter { $0.path.hasPrefix("locales/") }
        #expect(!localeFiles.isEmpty)
        #expect(BuiltInFiles.privacyNotice(path: "templates/zh-CN/closure.mustache") == nil)
        for file in localeFiles {
            let bundle = try LocaleBundle(JSONReader.parse(Array(file.contents.utf8), file: file.path))
            let embedded = try #require(BuiltInFiles.privacyNotice(path: file.path))
            #expect(PrivacyNotice(title: embedded.title, text: embedded.text) == bundle.privacyNotice, "\(file.path)")
        }
    }

    /// The locale values written out when the files were embedded are what
    /// JSONReader reads from them, and valid locales (composers skip parsing
    /// an unchanged built-in locale file, not validating it).
    @Test func embeddedLocaleValuesMatchTheParsedFiles() throws {
        let localeFiles = BuiltInFiles.files.filter { $0.path.hasPrefix("locales/") }
        #expect(!localeFiles.isEmpty)
        #expect(BuiltInFiles.localeValue(path: "templates/zh-CN/closure.mustache") == nil)
        for file in localeFiles {
            let parsed = try JSONReader.parse(Array(file.contents.utf8), file: file.path)
            let embedded = try #require(BuiltInFiles.localeValue(path: file.path))
            #expect(embedded == parsed, "\(file.path)")
            #expect(throws: Never.self, "\(file.path)") { try LocaleBundle(embedded) }
        }
    }

    /// The catalog laid out from the embedded tables is the one adding each file by its path makes.
    @Test func builtInCatalogEqualsAddingEveryFile() {
        var added = ReplyCatalog()
        for (index, file) in BuiltInFiles.files.enumerated() {
            let top = try! #require(file.path.firstIndex(of: "/"))
            added.add(relativePath: String(file.path[file.path.index(after: top)...]),
                      file: CatalogFile(path: file.path, contents: file.contents, builtInIndex: index),
                      isLocale: file.path.hasPrefix("locales/"))
        }
        let builtIn = ReplyCatalog.builtIn
        func described(_ file: CatalogFile) -> String { "\(file.path) \(String(describing: file.builtInIndex)) \(file.contents)" }
        #expect(builtIn.templates.mapValues { $0.mapValues(described) } == added.templates.mapValues { $0.mapValues(described) })
        #expect(builtIn.locales.mapValues { $0.map(described) } == added.locales.mapValues { $0.map(described) })
    }

    /// What each template includes, read when the file was embedded, is what the parser finds.
    @Test func embeddedIncludesMatchTheParsedTemplates() throws {
        let templateFiles = BuiltInFiles.files.enumerated().filter { $0.element.path.hasPrefix("templates/") }
        #expect(!templateFiles.isEmpty)
        for (index, file) in BuiltInFiles.files.enumerated() where !file.path.hasPrefix("templates/") {
            #expect(BuiltInFiles.includes(file: index) == nil, "\(file.path)")
        }
        #expect(BuiltInFiles.includes(file: BuiltInFiles.files.count) == nil)
        for (index, file) in templateFiles {
            let template = try Template(name: file.path, source: file.contents)
            let embedded = try #require(BuiltInFiles.includes(file: index))
            #expect(embedded.partials == template.partialNames.sorted(), "\(file.path)")
            #expect(embedded.dynamic == template.usesDynamicPartials, "\(file.path)")
        }
    }

    /// The notice patterns worked out by embed-builtins (in Python) are the ones
    /// the Swift code works out.
    @Test func embeddedNoticePatternsMatchTheComputedOnes() throws {
        for file in BuiltInFiles.files where file.path.hasPrefix("locales/") {
            let notice = try #require(BuiltInFiles.privacyNotice(path: file.path))
            let embedded = try #require(BuiltInFiles.noticePattern(title: notice.title, text: notice.text))
            let computed = PrivacyNotice.Pattern(computing: notice.title, notice.text)
            #expect(embedded.needle == computed.needle, "\(file.path)")
            #expect(embedded.needleLength == computed.needle.reduce(0) { $0 + $1.utf8.count }, "\(file.path)")
            #expect(Array(embedded.title.unicodeScalars) == computed.title, "\(file.path)")
            #expect(Array(embedded.closing.unicodeScalars) == computed.closing, "\(file.path)")
        }
        #expect(BuiltInFiles.noticePattern(title: "Notice", text: "Some other notice.") == nil)
    }

    @Test func everyBuiltInKindExistsInBothLocales() throws {
        let kinds = try ReplyComposer().kinds
        #expect(kinds.map(\.kind) == ["analysis-result", "closure", "initial-response", "log-request", "onsite-visit", "scope-definition"])
        #expect(kinds.allSatisfy { $0.locales == ["en-US", "zh-CN"] })
    }
}
