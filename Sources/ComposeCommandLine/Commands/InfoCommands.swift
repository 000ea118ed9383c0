import MustacheEngine
import SupportReplies

/// `compose kinds` and `compose fields`: what the catalog offers.
enum InfoCommands {
    static func kinds(_ arguments: ParsedArguments, context: CommandContext) throws(Failure) {
        guard arguments.positionals.isEmpty else { throw .usage("unexpected argument '\(arguments.positionals[0])'") }
        let kinds = try CatalogLoader.composer(arguments).kinds
        let width = (kinds.map(\.kind.count).max() ?? 0) + 2
        let lines = kinds.map { entry in
            entry.kind + String(repeating: " ", count: width - entry.kind.count) + entry.locales.joined(separator: " ")
        }
        try context.writeOut(lines.map { $0 + "\n" }.joined())
    }

    static func fields(_ arguments: ParsedArguments, context: CommandContext) throws(Failure) {
        guard arguments.positionals.count == 1 else { throw .usage("fields takes one KIND") }
        let locale = arguments.value("locale") ?? ReplyComposer.defaultLocale
        let composer = try CatalogLoader.composer(arguments, locales: [locale])
        let fields: TemplateFields
        do {
            fields = try composer.fields(kind: arguments.positionals[0], locale: locale)
        } catch {
            throw Failure(error)
        }
        var text = ""
        for (title, paths) in [("required", fields.required), ("optional", fields.optional), ("lists", fields.lists)] {
            text += title + ":\n" + paths.map { "  " + $0 + "\n" }.joined()
        }
        try context.writeOut(text)
    }
}

/// `compose check KIND`: every problem of a case, one a line, nothing written.
struct CheckCommand {
    let arguments: ParsedArguments
    let context: CommandContext

    func run() throws(Failure) {
        guard arguments.positionals.count == 1 else { throw .usage("check takes one KIND") }
        let format = try ReplyFormat.parse(arguments)
        let input = try CaseInput.load(arguments, environment: context.environment)
        let composer = try CatalogLoader.composer(arguments, locales: [ReplyComposer.locale(option: arguments.value("locale"), data: input.data)])
        let options = try ReplyOptionsReader.options(arguments, environment: context.environment, needsAddresses: format == .mime)
        try SecretReport.report(input, failOnSecrets: arguments.flag("no-secrets"), context: context)
        let errors = composer.problems(kind: arguments.positionals[0], data: input.data, options: options)
        guard let first = errors.first else { return }
        throw Failure(input.located(CompositionError(first.category, errors.flatMap(\.problems))))
    }
}
