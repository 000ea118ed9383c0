/// What a command may touch outside itself: the output streams and the environment.
public struct CommandContext {
    public let stdout: any OutputSink
    public let stderr: any OutputSink
    /// The environment variables compose reads (`environmentVariables`), by name.
    public let environment: [String: String]
    /// True when stderr is a terminal (progress lines are shown only then).
    public let stderrIsTerminal: Bool

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

    /// One diagnostic line on stderr: `compose: <line>`.
    func warn(_ line: String) {
        try? stderr.write("compose: " + line + "\n")
    }
}
