import SupportReplies

/// What a command may touch outside itself: the output streams and the environment.
public struct CommandContext {
    public let stdout: any OutputSink
    public let stderr: any OutputSink
    /// The environment variables compose reads (`environmentVariables`), by name.
    public let environment: [String: String]
    /// True when stderr is a terminal (progress lines are shown only then).
    public let stderrIsTerminal: Bool
    /// What `keep(_:_:_:)` was given.
    private let kept = KeptValues()

    public init(stdout: any OutputSink, stderr: any OutputSink, environment: [String: String], stderrIsTerminal: Bool = false) {
        self.stdout = stdout
        self.stderr = stderr
        self.environment = environment
        self.stderrIsTerminal = stderrIsTerminal
    }

    /// The environment variables compose reads; a caller need pass no others.
    public static let environmentVariables = ["COMPOSE_PROFILE", "SOURCE_DATE_EPOCH"]

    /// Writes to stdout; a failed write (a closed pipe, a full disk) is an I/O error (74).
    func writeOut(_ bytes: [UInt8]) throws(Failure) {
        do {
            try stdout.write(bytes)
        } catch {
            throw Failure(.ioError, "<stdout>: write failed: \(error.reason)")
        }
    }

    func writeOut(_ text: String) throws(Failure) {
        try writeOut(Array(text.utf8))
    }

    /// Keeps a one-off reply's values as long as this context. The context
    /// of the process lives until `exit`, so the composer (its compiled
    /// templates, its locale's rules), the case and the reply are not freed
    /// object by object just before the process ends.
    func keep(_ composer: ReplyComposer, _ input: CaseInput, _ reply: ComposedReply) {
        kept.reply = KeptReply(composer: composer, input: input, reply: reply)
    }

    /// One diagnostic line on stderr: `compose: <line>`.
    func warn(_ line: String) {
        try? stderr.write("compose: " + line + "\n")
    }
}

/// The values a context keeps (see `CommandContext.keep(_:_:_:)`).
private final class KeptValues {
    var reply: KeptReply?
}

/// A one-off reply's values, in a class so that keeping them (replacing nil) is one reference.
private final class KeptReply {
    let composer: ReplyComposer
    let input: CaseInput
    let reply: ComposedReply

    init(composer: ReplyComposer, input: CaseInput, reply: ComposedReply) {
        self.composer = composer
        self.input = input
        self.reply = reply
    }
}
