import SupportReplies
import Testing

@Suite("JSONReader.locate")
struct JSONLocateTests {
    static let text = Array(
        """
        {
          "customer": {
            "name": "Maria",
            "tags": ["a", {"b": 1}],
            "a.b": "odd"
          },
          "x": 1
        }
        """.utf8)

    static let rows: [(String, String, Int, Int)] = [
        ("$", "$", 1, 1),
        ("customer", "customer", 2, 15),
        ("customer.name", "customer.name", 3, 13),
        ("customer.tags[1].b", "customer.tags[1].b", 4, 25),
        (#"customer["a.b"]"#, #"customer["a.b"]"#, 5, 12),
        ("customer.email", "customer", 2, 15),
        ("customer.tags[5]", "customer.tags", 4, 13),
        ("customer.tags[1].c.d", "customer.tags[1]", 4, 19),
        ("x.y", "x", 7, 8),
        ("nope.z", "$", 1, 1),
        ("[0]", "$", 1, 1),
    ]

    @Test("finds a path's value, or its deepest present ancestor", arguments: rows)
    func locates(_ path: String, _ found: String, _ line: Int, _ column: Int) throws {
        let result = try #require(JSONReader.locate(JSONPath(dotted: path), in: Self.text, file: "case.json"))
        #expect(result.found.description == found)
        #expect(result.location == SourceLocation(file: "case.json", line: line, column: column))
    }

    @Test func honoursByteOrderMarkAndFirstLine() throws {
        let text = [0xEF, 0xBB, 0xBF] + Array(#"{"a": {"b": "c"}}"#.utf8)
        let result = try #require(JSONReader.locate(JSONPath(dotted: "a.b"), in: text, file: "f", firstLine: 9))
        #expect(result.location.description == "f:9:13")
    }

    @Test func keysWithEscapesAreMatchedDecoded() throws {
        let text = Array(#"{"x": 0, "na\u006de": true}"#.utf8)
        let result = try #require(JSONReader.locate(JSONPath(dotted: "name"), in: text, file: "f"))
        #expect(result.location.column == 23)
    }

    @Test func invalidTextGivesNil() {
        #expect(JSONReader.locate(JSONPath(dotted: "b"), in: Array(#"{"a": tru, "b": 1}"#.utf8), file: "f") == nil)
        #expect(JSONReader.locate(JSONPath(), in: [UInt8](), file: "f") == nil)
    }
}
