/// A whole CSV text read at once: the header row and the data rows.
///
/// For inputs that fit in memory; read large ones row by row with
/// `CSVReader` and `CSVRecordBuilder`.
public struct CSVTable: Sendable, Equatable {
    /// The first row: the field names.
    public let header: CSVRow
    /// The rows after the header.
    public let rows: [CSVRow]

    /// Reads `bytes`, named `file` in errors; the text must have a header row.
    public init(_ bytes: some Collection<UInt8>, file: String) throws(DataError) {
        var reader = CSVReader(file: file)
        var all = try reader.read(bytes)
        all += try reader.finish()
        guard let header = all.first else {
            throw DataError(
                location: SourceLocation(file: file, line: 1, column: 1), message: "empty input: expected a header row")
        }
        self.header = header
        self.rows = Array(all.dropFirst())
    }

    /// A record builder for this table's header.
    public func recordBuilder(file: String) -> CSVRecordBuilder {
        CSVRecordBuilder(header: header.fields, file: file, headerLine: header.line)
    }
}
