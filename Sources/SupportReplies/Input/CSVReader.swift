/// One CSV row: its fields, and the line it starts on (quoted fields may
/// span lines).
public struct CSVRow: Sendable, Equatable {
    public let fields: [String]
    public let line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }
}

/// Reads RFC 4180 CSV from bytes that arrive in chunks, yielding complete
/// rows as they end; memory is bounded by the longest row.
///
/// UTF-8 only, a leading byte order mark skipped. Fields are separated by
/// commas; a field in double quotes may hold commas, line breaks and `""`
/// for a quote. Rows end at CRLF or LF (or a lone CR); a line break inside a
/// quoted field is kept as LF. Blank lines are skipped. Malformed input is
/// an error with `file:line:column`: a quote inside an unquoted field,
/// anything but a comma or line break after a closing quote, an
/// unterminated quoted field, invalid UTF-8, a NUL character.
public struct CSVReader: Sendable {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private let file: String
    private var byteOrderMark = ByteOrderMarkSkipper()
    private var utf8 = UTF8Checker()
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var rows: [CSVRow] = []
    /// The position of the next byte.
    private var line = 1
    private var column = 1
    private var afterCR = false
    private var rowLine: Int?
    private var sequenceColumn = 1
    private var openingQuote = (line: 1, column: 1)

    /// A reader for the text named `file` in errors.
    public init(file: String) {
        self.file = file
    }

    /// Reads the next chunk; returns the rows it completed.
    public mutating func read(_ chunk: some Collection<UInt8>) throws(DataError) -> [CSVRow] {
        try withContiguousBytes(chunk) { (buffer: UnsafeBufferPointer<UInt8>) throws(DataError) in
            for byte in buffer {
                if byteOrderMark.isDecided {
                    try step(byte)
                } else {
                    for byte in byteOrderMark.take(byte) { try step(byte) }
                }
            }
        }
        return takeRows()
    }

    /// Ends the input; returns the last row, if it had no line break.
    public mutating func finish() throws(DataError) -> [CSVRow] {
        for byte in byteOrderMark.finish() { try step(byte) }
        if utf8.isInsideSequence { throw error("invalid UTF-8", line: line, column: sequenceColumn) }
        switch state {
        case .quoted:
            throw error("unterminated quoted field", line: openingQuote.line, column: openingQuote.column)
        case .fieldStart, .unquoted, .quoteInQuoted:
            if rowLine != nil { endRow() }
        }
        return takeRows()
    }

    private mutating func takeRows() -> [CSVRow] {
        defer { rows.removeAll(keepingCapacity: true) }
        return rows
    }

    private mutating func step(_ byte: UInt8) throws(DataError) {
        if !utf8.isInsideSequence { sequenceColumn = column }
        guard utf8.accept(byte) else { throw error("invalid UTF-8", line: line, column: sequenceColumn) }
        guard byte != 0 else { throw error("NUL character is not allowed", line: line, column: column) }
        defer { advance(over: byte) }
        if byte == 0x0A && afterCR { return }
        if rowLine == nil {
            if byte == 0x0A || byte == 0x0D { return }
            rowLine = line
        }
        switch (state, byte) {
        case (.quoted, UInt8(ascii: "\"")):
            state = .quoteInQuoted
        case (.quoted, 0x0A), (.quoted, 0x0D):
            field.append(0x0A)
        case (.quoted, _):
            field.append(byte)
        case (.quoteInQuoted, UInt8(ascii: "\"")):
            field.append(byte)
            state = .quoted
        case (_, UInt8(ascii: ",")):
            endField()
        case (_, 0x0A), (_, 0x0D):
            endRow()
        case (.fieldStart, UInt8(ascii: "\"")):
            openingQuote = (line, column)
            state = .quoted
        case (.unquoted, UInt8(ascii: "\"")):
            throw error(
                "quote inside an unquoted field (quote the whole field and double the quote)", line: line,
                column: column)
        case (.quoteInQuoted, _):
            throw error(
                "unexpected character after a closing quote (expected ',' or a line break)", line: line, column: column)
        case (.fieldStart, _), (.unquoted, _):
            field.append(byte)
            state = .unquoted
        }
    }

    /// Moves the position past `byte`: lines end at LF, CR or CRLF; columns
    /// count Unicode scalars.
    private mutating func advance(over byte: UInt8) {
        if byte == 0x0A && afterCR {
            afterCR = false
        } else if byte == 0x0A || byte == 0x0D {
            line += 1
            column = 1
            afterCR = byte == 0x0D
        } else {
            afterCR = false
            if byte & 0xC0 != 0x80 { column += 1 }
        }
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
    }

    private mutating func endRow() {
        endField()
        rows.append(CSVRow(fields: fields, line: rowLine ?? line))
        fields.removeAll(keepingCapacity: true)
        rowLine = nil
    }

    private func error(_ message: String, line: Int, column: Int) -> DataError {
        DataError(location: SourceLocation(file: file, line: line, column: column), message: message)
    }
}
