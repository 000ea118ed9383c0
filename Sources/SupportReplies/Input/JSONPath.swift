/// The way to a value inside a JSON document: object keys and array indices.
///
/// Printed the way people write it: `customer.name`, `thread[0].from.email`.
/// A key that would be ambiguous in that form (empty, or holding `.`, `[`,
/// `]`, `"`, `\`, white space or a control character) is printed in
/// brackets as a JSON string: `["a.b"]`. The root prints as `$`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step: a member of an object or an element of an array.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the root, outermost first.
    public var components: [Component]

    /// A path from its steps; no steps is the root.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// Parses the printed form: `customer.name`, `thread[0].from.email`,
    /// `["a.b"].c`; `$` or the empty string is the root, and a leading `$`
    /// before `.` or `[` is allowed. The parse is lenient: a bracket that is
    /// neither `[digits]` nor `["string"]` is read as part of a key.
    public init(dotted text: String) {
        var reader = DottedPathReader(Array(text.unicodeScalars))
        self.init(reader.components())
    }

    /// This path with one more step at the end.
    public func appending(_ component: Component) -> JSONPath {
        JSONPath(components + [component])
    }

    /// The printed form; see the type's documentation.
    public var description: String {
        guard !components.isEmpty else { return "$" }
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where Self.isPlain(key):
                if !text.isEmpty { text += "." }
                text += key
            case .key(let key):
                text += "[" + Self.quoted(key) + "]"
            }
        }
        return text
    }

    /// True when `key` can be printed bare between dots.
    private static func isPlain(_ key: String) -> Bool {
        !key.isEmpty && key != "$" && key.unicodeScalars.allSatisfy { !needsQuoting($0) }
    }

    private static func needsQuoting(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "[", "]", "\"", "\\": return true
        default: return scalar.properties.isWhitespace || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        }
    }

    /// `key` as a JSON string literal, with `"`, `\` and controls escaped.
    private static func quoted(_ key: String) -> String {
        var text = "\""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                let hex = String(scalar.value, radix: 16, uppercase: false)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}

/// Reads the printed form of a `JSONPath`, one step at a time.
private struct DottedPathReader {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        if scalars.first == "$" && (scalars.count == 1 || scalars[1] == "." || scalars[1] == "[") {
            position = 1
        }
    }

    mutating func components() -> [JSONPath.Component] {
        var result: [JSONPath.Component] = []
        if position < scalars.count, scalars[position] == "." { position += 1 }
        while position < scalars.count {
            if scalars[position] == "[", let bracketed = readBracket() {
                result.append(bracketed)
            } else {
                result.append(.key(readBareKey()))
            }
            if position < scalars.count, scalars[position] == "." {
                position += 1
                if position == scalars.count { result.append(.key("")) }
            }
        }
        return result
    }

    /// A key up to the next `.` or a `[` that opens a valid bracket.
    private mutating func readBareKey() -> String {
        var key = String.UnicodeScalarView()
        while position < scalars.count, scalars[position] != "." {
            if scalars[position] == "[", !key.isEmpty, bracketIsValid() { break }
            key.append(scalars[position])
            position += 1
        }
        return String(key)
    }

    private func bracketIsValid() -> Bool {
        var probe = self
        return probe.readBracket() != nil
    }

    /// `[digits]` or `["string"]`; `nil` (and no movement) for anything else.
    private mutating func readBracket() -> JSONPath.Component? {
        let start = position
        position += 1
        if let component = position < scalars.count && scalars[position] == "\"" ? readQuotedKey() : readIndex(),
            position < scalars.count, scalars[position] == "]"
        {
            position += 1
            return component
        }
        position = start
        return nil
    }

    private mutating func readIndex() -> JSONPath.Component? {
        var value = 0
        let start = position
        while position < scalars.count, ("0"..."9").contains(scalars[position]) {
            guard value < Int.max / 10 - 9 else { return nil }
            value = value * 10 + Int(scalars[position].value - 0x30)
            position += 1
        }
        return position > start ? .index(value) : nil
    }

    private mutating func readQuotedKey() -> JSONPath.Component? {
        position += 1
        var key = String.UnicodeScalarView()
        while position < scalars.count {
            let scalar = scalars[position]
            position += 1
            switch scalar {
            case "\"":
                return .key(String(key))
            case "\\":
                guard let escaped = readEscape() else { return nil }
                key.append(escaped)
            default:
                key.append(scalar)
            }
        }
        return nil
    }

    private mutating func readEscape() -> Unicode.Scalar? {
        guard position < scalars.count else { return nil }
        let scalar = scalars[position]
        position += 1
        guard scalar == "u" else { return scalar == "\"" || scalar == "\\" ? scalar : nil }
        guard position + 4 <= scalars.count,
            let value = UInt32(String(String.UnicodeScalarView(scalars[position..<position + 4])), radix: 16)
        else { return nil }
        position += 4
        return Unicode.Scalar(value)
    }
}
