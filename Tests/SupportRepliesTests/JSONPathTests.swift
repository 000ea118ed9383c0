import SupportReplies
import Testing

@Suite("JSONPath")
struct JSONPathTests {
    static let printed: [([JSONPath.Component], String)] = [
        ([], "$"),
        ([.key("customer"), .key("name")], "customer.name"),
        ([.key("thread"), .index(0), .key("from"), .key("email")], "thread[0].from.email"),
        ([.index(2)], "[2]"),
        ([.index(0), .index(1)], "[0][1]"),
        ([.key("a.b")], #"["a.b"]"#),
        ([.key("a.b"), .key("c")], #"["a.b"].c"#),
        ([.key("a"), .key("b c")], #"a["b c"]"#),
        ([.key("")], #"[""]"#),
        ([.key(#"say "hi"\"#)], #"["say \"hi\"\\"]"#),
        ([.key("line\nbreak")], #"["line\u000abreak"]"#),
        ([.key("$")], #"["$"]"#),
        ([.key("x[0]")], #"["x[0]"]"#),
        ([.key("客户"), .key("名字")], "客户.名字"),
        ([.key("0")], "0"),
    ]

    @Test("prints the way people write paths, and parses back", arguments: printed)
    func printsAndParses(_ components: [JSONPath.Component], _ text: String) {
        let path = JSONPath(components)
        #expect(path.description == text)
        #expect(JSONPath(dotted: text) == path)
    }

    static let parsed: [(String, [JSONPath.Component])] = [
        ("", []),
        ("$.customer.name", [.key("customer"), .key("name")]),
        ("$[3].a", [.index(3), .key("a")]),
        ("cc[12]", [.key("cc"), .index(12)]),
        ("a[x]", [.key("a[x]")]),
        ("[x].y", [.key("[x]"), .key("y")]),
        (#"["a\u0041"]"#, [.key("aA")]),
        ("a.", [.key("a"), .key("")]),
    ]

    @Test("parses dotted text leniently", arguments: parsed)
    func parsesDotted(_ text: String, _ components: [JSONPath.Component]) {
        #expect(JSONPath(dotted: text).components == components)
    }

    @Test func appendingAddsOneStep() {
        let path = JSONPath(dotted: "thread").appending(.index(1)).appending(.key("subject"))
        #expect(path.description == "thread[1].subject")
    }

    @Test func locationsPrintWithOrWithoutColumn() {
        #expect(SourceLocation(file: "a.json", line: 3, column: 7).description == "a.json:3:7")
        #expect(SourceLocation(file: "sheet.csv", line: 17, column: 0).description == "sheet.csv:17")
    }

    @Test func dataErrorsLeaveOutUnknownParts() {
        let location = SourceLocation(file: "cases.jsonl", line: 17, column: 0)
        let path = JSONPath(dotted: "customer.email")
        #expect(
            DataError(location: location, path: path, message: "required field is missing").description
                == "cases.jsonl:17: customer.email: required field is missing")
        #expect(DataError(path: path, message: "m").description == "customer.email: m")
        #expect(DataError(location: location, message: "m").description == "cases.jsonl:17: m")
        #expect(DataError(message: "m").description == "m")
    }
}
