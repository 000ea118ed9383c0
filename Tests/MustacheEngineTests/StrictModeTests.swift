import MustacheEngine
import Testing

@Suite("Strict mode")
struct StrictModeTests {
    static let strict = RenderOptions(escaping: .none, strict: true)

    static let data: TemplateValue = [
        "customer": ["name": "Maria Keller", "phone": nil],
        "items": [["sku": "A-1"], ["sku": "B-2", "note": "fragile"]],
        "kind": "signature",
    ]

    struct Row: Sendable, CustomTestStringConvertible {
        let label: String
        let sources: [String: String]
        let template: String
        let line: Int
        let column: Int
        let path: String?
        let message: String
        var testDescription: String { label }
    }

    static let failures: [Row] = [
        Row(
            label: "missing member", sources: ["main": "Hi {{customer.nme}},"], template: "main", line: 1, column: 4,
            path: "customer.nme", message: "missing variable 'customer.nme'"),
        Row(
            label: "missing root", sources: ["main": "a\n\n  {{{order.total}}}"], template: "main", line: 3, column: 3,
            path: "order.total", message: "missing variable 'order.total'"),
        Row(
            label: "ampersand form", sources: ["main": "{{& greeting}}"], template: "main", line: 1, column: 1,
            path: "greeting", message: "missing variable 'greeting'"),
        Row(
            label: "path through a string", sources: ["main": "{{kind.name}}"], template: "main", line: 1, column: 1,
            path: "kind.name", message: "missing variable 'kind.name'"),
        Row(
            label: "missing partial", sources: ["main": "Best,\n{{> sig}}\n"], template: "main", line: 2, column: 1,
            path: nil, message: "missing partial 'sig'"),
        Row(
            label: "missing partial inside a section", sources: ["main": "{{#items}}{{>row}}{{/items}}"], template: "main",
            line: 1, column: 11, path: nil, message: "missing partial 'row'"),
        Row(
            label: "missing parent", sources: ["main": "x{{<layout}}{{/layout}}"], template: "main", line: 1, column: 2,
            path: nil, message: "missing partial 'layout'"),
        Row(
            label: "dynamic partial naming nothing", sources: ["main": "{{>*kind}}"], template: "main", line: 1, column: 1,
            path: nil, message: "missing partial 'signature'"),
        Row(
            label: "dynamic partial with a missing name", sources: ["main": "{{>*style}}"], template: "main", line: 1,
            column: 1, path: "style", message: "missing variable 'style'"),
        Row(
            label: "reported in the partial that has the tag", sources: ["main": "{{>footer}}", "footer": "--\n{{agent}}"],
            template: "footer", line: 2, column: 1, path: "agent", message: "missing variable 'agent'"),
    ]

    @Test("missing data outside sections is an error at the tag", arguments: failures)
    func fails(_ row: Row) throws {
        let set = try TemplateSet(sources: row.sources)
        let expected = TemplateRenderError(
            templateName: row.template, line: row.line, column: row.column, path: row.path, message: row.message)
        #expect(throws: expected) { try set.render("main", data: Self.data, options: Self.strict) }
    }

    @Test(
        "sections, inverted sections and null values stay lenient",
        arguments: [
            ("{{#items}}{{sku}}:{{note}};{{/items}}", "A-1:;B-2:fragile;"),
            ("{{^customer.vip}}regular {{customer.tier}}{{/customer.vip}}", "regular "),
            ("{{#customer}}{{missing}}{{/customer}}!", "!"),
            ("[{{customer.phone}}]", "[]"),
            ("{{#missing}}x{{/missing}}{{^missing}}y{{/missing}}", "y"),
        ])
    func lenient(source: String, expected: String) throws {
        let set = TemplateSet([try Template(name: "main", source: source)])
        #expect(try set.render("main", data: Self.data, options: Self.strict) == expected)
    }

    @Test func partialInsideASectionIsLenient() throws {
        let set = try TemplateSet(sources: ["main": "{{#items}}{{>row}}{{/items}}", "row": "{{sku}}{{note}} "])
        #expect(try set.render("main", data: Self.data, options: Self.strict) == "A-1 B-2fragile ")
    }

    @Test func lenientModeRendersGapsEmpty() throws {
        let set = try TemplateSet(sources: ["main": "[{{nobody}}|{{> sig}}|{{<layout}}{{/layout}}]"])
        #expect(try set.render("main", data: Self.data) == "[||]")
    }

    @Test func unknownTemplateIsAnErrorWithoutPosition() {
        let expected = TemplateRenderError(
            templateName: "reply", line: 0, column: 0, path: nil, message: "no template named 'reply'")
        #expect(throws: expected) { try TemplateSet().render("reply", data: [:]) }
    }

    @Test func failedRenderLeavesTheBufferAsItWas() throws {
        let set = try TemplateSet(sources: ["main": "long text before the gap {{gap}}"])
        var output = Array("kept".utf8)
        #expect(throws: TemplateRenderError.self) {
            try set.render("main", data: [:], options: Self.strict, into: &output)
        }
        #expect(output == Array("kept".utf8))
    }

    @Test func errorDescriptionLocatesTheTag() {
        let error = TemplateRenderError(
            templateName: "reply", line: 4, column: 9, path: "customer.name", message: "missing variable 'customer.name'")
        #expect(error.description == "reply:4:9: missing variable 'customer.name'")
    }
}
