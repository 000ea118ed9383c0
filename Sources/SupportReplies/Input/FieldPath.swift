import MustacheEngine

/// A dotted path into a case (`customer.name`, `cc.0.email`), split once
/// into member keys, so that reading it from every record of a batch does
/// not split and hash the text again. A segment of ASCII digits indexes a
/// list where the value on the way is one.
struct FieldPath: Sendable, Equatable {
    /// The path as written, for messages.
    let dotted: String
    private let segments: [Segment]

    private struct Segment: Sendable, Equatable {
        let key: MemberKey
        let index: Int?
    }

    init(_ dotted: String) {
        self.dotted = dotted
        segments = dotted.split(separator: ".").map { part in
            Segment(key: MemberKey(String(part)), index: Self.index(part))
        }
    }

    /// The path one level down: `thread.0` + `from`.
    func appending(_ segment: String) -> FieldPath {
        FieldPath(dotted + "." + segment)
    }

    /// The value at this path in `data`, nil when a segment is absent or a
    /// value on the way is neither an object nor a list.
    func value(in data: TemplateValue) -> TemplateValue? {
        var current = data
        for segment in segments {
            switch current {
            case .object(let object):
                guard let next = object[segment.key] else { return nil }
                current = next
            case .list(let items):
                guard let index = segment.index, items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    /// The JSON path of this path, numeric segments as list indices.
    var jsonPath: JSONPath {
        JSONPath(segments.map { segment in segment.index.map { .index($0) } ?? .key(segment.key.name) })
    }

    /// A list index written in ASCII digits (at most 9).
    private static func index(_ digits: Substring) -> Int? {
        guard !digits.isEmpty, digits.utf8.count < 10 else { return nil }
        var value = 0
        for digit in digits.utf8 {
            guard digit &- UInt8(ascii: "0") < 10 else { return nil }
            value = value * 10 + Int(digit &- UInt8(ascii: "0"))
        }
        return value
    }
}
