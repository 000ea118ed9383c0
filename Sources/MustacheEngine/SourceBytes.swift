/// The few ASCII bytes the engine looks at.
enum ASCII {
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// Space, tab, CR or LF: padding inside tags.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == lineFeed || byte == carriageReturn
    }
}

/// Byte searches and comparisons over template source.
extension UnsafeBufferPointer<UInt8> {
    /// True when `pattern` occurs at `index`.
    @inline(__always)
    func hasPrefix(_ pattern: [UInt8], at index: Int) -> Bool {
        guard pattern.count <= count - index else { return false }
        for offset in pattern.indices where self[index + offset] != pattern[offset] { return false }
        return true
    }

    /// The first index at or after `start` where `pattern` occurs.
    func firstIndex(of pattern: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first else { return nil }
        var index = start
        while index < count {
            if self[index] == first, hasPrefix(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// True when the bytes in `first` and in `second` are the same.
    func bytes(_ first: Range<Int>, equal second: Range<Int>) -> Bool {
        guard first.count == second.count else { return false }
        for offset in 0..<first.count where self[first.lowerBound + offset] != self[second.lowerBound + offset] {
            return false
        }
        return true
    }
}

extension String {
    /// A string of the UTF-8 `bytes`, copied in one piece (cheaper than
    /// `String(decoding:as:)` for the short names and text runs of a template).
    init(copying bytes: UnsafeBufferPointer<UInt8>) {
        self.init(unsafeUninitializedCapacity: bytes.count) { buffer in
            guard let source = bytes.baseAddress else { return 0 }
            buffer.baseAddress!.initialize(from: source, count: bytes.count)
            return bytes.count
        }
    }
}
