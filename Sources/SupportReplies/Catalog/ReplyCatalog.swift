import MustacheEngine

/// A source file of the catalog: where it came from (for messages) and its text.
public struct CatalogFile: Sendable {
    /// The path shown in messages (`templates/zh-CN/closure.mustache`, `mine/en-US/closure.mustache`).
    public let path: String
    /// The file's text.
    public let contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
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
        for file in BuiltInFiles.files {
            catalog.add(relativePath: String(file.path.drop { $0 != "/" }.dropFirst()),
                        file: CatalogFile(path: file.path, contents: file.contents),
                        isLocale: file.path.hasPrefix("locales/"))
        }
        return catalog
    }

    /// Adds a template (`<locale>/<name>.mustache`) or locale (`<locale>.json`) file;
    /// a template replaces one of the same path, a locale file is layered over the earlier ones.
    public mutating func add(relativePath: String, file: CatalogFile, isLocale: Bool) {
        // Paths are cut at ASCII `/` and `.` on their UTF-8 bytes (Character-wise
        // splitting costs more than the rest of loading the catalog).
        if isLocale {
            guard let locale = Self.stem(relativePath[...], extension: ".json") else { return }
            locales[locale, default: []].append(file)
            return
        }
        let bytes = relativePath.utf8
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")), slash > bytes.startIndex,
            let name = Self.stem(relativePath[bytes.index(after: slash)...], extension: ".mustache"),
            !name.utf8.contains(UInt8(ascii: "/"))
        else { return }
        templates[String(relativePath[..<slash]), default: [:]][name] = file
    }

    /// `name` without its `suffix`, or nil when it does not end with it.
    private static func stem(_ name: Substring, extension suffix: String) -> String? {
        let bytes = name.utf8
        guard bytes.count >= suffix.utf8.count, bytes.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) else { return nil }
        return String(name[..<bytes.index(bytes.endIndex, offsetBy: -suffix.utf8.count)])
    }

    /// The locales that have templates.
    public var templateLocales: [String] { templates.keys.sorted() }

    /// The kinds among one locale's template names: every name that no
    /// template of the locale includes as a partial or parent (and that is
    /// not the thread quote), given the names each template includes.
    static func kinds(among names: some Sequence<String>, including: some Sequence<[String]>) -> Set<String> {
        var partials: Set<String> = [quotedThreadTemplate]
        for included in including { partials.formUnion(included) }
        return Set(names).subtracting(partials)
    }
}
