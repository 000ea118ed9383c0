import SupportReplies
import Testing

@Suite("CSVReader")
struct CSVReaderTests {
    /// Reads `bytes` in chunks of `chunkSize` (all at once when nil).
    static func rows(_ bytes: [UInt8], chunkSize: Int? = nil) throws(DataError) -> [CSVRow] {
        var reader = CSVReader(file: "sheet.csv")
        var rows: [CSVRow] = []
        var start = 0
        repeat {
            let end = min(bytes.count, start + (chunkSize ?? bytes.count))
            rows += try reader.read(bytes[start..<end])
            start = end
        } while start < bytes.count
        return rows + (try reader.finish())
    }

    static func rows(_ text: String) throws(DataError) -> [[String]] {
        try rows(Array(text.utf8)).map(\.fields)
    }

    static let tables: [(String, [[String]])] = [
        ("a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
        ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
        ("a,b\r1,2", [["a", "b"], ["1", "2"]]),
        ("a,b\n1,2", [["a", "b"], ["1", "2"]]),
        ("\u{FEFF}name\n张三\n", [["name"], ["张三"]]),
        ("a,,c\n,\n\"\"\n", [["a", "", "c"], ["", ""], [""]]),
        ("\"x, y\",\"say \"\"hi\"\"\"\n", [["x, y", "say \"hi\""]]),
        ("\"one\ntwo\",\"three\r\nfour\"\r\nnext,row\r\n", [["one\ntwo", "three\nfour"], ["next", "row"]]),
        ("\n\na\n\r\n\nb\n\n", [["a"], ["b"]]),
        ("", []),
    ]

    @Test("reads RFC 4180 rows", arguments: tables)
    func readsRows(_ text: String, _ expected: [[String]]) throws {
        #expect(try Self.rows(text) == expected)
    }

    @Test func rowsKnowTheLineTheyStartOn() throws {
        let text = "h1,h2\n\n\"multi\nline\",x\nlast,y"
        #expect(try Self.rows(Array(text.utf8)).map(\.line) == [1, 3, 5])
    }

    @Test func everyChunkingGivesTheSameRows() throws {
        let bytes = Array("\u{FEFF}name,\"note, quoted\"\r\n张三,\"a \"\"b\"\"\r\nc\"\r\n\r\nlast,x".utf8)
        let whole = try Self.rows(bytes)
        #expect(whole.count == 3)
        for size in 1...bytes.count {
            #expect(try Self.rows(bytes, chunkSize: size) == whole, "chunks of \(size)")
        }
        for cut in 0...bytes.count {
            var reader = CSVReader(file: "sheet.csv")
            let rows = try reader.read(bytes[..<cut]) + reader.read(bytes[cut...]) + reader.finish()
            #expect(rows == whole, "cut at \(cut)")
        }
    }

    static let errors: [(String, [UInt8], Int, Int, String)] = [
        (
            "quote in unquoted field", Array("a,b\nab\"c,d\n".utf8), 2, 3,
            "quote inside an unquoted field (quote the whole field and double the quote)"
        ),
        (
            "text after closing quote", Array("\"ab\"c\n".utf8), 1, 5,
            "unexpected character after a closing quote (expected ',' or a line break)"
        ),
        ("unterminated quoted field", Array("a\nx,\"never\nclosed\n".utf8), 2, 3, "unterminated quoted field"),
        ("invalid UTF-8", Array("名字,x\n张".utf8) + [0xFF], 2, 2, "invalid UTF-8"),
        ("truncated UTF-8 before line break", [0x61, 0x2C, 0xE4, 0xB8, 0x0A], 1, 3, "invalid UTF-8"),
        ("truncated UTF-8 at the end", [0x61, 0x2C, 0xE4, 0xB8], 1, 3, "invalid UTF-8"),
        ("NUL", [0x61, 0x00], 1, 2, "NUL character is not allowed"),
        ("half a byte order mark", [0xEF, 0xBB], 1, 1, "invalid UTF-8"),
    ]

    @Test("malformed CSV is an error with line and column", arguments: errors)
    func reportsErrors(_ name: String, _ bytes: [UInt8], _ line: Int, _ column: Int, _ message: String) {
        for chunkSize in [nil, 1] {
            let error = #expect(throws: DataError.self, "\(name)") { try Self.rows(bytes, chunkSize: chunkSize) }
            #expect(error?.location == SourceLocation(file: "sheet.csv", line: line, column: column), "\(name)")
            #expect(error?.message == message, "\(name)")
        }
    }
}
