/// Where a batch's replies go: files in a folder, one mbox, or stdout.
protocol BatchOutput {
    /// Writes one reply (in input order).
    mutating func write(_ reply: RenderedReply) throws(Failure)
    /// Finishes the output (the mbox appears under its name only now).
    mutating func finish() throws(Failure)
    /// Notes a record that `--resume` skips.
    mutating func skip(_ record: RawRecord, renderer: BatchRenderer)
}

extension BatchOutput {
    mutating func skip(_ record: RawRecord, renderer: BatchRenderer) {}
}

/// `--out-dir DIR`: one file per case, each written whole under a temporary name and renamed.
struct DirectoryOutput: BatchOutput {
    let directory: String
    let fileExtension: String
    let force: Bool
    private var names = SafeFileNames()

    init(directory: String, fileExtension: String, force: Bool) throws(Failure) {
        self.directory = directory
        self.fileExtension = fileExtension
        self.force = force
        do {
            try SystemFiles.makeDirectory(directory)
        } catch {
            throw Failure(.cannotCreate, "\(directory): cannot create: \(error.reason)")
        }
        // mkdir leaves an existing file of that name alone; say so here, not at the first message.
        guard SystemFiles.isDirectory(directory) else { throw Failure(.cannotCreate, "\(directory): cannot create: not a directory") }
    }

    mutating func write(_ reply: RenderedReply) throws(Failure) {
        let name = names.next(caseNumber: reply.caseNumber, kind: reply.kind, extension: fileExtension)
        try OutputFile.write(reply.bytes, to: SystemFiles.join(directory, name), force: force)
    }

    mutating func finish() throws(Failure) {}

    /// Claims the skipped record's name, so the files after it get the names a full run gives them.
    mutating func skip(_ record: RawRecord, renderer: BatchRenderer) {
        guard let parts = renderer.fileNameParts(of: record) else { return }
        _ = names.next(caseNumber: parts.caseNumber, kind: parts.kind, extension: fileExtension)
    }
}

/// `--mbox FILE`: mboxrd, written to a temporary file that is renamed when the batch ends.
struct MboxOutput: BatchOutput {
    private let file: PendingFile
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 20

    init(path: String, force: Bool) throws(Failure) {
        do {
            file = try PendingFile(for: path, overwrite: force)
        } catch {
            throw OutputFile.failure(error, path: path)
        }
        buffer.reserveCapacity(Self.flushSize + (64 << 10))
    }

    mutating func write(_ reply: RenderedReply) throws(Failure) {
        buffer.append(contentsOf: reply.bytes)  // an mboxrd entry (see `BatchRenderer.mbox`)
        if buffer.count >= Self.flushSize { try flush() }
    }

    mutating func finish() throws(Failure) {
        try flush()
        do {
            try file.commit()
        } catch {
            throw OutputFile.failure(error, path: file.path)
        }
    }

    private mutating func flush() throws(Failure) {
        do {
            try file.append(buffer)
        } catch {
            throw OutputFile.failure(error, path: file.path)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// `--format json` without a folder or mbox: JSON Lines on stdout.
struct StreamOutput: BatchOutput {
    let context: CommandContext
    private var buffer: [UInt8] = []

    init(context: CommandContext) {
        self.context = context
    }

    mutating func write(_ reply: RenderedReply) throws(Failure) {
        buffer.append(contentsOf: reply.bytes)
        if buffer.count >= 1 << 20 { try finish() }
    }

    mutating func finish() throws(Failure) {
        try context.writeOut(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
