import MustacheEngine
import Testing

@Suite("Syntax errors")
struct SyntaxErrorTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let label: String
        let source: String
        let line: Int
        let column: Int
        let message: String
        var testDescription: String { label }
    }

    static let rows: [Row] = [
        Row(label: "unclosed tag", source: "Hello {{name", line: 1, column: 7, message: "unclosed tag: no '}}' after it"),
        Row(
            label: "unclosed tag after wide characters", source: "第一行\n名字 {{name", line: 2, column: 4,
            message: "unclosed tag: no '}}' after it"),
        Row(label: "unclosed triple mustache", source: "a {{{b}}", line: 1, column: 3, message: "unclosed tag: no '}}}' after it"),
        Row(label: "unclosed comment", source: "a\n\n  {{! note", line: 3, column: 3, message: "unclosed tag: no '}}' after it"),
        Row(
            label: "unclosed section points at its opening tag", source: "Dear {{name}},\n  {{#items}}\n- {{.}}\n",
            line: 2, column: 3, message: "unclosed section 'items'"),
        Row(label: "unclosed inverted section", source: "{{^empty}}none", line: 1, column: 1, message: "unclosed inverted section 'empty'"),
        Row(label: "unclosed parent", source: "x {{<layout}}", line: 1, column: 3, message: "unclosed parent 'layout'"),
        Row(label: "unclosed block", source: "{{$body}}\n", line: 1, column: 1, message: "unclosed block 'body'"),
        Row(
            label: "innermost unclosed section is reported", source: "{{#a}}\n{{#b}}\n", line: 2, column: 1,
            message: "unclosed section 'b'"),
        Row(
            label: "mismatched close", source: "{{#a}}\n  x {{/b}}", line: 2, column: 5,
            message: "mismatched close: expected 'a', found 'b'"),
        Row(
            label: "close without open", source: "text\n{{/items}}", line: 2, column: 1,
            message: "closing tag 'items' has no open section"),
        Row(
            label: "set-delimiter with one delimiter", source: "ok\n{{=<% =}}", line: 2, column: 1,
            message: "bad set-delimiter tag: expected two delimiters without '=', as in {{=<% %>=}}"),
        Row(
            label: "set-delimiter without closing equals", source: "{{=<% %>}}", line: 1, column: 1,
            message: "unclosed tag: no '=}}' after it"),
        Row(label: "empty variable name", source: "a {{ }}", line: 1, column: 3, message: "empty tag name"),
        Row(label: "empty section name", source: "{{#}}{{/}}", line: 1, column: 1, message: "empty tag name"),
        Row(label: "empty partial name", source: "{{> }}", line: 1, column: 1, message: "empty tag name"),
        Row(label: "name with a space", source: "{{first name}}", line: 1, column: 1, message: "tag name 'first name' contains whitespace"),
        Row(
            label: "positions after a delimiter change", source: "{{=<% %>=}}\n<%#a%>\n", line: 2, column: 1,
            message: "unclosed section 'a'"),
    ]

    @Test("errors name the problem and the tag's line and column", arguments: rows)
    func located(_ row: Row) {
        #expect(throws: TemplateSyntaxError(templateName: "letter", line: row.line, column: row.column, message: row.message)) {
            try Template(name: "letter", source: row.source)
        }
    }

    @Test func descriptionIsNameLineColumnMessage() {
        let error = TemplateSyntaxError(templateName: "reply", line: 3, column: 5, message: "unclosed section 'items'")
        #expect(error.description == "reply:3:5: unclosed section 'items'")
    }

    @Test func setReportsTheFirstBrokenTemplateInNameOrder() {
        #expect(throws: TemplateSyntaxError(templateName: "b", line: 1, column: 1, message: "unclosed section 'x'")) {
            try TemplateSet(sources: ["c": "{{/y}}", "a": "fine", "b": "{{#x}}"])
        }
    }
}
