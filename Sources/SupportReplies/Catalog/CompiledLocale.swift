import MustacheEngine

/// One locale of a catalog, ready to render: its rules and its compiled templates.
struct CompiledLocale: Sendable {
    let bundle: LocaleBundle
    let templates: TemplateSet
    /// Template name → the file it came from, for messages.
    let paths: [String: String]
    /// Names that are reply kinds (not partials).
    let kinds: Set<String>
    /// The case fields each kind requires, derived once from its templates
    /// (for the kinds the composer was built for).
    let requiredFields: [String: [String]]

    /// Compiles every template of `locale`; names no other template includes
    /// are kinds. Required fields are derived for `kinds` (all when nil).
    static func compile(_ locale: String, in catalog: ReplyCatalog, bundle: LocaleBundle, kinds wanted: Set<String>?) throws(CompositionError) -> CompiledLocale {
        let files = catalog.templates[locale] ?? [:]
        var set = TemplateSet()
        var paths: [String: String] = [:]
        for (name, file) in files.sorted(by: { $0.key < $1.key }) {
            paths[name] = file.path
            do {
                set.insert(try Template(name: name, source: file.contents))
            } catch {
                throw .config(SourceLocation(file: file.path, line: error.line, column: error.column), error.message)
            }
        }
        let kinds = ReplyCatalog.kinds(among: set)
        let required = Dictionary(uniqueKeysWithValues: kinds.intersection(wanted ?? kinds).map { ($0, CaseReader.fields(kind: $0, templates: set).required) })
        return CompiledLocale(bundle: bundle, templates: set, paths: paths, kinds: kinds, requiredFields: required)
    }

    /// Reads a locale's files, later ones merged over earlier ones key by key.
    static func readBundle(_ locale: String, files: [CatalogFile]) throws(CompositionError) -> LocaleBundle {
        let merged = try mergedFiles(locale, files: files)
        do {
            return try LocaleBundle(merged)
        } catch {
            throw .config(nil, "\(files.last!.path): \(error.key): \(error.message)")
        }
    }

    /// Reads only the privacy notice of a locale's files: all a composer
    /// needs of a locale it does not write in (to remove its notice from
    /// quoted messages), at a fraction of the cost of the whole bundle.
    static func readNotice(_ locale: String, files: [CatalogFile]) throws(CompositionError) -> PrivacyNotice {
        if files.count == 1, let notice = BuiltInFiles.privacyNotice(path: files[0].path),
            BuiltInFiles.files.contains(where: { $0.path == files[0].path && $0.contents == files[0].contents })
        {
            return PrivacyNotice(title: notice.title, text: notice.text)  // an unchanged built-in file
        }
        let merged = try mergedFiles(locale, files: files)
        do {
            return try PrivacyNotice(LocaleField(root: merged).child("privacy_notice"))
        } catch {
            throw .config(nil, "\(files.last!.path): \(error.key): \(error.message)")
        }
    }

    private static func mergedFiles(_ locale: String, files: [CatalogFile]) throws(CompositionError) -> TemplateValue {
        guard !files.isEmpty else {
            throw .config(nil, "locale '\(locale)' has templates but no locale file \(locale).json")
        }
        var merged = TemplateValue.object(TemplateObject())
        for file in files {
            do {
                let value = try JSONReader.parse(Array(file.contents.utf8), file: file.path)
                merged = ProfileMerge.merge(value, under: merged)
            } catch {
                throw CompositionError(.config, [CompositionError.Problem(location: error.location, message: error.message)])
            }
        }
        return merged
    }

    /// The file position of a render error, for messages.
    func location(of error: TemplateRenderError) -> SourceLocation {
        SourceLocation(file: paths[error.templateName] ?? error.templateName, line: error.line, column: error.column)
    }
}
