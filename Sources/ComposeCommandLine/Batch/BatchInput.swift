#if canImport(Glibc)
import Glibc
#endif
import MustacheEngine
import SupportReplies

/// Reads batch records from a file or stdin in 64 KB chunks: JSON Lines,
/// one JSON array, or CSV with a header row. Only the records not yet
/// handed out are held, so memory does not grow with the input.
struct BatchInput {
    /// The input's size when it is a regular file (for the progress line's ETA).
    let totalBytes: Int?
    private(set) var bytesRead = 0
    private let descriptor: Int32
    private let name: String
    private var decoder: Decoder
    private var queue: [RawRecord] = []
    private var queueIndex = 0
    private var ordinal = 0
    private var atEnd = false
    private var pendingFailure: Failure?

    private enum Decoder {
        case json(RecordSplitter)
        case csv(CSVReader, builder: CSVRecordBuilder?, listPaths: Set<String>)
    }

    init(path: String, format: String?, composer: ReplyComposer, defaultKind: String?) throws(Failure) {
        name = InputFile.displayName(path)
        let kind = format ?? (path.lowercased().hasSuffix(".csv") ? "csv" : "jsonl")
        switch kind {
        case "jsonl", "json": decoder = .json(RecordSplitter(file: name))
        case "csv": decoder = .csv(CSVReader(file: name), builder: nil, listPaths: Self.listPaths(composer))
        default: throw .usage("unknown input format '\(kind)' (jsonl, json or csv)")
        }
        if path == "-" {
            descriptor = STDIN_FILENO
            totalBytes = nil
        } else {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw Failure(.noInput, "\(path): cannot read: \(SystemFiles.lastFailure().reason)") }
            var status = stat()
            guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else {
                close(descriptor)
                throw Failure(.noInput, "\(path): cannot read: is a directory")
            }
            totalBytes = (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
        }
    }

    /// Every path that some kind iterates as a list: such CSV columns are split on `;`.
    private static func listPaths(_ composer: ReplyComposer) -> Set<String> {
        var paths: Set<String> = []
        for entry in composer.kinds {
            for locale in entry.locales {
                paths.formUnion((try? composer.fields(kind: entry.kind, locale: locale))?.lists ?? [])
            }
        }
        return paths
    }

    /// The next record, or nil at the end of the input. A framing error (an
    /// unclosed array, bad CSV quoting) ends the batch: 65 naming its
    /// position, thrown once every record before it has been handed out.
    mutating func next() throws(Failure) -> RawRecord? {
        while queueIndex == queue.count {
            if let failure = pendingFailure {
                pendingFailure = nil
                throw failure
            }
            if atEnd { return nil }
            queue.removeAll(keepingCapacity: true)
            queueIndex = 0
            fill()
        }
        defer { queueIndex += 1 }
        return queue[queueIndex]
    }

    private mutating func fill() {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var count: Int
        repeat {
            count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else {
            end(Failure(.noInput, "\(name): read failed: \(SystemFiles.lastFailure().reason)"))
            return
        }
        bytesRead += count
        do {
            try decode(count == 0 ? nil : chunk[0..<count])
            if count == 0 { end(nil) }
        } catch {
            end(Failure(.dataError, error.description))
        }
    }

    /// Stops reading; `failure` is thrown after the records already queued.
    private mutating func end(_ failure: Failure?) {
        atEnd = true
        pendingFailure = failure
        if descriptor != STDIN_FILENO { close(descriptor) }
    }

    /// Feeds a chunk (nil at the end) to the decoder and queues the records it
    /// completes. The chunk goes in a line at a time, so that a framing error
    /// loses no record that ended on an earlier line.
    private mutating func decode(_ chunk: ArraySlice<UInt8>?) throws(DataError) {
        switch decoder {
        case .json(var splitter):
            defer { decoder = .json(splitter) }
            guard let chunk else { return enqueue(try splitter.finish()) }
            for line in Self.lines(of: chunk) { enqueue(try splitter.read(line)) }
        case .csv(var reader, var builder, let listPaths):
            defer { decoder = .csv(reader, builder: builder, listPaths: listPaths) }
            guard let chunk else { return enqueue(try reader.finish(), builder: &builder, listPaths: listPaths) }
            for line in Self.lines(of: chunk) { enqueue(try reader.read(line), builder: &builder, listPaths: listPaths) }
        }
    }

    /// The chunk cut after each line feed (found with memchr: the chunk is
    /// most of the main thread's reading).
    private static func lines(of chunk: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        chunk.withUnsafeBufferPointer { bytes in
            var lines: [ArraySlice<UInt8>] = []
            var start = 0
            while start < bytes.count {
                let lineFeed = memchr(bytes.baseAddress! + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
                let end = lineFeed.map { bytes.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) + 1 } ?? bytes.count
                lines.append(chunk[chunk.startIndex + start..<chunk.startIndex + end])
                start = end
            }
            return lines
        }
    }

    private mutating func enqueue(_ records: [RecordSplitter.Record]) {
        for record in records { enqueue(line: record.line, .json(record.bytes, column: record.column)) }
    }

    /// Queues CSV rows as records; the first row is the header.
    private mutating func enqueue(_ rows: [CSVRow], builder: inout CSVRecordBuilder?, listPaths: Set<String>) {
        for row in rows {
            guard let current = builder else {
                builder = CSVRecordBuilder(header: row.fields, file: name, headerLine: row.line)
                continue
            }
            do {
                let value = try current.record(row.fields, line: row.line) { listPaths.contains($0.description) }
                enqueue(line: row.line, .value(value))
            } catch {
                enqueue(line: row.line, .invalid(error.description))
            }
        }
    }

    private mutating func enqueue(line: Int, _ payload: RawRecord.Payload) {
        ordinal += 1
        queue.append(RawRecord(ordinal: ordinal, line: line, payload: payload))
    }
}
