import Foundation
import MustacheEngine
import SupportReplies
import Testing

/// One malformed JSON text and the error it must give.
struct JSONErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: [UInt8]
    let line: Int
    let column: Int
    let path: String?
    let message: String

    init(_ name: String, _ input: String, _ line: Int, _ column: Int, _ path: String?, _ message: String) {
        self.init(name, Array(input.utf8), line, column, path, message)
    }

    init(_ name: String, _ input: [UInt8], _ line: Int, _ column: Int, _ path: String?, _ message: String) {
        self.name = name
        self.input = input
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    var testDescription: String { name }
}

@Suite("JSONReader")
struct JSONReaderTests {
    static let errors: [JSONErrorCase] = [
        .init("empty input", "", 1, 1, nil, "empty input: expected a JSON value"),
        .init("only white space", "  \n   ", 2, 4, nil, "empty input: expected a JSON value"),
        .init("trailing comma in object", #"{"a":1,}"#, 1, 7, nil, "trailing comma before '}'"),
        .init("trailing comma in array", "[1,2,]", 1, 5, nil, "trailing comma before ']'"),
        .init("trailing comma, nested", #"{"a": [1, ]}"#, 1, 9, "a", "trailing comma before ']'"),
        .init("bad literal", #"{"a": tru}"#, 1, 10, "a", "unexpected character '}' (expected 'true')"),
        .init("capitalised literal", "[True]", 1, 2, "[0]", "unexpected character 'T' (expected a value)"),
        .init("missing colon", #"{"a" 1}"#, 1, 6, "a", "unexpected character '1' (expected ':')"),
        .init("unquoted key", "{a:1}", 1, 2, nil, "unexpected character 'a' (expected a key in double quotes)"),
        .init("single quotes", "['a']", 1, 2, "[0]", "unexpected character ''' (expected a value)"),
        .init("missing comma", "[1 2]", 1, 4, nil, "unexpected character '2' (expected ',' or ']')"),
        .init(
            "missing comma in object", #"{"a":1 "b":2}"#, 1, 8, nil, "unexpected character '\"' (expected ',' or '}')"),
        .init("leading comma", "[,1]", 1, 2, "[0]", "unexpected character ',' (expected a value)"),
        .init("comment", "{} // note", 1, 4, nil, "unexpected character '/' after the JSON value"),
        .init("trailing garbage", "{\"a\":1}\n\nx", 3, 1, nil, "unexpected character 'x' after the JSON value"),
        .init("second value", "1 2", 1, 3, nil, "unexpected character '2' after the JSON value"),
        .init("end inside object", #"{"a":1"#, 1, 7, nil, "unexpected end of input (expected ',' or '}')"),
        .init("end after bracket", "[", 1, 2, "[0]", "unexpected end of input (expected a value)"),
        .init("end after colon", #"{"a":"#, 1, 6, "a", "unexpected end of input (expected a value)"),
        .init("unterminated string", #"["abc"#, 1, 2, "[0]", "unterminated string"),
        .init("unterminated key", #"{"abc"#, 1, 2, nil, "unterminated string"),
        .init("end after backslash", #"["ab\"#, 1, 2, "[0]", "unterminated string"),
        .init(
            "invalid escape, with path", #"{"customer": {"name": "a\qb"}}"#, 1, 25, "customer.name",
            "invalid escape '\\q'"),
        .init("invalid escape in key", #"{"a\x": 1}"#, 1, 4, nil, "invalid escape '\\x'"),
        .init("escaped line break", "[\"a\\\nb\"]", 1, 4, "[0]", "invalid escape: '\\' followed by U+000A"),
        .init(
            "short unicode escape", #"["\u12G4"]"#, 1, 3, "[0]",
            "invalid escape: '\\u' must be followed by 4 hex digits"),
        .init(
            "unicode escape at end", #"["\u12"#, 1, 3, "[0]", "invalid escape: '\\u' must be followed by 4 hex digits"),
        .init("lone high surrogate", #"["\ud83d"]"#, 1, 3, "[0]", "unpaired surrogate escape '\\uD83D'"),
        .init("high surrogate then text", #"["\ud83dx"]"#, 1, 3, "[0]", "unpaired surrogate escape '\\uD83D'"),
        .init("two high surrogates", #"["\ud83d\ud83d"]"#, 1, 3, "[0]", "unpaired surrogate escape '\\uD83D'"),
        .init("lone low surrogate", #"["ok", "\uDE00"]"#, 1, 9, "[1]", "unpaired surrogate escape '\\uDE00'"),
        .init("raw tab in string", "[\"a\tb\"]", 1, 4, "[0]", "control character U+0009 in string"),
        .init("raw line break in string", "{\"a\": \"one\ntwo\"}", 1, 11, "a", "control character U+000A in string"),
        .init("raw NUL in string", [0x5B, 0x22, 0x61, 0x00, 0x22, 0x5D], 1, 4, "[0]", "NUL character is not allowed"),
        .init("escaped NUL", #"{"k": "a\u0000"}"#, 1, 9, "k", "NUL character is not allowed"),
        .init("raw NUL outside strings", [0x5B, 0x31, 0x2C, 0x00, 0x5D], 1, 4, "[1]", "NUL character is not allowed"),
        .init("duplicate key", #"{"name": 1, "name": 2}"#, 1, 13, "name", "duplicate key 'name'"),
        .init(
            "duplicate key, nested", "{\"customer\": {\n  \"name\": \"a\",\n  \"name\": \"b\"}}", 3, 3,
            "customer.name", "duplicate key 'name'"),
        .init("leading zero", "[01]", 1, 3, "[0]", "invalid number: leading zero"),
        .init("minus alone", "[-]", 1, 3, "[0]", "invalid number: expected a digit after '-'"),
        .init("minus letter", "-x", 1, 2, nil, "invalid number: expected a digit after '-'"),
        .init("point without digits", "[1.]", 1, 4, "[0]", "invalid number: expected a digit after '.'"),
        .init(
            "exponent without digits", "[1e]", 1, 4, "[0]", "invalid number: expected a digit after the exponent sign"),
        .init(
            "signed exponent without digits", "[1E+]", 1, 5, "[0]",
            "invalid number: expected a digit after the exponent sign"),
        .init("leading point", "[.5]", 1, 2, "[0]", "unexpected character '.' (expected a value)"),
        .init("leading plus", "[+1]", 1, 2, "[0]", "unexpected character '+' (expected a value)"),
        .init("hex number", "[0x1F]", 1, 3, nil, "unexpected character 'x' (expected ',' or ']')"),
        .init(
            "columns count characters", #"{"名字": x}"#, 1, 8, "名字", "unexpected character 'x' (expected a value)"),
        .init(
            "full-width comma", "[1，2]", 1, 3, nil, "unexpected character '，' (expected ',' or ']')"),
        .init(
            "error on a later line", "{\n  \"a\": [1,\n    2,,\n  ]\n}", 3, 7, "a[2]",
            "unexpected character ',' (expected a value)"),
        .init(
            "ideographic space is named", "[1,\u{3000}2]", 1, 4, "[1]", "unexpected character U+3000 (expected a value)"
        ),
        .init("byte order mark inside", "{} \u{FEFF}", 1, 4, nil, "unexpected character U+FEFF after the JSON value"),
        .init(
            "byte order mark is not a column", [0xEF, 0xBB, 0xBF] + Array("[x]".utf8), 1, 2, "[0]",
            "unexpected character 'x' (expected a value)"),
        .init(
            "invalid UTF-8 byte in string", [0x5B, 0x22, 0x61, 0xFF, 0x62, 0x22, 0x5D], 1, 4, "[0]", "invalid UTF-8"),
        .init("truncated sequence in string", [0x5B, 0x22, 0xE4, 0xB8, 0x22, 0x5D], 1, 3, "[0]", "invalid UTF-8"),
        .init("overlong encoding", [0x22, 0x61, 0x62, 0xC0, 0xAF, 0x22], 1, 4, nil, "invalid UTF-8"),
        .init("encoded surrogate", [0x22, 0xED, 0xA0, 0x80, 0x22], 1, 2, nil, "invalid UTF-8"),
        .init(
            "Latin-1 text after valid UTF-8", Array("{\"k\": \"中".utf8) + [0xE9, 0x22, 0x7D], 1, 9, "k", "invalid UTF-8"
        ),
        .init("invalid UTF-8 in key", [0x7B, 0x22, 0x80, 0x22, 0x3A, 0x31, 0x7D], 1, 3, nil, "invalid UTF-8"),
        .init(
            "invalid UTF-8 in escaped string", Array(#"["\n"#.utf8) + [0xFE, 0x22, 0x5D], 1, 5, "[0]", "invalid UTF-8"),
        .init("invalid UTF-8 before a control character", [0x22, 0xE4, 0x01, 0x22], 1, 2, nil, "invalid UTF-8"),
        .init("invalid UTF-8 outside strings", [0x5B, 0xFF, 0x5D], 1, 2, "[0]", "invalid UTF-8"),
    ]

    @Test("errors name line, column, path and problem", arguments: errors)
    func reportsErrors(_ row: JSONErrorCase) {
        let error = #expect(throws: DataError.self) { try JSONReader.parse(row.input, file: "case.json") }
        #expect(error?.location == SourceLocation(file: "case.json", line: row.line, column: row.column))
        #expect(error?.path?.description == row.path)
        #expect(error?.message == row.message)
    }

    @Test func errorDescriptionJoinsTheParts() {
        let error = #expect(throws: DataError.self) {
            try JSONReader.parse(Array(#"{"customer": {"name": "a\qb"}}"#.utf8), file: "case.json")
        }
        #expect(error?.description == #"case.json:1:25: customer.name: invalid escape '\q'"#)
    }

    @Test func firstLineAndColumnShiftLocations() {
        let error = #expect(throws: DataError.self) {
            try JSONReader.parse(
                Array("{\"a\": x,\n \"b\": y}".utf8), file: "cases.jsonl", firstLine: 17, firstColumn: 5)
        }
        #expect(error?.location?.description == "cases.jsonl:17:11")
        let later = #expect(throws: DataError.self) {
            try JSONReader.parse(
                Array("{\"a\": 1,\n \"b\": y}".utf8), file: "cases.jsonl", firstLine: 17, firstColumn: 5)
        }
        #expect(later?.location?.description == "cases.jsonl:18:7")
    }

    @Test func nestingUpTo256LevelsIsAccepted() throws {
        let text = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        var value = try JSONReader.parse(Array(text.utf8), file: "deep.json")
        var depth = 0
        while case .list(let items) = value {
            depth += 1
            value = items.first ?? .null
        }
        #expect(depth == 256)
    }

    @Test func nestingDeeperThan256LevelsFailsAtLevel257() {
        let error = #expect(throws: DataError.self) {
            try JSONReader.parse(Array(String(repeating: "[", count: 257).utf8), file: "deep.json")
        }
        #expect(error?.message == "nesting deeper than 256 levels")
        #expect(error?.location?.column == 257)
        #expect(error?.path == nil, "a path of 256 [0]s would only make the message unreadable")
    }

    @Test func hostileNestingFailsFastWithoutOverflowingTheStack() {
        let objects = Array(repeating: Array(#"{"a":"#.utf8), count: 100_000).joined()
        for text in [[UInt8](repeating: UInt8(ascii: "["), count: 100_000), Array(objects)] {
            let error = #expect(throws: DataError.self) { try JSONReader.parse(text, file: "deep.json") }
            #expect(error?.message == "nesting deeper than 256 levels")
        }
    }

    static let values: [(String, TemplateValue)] = [
        (#"{"price": 1.50}"#, ["price": .number("1.50")]),
        (
            "[-0, 0, 1e10, 1E-5, -12.5e+3, 123456789012345678901234567890]",
            [
                .number("-0"), .number("0"), .number("1e10"), .number("1E-5"), .number("-12.5e+3"),
                .number("123456789012345678901234567890"),
            ]
        ),
        (#""\ud83d\ude00 \u00e9\u4E2D""#, "😀 é中"),
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{C}\n\r\t"),
        ("\u{FEFF}{}", .object(TemplateObject())),
        (" \t\r\n[true, false, null, [], {}] \n", [true, false, nil, [], .object(TemplateObject())]),
        (
            #"{"客户": {"名字": "张三", "邮箱": "zhang@example.com"}, "z": "", "a": [1, "b"]}"#,
            ["客户": ["名字": "张三", "邮箱": "zhang@example.com"], "z": "", "a": [1, "b"]]
        ),
        (
            #""line\u2028break and a long ASCII string past one machine word""#,
            "line\u{2028}break and a long ASCII string past one machine word"
        ),
        (#""12345678\"12345678\\""#, "12345678\"12345678\\"),
    ]

    @Test("valid JSON reads as expected and survives a round trip", arguments: values)
    func readsAndRoundTrips(_ text: String, _ expected: TemplateValue) throws {
        let value = try JSONReader.parse(Array(text.utf8), file: "valid.json")
        #expect(value == expected)
        for pretty in [false, true] {
            #expect(try JSONReader.parse(Array(JSONWriter.string(value, pretty: pretty).utf8), file: "w.json") == value)
        }
    }

    @Test func objectsKeepTheirKeyOrder() throws {
        let value = try JSONReader.parse(Array(#"{"z": 1, "a": 2, "m": 3}"#.utf8), file: "o.json")
        #expect(value.objectValue?.keys == ["z", "a", "m"])
    }

    @Test func acceptsAnyContiguousOrNotCollection() throws {
        let text = #"{"a": [1, "x"]}"#
        let expected: TemplateValue = ["a": [1, "x"]]
        #expect(try JSONReader.parse(text.utf8, file: "s") == expected)
        #expect(try JSONReader.parse(Array(text.utf8)[...], file: "s") == expected)
        #expect(try JSONReader.parse(AnyCollection(text.utf8), file: "s") == expected)
        let fromRaw = try Array(text.utf8).withUnsafeBytes { raw throws(DataError) in
            try JSONReader.parse(raw, file: "s")
        }
        #expect(fromRaw == expected)
    }

    @Test func stringsLongerThanAWordAtEveryOffset() throws {
        for length in 0..<40 {
            let body = String(repeating: "a", count: length)
            for special in ["", "\\n", "中"] {
                let text = "[\"" + body + special + body + "\", 1]"
                let expected: TemplateValue = [.string(body + (special == "\\n" ? "\n" : special) + body), 1]
                #expect(try JSONReader.parse(Array(text.utf8), file: "s") == expected)
            }
        }
    }

    @Test func controlsAndBadBytesAreFoundAtEveryOffsetOfALongString() {
        for length in 0..<24 {
            let prefix = Array(repeating: UInt8(ascii: "a"), count: length)
            let suffix = Array(repeating: UInt8(ascii: "b"), count: 16)
            for (bad, message) in [
                (UInt8(0x09), "control character U+0009 in string"), (0x00, "NUL character is not allowed"),
                (0x1F, "control character U+001F in string"), (0xFF, "invalid UTF-8"),
            ] {
                let text = [UInt8(ascii: "\"")] + prefix + [bad] + suffix + [UInt8(ascii: "\"")]
                let error = #expect(throws: DataError.self) { try JSONReader.parse(text, file: "s") }
                #expect(error?.message == message, "offset \(length)")
                #expect(error?.location?.column == length + 2, "offset \(length)")
            }
        }
    }
}

@Suite("JSONReader on the shared examples")
struct JSONReaderSharedTests {
    @Test(
        "every shared case parses and survives a round trip",
        .enabled(if: FileManager.default.fileExists(atPath: SharedFiles.cases), "needs ../shared/cases"))
    func sharedCasesRoundTrip() throws {
        let files = SharedFiles.caseFiles()
        #expect(files.count >= 5)
        for name in files {
            let value = try SharedFiles.json(name)
            #expect(value.value(at: ["locale"]) != nil, "\(name)")
            let written = Array(JSONWriter.string(value, pretty: true).utf8)
            #expect(try JSONReader.parse(written, file: name) == value, "\(name)")
        }
    }

    @Test(
        "the shared batch splits into records that parse",
        .enabled(if: FileManager.default.fileExists(atPath: SharedFiles.cases), "needs ../shared/cases"))
    func sharedBatchSplits() throws {
        let bytes = try SharedFiles.bytes("batch.jsonl")
        var splitter = RecordSplitter(file: "batch.jsonl")
        var records: [RecordSplitter.Record] = []
        for start in stride(from: 0, to: bytes.count, by: 7) {
            records += try splitter.read(bytes[start..<min(bytes.count, start + 7)])
        }
        records += try splitter.finish()
        let lines = bytes.split(separator: UInt8(ascii: "\n"))
        #expect(records.count == lines.count)
        for (index, record) in records.enumerated() {
            #expect(record.line == index + 1)
            let value = try JSONReader.parse(record.bytes, file: "batch.jsonl", firstLine: record.line)
            #expect(value.value(at: ["case", "number"]) != nil)
        }
    }
}
