import MIMEWriter
import MustacheEngine
import SupportReplies

/// The output formats of a reply.
enum ReplyFormat: String {
    case text, mime, json

    static func parse(_ arguments: ParsedArguments, default fallback: ReplyFormat = .text) throws(Failure) -> ReplyFormat {
        let name = arguments.value("format") ?? fallback.rawValue
        guard let format = ReplyFormat(rawValue: name) else {
            throw .usage("unknown format '\(name)' (text, mime or json)")
        }
        if format != .mime {
            if arguments.flag("html") { throw .usage("--html needs --format mime") }
            if !arguments.all("attach").isEmpty { throw .usage("--attach needs --format mime") }
        }
        return format
    }

    /// The reply's bytes in this format. JSON is one object, pretty-printed
    /// for a single reply and on one line for a batch's JSON Lines.
    func encode(_ reply: ComposedReply, attachments: [MailAttachment], html: Bool, prettyJSON: Bool) throws(CompositionError) -> [UInt8] {
        switch self {
        case .text:
            return Array(reply.body.utf8)
        case .json:
            var bytes: [UInt8] = []
            JSONWriter.write(reply.json, pretty: prettyJSON, into: &bytes)
            bytes.append(UInt8(ascii: "\n"))
            return bytes
        case .mime:
            return try reply.mimeBytes(attachments: attachments, html: html)
        }
    }
}

/// `compose KIND`: one case in, one reply out.
struct ReplyCommand {
    let kind: String
    let arguments: ParsedArguments
    let context: CommandContext

    func run() throws(Failure) {
        let format = try ReplyFormat.parse(arguments)
        let catalog = try CatalogLoader.load(arguments)
        // A mistyped kind is reported at once, not after waiting for a case on stdin.
        guard catalog.hasTemplate(named: kind) else {
            throw Failure(try CatalogLoader.composer(arguments, catalog: catalog).unknownKindError(kind))
        }
        let input = try CaseInput.load(arguments, environment: context.environment)
        let composer = try CatalogLoader.composer(
            arguments, catalog: catalog, locales: [ReplyComposer.locale(option: arguments.value("locale"), data: input.data)], kinds: [kind])
        let options = try ReplyOptionsReader.options(arguments, environment: context.environment, needsAddresses: format == .mime)
        try SecretReport.report(input, failOnSecrets: arguments.flag("no-secrets"), context: context)
        let attachments = try Self.readAttachments(arguments.all("attach"))
        let reply: ComposedReply
        do {
            reply = try composer.compose(kind: kind, data: input.data, options: options)
        } catch {
            throw Failure(input.located(error))
        }
        context.keep(composer, input, reply)
        let bytes = try encode(reply, format: format, attachments: attachments, input: input)
        if let path = arguments.value("output") {
            try OutputFile.write(bytes, to: path, force: arguments.flag("force"))
        } else {
            try context.writeOut(bytes)
        }
    }

    private func encode(_ reply: ComposedReply, format: ReplyFormat, attachments: [MailAttachment], input: CaseInput) throws(Failure) -> [UInt8] {
        do {
            return try format.encode(reply, attachments: attachments, html: arguments.flag("html"), prettyJSON: true)
        } catch {
            throw Failure(input.located(error))
        }
    }

    /// Every `--attach` file, read once; unreadable → 66 naming it, before anything is written.
    static func readAttachments(_ paths: [String]) throws(Failure) -> [MailAttachment] {
        var attachments: [MailAttachment] = []
        for path in paths {
            attachments.append(MailAttachment(filename: SystemFiles.baseName(of: path), data: try InputFile.bytes(path)))
        }
        return attachments
    }
}

/// Turns `--locale`, `--date` and the environment into composition options.
enum ReplyOptionsReader {
    static func options(_ arguments: ParsedArguments, environment: [String: String], needsAddresses: Bool) throws(Failure) -> ReplyOptions {
        let moment: (epochSeconds: Int64, utcOffsetMinutes: Int)
        do {
            moment = try SendTime.resolve(dateOption: arguments.value("date"), sourceDateEpoch: environment["SOURCE_DATE_EPOCH"])
        } catch {
            throw .usage("\(error)")
        }
        return ReplyOptions(
            locale: arguments.value("locale"), sendEpochSeconds: moment.epochSeconds,
            sendUTCOffsetMinutes: moment.utcOffsetMinutes, needsAddresses: needsAddresses)
    }
}

/// Password- and token-like values: warnings on stderr, or errors with `--no-secrets`.
enum SecretReport {
    static func report(_ input: CaseInput, failOnSecrets: Bool, context: CommandContext) throws(Failure) {
        let lines = SecretFinder.findings(in: input.data).map { finding in
            input.located(CompositionError.Problem(path: finding.path, message: "looks like a secret (\(finding.reason))")).description
        }
        guard !lines.isEmpty else { return }
        if failOnSecrets { throw Failure(.dataError, lines.map { $0 + "; refused by --no-secrets" }) }
        for line in lines { context.warn(line + "; check before sending, or use --no-secrets to refuse") }
    }
}

/// `-o FILE`: written whole or not at all, never over an existing file without `--force`.
enum OutputFile {
    static func write(_ bytes: [UInt8], to path: String, force: Bool) throws(Failure) {
        do {
            try AtomicOutput.write(bytes, to: path, overwrite: force)
        } catch {
            throw failure(error, path: path)
        }
    }

    /// The exit status and message of an output problem.
    static func failure(_ problem: AtomicOutput.Problem, path: String) -> Failure {
        switch problem {
        case .exists: return Failure(.cannotCreate, "\(path): already exists (use --force to overwrite)")
        case .cannotCreate(let reason): return Failure(.cannotCreate, "\(path): cannot create: \(reason)")
        case .writeFailed(let reason): return Failure(.ioError, "\(path): write failed: \(reason)")
        }
    }
}
