import MustacheEngine
import Testing

@testable import SupportReplies

/// A composer built for some kinds compiles only what they render, yet knows
/// every kind and composes any of them exactly as a composer built for all.
@Suite("Compiled locale")
struct CompiledLocaleTests {
    static let kinds = ["analysis-result", "closure", "initial-response", "log-request", "onsite-visit", "scope-definition"]
    static let locales = ["en-US", "zh-CN"]

    static func compile(_ locale: String, catalog: ReplyCatalog = .builtIn, kinds: Set<String>?) throws -> CompiledLocale {
        let bundle = try CompiledLocale.readBundle(locale, in: catalog)
        return try CompiledLocale.compile(locale, in: catalog, bundle: bundle, kinds: kinds)
    }

    /// A catalog with the built-ins and `templates` (`locale/name` → source) laid over them.
    static func catalog(_ templates: [String: String]) -> ReplyCatalog {
        var catalog = ReplyCatalog.builtIn
        for (path, source) in templates {
            catalog.add(relativePath: path + ".mustache", file: CatalogFile(path: "mine/\(path).mustache", contents: source), isLocale: false)
        }
        return catalog
    }

    /// A case with every field any kind requires, each a short text.
    static let data: TemplateValue = {
        let composer = try! ReplyComposer()
        var root = TemplateObject()
        for kind in kinds {
            for path in try! composer.fields(kind: kind, locale: "en-US").required {
                let keys = path.split(separator: ".").map(String.init)
                root = set(keys[...], in: root)
            }
        }
        root["locale"] = "en-US"
        root["customer"] = .object(set(["email"], in: root["customer"]?.objectValue ?? TemplateObject(), to: "c@customer.example.net"))
        root["sender"] = .object(set(["email"], in: root["sender"]?.objectValue ?? TemplateObject(), to: "e@support.example.com"))
        return .object(root)
    }()

    private static func set(_ keys: ArraySlice<String>, in object: TemplateObject, to text: String = "Text") -> TemplateObject {
        var object = object
        guard let key = keys.first else { return object }
        object[key] = keys.count == 1 ? .string(text) : .object(set(keys.dropFirst(), in: object[key]?.objectValue ?? TemplateObject(), to: text))
        return object
    }

    @Test("one kind compiles its templates and the thread quote only", arguments: kinds, locales)
    func oneKindCompilesWhatItRenders(kind: String, locale: String) throws {
        let compiled = try Self.compile(locale, kinds: [kind])
        #expect(compiled.templates.names == [kind, "quoted-thread", "signature"].sorted())
        #expect(Set(compiled.kinds) == Set(Self.kinds))
        #expect(Set(compiled.requiredFields.kinds) == [kind])
    }

    @Test(arguments: locales)
    func allKindsCompileEveryTemplate(locale: String) throws {
        let compiled = try Self.compile(locale, kinds: nil)
        #expect(compiled.templates.names == (Self.kinds + ["quoted-thread", "signature"]).sorted())
        #expect(Set(compiled.requiredFields.kinds) == Set(Self.kinds))
    }

    @Test("required fields alone equal the required of all fields", arguments: kinds, locales)
    func requiredFieldsAreTheRequiredOfFields(kind: String, locale: String) throws {
        let templates = try Self.compile(locale, kinds: nil).templates
        let required = CaseReader.requiredFields(kind: kind, templates: templates)
        #expect(required == CaseReader.fields(kind: kind, templates: templates).required)
        #expect(required.contains("case.number"))
    }

    @Test("a composer for one kind composes every kind as one for all", arguments: kinds)
    func composerForOneKindComposesOthers(kind: String) throws {
        let all = try ReplyComposer(locales: ["en-US"])
        let one = try ReplyComposer(locales: ["en-US"], kinds: ["closure"])
        #expect(one.kinds.map(\.kind) == all.kinds.map(\.kind))
        #expect(try one.fields(kind: kind, locale: "en-US") == all.fields(kind: kind, locale: "en-US"))
        let options = ReplyOptions(sendEpochSeconds: 1_604_913_480)
        let expected = try all.compose(kind: kind, data: Self.data, options: options)
        #expect(try one.compose(kind: kind, data: Self.data, options: options).body == expected.body)
        #expect(expected.body.contains("Text"))
    }

    @Test func userTemplateIncludingAKindMakesItAPartial() throws {
        let catalog = Self.catalog(["en-US/closure": "{{>initial-response}}"])
        let compiled = try Self.compile("en-US", catalog: catalog, kinds: ["closure"])
        #expect(Set(compiled.kinds) == Set(Self.kinds).subtracting(["initial-response"]))
        #expect(compiled.templates.names == ["closure", "initial-response", "quoted-thread", "signature"])
    }

    @Test func dynamicPartialCompilesEveryTemplate() throws {
        let catalog = Self.catalog(["en-US/closure": "{{>*compose.kind}}"])
        let compiled = try Self.compile("en-US", catalog: catalog, kinds: ["closure"])
        #expect(compiled.templates.names == (Self.kinds + ["quoted-thread", "signature"]).sorted())
    }

    @Test func brokenUserTemplateFailsWhateverKindIsAsked() throws {
        let catalog = Self.catalog(["en-US/extra": "line\n{{#open}}"])
        let error = try #require(throws: CompositionError.self) { try Self.compile("en-US", catalog: catalog, kinds: ["closure"]) }
        #expect(error.category == .config)
        #expect(error.problems.map(\.description).first?.hasPrefix("mine/en-US/extra.mustache:2:") == true)
    }
}
