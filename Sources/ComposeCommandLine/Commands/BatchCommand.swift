#if canImport(Glibc)
import Glibc
#endif
import MustacheEngine
import SupportReplies

/// `compose batch`: many cases in, many replies out. It streams: records
/// are read and rendered a block at a time, so memory does not grow with
/// the batch; blocks render on `--jobs` threads and are written in input
/// order, so the output bytes do not depend on the number of threads.
struct BatchCommand {
    let arguments: ParsedArguments
    let context: CommandContext

    func run() throws(Failure) {
        guard arguments.positionals.isEmpty else { throw .usage("unexpected argument '\(arguments.positionals[0])'") }
        Self.keepFreedMemory()
        let format = try outputFormat()
        let first = try makeRenderer(format: format, reportingSecrets: true)
        let limits = try BatchLimits(arguments)
        // Each worker renders with its own composer and profile: objects the
        // workers shared had their reference counts bounce between the cores
        // on every retain (about a tenth of the batch's CPU time on 2 cores).
        var renderers = [first]
        for _ in 1..<limits.jobs { renderers.append(try makeRenderer(format: format, reportingSecrets: false)) }
        let composer = first.composer
        var input = try BatchInput(path: arguments.value("input") ?? "-", format: arguments.value("input-format"), composer: composer, defaultKind: arguments.value("kind"))
        var output = try makeOutput(format: format)
        var progress = BatchProgress(context: context, totalBytes: input.totalBytes)
        let inputProblem = try process(&input, renderers: renderers, limits: limits, output: &output, progress: &progress)
        try output.finish()
        progress.finish()
        if progress.failed > 0 { throw Failure(inputProblem ?? .dataError, []) }
    }

    /// A renderer with a composer, profile and attachments of its own, read
    /// afresh (so that it shares no objects with another worker's renderer).
    private func makeRenderer(format: ReplyFormat, reportingSecrets: Bool) throws(Failure) -> BatchRenderer {
        let composer = try CatalogLoader.composer(arguments)
        let profilePath = arguments.value("profile") ?? context.environment["COMPOSE_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
        let profile = try profilePath.map { path throws(Failure) in try InputFile.object(path) }
        if reportingSecrets, let profile { try reportSecrets(in: profile) }
        let options = try ReplyOptionsReader.options(arguments, environment: context.environment, needsAddresses: format == .mime)
        return BatchRenderer(
            composer: composer,
            profile: profile?.value,
            profileFacts: profile.flatMap { composer.profileFacts($0.value, options: options) },
            defaultKind: arguments.value("kind"),
            options: options,
            format: format, mbox: arguments.value("mbox") != nil, html: arguments.flag("html"),
            attachments: try ReplyCommand.readAttachments(arguments.all("attach")),
            failOnSecrets: arguments.flag("no-secrets"),
            inputName: InputFile.displayName(arguments.value("input") ?? "-"))
    }

    /// Every record allocates and frees a reply's worth of buffers on each
    /// worker thread. By default glibc hands the top of a thread's heap back
    /// to the kernel and then faults it in again for the next record (three
    /// times the page faults, ~1,400 mprotect calls per 20,000 records). The
    /// batch's memory is flat, so it keeps what it frees instead.
    /// (`mallopt` is looked up at run time: Glibc's Swift module leaves out
    /// malloc.h. M_TRIM_THRESHOLD is -1 and M_TOP_PAD -2, as mallopt(3) gives.)
    private static func keepFreedMemory() {
        typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
        _ = mallopt(-1, 256 << 20)  // M_TRIM_THRESHOLD: keep up to 256 MB of freed heap
        _ = mallopt(-2, 16 << 20)  // M_TOP_PAD: grow each heap 16 MB at a time
    }

    /// The profile's secrets, once for the whole batch (as `compose` reports
    /// a case's), rather than again under every record.
    private func reportSecrets(in profile: InputFile) throws(Failure) {
        let lines = SecretFinder.findings(in: profile.value).map { finding in
            let location = profile.locate(finding.path)?.location.description ?? profile.name
            return "\(location): \(finding.path): looks like a secret (\(finding.reason))"
        }
        guard !lines.isEmpty else { return }
        if arguments.flag("no-secrets") { throw Failure(.dataError, lines.map { $0 + "; refused by --no-secrets" }) }
        for line in lines { context.warn(line + "; check before sending, or use --no-secrets to refuse") }
    }

    /// Renders and writes the records in order until the input ends or a bad
    /// record stops the batch. An input that cannot be read on (bad CSV
    /// quoting, a broken array) ends it after the records before the problem
    /// are written, whatever the block size; its exit status is returned.
    ///
    /// Blocks overlap: while one renders on the worker threads, this thread
    /// reads the next and writes the one before.
    private func process(
        _ input: inout BatchInput, renderers: [BatchRenderer], limits: BatchLimits,
        output: inout any BatchOutput, progress: inout BatchProgress
    ) throws(Failure) -> ExitStatus? {
        var taken = 0
        var previous: RenderingBlock?
        while true {
            var block: [RawRecord] = []
            var inputProblem: Failure?
            do throws(Failure) {
                while block.count < limits.blockSize, taken < limits.limit, let record = try input.next() {
                    guard record.ordinal >= limits.firstRecord else {
                        output.skip(record, renderer: renderers[0])
                        continue
                    }
                    block.append(record)
                    taken += 1
                }
            } catch {
                inputProblem = error
            }
            // The block before is finished before this one starts, so no more
            // than `--jobs` threads render at once (and allocate from as many
            // malloc arenas: overlapping blocks took 30% more memory).
            let finished = previous?.results()
            let current = BatchRenderer.start(block, on: renderers)
            for results in [finished, inputProblem == nil ? nil : current.results()].compactMap({ $0 }) {
                guard try write(results, to: &output, progress: &progress) else {
                    _ = current.results()  // let the workers finish before returning
                    return nil
                }
            }
            progress.update(bytesRead: input.bytesRead)
            if let inputProblem {
                for line in inputProblem.lines { context.warn(line) }
                progress.failed += 1
                return inputProblem.status
            }
            if block.isEmpty { return nil }
            previous = current
        }
    }

    /// Writes a block's replies and reports its failures; false when a
    /// failure stops the batch (no `--keep-going`).
    private func write(
        _ results: [RenderedRecord], to output: inout any BatchOutput, progress: inout BatchProgress
    ) throws(Failure) -> Bool {
        for result in results {
            switch result {
            case .reply(let reply):
                for warning in reply.warnings { context.warn(warning) }
                try output.write(reply)
                progress.rendered += 1
            case .failed(_, let problems):
                for problem in problems { context.warn(problem) }
                progress.failed += 1
                if !arguments.flag("keep-going") { return false }
            }
        }
        return true
    }

    private func outputFormat() throws(Failure) -> ReplyFormat {
        let named = arguments.value("format")
        if arguments.value("mbox") != nil {
            if let named, named != "mime" { throw .usage("--mbox writes MIME messages; --format \(named) does not fit") }
            if arguments.value("out-dir") != nil { throw .usage("give --out-dir or --mbox, not both") }
        }
        let format = try ReplyFormat.parse(arguments, default: arguments.value("out-dir") != nil || arguments.value("mbox") != nil ? .mime : .json)
        if arguments.value("out-dir") == nil && arguments.value("mbox") == nil && format != .json {
            throw .usage("batch needs --out-dir DIR, --mbox FILE, or --format json (JSON Lines on stdout)")
        }
        return format
    }

    private func makeOutput(format: ReplyFormat) throws(Failure) -> any BatchOutput {
        let force = arguments.flag("force")
        if let directory = arguments.value("out-dir") {
            let ext = ["mime": "eml", "text": "txt", "json": "json"][format.rawValue]!
            return try DirectoryOutput(directory: directory, fileExtension: ext, force: force)
        }
        if let path = arguments.value("mbox") { return try MboxOutput(path: path, force: force) }
        return StreamOutput(context: context)
    }
}

/// `--jobs`, `--limit`, `--resume`, checked.
struct BatchLimits {
    let jobs: Int
    let limit: Int
    let firstRecord: Int
    var blockSize: Int { 128 * jobs }

    init(_ arguments: ParsedArguments) throws(Failure) {
        jobs = try Self.count(arguments, "jobs", default: max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        limit = try Self.count(arguments, "limit", default: Int.max)
        firstRecord = try Self.count(arguments, "resume", default: 1)
    }

    private static func count(_ arguments: ParsedArguments, _ name: String, default fallback: Int) throws(Failure) -> Int {
        guard let text = arguments.value(name) else { return fallback }
        guard let value = Int(text), value >= 1 else { throw .usage("--\(name) takes a whole number of at least 1, not '\(text)'") }
        return value
    }
}

/// The summary line, and on a terminal a live progress line with rate and ETA.
struct BatchProgress {
    let context: CommandContext
    let totalBytes: Int?
    var rendered = 0
    var failed = 0
    private let start = BatchProgress.now()
    private var lastShown = 0.0

    init(context: CommandContext, totalBytes: Int?) {
        self.context = context
        self.totalBytes = totalBytes
    }

    mutating func update(bytesRead: Int) {
        guard context.stderrIsTerminal else { return }
        let elapsed = Self.now() - start
        guard elapsed - lastShown >= 0.2 else { return }
        lastShown = elapsed
        let done = rendered + failed
        var line = "compose: \(Self.grouped(done)) records, \(Self.grouped(Int(Double(done) / max(elapsed, 0.001))))/s"
        if let totalBytes, totalBytes > 0, bytesRead > 0 {
            let fraction = Double(bytesRead) / Double(totalBytes)
            line += ", \(Int(fraction * 100))%, ETA \(Int(elapsed / fraction - elapsed)) s"
        }
        try? context.stderr.write("\r" + line + "\u{1B}[K")
    }

    func finish() {
        if context.stderrIsTerminal { try? context.stderr.write("\r\u{1B}[K") }
        let seconds = Self.now() - start
        let tenths = Int((seconds * 10).rounded())
        context.warn("rendered \(Self.grouped(rendered)), failed \(Self.grouped(failed)), \(tenths / 10).\(tenths % 10) s")
    }

    /// 99998 → "99,998".
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
