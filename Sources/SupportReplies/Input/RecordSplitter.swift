/// Cuts a stream of JSON records into single records, for batch runs: JSON
/// Lines, or one JSON array whose elements are the records.
///
/// Bytes arrive in chunks of any size (64 KB reads, say); complete records
/// come out with the line and column they start at, for
/// `JSONReader.parse(_:file:firstLine:firstColumn:)`. Only the record being
/// collected is held, so memory is bounded by the largest record.
///
/// The input is one JSON array when its first byte other than white space
/// (and a byte order mark) is `[`; each top-level element is then a record,
/// found by tracking strings, escapes and bracket depth, and the array's own
/// punctuation is checked here (`file:line:column` errors). Otherwise it is
/// JSON Lines: each line that is not blank is a record, from its first
/// character that is not white space. A record's own syntax is left to
/// `JSONReader`.
public struct RecordSplitter: Sendable {
    /// One record: its bytes and where they start in the input.
    public struct Record: Sendable, Equatable {
        public let bytes: [UInt8]
        public let line: Int
        public let column: Int

        public init(bytes: [UInt8], line: Int, column: Int) {
            self.bytes = bytes
            self.line = line
            self.column = column
        }
    }

    private enum Element: Sendable { case container, string, scalar }

    private enum ArrayPhase: Sendable {
        case expectFirst, expectElement
        case inElement(Element)
        case afterElement, closed
    }

    private enum Mode: Sendable {
        case undecided, lines
        case array(ArrayPhase)
    }

    private let file: String
    private var byteOrderMark = ByteOrderMarkSkipper()
    private var mode = Mode.undecided
    private var records: [Record] = []
    private var current: [UInt8] = []
    private var start = (line: 1, column: 1)
    /// The position of the next byte (in JSON Lines, only between records).
    private var line = 1
    private var column = 1
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var lastComma = (line: 1, column: 1)

    /// A splitter for the input named `file` in errors.
    public init(file: String) {
        self.file = file
    }

    /// Takes the next chunk; returns the records it completed.
    public mutating func read(_ chunk: some Collection<UInt8>) throws(DataError) -> [Record] {
        try withContiguousBytes(chunk) { (buffer: UnsafeBufferPointer<UInt8>) throws(DataError) in
            var index = 0
            while index < buffer.count, !byteOrderMark.isDecided {
                try read(byteOrderMark.take(buffer[index]))
                index += 1
            }
            try readDecided(UnsafeBufferPointer(rebasing: buffer[index...]))
        }
        return takeRecords()
    }

    /// Ends the input; returns the last record, or reports an array that is
    /// not closed.
    public mutating func finish() throws(DataError) -> [Record] {
        try read(byteOrderMark.finish())
        switch mode {
        case .undecided, .array(.closed):
            break
        case .lines:
            if !current.isEmpty { endRecord() }
        case .array(.inElement(.scalar)), .array(.afterElement):
            throw error("unexpected end of input (expected ',' or ']')", at: (line, column))
        case .array(.inElement):
            throw error("unexpected end of input: this element is never closed", at: start)
        case .array(.expectFirst), .array(.expectElement):
            throw error("unexpected end of input (expected a value)", at: (line, column))
        }
        return takeRecords()
    }

    private mutating func takeRecords() -> [Record] {
        defer { records.removeAll(keepingCapacity: true) }
        return records
    }

    /// Reads bytes after the byte order mark question is settled.
    private mutating func readDecided(_ buffer: UnsafeBufferPointer<UInt8>) throws(DataError) {
        var index = 0
        while index < buffer.count {
            switch mode {
            case .undecided:
                let byte = buffer[index]
                if byte == UInt8(ascii: "[") {
                    mode = .array(.expectFirst)
                } else if !isWhitespace(byte) {
                    mode = .lines
                    continue
                }
                advance(over: byte)
                index += 1
            case .lines:
                index = readLines(buffer, from: index)
            case .array(.inElement(let element)):
                index = readElement(element, buffer, from: index)
            case .array(let phase):
                if try readPunctuation(buffer[index], phase) {
                    advance(over: buffer[index])
                    index += 1
                }
            }
        }
    }

    /// JSON Lines: a record runs from the first byte of a line that is not
    /// white space to the end of the line. Returns where reading stopped.
    private mutating func readLines(_ buffer: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        while index < buffer.count {
            if current.isEmpty {
                let byte = buffer[index]
                if isWhitespace(byte) {
                    advance(over: byte)
                    index += 1
                    continue
                }
                start = (line, column)
            }
            var end = index
            while end < buffer.count, buffer[end] != UInt8(ascii: "\n") { end += 1 }
            current.append(contentsOf: buffer[index..<end])
            guard end < buffer.count else { return end }
            endRecord()
            advance(over: buffer[end])
            index = end + 1
        }
        return index
    }

    /// The array's own punctuation: `[ ws [ element *( ws , ws element ) ] ws ] ws`.
    /// Returns false for the first byte of an element, which is left for
    /// `readElement`.
    private mutating func readPunctuation(_ byte: UInt8, _ phase: ArrayPhase) throws(DataError) -> Bool {
        if isWhitespace(byte) { return true }
        switch phase {
        case .expectFirst, .expectElement:
            switch byte {
            case UInt8(ascii: "]"):
                if case .expectElement = phase { throw error("trailing comma before ']'", at: lastComma) }
                mode = .array(.closed)
            case UInt8(ascii: ","):
                throw unexpected(byte, "(expected a value)")
            default:
                (start, depth, inString, escaped) = ((line, column), 0, false, false)
                let element: Element =
                    switch byte {
                    case UInt8(ascii: "{"), UInt8(ascii: "["): .container
                    case UInt8(ascii: "\""): .string
                    default: .scalar
                    }
                mode = .array(.inElement(element))
                return false
            }
        case .afterElement:
            switch byte {
            case UInt8(ascii: ","):
                lastComma = (line, column)
                mode = .array(.expectElement)
            case UInt8(ascii: "]"):
                mode = .array(.closed)
            default:
                throw unexpected(byte, "(expected ',' or ']')")
            }
        case .closed:
            throw unexpected(byte, "after the JSON array")
        case .inElement:
            break
        }
        return true
    }

    /// Collects an element's bytes up to its end or the end of the buffer;
    /// returns where reading stopped. A container or string ends at the byte
    /// that closes it (strings and escapes tracked); a number or literal ends
    /// before white space, `,` or `]`.
    private mutating func readElement(_ element: Element, _ buffer: UnsafeBufferPointer<UInt8>, from first: Int) -> Int
    {
        var index = first
        var (depth, inString, escaped) = (self.depth, self.inString, self.escaped)
        var complete = false
        while index < buffer.count, !complete {
            let byte = buffer[index]
            if element == .scalar {
                if isWhitespace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") {
                    complete = true
                    break
                }
            } else if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                default: break
                }
            }
            advance(over: byte)
            index += 1
            complete = element != .scalar && depth == 0 && !inString
        }
        (self.depth, self.inString, self.escaped) = (depth, inString, escaped)
        current.append(contentsOf: buffer[first..<index])
        if complete {
            endRecord()
            mode = .array(.afterElement)
        }
        return index
    }

    /// Moves the position past `byte`; columns count Unicode scalars.
    private mutating func advance(over byte: UInt8) {
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    /// Reads a few bytes (held back by the byte order mark check).
    private mutating func read(_ bytes: [UInt8]) throws(DataError) {
        try bytes.withUnsafeBufferPointer { buffer throws(DataError) in try readDecided(buffer) }
    }

    private mutating func endRecord() {
        records.append(Record(bytes: current, line: start.line, column: start.column))
        current.removeAll(keepingCapacity: true)
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private func unexpected(_ byte: UInt8, _ context: String) -> DataError {
        let message: String =
            switch byte {
            case 0: "NUL character is not allowed"
            case 0x21...0x7E: "unexpected character '\(Character(Unicode.Scalar(byte)))' \(context)"
            case 0x80...: "unexpected non-ASCII character \(context)"
            default: "unexpected character U+\(hex4(UInt32(byte))) \(context)"
            }
        return error(message, at: (line, column))
    }

    private func error(_ message: String, at position: (line: Int, column: Int)) -> DataError {
        DataError(location: SourceLocation(file: file, line: position.line, column: position.column), message: message)
    }
}
