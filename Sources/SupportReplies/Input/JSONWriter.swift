public import MustacheEngine

/// Writes `TemplateValue`s as JSON text.
///
/// Numbers are written as their literal text, strings as UTF-8 with only
/// what must or should be escaped escaped: `"` and `\`, control characters
/// (C0, DEL and C1), and U+2028/U+2029, which break JavaScript parsers.
/// Lambdas have no JSON form and are written as `null`. Pretty output
/// indents by two spaces and puts `": "` between key and value; compact
/// output has no white space at all. No newline is added at the end.
public enum JSONWriter {
    /// The JSON text of `value`.
    public static func string(_ value: TemplateValue, pretty: Bool = false) -> String {
        var output: [UInt8] = []
        write(value, pretty: pretty, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the JSON text of `value` to `output`.
    public static func write(_ value: TemplateValue, pretty: Bool, into output: inout [UInt8]) {
        var writer = Writer(pretty: pretty, output: output)
        output = []
        writer.write(value, indent: 0)
        output = writer.output
    }
}

private struct Writer {
    let pretty: Bool
    var output: [UInt8]

    mutating func write(_ value: TemplateValue, indent: Int) {
        switch value {
        case .null, .lambda: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .number(let literal): output.append(contentsOf: literal.utf8)
        case .string(let text): writeString(text)
        case .list(let items):
            writeContainer(items, open: "[", close: "]", indent: indent) { writer, item, inner in
                writer.write(item, indent: inner)
            }
        case .object(let object):
            writeContainer(Array(object.pairs), open: "{", close: "}", indent: indent) { writer, pair, inner in
                writer.writeString(pair.0)
                writer.append(writer.pretty ? ": " : ":")
                writer.write(pair.1, indent: inner)
            }
        }
    }

    private mutating func writeContainer<Element>(
        _ elements: [Element], open: StaticString, close: StaticString, indent: Int,
        _ writeElement: (inout Writer, Element, Int) -> Void
    ) {
        append(open)
        for (position, element) in elements.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            newline(indent + 1)
            writeElement(&self, element, indent + 1)
        }
        if !elements.isEmpty { newline(indent) }
        append(close)
    }

    private mutating func newline(_ indent: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private mutating func append(_ text: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A JSON string literal; escapes as the type's documentation says.
    private mutating func writeString(_ text: String) {
        output.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029:
                append("\\u")
                output.append(contentsOf: hex4(scalar.value).lowercased().utf8)
            case 0x20..<0x7F:
                output.append(UInt8(truncatingIfNeeded: scalar.value))
            default:
                output.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
