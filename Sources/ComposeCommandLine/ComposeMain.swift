/// Entry point of the command-line tool, kept in a library so tests can call it.
public enum ComposeMain {
    /// Runs `compose` with `arguments` (without the program name) and returns the exit status.
    public static func run(arguments: [String], context: CommandContext) -> ExitStatus {
        do {
            try dispatch(arguments, context: context)
            return .success
        } catch {
            for line in error.lines { context.warn(line) }
            return error.status
        }
    }

    private static func dispatch(_ arguments: [String], context: CommandContext) throws(Failure) {
        guard let first = arguments.first else {
            try? context.stderr.write(HelpText.overview(kinds: builtInKinds()))
            throw Failure(.usage, "no command given")
        }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "--help", "-h", "help":
            try context.writeOut(HelpText.overview(kinds: builtInKinds()))
        case "--version":
            try context.writeOut(HelpText.version + "\n")
        case "batch":
            try run(CommandTable.batch, rest, context) { parsed throws(Failure) in try BatchCommand(arguments: parsed, context: context).run() }
        case "kinds":
            try run(CommandTable.kinds, rest, context) { parsed throws(Failure) in try InfoCommands.kinds(parsed, context: context) }
        case "fields":
            try run(CommandTable.fields, rest, context) { parsed throws(Failure) in try InfoCommands.fields(parsed, context: context) }
        case "check":
            try run(CommandTable.check, rest, context) { parsed throws(Failure) in try CheckCommand(arguments: parsed, context: context).run() }
        case "render":
            try run(CommandTable.render, rest, context) { parsed throws(Failure) in try RenderCommand(arguments: parsed, context: context).run() }
        default:
            guard !first.hasPrefix("-") else { throw .usage("unknown option '\(first)'") }
            try run(CommandTable.reply, rest, context) { parsed throws(Failure) in
                guard parsed.positionals.isEmpty else { throw .usage("unexpected argument '\(parsed.positionals[0])'") }
                try ReplyCommand(kind: first, arguments: parsed, context: context).run()
            }
        }
    }

    /// Parses a command's arguments, answers `--help`, and runs it.
    private static func run(
        _ spec: CommandSpec, _ arguments: [String], _ context: CommandContext,
        _ body: (ParsedArguments) throws(Failure) -> Void
    ) throws(Failure) {
        let parsed = try ParsedArguments.parse(ArgumentSplitter.split(arguments), for: spec)
        if parsed.flag("help") {
            try context.writeOut(HelpText.command(spec))
            return
        }
        try body(parsed)
    }

    private static func builtInKinds() -> [String] {
        (try? CatalogLoader.composer(ParsedArguments()))?.kinds.map(\.kind) ?? []
    }
}
