import MustacheEngine
import SupportReplies
import Testing

@Suite("CSVRecordBuilder")
struct CSVRecordBuilderTests {
    static let header = ["case.number", "customer.name", "customer.email", "analysis.recommendations", "note"]
    static let lists: Set<JSONPath> = [JSONPath(dotted: "analysis.recommendations")]

    static func record(_ fields: [String], header: [String] = header, line: Int = 2) throws(DataError) -> TemplateValue
    {
        try CSVRecordBuilder(header: header, file: "sheet.csv").record(fields, line: line, isList: lists.contains)
    }

    @Test func dottedHeadersBuildNestedObjects() throws {
        let value = try Self.record(["CAS-1", "张三", "z@example.com", "重启服务; 检查日志 ;;", "C&M {{x}}"])
        #expect(
            value == [
                "case": ["number": "CAS-1"],
                "customer": ["name": "张三", "email": "z@example.com"],
                "analysis": ["recommendations": ["重启服务", "检查日志"]],
                "note": "C&M {{x}}",
            ])
    }

    @Test func emptyCellsAreAbsent() throws {
        let value = try Self.record(["CAS-1", "", "", " ; ;", " "])
        #expect(value == ["case": ["number": "CAS-1"], "note": " "])
    }

    @Test func wrongFieldCountNamesTheLine() {
        let error = #expect(throws: DataError.self) { try Self.record(["CAS-1", "x"], line: 17) }
        #expect(error?.description == "sheet.csv:17: expected 5 fields, found 2")
    }

    static let badHeaders: [([String], String)] = [
        (
            ["case.number", "thread[0].body"],
            "sheet.csv:1: column 'thread[0].body': indexed names are not supported; name nested fields with dots (customer.name)"
        ),
        (["customer..name"], "sheet.csv:1: column 'customer..name': empty name between dots"),
        (["a", "b", " a "], "sheet.csv:1: column 'a' appears twice"),
        (
            ["customer", "customer.name"],
            "sheet.csv:1: column 'customer.name' clashes with column 'customer': one is inside the other"
        ),
        (
            ["customer.name", "customer"],
            "sheet.csv:1: column 'customer' clashes with column 'customer.name': one is inside the other"
        ),
    ]

    @Test("header problems name the column", arguments: badHeaders)
    func badHeadersAreReported(_ header: [String], _ description: String) {
        let error = #expect(throws: DataError.self) {
            try Self.record(Array(repeating: "x", count: header.count), header: header)
        }
        #expect(error?.description == description)
    }

    @Test func unnamedColumnsMustStayEmpty() throws {
        #expect(try Self.record(["1", ""], header: ["a", ""]) == ["a": "1"])
        let error = #expect(throws: DataError.self) { try Self.record(["1", "2"], header: ["a", " "], line: 4) }
        #expect(error?.description == "sheet.csv:4: column 2 has a value but no header name")
    }

    @Test func tableReadsHeaderAndRows() throws {
        let table = try CSVTable([0xEF, 0xBB, 0xBF] + Array("name,cc.email\n李静,a@example.com\n".utf8), file: "t.csv")
        #expect(table.header == CSVRow(fields: ["name", "cc.email"], line: 1))
        #expect(table.rows == [CSVRow(fields: ["李静", "a@example.com"], line: 2)])
        let record = try table.recordBuilder(file: "t.csv").record(table.rows[0].fields, line: 2) { _ in false }
        #expect(record == ["name": "李静", "cc": ["email": "a@example.com"]])
        #expect(throws: DataError.self) { try CSVTable([UInt8](), file: "t.csv") }
    }
}
