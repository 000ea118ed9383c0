import MustacheEngine
import SupportReplies
import Testing

@Suite("RecordSplitter")
struct RecordSplitterTests {
    typealias Record = RecordSplitter.Record

    static func split(_ bytes: [UInt8], cuts: [Int] = []) throws(DataError) -> [Record] {
        var splitter = RecordSplitter(file: "cases.jsonl")
        var records: [Record] = []
        var start = 0
        for end in cuts + [bytes.count] {
            records += try splitter.read(bytes[start..<end])
            start = end
        }
        return records + (try splitter.finish())
    }

    static func record(_ text: String, _ line: Int, _ column: Int) -> Record {
        Record(bytes: Array(text.utf8), line: line, column: column)
    }

    static let jsonLines = Array("{\"a\":1}\r\n\r\n   {\"b\":\"[\"}\n \t \n{\"c\":3}".utf8)

    @Test func jsonLinesGiveOneRecordPerLineThatIsNotBlank() throws {
        #expect(
            try Self.split(Self.jsonLines) == [
                Self.record("{\"a\":1}\r", 1, 1), Self.record("{\"b\":\"[\"}", 3, 4), Self.record("{\"c\":3}", 5, 1),
            ])
    }

    static let array = Array(
        """
        \u{FEFF}[
          {"a": "x]}\\"{"},
          {"b": [1, {"c": 2}]} ,"str\\\\\\"ing", 12.5e3,true ,null,
          [], "中文"
        ]

        """.utf8)

    @Test func anArrayGivesOneRecordPerElement() throws {
        let records = try Self.split(Self.array)
        #expect(
            records == [
                Self.record(#"{"a": "x]}\"{"}"#, 2, 3), Self.record(#"{"b": [1, {"c": 2}]}"#, 3, 3),
                Self.record(#""str\\\"ing""#, 3, 25), Self.record("12.5e3", 3, 39), Self.record("true", 3, 46),
                Self.record("null", 3, 52), Self.record("[]", 4, 3), Self.record("\"中文\"", 4, 7),
            ])
        let values = try records.map { (record: Record) throws(DataError) in
            try JSONReader.parse(record.bytes, file: "f", firstLine: record.line, firstColumn: record.column)
        }
        #expect(values[0] == ["a": "x]}\"{"])
        #expect(values[2] == "str\\\"ing")
        #expect(values[3] == .number("12.5e3"))
        #expect(values[7] == "中文")
    }

    @Test func everyChunkBoundaryGivesTheSameRecords() throws {
        for input in [Self.jsonLines, Self.array] {
            let whole = try Self.split(input)
            for cut in 0...input.count {
                #expect(try Self.split(input, cuts: [cut]) == whole, "cut at \(cut)")
            }
            #expect(try Self.split(input, cuts: Array(0...input.count)) == whole, "one byte at a time")
        }
    }

    @Test func recordsKeepTheirPlaceForErrors() throws {
        let input = Array("[\n  {\"ok\": 1},\n  {\"case\": x}\n]".utf8)
        let bad = try Self.split(input)[1]
        let error = #expect(throws: DataError.self) {
            try JSONReader.parse(bad.bytes, file: "cases.json", firstLine: bad.line, firstColumn: bad.column)
        }
        #expect(error?.description == "cases.json:3:12: case: unexpected character 'x' (expected a value)")
    }

    @Test func emptyInputsHaveNoRecords() throws {
        #expect(try Self.split([]).isEmpty)
        #expect(try Self.split(Array(" \n\r\n".utf8)).isEmpty)
        #expect(try Self.split(Array("[ ]\n".utf8)).isEmpty)
        #expect(try Self.split([0xEF, 0xBB, 0xBF]).isEmpty)
    }

    @Test func aChunkWithoutACompleteRecordGivesNone() throws {
        var splitter = RecordSplitter(file: "f")
        #expect(try splitter.read(Array("[{\"a\": [1, 2".utf8)).isEmpty)
        #expect(
            try splitter.read(Array("]}, 3]".utf8)).map(\.bytes) == [Array("{\"a\": [1, 2]}".utf8), Array("3".utf8)])
        #expect(try splitter.finish().isEmpty)
    }

    static let errors: [(String, Int, Int, String)] = [
        ("[1,]", 1, 3, "trailing comma before ']'"),
        ("[\n  {},\n]", 2, 5, "trailing comma before ']'"),
        ("[,1]", 1, 2, "unexpected character ',' (expected a value)"),
        ("[1 2]", 1, 4, "unexpected character '2' (expected ',' or ']')"),
        ("[{\"a\":1}}]", 1, 9, "unexpected character '}' (expected ',' or ']')"),
        ("[1]\nx", 2, 1, "unexpected character 'x' after the JSON array"),
        ("[1] [2]", 1, 5, "unexpected character '[' after the JSON array"),
        ("[\"a\"，\"b\"]", 1, 5, "unexpected non-ASCII character (expected ',' or ']')"),
        ("[\n  {\"a\": \"b}]\n", 2, 3, "unexpected end of input: this element is never closed"),
        ("[1,", 1, 4, "unexpected end of input (expected a value)"),
        ("[1", 1, 3, "unexpected end of input (expected ',' or ']')"),
        ("[{}", 1, 4, "unexpected end of input (expected ',' or ']')"),
        ("[", 1, 2, "unexpected end of input (expected a value)"),
    ]

    @Test("the array's punctuation is checked", arguments: errors)
    func arrayFramingErrors(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        let error = #expect(throws: DataError.self) { try Self.split(Array(text.utf8)) }
        #expect(error?.location == SourceLocation(file: "cases.jsonl", line: line, column: column))
        #expect(error?.message == message)
    }
}
