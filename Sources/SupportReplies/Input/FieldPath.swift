import MustacheEngine

/// A dotted path into a case (`customer.name`, `cc.0.email`), split once
/// into member keys, so that reading it from every record of a batch does
/// not split and hash the text again. A segment of ASCII digits indexes a
/// list where the value on the way is one.
struct FieldPath: Sendable, Equatable {
    /// The path as written, for messages.
    let dotted: String
    /// One key a segment (`[MemberKey]`, a type the template engine
    /// already uses: a one-off reply makes no new generic type for paths).
    private let keys: [MemberKey]

    init(_ dotted: String) {
        var text = dotted
        keys = text.withUTF8 { bytes in
            var keys: [MemberKey] = []
            keys.reserveCapacity(bytes.count { $0 == UInt8(ascii: ".") } + 1)  // one allocation, not one per growth
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ".") {
                if end > start { keys.append(MemberKey(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))) }
                start = end + 1
            }
            return keys
        }
        self.dotted = dotted
    }

    private init(dotted: String, keys: [MemberKey]) {
        self.dotted = dotted
        self.keys = keys
    }

    /// The path one level down: `thread.0` + `from` (a segment without dots).
    func appending(_ segment: String) -> FieldPath {
        var keys: [MemberKey] = []
        keys.reserveCapacity(self.keys.count + 1)
        keys += self.keys
        keys.append(MemberKey(segment))
        return FieldPath(dotted: dotted + "." + segment, keys: keys)
    }

    /// The value at this path in `data`, nil when a segment is absent or a
    /// value on the way is neither an object nor a list.
    func value(in data: TemplateValue) -> TemplateValue? {
        var current = data
        for key in keys {
            switch current {
            case .object(let object):
                guard let next = object[key] else { return nil }
                current = next
            case .list(let items):
                guard let index = Self.index(key.name), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    /// The JSON path of this path, numeric segments as list indices.
    var jsonPath: JSONPath {
        JSONPath(keys.map { key in Self.index(key.name).map { .index($0) } ?? .key(key.name) })
    }

    /// A list index written in ASCII digits (at most 9).
    private static func index(_ digits: String) -> Int? {
        guard !digits.isEmpty, digits.utf8.count < 10 else { return nil }
        var value = 0
        for digit in digits.utf8 {
            guard digit &- UInt8(ascii: "0") < 10 else { return nil }
            value = value * 10 + Int(digit &- UInt8(ascii: "0"))
        }
        return value
    }
}
