import MustacheEngine
import Testing

@Suite("Template fields")
struct FieldsTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let label: String
        let source: String
        let fields: TemplateFields
        var testDescription: String { label }
    }

    static let rows: [Row] = [
        Row(label: "top-level reads are required", source: "{{a}} {{{b.c}}} {{&d}}", fields: TemplateFields(required: ["a", "b.c", "d"])),
        Row(
            label: "relative names make a list", source: "{{#items}}{{name}}: {{price}}{{/items}}",
            fields: TemplateFields(optional: ["items[].name", "items[].price"], lists: ["items"])),
        Row(
            label: "implicit iterator makes a list",
            source: "{{customer.name}}\n{{#analysis.findings}}\n- {{.}}\n{{/analysis.findings}}\n{{^analysis.findings}}\nnone\n{{/analysis.findings}}\n",
            fields: TemplateFields(
                required: ["customer.name"], optional: ["analysis.findings", "analysis.findings[]"],
                lists: ["analysis.findings"])),
        Row(
            label: "absolute names make a guard", source: "{{#customer.vip}}Dear VIP {{customer.name}}{{/customer.vip}}",
            fields: TemplateFields(optional: ["customer.name", "customer.vip"])),
        Row(
            label: "required wins over optional", source: "{{a}}{{#b}}{{a}}{{/b}}",
            fields: TemplateFields(required: ["a"], optional: ["b"])),
        Row(
            label: "nested lists", source: "{{#orders}}{{#lines}}{{sku}}{{/lines}}{{/orders}}",
            fields: TemplateFields(optional: ["orders[].lines[].sku"], lists: ["orders", "orders[].lines"])),
        Row(
            label: "inverted sections read the root", source: "{{^items}}{{fallback}}{{/items}}",
            fields: TemplateFields(optional: ["fallback", "items"])),
        Row(label: "dynamic partial names are reads", source: "{{>*kind}}", fields: TemplateFields(required: ["kind"])),
        Row(
            label: "parent arguments and block defaults", source: "{{<layout}}{{$body}}{{message}}{{/body}}{{/layout}}{{$foot}}{{sign}}{{/foot}}",
            fields: TemplateFields(required: ["message", "sign"])),
        Row(label: "static partials are not followed", source: "{{>header}}{{#items}}{{>row}}{{/items}}", fields: TemplateFields(optional: ["items"])),
    ]

    @Test("fields of one template", arguments: rows)
    func fields(_ row: Row) throws {
        #expect(try Template(name: "t", source: row.source).fields == row.fields)
    }

    @Test("required paths alone are the required fields", arguments: rows)
    func requiredPaths(_ row: Row) throws {
        let set = TemplateSet([try Template(name: "t", source: row.source)])
        #expect(set.requiredPaths(of: "t") == row.fields.required)
    }

    @Test func setFollowsPartialsAndParentsAndStopsAtCycles() throws {
        let set = try TemplateSet(sources: [
            "main": "{{>header}}{{#items}}{{>row}}{{/items}}{{<layout}}{{/layout}}",
            "header": "{{title}}",
            "row": "{{name}}{{#children}}{{>row}}{{/children}}",
            "layout": "{{$x}}{{footer}}{{/x}}{{>main}}",
        ])
        // `row` is not entered again inside itself, so `children` is judged
        // by what `row` reads outside the recursion: a guard.
        #expect(
            set.fields(of: "main")
                == TemplateFields(
                    required: ["footer", "title"], optional: ["items[].children", "items[].name"], lists: ["items"]))
        #expect(set.fields(of: "nothing") == TemplateFields())
        #expect(set.requiredPaths(of: "main") == ["footer", "title"])
        #expect(set.requiredPaths(of: "nothing") == [])
    }

    @Test func requiredPathsFollowPartialsOutsideSectionsOnly() throws {
        let set = try TemplateSet(sources: [
            "main": "{{>a}}{{>a}}{{#s}}{{>b}}{{/s}}{{^t}}{{>b}}{{/t}}{{<p}}{{$x}}{{arg}}{{/x}}{{/p}}{{>*dyn}}",
            "a": "{{z}}{{>main}}{{>c}}",
            "b": "{{only_in_sections}}",
            "c": "{{y}}{{z}}",
            "p": "{{$x}}{{default}}{{/x}}{{parent_read}}",
        ])
        let expected = ["arg", "default", "dyn", "parent_read", "y", "z"]
        #expect(set.fields(of: "main").required == expected)
        #expect(set.requiredPaths(of: "main") == expected)
    }

    @Test func referencesAreListed() throws {
        let template = try Template(name: "t", source: "{{>a}}{{#s}}{{>b}}{{/s}}{{<c}}{{$x}}{{>d}}{{/x}}{{/c}}")
        #expect(template.partialNames == ["a", "b", "c", "d"])
        #expect(!template.usesDynamicPartials)
        #expect(try Template(name: "t", source: "{{>*kind}}").usesDynamicPartials)
    }
}
