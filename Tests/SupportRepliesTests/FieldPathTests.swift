import MustacheEngine
import Testing

@testable import SupportReplies

@Suite struct FieldPathTests {
    private let data: TemplateValue = [
        "customer": ["name": "赵女士", "email": "zhao@example.com"],
        "cc": [["email": "a@example.com"], ["email": "b@example.com"]],
        "10": "a key of digits",
    ]

    @Test(arguments: [
        ("customer.name", TemplateValue.string("赵女士")),
        ("cc.1.email", TemplateValue.string("b@example.com")),
        ("cc.0", TemplateValue.object(TemplateObject([("email", .string("a@example.com"))]))),
        ("10", TemplateValue.string("a key of digits")),  // digits name a member of an object
    ] as [(String, TemplateValue)])
    func findsValues(path: String, expected: TemplateValue) {
        #expect(FieldPath(path).value(in: data) == expected)
    }

    @Test(arguments: ["customer.title", "cc.2.email", "cc.x", "customer.name.first", "cc.-1", "missing"])
    func missingValuesAreNil(path: String) {
        #expect(FieldPath(path).value(in: data) == nil)
    }

    @Test func jsonPathIndexesListsAndAppends() {
        #expect(FieldPath("cc.1").appending("email").dotted == "cc.1.email")
        #expect(FieldPath("cc.1").appending("email").jsonPath == JSONPath([.key("cc"), .index(1), .key("email")]))
    }
}
