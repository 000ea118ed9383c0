import MustacheEngine

/// One locale of a catalog, ready to render: its rules and its compiled templates.
///
/// A locale compiled for some kinds holds only the templates those kinds
/// render (with the thread quote); ``preparing(_:)`` adds another kind's.
/// Every user template is compiled up front all the same, so a broken one
/// is reported whichever kind is asked for; a built-in template is compiled
/// only when needed, what it includes having been read when it was embedded.
///
/// A class, so that handing a locale to each reply is one retain, not a
/// copy of every field (whose first copy sets up the runtime metadata of
/// each field's type).
final class CompiledLocale: Sendable {
    let bundle: LocaleBundle
    /// The compiled templates (see above).
    let templates: TemplateSet
    /// Names that are reply kinds (not partials), in no particular order.
    /// (Names here and below are in arrays searched in order: a locale has
    /// a handful of templates, fewer than hashing them would pay for.)
    let kinds: [String]
    /// The case fields each prepared kind requires, derived once from its templates.
    let requiredFields: RequiredFields
    /// Template name → its file, to compile it when needed and for messages.
    private let files: [String: CatalogFile]

    private init(
        bundle: LocaleBundle, templates: TemplateSet, kinds: [String], requiredFields: RequiredFields,
        files: [String: CatalogFile]
    ) {
        self.bundle = bundle
        self.templates = templates
        self.kinds = kinds
        self.requiredFields = requiredFields
        self.files = files
    }

    /// Reads which names of `locale` are kinds, and compiles the templates of
    /// `kinds` (all templates when nil) and every user template.
    static func compile(_ locale: String, in catalog: ReplyCatalog, bundle: LocaleBundle, kinds wanted: Set<String>?) throws(CompositionError) -> CompiledLocale {
        let files = catalog.templateFiles(locale) ?? [:]
        var set = TemplateSet()
        var included: [String] = []  // each name once (most templates include the same signature)
        func include(_ partials: some Sequence<String>) {
            for partial in partials where !included.contains(partial) { included.append(partial) }
        }
        var userNames: [String] = []
        for (name, file) in files {
            if let embedded = embeddedIncludes(file) {
                include(embedded.partials)
            } else {
                userNames.append(name)
            }
        }
        for name in userNames.sorted() {  // the first error in name order is reported
            let template = try compile(name, files[name]!)
            set.insert(template)
            include(template.partialNames)
        }
        let kinds = ReplyCatalog.kinds(among: files.keys, included: included)
        let compiled = CompiledLocale(bundle: bundle, templates: set, kinds: kinds, requiredFields: RequiredFields(), files: files)
        guard let wanted else { return try compiled.prepared(kinds, compiling: Array(files.keys)) }
        return try compiled.prepared(kinds.filter(wanted.contains))
    }

    /// This locale with `kind`'s templates compiled and its required fields derived.
    func preparing(_ kind: String) throws(CompositionError) -> CompiledLocale {
        guard !requiredFields.kinds.contains(kind), kinds.contains(kind) else { return self }
        return try prepared([kind])
    }

    /// This locale with `names` compiled, and `kinds`' templates compiled and their required fields derived.
    private func prepared(_ kinds: [String], compiling names: [String] = []) throws(CompositionError) -> CompiledLocale {
        var templates = templates
        var requiredFields = requiredFields
        try compile(names, into: &templates)
        if !kinds.isEmpty {
            try compile(reached(from: kinds + [ReplyCatalog.quotedThreadTemplate]), into: &templates)
            for kind in kinds {
                requiredFields.add(kind, CaseReader.requiredFields(kind: kind, templates: templates))
            }
        }
        return CompiledLocale(bundle: bundle, templates: templates, kinds: self.kinds, requiredFields: requiredFields, files: files)
    }

    /// `names` and the templates they include, transitively; every template
    /// when one of them names a template dynamically.
    private func reached(from names: [String]) -> [String] {
        var reached: [String] = []
        var pending = names
        while let name = pending.popLast() {
            guard files[name] != nil, !reached.contains(name) else { continue }
            reached.append(name)
            let include = Self.includes(of: name, files: files, templates: templates)
            if include.dynamic { return Array(files.keys) }
            pending += include.partials
        }
        return reached
    }

    /// What the template `name` (one of `files`) names in partial and parent
    /// tags: read when it was embedded for an unchanged built-in, else from
    /// the template, which was compiled up front. (Asked again rather than
    /// kept: a dictionary of a type of its own costs more at start-up.)
    private static func includes(
        of name: String, files: [String: CatalogFile], templates: TemplateSet
    ) -> (partials: [String], dynamic: Bool) {
        if let embedded = embeddedIncludes(files[name]!) { return embedded }
        let template = templates[name]!
        return (Array(template.partialNames), template.usesDynamicPartials)
    }

    /// What a built-in file's template includes, read when it was embedded; nil for a user's file.
    private static func embeddedIncludes(_ file: CatalogFile) -> (partials: [String], dynamic: Bool)? {
        file.builtInIndex.flatMap(BuiltInFiles.includes(file:))
    }

    private func compile(_ names: [String], into templates: inout TemplateSet) throws(CompositionError) {
        for name in names.sorted() where templates[name] == nil {
            templates.insert(try Self.compile(name, files[name]!))
        }
    }

    private static func compile(_ name: String, _ file: CatalogFile) throws(CompositionError) -> Template {
        do {
            return try Template(name: name, source: file.contents)
        } catch {
            throw .config(SourceLocation(file: file.path, line: error.line, column: error.column), error.message)
        }
    }

    /// Reads a locale's files, later ones merged over earlier ones key by key.
    static func readBundle(_ locale: String, in catalog: ReplyCatalog) throws(CompositionError) -> LocaleBundle {
        // An unchanged built-in file was read when it was embedded; it is validated all the same.
        let merged: TemplateValue
        if let value = catalog.unchangedBuiltInLocale(locale).flatMap(BuiltInFiles.localeValue(path:)) {
            merged = value
        } else {
            merged = try mergedFiles(locale, files: catalog.localeFiles(locale))
        }
        do {
            return try LocaleBundle(merged)
        } catch {
            throw localeError(error, in: catalog.localeFiles(locale))
        }
    }

    /// Reads only the privacy notice of a locale's files: all a composer
    /// needs of a locale it does not write in (to remove its notice from
    /// quoted messages), at a fraction of the cost of the whole bundle.
    static func readNotice(_ locale: String, in catalog: ReplyCatalog) throws(CompositionError) -> PrivacyNotice {
        if let notice = catalog.unchangedBuiltInLocale(locale).flatMap(BuiltInFiles.privacyNotice(path:)) {
            return PrivacyNotice(title: notice.title, text: notice.text)
        }
        let files = catalog.localeFiles(locale)
        let merged = try mergedFiles(locale, files: files)
        do {
            return try PrivacyNotice(LocaleField(root: merged).child("privacy_notice"))
        } catch {
            throw localeError(error, in: files)
        }
    }

    /// A bad key of a locale, reported against its last file (the overlay that set it, or the built-in one).
    private static func localeError(_ error: LocaleError, in files: [CatalogFile]) -> CompositionError {
        .config(nil, "\(files.last!.path): \(error.key): \(error.message)")
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
        SourceLocation(file: files[error.templateName]?.path ?? error.templateName, line: error.line, column: error.column)
    }
}

/// The case fields each prepared kind of a locale requires, by kind.
///
/// Flat lists searched in order (a locale prepares a handful of kinds, a
/// one-off reply one): a dictionary of paths by kind would be a generic type
/// of its own, whose run-time set-up costs more than the search.
struct RequiredFields: Sendable {
    /// The prepared kinds, in the order added.
    private(set) var kinds: [String] = []
    /// Where each kind's paths end in `paths` (they start where the previous kind's end).
    private var ends: [Int] = []
    private var paths: [FieldPath] = []

    /// The fields `kind` requires, or nil when it was not prepared.
    subscript(kind: String) -> [FieldPath]? {
        guard let position = kinds.firstIndex(of: kind) else { return nil }
        return Array(paths[(position == 0 ? 0 : ends[position - 1])..<ends[position]])
    }

    /// Records the `fields` (dotted paths) that `kind` requires.
    mutating func add(_ kind: String, _ fields: [String]) {
        kinds.append(kind)
        paths.reserveCapacity(paths.count + fields.count)
        for field in fields { paths.append(FieldPath(field)) }
        ends.append(paths.count)
    }
}
