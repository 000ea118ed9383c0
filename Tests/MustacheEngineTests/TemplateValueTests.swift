import MustacheEngine
import Testing

@Suite("TemplateValue")
struct TemplateValueTests {
    @Test(
        "truthiness follows the spec's JavaScript rules",
        arguments: [
            (TemplateValue.null, false), (.bool(false), false), (.bool(true), true),
            (.number("0"), false), (.number("-0.0"), false), (.number("0e5"), false),
            (.number("10"), true), (.number("0.5"), true), (.string(""), false), (.string("0"), true),
            (.list([]), false), (.list([.null]), true), (.object(TemplateObject()), true),
        ])
    func truthiness(value: TemplateValue, expected: Bool) {
        #expect(value.isTruthy == expected)
    }

    @Test func objectKeepsOrderAndLastValue() {
        var object = TemplateObject([("b", "1"), ("a", "2"), ("b", "3")])
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == "3")
        object["b"] = nil
        #expect(object.keys == ["a"])
    }

    @Test func largeObjectsStayConsistentWithTheirIndex() {
        var object = TemplateObject()
        for i in 0..<40 { object["k\(i)"] = .number(String(i)) }
        object["k3"] = nil
        #expect(object.count == 39)
        #expect(object["k39"] == .number("39"))
        #expect(object["k3"] == nil)
        #expect(object["k4"] == .number("4"))
        object["k4"] = "four"
        #expect(object.keys.last == "k39")
        #expect(object["k4"] == "four")
    }

    @Test func dottedLookup() {
        let value: TemplateValue = ["customer": ["name": "Maria Keller"]]
        #expect(value.value(at: ["customer", "name"]) == "Maria Keller")
        #expect(value.value(at: ["customer", "email"]) == nil)
    }

    /// A key made once finds what the String subscript finds, in small
    /// (searched) and large (indexed) objects, and nothing in non-objects.
    @Test(arguments: [3, 40])
    func memberKeyLookup(size: Int) {
        let object = TemplateValue.object(TemplateObject((0..<size).map { ("key\($0)", TemplateValue.string("v\($0)")) }))
        for index in 0..<size {
            #expect(object[MemberKey("key\(index)")] == object["key\(index)"])
            #expect(object[MemberKey("key\(index)")] == .string("v\(index)"))
        }
        #expect(object[MemberKey("key")] == nil)
        #expect(object[MemberKey("key1x")] == nil)
        #expect(TemplateValue.string("key0")[MemberKey("key0")] == nil)
    }
}
