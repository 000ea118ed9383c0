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
        for entry in composer.catalog.kinds {
            for locale in entry.locales {
                paths.formUnion((try? composer.fields(kind: entry.kind, locale: locale))?.lists ?? [])
            }
        }
        return paths
    }

    /// The next record, or nil at the end of the input. A framing error (an
    /// unclosed array, bad CSV quoting) ends the batch: 65 naming its position.
    mutating func next() throws(Failure) -> RawRecord? {
        while queueIndex == queue.count {
            if atEnd { return nil }
            queue.removeAll(keepingCapacity: true)
            queueIndex = 0
            try fill()
        }
        defer { queueIndex += 1 }
        return queue[queueIndex]
    }

    private mutating func fill() throws(Failure) {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var count: Int
        repeat {
            count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else { throw Failure(.noInput, "\(name): read failed: \(SystemFiles.lastFailure().reason)") }
        bytesRead += count
        do {
            if count == 0 {
                atEnd = true
                if descriptor != STDIN_FILENO { close(descriptor) }
                try decode(nil)
            } else {
                try decode(chunk[0..<count])
            }
        } catch {
            throw Failure(.dataError, error.description)
        }
    }

    /// Feeds a chunk (nil at the end) to the decoder and queues the records it completes.
    private mutating func decode(_ chunk: ArraySlice<UInt8>?) throws(DataError) {
        switch decoder {
        case .json(var splitter):
            let records = if let chunk { try splitter.read(chunk) } else { try splitter.finish() }
            decoder = .json(splitter)
            for record in records { enqueue(line: record.line, .json(record.bytes, column: record.column)) }
        case .csv(var reader, var builder, let listPaths):
            let rows = if let chunk { try reader.read(chunk) } else { try reader.finish() }
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
            decoder = .csv(reader, builder: builder, listPaths: listPaths)
        }
    }

    private mutating func enqueue(line: Int, _ payload: RawRecord.Payload) {
        ordinal += 1
        queue.append(RawRecord(ordinal: ordinal, line: line, payload: payload))
    }
}
