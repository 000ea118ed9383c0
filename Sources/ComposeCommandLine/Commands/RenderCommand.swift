import MustacheEngine
import SupportReplies

/// `compose render TEMPLATE`: one raw Mustache file with JSON data, for
/// template authors. Prints exactly the rendered bytes; `{{> name}}` reads
/// `name.mustache` beside TEMPLATE.
struct RenderCommand {
    let arguments: ParsedArguments
    let context: CommandContext

    func run() throws(Failure) {
        guard arguments.positionals.count == 1 else { throw .usage("render takes one TEMPLATE file") }
        let path = arguments.positionals[0]
        let directory = SystemFiles.parentDirectory(of: path)
        let main = try compile(path)
        var set = TemplateSet([main])
        try addPartials(of: main, from: directory, to: &set)
        let data = try readData()
        let options = arguments.flag("text") ? RenderOptions(escaping: .none, strict: true) : RenderOptions()
        var output: [UInt8] = []
        do {
            try set.render(main.name, data: data, options: options, into: &output)
        } catch {
            let location = "\(file(of: error.templateName, in: directory, main: path)):\(error.line):\(error.column)"
            throw Failure(error.path == nil ? .config : .dataError, "\(location): \(error.message)")
        }
        try context.writeOut(output)
    }

    /// Loads the partials a template names (all siblings when it names them dynamically).
    private func addPartials(of template: Template, from directory: String, to set: inout TemplateSet) throws(Failure) {
        var pending = Array(template.partialNames)
        if template.usesDynamicPartials { pending += siblingNames(in: directory) }
        while let name = pending.popLast() {
            guard set[name] == nil else { continue }
            let file = SystemFiles.join(directory, name + ".mustache")
            guard SystemFiles.exists(file) else { continue }
            let partial = try compile(file)
            set.insert(partial)
            pending += partial.partialNames
            if partial.usesDynamicPartials { pending += siblingNames(in: directory) }
        }
    }

    private func siblingNames(in directory: String) -> [String] {
        ((try? SystemFiles.entries(of: directory)) ?? []).filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(9)) }
    }

    private func compile(_ path: String) throws(Failure) -> Template {
        let bytes = try InputFile.bytes(path)
        guard let source = String(validating: bytes, as: UTF8.self) else { throw Failure(.config, "\(path): invalid UTF-8") }
        var name = SystemFiles.baseName(of: path)
        if name.hasSuffix(".mustache") { name = String(name.dropLast(9)) }
        do {
            return try Template(name: name, source: source)
        } catch {
            throw Failure(.config, "\(path):\(error.line):\(error.column): \(error.message)")
        }
    }

    private func readData() throws(Failure) -> TemplateValue {
        guard let path = arguments.value("data") else { return .object(TemplateObject()) }
        let bytes = try InputFile.bytes(path)
        do {
            return try JSONReader.parse(bytes, file: InputFile.displayName(path))
        } catch {
            throw Failure(.dataError, error.description)
        }
    }

    private func file(of templateName: String, in directory: String, main: String) -> String {
        templateName == SystemFiles.baseName(of: main).replacingOccurrences(suffix: ".mustache") ? main : SystemFiles.join(directory, templateName + ".mustache")
    }
}

extension String {
    /// The text without a given ending, when it has it.
    func replacingOccurrences(suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
