/// Where a render writes. Both outputs grow one buffer in place: bytes for
/// callers that want UTF-8, and a `String` for the `String` API, built
/// directly so the finished text needs no UTF-8 validation pass (which costs
/// more than the render itself for a long CJK reply).
///
/// Everything written is valid UTF-8 already: template text is cut only at
/// tag delimiters and line ends, values are Strings.
protocol RenderOutput {
    init()
    /// The UTF-8 length written so far.
    var count: Int { get }
    mutating func reserveCapacity(_ capacity: Int)
    /// Writes template text; `source` is the UTF-8 source of its template.
    mutating func write(_ text: TextNode, in source: [UInt8])
    mutating func write(_ text: String)
    mutating func write(_ text: Substring)
    /// Writes `text` with `& < > " '` replaced by HTML entities.
    mutating func writeEscaped(_ text: String)
    /// Removes what was written after the first `count` bytes and returns it.
    mutating func removeTail(from count: Int) -> String
}

/// UTF-8 bytes.
struct ByteOutput: RenderOutput {
    var bytes: [UInt8] = []

    var count: Int { bytes.count }

    mutating func reserveCapacity(_ capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func write(_ text: TextNode, in source: [UInt8]) {
        source.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[text.bytes])) }
    }

    mutating func write(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
    }

    mutating func write(_ text: Substring) {
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
    }

    mutating func writeEscaped(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ HTMLEscaping.append($0, to: &bytes) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { HTMLEscaping.append($0, to: &bytes) }
        }
    }

    mutating func removeTail(from count: Int) -> String {
        let tail = String(decoding: bytes[count...], as: UTF8.self)
        bytes.removeSubrange(count...)
        return tail
    }
}

/// A `String` built in place.
struct StringOutput: RenderOutput {
    var string = ""

    var count: Int { string.utf8.count }

    mutating func reserveCapacity(_ capacity: Int) { string.reserveCapacity(capacity) }

    mutating func write(_ text: TextNode, in source: [UInt8]) { string.append(contentsOf: text.string) }

    mutating func write(_ text: String) { string.append(text) }

    mutating func write(_ text: Substring) { string.append(contentsOf: text) }

    mutating func writeEscaped(_ text: String) {
        var runStart = text.startIndex
        var index = text.utf8.startIndex
        while index < text.utf8.endIndex {
            if let entity = HTMLEscaping.entity(for: text.utf8[index]) {
                string.append(contentsOf: text[runStart..<index])
                string.append(entity)
                runStart = text.utf8.index(after: index)
            }
            text.utf8.formIndex(after: &index)
        }
        string.append(contentsOf: text[runStart...])
    }

    mutating func removeTail(from count: Int) -> String {
        let start = string.utf8.index(string.startIndex, offsetBy: count)
        let tail = String(string[start...])
        string.removeSubrange(start...)
        return tail
    }
}
