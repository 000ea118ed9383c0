import MustacheEngine

/// A source file of the catalog: where it came from (for messages) and its text.
public struct CatalogFile: Sendable {
    /// The path shown in messages (`templates/zh-CN/closure.mustache`, `mine/en-US/closure.mustache`).
    public let path: String
    /// The file's text.
    public let contents: String
    /// For a file compiled into the binary, its position in `BuiltInFiles.files`,
    /// so what was read from it when it was embedded holds; nil for a user's
    /// file, even if equal.
    let builtInIndex: Int?

    public init(path: String, contents: String) {
        self.init(path: path, contents: contents, builtInIndex: nil)
    }

    init(path: String, contents: String, builtInIndex: Int?) {
        self.path = path
        self.contents = contents
        self.builtInIndex = builtInIndex
    }
}

/// Every template and locale file a composer may use, by locale: the
/// built-ins, overlaid by a user's `--templates` and `--locales` folders.
///
/// Templates live at `<locale>/<name>.mustache`; a name that another template
/// of the same locale includes as a partial (or `quoted-thread`) is a partial,
/// every other name is a reply kind.
///
/// Only the added files are kept; the built-ins are laid out a locale at a
/// time when asked for, so that a one-off reply sets up tables for no more
/// than its own locale.
public struct ReplyCatalog: Sendable {
    /// Whether the built-in files lie under the added ones.
    private var hasBuiltIns = false
    /// Added template files by locale, then by template name.
    private var addedTemplates: [String: [String: CatalogFile]] = [:]
    /// Added locale files by locale, in the order added.
    private var addedLocales: [String: [CatalogFile]] = [:]

    /// The name of the template that quotes earlier messages.
    public static let quotedThreadTemplate = "quoted-thread"

    /// An empty catalog.
    public init() {}

    /// The templates and locales compiled into the binary.
    public static var builtIn: ReplyCatalog {
        var catalog = ReplyCatalog()
        catalog.hasBuiltIns = true
        return catalog
    }

    /// Template files by locale, then by template name.
    public var templates: [String: [String: CatalogFile]] {
        var templates = [String: [String: CatalogFile]](minimumCapacity: templateLocales.count)
        for locale in templateLocales { templates[locale] = templateFiles(locale) }
        return templates
    }

    /// Locale files by locale; an overlay file is merged over the built-in one key by key.
    public var locales: [String: [CatalogFile]] {
        var locales = addedLocales
        for locale in hasBuiltIns ? BuiltInFiles.localeNames : [] { locales[locale] = localeFiles(locale) }
        return locales
    }

    /// The template files of `locale` by name, or nil when it has none.
    func templateFiles(_ locale: String) -> [String: CatalogFile]? {
        let builtIn = hasBuiltIns ? BuiltInFiles.templates(locale: locale) : nil
        guard let added = addedTemplates[locale] else { return builtIn }
        return (builtIn ?? [:]).merging(added) { _, added in added }
    }

    /// The locale files of `locale`, the built-in one first.
    func localeFiles(_ locale: String) -> [CatalogFile] {
        let builtIn = hasBuiltIns ? BuiltInFiles.localeFile(locale: locale) : nil
        return (builtIn.map { [$0] } ?? []) + (addedLocales[locale] ?? [])
    }

    /// The path of `locale`'s built-in locale file when no file was added over it.
    func unchangedBuiltInLocale(_ locale: String) -> String? {
        guard hasBuiltIns, addedLocales[locale] == nil else { return nil }
        return BuiltInFiles.localeFile(locale: locale)?.path
    }

    /// True when some locale has a template named `name`.
    public func hasTemplate(named name: String) -> Bool {
        (hasBuiltIns && BuiltInFiles.hasTemplate(named: name)) || addedTemplates.values.contains { $0[name] != nil }
    }

    /// Adds a template (`<locale>/<name>.mustache`) or locale (`<locale>.json`) file;
    /// a template replaces one of the same path, a locale file is layered over the earlier ones.
    public mutating func add(relativePath: String, file: CatalogFile, isLocale: Bool) {
        // Paths are cut at ASCII `/` and `.` on their UTF-8 bytes (Character-wise
        // splitting costs more than the rest of loading the catalog).
        let bytes = Array(relativePath.utf8)
        if isLocale {
            guard let locale = Self.stem(bytes[...], extension: ".json") else { return }
            addedLocales[locale, default: []].append(file)
            return
        }
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")), slash > 0,
            let name = Self.stem(bytes[(slash + 1)...], extension: ".mustache"),
            !name.utf8.contains(UInt8(ascii: "/"))
        else { return }
        addedTemplates[String(decoding: bytes[..<slash], as: UTF8.self), default: [:]][name] = file
    }

    /// The text of `name` without its `suffix`, or nil when it does not end with it.
    private static func stem(_ name: ArraySlice<UInt8>, extension suffix: StaticString) -> String? {
        let suffix = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        guard name.count >= suffix.count, name.suffix(suffix.count).elementsEqual(suffix) else { return nil }
        return String(decoding: name.dropLast(suffix.count), as: UTF8.self)
    }

    /// The locales that have templates, sorted.
    public var templateLocales: [String] {
        let builtIn = hasBuiltIns ? BuiltInFiles.templateLocales : []
        if addedTemplates.isEmpty { return builtIn }
        return Set(builtIn).union(addedTemplates.keys).sorted()
    }

    /// The kinds among one locale's template names: every name that no
    /// template of the locale includes as a partial or parent (and that is
    /// not the thread quote), given every name the templates include.
    static func kinds(among names: some Sequence<String>, included: [String]) -> [String] {
        names.filter { $0 != quotedThreadTemplate && !included.contains($0) }
    }
}
