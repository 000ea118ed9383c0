import MustacheEngine
import Testing

/// Templates that take the lexer off its fast paths (a tag read in one pass,
/// text scanned eight bytes at a time) or split text into several stretches,
/// rendered through both outputs: the `String` one and the byte one copy
/// text from different places and must agree.
@Suite("Tag reading and text")
struct TagReadingTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let label: String
        let source: String
        let data: TemplateValue
        var partials: [String: String] = [:]
        let expected: String
        var testDescription: String { label }
    }

    static let longLine = String(repeating: "感谢您的耐心等待。", count: 5)

    static let rows: [Row] = [
        Row(label: "padded names", source: "{{ a }}|{{# b }}y{{/ b }}|{{& a }}", data: ["a": "1", "b": true], expected: "1|y|1"),
        Row(
            label: "a name holding the first byte of the closing delimiter", source: "{{a}b}}", data: ["a}b": "x"],
            expected: "x"),
        Row(
            label: "a sigil equal to the first byte of the closing delimiter", source: "{{=<% #%>=}}<%#a#%>yes<%/a#%>",
            data: ["a": true], expected: "yes"),
        Row(
            label: "a dynamic partial with padding around the star", source: "[{{> * name }}]", data: ["name": "p"],
            partials: ["p": "P"], expected: "[P]"),
        Row(
            label: "a control byte inside a long name", source: "{{abcdefghij\u{1}klm}}", data: ["abcdefghij\u{1}klm": "ok"],
            expected: "ok"),
        Row(label: "names and text in Chinese", source: "名字：{{名字}}\n", data: ["名字": "张三"], expected: "名字：张三\n"),
        Row(
            label: "tags at every offset of long lines", source: longLine + "{{a}}" + "abc" + "{{b}}" + longLine + "x{{a}}\n",
            data: ["a": "1", "b": "2"], expected: longLine + "1abc2" + longLine + "x1\n"),
        Row(
            label: "a brace that starts no tag", source: "a { b }} c {{x}} {", data: ["x": "1"], expected: "a { b }} c 1 {"),
        Row(label: "text broken by a standalone comment", source: "a\n{{! note }}\nb\n", data: [:], expected: "a\nb\n"),
        Row(
            label: "an indented partial whose text is broken by a standalone comment", source: "  {{>p}}\n", data: [:],
            partials: ["p": "x\n{{! c }}\ny\n"], expected: "  x\n  y\n"),
    ]

    @Test("both outputs render the row as expected", arguments: rows)
    func renders(_ row: Row) throws {
        var sources = row.partials
        sources["main"] = row.source
        let set = try TemplateSet(sources: sources)
        let options = RenderOptions(escaping: .none)
        #expect(try set.render("main", data: row.data, options: options) == row.expected)
        var bytes: [UInt8] = Array("kept:".utf8)
        try set.render("main", data: row.data, options: options, into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "kept:" + row.expected)
    }
}
