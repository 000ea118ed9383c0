import Testing

@testable import SupportReplies

@Suite("Reply catalog")
struct ReplyCatalogTests {
    static func adding(_ relativePath: String, isLocale: Bool) -> ReplyCatalog {
        var catalog = ReplyCatalog()
        catalog.add(relativePath: relativePath, file: CatalogFile(path: "mine/" + relativePath, contents: "x"), isLocale: isLocale)
        return catalog
    }

    @Test("template paths are <locale>/<name>.mustache", arguments: [
        ("fr-FR/closure.mustache", "fr-FR", "closure"),
        ("fr-FR/a.b.mustache", "fr-FR", "a.b"),
        ("中文/回复.mustache", "中文", "回复"),
    ])
    func templatePaths(path: String, locale: String, name: String) {
        let catalog = Self.adding(path, isLocale: false)
        #expect(catalog.templates.keys.sorted() == [locale])
        #expect(catalog.templates[locale]?[name]?.path == "mine/" + path)
    }

    @Test("other paths are not templates", arguments: ["closure.mustache", "/closure.mustache", "fr-FR/sub/closure.mustache", "fr-FR/closure.txt", "fr-FR/.mustache2"])
    func ignoredPaths(path: String) {
        #expect(Self.adding(path, isLocale: false).templates.isEmpty)
    }

    @Test func localeFilesAreLayeredByLocale() {
        var catalog = Self.adding("fr-FR.json", isLocale: true)
        catalog.add(relativePath: "fr-FR.json", file: CatalogFile(path: "more/fr-FR.json", contents: "{}"), isLocale: true)
        catalog.add(relativePath: "fr-FR.txt", file: CatalogFile(path: "more/fr-FR.txt", contents: "{}"), isLocale: true)
        #expect(catalog.locales.mapValues { $0.map(\.path) } == ["fr-FR": ["mine/fr-FR.json", "more/fr-FR.json"]])
    }

    @Test func builtInFilesAreMarkedAndUserFilesAreNot() {
        var catalog = ReplyCatalog.builtIn
        #expect(catalog.templateLocales == ["en-US", "zh-CN"])
        #expect(catalog.templates.values.allSatisfy { $0.count == 8 && $0.values.allSatisfy { $0.builtInIndex != nil } })
        #expect(catalog.locales.values.allSatisfy { $0.count == 1 && $0[0].builtInIndex != nil })
        let same = catalog.templates["en-US"]!["closure"]!
        catalog.add(relativePath: "en-US/closure.mustache", file: CatalogFile(path: same.path, contents: same.contents), isLocale: false)
        #expect(catalog.templates["en-US"]!["closure"]!.builtInIndex == nil)
    }
}
