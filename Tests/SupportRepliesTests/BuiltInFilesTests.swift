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

    /// What each template includes, read when the file was embedded, is what the parser finds.
    @Test func embeddedIncludesMatchTheParsedTemplates() throws {
        let templateFiles = BuiltInFiles.files.filter { $0.path.hasPrefix("templates/") }
        #expect(Set(BuiltInFiles.includes.keys) == Set(templateFiles.map(\.path)))
        for file in templateFiles {
            let template = try Template(name: file.path, source: file.contents)
            let embedded = try #require(BuiltInFiles.includes[file.path])
            #expect(embedded.partials == template.partialNames.sorted(), "\(file.path)")
            #expect(embedded.dynamic == template.usesDynamicPartials, "\(file.path)")
        }
    }

    @Test func everyBuiltInKindExistsInBothLocales() throws {
        let kinds = try ReplyComposer().kinds
        #expect(kinds.map(\.kind) == ["analysis-result", "closure", "initial-response", "log-request", "onsite-visit", "scope-definition"])
        #expect(kinds.allSatisfy { $0.locales == ["en-US", "zh-CN"] })
    }
}
