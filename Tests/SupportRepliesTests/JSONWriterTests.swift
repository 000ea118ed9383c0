import MustacheEngine
import SupportReplies
import Testing

@Suite("JSONWriter")
struct JSONWriterTests {
    static let sample: TemplateValue = [
        "a": [1, "x", true, nil], "b": .object(TemplateObject()), "c": [], "n": .number("1.50"),
    ]

    @Test func compactHasNoWhiteSpace() {
        #expect(JSONWriter.string(Self.sample) == #"{"a":[1,"x",true,null],"b":{},"c":[],"n":1.50}"#)
    }

    @Test func prettyIndentsByTwoSpaces() {
        #expect(
            JSONWriter.string(Self.sample, pretty: true) == """
                {
                  "a": [
                    1,
                    "x",
                    true,
                    null
                  ],
                  "b": {},
                  "c": [],
                  "n": 1.50
                }
                """)
    }

    @Test func escapesControlsAndLineSeparatorsButKeepsUTF8() {
        let text = "\"\\/\n\r\t\u{8}\u{C}\u{1}\u{1F}\u{7F}\u{85}\u{2028}\u{2029}中😀"
        #expect(JSONWriter.string(.string(text)) == #""\"\\/\n\r\t\b\f\u0001\u001f\u007f\u0085\u2028\u2029中😀""#)
    }

    @Test func lambdasAreWrittenAsNull() {
        #expect(JSONWriter.string(["f": .lambda(TemplateLambda { _ in "x" })]) == #"{"f":null}"#)
    }

    @Test func writeAppendsToTheBuffer() {
        var output = Array("data: ".utf8)
        JSONWriter.write(["k": "v"], pretty: false, into: &output)
        #expect(String(decoding: output, as: UTF8.self) == #"data: {"k":"v"}"#)
    }
}
