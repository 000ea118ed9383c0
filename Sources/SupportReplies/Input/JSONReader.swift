public import MustacheEngine

/// Reads JSON text into `TemplateValue`s, strictly (RFC 8259), with errors
/// that say `file:line:column` and the JSON path.
///
/// Beyond the grammar it rejects what would only cause trouble later:
/// invalid UTF-8, NUL characters (raw or `\u0000`), unpaired surrogate
/// escapes, duplicate keys, and nesting deeper than 256 levels. Numbers keep
/// their literal text. A leading UTF-8 byte order mark is skipped.
public enum JSONReader {
    /// Parses one JSON text.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 bytes; a leading byte order mark is skipped.
    ///   - file: the name the text goes by in errors (`case.json`, `<stdin>`).
    ///   - firstLine: the line the text starts on, for records cut out of a
    ///     larger file (JSON Lines).
    ///   - firstColumn: the column the text starts at on `firstLine`.
    /// - Throws: `DataError` with the location of the offending byte and the
    ///   path of the value it is in, when that is not the root.
    @inlinable
    public static func parse(
        _ bytes: some Collection<UInt8>, file: String, firstLine: Int = 1, firstColumn: Int = 1
    ) throws(DataError) -> TemplateValue {
        // Inlined into the caller, so that an array's bytes are reached without its generic metadata.
        try withContiguousBytes(bytes) { (buffer) throws(DataError) in
            try parse(contiguous: buffer, file: file, firstLine: firstLine, firstColumn: firstColumn)
        }
    }

    /// `parse(_:file:firstLine:firstColumn:)` on bytes in one buffer.
    @usableFromInline
    static func parse(
        contiguous bytes: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int, firstColumn: Int
    ) throws(DataError) -> TemplateValue {
        let position = TextPosition(file: file, firstLine: firstLine, firstColumn: firstColumn)
        return try withText(bytes) { (text) throws(DataError) in
            var parser = JSONParser(text)
            do throws(JSONSyntaxError) {
                return try parser.parseDocument()
            } catch {
                throw error.dataError(in: text, position: position)
            }
        }
    }

    /// Where the value at `path` is written in a JSON text: the location of
    /// its first character. For a path that is not there, the location of
    /// the deepest ancestor that is, and which path that is (`found`).
    ///
    /// Meant for error messages about valid documents, so it re-reads the
    /// text and costs nothing until asked; `nil` when the text is not valid
    /// JSON up to the value.
    public static func locate(
        _ path: JSONPath, in bytes: some Collection<UInt8>, file: String, firstLine: Int = 1, firstColumn: Int = 1
    ) -> (location: SourceLocation, found: JSONPath)? {
        let position = TextPosition(file: file, firstLine: firstLine, firstColumn: firstColumn)
        return withText(bytes) { text in
            var parser = JSONParser(text)
            guard let (offset, found) = parser.seek(path) else { return nil }
            return (position.location(of: offset, in: text), found)
        }
    }

    /// Runs `body` on the bytes after any byte order mark, copying them only
    /// when the collection is not contiguous.
    private static func withText<Result, Failure: Error>(
        _ bytes: some Collection<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withContiguousBytes(bytes) { (buffer) throws(Failure) in
            try body(UnsafeBufferPointer(rebasing: buffer[ByteOrderMark.length(at: buffer)...]))
        }
    }
}
