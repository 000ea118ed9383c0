import SupportReplies

/// Builds the catalog a command uses: the built-ins, then `--templates DIR`
/// and `--locales DIR` laid over them file by file.
enum CatalogLoader {
    static func load(_ arguments: ParsedArguments) throws(Failure) -> ReplyCatalog {
        var catalog = ReplyCatalog.builtIn
        if let directory = arguments.value("templates") {
            for locale in try entries(of: directory, option: "--templates") where SystemFiles.isDirectory(SystemFiles.join(directory, locale)) {
                let folder = SystemFiles.join(directory, locale)
                for name in try entries(of: folder, option: "--templates") where name.hasSuffix(".mustache") {
                    let path = SystemFiles.join(folder, name)
                    catalog.add(relativePath: locale + "/" + name, file: CatalogFile(path: path, contents: try text(of: path)), isLocale: false)
                }
            }
        }
        if let directory = arguments.value("locales") {
            for name in try entries(of: directory, option: "--locales") where name.hasSuffix(".json") {
                let path = SystemFiles.join(directory, name)
                catalog.add(relativePath: name, file: CatalogFile(path: path, contents: try text(of: path)), isLocale: true)
            }
        }
        return catalog
    }

    /// The composer for a catalog, compiling `locales` (all when nil); a
    /// template or locale that does not compile is a config error (78).
    static func composer(
        _ arguments: ParsedArguments, catalog preloaded: ReplyCatalog? = nil, locales: Set<String>? = nil, kinds: Set<String>? = nil
    ) throws(Failure) -> ReplyComposer {
        let catalog = if let preloaded { preloaded } else { try load(arguments) }
        do {
            return try ReplyComposer(catalog: catalog, locales: locales, kinds: kinds)
        } catch {
            throw Failure(error)
        }
    }

    private static func entries(of directory: String, option: String) throws(Failure) -> [String] {
        guard SystemFiles.isDirectory(directory) else {
            throw Failure(.noInput, "\(directory): \(option) needs a directory: \(SystemFiles.exists(directory) ? "not a directory" : "no such directory")")
        }
        do {
            return try SystemFiles.entries(of: directory)
        } catch {
            throw Failure(.noInput, "\(directory): cannot read: \(error.reason)")
        }
    }

    private static func text(of path: String) throws(Failure) -> String {
        let bytes = try InputFile.bytes(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(.config, "\(path): invalid UTF-8")
        }
        return text
    }
}

extension Failure {
    /// The exit status and lines of a composition error.
    init(_ error: CompositionError) {
        let status: ExitStatus
        switch error.category {
        case .usage: status = .usage
        case .data: status = .dataError
        case .config: status = .config
        }
        self.init(status, error.problems.map(\.description))
    }
}
