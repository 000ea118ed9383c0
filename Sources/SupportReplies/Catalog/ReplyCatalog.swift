import MustacheEngine

/// A source file of the catalog: where it came from (for messages) and its text.
public struct CatalogFile: Sendable {
    /// The path shown in messages (`templates/zh-CN/closure.mustache`, `mine/en-US/closure.mustache`).
    public let path: String
    /// The file's text.
    public let contents: String
    /// True for a file compiled into the binary, so what was read from it
    /// when it was embedded holds (a user's file is never one, even if equal).
    let isBuiltIn: Bool

    public init(path: String, contents: String) {
        self.init(path: path, contents: contents, isBuiltIn: false)
    }

    init(path: String, contents: String, isBuiltIn: Bool) {
        self.path = path
        self.contents = contents
        self.isBuiltIn = isBuiltIn
    }
}

/// Every template and locale file a composer may use, by locale: the
/// built-ins, overlaid by a user's `--templates` and `--locales` folders.
///
/// Templates live at `<locale>/<name>.mustache`; a name that another template
/// of the same locale includes as a partial (or `quoted-thread`) is a partial,
/// every other name is a reply kind.
public struct ReplyCatalog: Sendable {
    /// Template files by locale, then by template name.
    public private(set) var templates: [String: [String: CatalogFile]] = [:]
    /// Locale files by locale; an overlay file is merged over the built-in one key by key.
    public private(set) var locales: [String: [CatalogFile]] = [:]

    /// The name of the template that quotes earlier messages.
    public static let quotedThreadTemplate = "quoted-thread"

    /// An empty catalog.
    public init() {}

    /// The templates and locales compiled into the binary.
    public static var builtIn: ReplyCatalog {
        var catalog = ReplyCatalog()
        catalog.templates = BuiltInFiles.templatesByLocale()
        catalog.locales = BuiltInFiles.localeFiles()
        return catalog
    }

    /// Adds a template (`<locale>/<name>.mustache`) or locale (`<locale>.json`) file;
    /// a template replaces one of the same path, a locale file is layered over the earlier ones.
    public mutating func add(relativePath: String, file: CatalogFile, isLocale: Bool) {
        // Paths are cut at ASCII `/` and `.` on their UTF-8 bytes (Character-wise
        // splitting costs more than the rest of loading the catalog).
        let bytes = Array(relativePath.utf8)
        if isLocale {
            guard let locale = Self.stem(bytes[...], extension: ".json") else { return }
            locales[locale, default: []].append(file)
            return
        }
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")), slash > 0,
            let name = Self.stem(bytes[(slash + 1)...], extension: ".mustache"),
            !name.utf8.contains(UInt8(ascii: "/"))
        else { return }
        templates[String(decoding: bytes[..<slash], as: UTF8.self), default: [:]][name] = file
    }

    /// The text of `name` without its `suffix`, or nil when it does not end with it.
    private static func stem(_ name: ArraySlice<UInt8>, extension suffix: StaticString) -> String? {
        let suffix = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        guard name.count >= suffix.count, name.suffix(suffix.count).elementsEqual(suffix) else { return nil }
        return String(decoding: name.dropLast(suffix.count), as: UTF8.self)
    }

    /// The locales that have templates.
    public var templateLocales: [String] { templates.keys.sorted() }

    /// The kinds among one locale's template names: every name that no
    /// template of the locale includes as a partial or parent (and that is
    /// not the thread quote), given every name the templates include.
    static func kinds(among names: some Sequence<String>, included: Set<String>) -> Set<String> {
        var partials = included
        partials.insert(quotedThreadTemplate)
        return Set(names).subtracting(partials)
    }
}
